/**
 * Suite `uploads` (上传年报), on its own server serving a seeds-only data build, so that the
 * corpus reports it uploads are new whatever data/build holds. The first test uploads corpus
 * reports of every format plus bad files in a fresh page (the unfilled official form among them,
 * refused as blank_form since issue 9) and keeps the tab's sessionStorage (the app keeps uploads
 * there); every later test starts from a fresh profile whose tab gets that sessionStorage back
 * before the page loads — as a reload of the uploading tab would — and checks one surface: the
 * views, the blank form's absence from views and 覆盖, the CSV, the filters (by agency_key, shown
 * by name), the cross-year rule, the report page (also after a reload), a dropped file, a PDF in
 * a non-embedded CJK font, 清除上传的数据. One test uploads hostile files built on the spot (pages
 * nested 10,000 deep, a .docx bomb) beside a good report: they are read in the upload worker, the
 * tab stays responsive, each gets a row with a sentence. Without ../shared/corpus only the repository's own
 * files (a seed retitled to 2024, bad files) are uploaded and the corpus-only tests are skipped.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { APPLICATIONS_VIEW, VIEWS } from '../../../lib/query/views';
import { csvColumns } from '../../../lib/csv';
import { artifact } from '../../harness/artifacts';
import { csvRows } from '../../harness/app-data';
import { DB_READY_MS, STEP_MS } from '../../harness/bounded-waits';
import { ROOT } from '../../harness/next-server';
import { assert, assertEqual, tempDir, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { chartInk, columnTexts, openDashboard, openTab, waitForDb, waitForRowCount, waitForView, waitForViewIdle } from '../dashboard-page';
import { agencyName, LINZI } from '../data-files';
import { deeplyNestedHtml, docxBomb } from '../hostile-files';
import { CORPUS, golden, goldenCell, makePdf, uploadFiles, uploadResults, type Golden, type UploadRow } from '../upload-files';

const CORPUS_FILES = ['huaian-city-government-2024.pdf', 'anonymized-city-government-2025.html', 'blank-template-2021-format.docx', 'shanghai-science-commission-2024.md', 'shuyang-county-government-2025.txt'];
/** Corpus reports whose tables are checked value by value against their golden files. */
const CHECKED = ['huaian-city-government-2024.pdf', 'anonymized-city-government-2025.html'];
const LINZI_2024 = '临淄区政府办2024年报.txt';
/** The unfilled official form: refused as an upload with status blank_form (issue 9), in no view. */
const BLANK_FORM = 'blank-template-2021-format.docx';
/** What the result list says of it (lib/parse/classify-blank-form.ts blankFormMessage): what it is, and what to do. */
const BLANK_FORM_MESSAGE = ['这是未填写的空白年报表格', '不是某个机关的年报', '未计入统计', '请改用填好数据的年度报告'];

/** Everything the tests share: the files, the golden values, and (after the first test) the upload. */
interface UploadsState {
  env: SuiteEnv;
  base: string;
  corpus: boolean;
  tmp: string;
  linziSeed: string;
  files: { linzi2024: string; photo: string; notes: string; scan: string; big: string };
  corpusFiles: string[];
  G: Record<string, Golden>;
  /**
   * agency_name of each corpus file as `npm run build:data` wrote it into data/build/reports.csv
   * (the same files, ingested from data/corpus), by file name; empty when there is no such build.
   */
  embeddedNames: Map<string, string>;
  /** The first upload's result list and the uploading tab's sessionStorage, once done. */
  session: { results: UploadRow[]; storage: Array<[string, string]> } | null;
}

/** The uploads suite (its own seeds-only server). */
export const uploadsSuite: Suite = {
  name: 'uploads',
  server: 'seeds-only',
  open: (env) => {
    const corpus = existsSync(CORPUS);
    const tmp = tempDir('upload-files-');
    // Files made here: the seed of 临淄区人民政府办公室 2023 retitled 2024 (its 上年结转 6 differs
    // from 2023's 结转下年度), a photo, a note that is no report, a scan without text, a 21 MB file.
    const linziSeed = readFileSync(path.join(ROOT, 'data', 'seeds', `${LINZI}.txt`), 'utf8');
    const files = { linzi2024: path.join(tmp, LINZI_2024), photo: path.join(tmp, 'photo.jpg'), notes: path.join(tmp, 'notes.txt'), scan: path.join(tmp, 'scan.pdf'), big: path.join(tmp, 'big.pdf') };
    writeFileSync(files.linzi2024, linziSeed.replace('2023年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告'));
    writeFileSync(files.photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]));
    writeFileSync(files.notes, '会议纪要\n\n一、会议时间：2024年3月1日\n二、参会人员：办公室全体\n');
    writeFileSync(files.scan, makePdf(null));
    writeFileSync(files.big, Buffer.alloc(21 * 1024 * 1024, 0x20));
    if (!corpus) console.log(`  - uploads of corpus reports (PDF, HTML, DOCX, Markdown, text): corpus not present (${CORPUS}); uploading the repository's own files only`);
    const corpusFiles = corpus ? CORPUS_FILES : [];
    const G = Object.fromEntries(corpusFiles.map((f) => [f, golden(f)]));
    const s: UploadsState = { env, base: env.server.url, corpus, tmp, linziSeed, files, corpusFiles, G, embeddedNames: embeddedAgencyNames(), session: null };
    return { tests: [firstUploadTest(s), ...viewTests(s), blankFormTest(s), ...dataTests(s), ...pageTests(s), hostileFilesTest(s)], close: async () => rmSync(tmp, { recursive: true, force: true }) };
  },
};

