/**
 * Suite `share-csv` (issue 10 "Links" and "CSV"):
 * - 下载 CSV heads its columns with the screen's labels and units, writes rates as shown (19.0)
 *   with their numerator and denominator, and 「列名用字段键」 (kept in the URL as `csvkeys=1`)
 *   gives the same rows under the spec's keys; 指标's empty ranks say why;
 * - a state set in the UI (year, sort, chart top N and log scale, compare picks, the CSV option),
 *   its URL opened in a fresh page, shows the same rows and the same controls;
 * - a link made with an uploaded report (a seed retitled to an agency the data does not have),
 *   opened in a fresh page, says why its rows are missing and what to do; after the same file is
 *   uploaded there, the rows are back and the note is gone;
 * - a decision on a flag of a report uploaded in another tab reads 报告未载入, not 孤立.
 * Expected values come from the served data files (reports.csv) and the rows on screen.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { csvColumns } from '../../../lib/csv';
import { APPLICATIONS_VIEW, INDICATORS_VIEW } from '../../../lib/query/views';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { ROOT } from '../../harness/next-server';
import { assert, assertEqual, tempDir, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { columnTexts, openDashboard, rowCount, waitForQueue, waitForView, waitForViewIdle } from '../dashboard-page';
import { YUNCHENG } from '../data-files';
import { uploadFiles } from '../upload-files';

/** The CSV of the current view: header and rows (arrays), after checking the BOM. */
async function downloadCsv(page: Page, name: string): Promise<{ header: string[]; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.click('[data-testid="download-csv"]')]);
  const file = artifact(name);
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  assert(text.charCodeAt(0) === 0xfeff, `${name}: no UTF-8 BOM`);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  return { header: parsed.data[0], rows: parsed.data.slice(1) };
}

const rowCountOf = async (page: Page) => Number(await page.getAttribute('[data-testid="row-count"]', 'data-count'));
const waitForParam = (page: Page, k: string, v: string | null) =>
  page.waitForFunction(([key, val]) => new URL(location.href).searchParams.get(key as string) === val, [k, v], { timeout: STEP_MS });

/** The share and CSV suite (shared server). */
export const shareCsvSuite: Suite = {
  name: 'share-csv',
  server: 'shared',
  open: (env) => {
    const tmp = tempDir('share-csv-');
    // 运城市科学技术局 2022 (seed 003) retitled to 拉萨市: an agency that no built-in report has.
    const seed = readFileSync(path.join(ROOT, 'data', 'seeds', `${YUNCHENG}.txt`), 'utf8');
    const lhasa = path.join(tmp, 'lhasa-2022.txt');
    writeFileSync(lhasa, seed.replaceAll('运城市', '拉萨市'));
    return { tests: [...csvTests(env), linkTest(env), ...uploadLinkTests(env, lhasa)], close: async () => rmSync(tmp, { recursive: true, force: true }) };
  },
};

