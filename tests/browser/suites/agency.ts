/**
 * Suite `agency`: the page of one agency over its years (/agency/AGENCY_KEY, issue 9), driven as a
 * user would — opened from its URL, read, its report links followed — on the shared server:
 *
 * - 淮安市洪泽区人民政府 (key read from reports.csv: the 2023 report printed 洪泽区人民政府, the 2024
 *   one 淮安市洪泽区人民政府, one key): 2023 and 2024 on one page with 本年新收 21 → 95, the change
 *   +74 件 (+352.4 %), 2025 (the latest year of the data) shown as 无报告 and `—`, never 0;
 * - CARRYOVER_CONTINUITY and IN_FORCE_CONTINUITY evaluated on 2023 → 2024 and shown as holding (✓)
 *   with their numbers, and only the agency's own reports' cells downloaded (never cells.csv);
 * - each report link opens its report page; an unknown key says 找不到这个机关;
 * - 上海市人民政府办公厅 2019 and 2025 on one page, the five years between shown as missing;
 * - screenshots at 1280 and 390 px, and no horizontal page scroll on the phone.
 *
 * The numbers are the ones a person reads in the PDFs (data/corpus/hongze-district-government-
 * 2023.pdf and 2024.pdf, `pdftotext -layout`): 表三 一、本年新收 总计 21 (2023) and 95 (2024);
 * 二、上年结转 0 and 四、结转下年度继续办理 0 in both; 表二 规章 0 0 0 in both, 行政规范性文件
 * 0 5 5 (2023) and 3 0 8 (2024). They are checked against cells.csv too, so a wrong ingest fails
 * here as well as a wrong page. Each test opens its own fresh page.
 */
import type { Page } from 'playwright-core';
import { artifact } from '../../harness/artifacts';
import { DB_READY_MS, STEP_MS } from '../../harness/bounded-waits';
import type { CsvRow } from '../../harness/app-data';
import { assert, assertEqual, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { openDashboard, waitForReport, waitForView } from '../dashboard-page';

/** Desktop and phone widths of the screenshots (CSS px). */
const DESKTOP_1280 = { width: 1280, height: 900 };
const PHONE_390 = { width: 390, height: 844 };

/** The agency's reports in reports.csv whose source file contains one of `names`, and their one key. */
function agencyOf(env: SuiteEnv, names: readonly string[]): { key: string; reports: CsvRow[] } {
  const reports = names.map((n) => env.data.reports.find((r) => r.source_file.includes(n)));
  reports.forEach((r, i) => assert(r, `no report ${names[i]} in reports.csv`));
  const keys = [...new Set(reports.map((r) => r!.agency_key))];
  assertEqual(keys.length, 1, `agency keys of ${names.join(', ')} (${keys.join(' | ')})`);
  assert(keys[0], `no agency_key for ${names[0]}`);
  return { key: keys[0], reports: reports as CsvRow[] };
}

/** The latest report year of reports.csv: the agency page's year axis runs to it. */
function latestYear(env: SuiteEnv): number {
  return Math.max(...env.data.reports.map((r) => Number(r.year)).filter((y) => Number.isInteger(y) && y > 0));
}

/** Value of cell TABLE.ROW.COLUMN of report `id` in cells.csv. */
function cellValue(env: SuiteEnv, id: string, table: string, row: string, column: string): string | undefined {
  return env.data.cells.find((c) => c.report_id === id && c.table === table && c.row === row && c.column === column)?.value;
}

/** Opens /agency/KEY and waits for its name and its five charts drawn; throws with the page's message on an error. */
async function openAgency(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/agency/${encodeURIComponent(key)}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
  await page.waitForSelector('[data-testid="agency-name"], [data-testid="agency-error"], [data-testid="agency-not-found"], [data-testid="db-error"]', {
    timeout: DB_READY_MS,
  });
  const err = await page.$('[data-testid="agency-error"], [data-testid="agency-not-found"], [data-testid="db-error"]');
  if (err) throw new Error(`agency page error: ${(await err.innerText()).replace(/\s+/g, ' ')}`);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="agency-charts"] [data-testid="chart"][data-rendered="true"]').length === 5,
    undefined,
    { timeout: STEP_MS },
  );
}

