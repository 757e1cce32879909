/**
 * Browser benchmark of the dashboard (figures, not pass/fail): for each size of
 * BENCH_BROWSER_SIZES (default 1000,10000,100000,500000 reports) it prepares a synthetic corpus and
 * its ingest under .bench/ (./bench-data.ts, reused when present; a size whose ingest is not there
 * and would take longer than BENCH_BROWSER_MAX_PREPARE_S, default 900 s at ~360 reports/s, is
 * skipped and said so), builds the browser data from it (lib/pipeline build step, when there is
 * one), runs `next build` once and `next start` on 127.0.0.1 with DATA_BUILD_DIR, and drives
 * Debian's Chromium (playwright-core) — server and browser from ../harness, as the browser tests — through the page in bench mode (`/?bench=1`):
 *
 * - navigation → first chart drawn (the page's `first-chart` performance mark, set when ECharts
 *   reports the first chart finished; the rows may come from the build's first-pages.json before
 *   DuckDB is up), → DuckDB ready, → reports and flags loaded (after the first chart); filter
 *   changes are timed after that;
 * - DuckDB: data download and load (the page's performance measures db-fetch, db-load, db-total);
 * - per view: a filter change (report year, cycled through the years and 全部) timed in the page
 *   from the `change` event to the frame after React committed the new result (the panel's
 *   `data-seq`), median and p95, and the query's own ms (`data-query-ms`); each change starts
 *   from a settled page (the previous change's totals and trend in, the main thread idle:
 *   requestIdleCallback), not while the previous one is still finishing;
 * - 下载 CSV of the 依申请公开 view without filter: click → download event;
 * - the agency page of the agency with the most years (cold: navigation → facts, first chart,
 *   cross-year checks; which cells it downloads) and its query for 20 agencies in the dashboard's
 *   DuckDB; the newer views opened by URL (region tree, type/level, …) with their filter changes
 *   (./bench-agency.ts);
 * - peak JS heap of the page (CDP Performance.getMetrics JSHeapUsedSize, sampled every 250 ms;
 *   the main thread's heap — DuckDB's worker and wasm memory are not in it);
 * - the same view SQL for the same filters on the same data in sql.js in the same page, as a
 *   ratio DuckDB/sql.js of median query times (BENCH_SQLJS_MAX_REPORTS, default 200000: above it
 *   sql.js is not loaded). sql.js gets the data DuckDB gets (app/_lib/bench/sqljs-bench.ts).
 *
 * Requests to any host but the app's are counted and reported (there should be none).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { VIEWS, type ViewId } from '../../lib/query/views';
import { DESKTOP, guardRequests, launchChromium, newRequestLog } from '../harness/chromium';
import { ensureNextBuild, startServer, stopServer } from '../harness/next-server';
import { benchAgencyPage, benchUrlViews, type AgencyFigures, type UrlViewFigures } from './bench-agency';
import { prepareBenchData } from './bench-data';

/** Figures of one view at one size. */
export interface ViewFigures {
  view: ViewId;
  rows: number;
  changes: number;
  filterMedianMs: number;
  filterP95Ms: number;
  queryMedianMs: number;
  duckdbMedianMs?: number;
  sqljsMedianMs?: number;
  /** DuckDB median / sql.js median of the view's whole SQL (every row). */
  ratioDuckdbToSqljs?: number;
  /** One filter change's queries (first rows + count) on DuckDB, median ms. */
  changeDuckdbMs?: number;
  /** The same on sql.js. */
  changeSqljsMs?: number;
  /** sql.js ÷ DuckDB of one filter change's queries: how many times as fast DuckDB is (issue 15 target ≥ 2). */
  changeSpeedup?: number;
  sqljsRowsMatch?: boolean;
}

/** One aggregation run on both engines (issue 15 target: DuckDB ≥ 5× as fast). */
export interface AggregationFigures {
  name: string;
  duckdbMedianMs: number;
  sqljsMedianMs: number;
  /** sql.js ÷ DuckDB. */
  speedup: number;
  rowsMatch: boolean;
}