function csvTests(env: SuiteEnv): TestCase[] {
  const base = env.server.url;
  return [
    {
      name: 'CSV: labels with units, rates as shown with numerator and denominator; 列名用字段键 gives the same rows under the keys',
      run: async () => {
        const page = await env.freshPage();
        await openDashboard(page, base, { view: 'applications' });
        await waitForView(page, 'applications');
        await waitForViewIdle(page);
        const shown = await rowCountOf(page);
        const labels = await downloadCsv(page, 'share-csv-labels.csv');
        assertEqual(labels.header, csvColumns(APPLICATIONS_VIEW.columns, false).map((c) => c.header), 'header of labels');
        for (const h of ['本年新收政府信息公开申请数量（件）', '实质公开率（%）', '实质公开率·分子（件）', '实质公开率·分母（件）']) assert(labels.header.includes(h), `no column ${h}`);
        assertEqual(labels.rows.length, shown, 'CSV rows = 共 N 行');
        const [r, n, d] = ['实质公开率（%）', '实质公开率·分子（件）', '实质公开率·分母（件）'].map((h) => labels.header.indexOf(h));
        let rated = 0;
        for (const row of labels.rows) {
          if (row[r] === '') continue;
          rated++;
          assertEqual(row[r], ((Number(row[n]) / Number(row[d])) * 100).toFixed(1), `rate of ${row[0]} ${row[2]}`);
        }
        assert(rated > 0, 'no rate in the CSV');
        // The rates as the table shows them (25.8%) for the rows on screen.
        const ids = await columnTexts(page, 'report_id');
        const onScreen = await columnTexts(page, 'disclosure_rate');
        const idCol = labels.header.indexOf('报告编号');
        ids.forEach((id, i) => {
          const row = labels.rows.find((x) => x[idCol] === id);
          assert(row, `report ${id} not in the CSV`);
          assertEqual(row[r] === '' ? '—' : `${row[r]}%`, onScreen[i], `rate of ${id} as on screen`);
        });
        await page.check('[data-testid="csv-keys"]');
        await waitForParam(page, 'csvkeys', '1');
        const keys = await downloadCsv(page, 'share-csv-keys.csv');
        assertEqual(keys.header, csvColumns(APPLICATIONS_VIEW.columns, true).map((c) => c.header), 'header of keys');
        assertEqual(keys.rows, labels.rows, 'same rows and values under the keys');
      },
    },
    {
      name: 'CSV of 指标: an empty rank says why (样本不足30件 / 无法计算 / 无同类组), as the table does',
      run: async () => {
        const page = await env.freshPage();
        await openDashboard(page, base, { view: 'indicators', csvkeys: '1' });
        await waitForView(page, 'indicators');
        await waitForViewIdle(page);
        const csv = await downloadCsv(page, 'share-csv-indicators.csv');
        assertEqual(csv.header, csvColumns(INDICATORS_VIEW.columns, true).map((c) => c.header), 'header');
        const col = (k: string) => csv.header.indexOf(k);
        for (const row of csv.rows) {
          const [rate, base30, rank] = [row[col('disclosure_rate')], row[col('disclosure_base')], row[col('disclosure_rank')]];
          assert(rank !== '', `empty rank for ${row[col('report_id')]}`);
          if (rate === '') assertEqual(rank, '无法计算', `rank without a rate (${row[col('report_id')]})`);
          else if (Number(base30) < 30) assertEqual(rank, '样本不足30件', `rank over ${base30} cases`);
        }
        const ids = await columnTexts(page, 'report_id');
        const ranks = await columnTexts(page, 'disclosure_rank');
        ids.forEach((id, i) => {
          const row = csv.rows.find((x) => x[col('report_id')] === id)!;
          const shown = ranks[i] === '—' ? '无法计算' : ranks[i];
          assertEqual(row[col('disclosure_rank')], shown, `rank of ${id} as on screen`);
        });
      },
    },
  ];
}