/** {@link UploadsState.embeddedNames}: file name → agency_name, from data/build/reports.csv when it exists. */
function embeddedAgencyNames(): Map<string, string> {
  const dir = path.join(ROOT, 'data', 'build');
  if (!existsSync(path.join(dir, 'reports.csv'))) return new Map();
  return new Map(csvRows(dir, 'reports.csv').filter((r) => r.agency_name).map((r) => [path.basename(r.source_file), r.agency_name]));
}

/** Uploads every file on `page` (the 依申请公开 view) and keeps the result list and the tab's sessionStorage in `s.session`. */
async function uploadAll(s: UploadsState, page: Page): Promise<UploadRow[]> {
  await openDashboard(page, s.base, { view: 'applications' });
  await waitForView(page, 'applications');
  const { linzi2024, photo, notes, scan, big } = s.files;
  const results = await uploadFiles(page, [...s.corpusFiles.map((f) => path.join(CORPUS, f)), linzi2024, photo, notes, scan, big]);
  await page.waitForSelector(`[data-testid="upload-summary"][data-count="${results.filter((r) => r.outcome === 'added').length}"]`, { timeout: STEP_MS });
  const storage = await page.evaluate(() => Object.entries(sessionStorage));
  s.session = { results, storage };
  return results;
}

/**
 * A fresh page whose tab holds the first upload's sessionStorage (set once, before the app's
 * scripts run, so a later reload does not put back what the test removed), at `${base}${at}`.
 * Makes the upload first when no test did.
 */