/** Figures of one size. */
export interface BrowserFigures {
  reports: number;
  skipped?: string;
  prepareSeconds?: number;
  dataBytes?: Record<string, number>;
  firstChartMs?: number;
  dbFetchMs?: number;
  /** Navigation → the dashboard has its DuckDB (facts loaded). */
  dbReadyMs?: number;
  /** Navigation → reports.csv and flags.csv loaded too (after the first chart). */
  allTablesMs?: number;
  /** Start of loading → DuckDB's wasm instantiated (runs while the data downloads). */
  dbEngineMs?: number;
  dbLoadMs?: number;
  dbTotalMs?: number;
  csvExportMs?: number;
  csvRows?: number;
  peakHeapMB?: number;
  sqljsLoadMs?: number;
  sqljsError?: string;
  views?: ViewFigures[];
  /** The aggregations beside the views on both engines (app/_lib/bench/bench-hooks.ts aggregateSqls). */
  aggregations?: AggregationFigures[];
  /** The agency page (./bench-agency.ts); null when no agency has two years. */
  agency?: AgencyFigures | null;
  /** The newer views opened by URL (./bench-agency.ts URL_VIEWS). */
  urlViews?: UrlViewFigures[];
  foreignRequests?: number;
  error?: string;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Nearest-rank percentile. */
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const round = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? undefined : Math.round(x * 10) / 10);

/** Selects `value` in the report-year-from filter and times, in the page, until the new result is painted. */
async function timedFilterChange(page: Page, value: string): Promise<{ ms: number; queryMs: number; rows: number }> {
  return page.evaluate(async (v) => {
    const panel = document.querySelector('[data-testid="view-panel"]') as HTMLElement;
    const sel = document.querySelector('[data-testid="filter-year-from"]') as HTMLSelectElement;
    // Each change starts from a settled page, as a user's would: the previous change's totals,
    // trend and notes in (no faded trend, nothing loading) and the main thread idle.
    const settled = () => !document.querySelector('[data-testid="trend-chart"][data-stale], [data-testid="view-loading"]');
    for (let i = 0; i < 100 && !settled(); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 1000 }));
    const prev = Number(panel.dataset.seq ?? 0);
    const t0 = performance.now();
    sel.value = v;
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('filter change: no new result within 600 s')), 600_000);
      const check = () => {
        if (Number(panel.dataset.seq ?? 0) > prev) {
          clearTimeout(timer);
          obs.disconnect();
          resolve();
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(panel, { attributes: true, attributeFilter: ['data-seq'] });
      check();
    });
    // The frame that shows it: wait for the next animation frame and the task after it.
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const ms = performance.now() - t0;
    const count = document.querySelector('[data-testid="row-count"]')?.getAttribute('data-count');
    return { ms, queryMs: Number(panel.dataset.queryMs ?? NaN), rows: Number(count ?? 0) };
  }, value);
}

