/**
 * Suite `manual-entry` (issue 13, "A new report can be entered from nothing"): on the dashboard's
 * upload panel, 手工录入 opens the form; 保存 with nothing filled names the required fields; a
 * small report of 淮安市洪泽区人民政府 (a year the data has no report of) is typed in — the row
 * 本年新收 with its 总计 typed one too high shows T3_ROW_TOTAL 相差 1 and the total marked, and
 * correcting it makes it 成立 at once —; 保存 adds it like an upload; after a reload of the tab the
 * 依申请公开 view (来源 仅上传的) shows it with its 本年新收 and 来源 上传; its report page is marked
 * 手工录入, its typed cells have status `manual`, a cell left empty is 缺 (missing), not 0.
 * Screenshots desktop and 390 px (tests/browser/artifacts/, and /tmp/team5/shots/W2-*.png).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { assert, assertEqual, type Suite } from '../browser-test-kit';
import { columnTexts, openDashboard, openReport, waitForView } from '../dashboard-page';

const SHOTS = '/tmp/team5/shots';
const AGENCY = '淮安市洪泽区人民政府';
const YEAR = '2021';
/** 本年新收 and 办结 of the small report: 自然人 3, 商业企业 1, the other four columns 0, 总计 4. */
const ROW = { natural_person: '3', commercial: '1', research: '0', social_welfare: '0', legal_service: '0', other_org: '0', total: '4' };

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifact(`manual-entry-${name}.png`), fullPage: false });
  try {
    await page.screenshot({ path: path.join(SHOTS, `W2-${name}.png`), fullPage: false });
  } catch {
    // the shots folder is optional
  }
}

/** Types `text` into the form's cell `ref`. */
async function typeCell(page: Page, ref: string, text: string): Promise<void> {
  await page.fill(`[data-testid="manual-grid"] input[data-ref="${ref}"]`, text);
}

/** The live difference of an identity ('' when it is not listed). */
async function difference(page: Page, testId: string): Promise<string> {
  const li = page.locator(`[data-testid="manual-entry"] [data-testid="${testId}"]`);
  return (await li.count()) ? ((await li.getAttribute('data-difference')) ?? '') : '';
}

export const manualEntrySuite: Suite = {
  name: 'manual-entry',
  server: 'shared',
  ordered: true,
  open: (env) => {
    const base = env.server.url;
    return {
      tests: [
        {
          name: '手工录入: required fields named, an identity updates live, 保存 adds it; after a reload it is in 依申请公开 with its values and its report page says 手工录入',
          run: async () => {
            const page = await env.freshPage();
            await page.setViewportSize({ width: 1280, height: 900 });
            await openDashboard(page, base, { view: 'applications', origin: 'upload' });
            await page.click('[data-testid="manual-entry-toggle"]');
            await page.waitForSelector('[data-testid="manual-grid"] input[data-ref="t3.new_received.total"]', { timeout: STEP_MS });
            await page.click('[data-testid="manual-save"]');
            assertEqual(await page.innerText('[data-testid="manual-problem"]'), '请填写机关名称、年度、表格中至少一格数字后再保存。', 'the required fields named');
            await page.fill('[data-testid="manual-agency"]', AGENCY);
            await page.fill('[data-testid="manual-year"]', YEAR);
            for (const row of ['new_received', 'total_processed', 'granted']) for (const [col, v] of Object.entries(ROW)) await typeCell(page, `t3.${row}.${col}`, v);
            await typeCell(page, 't3.new_received.total', '5');
            const total = page.locator('[data-testid="manual-grid"] input[data-ref="t3.new_received.total"]');
            await page.waitForFunction(() => document.querySelector('[data-testid="manual-entry"] [data-testid="identity-T3_ROW_TOTAL-new_received"]')?.getAttribute('data-difference') === '1', undefined, { timeout: STEP_MS });
            assertEqual(await total.getAttribute('data-broken'), 'true', 'the total typed one too high is marked');
            await total.scrollIntoViewIfNeeded();
            await shot(page, 'broken-desktop');
            await typeCell(page, 't3.new_received.total', '4');
            await page.waitForFunction(() => document.querySelector('[data-testid="manual-entry"] [data-testid="identity-T3_ROW_TOTAL-new_received"]')?.getAttribute('data-difference') === '0', undefined, { timeout: STEP_MS });
            assertEqual(await total.getAttribute('data-broken'), 'false', 'no longer marked');
            assertEqual(await difference(page, 'identity-T3_OUTCOME_SUM-natural_person'), '', 'an identity with a cell left empty is not evaluated (not listed as broken)');
            await page.click('[data-testid="manual-save"]');
            const saved = page.locator('[data-testid="manual-saved"][data-outcome="added"]');
            await saved.waitFor({ timeout: STEP_MS });
            const id = (await saved.getAttribute('data-report-id')) ?? '';
            assert(/^[0-9a-f]{16}$/.test(id), `report id ${id}`);
            assert((await saved.innerText()).includes(`${AGENCY} ${YEAR} 年度`), `saved line: ${await saved.innerText()}`);

            await page.reload({ waitUntil: 'domcontentloaded' });
            await waitForView(page, 'applications');
            await page.waitForFunction((rid) => [...document.querySelectorAll('[data-testid="view-table"] tbody td[data-col="report_id"]')].some((td) => td.textContent?.trim() === rid), id, { timeout: STEP_MS });
            const ids = await columnTexts(page, 'report_id');
            const i = ids.indexOf(id);
            assertEqual((await columnTexts(page, 'new_received'))[i], '4', '本年新收 总计 in 依申请公开');
            assertEqual((await columnTexts(page, 'total_processed'))[i], '4', '办结 总计 in 依申请公开');
            assertEqual((await columnTexts(page, 'year'))[i], YEAR, 'year');
            assertEqual((await columnTexts(page, 'origin'))[i], '上传', '来源');
            await shot(page, 'view-desktop');

            await openReport(page, base, id);
            assertEqual((await page.innerText('[data-testid="upload-badge"]')).trim(), '手工录入', 'the report page badge');
            const td = (ref: string) => page.locator(`[data-testid="form-table-t3"] td[data-ref="${ref}"]`);
            assertEqual(await td('t3.new_received.total').getAttribute('data-status'), 'manual', 'a typed cell is manual');
            assertEqual((await td('t3.new_received.total').innerText()).trim(), '4', 'its value');
            assertEqual(await td('t3.carried_over.total').getAttribute('data-status'), 'missing', 'a cell left empty is missing');
            assertEqual((await td('t3.carried_over.total').innerText()).trim(), '缺', 'shown as 缺, not 0');
            await page.locator('[data-testid="form-table-t3"]').scrollIntoViewIfNeeded();
            await shot(page, 'report-desktop');

            await page.setViewportSize({ width: 390, height: 844 });
            await openDashboard(page, base, { view: 'applications' });
            await page.click('[data-testid="manual-entry-toggle"]');
            await page.waitForSelector('[data-testid="manual-grid"] input[data-ref="t3.new_received.total"]', { timeout: STEP_MS });
            await page.locator('[data-testid="manual-entry"]').scrollIntoViewIfNeeded();
            await shot(page, 'form-390');
            await page.locator('[data-testid="manual-grid"] input[data-ref="t3.new_received.total"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
            await shot(page, 'grid-390');
          },
        },
      ],
    };
  },
};
