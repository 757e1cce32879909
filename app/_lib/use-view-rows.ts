'use client';

/**
 * The rows of the dashboard's current view: its first {@link FIRST_ROWS} rows (the chart's rows;
 * the table shows the first {@link PAGE_ROWS} of them; lib/query/views.ts pageSql) and the row
 * count (rowCountSql, only when there are more), queried whenever
 * the view, the filter or the data changes; the result on screen stays until the new one replaces
 * it. Until DuckDB has answered, the unfiltered views show the first page the data build computed
 * (first-pages.json, fetched at once; not when this tab keeps uploads, which would change the
 * rows). A view whose definition says `reads: 'facts'` runs as soon as the facts are loaded; one
 * that reads `all` waits for reports and flags.
 *
 * A view with setup statements (指标's peer table, lib/query/views.ts ViewDef.setup) has them run
 * once per data version before its first query, not on a filter change.
 *
 * The page and count run as foreground queries (./query-priority.ts): the 合计 row, the trend and
 * the notes beside the view wait for them.
 *
 * For the benchmark the result carries `seq` (grows with every shown result) and `queryMs`.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { runQuery, type Row } from '@/lib/store/executor';
import type { Result } from '@/lib/model/result';
import { isEmptyFilter, type FilterState } from '@/lib/query/filters';
import { FIRST_ROWS, PAGE_ROWS, pageSql, queryToSql, rowCountSql, sortQuery, effectiveSort, type ViewDef, type ViewId, type ViewQuery, type ViewSort } from '@/lib/query/views';
import { MANIFEST_FORMAT, type FirstPages } from '@/lib/store/manifest';
import type { BrowserDb } from './duckdb-browser';
import { dataUrls, fetchData } from './data-urls';
import { keptUploadCount } from './upload-store';
import { foreground } from './query-priority';

/** A view's result as shown: its query and SQL, the first page of rows, the row count, timing. */
export interface ShownView {
  view: ViewId;
  /** The definition the rows come from: the view, or its grouped form (lib/query/group-totals.ts groupedView) — its columns head the table and the CSV. */
  def: ViewDef;
  filter: FilterState;
  query: ViewQuery;
  sql: string;
  /** The first {@link FIRST_ROWS} rows: the chart's rows; the table's first page is their first {@link PAGE_ROWS}. */
  rows: Row[];
  /** All rows of the view for the filter. */
  total: number;
  queryMs: number;
  /** Grows with every result DuckDB gave (0 for the build's first page). */
  seq: number;
}

/** The page of the table other than the first (fetched on demand), or null on the first page. */
export interface TablePage {
  page: number;
  rows: Row[];
  busy: boolean;
}

type ViewState = { status: 'loading' } | { status: 'error'; error: string } | ({ status: 'ready' } & ShownView);

let renderSeq = 0;