async function benchOneSize(
  n: number,
  dataDir: string,
  opts: { changes: number; sqljsMax: number },
): Promise<Omit<BrowserFigures, 'reports' | 'prepareSeconds' | 'dataBytes'>> {
  const started = await startServer(dataDir);
  if (!started.ok) throw new Error(started.error);
  const server = started.value;
  const browser = await launchChromium().catch((e: unknown) => {
    stopServer(server);
    throw e;
  });
  const requests = newRequestLog();
  let peakHeap = 0;
  let sampler: NodeJS.Timeout | undefined;
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: DESKTOP, locale: 'zh-CN' });
    guardRequests(context, requests);
    // tsx (esbuild keepNames) wraps named functions in `__name(…)`, also inside page.evaluate bodies.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const sample = async () => {
      try {
        const m = await cdp.send('Performance.getMetrics');
        const heap = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
        peakHeap = Math.max(peakHeap, heap);
      } catch {
        // page navigating or closed
      }
    };
    sampler = setInterval(() => void sample(), 250);

    // 1. Navigation → first chart.
    await page.goto(`${server.url}/?bench=1`, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForSelector('[data-testid="chart"][data-rendered="true"], [data-testid="db-error"], [data-testid="view-error"]', { timeout: 900_000 });
    const err = await page.$('[data-testid="db-error"], [data-testid="view-error"]');
    if (err) throw new Error(`page error: ${(await err.innerText()).replace(/\s+/g, ' ').slice(0, 300)}`);
    // When ECharts finished drawing the first chart (EChart.tsx marks it), not when this script
    // noticed: Playwright's polling adds up to a few hundred ms.
    const firstChartMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const mark = performance.getEntriesByName('first-chart')[0];
      return (mark ? mark.startTime : performance.now()) - (nav?.startTime ?? 0);
    });
    console.log(`  ${n}: first chart ${firstChartMs.toFixed(0)} ms`);

    // The first chart may come from the build's first-pages.json before DuckDB is up; filter
    // changes are timed once the database is ready and its other tables (reports, flags, loaded
    // after the first chart) are in, and those two moments are reported too.
    await page.waitForSelector('[data-testid="db-summary"]', { timeout: 900_000 });
    await page.waitForFunction(() => performance.getEntriesByName('db-load-tables').length > 0, undefined, { timeout: 900_000, polling: 50 });
    const ready = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const t0 = nav?.startTime ?? 0;
      const db = performance.getEntriesByName('dashboard-db-ready')[0];
      const tables = performance.getEntriesByName('db-load-tables')[0];
      return { dbReadyMs: db ? db.startTime - t0 : NaN, allTablesMs: tables ? tables.startTime + tables.duration - t0 : NaN };
    });
    const measures = await page.evaluate(() =>
      Object.fromEntries(['db-fetch', 'db-engine', 'db-load', 'db-total'].map((k) => [k, performance.getEntriesByName(k)[0]?.duration ?? NaN])),
    );
    console.log(
      `  ${n}: DuckDB ready ${ready.dbReadyMs.toFixed(0)} ms, reports and flags loaded ${ready.allTablesMs.toFixed(0)} ms after navigation ` +
        `(data fetched ${measures['db-fetch'].toFixed(0)} ms and engine ready ${measures['db-engine'].toFixed(0)} ms after the start of loading, facts loaded in ${measures['db-load'].toFixed(0)} ms)`,
    );

    // 2. Filter changes on every view.
    const years = await page.$$eval('[data-testid="filter-year-from"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    const sequence = Array.from({ length: opts.changes }, (_, i) => (i % 2 === 1 ? '' : years[(i / 2) % years.length] ?? ''));
    const views: ViewFigures[] = [];
    for (const v of VIEWS) {
      const prev = Number(await page.getAttribute('[data-testid="view-panel"]', 'data-seq'));
      const current = await page.getAttribute('[data-testid="view-panel"]', 'data-view');
      if (current !== v.id) {
        await page.click(`[data-testid="tab-${v.id}"]`);
        await page.waitForFunction(
        ([id, p]) => {
          const el = document.querySelector('[data-testid="view-panel"]') as HTMLElement | null;
          return el?.dataset.view === id && Number(el.dataset.seq ?? 0) > Number(p);
        },
          [v.id, prev] as const,
          { timeout: 600_000, polling: 50 },
        );
      }
      const times: number[] = [];
      const queries: number[] = [];
      let rows = 0;
      for (const value of sequence) {
        const r = await timedFilterChange(page, value);
        times.push(r.ms);
        queries.push(r.queryMs);
        if (value === '') rows = r.rows;
      }
      views.push({ view: v.id, rows, changes: times.length, filterMedianMs: round(median(times))!, filterP95Ms: round(percentile(times, 95))!, queryMedianMs: round(median(queries))! });
      console.log(`  ${n}: ${v.id.padEnd(18)} ${rows} rows; filter change median ${median(times).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms (query ${median(queries).toFixed(0)} ms)`);
    }

    // 3. 下载 CSV of 依申请公开, all rows.
    await page.click('[data-testid="tab-applications"]');
    await page.waitForSelector('[data-testid="view-panel"][data-view="applications"] [data-testid="row-count"]', { timeout: 600_000 });
    if ((await page.inputValue('[data-testid="filter-year-from"]')) !== '') await timedFilterChange(page, '');
    const csvRows = Number(await page.getAttribute('[data-testid="row-count"]', 'data-count'));
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.click('[data-testid="download-csv"]')]);
    const csvExportMs = Date.now() - t0;
    await download.path();
    console.log(`  ${n}: 下载 CSV (依申请公开, ${csvRows} rows) ${csvExportMs} ms`);

    // 3b. The agency page, cold, and its query in this page's DuckDB.
    const stats = { median, percentile, round };
    const agency = await benchAgencyPage(context, page, server.url, dataDir, stats);
    if (!agency) console.log(`  ${n}: agency page skipped — no agency has reports of two years`);
    else {
      const ms = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(0)} ms`);
      console.log(
        `  ${n}: agency page (${agency.years} years, ${agency.agencyKey}): facts ${ms(agency.yearsMs)}, first chart ${ms(agency.firstChartMs)}, ` +
          `cross-year checks ${ms(agency.continuityMs)} after navigation; ${agency.cellRequests} cell files fetched${agency.wholeCellsCsv ? ', ALL OF cells.csv fetched!' : ', not cells.csv'}; ` +
          `agency query over ${agency.queries ?? 0} agencies median ${ms(agency.queryMedianMs)}, p95 ${ms(agency.queryP95Ms)}${agency.error ? ` — ${agency.error}` : ''}`,
      );
    }

    // 4. The same SQL in sql.js, same page, same data.
    let sqljsLoadMs: number | undefined;
    let sqljsError: string | undefined;
    const aggregations: AggregationFigures[] = [];
    if (n <= opts.sqljsMax) {
      try {
      sqljsLoadMs = await page.evaluate(async () => {
        const w = window as unknown as { __bench: { sqljs: () => Promise<{ loadMs: number }> }; __sqljs?: unknown };
        const s = await w.__bench.sqljs();
        w.__sqljs = s;
        return s.loadMs;
      });
      // Same SQL on both engines, alternating, over the years and no filter. Per view: what one
      // filter change asks (first rows + count, summed) and the whole view SQL; then the aggregations.
      const compare = (sqlsOf: string) =>
        page.evaluate(`(async () => {
          const w = window;
          const ys = ${JSON.stringify(years)};
          const duck = [], lite = [];
          let match = true;
          for (const y of [undefined, ...ys.map(Number), undefined, ...ys.map(Number)]) {
            const sqls = (${sqlsOf})(y);
            let a = 0, b = 0;
            for (const sql of sqls) {
              const d = await w.__bench.duckdb(sql);
              const l = w.__sqljs.run(sql);
              a += d.ms; b += l.ms;
              if (d.rows !== l.rows) match = false;
            }
            duck.push(a); lite.push(b);
            if (lite.reduce((x, y) => x + y, 0) > 20000) break; // enough samples of a slow engine
          }
          return { duck, lite, match };
        })()`) as Promise<{ duck: number[]; lite: number[]; match: boolean }>;
      const ratioOf = (r: { duck: number[]; lite: number[] }) => Math.round((median(r.duck) / median(r.lite)) * 100) / 100;
      for (const vf of views) {
        if (vf.view === 'indicators') {
          console.log(`  ${n}: indicators         not compared: its peer table (lib/query/indicator-peers.ts) uses DuckDB's quantile_cont and window ranks over a setup table, which sql.js (SQLite) cannot run as written`);
          continue;
        }
        try {
          const change = await compare(`(y) => w.__bench.changeSqls(${JSON.stringify(vf.view)}, y)`);
          const whole = await compare(`(y) => [w.__bench.viewSql(${JSON.stringify(vf.view)}, y)]`);
          vf.changeDuckdbMs = round(median(change.duck));
          vf.changeSqljsMs = round(median(change.lite));
          vf.changeSpeedup = Math.round((median(change.lite) / median(change.duck)) * 100) / 100;
          vf.duckdbMedianMs = round(median(whole.duck));
          vf.sqljsMedianMs = round(median(whole.lite));
          vf.ratioDuckdbToSqljs = ratioOf(whole);
          vf.sqljsRowsMatch = change.match && whole.match;
          console.log(
            `  ${n}: ${vf.view.padEnd(18)} per change (first rows + count): DuckDB ${median(change.duck).toFixed(1)} ms vs sql.js ${median(change.lite).toFixed(1)} ms → DuckDB ${vf.changeSpeedup}× as fast; ` +
              `whole view SQL: DuckDB ${median(whole.duck).toFixed(1)} ms vs sql.js ${median(whole.lite).toFixed(1)} ms → DuckDB/sql.js ${vf.ratioDuckdbToSqljs}${vf.sqljsRowsMatch ? '' : ' (row counts differ!)'}`,
          );
        } catch (e) {
          console.log(`  ${n}: sql.js ${vf.view}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
        }
      }
      const names = await page.evaluate('window.__bench.aggregateSqls().map((a) => a.name)') as string[];
      for (const [i, name] of names.entries()) {
        try {
          const r = await compare(`(y) => [w.__bench.aggregateSqls(y)[${i}].sql]`);
          const fig: AggregationFigures = { name, duckdbMedianMs: round(median(r.duck))!, sqljsMedianMs: round(median(r.lite))!, speedup: Math.round((median(r.lite) / median(r.duck)) * 100) / 100, rowsMatch: r.match };
          aggregations.push(fig);
          console.log(`  ${n}: aggregation ${name.padEnd(12)} DuckDB ${fig.duckdbMedianMs} ms vs sql.js ${fig.sqljsMedianMs} ms → DuckDB ${fig.speedup}× as fast${r.match ? '' : ' (row counts differ!)'}`);
        } catch (e) {
          console.log(`  ${n}: aggregation ${name}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
        }
      }
      } catch (e) {
        sqljsError = (e instanceof Error ? e.message : String(e)).split('\n')[0];
        console.log(`  ${n}: sql.js comparison failed — ${sqljsError}`);
      }
    } else {
      console.log(`  ${n}: sql.js comparison skipped (above BENCH_SQLJS_MAX_REPORTS=${opts.sqljsMax})`);
    }
    // 5. The newer views by URL (this navigates the page away from the dashboard measured above).
    const urlViews = await benchUrlViews(page, server.url, sequence, timedFilterChange, { median, percentile, round });
    for (const u of urlViews) {
      console.log(
        u.error
          ? `  ${n}: ${u.name}: failed — ${u.error}`
          : `  ${n}: ${u.name.padEnd(18)} ${u.rows} rows; first result ${u.firstResultMs} ms after navigation; filter change median ${u.filterMedianMs} ms, p95 ${u.filterP95Ms} ms (query ${u.queryMedianMs} ms)`,
      );
    }
    await sample();
    return {
      firstChartMs: round(firstChartMs),
      dbFetchMs: round(measures['db-fetch']),
      dbEngineMs: round(measures['db-engine']),
      dbReadyMs: round(ready.dbReadyMs),
      allTablesMs: round(ready.allTablesMs),
      dbLoadMs: round(measures['db-load']),
      dbTotalMs: round(measures['db-total']),
      csvExportMs,
      csvRows,
      peakHeapMB: round(peakHeap / 2 ** 20),
      sqljsLoadMs: round(sqljsLoadMs),
      sqljsError,
      views,
      aggregations,
      agency,
      urlViews,
      foreignRequests: requests.foreign.length,
    };
  } finally {
    clearInterval(sampler);
    await browser.close().catch(() => undefined);
    stopServer(server);
  }
}