async function uploadedPage(s: UploadsState, at: string): Promise<{ page: Page; results: UploadRow[] }> {
  if (!s.session) await uploadAll(s, await s.env.freshPage());
  const { results, storage } = s.session!;
  const page = await s.env.freshPage();
  await page.addInitScript(
    ({ origin, items }) => {
      if (location.origin !== origin || sessionStorage.getItem('browser-test:seeded')) return;
      for (const [k, v] of items) sessionStorage.setItem(k, v);
      sessionStorage.setItem('browser-test:seeded', '1');
    },
    { origin: s.base, items: storage },
  );
  await page.goto(`${s.base}${at}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
  return { page, results };
}

const idIn = (results: UploadRow[]) => (file: string) => results.find((r) => r.file === file)?.reportId ?? '';
const added = (results: UploadRow[]) => results.filter((r) => r.outcome === 'added');
const rowLocator = (page: Page, id: string) => page.locator('[data-testid="view-table"] tbody tr', { has: page.locator(`td[data-col="report_id"]`, { hasText: id }) });
const cellText = async (page: Page, id: string, k: string) => (await rowLocator(page, id).locator(`td[data-col="${k}"]`).innerText()).trim();

/** The first test: every file uploaded, each bad one explained. */
function firstUploadTest(s: UploadsState): TestCase {
  return {
    name: '上传年报: every format is read in the browser; each bad file says why, the others are added',
    ms: 300_000,
    run: async () => {
      const page = await s.env.freshPage();
      await openDashboard(page, s.base, { view: 'applications' });
      await waitForView(page, 'applications');
      assert((await page.innerText('[data-testid="upload-button"]')).trim() === '上传年报', 'no 上传年报 button');
      assert((await page.innerText('[data-testid="upload-note"]')).includes('不会发送到任何服务器'), 'the note does not say files stay local');
      const results = await uploadAll(s, page);
      const by = (f: string) => results.find((r) => r.file === f.split('/').pop());
      for (const f of s.corpusFiles.filter((x) => x !== BLANK_FORM)) {
        const r = by(f);
        assertEqual(r?.outcome, 'added', `${f} outcome (${r?.message})`);
        const g = s.G[f].report;
        // The result names the agency by its canonical name (agency_name, issue 9: 沭阳县人民政府 →
        // 宿迁市沭阳县人民政府), as the ingest of the same file in data/build wrote it; without
        // that build, the name a person read from the title (tests/golden).
        const name = s.embeddedNames.get(f) ?? g.agency ?? '（未识别机关）';
        const who = `${name} ${g.year !== null ? `${g.year} 年度` : '年度未知'}；读到表二、表三、表四`;
        assert(r!.message.startsWith(who), `${f}: message “${r!.message}” does not start with “${who}”`);
      }
      assertEqual(by(s.files.linzi2024)?.outcome, 'added', `linzi 2024 outcome (${by(s.files.linzi2024)?.message})`);
      if (s.corpus) {
        // The blank form is refused: its row says it is an unfilled form and what to do.
        const r = by(BLANK_FORM);
        assertEqual(r?.outcome, 'rejected', `${BLANK_FORM} outcome (${r?.message})`);
        for (const p of BLANK_FORM_MESSAGE) assert(r!.message.includes(p), `${BLANK_FORM}: message “${r!.message}” lacks “${p}”`);
        const shownText = await page.innerText(`[data-testid="upload-result"][data-file="${BLANK_FORM}"]`);
        assert(shownText.includes('未添加') && shownText.includes('未填写的空白年报表格'), `${BLANK_FORM}: the row shows “${shownText}”`);
      }
      const expectBad: Array<[string, string[]]> = [
        [s.files.photo, ['图片', '文字识别（OCR）未能完成', 'PDF']],
        [s.files.notes, ['未识别为政府信息公开工作年度报告', '请确认文件内容']],
        [s.files.scan, ['没有文字层', '扫描件', 'OCR']],
        [s.files.big, ['文件过大', '上限 20 MB']],
      ];
      for (const [f, parts] of expectBad) {
        const r = by(f);
        assertEqual(r?.outcome, 'rejected', `${f} outcome`);
        for (const p of parts) assert(r!.message.includes(p), `${f}: message “${r!.message}” lacks “${p}”`);
      }
      const n = s.corpusFiles.filter((x) => x !== BLANK_FORM).length + 1;
      assertEqual(await page.getAttribute('[data-testid="upload-results"]', 'data-added'), String(n), 'added count');
      await page.waitForSelector(`[data-testid="upload-summary"][data-count="${n}"]`, { timeout: STEP_MS });
      // The built-in counts are unchanged.
      assert((await page.innerText('[data-testid="db-summary"]')).includes(`${s.env.data.reports.length} 份报告`), 'built-in count changed');
      await page.screenshot({ path: artifact('upload-results.png'), fullPage: true });
    },
  };
}

/** The views with the uploads: 依申请公开, 主动公开 and 复议诉讼. */
function viewTests(s: UploadsState): TestCase[] {
  const { cells } = s.env.data;
  const linziBuilt = s.env.data.seed(LINZI);
  const n = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US'));
  const fmt = (v: number | null, digits = 2) => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));
  return [
    {
      name: '依申请公开: uploaded reports beside the built-in ones, marked 上传, with the numbers printed in them',
      run: async () => {
        const { page, results } = await uploadedPage(s, '/?view=applications');
        const idOf = idIn(results);
        await waitForUploads(page, results);
        await waitForView(page, 'applications');
        await waitForUploadedRows(page, results);
        const uploaded = added(results).map((r) => r.reportId);
        const ids = await columnTexts(page, 'report_id');
        const origins = await columnTexts(page, 'origin');
        for (const id of uploaded) assertEqual(origins[ids.indexOf(id)], '上传', `origin of ${id}`);
        const builtIn = ids.filter((_, i) => origins[i] === '内置');
        assertEqual(builtIn.length, new Set(cells.filter((c) => c.table === 't3').map((c) => c.report_id)).size, 'built-in rows');
        assert((await page.$$('[data-testid="view-table"] [data-testid="upload-badge"]')).length === uploaded.length, 'a 上传 badge per uploaded row');
        // 临淄 2024 (the seed): the same numbers as the built-in 2023 report.
        assert(linziBuilt, 'seed 004 missing');
        assertEqual(await cellText(page, idOf(LINZI_2024), 'new_received'), n(Number(s.env.data.t3Total(linziBuilt.report_id, 'new_received'))), '临淄 2024 本年新收');
        if (s.corpus) {
          for (const f of CHECKED) {
            const g = s.G[f];
            const id = idOf(f);
            assertEqual(await cellText(page, id, 'agency'), g.report.agency, `${f} agency`);
            assertEqual(await cellText(page, id, 'year'), String(g.report.year), `${f} year`);
            assertEqual(await cellText(page, id, 'new_received'), n(goldenCell(g, 't3', 'new_received', 6)), `${f} 本年新收 总计`);
            assertEqual(await cellText(page, id, 'carried_over'), n(goldenCell(g, 't3', 'carried_over', 6)), `${f} 上年结转 总计`);
            assertEqual(await cellText(page, id, 'granted'), n(goldenCell(g, 't3', 'granted', 6)), `${f} 予以公开 总计`);
            assertEqual(await cellText(page, id, 'total_processed'), n(goldenCell(g, 't3', 'total_processed', 6)), `${f} 总计`);
            const rate = ((goldenCell(g, 't3', 'granted', 6)! + goldenCell(g, 't3', 'partially_granted', 6)!) / goldenCell(g, 't3', 'total_processed', 6)!) * 100;
            assertEqual(await cellText(page, id, 'disclosure_rate'), `${rate.toFixed(1)}%`, `${f} 实质公开率`);
          }
          // The blank form was refused: no row (its id is the content hash the result list shows).
          const blankId = idOf(BLANK_FORM);
          assert(/^[0-9a-f]{16}$/.test(blankId), `the blank form's result row has no report id (“${blankId}”)`);
          assertEqual(await rowLocator(page, blankId).count(), 0, 'rows of the blank form in 依申请公开');
        }
        assert((await chartInk(page)) > 500, 'chart looks empty');
        await page.screenshot({ path: artifact('upload-view-applications.png'), fullPage: true });
      },
    },
    {
      name: '主动公开 and 复议诉讼 show the uploaded tables 二 and 四 as printed',
      skip: s.corpus ? undefined : `corpus not present (${CORPUS})`,
      run: async () => {
        const { page, results } = await uploadedPage(s, '/?view=applications');
        const idOf = idIn(results);
        await waitForUploads(page, results);
        await openTab(page, 'proactive');
        await waitForUploadedRows(page, results);
        for (const f of CHECKED) {
          const g = s.G[f];
          assertEqual(await cellText(page, idOf(f), 'normative_documents_in_force'), fmt(goldenCell(g, 't2', 'normative_documents', 2)), `${f} 行政规范性文件·现行有效`);
          assertEqual(await cellText(page, idOf(f), 'licensing_decisions'), fmt(goldenCell(g, 't2', 'licensing', 0)), `${f} 行政许可`);
          assertEqual(await cellText(page, idOf(f), 'fees_amount'), fmt(goldenCell(g, 't2', 'fees', 0), 4), `${f} 收费（万元）`);
        }
        await page.screenshot({ path: artifact('upload-view-proactive.png'), fullPage: true });
        await openTab(page, 'review_litigation');
        await waitForUploadedRows(page, results);
        for (const f of CHECKED) {
          const g = s.G[f];
          assertEqual(await cellText(page, idOf(f), 'review_total'), fmt(goldenCell(g, 't4', 'review', 4)), `${f} 行政复议·总计`);
          const lit = goldenCell(g, 't4', 'litigation_direct', 4)! + goldenCell(g, 't4', 'litigation_after_review', 4)!;
          assertEqual(await cellText(page, idOf(f), 'litigation_total'), fmt(lit), `${f} 行政诉讼·总计`);
        }
      },
    },
  ];
}

