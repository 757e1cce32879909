/**
 * Suite `views`: the dashboard's first HTML, DuckDB-WASM loading every row, and each view —
 * 主动公开, 依申请公开, 复议诉讼 (chart drawn, one row per report with the table), 依申请公开's
 * numbers for seed 004, 合规 (flags of every report), 指标 (formulas, ranking only ≥ 30 cases);
 * the unfilled official form of data/corpus (status blank_form) in no view, not in 覆盖 and not a
 * 机关 choice; and every view on a 390 px phone (screenshots phone-view-*.png; a page wider than
 * the phone is noted in the output, not failed). The views print agency_name (issue 9), so the
 * expected names are read from reports.csv's agency_name. Each test opens its own fresh page.
 */
import { PAGE_ROWS, VIEWS, type ViewId } from '../../../lib/query/views';
import { artifact } from '../../harness/artifacts';
import { assert, assertEqual, type Suite, type TestCase } from '../browser-test-kit';
import { STEP_MS } from '../../harness/bounded-waits';
import { allColumnTexts, chartInk, columnTexts, openDashboard, openTab, rowCount, viewRowTotal, waitForView, waitForViewIdle } from '../dashboard-page';
import { agencyName, LINZI, WENDENG, YUNCHENG } from '../data-files';

/** A phone's viewport (CSS px), for the screenshots at 390 px. */
const PHONE = { width: 390, height: 844 };