function dirBytes(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return readdirSync(p).reduce((a, x) => a + dirBytes(path.join(p, x)), 0);
}

/**
 * Runs the browser benchmark under `work` (.bench) for `sizes`; `buildBrowserData` turns an
 * ingest folder into the folder the app serves (DATA_BUILD_DIR), returning it. Prints as it goes.
 */
export async function benchBrowser(
  work: string,
  sizes: readonly number[],
  buildBrowserData: (ingestDir: string) => Promise<string> | string = (d) => d,
): Promise<BrowserFigures[]> {
  const maxPrepare = Number(process.env.BENCH_BROWSER_MAX_PREPARE_S ?? 900);
  const changes = Number(process.env.BENCH_FILTER_CHANGES ?? 15);
  const sqljsMax = Number(process.env.BENCH_SQLJS_MAX_REPORTS ?? 200000);
  const build = ensureNextBuild('bench-browser');
  if (!build.ok) throw new Error(build.error);
  const out: BrowserFigures[] = [];
  for (const n of sizes) {
    const ingested = existsSync(path.join(work, `ingest-${n}`, 'flags.csv'));
    const estimate = n / 360 + n / 1500;
    if (!ingested && estimate > maxPrepare) {
      const why = `not built: generating and ingesting ${n} reports would take about ${Math.round(estimate)} s (> BENCH_BROWSER_MAX_PREPARE_S=${maxPrepare}); run tsx tests/bench/bench-data.ts ${n} first`;
      console.log(`bench-browser ${n}: skipped — ${why}`);
      out.push({ reports: n, skipped: why });
      continue;
    }
    const t0 = performance.now();
    const data = await prepareBenchData(work, n);
    const served = await buildBrowserData(data.ingestDir);
    const prepareSeconds = Math.round((performance.now() - t0) / 100) / 10;
    const dataBytes = Object.fromEntries(
      readdirSync(served)
        .filter((f) => f !== 'texts' && !f.startsWith('.'))
        .map((f) => [f, dirBytes(path.join(served, f))]),
    );
    console.log(`bench-browser ${n}: data ready in ${prepareSeconds} s; served: ${Object.entries(dataBytes).map(([k, v]) => `${k} ${(v / 2 ** 20).toFixed(1)} MB`).join(', ')}`);
    try {
      out.push({ reports: n, prepareSeconds, dataBytes, ...(await benchOneSize(n, served, { changes, sqljsMax })) });
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      console.log(`bench-browser ${n}: failed — ${error}`);
      out.push({ reports: n, prepareSeconds, dataBytes, error });
    }
  }
  return out;
}
