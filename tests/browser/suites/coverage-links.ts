/**
 * Suite `coverage-links`: the coverage grid (one cell per report but the blank form; 文登 2022
 * without tables opens its report page with the 未读到 notes), a click on the first red bar of
 * 合规 (its report computed from the data files) and on a table row each open the
 * report page, a report page for an unknown or malformed id explains what to do, and every agency
 * name (a view's 机关 cell, a coverage row, a report page's title) opens the agency's page. Each
 * test opens its own fresh page.
 */
import { DB_READY_MS, STEP_MS } from '../../harness/bounded-waits';
import { artifact } from '../../harness/artifacts';
import { assert, assertEqual, type Suite } from '../browser-test-kit';
import { openDashboard, waitForReport, waitForView } from '../dashboard-page';
import { LINZI, WENDENG } from '../data-files';
import type { Page } from 'playwright-core';
import type { CsvRow } from '../../harness/app-data';

/**
 * The report id of the first category of the 合规 chart with an error, from `errors` (the error
 * flags of the reports the views show) sorted as COMPLIANCE_VIEW orders its rows: agency name
 * (NULL — no name — last), year, rule, subject, report id, fingerprint; null when there is none.
 * Names compare by code point, as DuckDB compares VARCHAR.
 */
function firstRedBarReport(errors: readonly CsvRow[], agencyOf: ReadonlyMap<string, string>, reports: readonly CsvRow[]): string | null {
  const year = new Map(reports.map((r) => [r.report_id, r.year === '' ? Infinity : Number(r.year)]));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const key = (f: CsvRow) => ({ name: agencyOf.get(f.report_id) ?? '', year: year.get(f.report_id) ?? Infinity });
  const sorted = [...errors].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if ((ka.name === '') !== (kb.name === '')) return ka.name === '' ? 1 : -1;
    return cmp(ka.name, kb.name) || ka.year - kb.year || cmp(a.rule, b.rule) || cmp(a.subject, b.subject) || cmp(a.report_id, b.report_id) || cmp(a.fingerprint, b.fingerprint);
  });
  return sorted[0]?.report_id ?? null;
}