/** first-pages.json of the data build, when it fits this dashboard version; null until then or otherwise. */
function useFirstPages(enabled: boolean): FirstPages | null {
  const [firstPages, setFirstPages] = useState<FirstPages | null>(null);
  useEffect(() => {
    if (!enabled || keptUploadCount() > 0) return;
    let cancelled = false;
    void fetchData(dataUrls.firstPages())
      .then((r) => (r.ok ? (r.json() as Promise<FirstPages>) : null))
      .then((fp) => {
        if (!cancelled && fp && fp.format === MANIFEST_FORMAT && fp.pageRows === FIRST_ROWS) setFirstPages(fp);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return firstPages;
}

/** Per database, the setup (lib/query/views.ts ViewDef.setup) run for each view, by data version. */
const setupRuns = new WeakMap<BrowserDb, Map<ViewId, { version: number; done: Promise<Result<Row[]>> }>>();

/**
 * Runs the view's setup statements (指标: the peer table) once per data `version` — the first time
 * the view is shown, and again after an upload or 清除 changed the data — never on a filter change.
 * Concurrent callers share one run; a failed run is tried again on the next call.
 */
async function ensureViewSetup(db: BrowserDb, view: ViewDef, version: number): Promise<Result<Row[]>> {
  if (!view.setup?.length) return { ok: true, value: [] };
  const runs = setupRuns.get(db) ?? new Map<ViewId, { version: number; done: Promise<Result<Row[]>> }>();
  setupRuns.set(db, runs);
  const known = runs.get(view.id);
  if (known && known.version === version) return known.done;
  const exec = view.reads === 'facts' ? db.execFacts : db.exec;
  const done = (async (): Promise<Result<Row[]>> => {
    for (const sql of view.setup ?? []) {
      const r = await runQuery(exec, sql);
      if (!r.ok) return r;
    }
    return { ok: true, value: [] };
  })();
  runs.set(view.id, { version, done });
  void done.then((r) => {
    if (!r.ok && runs.get(view.id)?.done === done) runs.delete(view.id);
  });
  return done;
}

/** Runs the first {@link FIRST_ROWS} rows and, when there may be more, the row count of one view query (after its setup for this data `version`). */
async function queryFirstPage(db: BrowserDb, view: ViewDef, filter: FilterState, sort: ViewSort | null, version: number): Promise<ViewState> {
  const setup = await ensureViewSetup(db, view, version);
  if (!setup.ok) return { status: 'error', error: setup.error };
  const t0 = performance.now();
  // The user's column sort changes the query object (its ORDER BY), never the SQL text; the page,
  // the count and 下载 CSV (`sql`) all come from it.
  const query = sortQuery(view.query(filter), sort, view.columns);
  const exec = view.reads === 'facts' ? db.execFacts : db.exec;
  const r = await runQuery(exec, pageSql(query, FIRST_ROWS, 0));
  const n = r.ok && r.value.length === FIRST_ROWS ? await runQuery(exec, rowCountSql(query)) : null;
  const queryMs = performance.now() - t0;
  if (!r.ok) return { status: 'error', error: r.error };
  if (n && !n.ok) return { status: 'error', error: n.error };
  const total = n ? Number(n.value[0]?.n ?? 0) : r.value.length;
  return { status: 'ready', view: view.id, def: view, filter, query, sql: queryToSql(query), rows: r.value, total, queryMs, seq: 0 };
}

/**
 * The current view's rows (see the module comment). `db` is null until the database is ready;
 * `active` is false on the 审核 and 覆盖 tabs (nothing is queried); `version` re-runs the query
 * after the data changed; `sort` is the table's column sort (null: the view's own order).
 */
export function useViewRows(opts: { db: BrowserDb | null; version: number; view: ViewDef; filter: FilterState; sort?: ViewSort | null; urlRead: boolean; active: boolean }) {
  const { db, version, view, filter, urlRead, active } = opts;
  const sort = opts.sort ?? null;
  const [result, setResult] = useState<ViewState>({ status: 'loading' });
  // The query asked for, and the one the result answers: `querying` is derived from the two, so a
  // filter change renders the dashboard once before the answer, not twice (issue 15).
  const request = useMemo(() => ({ db, version, view, filter, sort }), [db, version, view, filter, sort]);
  const [answered, setAnswered] = useState<typeof request | null>(null);
  const querying = Boolean(db && urlRead && active) && answered !== request;
  const firstPages = useFirstPages(urlRead);

  useEffect(() => {
    if (!db || !urlRead || !active) return;
    let cancelled = false;
    setResult((prev) => (prev.status === 'ready' && prev.view === view.id ? prev : { status: 'loading' }));
    void foreground(db, () => queryFirstPage(db, view, filter, sort, version)).then((r) => {
      if (cancelled) return;
      setAnswered(request);
      setResult(r.status === 'ready' ? { ...r, seq: ++renderSeq } : r);
    });
    return () => {
      cancelled = true;
    };
  }, [db, version, view, filter, sort, urlRead, active, request]);

  const queried = result.status === 'ready' && result.def === view ? result : null;
  // Until DuckDB has answered for this view: the build's first page, when the filter is empty, no
  // column sort is chosen and the build ran the same SQL (same dashboard version).
  const early = useMemo((): ShownView | null => {
    if (queried || !firstPages || !active || !isEmptyFilter(filter) || effectiveSort(sort, view.columns)) return null;
    const fp = firstPages.views[view.id];
    const sql = view.sql(filter);
    return fp && fp.sql === sql ? { view: view.id, def: view, filter, query: view.query(filter), sql, rows: fp.rows, total: fp.total, queryMs: 0, seq: 0 } : null;
  }, [queried, firstPages, active, filter, view, sort]);
  const shown: ShownView | null = queried ?? early;
  const error = result.status === 'error' ? result.error : null;
  const paging = useTablePage(db, shown);
  return { shown, early, queried, error, querying, ...paging };
}

/** The table's page beyond the first (0 = the first page, which the view query already fetched). */
function useTablePage(db: BrowserDb | null, shown: ShownView | null): { page: TablePage | null; onPage: (page: number) => void } {
  const [tablePage, setTablePage] = useState<({ seq: number } & TablePage) | null>(null);
  const current = shown && tablePage?.seq === shown.seq ? tablePage : null;
  const onPage = useCallback(
    (page: number) => {
      if (!shown || !db) return;
      if (page === 0) {
        setTablePage(null);
        return;
      }
      const seq = shown.seq;
      setTablePage((p) => ({ seq, page: p?.seq === seq ? p.page : 0, rows: p?.seq === seq ? p.rows : shown.rows.slice(0, PAGE_ROWS), busy: true }));
      void foreground(db, () => runQuery(db.exec, pageSql(shown.query, PAGE_ROWS, page * PAGE_ROWS))).then((r) => {
        setTablePage((p) => (p && p.seq !== seq ? p : r.ok ? { seq, page, rows: r.value, busy: false } : { seq, page: p?.page ?? 0, rows: p?.rows ?? shown.rows.slice(0, PAGE_ROWS), busy: false }));
      });
    },
    [shown, db],
  );
  return { page: current, onPage };
}
