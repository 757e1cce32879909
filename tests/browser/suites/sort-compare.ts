/**
 * Suite `sort-compare` (issue 9, "Every table column sorts", top N, log scale, "Compare"), driven as
 * a user would on the shared server:
 *
 * - 依申请公开 sorted by 本年新收 with clicks on its header (升序 → 降序, aria-sort), the whole filtered
 *   set sorted in SQL (the first row is the largest 本年新收 of cells.csv, NULLs last), kept in the URL
 *   (`sort=new_received:desc`) and through a reload; a third click, by keyboard, turns it off;
 *   下载 CSV writes the rows in the same order;
 * - the chart draws the top N (20 by default; 10 chosen) and says 「另有 N 项未显示」;
 * - the log scale toggle (`log=1`, kept through a reload, with its note on zeros; off for 指标);
 * - 比较: the boxes of 淮安市人民政府 and 淮安市洪泽区人民政府 (keys from reports.csv) → their 2024
 *   numbers side by side with the difference (本年新收 3119 and 95 in the PDFs'表三: −3,024 件), the
 *   note that their years differ, the year 2023 chosen (淮安市 has no 2023 report: —), in the URL
 *   (`compare=…&cyear=2023`) and through a reload;
 * - screenshots at 1280 and 390 px (sort-compare-*.png), and no horizontal page scroll on the phone.
 *
 * Expected numbers are read from cells.csv and reports.csv of the served data (t3 new_received
 * total), so a wrong ingest fails here as well as a wrong page. Each test opens its own fresh page.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { assert, assertEqual, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { columnTexts, openDashboard, waitForView, waitForViewIdle } from '../dashboard-page';
import { agencyName } from '../data-files';
import { APPLICATIONS_VIEW } from '../../../lib/query/views';

/** 本年新收's label in the 依申请公开 table (the form's row label). */
const NEW_RECEIVED_LABEL = APPLICATIONS_VIEW.columns.find((c) => c.key === 'new_received')!.label;

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** `14,069` → 14069; `—` → null. */
const num = (s: string): number | null => (/\d/.test(s) ? Number(s.replace(/[^\d.-]/g, '')) : null);

/** 本年新收 (t3 new_received, 总计) of every report the 依申请公开 view shows, from cells.csv; null when not given. */
function newReceived(env: SuiteEnv): Array<{ id: string; name: string; year: string; value: number | null }> {
  const withT3 = env.data.withTable('t3');
  return env.data.shown
    .filter((r) => withT3.has(r.report_id) && env.data.cells.some((c) => c.report_id === r.report_id && c.table === 't3' && c.column === 'total'))
    .map((r) => {
      const v = env.data.t3Total(r.report_id, 'new_received');
      return { id: r.report_id, name: agencyName(r), year: r.year, value: v === undefined || v === '' ? null : Number(v) };
    });
}

/** The one agency_key of the reports whose source file contains `file`. */
function keyOf(env: SuiteEnv, file: string): string {
  const r = env.data.reports.find((x) => x.source_file.includes(file));
  assert(r?.agency_key, `no agency_key for ${file} in reports.csv`);
  return r.agency_key;
}

/** Waits until the URL's `name` parameter is `value` (null: absent). */
async function waitForParam(page: Page, name: string, value: string | null): Promise<void> {
  await page.waitForFunction(([n, v]) => new URLSearchParams(location.search).get(n as string) === v, [name, value] as const, { timeout: STEP_MS });
}

/** The header of column `key` in the view table. */
const header = (key: string) => `[data-testid="view-table"] thead th[data-col="${key}"]`;

