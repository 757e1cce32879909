/**
 * Suite `indicators-peers` (issue 9): 指标's peer groups (同类同级同年: same agency_type, level and
 * year; lib/query/indicator-peers.ts) — the headers name the group, 淮安市洪泽区人民政府 2024's rank,
 * peer count and the too-few-peers note; a report without a level has 无同类组 — the
 * “N 份报告未读到表格” note with links to those reports on every table view, and the rule filters of
 * 合规 and 审核 listing every registered rule, 0 included; and (issue 11) where a 发布日期 comes
 * from: the report page of a report dated by its publishing page says 「（取自发布页面）」 and links
 * its 原文链接 (nothing fetched from that host), 合规 has 发布日期 and 发布日期来源. Expected values
 * are computed here from the data files (reports.csv, cells.csv, flags.csv) the server serves.
 * Screenshots at 1280 px and 390 px: indicators-peers-*.png, report-published-on-*.png. Each test
 * opens its own fresh page.
 */
import type { Page } from 'playwright-core';
import { MIN_CASES, MIN_PEERS } from '../../../lib/model/rank-threshold';
import { RULE_LABELS } from '../../../lib/present/labels';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { assert, assertEqual, type Suite, type TestCase } from '../browser-test-kit';
import { openDashboard, openReport, waitForReport, waitForView, waitForViewIdle } from '../dashboard-page';
import type { DataFiles } from '../data-files';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The text of column `key` in the table row of report `id`, or null when the row is not on the page. */
function cellText(page: Page, id: string, key: string): Promise<string | null> {
  return page.$$eval(
    '[data-testid="view-table"] tbody tr',
    (trs, [rid, k]) => {
      const tr = trs.find((t) => (t.querySelector('td[data-col="report_id"]')?.textContent ?? '').trim() === rid);
      return tr ? (tr.querySelector(`td[data-col="${k}"]`)?.textContent ?? '').trim() : null;
    },
    [id, key] as const,
  );
}

/** 实质公开率 of a report from cells.csv (表三 总计: (予以公开 + 部分公开) ÷ 办理结果总计), its base, or nulls. */
function disclosure(data: DataFiles, id: string): { rate: number | null; base: number | null } {
  const n = (row: string) => {
    const v = data.t3Total(id, row);
    return v === undefined || v === '' ? null : Number(v);
  };
  const [g, p, t] = [n('granted'), n('partially_granted'), n('total_processed')];
  return { rate: g !== null && p !== null && t ? (g + p) / t : null, base: t };
}

/** The reports the views show that have no cell of table `t` (the ones a table view leaves out). */
function withoutTable(data: DataFiles, t: string): string[] {
  const has = data.withTable(t);
  return data.shown.filter((r) => !has.has(r.report_id)).map((r) => r.report_id);
}

/** Whether the page scrolls sideways (wider than the viewport). */
async function sideways(page: Page): Promise<string | null> {
  const w = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  return w.page > w.viewport ? `${w.page} px wide (viewport ${w.viewport} px)` : null;
}

