/**
 * The browser benchmark's newer views (issue 9), at each size bench-browser.ts runs:
 *
 * - the agency page (/agency/AGENCY_KEY) of the agency with the most report years in the served
 *   reports.csv, opened cold (a new page, as a link opened in a new tab does): navigation → its
 *   facts read (`agency-years` mark, app/_lib/use-agency-years.ts), → first chart drawn
 *   (`first-chart`), → the cross-year evaluations shown (`agency-continuity`, after the agency's
 *   own cells were fetched); and what it downloaded of the cells — the number of /data/cells/<id>
 *   requests and whether /data/cells.csv was requested at all (it must not be);
 * - the agency page's own query (lib/query/agency-years.ts agencyYearsSql) run in the dashboard's
 *   DuckDB for up to 20 agencies with several years, median and p95 (ms) — what switching from one
 *   agency to another costs once the database is up;
 * - dashboard URLs of the newer views (group-by, sorting, region, peers: {@link URL_VIEWS}), each opened
 *   and then timed through filter changes like the table views (median and p95, same targets:
 *   ≤ 100 ms median, ≤ 250 ms p95).
 *
 * Figures, not pass/fail. Reads reports.csv of the served folder from Node to pick the agencies.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { agencyYearsSql } from '../../lib/query/agency-years';

/** A dashboard URL of a newer view, measured when the dashboard understands its parameters. */
export interface UrlView {
  /** Short name in the printout, e.g. `group=省`. */
  name: string;
  /** The query string after `/?bench=1&`, e.g. `view=applications&group=省`. */
  query: string;
  /** The view the panel shows for it (`data-view`). */
  view: string;
}

/**
 * The newer dashboard views the bench opens by URL. Only parameters app/_lib/use-dashboard-url.ts
 * reads belong here (a parameter the page ignores would measure the plain view again): `group`
 * (lib/query/group-totals.ts: agency, county, city, province, all), `sort` (lib/query/views.ts
 * sortFromParam, `key:asc|desc`, the charts' top N by it), the region tree (`region=江苏省`) and the
 * type/level filters, which narrow 指标's peer groups (P25/median/P75 and percentiles are part of
 * the 指标 view itself, lib/query/views.ts).
 */
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
export const URL_VIEWS: readonly UrlView[] = [
  { name: 'group=省', query: q({ view: 'applications', group: 'province' }), view: 'applications' },
  { name: 'group=市', query: q({ view: 'applications', group: 'city' }), view: 'applications' },
  { name: 'sort=本年新收↓', query: q({ view: 'applications', sort: 'new_received:desc' }), view: 'applications' },
  { name: 'region=江苏省', query: q({ view: 'applications', region: '江苏省' }), view: 'applications' },
  { name: '指标 科技局·县级', query: q({ view: 'indicators', type: '科技局', level: '县' }), view: 'indicators' },
];

/** Figures of the agency page at one size. */
export interface AgencyFigures {
  agencyKey: string;
  years: number;
  /** Navigation → the agency's facts read (ms). */
  yearsMs?: number;
  /** Navigation → first chart of the agency page drawn (ms). */
  firstChartMs?: number;
  /** Navigation → cross-year evaluations shown (ms). */
  continuityMs?: number;
  /** /data/cells/<id> requests of the page (one per report of the agency). */
  cellRequests: number;
  /** Whether the page requested all of /data/cells.csv (it must not). */
  wholeCellsCsv: boolean;
  /** agencyYearsSql in the dashboard's DuckDB, over `queries` agencies. */
  queries?: number;
  queryMedianMs?: number;
  queryP95Ms?: number;
  error?: string;
}

/** Figures of one dashboard URL of {@link URL_VIEWS}. */
export interface UrlViewFigures {
  name: string;
  view: string;
  /** Navigation → the view's first result shown (ms). */
  firstResultMs?: number;
  rows?: number;
  changes?: number;
  filterMedianMs?: number;
  filterP95Ms?: number;
  queryMedianMs?: number;
  error?: string;
}

type Stats = { median: (xs: readonly number[]) => number; percentile: (xs: readonly number[], p: number) => number; round: (x: number | undefined) => number | undefined };

/**
 * Agencies of reports.csv in `dataDir` with their distinct report years, most years first (then by
 * key); agencies without a key are left out.
 */
export function agenciesByYears(dataDir: string): Array<{ key: string; years: number }> {
  const text = readFileSync(path.join(dataDir, 'reports.csv'), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const years = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.agency_key || !r.year) continue;
    const s = years.get(r.agency_key) ?? new Set<string>();
    s.add(r.year);
    years.set(r.agency_key, s);
  }
  return [...years].map(([key, s]) => ({ key, years: s.size })).sort((a, b) => b.years - a.years || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Milliseconds from navigation start to the first performance entry `name` of the page (its end, for a measure), or undefined. */
async function sinceNavigation(page: Page, name: string): Promise<number | undefined> {
  const ms = await page.evaluate((n) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const e = performance.getEntriesByName(n)[0];
    return e ? e.startTime + e.duration - (nav?.startTime ?? 0) : null;
  }, name);
  return ms === null ? undefined : ms;
}