/** A state set in the UI, its URL opened in a fresh page: the same rows and controls. */
function linkTest(env: SuiteEnv): TestCase {
  const base = env.server.url;
  const years = [...new Set(env.data.shown.map((r) => Number(r.year)).filter((y) => y > 0))].sort();
  return {
    name: 'the URL holds the whole state: set in the UI, opened in a fresh page, the same rows',
    run: async () => {
      const a = await env.freshPage();
      await openDashboard(a, base, { view: 'applications' });
      await waitForView(a, 'applications');
      await waitForViewIdle(a);
      await a.selectOption('[data-testid="filter-year-from"]', String(years[1] ?? years[0]));
      await waitForViewIdle(a);
      await a.click('[data-testid="view-table"] thead th[data-col="new_received"] [data-testid="sort-button"]');
      await waitForParam(a, 'sort', 'new_received:asc');
      await a.selectOption('[data-testid="chart-top"]', '10');
      await waitForParam(a, 'top', '10');
      await a.check('[data-testid="csv-keys"]');
      const picks = await a.$$eval('[data-testid="compare-pick"]', (els) => [...new Set(els.map((e) => e.getAttribute('data-agency-key') ?? ''))].slice(0, 2));
      for (const k of picks) await a.click(`[data-testid="compare-pick"][data-agency-key="${k}"] >> nth=0`);
      await waitForParam(a, 'csvkeys', '1');
      await waitForViewIdle(a);
      const state = async (p: Page) => ({
        rows: await rowCountOf(p),
        agencies: await columnTexts(p, 'agency'),
        ids: await columnTexts(p, 'report_id'),
        sentence: (await p.innerText('[data-testid="filter-sentence"]')).trim(),
        keys: await p.isChecked('[data-testid="csv-keys"]'),
        top: await p.inputValue('[data-testid="chart-top"]'),
        picked: await p.$$eval('[data-testid="compare-pick"]:checked', (els) => [...new Set(els.map((e) => e.getAttribute('data-agency-key')))].sort()),
      });
      const before = await state(a);
      assert(before.rows > 0, 'no rows for the state');
      const url = a.url();
      const params = new URL(url).searchParams;
      assertEqual([params.get('from'), params.get('sort'), params.get('top'), params.get('csvkeys'), params.get('compare')?.split(',').length], [String(years[1] ?? years[0]), 'new_received:asc', '10', '1', picks.length], 'the URL');
      const b = await env.freshPage();
      await b.goto(url, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForView(b, 'applications');
      await waitForViewIdle(b);
      assertEqual(await state(b), before, 'the state in a fresh page');
      assertEqual(new URL(b.url()).searchParams.toString(), params.toString(), 'the URL after opening it');
      assertEqual(await b.locator('[data-testid="link-data-note"]').count(), 0, 'no missing-data note for built-in data');
    },
  };
}

/** Uploads `file` on `page` (already on the dashboard) and returns its report id and agency key. */
async function uploadOne(page: Page, file: string): Promise<{ reportId: string; agencyKey: string }> {
  const [r] = await uploadFiles(page, [file]);
  assertEqual(r?.outcome, 'added', `upload of ${path.basename(file)} (${r?.message})`);
  const href = (await page.getAttribute('[data-testid="upload-open-agency"]', 'href')) ?? '';
  const agencyKey = decodeURIComponent(href.replace(/^\/agency\//, '').split('?')[0]);
  assert(agencyKey, `no agency link for the upload (${href})`);
  return { reportId: r.reportId, agencyKey };
}

function uploadLinkTests(env: SuiteEnv, lhasa: string): TestCase[] {
  const base = env.server.url;
  return [
    {
      name: 'a link made with an uploaded report says in a fresh page why its rows are missing and what to do',
      run: async () => {
        const a = await env.freshPage();
        await openDashboard(a, base, { view: 'applications' });
        await waitForView(a, 'applications');
        const up = await uploadOne(a, lhasa);
        assert(!env.data.reports.some((r) => r.agency_key === up.agencyKey), `the built data has ${up.agencyKey}`);
        await openDashboard(a, base, { view: 'applications', agency: up.agencyKey }); // the same tab: the upload is kept
        await waitForViewIdle(a);
        await a.waitForFunction(() => document.querySelectorAll('[data-testid="view-table"] tbody tr').length === 1, undefined, { timeout: STEP_MS });
        await waitForParam(a, 'u', '1');
        const url = a.url();
        const b = await env.freshPage();
        await b.goto(url, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await waitForView(b, 'applications');
        await waitForViewIdle(b);
        const note = b.locator('[data-testid="link-data-note"]');
        await note.waitFor({ timeout: STEP_MS });
        const text = await note.innerText();
        for (const s of [up.agencyKey, '上传', '上传年报', '下载 CSV']) assert(text.includes(s), `the note lacks ${s}: ${text}`);
        assertEqual(await rowCountOf(b), 0, 'rows in the fresh page');
        await b.screenshot({ path: artifact('share-csv-link-with-upload.png'), fullPage: true });
        await uploadOne(b, lhasa);
        await b.waitForFunction(() => document.querySelectorAll('[data-testid="view-table"] tbody tr').length === 1, undefined, { timeout: STEP_MS });
        await note.waitFor({ state: 'detached', timeout: STEP_MS });
        assertEqual(await columnTexts(b, 'report_id'), [up.reportId], 'the row after uploading the same file');
      },
    },
    {
      name: 'a decision on a flag of a report uploaded in another tab reads 报告未载入, not 孤立',
      run: async () => {
        const a = await env.freshPage();
        await openDashboard(a, base, { view: 'applications' });
        await waitForView(a, 'applications');
        const up = await uploadOne(a, lhasa);
        await openDashboard(a, base, { view: 'review', agency: up.agencyKey });
        await waitForQueue(a);
        const fp = await a.getAttribute('[data-testid="queue-row"] >> nth=0', 'data-fingerprint');
        assert(fp, 'the uploaded report has no flag');
        await a.click(`[data-testid="decision"][data-fingerprint="${fp}"] [data-testid="decision-confirm"]`);
        await a.waitForSelector(`[data-testid="decision"][data-fingerprint="${fp}"][data-status="confirmed"]`, { timeout: STEP_MS });
        // Another tab of the same browser: the decision is there (IndexedDB), the upload is not (sessionStorage).
        const b = await a.context().newPage();
        env.watchConsole(b);
        await openDashboard(b, base, { view: 'review' });
        await waitForQueue(b);
        const row = b.locator(`[data-testid="orphan-row"][data-reason="not_loaded"]`, { hasText: fp });
        await row.waitFor({ state: 'attached', timeout: STEP_MS });
        await b.click('[data-testid="orphans"] summary');
        const list = await b.innerText('[data-testid="orphans"]');
        assert(list.includes('报告未载入') && list.includes('上传同一文件'), `the list does not say 报告未载入: ${list}`);
        assertEqual(await b.locator('[data-testid="orphan-row"][data-reason="orphaned"]').count(), 0, 'decisions called 孤立');
        const counts = await b.innerText('[data-testid="review-counts"]');
        assert(!counts.includes('孤立') && counts.includes('未对应 1'), `the counts call it 孤立: ${counts}`);
        await b.screenshot({ path: artifact('share-csv-not-loaded.png'), fullPage: true });
        await b.close();
      },
    },
  ];
}
