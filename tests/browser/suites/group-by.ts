/**
 * Suite `group-by`: the dashboard's 分组 control, the 合计 row and the trend chart (issue 9), driven
 * as a user would on the shared server, each test on a fresh page:
 *
 * - 依申请公开 grouped by 省 from the control: the URL gets `group=province`, the sentence says
 *   按省汇总, one row per province and year; 江苏省's 本年新收 per year is the sum of its reports'
 *   cells (cells.csv: 洪泽区 2023 21; 洪泽区 2024 95 + 淮安市 2024 3119; 沭阳县 2025 713 + 宿迁市
 *   2025 3830), its 2024 实质公开率 is recomputed from the summed parts ((50 + 9 + 1362 + 454) ÷
 *   (95 + 3050) = 59.6 %, not the mean of 62.1 % and 59.5 %), and 2025's 上年结转 is 沭阳县's 36
 *   with a 缺1份 mark (宿迁市's excerpt prints no 上年结转) — never a silent 0; a reload keeps it;
 * - every table has a 合计 row: on 依申请公开 (不分组) it sums 本年新收 over every report shown;
 * - 下载 CSV of a grouped view writes the grouped rows with the grouped columns;
 * - 按机关汇总 keeps 洪泽区 2023 (printed 洪泽区人民政府) and 2024 (淮安市洪泽区人民政府) as one agency,
 *   whose name links to /agency/KEY;
 * - the trend chart sits beside the view's chart when the selection spans several years, and is
 *   absent for one year;
 * - screenshots at 1280 and 390 px; no horizontal page scroll on the phone.
 *
 * Expected values are computed here from the served reports.csv and cells.csv, not copied.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { groupedView } from '../../../lib/query/group-totals';
import { APPLICATIONS_VIEW } from '../../../lib/query/views';
import { csvColumns } from '../../../lib/csv';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { assert, assertEqual, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { openDashboard, waitForView, waitForViewIdle } from '../dashboard-page';

const DESKTOP_1280 = { width: 1280, height: 900 };
const PHONE_390 = { width: 390, height: 844 };

/** Per (province, year) of the reports with a 表三 总计 column: reports, 本年新收 of those that give it, and how many do not. */
interface ProvinceYear {
  reports: number;
  newReceived: number;
  newMissing: number;
  carriedOver: number;
  carriedMissing: number;
}

/** A 表三 总计 cell's value as a number, or null when the report did not give it. */
function t3(env: SuiteEnv, id: string, row: string): number | null {
  const c = env.data.cells.find((x) => x.report_id === id && x.table === 't3' && x.row === row && x.column === 'total');
  return c && c.value !== '' && c.status !== 'missing' && c.status !== 'blank' && c.status !== 'placeholder' ? Number(c.value) : null;
}

/** The shown reports that have a 表三 总计 column (the 依申请公开 view's rows). */
function applicationReports(env: SuiteEnv) {
  const withTotal = new Set(env.data.cells.filter((c) => c.table === 't3' && c.column === 'total').map((c) => c.report_id));
  return env.data.shown.filter((r) => withTotal.has(r.report_id));
}

/** Province totals per year, keyed `省|年`, computed from reports.csv and cells.csv. */
function provinceTotals(env: SuiteEnv): Map<string, ProvinceYear> {
  const out = new Map<string, ProvinceYear>();
  for (const r of applicationReports(env)) {
    const k = `${r.province || '未识别地区'}|${r.year}`;
    const t = out.get(k) ?? { reports: 0, newReceived: 0, newMissing: 0, carriedOver: 0, carriedMissing: 0 };
    const n = t3(env, r.report_id, 'new_received');
    const c = t3(env, r.report_id, 'carried_over');
    t.reports++;
    if (n === null) t.newMissing++;
    else t.newReceived += n;
    if (c === null) t.carriedMissing++;
    else t.carriedOver += c;
    out.set(k, t);
  }
  return out;
}

/** The visible table's body rows as column key → cell text, and the 缺N份 mark of each cell (data-n) when there is one. */
function tableRows(page: Page): Promise<Array<Record<string, string>>> {
  return page.$$eval('[data-testid="view-table"] tbody tr', (trs) =>
    trs.map((tr) => {
      const o: Record<string, string> = {};
      for (const td of Array.from(tr.querySelectorAll('td[data-col]'))) {
        const key = (td as HTMLElement).dataset.col!;
        const mark = td.querySelector('[data-testid="missing-mark"]') as HTMLElement | null;
        o[key] = (td.firstChild?.textContent ?? '').trim();
        if (mark) o[`${key}:missing`] = mark.dataset.n ?? '';
      }
      return o;
    }),
  );
}

/** Waits until the table shows grouped rows (the 省/机关… column) and nothing is loading. */
async function waitForGrouped(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="view-table"] td[data-col="group_name"]', { timeout: STEP_MS });
  await waitForViewIdle(page);
}

