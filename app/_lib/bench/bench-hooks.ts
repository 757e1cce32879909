/**
 * Bench mode (`?bench=1` on the dashboard's first URL, tests/bench/bench-browser.ts): exposes to
 * the benchmark, as `window.__bench`,
 * - `duckdb(sql)`: runs SQL on the page's DuckDB → `{ rows, ms }` (row count, milliseconds);
 * - `viewSql(id, year?)`: a view's SQL for one report year (or no filter);
 * - `sqljs()`: loads sql.js with the same data (./sqljs-bench.ts) → `{ loadMs, run(sql) → { rows, ms } }`.
 * The dashboard imports this module dynamically and only in bench mode, so none of it (and no
 * sql.js) is loaded otherwise.
 */
import { getView, type ViewId } from '@/lib/query/views';
import type { BrowserDb } from '../duckdb-browser';

/** Sets `window.__bench` for the page's database (see the module comment). */
export function installBenchHooks(db: BrowserDb): void {
  (window as unknown as { __bench?: unknown }).__bench = {
    duckdb: async (sql: string) => {
      const t = performance.now();
      const rows = await db.exec(sql);
      return { rows: rows.length, ms: performance.now() - t };
    },
    viewSql: (id: ViewId, yearFrom?: number) => getView(id).sql(yearFrom === undefined ? { agencies: [], regions: [] } : { agencies: [], regions: [], yearFrom, yearTo: yearFrom }),
    sqljs: () => import('./sqljs-bench').then((m) => m.openSqlJsBench()),
  };
}
