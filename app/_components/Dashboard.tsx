'use client';

/**
 * The dashboard: starts DuckDB-WASM with the built data, holds the filter and the current tab
 * (all mirrored in the URL: ?view=…&agency=…&region=…&from=…&to=…, and the review queue's
 * rule/severity/status), and runs the current view's SQL. The chart, the table and the CSV
 * download all use the rows of that one query. Two tabs are not views: 审核 (the review queue)
 * and 覆盖 (the coverage grid). A click on a chart item or a table row's 机关 opens that report's
 * page, which links back here with the same URL parameters.
 *
 * 上传年报 (UploadPanel) adds reports read in this browser to the same database; they appear in
 * every view, filter and download beside the built-in data, marked 上传 (column `origin`).
 *
 * At scale a view is queried a page at a time (100 rows, lib/query/views.ts pageSql, plus its
 * rowCountSql): the table pages, the chart draws the first 60 rows, 下载 CSV runs the whole view.
 * For the benchmark (tests/bench/bench-browser.ts) the view panel carries `data-seq` (a number that
 * grows with every shown result) and `data-query-ms`; `?bench=1` exposes DuckDB and sql.js to it.
 */
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { chartForView, chartReportIds } from '@/lib/charts';
import { csvDownloadName, rowsToCsv } from '@/lib/csv';
import { runQuery, type Row } from '@/lib/store/executor';
import {
  describeFilter,
  EMPTY_FILTER,
  filterFromSearchParams,
  filterToSearchParams,
  isEmptyFilter,
  normalizeFilter,
  type FilterState,
} from '@/lib/query/filters';
import { filterOptionsFromRows, filterOptionsSql, getView, isViewId, PAGE_ROWS, pageSql, rowCountSql, VIEWS, type FilterOptions, type ViewId } from '@/lib/query/views';
import { reportHref } from '@/lib/present/links';
import { EMPTY_REVIEW_FILTER, reviewFilterFromSearchParams, reviewFilterToSearchParams, type ReviewFilter } from '@/lib/query/review';
import { INDICATORS } from '@/lib/query/indicators';
import { uploadedReportCountSql } from '@/lib/query/uploads';
import { FIRST_PAGES_FILE, MANIFEST_FORMAT, type FirstPages } from '@/lib/store/manifest';
import { keptUploadCount } from '../_lib/upload-store';
import { downloadText } from '../_lib/download-text';
import type { BrowserDb } from '../_lib/duckdb-browser';
import CoverageGrid from './CoverageGrid';
import DataTable from './DataTable';
import EChart from './EChart';
import FilterBar from './FilterBar';
import ReviewQueue from './ReviewQueue';
import UploadPanel from './UploadPanel';
import DbStatus from './DbStatus';
import { useBrowserDb } from '../_lib/use-browser-db';

/** A tab of the dashboard: one of the views, 审核 (review queue) or 覆盖 (coverage grid). */
type TabId = ViewId | 'review' | 'coverage';

const EXTRA_TABS: ReadonlyArray<{ id: 'review' | 'coverage'; title: string }> = [
  { id: 'review', title: '审核' },
  { id: 'coverage', title: '覆盖' },
];

function isTabId(s: string | null): s is TabId {
  return isViewId(s) || s === 'review' || s === 'coverage';
}

type DbState =
  | { status: 'loading' }
  | { status: 'error'; error: string; hint: string }
  | { status: 'ready'; db: BrowserDb; uploads: number; version: number };

/** The number of reports uploaded in this tab, read from the database. */
async function readUploadCount(db: BrowserDb): Promise<{ ok: true; uploads: number } | { ok: false; error: string }> {
  const counts = await runQuery(db.execFacts, uploadedReportCountSql());
  if (!counts.ok) return counts;
  return { ok: true, uploads: Number(counts.value[0]?.n ?? 0) };
}

/** Filter choices before they are read (the first view is queried first): no names, no years. */
const NO_OPTIONS: FilterOptions = { agencies: [], regions: [], years: [], agencyRegions: {}, uploadedAgencies: [], hasUploads: false };

type ViewState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; view: ViewId; filter: FilterState; sql: string; rows: Row[]; total: number; queryMs: number; seq: number };

