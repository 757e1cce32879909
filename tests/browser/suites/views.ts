/**
 * Suite `views`: the dashboard's first HTML, DuckDB-WASM loading every row, and each view —
 * 主动公开, 依申请公开, 复议诉讼 (chart drawn, one row per report with the table), 依申请公开's
 * numbers for seed 004, 合规 (flags of every report), 指标 (formulas, ranking only ≥ 30 cases).
 * Each test opens its own fresh page.
 */
import { VIEWS, type ViewId } from '../../../lib/query/views';
import { artifact } from '../../harness/artifacts';
import { assert, assertEqual, type Suite, type TestCase } from '../browser-test-kit';
import { chartInk, columnTexts, openDashboard, openTab, rowCount, waitForView } from '../dashboard-page';
import { LINZI, WENDENG, YUNCHENG } from '../data-files';

/** The views suite (shared server). */
export const viewsSuite: Suite = {
  name: 'views',
  server: 'shared',
  open: ({ server, data, freshPage }) => {
    const base = server.url;
    const { reports, cells, flags, agencyOf, withTable } = data;
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
            const expected = [...withTable(v.table)].map((id) => agencyOf.get(id) ?? '').sort();
            const shown = (await columnTexts(page, 'agency')).sort();
            assertEqual(shown, expected, 'agencies in the table');
            for (const n of v.names) assert(shown.some((a) => a.includes(n)), `no agency containing ${n}`);
            if (wendeng) assert(!shown.includes(wendeng.agency), `${wendeng.agency} has no tables but is shown`);
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
          const row = page.locator('[data-testid="view-table"] tbody tr', { hasText: linzi.agency }).filter({ hasText: '2023' });
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
          assertEqual(await rowCount(page), flags.filter((f) => agencyOf.has(f.report_id)).length, 'flag rows');
          const agencies = await columnTexts(page, 'agency');
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
          const rowOf = (r: Record<string, string>) => page.locator('[data-testid="view-table"] tbody tr', { hasText: r.agency }).filter({ hasText: r.year });
          assertEqual((await rowOf(yuncheng).locator('td[data-col="disclosure_rate"]').innerText()).trim(), '100.0%', '运城 实质公开率');
          assertEqual((await rowOf(yuncheng).locator('td[data-col="disclosure_rank"]').innerText()).trim(), '样本不足30件', '运城 rank');
          assertEqual((await rowOf(linzi).locator('td[data-col="disclosure_rate"]').innerText()).trim(), '25.8%', '临淄 实质公开率');
          assertEqual((await rowOf(linzi).locator('td[data-col="disclosure_rank"]').innerText()).trim(), '1', '临淄 rank (31 cases)');
          await page.screenshot({ path: artifact('view-indicators.png'), fullPage: true });
        },
      },
    ];
    return { tests };
  },
};