/**
 * The refused blank form, after the upload: no row in any view (合规 included), no cell in 覆盖,
 * and the upload summary counts the added files only.
 */
function blankFormTest(s: UploadsState): TestCase {
  return {
    name: 'the refused blank form is in no view and not in 覆盖',
    skip: s.corpus ? undefined : `corpus not present (${CORPUS})`,
    run: async () => {
      const { page, results } = await uploadedPage(s, '/?view=applications');
      const blankId = idIn(results)(BLANK_FORM);
      assert(/^[0-9a-f]{16}$/.test(blankId), `the blank form's result row has no report id (“${blankId}”)`);
      await waitForUploads(page, results);
      await waitForView(page, 'applications');
      await waitForUploadedRows(page, results);
      for (const v of VIEWS) {
        await openTab(page, v.id);
        await waitForViewIdle(page);
        const ids = await columnTexts(page, 'report_id');
        assert(ids.length > 0, `${v.title}: no rows at all`);
        assert(!ids.includes(blankId), `${v.title}: a row of the refused blank form`);
      }
      await page.click('[data-testid="tab-coverage"]');
      await page.waitForSelector('[data-testid="coverage-table"]', { timeout: STEP_MS });
      const cells = await page.$$eval('[data-testid="coverage-cell"]', (els) => els.map((e) => (e as HTMLElement).dataset.reportId ?? ''));
      for (const r of added(results)) assert(cells.includes(r.reportId), `覆盖 lacks the upload ${r.file}`);
      assert(!cells.includes(blankId), '覆盖 has a cell for the refused blank form');
    },
  };
}

/** Waits for the database and for the uploads put back from sessionStorage (their count in the summary). */
async function waitForUploads(page: Page, results: UploadRow[]): Promise<void> {
  await waitForDb(page);
  await page.waitForSelector(`[data-testid="upload-summary"][data-count="${added(results).length}"]`, { timeout: DB_READY_MS });
}