/**
 * The agency page, cold, in a new page of `context`; then agencyYearsSql for up to 20 agencies in
 * `dashboard` (a page in bench mode with its database up: `window.__bench`). Never throws: a
 * failure is the figures' `error`.
 */
export async function benchAgencyPage(context: BrowserContext, dashboard: Page, base: string, dataDir: string, s: Stats): Promise<AgencyFigures | null> {
  const agencies = agenciesByYears(dataDir).filter((a) => a.years >= 2);
  if (agencies.length === 0) return null;
  const { key, years } = agencies[0];
  const out: AgencyFigures = { agencyKey: key, years, cellRequests: 0, wholeCellsCsv: false };
  const page = await context.newPage();
  page.on('request', (req) => {
    const p = new URL(req.url()).pathname;
    if (p === '/data/cells.csv') out.wholeCellsCsv = true;
    else if (p.startsWith('/data/cells/')) out.cellRequests++;
  });
  try {
    await page.goto(`${base}/agency/${encodeURIComponent(key)}`, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForSelector('[data-testid="agency-continuity"], [data-testid="agency-continuity-none"], [data-testid="agency-continuity-error"], [data-testid="agency-error"], [data-testid="agency-not-found"], [data-testid="db-error"]', {
      timeout: 900_000,
    });
    const err = await page.$('[data-testid="agency-continuity-error"], [data-testid="agency-error"], [data-testid="agency-not-found"], [data-testid="db-error"]');
    if (err) throw new Error(`agency page: ${(await err.innerText()).replace(/\s+/g, ' ').slice(0, 300)}`);
    await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, undefined, { timeout: 600_000, polling: 50 });
    out.yearsMs = s.round(await sinceNavigation(page, 'agency-years'));
    out.firstChartMs = s.round(await sinceNavigation(page, 'first-chart'));
    out.continuityMs = s.round(await sinceNavigation(page, 'agency-continuity'));
  } catch (e) {
    out.error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  } finally {
    await page.close().catch(() => undefined);
  }
  try {
    const sqls = agencies.slice(0, 20).map((a) => agencyYearsSql(a.key));
    const times = await dashboard.evaluate(async (list) => {
      const w = window as unknown as { __bench: { duckdb: (sql: string) => Promise<{ rows: number; ms: number }> } };
      const ms: number[] = [];
      for (const sql of list) ms.push((await w.__bench.duckdb(sql)).ms);
      return ms;
    }, sqls);
    out.queries = times.length;
    out.queryMedianMs = s.round(s.median(times));
    out.queryP95Ms = s.round(s.percentile(times, 95));
  } catch (e) {
    out.error ??= `agency query: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
  }
  return out;
}

/**
 * Each of {@link URL_VIEWS} opened in `page` (`/?bench=1&QUERY`), its first result timed from
 * navigation, then `sequence` filter changes timed by `timedChange` (bench-browser.ts
 * timedFilterChange). Never throws: a failure is that view's `error`.
 */
export async function benchUrlViews(
  page: Page,
  base: string,
  sequence: readonly string[],
  timedChange: (page: Page, value: string) => Promise<{ ms: number; queryMs: number; rows: number }>,
  s: Stats,
): Promise<UrlViewFigures[]> {
  const out: UrlViewFigures[] = [];
  for (const u of URL_VIEWS) {
    const f: UrlViewFigures = { name: u.name, view: u.view };
    try {
      await page.goto(`${base}/?bench=1&${u.query}`, { waitUntil: 'commit', timeout: 60_000 });
      await page.waitForFunction(
        (id) => {
          const el = document.querySelector('[data-testid="view-panel"]') as HTMLElement | null;
          return (el?.dataset.view === id && Number(el.dataset.seq ?? 0) > 0 && !!document.querySelector('[data-testid="db-summary"]')) || !!document.querySelector('[data-testid="db-error"], [data-testid="view-error"]');
        },
        u.view,
        { timeout: 900_000, polling: 50 },
      );
      const err = await page.$('[data-testid="db-error"], [data-testid="view-error"]');
      if (err) throw new Error((await err.innerText()).replace(/\s+/g, ' ').slice(0, 300));
      f.firstResultMs = s.round(await page.evaluate(() => performance.now() - ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.startTime ?? 0)));
      await page.waitForFunction(() => performance.getEntriesByName('db-load-tables').length > 0, undefined, { timeout: 900_000, polling: 50 });
      const times: number[] = [];
      const queries: number[] = [];
      for (const value of sequence) {
        const r = await timedChange(page, value);
        times.push(r.ms);
        queries.push(r.queryMs);
        if (value === '') f.rows = r.rows;
      }
      Object.assign(f, { changes: times.length, filterMedianMs: s.round(s.median(times)), filterP95Ms: s.round(s.percentile(times, 95)), queryMedianMs: s.round(s.median(queries)) });
    } catch (e) {
      f.error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    }
    out.push(f);
  }
  return out;
}