/** The suite (shared server). */
export const indicatorsPeersSuite: Suite = {
  name: 'indicators-peers',
  server: 'shared',
  open: ({ server, data, freshPage }) => {
    const base = server.url;
    const hongze = data.reports.find((r) => r.agency_key === '320813:人民政府' && r.year === '2024');
    const noLevel = data.shown.find((r) => !r.level && r.agency_type && r.tables_found.includes('t3'));
    // A report dated by the page it was published on (the 平潭 captures), with the page's address.
    const paged = data.shown.find((r) => r.published_on_source === 'page' && r.published_on && /^https?:\/\//.test(r.source_url ?? ''));
    const pagedFlags = paged ? data.flags.filter((f) => f.report_id === paged.report_id).length : 0;
    const printed = data.shown.find((r) => r.published_on_source === 'printed' && data.flags.some((f) => f.report_id === r.report_id));
    const tests: TestCase[] = [
      {
        name: '报告页: a date taken from the publishing page says （取自发布页面）, and 原文链接 is a plain link (desktop and 390 px)',
        skip: paged ? undefined : 'no report dated by its publishing page in the data',
        run: async () => {
          const r = paged!;
          const page = await freshPage();
          const foreign: string[] = [];
          page.on('request', (req) => {
            if (new URL(req.url()).origin !== new URL(base).origin && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) foreign.push(req.url());
          });
          await page.setViewportSize(DESKTOP);
          await openReport(page, base, r.report_id);
          assertEqual(await page.innerText('[data-testid="meta-published-on"] dd'), `${r.published_on}（取自发布页面）`, '发布日期');
          const link = await page.$eval('[data-testid="meta-source-url"] a', (a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') ?? '', text: (a.textContent ?? '').trim() }));
          assertEqual(link.href, new URL(r.source_url!).href, '原文链接 href');
          assertEqual(link.text, new URL(r.source_url!).href, '原文链接 text');
          assertEqual(link.target, '_blank', '原文链接 target');
          assert(link.rel.includes('noreferrer') && link.rel.includes('noopener'), `原文链接 rel is “${link.rel}”`);
          await page.screenshot({ path: artifact('report-published-on-desktop.png') });
          await page.setViewportSize(PHONE);
          await page.screenshot({ path: artifact('report-published-on-phone.png') });
          const box = await page.$eval('[data-testid="meta-source-url"]', (el) => el.getBoundingClientRect().right);
          assert(box <= PHONE.width, `the 原文链接 reaches ${box} px on a ${PHONE.width} px phone`);
          const wide = await sideways(page);
          if (wide) console.log(`      note: the report page on the phone is ${wide}`);
          assertEqual(foreign, [], 'requests to other hosts');
          // A printed date has no note and no link.
          if (printed) {
            await openReport(page, base, printed.report_id);
            assertEqual(await page.innerText('[data-testid="meta-published-on"] dd'), printed.published_on, 'a printed 发布日期');
            assert(!(await page.$('[data-testid="meta-source-url"]')) || Boolean(printed.source_url), 'a 原文链接 for a report without source_url');
          }
        },
      },
      {
        name: '合规: 发布日期 and 发布日期来源 (取自发布页面 / 印于报告) beside each flag',
        skip: paged && pagedFlags > 0 ? undefined : 'no flag of a report dated by its publishing page',
        run: async () => {
          const r = paged!;
          const page = await freshPage();
          await page.setViewportSize(DESKTOP);
          await openDashboard(page, base, { view: 'compliance', agency: r.agency_key ?? '' });
          await waitForView(page, 'compliance');
          await waitForViewIdle(page);
          const headers = await page.$$eval('[data-testid="view-table"] thead th', (ths) => ths.map((t) => (t.textContent ?? '').trim()));
          assert(headers.some((t) => t.startsWith('发布日期来源')), `no 发布日期来源 header in ${headers.join(' | ')}`);
          assertEqual(await cellText(page, r.report_id, 'published_on'), r.published_on, '发布日期');
          assertEqual(await cellText(page, r.report_id, 'published_on_source'), '取自发布页面', '发布日期来源');
          await page.screenshot({ path: artifact('report-published-on-compliance.png'), fullPage: true });
          if (printed) {
            await openDashboard(page, base, { view: 'compliance', agency: printed.agency_key ?? '' });
            await waitForView(page, 'compliance');
            await waitForViewIdle(page);
            assertEqual(await cellText(page, printed.report_id, 'published_on_source'), '印于报告', '发布日期来源 of a printed date');
          }
        },
      },
      {
        name: '指标: headers name the peer group; 洪泽区 2024 is ranked in 县级人民政府·2024年 with too few peers for a percentile',
        skip: hongze ? undefined : 'no 淮安市洪泽区人民政府 2024 in the data',
        run: async () => {
          const h = hongze!;
          const page = await freshPage();
          await page.setViewportSize(DESKTOP);
          await openDashboard(page, base, { view: 'indicators' });
          await waitForView(page, 'indicators');
          await waitForViewIdle(page);
          const headers = await page.$$eval('[data-testid="view-table"] thead th', (ths) => ths.map((t) => (t.textContent ?? '').trim()));
          for (const want of ['同类组（同类同级同年）', '实质公开率·同类同级同年排名', '实质公开率·同类同级同年百分位', '实质公开率·同类同级同年P25', '实质公开率·同类同级同年中位数', '实质公开率·同类同级同年P75']) {
            assert(headers.some((t) => t.startsWith(want)), `no header ${want} in ${headers.join(' | ')}`);
          }
          assert((await page.innerText('#view-panel .summary')).includes('同类同级同年'), 'the summary does not say what the peer group is');
          // The peers: shown reports of the same level, type and year whose 实质公开率 rests on ≥ 30 cases.
          const peers = data.shown.filter((r) => r.level === h.level && r.agency_type === h.agency_type && r.year === h.year).filter((r) => {
            const d = disclosure(data, r.report_id);
            return d.rate !== null && (d.base ?? 0) >= MIN_CASES;
          });
          const mine = disclosure(data, h.report_id);
          const rank = 1 + peers.filter((r) => (disclosure(data, r.report_id).rate ?? -1) > (mine.rate ?? -1)).length;
          assertEqual(await cellText(page, h.report_id, 'peer_group'), `${h.level}级${h.agency_type}·${h.year}年`, 'peer group of 洪泽区 2024');
          assertEqual(await cellText(page, h.report_id, 'disclosure_rate'), `${((mine.rate ?? 0) * 100).toFixed(1)}%`, '实质公开率 of 洪泽区 2024');
          assertEqual(await cellText(page, h.report_id, 'disclosure_rank'), String(rank), 'rank in the peer group');
          assertEqual(await cellText(page, h.report_id, 'disclosure_peers'), String(peers.length), 'peers');
          const want = peers.length < MIN_PEERS ? `同类不足${MIN_PEERS}家` : null;
          if (want) {
            assertEqual(await cellText(page, h.report_id, 'disclosure_pct'), want, 'percentile cell');
            assertEqual(await cellText(page, h.report_id, 'disclosure_p50'), want, 'median cell');
          }
          await page.screenshot({ path: artifact('indicators-peers-desktop.png'), fullPage: true });
        },
      },
      {
        name: '指标: a report whose level was not resolved has no peer group (无同类组)',
        skip: noLevel ? undefined : 'every report with 表三 has a level',
        run: async () => {
          const page = await freshPage();
          await openDashboard(page, base, { view: 'indicators' });
          await waitForView(page, 'indicators');
          await waitForViewIdle(page);
          assertEqual(await cellText(page, noLevel!.report_id, 'peer_group'), '未识别层级或类型', 'peer group');
          const rank = await cellText(page, noLevel!.report_id, 'disclosure_rank');
          const d = disclosure(data, noLevel!.report_id);
          if (d.rate !== null && (d.base ?? 0) >= MIN_CASES) assertEqual(rank, '无同类组', 'rank cell');
        },
      },
      ...(['proactive', 'applications', 'review_litigation', 'indicators'] as const).map(
        (view): TestCase => ({
          name: `${view}: “N 份报告未读到表格” with a link to each left-out report`,
          run: async () => {
            const table = view === 'proactive' ? 't2' : view === 'review_litigation' ? 't4' : 't3';
            const expected = view === 'indicators' ? withoutTable(data, 't3').filter((id) => withoutTable(data, 't4').includes(id)) : withoutTable(data, table);
            const page = await freshPage();
            await openDashboard(page, base, { view });
            await waitForView(page, view);
            await waitForViewIdle(page);
            if (expected.length === 0) {
              assert(!(await page.$('[data-testid="unread-tables"]')), 'a note although every report has the table');
              return;
            }
            await page.waitForSelector('[data-testid="unread-tables"]', { timeout: STEP_MS });
            assertEqual(await page.getAttribute('[data-testid="unread-tables"]', 'data-count'), String(expected.length), 'N of the note');
            assert((await page.innerText('[data-testid="unread-tables"]')).includes(`${expected.length} 份报告未读到表格`), 'the note does not say N 份报告未读到表格');
            const linked = await page.$$eval('[data-testid="unread-report-link"]', (as) => as.map((a) => a.getAttribute('data-report-id') ?? ''));
            assertEqual(linked.sort(), [...expected].sort(), 'reports linked');
            if (view === 'proactive') {
              await page.screenshot({ path: artifact('indicators-peers-unread-desktop.png') });
              await page.click(`[data-testid="unread-report-link"][data-report-id="${expected[0]}"]`);
              await waitForReport(page, expected[0]);
            }
          },
        }),
      ),
      {
        name: '合规: every registered rule is in the rule filter, those without a flag as 0 条; choosing one narrows the rows and the URL',
        run: async () => {
          const page = await freshPage();
          await openDashboard(page, base, { view: 'compliance' });
          await waitForView(page, 'compliance');
          await page.waitForSelector('[data-testid="compliance-rules"] [data-testid="filter-rule-choice"][data-value="DEADLINE"]', { state: 'attached', timeout: STEP_MS });
          // The choices are listed (with 0) before the counts arrive: read them once the counts are in.
          await page.waitForSelector('[data-testid="compliance-rules"][data-loaded="true"]', { state: 'attached', timeout: STEP_MS });
          const counts = Object.fromEntries(
            await page.$$eval('[data-testid="compliance-rules"] [data-testid="filter-rule-choice"]', (ls) => ls.map((l) => [l.getAttribute('data-value') ?? '', Number(l.getAttribute('data-count'))] as const)),
          );
          const shownIds = new Set(data.shown.map((r) => r.report_id));
          for (const rule of Object.keys(RULE_LABELS)) {
            const n = data.flags.filter((f) => f.rule === rule && shownIds.has(f.report_id)).length;
            assertEqual(counts[rule], n, `count of ${rule}`);
          }
          assertEqual(counts.DEADLINE, data.flags.filter((f) => f.rule === 'DEADLINE').length, 'DEADLINE listed');
          const tm = data.flags.filter((f) => f.rule === 'TABLE_MISSING' && shownIds.has(f.report_id)).length;
          await page.click('[data-testid="compliance-rules"] [data-testid="filter-rule"] summary');
          await page.check('[data-testid="compliance-rules"] [data-testid="filter-rule-option"][data-value="TABLE_MISSING"]');
          await page.waitForFunction((n) => document.querySelector('[data-testid="row-count"]')?.getAttribute('data-count') === String(n), tm, { timeout: STEP_MS });
          assert(new URL(page.url()).searchParams.getAll('rule').includes('TABLE_MISSING'), `the URL ${page.url()} lacks rule=TABLE_MISSING`);
          await page.setViewportSize(PHONE);
          await page.screenshot({ path: artifact('indicators-peers-compliance-phone.png'), fullPage: true });
          const wide = await sideways(page);
          if (wide) console.log(`      note: 合规 with the rule filter on the phone is ${wide}`);
        },
      },
      {
        name: '审核: the rule filter lists DEADLINE with 0 条 too',
        run: async () => {
          const page = await freshPage();
          await openDashboard(page, base, { view: 'review' });
          await page.waitForSelector('[data-testid="review-queue"] [data-testid="filter-rule-choice"][data-value="DEADLINE"]', { state: 'attached', timeout: STEP_MS });
          const n = await page.getAttribute('[data-testid="review-queue"] [data-testid="filter-rule-choice"][data-value="DEADLINE"]', 'data-count');
          assertEqual(n, String(data.flags.filter((f) => f.rule === 'DEADLINE').length), 'DEADLINE count in 审核');
          const listed = await page.$$eval('[data-testid="review-queue"] [data-testid="filter-rule-choice"]', (ls) => ls.map((l) => l.getAttribute('data-value')));
          for (const rule of Object.keys(RULE_LABELS)) assert(listed.includes(rule), `审核's rule filter lacks ${rule}`);
        },
      },
      {
        name: '指标 on a 390 px phone (screenshot indicators-peers-phone.png)',
        run: async () => {
          const page = await freshPage();
          await page.setViewportSize(PHONE);
          await openDashboard(page, base, { view: 'indicators' });
          await waitForView(page, 'indicators');
          await waitForViewIdle(page);
          await page.screenshot({ path: artifact('indicators-peers-phone.png'), fullPage: true });
          const wide = await sideways(page);
          if (wide) console.log(`      note: 指标 on the phone is ${wide}: the page scrolls sideways`);
        },
      },
    ];
    return { tests };
  },
};