/** Waits until no view is loading and the visible table shows a row for every added upload. */
async function waitForUploadedRows(page: Page, results: UploadRow[]): Promise<void> {
  await waitForViewIdle(page);
  await page.waitForFunction(
    (ids) => {
      const shown = new Set([...document.querySelectorAll('[data-testid="view-table"] tbody td[data-col="report_id"]')].map((td) => (td.textContent ?? '').trim()));
      return ids.every((id) => shown.has(id)) && !document.querySelector('[data-testid="view-loading"]');
    },
    added(results).map((r) => r.reportId),
    { timeout: STEP_MS },
  );
}

/** The CSV download, the 来源 and 机关 filters, and the cross-year rule with the uploads. */
function dataTests(s: UploadsState): TestCase[] {
  const linziBuilt = s.env.data.seed(LINZI);
  return [
    {
      name: '下载 CSV: the origin column says which rows were uploaded, with their values',
      run: async () => {
        const { page, results } = await uploadedPage(s, '/?view=applications&csvkeys=1'); // the spec's keys as the CSV header
        const idOf = idIn(results);
        await waitForUploads(page, results);
        await waitForView(page, 'applications');
        await waitForUploadedRows(page, results);
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.click('[data-testid="download-csv"]')]);
        const file = artifact('download-with-uploads.csv');
        await download.saveAs(file);
        const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
        assertEqual(Object.keys(rows[0]), csvColumns(APPLICATIONS_VIEW.columns, true).map((c) => c.header), 'CSV header');
        const uploaded = added(results).map((r) => r.reportId).sort();
        assertEqual(rows.filter((r) => r.origin === 'upload').map((r) => r.report_id).sort(), uploaded, 'rows marked upload');
        assert(rows.filter((r) => r.origin !== 'upload').every((r) => r.origin === 'embedded'), 'other rows are not marked embedded');
        const row = (f: string) => rows.find((r) => r.report_id === idOf(f));
        if (s.corpus) {
          for (const f of CHECKED) {
            for (const k of ['new_received', 'carried_over', 'total_processed', 'carried_forward']) {
              assertEqual(row(f)?.[k], String(goldenCell(s.G[f], 't3', k, 6)), `CSV ${f} ${k}`);
            }
          }
          assertEqual(row(BLANK_FORM), undefined, 'CSV row of the refused blank form');
        }
      },
    },
    {
      name: '来源 filter keeps only the uploads; the 机关 filter marks agencies with uploads',
      run: async () => {
        const { page, results } = await uploadedPage(s, '/?view=applications');
        await waitForUploads(page, results);
        await waitForView(page, 'applications');
        await waitForUploadedRows(page, results);
        await page.selectOption('[data-testid="filter-origin"]', 'upload');
        await waitForRowCount(page, added(results).length);
        assert((await columnTexts(page, 'origin')).every((o) => o === '上传'), 'a built-in row under 仅上传的');
        assert((await page.innerText('[data-testid="filter-sentence"]')).includes('来源为本浏览器中上传的文件'), 'sentence lacks the origin');
        assertEqual(new URL(page.url()).searchParams.get('origin'), 'upload', 'origin in the URL');
        await page.click('[data-testid="filter-agency"] summary');
        // Each choice: its value is the agency_key, its text the agency's name, then the 上传 badge.
        const options = await page.$$eval('[data-testid="filter-agency-option"]', (els) =>
          els.map((el) => {
            const label = el.closest('label');
            return { key: (el as HTMLElement).dataset.value ?? '', name: (label?.querySelector('span')?.textContent ?? '').trim(), badge: Boolean(label?.querySelector('[data-testid="upload-badge"]')) };
          }),
        );
        await page.screenshot({ path: artifact('upload-filter-agency-badges.png'), fullPage: false });
        await page.click('[data-testid="filter-agency"] summary');
        const marked = options.filter((o) => o.badge);
        const names = marked.map((o) => o.name);
        assert(marked.every((o) => o.name !== '' && o.name !== o.key && !o.name.includes(':')), `上传 choices shown by key: ${JSON.stringify(marked)}`);
        // 临淄 2024 joins the built-in agency of seed 004 (same agency_key), shown by its agency_name.
        assert(linziBuilt, 'seed 004 missing');
        assert(marked.some((o) => o.key === linziBuilt.agency_key && o.name === agencyName(linziBuilt)), `no 上传 badge on ${agencyName(linziBuilt)} (${linziBuilt.agency_key}): ${names.join('、')}`);
        if (s.corpus) {
          for (const f of CHECKED) assert(names.includes(s.G[f].report.agency ?? ''), `agencies marked 上传 lack ${s.G[f].report.agency}: ${names.join('、')}`);
          // The refused blank form adds no choice: every choice has a key and a name.
          assert(options.every((o) => o.key !== '' && o.name !== '' && o.name !== '（未识别机关）'), `a 机关 choice without an agency: ${JSON.stringify(options)}`);
        }
        await page.screenshot({ path: artifact('upload-filter-origin.png'), fullPage: true });
        await page.click('[data-testid="filter-clear"]');
      },
    },
    {
      name: 'the cross-year rule ran against the built-in report: 临淄 2024 上年结转 ≠ 2023 结转下年度',
      run: async () => {
        assert(linziBuilt, 'seed 004 missing');
        // The 机关 filter by the agency_key of seed 004 (the upload resolves to the same key).
        const p = new URLSearchParams({ view: 'compliance', origin: 'upload', agency: linziBuilt.agency_key });
        const { page, results } = await uploadedPage(s, `/?${p.toString()}`);
        await waitForUploads(page, results);
        await waitForView(page, 'compliance');
        const row = page.locator('[data-testid="view-table"] tbody tr', { has: page.locator('td[data-col="rule"]', { hasText: 'CARRYOVER_CONTINUITY' }) });
        await row.first().waitFor({ timeout: STEP_MS });
        assertEqual(await row.count(), 1, 'CARRYOVER_CONTINUITY rows');
        const cell = async (k: string) => (await row.locator(`td[data-col="${k}"]`).innerText()).trim();
        assertEqual(await cell('year'), '2024', 'year');
        assertEqual(await cell('origin'), '上传', 'origin');
        assertEqual(await cell('expected'), s.env.data.t3Total(linziBuilt.report_id, 'carried_forward'), '应为 = 2023 结转下年度 (cells.csv)');
        assertEqual(await cell('actual'), s.env.data.t3Total(linziBuilt.report_id, 'carried_over'), '实为 = the upload’s 上年结转');
        const rules = await columnTexts(page, 'rule');
        assert(rules.includes('TEXT_REUSE'), `rules: ${rules.join(', ')}`);
        await page.screenshot({ path: artifact('upload-compliance.png'), fullPage: true });
      },
    },
  ];
}