/** The views suite (shared server). */
export const viewsSuite: Suite = {
  name: 'views',
  server: 'shared',
  open: ({ server, data, freshPage }) => {
    const base = server.url;
    const { reports, cells, flags, agencyOf, withTable, blankForms } = data;
    const linzi = data.seed(LINZI);
    const wendeng = data.seed(WENDENG);
    const yuncheng = data.seed(YUNCHENG);
    const tableViews: Array<{ id: ViewId; table: string; names: string[] }> = [
      { id: 'proactive', table: 't2', names: ['临淄', '二七', '运城'] },
      { id: 'applications', table: 't3', names: ['临淄', '二七', '运城'] },
      { id: 'review_litigation', table: 't4', names: ['临淄', '二七', '运城'] },
    ];
    const tests: TestCase[] = [
      {
        name: 'the server renders the loading state first',
        run: async () => {
          const html = await (await fetch(`${base}/`, { signal: AbortSignal.timeout(10_000) })).text();
          assert(html.includes('正在加载数据库…'), 'server HTML lacks 正在加载数据库…');
          assert(html.includes('lang="zh-CN"'), 'html lang is not zh-CN');
        },
      },
      {
        name: 'DuckDB-WASM starts and loads every row of the data files',
        run: async () => {
          const page = await freshPage();
          await openDashboard(page, base);
          const summary = await page.innerText('[data-testid="db-summary"]');
          assert(
            summary.includes(`${reports.length} 份报告`) && summary.includes(`${cells.length} 个表格单元格`) && summary.includes(`${flags.length} 条检查结果`),
            `summary "${summary}" does not match ${reports.length}/${cells.length}/${flags.length}`,
          );
          await page.screenshot({ path: artifact('00-loaded.png'), fullPage: true });
        },
      },
      ...tableViews.map(
        (v): TestCase => ({
          name: `${VIEWS.find((x) => x.id === v.id)!.title}: chart drawn, one row per report with ${v.table}`,
          run: async () => {
            const page = await freshPage();
            await openDashboard(page, base);
            await openTab(page, v.id);
            const ink = await chartInk(page);
            assert(ink > 500, `chart canvas looks empty (${ink} inked samples)`);
            // The agency names the view prints (agency_name; — when there is none) of the reports
            // with that table, a blank_form excepted (agencyOf holds only the reports the views show).
            const expected = [...withTable(v.table)].filter((id) => agencyOf.has(id)).map((id) => agencyOf.get(id) || '—').sort();
            const shown = (await columnTexts(page, 'agency')).sort();
            assertEqual(shown, expected, 'agencies in the table');
            for (const n of v.names) assert(shown.some((a) => a.includes(n)), `no agency containing ${n}`);
            if (wendeng) assert(!shown.includes(agencyName(wendeng)), `${agencyName(wendeng)} has no tables but is shown`);
            for (const b of blankForms) assert(!(await columnTexts(page, 'report_id')).includes(b.report_id), `the blank form ${b.source_file} is shown`);
            await page.screenshot({ path: artifact(`view-${v.id}.png`), fullPage: true });
          },
        }),
      ),
      {
        name: '依申请公开: 临淄区人民政府办公室 2023 shows 27 new, 31 processed, 25.8%',
        run: async () => {
          assert(linzi, 'seed 004 is not in reports.csv');
          const page = await freshPage();
          await openDashboard(page, base);
          await openTab(page, 'applications');
          const row = page.locator('[data-testid="view-table"] tbody tr', { has: page.locator('td[data-col="report_id"]', { hasText: linzi.report_id }) });
          assertEqual((await row.locator('td[data-col="agency"]').innerText()).trim(), agencyName(linzi), '机关 (agency_name)');
          assertEqual((await row.locator('td[data-col="year"]').innerText()).trim(), '2023', '年度');
          const cell = async (k: string) => (await row.locator(`td[data-col="${k}"]`).innerText()).trim();
          assertEqual(await cell('new_received'), '27', '本年新收');
          assertEqual(await cell('carried_over'), '6', '上年结转');
          assertEqual(await cell('total_processed'), '31', '办理结果总计');
          assertEqual(await cell('disclosure_rate'), '25.8%', '实质公开率');
        },
      },
      {
        name: '合规: flags of every report, including 文登 (no tables)',
        run: async () => {
          const page = await freshPage();
          await openDashboard(page, base);
          await openTab(page, 'compliance');
          const expected = flags.filter((f) => agencyOf.has(f.report_id)).length;
          assertEqual(await viewRowTotal(page), expected, 'flag rows (共 N 行)');
          assertEqual(await rowCount(page), Math.min(expected, PAGE_ROWS), 'flag rows on the first page');
          const agencies = await allColumnTexts(page, 'agency');
          assertEqual(agencies.length, expected, 'flag rows over every page');
          assert(agencies.some((a) => a.includes('文登')), 'no flag row for 文登');
          assert((await chartInk(page)) > 500, 'compliance chart looks empty');
          await page.screenshot({ path: artifact('view-compliance.png'), fullPage: true });
        },
      },
      {
        name: '指标: each indicator with its formula; a ratio under 30 cases is shown but not ranked',
        run: async () => {
          assert(yuncheng && linzi, 'seeds missing');
          const page = await freshPage();
          await openDashboard(page, base, { view: 'indicators' });
          await waitForView(page, 'indicators');
          const formulas = await page.innerText('[data-testid="indicator-formulas"]');
          for (const name of ['实质公开率', '复议纠错率', '诉讼纠错率', '争议率']) assert(formulas.includes(`${name} =`), `no formula for ${name}`);
          const rowOf = (r: Record<string, string>) => page.locator('[data-testid="view-table"] tbody tr', { hasText: agencyName(r) }).filter({ hasText: r.report_id });
          assertEqual((await rowOf(yuncheng).locator('td[data-col="disclosure_rate"]').innerText()).trim(), '100.0%', '运城 实质公开率');
          assertEqual((await rowOf(yuncheng).locator('td[data-col="disclosure_rank"]').innerText()).trim(), '样本不足30件', '运城 rank');
          assertEqual((await rowOf(linzi).locator('td[data-col="disclosure_rate"]').innerText()).trim(), '25.8%', '临淄 实质公开率');
          assertEqual((await rowOf(linzi).locator('td[data-col="disclosure_rank"]').innerText()).trim(), '1', '临淄 rank (31 cases)');
          await page.screenshot({ path: artifact('view-indicators.png'), fullPage: true });
        },
      },
      {
        name: 'the embedded blank form (blank_form) is in no view, not in 覆盖 and not among the 机关 choices',
        skip: blankForms.length ? undefined : `${data.dir} holds no report with status blank_form`,
        run: async () => {
          const page = await freshPage();
          await openDashboard(page, base);
          // Every report the views may show is in reports.csv; the blank form is too, but its ids must appear nowhere.
          const blankIds = blankForms.map((b) => b.report_id);
          for (const v of VIEWS) {
            await openTab(page, v.id);
            await waitForViewIdle(page);
            const ids = await columnTexts(page, 'report_id');
            // 合规 lists flags of the reports it shows; the others one row per report with the table (above).
            const leaked = ids.filter((id) => blankIds.includes(id));
            assertEqual(leaked, [], `${v.title}: rows of the blank form`);
            assert(ids.every((id) => agencyOf.has(id)), `${v.title}: a row of a report the views should not show`);
          }
          await openDashboard(page, base, { view: 'coverage' });
          await page.waitForSelector('[data-testid="coverage-table"]', { timeout: STEP_MS });
          const cells = await page.$$eval('[data-testid="coverage-cell"]', (els) => els.map((e) => (e as HTMLElement).dataset.reportId ?? ''));
          assertEqual(cells.filter((id) => blankIds.includes(id)), [], '覆盖: cells of the blank form');
          assertEqual(cells.sort(), data.shown.map((r) => r.report_id).sort(), '覆盖: one cell per report but the blank form');
          await page.click('[data-testid="filter-agency"] summary');
          const options = await page.$$eval('[data-testid="filter-agency-option"]', (els) =>
            els.map((el) => ({ key: (el as HTMLElement).dataset.value ?? '', name: (el.closest('label')?.querySelector('span')?.textContent ?? '').trim() })),
          );
          // One choice per agency_key of the shown reports (a report without a key is not a choice), shown by name.
          const keys = [...new Set(data.shown.map((r) => r.agency_key).filter((k) => k))].sort();
          assertEqual(options.map((o) => o.key).sort(), keys, '机关 choices (agency keys)');
          assert(options.every((o) => o.name !== '' && o.name !== o.key), `a 机关 choice shown by its key or without a name: ${JSON.stringify(options)}`);
        },
      },
      ...VIEWS.map(
        (v): TestCase => ({
          name: `${v.title} on a 390 px phone: drawn, with its table (screenshot phone-view-${v.id}.png)`,
          run: async () => {
            const page = await freshPage();
            await page.setViewportSize(PHONE);
            await openDashboard(page, base, { view: v.id });
            await waitForView(page, v.id);
            await waitForViewIdle(page);
            assert((await chartInk(page)) > 200, `${v.title}: the chart looks empty on the phone`);
            const expectedRows = v.id === 'compliance' ? flags.filter((f) => agencyOf.has(f.report_id)).length : v.table ? [...withTable(v.table)].filter((id) => agencyOf.has(id)).length : null;
            if (expectedRows !== null) {
              assertEqual(await viewRowTotal(page), expectedRows, `${v.title}: rows on the phone (共 N 行)`);
              assertEqual(await rowCount(page), Math.min(expectedRows, PAGE_ROWS), `${v.title}: rows of the first page on the phone`);
            }
            // Not asserted (the phone layout is another issue): how far the page scrolls sideways.
            const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
            if (widths.page > widths.viewport) console.log(`      note: ${v.title} on the phone is ${widths.page} px wide (viewport ${widths.viewport} px): the page scrolls sideways`);
            await page.screenshot({ path: artifact(`phone-view-${v.id}.png`), fullPage: true });
          },
        }),
      ),
    ];
    return { tests };
  },
};