/**
 * Rows drawn in a chart: the first {@link CHART_MAX_ROWS} rows of the view (its SQL order); the
 * table pages through all of them ({@link PAGE_ROWS} a page, queried a page at a time) and
 * 下载 CSV writes all of them.
 */
const CHART_MAX_ROWS = 60;

let renderSeq = 0;

/**
 * The database is started as soon as this module loads in the browser (before React has hydrated
 * the page): the 34 MB engine and the data start downloading ~0.5 s earlier than from the first
 * effect. getBrowserDb shares one promise, so useBrowserDb gets the same database.
 */
if (typeof window !== 'undefined') void import('../_lib/duckdb-browser').then((m) => m.getBrowserDb()).catch(() => undefined);

/** Bench mode (`?bench=1` on the first URL; read at load, before the page rewrites its URL). */
const BENCH_MODE = typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('bench');


/**
 * The whole dashboard page (client side): loading and error states of the database, the filter bar
 * and its sentence, the four view tabs, and for the current view its chart, row count, 下载 CSV
 * button, table and SQL.
 */
export default function Dashboard() {
  const { state: dbState, retry } = useBrowserDb();
  const [db, setDb] = useState<DbState>({ status: 'loading' });
  const router = useRouter();
  const [tab, setTab] = useState<TabId>('proactive');
  const [filter, setFilter] = useState<FilterState>(EMPTY_FILTER);
  const [reviewFilter, setReviewFilter] = useState<ReviewFilter>(EMPTY_REVIEW_FILTER);
  const [urlRead, setUrlRead] = useState(false);
  const [result, setResult] = useState<ViewState>({ status: 'loading' });
  const [querying, setQuerying] = useState(false);
  const [options, setOptions] = useState<FilterOptions | null>(null);
  const [firstPages, setFirstPages] = useState<FirstPages | null>(null);

  // Filter and view from the URL, once, on the client.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const v = params.get('view');
    if (isTabId(v)) setTab(v);
    setFilter(filterFromSearchParams(params));
    setReviewFilter(reviewFilterFromSearchParams(params));
    setUrlRead(true);
  }, []);

  // The first page of each view as the data build computed it (first-pages.json), fetched at once
  // so the first chart and table need not wait for DuckDB-WASM to start — only for the unfiltered
  // views, and not when this tab keeps uploads (they would change the rows).
  useEffect(() => {
    if (!urlRead) return;
    if (keptUploadCount() > 0) return;
    let cancelled = false;
    void fetch(`/data/${FIRST_PAGES_FILE}`, { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<FirstPages>) : null))
      .then((fp) => {
        if (!cancelled && fp && fp.format === MANIFEST_FORMAT && fp.pageRows === PAGE_ROWS) setFirstPages(fp);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [urlRead]);

  // The URL parameters of the current state; also the `back` of links to report pages.
  const dashParams = useMemo(() => {
    const p = filterToSearchParams(filter);
    p.set('view', tab);
    if (tab === 'review') reviewFilterToSearchParams(reviewFilter, p);
    return p;
  }, [filter, tab, reviewFilter]);

  // Keep the URL in step, so a link reopens the same view and filter.
  useEffect(() => {
    if (!urlRead) return;
    window.history.replaceState(null, '', `${window.location.pathname}?${dashParams.toString()}`);
  }, [dashParams, urlRead]);

  // The database (./use-browser-db.ts, one per page) and the number of uploads kept in this tab.
  useEffect(() => {
    if (dbState.status !== 'ready') {
      setDb(dbState);
      return;
    }
    let cancelled = false;
    void readUploadCount(dbState.db).then((data) => {
      if (cancelled) return;
      if (!data.ok) setDb({ status: 'error', error: data.error, hint: '请重新运行 npm run build:data，然后刷新页面。' });
      else {
        performance.mark('dashboard-db-ready'); // for the benchmark: navigation → database ready
        setDb({ status: 'ready', db: dbState.db, uploads: data.uploads, version: 0 });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [dbState]);

  const viewId: ViewId = isViewId(tab) ? tab : 'proactive';
  const isView = isViewId(tab);
  const view = getView(viewId);
  const ready = db.status === 'ready' ? db : null;

  // Run the current view's query whenever the view or the filter changes.
  useEffect(() => {
    if (!ready || !urlRead || !isView) return;
    let cancelled = false;
    const f = normalizeFilter(filter);
    const sql = view.sql(f);
    // The result on screen stays (chart and table mounted) until the new one replaces it; only a
    // view that has none yet shows the loading state.
    setResult((prev) => (prev.status === 'ready' && prev.view === view.id ? prev : { status: 'loading' }));
    setQuerying(true);
    const t0 = performance.now();
    void (async () => {
      // The first page (also the chart's rows), and the count only when there is more than a page.
      // The table views read only `facts` (no wait for reports/flags); 合规 reads flags.
      const exec = view.id === 'compliance' ? ready.db.exec : ready.db.execFacts;
      const r = await runQuery(exec, pageSql(sql, PAGE_ROWS, 0));
      const n = r.ok && r.value.length === PAGE_ROWS ? await runQuery(exec, rowCountSql(sql)) : null;
      if (cancelled) return;
      setQuerying(false);
      const queryMs = performance.now() - t0;
      if (!r.ok) setResult({ status: 'error', error: r.error });
      else if (n && !n.ok) setResult({ status: 'error', error: n.error });
      else {
        const total = n ? Number(n.value[0]?.n ?? 0) : r.value.length;
        setResult({ status: 'ready', view: view.id, filter: f, sql, rows: r.value, total, queryMs, seq: ++renderSeq });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [ready, view, filter, urlRead, isView]);

  const queried = result.status === 'ready' && result.view === viewId ? result : null;
  // Until DuckDB has answered for this view: the build's first page, when the filter is empty and
  // the build ran the same SQL (same dashboard version).
  const early = useMemo(() => {
    if (queried || !firstPages || !isView || !isEmptyFilter(filter)) return null;
    const fp = firstPages.views[viewId];
    const sql = view.sql(normalizeFilter(filter));
    return fp && fp.sql === sql ? { status: 'ready' as const, view: viewId, filter: normalizeFilter(filter), sql, rows: fp.rows, total: fp.total, queryMs: 0, seq: 0 } : null;
  }, [queried, firstPages, isView, filter, viewId, view]);
  const shown = queried ?? early;

  // The filter's choices (all agencies, regions and years: ~20,000 names at 100,000 reports) are
  // read once the first result is on screen, so they never delay the first chart.
  const firstShown = queried !== null || !isView;
  useEffect(() => {
    if (!ready || !firstShown) return;
    let cancelled = false;
    void runQuery(ready.db.execFacts, filterOptionsSql()).then((r) => {
      if (!cancelled && r.ok) setOptions(filterOptionsFromRows(r.value));
      // Then the other tables (reports, flags), which the 合规/审核/覆盖 tabs and uploads read.
      void ready.db.loadAll().catch(() => undefined);
    });
    return () => {
      cancelled = true;
    };
  }, [ready, firstShown]);
  // The table's page (0 = the first page, which the view query already fetched).
  const [tablePage, setTablePage] = useState<{ seq: number; page: number; rows: Row[]; busy: boolean } | null>(null);
  const currentPage = shown && tablePage?.seq === shown.seq ? tablePage : null;
  const onPage = useCallback(
    (page: number) => {
      if (!shown || !ready) return;
      if (page === 0) {
        setTablePage(null);
        return;
      }
      setTablePage((p) => ({ seq: shown.seq, page: p?.seq === shown.seq ? p.page : 0, rows: p?.seq === shown.seq ? p.rows : shown.rows, busy: true }));
      void runQuery(ready.db.exec, pageSql(shown.sql, PAGE_ROWS, page * PAGE_ROWS)).then((r) => {
        setTablePage((p) => (p && p.seq !== shown.seq ? p : r.ok ? { seq: shown.seq, page, rows: r.value, busy: false } : { seq: shown.seq, page: p?.page ?? 0, rows: p?.rows ?? shown.rows, busy: false }));
      });
    },
    [shown, ready],
  );
  const chartRows = useMemo(() => (shown ? (shown.rows.length > CHART_MAX_ROWS ? shown.rows.slice(0, CHART_MAX_ROWS) : shown.rows) : []), [shown]);
  const option = useMemo(() => (shown ? chartForView(shown.view, chartRows) : null), [shown, chartRows]);
  const chartIds = useMemo(() => (shown ? chartReportIds(shown.view, chartRows) : []), [shown, chartRows]);
  const linkFor = useCallback(
    (row: Row) => reportHref(String(row.report_id ?? ''), { flag: typeof row.fingerprint === 'string' ? row.fingerprint : null, back: dashParams }),
    [dashParams],
  );
  const onChartClick = useCallback(
    (i: number) => {
      const id = chartIds[i];
      const href = id ? reportHref(id, { back: dashParams }) : null;
      if (href) router.push(href);
    },
    [chartIds, dashParams, router],
  );

  // After an upload or 清除: new filter choices, and every view, grid and queue queried again.
  const onDataChanged = useCallback(async () => {
    if (db.status !== 'ready') return;
    const data = await readUploadCount(db.db);
    setDb((prev) => (prev.status !== 'ready' ? prev : data.ok ? { ...prev, uploads: data.uploads, version: prev.version + 1 } : { ...prev, version: prev.version + 1 }));
  }, [db]);
  // Bench mode (?bench=1, tests/bench/bench-browser.ts): the DuckDB executor and sql.js, for
  // timing the same SQL on both engines in this page. Nothing is loaded otherwise.
  useEffect(() => {
    if (!ready || !BENCH_MODE) return;
    (window as unknown as { __bench?: unknown }).__bench = {
      duckdb: async (sql: string) => {
        const t = performance.now();
        const rows = await ready.db.exec(sql);
        return { rows: rows.length, ms: performance.now() - t };
      },
      viewSql: (id: ViewId, yearFrom?: number) => getView(id).sql(normalizeFilter({ agencies: [], regions: [], yearFrom, yearTo: yearFrom })),
      sqljs: () => import('../_lib/sqljs-bench').then((m) => m.openSqlJsBench()),
    };
  }, [ready]);
  const reportLink = useCallback((id: string) => reportHref(id, { back: dashParams }), [dashParams]);

  // 下载 CSV: every row of the view for the filter (the view SQL itself, not the page shown).
  const [downloading, setDownloading] = useState(false);
  const onDownload = useCallback(async () => {
    if (!shown || !ready) return;
    const v = getView(shown.view);
    setDownloading(true);
    const r = shown.total <= shown.rows.length ? { ok: true as const, value: shown.rows } : await runQuery(ready.db.exec, shown.sql);
    setDownloading(false);
    if (!r.ok) {
      setResult({ status: 'error', error: r.error });
      return;
    }
    downloadText(
      rowsToCsv(
        r.value,
        v.columns.map((c) => c.key),
      ),
      csvDownloadName(v.title, shown.filter),
    );
  }, [shown, ready]);

  return (
    <main className="page">
      <header className="masthead">
        <h1>政府信息公开工作年度报告 · 对比看板</h1>
        <p className="muted">
          数据来自各机关的《政府信息公开工作年度报告》（国办公开办函〔2021〕30号格式），按报告所属年度比较。
          {ready ? (
            <span data-testid="db-summary">
              {' '}
              已载入 {ready.db.counts.reports} 份报告、{ready.db.counts.cells} 个表格单元格、{ready.db.counts.flags} 条检查结果。
            </span>
          ) : null}
          {ready && ready.uploads > 0 ? (
            <span data-testid="upload-summary" data-count={ready.uploads}>
              {' '}
              另有在本标签页上传的 {ready.uploads} 份报告，表格中标为“上传”。
            </span>
          ) : null}
        </p>
      </header>

      <DbStatus loading={db.status === 'loading'} error={db.status === 'error' ? db : null} onRetry={retry} />

      {ready || early ? (
        <>
          {ready ? (
            <UploadPanel db={ready.db} uploads={ready.uploads} onChanged={onDataChanged} linkFor={reportLink} notice={ready.db.restored.problem} />
          ) : null}

          <section className="filter-section" aria-label="筛选">
            <FilterBar options={options ?? NO_OPTIONS} filter={filter} onChange={(f) => setFilter(normalizeFilter(f))} />
            <p className="filter-sentence" data-testid="filter-sentence">
              {describeFilter(filter)}
            </p>
          </section>

          <nav className="tabs" role="tablist" aria-label="视图">
            {[...VIEWS, ...EXTRA_TABS].map((v) => (
              <button
                key={v.id}
                type="button"
                role="tab"
                id={`tab-${v.id}`}
                aria-selected={v.id === tab}
                aria-controls="view-panel"
                className={v.id === tab ? 'tab active' : 'tab'}
                data-testid={`tab-${v.id}`}
                onClick={() => setTab(v.id)}
              >
                {v.title}
              </button>
            ))}
          </nav>

          <section
            className="panel"
            role="tabpanel"
            id="view-panel"
            aria-labelledby={`tab-${tab}`}
            data-testid="view-panel"
            data-view={tab}
            data-seq={shown ? shown.seq : 0}
            data-query-ms={shown ? shown.queryMs.toFixed(1) : ''}
          >
            {tab === 'review' && ready ? (
              <ReviewQueue key={ready.version} db={ready.db} filter={normalizeFilter(filter)} reviewFilter={reviewFilter} onReviewFilterChange={setReviewFilter} back={dashParams} />
            ) : null}
            {tab === 'coverage' && ready ? <CoverageGrid key={ready.version} db={ready.db} filter={normalizeFilter(filter)} back={dashParams} /> : null}
            {isView ? (
            <>
            <p className="muted summary">{view.summary}</p>
            {view.id === 'indicators' ? (
              <ul className="formulas" data-testid="indicator-formulas">
                {INDICATORS.map((ind) => (
                  <li key={ind.key}>
                    <strong>{ind.label}</strong> = {ind.formula}。<span className="muted">{ind.reading}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {result.status === 'error' ? (
              <div className="error-box" role="alert" data-testid="view-error">
                <p>{result.error}</p>
                <p>
                  <strong>怎么办：</strong>请刷新页面；如果仍然出错，数据文件可能与看板版本不一致，请重新运行 npm run build:data。
                </p>
              </div>
            ) : null}
            {!shown && result.status !== 'error' ? (
              <div className="status" role="status" data-testid="view-loading">
                <span className="spinner" aria-hidden="true" />
                正在查询…
              </div>
            ) : null}
            {shown && option ? (
              <>
                <EChart option={option} label={`${view.title}图表`} onItemClick={onChartClick} />
                <p className="muted small chart-hint">
                  {shown.total > CHART_MAX_ROWS ? `图中显示前 ${CHART_MAX_ROWS} 行（共 ${shown.total} 行，见下表）。` : ''}
                  点击图中的柱或点，打开那份报告。
                </p>
                <div className="toolbar">
                  <span data-testid="row-count" data-count={shown.total}>
                    共 {shown.total} 行
                  </span>
                  {querying ? (
                    <span className="muted small" role="status" data-testid="view-loading">
                      正在查询…
                    </span>
                  ) : null}
                  <span className="muted small">“—”表示报告没有给出这个数（缺失、空白或占位符）或无法计算，不是 0。</span>
                  <button type="button" className="primary" onClick={() => void onDownload()} disabled={downloading || !ready} data-testid="download-csv">
                    下载 CSV
                  </button>
                </div>
                <DataTable
                  columns={view.columns}
                  rows={currentPage ? currentPage.rows : shown.rows}
                  linkFor={linkFor}
                  paging={{ total: shown.total, page: currentPage?.page ?? 0, onPage, busy: currentPage?.busy }}
                />
                <details className="sql">
                  <summary>查看本视图的 SQL</summary>
                  <pre data-testid="view-sql">{shown.sql}</pre>
                </details>
              </>
            ) : null}
            </>
            ) : null}
          </section>
          <footer className="muted small footer">
            {ready ? `DuckDB ${ready.db.version}（浏览器内运行，数据不离开本机）。` : ''}比率少于 30 件时仅供参考。
          </footer>
        </>
      ) : null}
    </main>
  );
}