/**
 * What makes the page scroll sideways: the elements reaching past the viewport's right edge that are
 * not inside a scrolling box (tag, class, test id, right edge in px); empty when nothing does.
 */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth + 1) return [];
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) if (/(auto|scroll|hidden)/.test(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e.parentElement))
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}[${e.getAttribute('data-testid') ?? ''}] → ${Math.round(e.getBoundingClientRect().right)}px`);
  });

/** The sort-compare suite (shared server). */
export const sortCompareSuite: Suite = {
  name: 'sort-compare',
  server: 'shared',
  open: (env) => {
    const base = env.server.url;
    const expected = newReceived(env);
    const known = expected.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!);
    const huaian = keyOf(env, 'huaian-city-government-2024');
    const hongze = keyOf(env, 'hongze-district-government-2024');
    const t3Of = (file: string, row: string) => Number(env.data.t3Total(env.data.reports.find((r) => r.source_file.includes(file))!.report_id, row));
    const tests: TestCase[] = [
      {
        name: '本年新收 sorts by its header (asc → desc → off, keyboard too), over the whole set, NULLs last, kept through a reload and in 下载 CSV',
        run: async () => {
          const page = await env.freshPage();
          await page.setViewportSize(DESKTOP);
          await openDashboard(page, base, { view: 'applications' });
          await waitForView(page, 'applications');
          await page.click(`${header('new_received')} [data-testid="sort-button"]`);
          await waitForParam(page, 'sort', 'new_received:asc');
          await page.click(`${header('new_received')} [data-testid="sort-button"]`);
          await waitForParam(page, 'sort', 'new_received:desc');
          await waitForViewIdle(page);
          const check = async (when: string) => {
            assertEqual(await page.getAttribute(header('new_received'), 'aria-sort'), 'descending', `aria-sort ${when}`);
            const values = (await columnTexts(page, 'new_received')).map(num);
            const firstNull = values.indexOf(null);
            const numbers = firstNull < 0 ? values : values.slice(0, firstNull);
            assert(firstNull < 0 || values.slice(firstNull).every((v) => v === null), `NULLs not last ${when}: ${values.join(',')}`);
            assertEqual(numbers, [...numbers].sort((a, b) => b! - a!), `本年新收 descending ${when}`);
            assertEqual(numbers[0], known[0].value, `first 本年新收 ${when} (largest in cells.csv: ${known[0].name} ${known[0].year})`);
            assertEqual((await columnTexts(page, 'agency'))[0], known[0].name, `first agency ${when}`);
          };
          await check('after two clicks');
          assert(((await page.textContent('[data-testid="view-sql"]')) ?? '').includes('ORDER BY "new_received" DESC NULLS LAST'), 'the SQL shown is not sorted');
          await page.screenshot({ path: artifact('sort-compare-sorted-1280.png'), fullPage: true });
          await page.reload({ waitUntil: 'domcontentloaded' });
          await waitForView(page, 'applications');
          await waitForViewIdle(page);
          await check('after a reload');
          await page.check('[data-testid="csv-keys"]'); // the spec's keys as the CSV header, for r.new_received
          const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.click('[data-testid="download-csv"]')]);
          const file = artifact('sort-compare-sorted.csv');
          await download.saveAs(file);
          const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
          assertEqual(rows.map((r) => num(r.new_received)), (await columnTexts(page, 'new_received')).map(num), 'CSV rows in the table order');
          await page.focus(`${header('new_received')} [data-testid="sort-button"]`);
          await page.keyboard.press('Enter');
          await waitForParam(page, 'sort', null);
          assertEqual(await page.getAttribute(header('new_received'), 'aria-sort'), 'none', 'aria-sort after the third activation');
        },
      },
      {
        name: 'the chart draws the top N of the sorted rows and says how many more there are',
        run: async () => {
          const page = await env.freshPage();
          await openDashboard(page, base, { view: 'applications', sort: 'new_received:desc' });
          await waitForView(page, 'applications');
          await waitForViewIdle(page);
          const total = Number(await page.getAttribute('[data-testid="row-count"]', 'data-count'));
          assertEqual(total, expected.length, 'rows of 依申请公开');
          assertEqual(Number(await page.getAttribute('[data-testid="chart-controls"]', 'data-drawn')), Math.min(20, total), 'drawn by default (top 20)');
          await page.selectOption('[data-testid="chart-top"]', '10');
          await waitForParam(page, 'top', '10');
          await page.waitForSelector('[data-testid="chart-controls"][data-drawn="10"]', { timeout: STEP_MS });
          assert(total > 10, `the data has only ${total} rows: the note cannot be checked`);
          assertEqual((await page.innerText('[data-testid="chart-more"]')).trim(), `另有 ${total - 10} 项未显示`, 'top-N note');
          assert((await page.innerText('[data-testid="chart-note"]')).includes(`按“${NEW_RECEIVED_LABEL}”降序的前 10 项`), 'the note does not say what the top is by');
        },
      },
      {
        name: 'log scale: toggled, in the URL and through a reload, with its note; not offered for 指标',
        run: async () => {
          const page = await env.freshPage();
          await page.setViewportSize(DESKTOP);
          await openDashboard(page, base, { view: 'applications', sort: 'new_received:desc' });
          await waitForView(page, 'applications');
          await page.check('[data-testid="chart-log"]');
          await waitForParam(page, 'log', '1');
          await page.waitForSelector('[data-testid="chart-controls"][data-log="true"]', { timeout: STEP_MS });
          assert((await page.innerText('[data-testid="chart-log-note"]')).includes('0 没有对数'), 'log note does not say how zeros are drawn');
          await page.waitForSelector('[data-testid="chart"][data-rendered="true"]', { timeout: STEP_MS });
          await page.locator('[data-testid="chart"][aria-label="依申请公开图表"]').screenshot({ path: artifact('sort-compare-log-chart.png') });
          await page.reload({ waitUntil: 'domcontentloaded' });
          await waitForView(page, 'applications');
          assert(await page.isChecked('[data-testid="chart-log"]'), 'log scale lost on reload');
          await page.click('[data-testid="tab-indicators"]');
          await waitForView(page, 'indicators');
          assert(await page.isDisabled('[data-testid="chart-log"]'), '指标 offers the log scale');
        },
      },
      {
        name: 'compare 淮安市人民政府 and 淮安市洪泽区人民政府: 2024 side by side with differences, years differ, 2023 chosen, kept through a reload',
        run: async () => {
          const page = await env.freshPage();
          await page.setViewportSize(DESKTOP);
          await openDashboard(page, base, { view: 'applications' });
          await waitForView(page, 'applications');
          await page.click(`[data-testid="compare-pick"][data-agency-key="${huaian}"] >> nth=0`);
          await page.waitForSelector('[data-testid="compare-hint"]', { timeout: STEP_MS });
          await page.click(`[data-testid="compare-pick"][data-agency-key="${hongze}"] >> nth=0`);
          await waitForParam(page, 'compare', `${huaian},${hongze}`);
          await page.waitForSelector('[data-testid="compare-table"][data-year="2024"]', { timeout: STEP_MS });
          const hu = t3Of('huaian-city-government-2024', 'new_received');
          const hz = t3Of('hongze-district-government-2024', 'new_received');
          const row = '[data-testid="compare-row"][data-metric="new_received"]';
          const values = await page.$$eval(`${row} td`, (tds) => tds.map((td) => td.getAttribute('data-value')));
          assertEqual(values.map(Number), [hu, hz], '本年新收 2024 (淮安市, 洪泽区)');
          assertEqual(Number(await page.getAttribute(`${row} [data-testid="compare-diff"]`, 'data-abs')), hz - hu, 'difference in 件');
          assert((await page.innerText(`${row} [data-testid="compare-diff"]`)).includes('−3,024 件'), 'difference text');
          assert((await page.innerText('[data-testid="compare-year-note"]')).startsWith('比较的年度不同'), 'no note that the years differ');
          await page.screenshot({ path: artifact('sort-compare-compare-1280.png'), fullPage: true });
          await page.selectOption('[data-testid="compare-year"]', '2023');
          await waitForParam(page, 'cyear', '2023');
          await page.waitForSelector('[data-testid="compare-table"][data-year="2023"]', { timeout: STEP_MS });
          await page.reload({ waitUntil: 'domcontentloaded' });
          await page.waitForSelector('[data-testid="compare-table"][data-year="2023"]', { timeout: STEP_MS });
          const v2023 = await page.$$eval(`${row} td`, (tds) => tds.map((td) => td.textContent?.trim() ?? ''));
          assertEqual(v2023[0], '—', '淮安市 has no 2023 report');
          assertEqual(num(v2023[1]), t3Of('hongze-district-government-2023', 'new_received'), '洪泽区 2023 本年新收');
          assert((await page.innerText('[data-testid="compare-year-note"]')).includes('没有 2023 年的报告'), 'the note does not name the agency without 2023');
        },
      },
      {
        name: 'phone (390 px): sorted table, chart controls and compare without a sideways page scroll',
        run: async () => {
          const page = await env.freshPage();
          await page.setViewportSize(PHONE);
          await openDashboard(page, base, { view: 'applications', sort: 'new_received:desc', compare: `${huaian},${hongze}`, cyear: '2024' });
          await waitForView(page, 'applications');
          await page.waitForSelector('[data-testid="compare-table"][data-year="2024"]', { timeout: STEP_MS });
          await page.screenshot({ path: artifact('sort-compare-390.png'), fullPage: true });
          await page.locator('[data-testid="compare-panel"]').screenshot({ path: artifact('sort-compare-390-compare.png') });
          await page.locator('[data-testid="chart"][aria-label="依申请公开图表"]').screenshot({ path: artifact('sort-compare-390-chart.png') });
          const wide = await sidewaysOverflow(page);
          assert(wide.length === 0, `the page scrolls sideways at 390 px: ${wide.join('; ')}`);
        },
      },
    ];
    return { tests };
  },
};
