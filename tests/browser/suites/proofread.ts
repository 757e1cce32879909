/**
 * Suite `proofread` (issue 13, "The form as an editor"), one ordered story on the shared server with
 * a real misprint: 洪泽区人民政府 2023 (data/corpus/hongze-district-government-2023.pdf) prints 表四
 * 行政复议 总计 as 0 where 维持 10 + 纠正 1 + 其他 0 + 尚未审结 0 = 11.
 *
 * 1. On its report page, 校对 turns the tables into inputs (inputmode numeric); the identity
 *    T4_TOTAL of 行政复议 is listed with 相差 -11 and its cells marked; typing the forced value 11
 *    updates it to 成立 (difference 0) at once; 保存 without a note is refused; with a note the
 *    correction is stored, the table shows 11 as 已校对, the T4_TOTAL flag of 行政复议 is gone; a
 *    reload keeps it; 导出校对 writes the CSV (BOM, header, the row). Screenshots desktop and 390 px.
 * 2. A fresh browser state (IndexedDB cleared): the page shows the misprint again; 导入校对 of the
 *    exported file shows 11 已校对 on the report page; the 复议诉讼 view's 下载 CSV of this tab has
 *    行政复议·总计 11 for the report and its 单元格说明 says 已校对.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { assert, assertEqual, tempDir, type Suite, type SuiteEnv } from '../browser-test-kit';
import { openDashboard, openReport, waitForReport, waitForView } from '../dashboard-page';

const CELL = 't4.review.total';
const NOTE = '原表行政复议总计印为0，按各栏之和应为11';
const SHOTS = '/tmp/team5/shots';

/** The 洪泽区 2023 report of reports.csv. */
function hongze(env: SuiteEnv): string {
  const r = env.data.reports.find((x) => x.source_file.includes('hongze-district-government-2023'));
  assert(r, 'no hongze-district-government-2023 in reports.csv');
  return r.report_id;
}

/** The read-only table cell's status and text. */
async function tableCell(page: Page): Promise<{ status: string | null; text: string }> {
  const td = page.locator(`[data-testid="form-table-t4"] td[data-ref="${CELL}"]`);
  return { status: await td.getAttribute('data-status'), text: (await td.innerText()).trim() };
}

/** Difference shown for 行政复议's T4_TOTAL in the live list ('' when not listed). */
async function identityDifference(page: Page): Promise<string> {
  const li = page.locator('[data-testid="identity-T4_TOTAL-review"]');
  return (await li.count()) ? ((await li.getAttribute('data-difference')) ?? '') : '';
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifact(`proofread-${name}.png`), fullPage: false });
  try {
    await page.screenshot({ path: path.join(SHOTS, `H3-${name}.png`), fullPage: false });
  } catch {
    // the shots folder is optional
  }
}

/** How many flag cards of the page are T4_TOTAL on 行政复议. */
async function t4ReviewFlagCount(page: Page): Promise<number> {
  return page.locator('[data-testid="flag-card"][data-rule="T4_TOTAL"]').filter({ hasText: '表四「行政复议」' }).count();
}