/** The report page of an upload, a dropped file, a CJK-font PDF, and 清除上传的数据. */
function pageTests(s: UploadsState): TestCase[] {
  return [
    {
      name: 'an uploaded report opens its report page (text, tables, flags), also after a reload',
      run: async () => {
        const file = s.corpus ? 'huaian-city-government-2024.pdf' : LINZI_2024;
        const { page, results } = await uploadedPage(s, '/?view=coverage');
        const id = idIn(results)(file);
        await waitForUploads(page, results);
        await page.waitForSelector(`[data-testid="coverage-cell"][data-report-id="${id}"]`, { timeout: STEP_MS });
        assertEqual(await page.getAttribute(`[data-testid="coverage-cell"][data-report-id="${id}"]`, 'data-origin'), 'upload', 'coverage cell origin');
        await page.click(`[data-testid="coverage-cell"][data-report-id="${id}"]`);
        for (const round of ['clicked', 'reloaded']) {
          await page.waitForURL((u) => u.pathname === `/report/${id}`, { timeout: STEP_MS });
          await page.waitForSelector(`[data-testid="report-page"][data-report-id="${id}"] [data-testid="flag-count"], [data-testid="report-error"]`, { timeout: DB_READY_MS });
          const err = await page.$('[data-testid="report-error"]');
          if (err) throw new Error(`${round}: ${(await err.innerText()).replace(/\s+/g, ' ')}`);
          const title = await page.innerText('[data-testid="report-title"]');
          assert(title.includes('上传'), `${round}: no 上传 badge in “${title}”`);
          assert(await page.isVisible('[data-testid="report-upload-note"]'), `${round}: no note on uploads`);
          await page.waitForSelector('[data-testid="source-text"]', { timeout: STEP_MS });
          const text = await page.innerText('[data-testid="source-text"]');
          if (s.corpus) {
            assert(title.includes('淮安市人民政府') && title.includes('2024'), `${round}: title ${title}`);
            assert(text.includes('淮安市人民政府'), `${round}: source text lacks the agency`);
            const t3 = (await page.innerText(`td.cell[data-ref="t3.new_received.total"]`)).trim();
            assertEqual(t3, goldenCell(s.G[file], 't3', 'new_received', 6)!.toLocaleString('en-US'), `${round}: 表三 本年新收 总计`);
          } else {
            assert(text.includes('临淄区人民政府办公室'), `${round}: source text`);
          }
          if (round === 'clicked') {
            await page.screenshot({ path: artifact('upload-report-page.png'), fullPage: false });
            await page.reload({ waitUntil: 'domcontentloaded' });
          }
        }
      },
    },
    {
      name: 'a file dropped onto the drop zone is read like a picked one',
      run: async () => {
        const name = s.corpus ? 'shanghai-government-office-2025.md' : 'linzi-copy.md';
        const body = s.corpus ? readFileSync(path.join(CORPUS, name), 'utf8') : s.linziSeed;
        const { page, results } = await uploadedPage(s, '/?view=applications');
        await waitForDb(page);
        await page.waitForSelector('[data-testid="upload-summary"]', { timeout: DB_READY_MS });
        const before = Number(await page.getAttribute('[data-testid="upload-summary"]', 'data-count'));
        assertEqual(before, added(results).length, 'uploads after the reloads (kept in the tab)');
        await page.evaluate(
          ({ name, body }) => {
            const dt = new DataTransfer();
            dt.items.add(new File([body], name, { type: 'text/markdown' }));
            const zone = document.querySelector('[data-testid="upload-dropzone"]')!;
            zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
            zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
          },
          { name, body },
        );
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="upload-result"]').length === 1, undefined, { timeout: 60_000 });
        const [r] = await uploadResults(page);
        // Without the corpus the seed's text is already built in: a duplicate, said so.
        assertEqual(r.outcome, s.corpus ? 'added' : 'duplicate', `dropped file (${r.message})`);
        if (s.corpus) await page.waitForSelector(`[data-testid="upload-summary"][data-count="${before + 1}"]`, { timeout: STEP_MS });
      },
    },
    {
      name: 'a PDF in a non-embedded Chinese font is read with the character maps the app serves',
      run: async () => {
        const file = path.join(s.tmp, 'cjk-font.pdf');
        writeFileSync(
          file,
          makePdf(['某县人民政府', '2024年政府信息公开工作年度报告', '一、总体情况', '2024年，本县坚持以公开为常态、不公开为例外，全面推进政务公开。', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、政府信息公开工作存在的主要问题及改进情况', '六、其他需要报告的事项', '某县人民政府办公室', '2025年1月20日']),
        );
        const page = await s.env.freshPage();
        await openDashboard(page, s.base, { view: 'applications' });
        await waitForView(page, 'applications');
        const cmaps: string[] = [];
        page.on('request', (r) => {
          if (r.url().includes('/pdfjs/cmaps/')) cmaps.push(r.url());
        });
        const [r] = await uploadFiles(page, [file]);
        assertEqual(r.outcome, 'added', `cjk-font.pdf (${r.message})`);
        assert(r.message.startsWith('某县人民政府 2024 年度；没有读到表格'), `message: ${r.message}`);
        assert(cmaps.length > 0 && cmaps.every((u) => u.startsWith(`${s.base}/pdfjs/cmaps/`)), `character maps requested: ${cmaps.join(', ')}`);
      },
    },
    {
      name: '清除上传的数据 removes every upload and leaves the built-in data',
      run: async () => {
        const { page, results } = await uploadedPage(s, '/?view=applications');
        await waitForUploads(page, results);
        await waitForView(page, 'applications');
        await waitForUploadedRows(page, results);
        await page.click('[data-testid="upload-clear"]');
        await page.waitForSelector('[data-testid="upload-summary"]', { state: 'detached', timeout: STEP_MS });
        await waitForView(page, 'applications');
        await waitForViewIdle(page);
        assert((await columnTexts(page, 'origin')).every((o) => o === '内置'), 'uploaded rows left after 清除');
        await page.reload({ waitUntil: 'domcontentloaded' });
        await waitForDb(page);
        assert(!(await page.$('[data-testid="upload-summary"]')), 'uploads came back after a reload');
      },
    },
  ];
}

/**
 * Starts a heartbeat in the page (a timer every 20 ms) that keeps the longest gap between two
 * beats while the upload panel says 正在读取 (a file is being read): the page's thread was blocked
 * that long. {@link readingGapMs} stops it and returns the gap.
 */
async function startHeartbeat(page: Page): Promise<void> {
  // A string, not a function: the test runner's transform would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const reading = () => (document.querySelector('[data-testid="upload-progress"]')?.textContent ?? '').includes('正在读取');
    const beat = { max: 0, last: performance.now(), reading: false, timer: 0 };
    beat.timer = setInterval(() => {
      const now = performance.now();
      const r = reading();
      if (r && beat.reading) beat.max = Math.max(beat.max, now - beat.last);
      beat.last = now;
      beat.reading = r;
    }, 20);
    window.__beat = beat;
  })()`);
}

/** Stops the heartbeat of {@link startHeartbeat}; the longest gap (ms) between beats while files were read. */
async function readingGapMs(page: Page): Promise<number> {
  return page.evaluate<number>('(() => { clearInterval(window.__beat.timer); return Math.round(window.__beat.max); })()');
}

/** A row's message is one or more sentences for a person: names the file, says what to do, no JSON, no stack trace. */
function assertSentence(r: UploadRow | undefined, file: string): void {
  assert(r, `no row for ${file}`);
  assertEqual(r.outcome, 'rejected', `${file} outcome (${r.message})`);
  assert(r.message.startsWith(`${file}：`) && r.message.endsWith('。') && r.message.includes('请'), `${file}: “${r.message}” does not name the file and say what to do`);
  assert(!/[{}[\]]|\bat \S+:\d+|Error:/.test(r.message), `${file}: “${r.message}” shows JSON or a stack trace`);
}

/**
 * Issue 12: hostile files in one upload with a good report — a page of 10,000 nested tables (slow
 * to read), one of 10,000 nested divs and a .docx whose document.xml inflates to 500 MB. They are
 * read in the upload worker (a worker besides DuckDB's starts), a click on a tab while they are
 * read is handled at once and the page's thread is never blocked long; each gets a row with a
 * sentence (refused, or 读取超时 after the 30 s budget), and the good report is added as before.
 */
function hostileFilesTest(s: UploadsState): TestCase {
  return {
    name: 'a 10,000-deep page and a .docx bomb are read in a worker: the tab stays responsive, each gets a row saying why, the good report beside them is added',
    ms: 240_000,
    run: async () => {
      const deepTables = path.join(s.tmp, 'deep-tables.html');
      const deepDivs = path.join(s.tmp, 'deep-divs.html');
      const bomb = path.join(s.tmp, 'bomb.docx');
      writeFileSync(deepTables, deeplyNestedHtml(10_000, 'table'));
      writeFileSync(deepDivs, deeplyNestedHtml(10_000, 'div'));
      const built = docxBomb(500);
      assert(built.bytes.length < 2 * 1024 * 1024 && built.documentBytes >= 500 * 1000 * 1000, `the bomb is ${built.bytes.length} bytes inflating to ${built.documentBytes}`);
      writeFileSync(bomb, built.bytes);
      const page = await s.env.freshPage();
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      await openDashboard(page, s.base, { view: 'applications' });
      await waitForView(page, 'applications');
      const duckdbWorkers = workers.length;
      await startHeartbeat(page);
      const files = [deepTables, bomb, deepDivs, s.files.linzi2024];
      await page.setInputFiles('[data-testid="upload-input"]', files);
      await page.waitForSelector('[data-testid="upload-progress"]', { timeout: STEP_MS });
      // A click on a tab while the first file (10,000 nested tables) is read is handled, and the
      // file is still being read when it is.
      const clickedAt = Date.now();
      await page.click('[data-testid="tab-proactive"]', { timeout: 5_000 });
      await page.waitForSelector('[data-testid="tab-proactive"][aria-selected="true"]', { timeout: 5_000 });
      const clickMs = Date.now() - clickedAt;
      const readingWhenClicked = (await page.textContent('[data-testid="upload-progress"]').catch(() => null)) ?? '(done)';
      await page.waitForSelector('[data-testid="upload-progress"]', { state: 'detached', timeout: 120_000 });
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="upload-result"]').length === n, files.length, { timeout: STEP_MS });
      const gap = await readingGapMs(page);
      const results = await uploadResults(page);
      const by = (f: string) => results.find((r) => r.file === path.basename(f));
      console.log(`    tab click handled in ${clickMs} ms while “${readingWhenClicked.trim()}”; longest block of the page's thread while reading: ${gap} ms`);
      for (const r of results) console.log(`    ${r.file}: ${r.outcome} — ${r.message}`);
      assert(workers.length > duckdbWorkers, `no worker started for the upload (workers: ${workers.join(', ')})`);
      // The click goes through Playwright and re-renders the view (a query, a chart) on a machine
      // whose other core reads the file: seconds would mean a blocked thread, ~1 s does not.
      assert(clickMs < 3_000, `the tab click took ${clickMs} ms while files were read`);
      // While the nested tables take the reader its whole budget (issue 12's slow case), the click
      // must have been handled during that reading; a faster reader leaves less time to click in.
      if (by(deepTables)?.message.includes('读取超时')) assert(readingWhenClicked.includes('deep-tables.html'), `the click was not handled while deep-tables.html was read (progress: ${readingWhenClicked})`);
      assert(gap < 1_000, `the page's thread was blocked ${gap} ms while files were read`);
      for (const f of [deepTables, bomb, deepDivs]) assertSentence(by(f), path.basename(f));
      const tablesRow = by(deepTables)!;
      assert(/读取超时|未识别为政府信息公开工作年度报告/.test(tablesRow.message), `deep-tables.html: ${tablesRow.message}`);
      assert(by(deepDivs)!.message.includes('未识别为政府信息公开工作年度报告'), `deep-divs.html: ${by(deepDivs)!.message}`);
      const good = by(s.files.linzi2024);
      assertEqual(good?.outcome, 'added', `${LINZI_2024} beside them (${good?.message})`);
      assert(/^[0-9a-f]{16}$/.test(good!.reportId), `${LINZI_2024} has no report id`);
      await page.waitForSelector('[data-testid="upload-summary"][data-count="1"]', { timeout: STEP_MS });
      // Still responsive after the batch: the view switches back and shows the added report.
      await openTab(page, 'applications');
      await rowLocator(page, good!.reportId).first().waitFor({ timeout: STEP_MS });
      await page.locator('[data-testid="upload"]').screenshot({ path: artifact('upload-refused-hostile.png') });
    },
  };
}

