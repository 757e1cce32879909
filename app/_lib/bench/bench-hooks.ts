/**
 * Bench mode (`?bench=1` on the dashboard's first URL, tests/bench/bench-browser.ts): exposes to
 * the benchmark, as `window.__bench`,
 * - `duckdb(sql)`: runs SQL on the page's DuckDB → `{ rows, ms }` (row count, milliseconds; the
 *   result read column by column, `execFactsColumns` — the engine's answer in JavaScript values,
 *   as sql.js's `exec` gives arrays of values, not the row objects the views build);
 * - `viewSql(id, year?)`: a view's whole SQL for one report year (or no filter);
 * - `changeSqls(id, year?)`: what one filter change of a view asks the engine (issue 15's
 *   "per-change queries"): its first rows (lib/query/views.ts FIRST_ROWS) and its row count;
 * - `aggregateSqls(year?)`: the aggregations beside the views (issue 15: "group-by province/city,
 *   peer percentiles, trends"): 依申请公开 按省汇总 and 按市汇总, the 合计 row and the per-year trend
 *   of 依申请公开 — `{ name, sql }[]`;
 * - `sqljs()`: loads sql.js with the same data (./sqljs-bench.ts) → `{ loadMs, run(sql) → { rows, ms } }`.
 * The dashboard imports this module dynamically and only in bench mode, so none of it (and no
 * sql.js) is loaded otherwise.
 */
import type { FilterState } from '@/lib/query/filters';
import { groupedView, totalRowQuery, trendView } from '@/lib/query/group-totals';
import { FIRST_ROWS, getView, pageSql, queryToSql, rowCountSql, type ViewId } from '@/lib/query/views';
import type { BrowserDb } from '../duckdb-browser';

const filterOf = (yearFrom?: number): FilterState => (yearFrom === undefined ? { agencies: [], regions: [] } : { agencies: [], regions: [], yearFrom, yearTo: yearFrom });

/** The aggregation SQLs of {@link installBenchHooks} for one year (or none). */
function aggregateSqls(yearFrom?: number): Array<{ name: string; sql: string }> {
  const f = filterOf(yearFrom);
  const apps = getView('applications');
  const out: Array<{ name: string; sql: string }> = [];
  for (const g of ['province', 'city'] as const) {
    const v = groupedView(apps, g);
    if (v) out.push({ name: `group=${g}`, sql: v.sql(f) });
  }
  const total = totalRowQuery(apps, f);
  if (total) out.push({ name: 'total row', sql: queryToSql(total) });
  const trend = trendView(apps);
  if (trend) out.push({ name: 'trend', sql: trend.sql(f) });
  return out;
}

/** Sets `window.__bench` for the page's database (see the module comment). */
export function installBenchHooks(db: BrowserDb): void {
  (window as unknown as { __bench?: unknown }).__bench = {
    duckdb: async (sql: string) => {
      const t = performance.now();
      const cols = await db.execFactsColumns(sql);
      return { rows: cols.numRows, ms: performance.now() - t };
    },
    viewSql: (id: ViewId, yearFrom?: number) => getView(id).sql(filterOf(yearFrom)),
    changeSqls: (id: ViewId, yearFrom?: number) => {
      const q = getView(id).query(filterOf(yearFrom));
      return [pageSql(q, FIRST_ROWS, 0), rowCountSql(q)];
    },
    aggregateSqls,
    sqljs: () => import('./sqljs-bench').then((m) => m.openSqlJsBench()),
  };
}