export const proofreadSuite: Suite = {
  name: 'proofread',
  server: 'shared',
  ordered: true,
  open: (env) => {
    const base = env.server.url;
    const id = hongze(env);
    const dir = tempDir('proofread-');
    const exported = path.join(dir, 'corrections.csv');
    return {
      tests: [
        {
          name: '校对: the identity updates as the forced value is typed; 保存 needs a note; the correction survives a reload and is exported',
          run: async () => {
            const page = await env.freshPage();
            await page.setViewportSize({ width: 1280, height: 900 });
            await openReport(page, base, id);
            assertEqual(await tableCell(page), { status: 'reported', text: '0' }, 'the misprint as read');
            assert((await t4ReviewFlagCount(page)) >= 1, 'the T4_TOTAL flag of 行政复议 is on the page before the correction');
            await page.click('[data-testid="proofread-toggle"]');
            const input = page.locator(`[data-testid="proofread-grid"] input[data-ref="${CELL}"]`);
            await input.waitFor({ timeout: STEP_MS });
            assertEqual(await input.getAttribute('inputmode'), 'numeric', 'inputmode');
            assertEqual(await identityDifference(page), '-11', 'live identity before the edit');
            assertEqual(await input.getAttribute('data-broken'), 'true', 'the total is marked as in a broken identity');
            await input.fill('11');
            await page.waitForFunction(() => document.querySelector('[data-testid="identity-T4_TOTAL-review"]')?.getAttribute('data-difference') === '0', undefined, { timeout: STEP_MS });
            assertEqual(await input.getAttribute('data-broken'), 'false', 'no longer marked after the forced value');
            await page.locator('[data-testid="proofread-identities"]').scrollIntoViewIfNeeded();
            await shot(page, 'grid-desktop');
            await page.click('[data-testid="proofread-save"]');
            assert((await page.innerText('[data-testid="proofread-problem"]')).includes('校对说明'), 'saving without a note is refused');
            await page.fill('[data-testid="proofread-note"]', NOTE);
            await page.click('[data-testid="proofread-save"]');
            await page.waitForSelector(`[data-testid="form-table-t4"] td[data-ref="${CELL}"][data-status="corrected"]`, { timeout: STEP_MS });
            assertEqual(await tableCell(page), { status: 'corrected', text: '11' }, 'the corrected cell');
            assert((await page.innerText('[data-testid="corrections-kept"]')).includes(NOTE), 'the kept correction with its note');
            assertEqual(await t4ReviewFlagCount(page), 0, 'T4_TOTAL flags of 行政复议 after the checks ran again');
            await page.reload({ waitUntil: 'domcontentloaded' });
            await waitForReport(page, id);
            await page.waitForSelector(`[data-testid="form-table-t4"] td[data-ref="${CELL}"][data-status="corrected"]`, { timeout: STEP_MS });
            assertEqual(await tableCell(page), { status: 'corrected', text: '11' }, 'the corrected cell after a reload');
            await page.locator(`[data-testid="form-table-t4"]`).scrollIntoViewIfNeeded();
            await shot(page, 'corrected-desktop');
            const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.click('[data-testid="corrections-export"]')]);
            await download.saveAs(exported);
            assert(/^校对记录_\d{4}-\d{2}-\d{2}\.csv$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`);
            const text = readFileSync(exported, 'utf8');
            assert(text.startsWith('\uFEFFreport_id,cell,value_before,value_after,note,corrected_at'), `header: ${text.slice(0, 80)}`);
            assert(text.includes(`${id},${CELL},0,11,${NOTE},`), `row: ${text}`);
            // The grid at 390 px (opened at desktop width: the toggle sits beside the source text pane).
            await page.click('[data-testid="proofread-toggle"]');
            await page.setViewportSize({ width: 390, height: 844 });
            const small = page.locator(`[data-testid="proofread-grid"] input[data-ref="${CELL}"]`);
            await small.evaluate((el) => el.scrollIntoView({ block: 'center' }));
            await shot(page, 'grid-390');
            await page.screenshot({ path: artifact('proofread-grid-390-full.png'), fullPage: true });
          },
        },
        {
          name: '导入校对 in a fresh browser state: 11 已校对 on the report page and in the 复议诉讼 view CSV',
          run: async () => {
            const page = await env.freshPage();
            await openReport(page, base, id);
            assertEqual(await tableCell(page), { status: 'reported', text: '0' }, 'a fresh state shows the data as read');
            await page.setInputFiles('[data-testid="corrections-file"]', exported);
            await page.waitForSelector(`[data-testid="form-table-t4"] td[data-ref="${CELL}"][data-status="corrected"]`, { timeout: STEP_MS });
            assertEqual(await tableCell(page), { status: 'corrected', text: '11' }, 'the imported correction');
            assert((await page.innerText('[data-testid="corrections-message"]')).includes('导入 1 条'), 'import message');
            await openDashboard(page, base, { view: 'review_litigation', agency: env.data.reports.find((r) => r.report_id === id)!.agency_key });
            await waitForView(page, 'review_litigation');
            const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.click('[data-testid="download-csv"]')]);
            const file = path.join(dir, 'view.csv');
            await download.saveAs(file);
            const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
            const row = rows.find((r) => Object.values(r).includes(id) || (Object.values(r).some((v) => v.includes('洪泽区')) && Object.values(r).includes('2023')));
            assert(row, `no 洪泽区 2023 row in the view CSV: ${JSON.stringify(rows.slice(0, 2))}`);
            const totalKey = Object.keys(row).find((k) => k === 'review_total' || (k.includes('行政复议') && k.includes('总计')));
            assert(totalKey, `no 行政复议 总计 column in ${Object.keys(row).join(',')}`);
            assertEqual(row[totalKey], '11', '行政复议·总计 in the view CSV');
            assert(Object.values(row).some((v) => v.includes('行政复议·总计：已校对')), `the CSV's 单元格说明 names the corrected cell: ${JSON.stringify(row)}`);
          },
        },
      ],
    };
  },
};