/** Waits for the cross-year evaluations (or their error) and returns them: rule, verdict, text. */
async function continuity(page: Page): Promise<Array<{ rule: string; verdict: string; text: string }>> {
  await page.waitForSelector('[data-testid="agency-continuity"], [data-testid="agency-continuity-none"], [data-testid="agency-continuity-error"]', { timeout: STEP_MS });
  const err = await page.$('[data-testid="agency-continuity-error"]');
  if (err) throw new Error(`cross-year checks failed: ${(await err.innerText()).replace(/\s+/g, ' ')}`);
  return page.$$eval('[data-testid="agency-continuity"] li', (els) =>
    els.map((e) => ({ rule: (e as HTMLElement).dataset.rule ?? '', verdict: (e as HTMLElement).dataset.verdict ?? '', text: (e.textContent ?? '').replace(/\s+/g, ' ').trim() })),
  );
}

/** The year boxes of the coverage: year, number of reports, text. */
function yearBoxes(page: Page): Promise<Array<{ year: number; reports: number; text: string }>> {
  return page.$$eval('[data-testid="agency-year"]', (els) =>
    els.map((e) => ({ year: Number((e as HTMLElement).dataset.year), reports: Number((e as HTMLElement).dataset.reports), text: (e.textContent ?? '').trim() })),
  );
}

/** One cell of the year-on-year table: the value shown and the change line (empty for the first year). */
async function yoyCell(page: Page, metric: string, year: number): Promise<{ value: string; change: string; missing: boolean }> {
  const td = page.locator(`[data-testid="agency-yoy-table"] tr[data-metric="${metric}"] td[data-year="${year}"]`);
  return td.evaluate((el) => ({
    value: (el.querySelector('span')?.textContent ?? '').trim(),
    change: (el.querySelector('[data-testid="yoy-change"]')?.textContent ?? '').trim(),
    missing: el.classList.contains('missing'),
  }));
}

/**
 * Asserts that the page does not scroll sideways (the document is no wider than the window) and
 * that nothing is cut off instead: the agency page's <main> clips overflow (overflow-x: hidden), so
 * its own content must fit it too (a wide table scrolls inside its own box).
 */
async function assertNoSideScroll(page: Page, what: string): Promise<void> {
  const w = await page.evaluate(() => {
    const main = document.querySelector('[data-testid="agency-page"]') as HTMLElement;
    return { scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth, mainScroll: main.scrollWidth, mainClient: main.clientWidth };
  });
  assert(w.scroll <= w.inner, `${what}: the page scrolls sideways (scrollWidth ${w.scroll} > innerWidth ${w.inner})`);
  assert(w.mainScroll <= w.mainClient, `${what}: content wider than the page is cut off (main scrollWidth ${w.mainScroll} > clientWidth ${w.mainClient})`);
}

/** The agency suite (shared server). */
export const agencySuite: Suite = {
  name: 'agency',
  server: 'shared',
  open: (env) => ({ tests: [...hongzeTests(env), ...otherTests(env)] }),
};