/** Asserts that the page does not scroll sideways; the message names the elements that stick out. */
async function assertNoSideScroll(page: Page, what: string): Promise<void> {
  const w = await page.evaluate(() => {
    const inner = window.innerWidth;
    const wide = Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > inner + 1 && !e.closest('.table-wrap'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className || ''}[${Math.round(e.getBoundingClientRect().right)}]`);
    return { scroll: document.scrollingElement!.scrollWidth, inner, wide };
  });
  assert(w.scroll <= w.inner, `${what}: the page scrolls sideways (scrollWidth ${w.scroll} > innerWidth ${w.inner}; ${w.wide.join(', ')})`);
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The group-by suite (shared server). */
export const groupBySuite: Suite = {
  name: 'group-by',
  server: 'shared',
  open: (env) => ({ tests: groupTests(env) }),
};

function groupTests(env: SuiteEnv): TestCase[] {
  const base = env.server.url;
  return [
    {
      name: '依申请公开 按省汇总: 江苏省 本年新收 per year is the sum of its reports; the rate from summed parts; missing marked; kept on reload',
      run: async () => {
        const expected = provinceTotals(env);
        const js = [...expected.entries()].filter(([k]) => k.startsWith('江苏省|'));
        assert(js.length >= 3, `江苏省 has reports of ${js.length} years in the data`);
        const page = await env.freshPage();
        await page.setViewportSize(DESKTOP_1280);
        await openDashboard(page, base, { view: 'applications' });
        await waitForView(page, 'applications');
        await page.selectOption('[data-testid="group-by"]', 'province');
        await waitForGrouped(page);
        assertEqual(new URL(page.url()).searchParams.get('group'), 'province', 'URL group=');
        assert((await page.innerText('[data-testid="filter-sentence"]')).includes('按省汇总'), 'the sentence does not say 按省汇总');
        const rows = await tableRows(page);
        assertEqual(rows.length, expected.size, 'one row per province and year');
        for (const [k, t] of js) {
          const [, year] = k.split('|');
          const row = rows.find((r) => r.group_name === '江苏省' && r.year === year);
          assert(row, `no row 江苏省 ${year}`);
          assertEqual(row.report_count, String(t.reports), `江苏省 ${year} 报告数`);
          assertEqual(row.new_received, fmt(t.newReceived), `江苏省 ${year} 本年新收`);
          assertEqual(row.carried_over, fmt(t.carriedOver), `江苏省 ${year} 上年结转 (known values only)`);
          assertEqual(row['carried_over:missing'], t.carriedMissing ? String(t.carriedMissing) : undefined, `江苏省 ${year} 上年结转 缺N份`);
        }
        // 2024: 洪泽区 (50 + 9) / 95 and 淮安市 (1362 + 454) / 3050 pooled = 59.6 %; their mean is 60.8 %.
        const parts = applicationReports(env)
          .filter((r) => r.province === '江苏省' && r.year === '2024')
          .map((r) => ({ n: t3(env, r.report_id, 'granted')! + t3(env, r.report_id, 'partially_granted')!, d: t3(env, r.report_id, 'total_processed')! }));
        const pooled = parts.reduce((a, p) => a + p.n, 0) / parts.reduce((a, p) => a + p.d, 0);
        const mean = parts.reduce((a, p) => a + p.n / p.d, 0) / parts.length;
        const js2024 = rows.find((r) => r.group_name === '江苏省' && r.year === '2024')!;
        assertEqual(js2024.disclosure_rate, `${(pooled * 100).toFixed(1)}%`, '江苏省 2024 实质公开率 from summed parts');
        assert(js2024.disclosure_rate !== `${(mean * 100).toFixed(1)}%`, 'the rate equals the mean of the rates');
        await page.screenshot({ path: artifact('group-by-province-1280.png'), fullPage: true });
        await page.reload({ waitUntil: 'domcontentloaded' });
        await waitForGrouped(page);
        assertEqual(await page.inputValue('[data-testid="group-by"]'), 'province', 'group after reload');
        assertEqual((await tableRows(page)).length, expected.size, 'rows after reload');
      },
    },
    {
      name: 'a 合计 row closes the table: 依申请公开 (不分组) sums 本年新收 over every report shown',
      run: async () => {
        const reports = applicationReports(env);
        const known = reports.map((r) => t3(env, r.report_id, 'new_received')).filter((v): v is number => v !== null);
        const page = await env.freshPage();
        await openDashboard(page, base, { view: 'applications' });
        await waitForView(page, 'applications');
        const total = page.locator('[data-testid="total-row"]');
        await total.waitFor({ timeout: STEP_MS });
        assertEqual(await total.getAttribute('data-reports'), String(reports.length), '合计 reports');
        assertEqual((await total.locator('td[data-col="agency"]').innerText()).trim(), '合计', 'label');
        const cell = (await total.locator('td[data-col="new_received"]').innerText()).trim();
        const missing = reports.length - known.length;
        assertEqual(cell, `${fmt(known.reduce((a, b) => a + b, 0))}${missing ? `缺${missing}份` : ''}`, '合计 本年新收');
      },
    },
    {
      name: '下载 CSV of 依申请公开 按省汇总 writes the grouped rows and columns',
      run: async () => {
        const expected = provinceTotals(env);
        const page = await env.freshPage();
        await openDashboard(page, base, { view: 'applications', group: 'province', csvkeys: '1' }); // the spec's keys as the header
        await waitForGrouped(page);
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.click('[data-testid="download-csv"]')]);
        const file = artifact('group-by-download.csv');
        await download.saveAs(file);
        assert(download.suggestedFilename().startsWith('依申请公开（按省汇总）'), `file name ${download.suggestedFilename()}`);
        const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8').slice(1), { skipEmptyLines: true });
        assertEqual(parsed.data[0], csvColumns(groupedView(APPLICATIONS_VIEW, 'province')!.columns, true).map((c) => c.header), 'CSV header');
        assertEqual(parsed.data.length - 1, expected.size, 'CSV rows');
        const h = parsed.data[0];
        const js2025 = parsed.data.find((r) => r[h.indexOf('group_name')] === '江苏省' && r[h.indexOf('year')] === '2025');
        const t = expected.get('江苏省|2025');
        assert(js2025 && t, 'no 江苏省 2025 in the CSV or the data');
        assertEqual([js2025[h.indexOf('new_received')], js2025[h.indexOf('carried_over_missing')]], [String(t.newReceived), String(t.carriedMissing)], 'CSV 本年新收 and 上年结转 missing');
      },
    },
    {
      name: 'the trend chart sits beside the view chart over several years, and is absent for one year',
      run: async () => {
        const years = new Set(applicationReports(env).map((r) => r.year));
        assert(years.size >= 2, 'the data has one year only');
        const page = await env.freshPage();
        await page.setViewportSize(DESKTOP_1280);
        await openDashboard(page, base, { view: 'applications', group: 'province' });
        await waitForGrouped(page);
        const trend = page.locator('[data-testid="trend-chart"]');
        await trend.locator('[data-testid="chart"][data-rendered="true"]').waitFor({ timeout: STEP_MS });
        assertEqual(await trend.getAttribute('data-years'), String(years.size), 'years in the trend');
        const [a, b] = await page.$$eval('.chart-pair > *', (els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
        await page.locator('.chart-pair').screenshot({ path: artifact('group-by-charts-1280.png') });
        assert(a && b && b.left >= a.right - 1 && Math.abs(a.top - b.top) < 16, `the trend chart is not beside the view chart (${JSON.stringify([a, b])})`);
        await openDashboard(page, base, { view: 'applications', from: '2024', to: '2024' });
        await waitForView(page, 'applications');
        await waitForViewIdle(page);
        assertEqual(await page.locator('[data-testid="trend-chart"]').count(), 0, 'trend chart for one year');
      },
    },
    {
      name: '按机关汇总: 洪泽区 2023 and 2024 are one agency, its name links to its agency page',
      run: async () => {
        const hongze = env.data.shown.filter((r) => r.source_file.includes('hongze-district-government-'));
        const keys = [...new Set(hongze.map((r) => r.agency_key))];
        assertEqual(keys.length, 1, '洪泽区 agency keys');
        const page = await env.freshPage();
        await openDashboard(page, base, { view: 'applications', group: 'agency', agency: keys[0] });
        await waitForGrouped(page);
        const rows = await tableRows(page);
        const expected = hongze
          .sort((a, b) => Number(a.year) - Number(b.year))
          .map((r) => [r.agency_name, r.year, fmt(t3(env, r.report_id, 'new_received')!)]);
        assertEqual(rows.map((r) => [r.group_name, r.year, r.new_received]), expected, '洪泽区 rows (本年新收 from cells.csv)');
        const href = await page.getAttribute('[data-testid="view-table"] tbody td[data-col="group_name"] a[data-testid="row-agency-link"]', 'href');
        assert(href?.startsWith(`/agency/${encodeURIComponent(keys[0])}`), `agency link ${href}`);
      },
    },
    {
      name: 'on a 390 px phone the grouped view does not scroll sideways',
      run: async () => {
        const page = await env.freshPage();
        await page.setViewportSize(PHONE_390);
        await openDashboard(page, base, { view: 'applications', group: 'province' });
        await waitForGrouped(page);
        await page.locator('[data-testid="trend-chart"] [data-testid="chart"][data-rendered="true"]').waitFor({ timeout: STEP_MS });
        await page.screenshot({ path: artifact('group-by-province-390.png'), fullPage: true });
        await assertNoSideScroll(page, 'grouped 依申请公开');
      },
    },
  ];
}
