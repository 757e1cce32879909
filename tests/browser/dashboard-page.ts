/**
 * Steps on the dashboard and the report page that many tests share, each waiting at most a
 * bounded time (harness/bounded-waits.ts) and failing with what it waited for.
 */
import type { Page } from 'playwright-core';
import type { ViewId } from '../../lib/query/views';
import { DB_READY_MS, STEP_MS } from '../harness/bounded-waits';

/** Waits until the dashboard's DuckDB is up (its summary) — throws with the page's message when it failed. */
export async function waitForDb(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="db-summary"], [data-testid="db-error"]', { timeout: DB_READY_MS });
  const err = await page.$('[data-testid="db-error"]');
  if (err) throw new Error(`database failed to start: ${(await err.innerText()).replace(/\s+/g, ' ')}`);
}

/** Opens `${base}/?QUERY` (`params`: view, filters) and waits for the database. */
export async function openDashboard(page: Page, base: string, params: Record<string, string> = {}): Promise<void> {
  const q = new URLSearchParams(params).toString();
  await page.goto(`${base}/${q ? `?${q}` : ''}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
  await waitForDb(page);
}

/** Waits for the current view's chart and table (or its empty message) to show. */
export async function waitForView(page: Page, id: ViewId): Promise<void> {
  await page.waitForSelector(`[data-testid="view-panel"][data-view="${id}"] [data-testid="chart"][data-rendered="true"]`, { timeout: STEP_MS });
  await page.waitForSelector('[data-testid="view-table"], [data-testid="view-empty"]', { timeout: STEP_MS });
}

/** Waits until no view is loading (the result of the last filter change is shown). */
export async function waitForViewIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-testid="view-loading"]'), undefined, { timeout: STEP_MS });
}

/** Clicks the tab of view `id` and waits for it. */
export async function openTab(page: Page, id: ViewId): Promise<void> {
  await page.click(`[data-testid="tab-${id}"]`, { timeout: STEP_MS });
  await waitForView(page, id);
}

/** Texts of one column (`data-col` key) of the visible table, trimmed. */
export async function columnTexts(page: Page, key: string): Promise<string[]> {
  return page.$$eval(`[data-testid="view-table"] tbody td[data-col="${key}"]`, (tds) => tds.map((td) => (td.textContent ?? '').trim()));
}

/** All rows of the view for its filter (共 N 行: the row count's `data-count`), whatever page the table shows. */
export async function viewRowTotal(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid="row-count"]', 'data-count', { timeout: STEP_MS }));
}

/**
 * Texts of one column over every page of the table (lib/query/views.ts PAGE_ROWS rows a page):
 * reads the page shown, then presses 下一页 until it is disabled, waiting for each new page.
 */
export async function allColumnTexts(page: Page, key: string): Promise<string[]> {
  const out = await columnTexts(page, key);
  for (;;) {
    const next = await page.$('[data-testid="page-next"]');
    if (!next || (await next.isDisabled())) return out;
    const at = Number(await page.getAttribute('[data-testid="table-pager"]', 'data-page'));
    await next.click();
    // data-page turns to the next page when its rows have arrived (DataTable: the page and its rows change together).
    await page.waitForFunction((p) => Number((document.querySelector('[data-testid="table-pager"]') as HTMLElement | null)?.dataset.page) === p + 1, at, { timeout: STEP_MS });
    out.push(...(await columnTexts(page, key)));
  }
}

/** Number of rows of the visible table. */
export async function rowCount(page: Page): Promise<number> {
  return page.$$eval('[data-testid="view-table"] tbody tr', (trs) => trs.length);
}

/** Waits until the visible table has `n` rows and no view is loading. */
export async function waitForRowCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (k) => document.querySelectorAll('[data-testid="view-table"] tbody tr').length === k && !document.querySelector('[data-testid="view-loading"]'),
    n,
    { timeout: STEP_MS },
  );
}

/** Non-background pixels on the chart canvas (sampled every 4th pixel; 0 when nothing was drawn). */
export async function chartInk(page: Page): Promise<number> {
  return page.$eval('[data-testid="chart"] canvas', (c) => {
    const canvas = c as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 16) if (d[i] > 0) ink++;
    return ink;
  });
}

/** Waits until the page is /report/ID with its flags shown; throws with the page's message on an error. */
export async function waitForReport(page: Page, id: string): Promise<void> {
  await page.waitForURL((u) => u.pathname === `/report/${id}`, { timeout: STEP_MS });
  await page.waitForSelector(`[data-testid="report-page"][data-report-id="${id}"] [data-testid="flag-count"], [data-testid="report-error"], [data-testid="db-error"]`, { timeout: DB_READY_MS });
  const err = await page.$('[data-testid="report-error"], [data-testid="db-error"]');
  if (err) throw new Error(`report page error: ${(await err.innerText()).replace(/\s+/g, ' ')}`);
}

/** Opens the report page of `id` directly and waits for it. */
export async function openReport(page: Page, base: string, id: string): Promise<void> {
  await page.goto(`${base}/report/${id}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
  await waitForReport(page, id);
}

/** The review queue's counts (data attributes of review-counts). */
export interface ReviewCounts {
  total: number;
  open: number;
  confirmed: number;
  dismissed: number;
  orphaned: number;
  stored: number;
}

/** The review queue's counts, once shown. */
export async function reviewCounts(page: Page): Promise<ReviewCounts> {
  await page.waitForSelector('[data-testid="review-counts"]', { timeout: STEP_MS });
  return page.$eval('[data-testid="review-counts"]', (el) => {
    const d = (el as HTMLElement).dataset;
    return { total: Number(d.total), open: Number(d.open), confirmed: Number(d.confirmed), dismissed: Number(d.dismissed), orphaned: Number(d.orphaned), stored: Number(d.stored) };
  });
}

/** Waits for the review queue (table or empty message) with its counts. */
export async function waitForQueue(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="queue-table"], [data-testid="queue-empty"]', { timeout: STEP_MS });
  await waitForViewIdle(page);
  await reviewCounts(page);
}

/** Fingerprints of the rows in the review queue, in order. */
export function queueFingerprints(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="queue-row"]', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.fingerprint ?? ''));
}