/** 洪泽区 2023–2024: the years, the numbers, the cross-year checks, the cells downloaded, the links. */
function hongzeTests(env: SuiteEnv): TestCase[] {
  const base = env.server.url;
  const hongze = () => agencyOf(env, ['hongze-district-government-2023', 'hongze-district-government-2024']);
  return [
    {
      name: '洪泽区: 2023 and 2024 on one page, 本年新收 21 → 95 (+74 件), 2025 shown as missing, not 0',
      run: async () => {
        const { key, reports } = hongze();
        const [r23, r24] = reports;
        assertEqual([r23.year, r24.year], ['2023', '2024'], 'years of the two 洪泽区 reports');
        // Read in the PDFs: 表三 一、本年新收 总计 21 (2023) and 95 (2024); the ingest must agree.
        assertEqual([cellValue(env, r23.report_id, 't3', 'new_received', 'total'), cellValue(env, r24.report_id, 't3', 'new_received', 'total')], ['21', '95'], 'cells.csv 本年新收 总计');
        const page = await env.freshPage();
        await page.setViewportSize(DESKTOP_1280);
        await openAgency(page, base, key);
        assertEqual(await page.innerText('[data-testid="agency-name"]'), r24.agency_name, 'agency name');
        const last = latestYear(env);
        const boxes = await yearBoxes(page);
        assertEqual(boxes.map((b) => b.year), Array.from({ length: last - 2023 + 1 }, (_, i) => 2023 + i), 'year axis: first report to the latest year of the data');
        assertEqual(boxes.filter((b) => b.reports > 0).map((b) => b.year), [2023, 2024], 'years with a report');
        for (const b of boxes.filter((x) => x.year > 2024)) assert(b.text.includes('无报告'), `${b.year} is not shown as 无报告: "${b.text}"`);
        assertEqual(await yoyCell(page, 'new_received', 2023), { value: '21', change: '', missing: false }, '2023 本年新收');
        // 95 − 21 = 74 件; 74 / 21 = +352.4 %.
        assertEqual(await yoyCell(page, 'new_received', 2024), { value: '95', change: '+74 件 · +352.4%', missing: false }, '2024 本年新收 and change');
        if (last > 2024) {
          const c = await yoyCell(page, 'new_received', last);
          assertEqual(c, { value: '—', change: '—', missing: true }, `${last} 本年新收 (no report: — , not 0)`);
        }
        await page.screenshot({ path: artifact('agency-hongze-1280.png'), fullPage: true });
      },
    },
    {
      name: '洪泽区 2023→2024: CARRYOVER_CONTINUITY and IN_FORCE_CONTINUITY shown as holding (✓) with their numbers; only its cells downloaded',
      run: async () => {
        const { key, reports } = hongze();
        const ids = reports.map((r) => r.report_id);
        // The rules' inputs as cells.csv holds them (read in the PDFs: 上年结转 0, 结转下年度 0; 行政规范性文件 0 5 5 → 3 0 8).
        assertEqual(
          [cellValue(env, ids[0], 't3', 'carried_forward', 'total'), cellValue(env, ids[1], 't3', 'carried_over', 'total')],
          ['0', '0'],
          'cells.csv 2023 结转下年度 / 2024 上年结转',
        );
        assertEqual(
          [
            cellValue(env, ids[0], 't2', 'normative_documents', 'in_force'),
            ...['issued', 'repealed', 'in_force'].map((c) => cellValue(env, ids[1], 't2', 'normative_documents', c)),
          ],
          ['5', '3', '0', '8'],
          'cells.csv 行政规范性文件 2023 现行有效, 2024 制发/废止/现行有效',
        );
        const page = await env.freshPage();
        const cellRequests: string[] = [];
        page.on('request', (req) => {
          const p = new URL(req.url()).pathname;
          if (p.startsWith('/data/cells')) cellRequests.push(decodeURIComponent(p));
        });
        await openAgency(page, base, key);
        const checks = await continuity(page);
        assertEqual(
          checks.map((c) => `${c.rule}:${c.verdict}`).sort(),
          ['CARRYOVER_CONTINUITY:holds', 'IN_FORCE_CONTINUITY:holds', 'IN_FORCE_CONTINUITY:holds'],
          'cross-year evaluations of 2023→2024',
        );
        const texts = checks.map((c) => c.text);
        for (const expected of [
          '✓ 2023→2024 上年结转与上一年结转下年度：2024 年上年结转 0 件 = 2023 年结转下年度继续办理 0 件',
          '「规章」2024 年现行有效 0 件 = 2023 年现行有效 0 + 本年制发 0 − 本年废止 0 = 0 件',
          '「行政规范性文件」2024 年现行有效 8 件 = 2023 年现行有效 5 + 本年制发 3 − 本年废止 0 = 8 件',
        ]) {
          assert(texts.some((t) => t.includes(expected)), `no evaluation reading "${expected}" in ${JSON.stringify(texts)}`);
        }
        assert(checks.every((c) => c.text.startsWith('✓')), `not every evaluation is marked ✓: ${JSON.stringify(texts)}`);
        // At scale the page must not download every cell: only the agency's reports', one file each.
        assertEqual([...new Set(cellRequests)].sort(), ids.map((id) => `/data/cells/${id}`).sort(), 'cells requested by the agency page');
        await page.locator('[data-testid="agency-checks"]').screenshot({ path: artifact('agency-hongze-checks-1360.png') });
      },
    },
    {
      name: '洪泽区: its 机关 link in 依申请公开 opens its page, and 返回看板 reopens the view as it was left',
      run: async () => {
        const { key, reports } = hongze();
        const page = await env.freshPage();
        await openDashboard(page, base, { view: 'applications' });
        await waitForView(page, 'applications');
        const link = page.locator(`[data-testid="view-table"] tr:has(td[data-col="report_id"] a[href^="/report/${reports[1].report_id}"]) a[data-testid="row-agency-link"]`);
        assertEqual(await link.count(), 1, '机关 links on the 洪泽区 2024 row');
        await link.click();
        await page.waitForURL((u) => u.pathname === `/agency/${encodeURIComponent(key)}`, { timeout: STEP_MS });
        await page.waitForSelector('[data-testid="agency-name"]', { timeout: DB_READY_MS });
        await page.click('[data-testid="agency-back"]');
        await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('view') === 'applications', { timeout: STEP_MS });
        await waitForView(page, 'applications');
      },
    },
    {
      name: '洪泽区: the link of each year opens its report page',
      run: async () => {
        const { key, reports } = hongze();
        const page = await env.freshPage();
        await openAgency(page, base, key);
        for (const r of reports) {
          const link = page.locator(`[data-testid="agency-year"][data-year="${r.year}"] [data-testid="agency-report-link"]`);
          assertEqual(await link.count(), 1, `links in the ${r.year} box`);
          await link.click();
          await waitForReport(page, r.report_id);
          assert((await page.innerText('[data-testid="report-page"]')).includes(r.year), `report page of ${r.year} does not show its year`);
          await page.goBack({ waitUntil: 'domcontentloaded' });
          await page.waitForSelector('[data-testid="agency-name"]', { timeout: DB_READY_MS });
        }
      },
    },
  ];
}

