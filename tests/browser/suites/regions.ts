/**
 * Suite `regions` (issue 9, "Regions, peers and rankings"): the 地区 filter as the division tree
 * 省 → 市 → 县/区 with reports per node, and the 机关类型 / 层级 filters.
 *
 * - `?region=江苏省` lists exactly the 江苏 reports (reports.csv province = 江苏省) with their
 *   本年新收 (cells.csv t3.new_received.total), their sum, and the sentence naming the division;
 * - the tree selects and deselects by mouse and keyboard: a city narrows to its reports, a node
 *   under a chosen one shows checked and locked, a parent of a chosen node half-checked, the URL
 *   follows; counts per node are the reports in the files;
 * - 机关类型 and 层级 narrow to the reports of that type and level, in the URL and the sentence;
 * - screenshots at 1280 px and 390 px (regions-*.png), and no sideways scroll on the phone.
 * Expected values come from the data files, never through the app; each test opens a fresh page.
 */
import type { Page } from 'playwright-core';
import { describeFilter, type FilterLevel } from '../../../lib/query/filters';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import type { CsvRow } from '../../harness/app-data';
import { assert, assertEqual, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { columnTexts, openDashboard, openTab, waitForView, waitForViewIdle } from '../dashboard-page';

const DESKTOP_1280 = { width: 1280, height: 900 };
const PHONE_390 = { width: 390, height: 844 };

/** The region path of a row of reports.csv (lib/query/region-tree.ts): `江苏省/淮安市/洪泽区`, or 未识别地区. */
const pathOf = (r: CsvRow): string => (r.province ? [r.province, r.city, r.county].filter(Boolean).join('/') : '未识别地区');
/** Whether a report lies at `path` or below it. */
const under = (r: CsvRow, path: string): boolean => pathOf(r) === path || pathOf(r).startsWith(`${path}/`);

/** Report ids of the visible table's rows, sorted. */
async function shownIds(page: Page): Promise<string[]> {
  return (await columnTexts(page, 'report_id')).sort();
}

/** Waits until the table shows exactly `ids` (sorted) and no view is loading. */
async function waitForIds(page: Page, ids: readonly string[]): Promise<void> {
  const want = [...ids].sort();
  await page
    .waitForFunction(
      (k) => {
        if (document.querySelector('[data-testid="view-loading"]')) return false;
        const got = [...document.querySelectorAll('[data-testid="view-table"] tbody td[data-col="report_id"]')].map((td) => (td.textContent ?? '').trim()).sort();
        return JSON.stringify(got) === JSON.stringify(k);
      },
      want,
      { timeout: STEP_MS },
    )
    .catch(async () => assertEqual(await shownIds(page), want, 'report ids of the table'));
}

/** Opens the 地区 drop-down (if closed) and expands the nodes of `paths`, in order. */
async function openTree(page: Page, expand: readonly string[] = []): Promise<void> {
  if (!(await page.$eval('[data-testid="filter-region"]', (d) => (d as HTMLDetailsElement).open))) await page.click('[data-testid="filter-region"] summary');
  await page.waitForSelector('[data-testid="region-tree"]', { timeout: STEP_MS });
  for (const p of expand) {
    const button = `[data-testid="region-node"][data-path="${p}"] > .region-row [data-testid="region-expand"]`;
    if ((await page.getAttribute(button, 'aria-expanded')) !== 'true') await page.click(button);
  }
}

/** The checkbox of the node at `path`: checked, disabled, indeterminate. */
async function nodeBox(page: Page, path: string): Promise<{ checked: boolean; disabled: boolean; indeterminate: boolean }> {
  return page.$eval(`[data-testid="filter-region-option"][data-value="${path}"]`, (el) => {
    const i = el as HTMLInputElement;
    return { checked: i.checked, disabled: i.disabled, indeterminate: i.indeterminate };
  });
}

/** The count shown beside the node at `path` (`5 份` → 5). */
async function nodeCount(page: Page, path: string): Promise<number> {
  const t = await page.innerText(`[data-testid="region-node"][data-path="${path}"] > .region-row [data-testid="region-count"]`);
  return Number(t.replace(/\D+/g, ''));
}

/** Asserts that the page does not scroll sideways; the message names the elements that stick out. */
async function assertNoSideScroll(page: Page, what: string): Promise<void> {
  const w = await page.evaluate(() => {
    const inner = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > inner + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${el.getAttribute('data-testid') ?? ''}] → ${Math.round(el.getBoundingClientRect().right)}`);
    return { scroll: document.scrollingElement!.scrollWidth, inner, wide };
  });
  assert(w.scroll <= w.inner, `${what}: the page scrolls sideways (scrollWidth ${w.scroll} > innerWidth ${w.inner}): ${w.wide.join('; ')}`);
}

function regionTests(env: SuiteEnv): TestCase[] {
  const base = env.server.url;
  const { shown, withTable, t3Total } = env.data;
  const t3 = withTable('t3');
  // The 依申请公开 view lists the shown reports with a 表三.
  const inView = (pred: (r: CsvRow) => boolean) => shown.filter((r) => t3.has(r.report_id) && pred(r)).map((r) => r.report_id).sort();
  const jiangsu = inView((r) => r.province === '江苏省');
  return [
    {
      name: '?region=江苏省 lists exactly the 江苏 reports with their 本年新收 and the sentence names the province',
      run: async () => {
        assert(jiangsu.length > 0, 'no 江苏 report in the data');
        const page = await env.freshPage();
        await page.setViewportSize(DESKTOP_1280);
        await openDashboard(page, base, { view: 'applications', region: '江苏省' });
        await waitForView(page, 'applications');
        await waitForIds(page, jiangsu);
        // 本年新收 per report and their sum, from cells.csv (洪泽区 2023 21, 2024 95, 淮安市 3119, 沭阳县 713, 宿迁市 3830).
        const expected = jiangsu.map((id) => Number(t3Total(id, 'new_received') ?? NaN));
        const ids = await columnTexts(page, 'report_id');
        const values = (await columnTexts(page, 'new_received')).map((v) => Number(v.replace(/[,，\s]/g, '')));
        const byId = new Map(ids.map((id, i) => [id, values[i]]));
        assertEqual(jiangsu.map((id) => byId.get(id)), expected, '本年新收 of the 江苏 reports');
        const sum = expected.reduce((a, b) => a + b, 0);
        assertEqual([...byId.values()].reduce((a, b) => a + b, 0), sum, '本年新收 summed over the table');
        // The view's 合计 row (lib/query/group-totals.ts) totals the same reports.
        await page.waitForSelector('[data-testid="total-row"]', { timeout: STEP_MS });
        assertEqual(Number(await page.getAttribute('[data-testid="total-row"]', 'data-reports')), jiangsu.length, '合计 row: reports');
        const totalText = await page.innerText('[data-testid="total-row"] td[data-col="new_received"]');
        assertEqual(Number((totalText.trim().match(/^[\d,]+/)?.[0] ?? '').replace(/,/g, '')), sum, '合计 row: 本年新收');
        assertEqual(Number(await page.getAttribute('[data-testid="row-count"]', 'data-count')), jiangsu.length, 'row count');
        assertEqual(await page.innerText('[data-testid="filter-sentence"]'), describeFilter({ agencies: [], regions: ['江苏省'] }), 'filter sentence');
        assert((await page.innerText('[data-testid="filter-sentence"]')).includes('地区为“江苏省”'), 'the sentence does not name 江苏省');
        // The tree shows 江苏省 chosen with all its reports; its cities chosen with it (locked).
        await openTree(page, ['江苏省']);
        assertEqual(await nodeBox(page, '江苏省'), { checked: true, disabled: false, indeterminate: false }, '江苏省 box');
        assertEqual(await nodeCount(page, '江苏省'), shown.filter((r) => r.province === '江苏省').length, '江苏省 count (份)');
        const city = shown.find((r) => r.province === '江苏省' && r.city)!.city;
        assertEqual((await nodeBox(page, `江苏省/${city}`)).disabled, true, `${city} locked under 江苏省`);
        await page.screenshot({ path: artifact('regions-jiangsu-1280.png'), fullPage: true });
      },
    },
    {
      name: 'the tree chooses a city, shows its parent half-checked, counts reports per node, and clears by keyboard',
      run: async () => {
        const city = shown.find((r) => r.province === '江苏省' && r.city && r.county);
        assert(city, 'no 江苏 county report in the data');
        const cityPath = `江苏省/${city.city}`;
        const page = await env.freshPage();
        await page.setViewportSize(DESKTOP_1280);
        await openDashboard(page, base);
        await openTab(page, 'applications');
        const all = inView(() => true);
        await waitForIds(page, all);
        await openTree(page);
        // Every province's count is its reports in reports.csv (blank forms left out).
        for (const p of new Set(shown.map((r) => r.province).filter(Boolean))) {
          assertEqual(await nodeCount(page, p), shown.filter((r) => r.province === p).length, `${p} count`);
        }
        assertEqual(await nodeCount(page, '未识别地区'), shown.filter((r) => !r.province).length, '未识别地区 count');
        // Keyboard: Enter on 江苏省's expand button, Space on the city's checkbox.
        await page.focus('[data-testid="region-node"][data-path="江苏省"] > .region-row [data-testid="region-expand"]');
        await page.keyboard.press('Enter');
        await page.waitForSelector(`[data-testid="filter-region-option"][data-value="${cityPath}"]`, { timeout: STEP_MS });
        assertEqual(await nodeCount(page, cityPath), shown.filter((r) => under(r, cityPath)).length, `${cityPath} count`);
        await page.focus(`[data-testid="filter-region-option"][data-value="${cityPath}"]`);
        await page.keyboard.press('Space');
        await waitForIds(page, inView((r) => under(r, cityPath)));
        assertEqual((await nodeBox(page, '江苏省')).indeterminate, true, '江苏省 half-checked');
        assertEqual(new URL(page.url()).searchParams.getAll('region'), [cityPath], 'URL region');
        assertEqual(await page.innerText('[data-testid="filter-sentence"]'), describeFilter({ agencies: [], regions: [cityPath] }), 'sentence');
        await page.screenshot({ path: artifact('regions-tree-city-1280.png'), fullPage: true });
        // Choosing 江苏省 replaces the city; unchoosing it shows everything again.
        await page.check('[data-testid="filter-region-option"][data-value="江苏省"]');
        await waitForIds(page, jiangsu);
        assertEqual(new URL(page.url()).searchParams.getAll('region'), ['江苏省'], 'URL region after 江苏省');
        await page.focus('[data-testid="filter-region-option"][data-value="江苏省"]');
        await page.keyboard.press('Space');
        await waitForIds(page, all);
        assertEqual(await page.innerText('[data-testid="filter-sentence"]'), describeFilter({ agencies: [], regions: [] }), 'sentence when cleared');
        await page.keyboard.press('Escape');
        assertEqual(await page.$eval('[data-testid="filter-region"]', (d) => (d as HTMLDetailsElement).open), false, 'Escape closes the drop-down');
      },
    },
    {
      name: '机关类型 and 层级 narrow the table, in the URL and the sentence',
      run: async () => {
        const page = await env.freshPage();
        await page.setViewportSize(DESKTOP_1280);
        await openDashboard(page, base, { view: 'applications' });
        await waitForView(page, 'applications');
        await page.click('[data-testid="filter-type"] summary');
        await page.check('[data-testid="filter-type-option"][data-value="科技局"]');
        await page.click('[data-testid="filter-type"] summary');
        await waitForIds(page, inView((r) => r.agency_type === '科技局'));
        const level: FilterLevel = '县';
        await page.click('[data-testid="filter-level"] summary');
        await page.check(`[data-testid="filter-level-option"][data-value="${level}"]`);
        await page.click('[data-testid="filter-level"] summary');
        const both = inView((r) => r.agency_type === '科技局' && r.level === level);
        assert(both.length > 0, 'no 县级 科技局 with a 表三 in the data');
        await waitForIds(page, both);
        const url = new URL(page.url()).searchParams;
        assertEqual([url.getAll('type'), url.getAll('level')], [['科技局'], [level]], 'URL type and level');
        assertEqual(await page.innerText('[data-testid="filter-sentence"]'), describeFilter({ agencies: [], regions: [], types: ['科技局'], levels: [level] }), 'sentence');
        await page.screenshot({ path: artifact('regions-type-level-1280.png'), fullPage: true });
        // The same filter from a link, on 主动公开.
        const page2 = await env.freshPage();
        await openDashboard(page2, base, { view: 'proactive', type: '科技局', level });
        await waitForView(page2, 'proactive');
        await waitForViewIdle(page2);
        const t2 = withTable('t2');
        assertEqual(await shownIds(page2), shown.filter((r) => t2.has(r.report_id) && r.agency_type === '科技局' && r.level === level).map((r) => r.report_id).sort(), '主动公开 rows');
      },
    },
    {
      name: 'on a 390 px phone the tree opens within the screen and the page does not scroll sideways',
      run: async () => {
        const page = await env.freshPage();
        await page.setViewportSize(PHONE_390);
        await openDashboard(page, base, { view: 'applications', region: '江苏省' });
        await waitForView(page, 'applications');
        await waitForIds(page, jiangsu);
        await openTree(page, ['江苏省', `江苏省/${shown.find((r) => r.province === '江苏省' && r.county)!.city}`]);
        const box = await page.$eval('.region-tree-box', (el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right };
        });
        // The last node can be brought on screen (the box scrolls with the page, it is not stuck below
        // the fold): scrolled into view it lies within the screen, and it is what is shown at its
        // centre (nothing covers it). Scroll offsets are whole pixels while layout is not, so after
        // scrolling its edges may lie up to half a pixel past the screen's (0.06 px was seen once).
        const last = await page.$eval('[data-testid="region-tree"] > li:last-child > .region-row', (el) => {
          el.scrollIntoView({ block: 'center' });
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
          return { top: r.top, bottom: r.bottom, height: window.innerHeight, shown: !!hit && el.contains(hit) };
        });
        assert(Math.round(last.top) >= 0 && Math.round(last.bottom) <= last.height, `the tree's last node cannot be reached (${last.top}–${last.bottom} of ${last.height})`);
        assert(last.shown, `the tree's last node is covered by another element at its centre (${last.top}–${last.bottom} of ${last.height})`);
        await page.screenshot({ path: artifact('regions-tree-390.png') });
        assert(box.left >= 0 && box.right <= PHONE_390.width, `the tree sticks out of the screen (${box.left}–${box.right})`);
        await assertNoSideScroll(page, 'dashboard with the tree open');
        await page.keyboard.press('Escape');
        await assertNoSideScroll(page, 'dashboard');
        await page.screenshot({ path: artifact('regions-jiangsu-390.png'), fullPage: true });
      },
    },
  ];
}

/** The regions suite (shared server). */
export const regionsSuite: Suite = {
  name: 'regions',
  server: 'shared',
  open: (env) => ({ tests: regionTests(env) }),
};
