/**
 * Suite `coverage-links`: the coverage grid (one cell per report; 文登 2022 without tables opens
 * its report page with the 未读到 notes), a click on a chart bar and on a table row each open the
 * report page, and a report page for an unknown or malformed id explains what to do. Each test
 * opens its own fresh page.
 */
import { DB_READY_MS, STEP_MS } from '../../harness/bounded-waits';
import { artifact } from '../../harness/artifacts';
import { assert, assertEqual, type Suite } from '../browser-test-kit';
import { openDashboard, waitForReport, waitForView } from '../dashboard-page';
import { LINZI, WENDENG } from '../data-files';

/** The coverage and links suite (shared server). */
export const coverageLinksSuite: Suite = {
  name: 'coverage-links',
  server: 'shared',
  open: ({ server, data, freshPage }) => {
    const base = server.url;
    const { reports, flags } = data;
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
          assertEqual(ids, reports.map((r) => r.report_id).sort(), 'one cell per report');
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
          assert(wendeng && linzi, 'seeds missing');
          const page = await freshPage();
          await openDashboard(page, base, { view: 'compliance' });
          await waitForView(page, 'compliance');
          // The red (错误) bar of the compliance chart belongs to 文登, the only report with errors.
          // Scanned from the bottom up: the legend's red swatch is at the top and toggles the series.
          const hit = await page.$eval('[data-testid="chart"] canvas', (c) => {
            const canvas = c as HTMLCanvasElement;
            const ctx = canvas.getContext('2d')!;
            const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            const r = canvas.getBoundingClientRect();
            for (let i = d.length - 4; i >= 0; i -= 4) {
              if (Math.abs(d[i] - 0xc0) < 6 && Math.abs(d[i + 1] - 0x39) < 6 && Math.abs(d[i + 2] - 0x2b) < 6) {
                const px = (i / 4) % canvas.width;
                const py = Math.floor(i / 4 / canvas.width);
                return { x: r.left + (px / canvas.width) * r.width - 2, y: r.top + (py / canvas.height) * r.height - 2 };
              }
            }
            return null;
          });
          assert(hit, 'no red bar found on the compliance chart');
          await page.mouse.click(hit.x, hit.y);
          await waitForReport(page, wendeng.report_id);
          assertEqual(new URL(page.url()).searchParams.get('back'), 'view=compliance', 'back parameter from the chart');
          await openDashboard(page, base, { view: 'applications' });
          await waitForView(page, 'applications');
          const row = page.locator('[data-testid="view-table"] tbody tr', { hasText: linzi.agency });
          await row.locator('td[data-col="agency"] a').click();
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
    ];
    return { tests };
  },
};