/** Unknown key, 上海市人民政府办公厅 2019 and 2025, the phone. */
function otherTests(env: SuiteEnv): TestCase[] {
  const base = env.server.url;
  const shanghai = () => agencyOf(env, ['shanghai-government-office-2019', 'shanghai-government-office-2025']);
  return [
    {
      name: 'an unknown agency key shows the not-found message with what to do',
      run: async () => {
        const page = await env.freshPage();
        await page.goto(`${base}/agency/${encodeURIComponent('?:没有这个机关')}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        const e = await page.waitForSelector('[data-testid="agency-not-found"], [data-testid="agency-error"], [data-testid="db-error"]', { timeout: DB_READY_MS });
        assertEqual(await e.getAttribute('data-testid'), 'agency-not-found', `what the page shows for an unknown key ("${(await e.innerText()).replace(/\s+/g, ' ')}")`);
        const text = (await e.innerText()).replace(/\s+/g, ' ');
        assert(text.includes('找不到这个机关') && text.includes('?:没有这个机关'), `not-found message: "${text}"`);
        assert(text.includes('请从看板的机关链接进入'), `the message does not say what to do: "${text}"`);
        assertEqual(await page.$$eval('[data-testid="agency-year"]', (els) => els.length), 0, 'year boxes of an unknown agency');
      },
    },
    {
      name: '上海市人民政府办公厅: 2019 and 2025 on one page, 2020–2024 shown as missing',
      run: async () => {
        const { key, reports } = shanghai();
        assertEqual(reports.map((r) => r.year), ['2019', '2025'], 'years of the two 上海市人民政府办公厅 reports');
        const page = await env.freshPage();
        await page.setViewportSize(DESKTOP_1280);
        await openAgency(page, base, key);
        const boxes = await yearBoxes(page);
        assertEqual(boxes.map((b) => b.year), [2019, 2020, 2021, 2022, 2023, 2024, 2025], 'year axis');
        assertEqual(boxes.filter((b) => b.reports > 0).map((b) => b.year), [2019, 2025], 'years with a report');
        for (const b of boxes.filter((x) => x.reports === 0)) assert(b.text.includes('无报告'), `${b.year} not shown as 无报告`);
        for (const r of reports) {
          const v = cellValue(env, r.report_id, 't3', 'new_received', 'total');
          assert(v !== undefined, `cells.csv has no 本年新收 总计 for 上海 ${r.year}`);
          assertEqual((await yoyCell(page, 'new_received', Number(r.year))).value, Number(v).toLocaleString('en-US'), `上海 ${r.year} 本年新收`);
        }
        // No year is compared with one four years before: 2025's change is — (2024 has no report).
        assertEqual(await yoyCell(page, 'new_received', 2022), { value: '—', change: '—', missing: true }, '上海 2022 本年新收');
        assertEqual((await yoyCell(page, 'new_received', 2025)).change, '—', '上海 2025 change (2024 has no report)');
        assertEqual(await continuity(page), [], 'no cross-year evaluation without consecutive years');
        assert(await page.isVisible('[data-testid="agency-continuity-none"]'), 'no sentence saying the cross-year checks cannot run');
        await page.screenshot({ path: artifact('agency-shanghai-1280.png'), fullPage: true });
      },
    },
    {
      name: 'on a 390 px phone the agency pages do not scroll sideways',
      run: async () => {
        const page = await env.freshPage();
        await page.setViewportSize(PHONE_390);
        for (const [name, a] of [
          ['hongze', agencyOf(env, ['hongze-district-government-2023', 'hongze-district-government-2024'])],
          ['shanghai', shanghai()],
        ] as const) {
          await openAgency(page, base, a.key);
          await continuity(page);
          await assertNoSideScroll(page, name);
          await page.screenshot({ path: artifact(`agency-${name}-390.png`), fullPage: true });
        }
      },
    },
  ];
}