/** The coverage and links suite (shared server). */
export const coverageLinksSuite: Suite = {
  name: 'coverage-links',
  server: 'shared',
  open: ({ server, data, freshPage }) => {
    const base = server.url;
    const { shown, flags, agencyOf } = data;
    // The report of the first red (错误) bar of the 合规 chart: its categories are agency-years in
    // the order of the view's rows (lib/charts/index.ts complianceChart, first seen first), and the
    // view sorts errors first, then by agency name, year, rule, subject, report id
    // (lib/query/views.ts COMPLIANCE_VIEW; DuckDB puts a NULL name last). Computed from the files.
    const firstErrorReport = firstRedBarReport(flags.filter((f) => f.severity === 'error' && agencyOf.has(f.report_id)), agencyOf, data.reports);
    const linzi = data.seed(LINZI);
    const wendeng = data.seed(WENDENG);
    const tests = [
      {
        name: '覆盖: one cell per report; 文登 2022 shows no tables and 3 errors, and opens its report',
        run: async () => {
          assert(wendeng, 'seed 001 missing');
          const page = await freshPage();
          await openDashboard(page, base, { view: 'coverage' });
          await page.waitForSelector('[data-testid="coverage-table"]', { timeout: STEP_MS });
          const ids = await page.$$eval('[data-testid="coverage-cell"]', (els) => els.map((e) => (e as HTMLElement).dataset.reportId ?? '').sort());
          // One cell per report but the unfilled form (blank_form: left out of coverage, issue 9).
          assertEqual(ids, shown.map((r) => r.report_id).sort(), 'one cell per report (no blank_form)');
          const cell = `[data-testid="coverage-cell"][data-report-id="${wendeng.report_id}"]`;
          const errors = flags.filter((f) => f.report_id === wendeng.report_id && f.severity === 'error').length;
          assertEqual(await page.getAttribute(cell, 'data-errors'), String(errors), '文登 errors');
          assertEqual(await page.$$eval(`${cell} .tbl.missing`, (els) => els.map((e) => e.textContent)), ['表二', '表三', '表四'], '文登 missing tables');
          await page.screenshot({ path: artifact('coverage-grid.png'), fullPage: true });
          await page.click(cell);
          await waitForReport(page, wendeng.report_id);
          for (const t of ['t2', 't3', 't4']) assert(await page.isVisible(`[data-testid="table-missing-${t}"]`), `no 未读到 note for ${t}`);
          const rules = await page.$$eval('[data-testid="flag-card"]', (els) => els.map((e) => (e as HTMLElement).dataset.rule));
          assertEqual(rules.filter((r) => r === 'TABLE_MISSING').length, 3, 'TABLE_MISSING cards');
          assertEqual(await page.innerText('[data-testid="meta-published-on"] dd'), wendeng.published_on || '未印出', 'printed date');
        },
      },
      {
        name: 'a click on a chart bar and on a table row each open the report page',
        run: async () => {
          assert(linzi, 'seed 004 missing');
          assert(firstErrorReport, 'no report with an error flag in the data');
          const page = await freshPage();
          await openDashboard(page, base, { view: 'compliance' });
          await waitForView(page, 'compliance');
          // The red (错误) segment is the bottom of each stacked bar with errors, so the lowest row of
          // red pixels crosses every red bar; its leftmost red pixel is in the first red bar. (The
          // legend's red swatch is at the top, above the bars, and toggles the series.)
          const hit = await page.$eval('[data-testid="chart"] canvas', (c) => {
            const canvas = c as HTMLCanvasElement;
            const ctx = canvas.getContext('2d')!;
            const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            const r = canvas.getBoundingClientRect();
            // (No helper function in here: tsx would wrap it in a __name call the page does not know.)
            for (let py = canvas.height - 1; py >= 0; py--) {
              for (let px = 0; px < canvas.width; px++) {
                const i = (py * canvas.width + px) * 4;
                if (Math.abs(d[i] - 0xc0) < 6 && Math.abs(d[i + 1] - 0x39) < 6 && Math.abs(d[i + 2] - 0x2b) < 6) {
                  return { x: r.left + ((px + 3) / canvas.width) * r.width, y: r.top + ((py - 3) / canvas.height) * r.height };
                }
              }
            }
            return null;
          });
          assert(hit, 'no red bar found on the compliance chart');
          await page.mouse.click(hit.x, hit.y);
          await waitForReport(page, firstErrorReport);
          assertEqual(new URL(page.url()).searchParams.get('back'), 'view=compliance', 'back parameter from the chart');
          await openDashboard(page, base, { view: 'applications' });
          await waitForView(page, 'applications');
          const row = page.locator('[data-testid="view-table"] tbody tr', { has: page.locator('td[data-col="report_id"]', { hasText: linzi.report_id }) });
          // The 报告编号 cell opens the report; the 机关 cell opens the agency's page (issue 9, last test).
          await row.locator('td[data-col="report_id"] a').click();
          await waitForReport(page, linzi.report_id);
        },
      },
      {
        name: 'a report page for an unknown or malformed id explains what to do',
        run: async () => {
          const page = await freshPage({ watchConsole: false }); // its 404 (the text of an unknown report) is expected
          await page.goto(`${base}/report/0000000000000000`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
          const e = await page.waitForSelector('[data-testid="report-error"]', { timeout: DB_READY_MS });
          assert((await e.innerText()).includes('数据中没有这份报告'), 'unknown id message');
          await page.goto(`${base}/report/not-an-id`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
          const e2 = await page.waitForSelector('[data-testid="report-error"]', { timeout: STEP_MS });
          assert((await e2.innerText()).includes('报告编号格式不对'), 'malformed id message');
        },
      },
      {
        name: 'every agency name links to its agency page: a 机关 cell of a view, a coverage row, the title of a report page',
        run: async () => {
          // 淮安市洪泽区人民政府 (320813:人民政府: 洪泽区 2023 and 淮安市洪泽区 2024, one agency since issue 9)
          // when the data holds it, else the agency of the first shown report with 表三; from reports.csv.
          const t3 = data.withTable('t3');
          const withT3 = shown.filter((r) => r.agency_key && t3.has(r.report_id));
          const key = withT3.some((r) => r.agency_key === '320813:人民政府') ? '320813:人民政府' : withT3[0]?.agency_key;
          assert(key, 'no shown report with 表三 and an agency_key');
          const own = withT3.filter((r) => r.agency_key === key);
          const name = agencyOf.get(own[0].report_id)!;
          const onAgencyPage = async (page: Page, back: string | null) => {
            await page.waitForURL((u) => u.pathname === `/agency/${encodeURIComponent(key)}`, { timeout: STEP_MS });
            await page.waitForSelector(`[data-testid="agency-page"][data-agency-key="${key}"] [data-testid="agency-name"]`, { timeout: DB_READY_MS });
            assertEqual(await page.innerText('[data-testid="agency-name"]'), name, 'agency page name');
            assertEqual(new URL(page.url()).searchParams.get('back'), back, 'back parameter of the agency link');
          };

          const page = await freshPage();
          await page.setViewportSize({ width: 1280, height: 900 });
          await openDashboard(page, base, { view: 'applications' });
          await waitForView(page, 'applications');
          const cell = (id: string) =>
            page.locator('[data-testid="view-table"] tbody tr', { has: page.locator('td[data-col="report_id"]', { hasText: id }) }).locator('td[data-col="agency"] a[data-testid="row-agency-link"]');
          // Every row of the agency links to the same page, whatever name its report printed.
          for (const r of own) assertEqual(await cell(r.report_id).getAttribute('href'), `/agency/${encodeURIComponent(key)}?back=view%3Dapplications`, `机关 link of ${r.report_id}`);
          await cell(own[0].report_id).scrollIntoViewIfNeeded();
          await page.screenshot({ path: artifact('view-agency-links-1280.png') });
          await page.setViewportSize({ width: 390, height: 844 });
          await page.waitForTimeout(300); // the chart resizes
          await cell(own[0].report_id).scrollIntoViewIfNeeded();
          await page.screenshot({ path: artifact('view-agency-links-390.png') });
          await page.setViewportSize({ width: 1280, height: 900 });
          await cell(own[own.length - 1].report_id).click();
          await onAgencyPage(page, 'view=applications');
          await page.click('[data-testid="agency-back"], [data-testid="back-to-dashboard"]');
          await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('view') === 'applications', { timeout: STEP_MS });

          // 覆盖: the agency's row heading.
          await openDashboard(page, base, { view: 'coverage' });
          await page.click(`[data-testid="coverage-agency-link"][data-agency-key="${key}"]`, { timeout: STEP_MS });
          await onAgencyPage(page, 'view=coverage');

          // A report page's title: the agency's name links to its page (with the report page's own back).
          await page.goto(`${base}/report/${own[0].report_id}?back=${encodeURIComponent('view=coverage')}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
          await waitForReport(page, own[0].report_id);
          await page.screenshot({ path: artifact('report-agency-link-1280.png') });
          await page.click('[data-testid="report-agency-link"]', { timeout: STEP_MS });
          await onAgencyPage(page, 'view=coverage');
        },
      },
    ];
    return { tests };
  },
};
