/**
 * Browser tests of the dashboard (`npm run test:browser`): builds the data and the app when
 * needed, starts `next start` on a free port on 127.0.0.1, drives Debian's Chromium through
 * playwright-core, and checks every view, the filters and the CSV download against the data
 * files themselves; then the review workflow — the queue, a report page with its highlighted cells,
 * a dismissal that survives a reload and a browser restart (persistent profile, IndexedDB),
 * export and re-import of the decisions, refused bad imports —, the coverage grid, chart and row
 * links to report pages, and the 指标 view; then 上传年报 — reports of every format from
 * ../shared/corpus and bad files uploaded in a fresh tab, read in the browser, shown beside the
 * built-in data (values checked against tests/golden/corpus), in the CSV, the filters, the
 * cross-year rule, the report page, after a reload, and removed again. Screenshots go to
 * tests/browser/artifacts/ (gitignored).
 *
 * Environment: DATA_BUILD_DIR points the server and the checks at another data folder (for
 * development against a fixture; then `npm run build:data` is not run). Prints
 * `browser: N passed, M failed` last and exits non-zero on any failure. Every wait is bounded;
 * the server is always stopped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { APPLICATIONS_VIEW, VIEWS, type ViewId } from '../../lib/query/views';
import { describeFilter } from '../../lib/query/filters';
import { DECISION_COLUMNS } from '../../lib/review/decisions';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ARTIFACTS = join(ROOT, 'tests', 'browser', 'artifacts');
const CUSTOM_DATA = process.env.DATA_BUILD_DIR ? resolve(process.env.DATA_BUILD_DIR) : null;
const DATA_DIR = CUSTOM_DATA ?? join(ROOT, 'data', 'build');
const NEXT_BIN = join(ROOT, 'node_modules', '.bin', 'next');
const ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const DB_READY_MS = 120_000;
const STEP_MS = 30_000;

// ------------------------------------------------------------------ tiny harness

let passed = 0;
let failed = 0;

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

async function test(name: string, fn: () => Promise<void>, ms = 180_000): Promise<boolean> {
  const started = Date.now();
  try {
    await withTimeout(fn(), ms, name);
    passed++;
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n      ${(e instanceof Error ? e.message : String(e)).split('\n').join('\n      ')}`);
    return false;
  }
}

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

function assertEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

// ------------------------------------------------------------------ data, build, server

function csvRows(name: string): Record<string, string>[] {
  const text = readFileSync(join(DATA_DIR, name), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function ensureData(): void {
  const have = () => [...['reports.csv', 'cells.csv', 'flags.csv'], ...(CUSTOM_DATA ? [] : ['manifest.json'])].every((f) => existsSync(join(DATA_DIR, f)));
  if (have()) return;
  if (CUSTOM_DATA) throw new Error(`DATA_BUILD_DIR=${CUSTOM_DATA} lacks reports.csv, cells.csv or flags.csv`);
  console.log('browser: data/build is missing; running npm run build:data …');
  const r = spawnSync('npm', ['run', 'build:data'], { cwd: ROOT, stdio: 'inherit', env: ENV, timeout: 15 * 60_000 });
  if (r.status !== 0 || !have()) throw new Error('npm run build:data failed; see its output above');
}

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).filter((n) => !n.endsWith('.test.ts')).map((n) => newest(join(p, n))));
}

function ensureBuild(): void {
  const buildId = join(ROOT, '.next', 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(...['app', 'lib', 'next.config.js', 'package.json'].map((p) => newest(join(ROOT, p))));
  if (builtAt >= sourcesAt) return;
  console.log(builtAt ? 'browser: sources changed since the last build; running next build …' : 'browser: no build yet; running next build …');
  const r = spawnSync(NEXT_BIN, ['build'], { cwd: ROOT, stdio: 'inherit', env: ENV, timeout: 20 * 60_000 });
  if (r.status !== 0) throw new Error('next build failed; see its output above');
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

interface Server {
  url: string;
  proc: ChildProcess;
}

/** Servers started by this run, stopped on exit and on Ctrl-C / SIGTERM as well. */
const started: Server[] = [];
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    for (const s of started) stopServer(s);
    console.log(`browser: ${passed} passed, ${failed + 1} failed (interrupted by ${sig})`);
    process.exit(1);
  });
}

async function startServer(dataDir: string, logName: string): Promise<Server> {
  const port = await freePort();
  const log = createWriteStream(join(ARTIFACTS, logName));
  const proc = spawn(NEXT_BIN, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...ENV, DATA_BUILD_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.pipe(log);
  proc.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  started.push({ url, proc });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`next start exited with ${proc.exitCode}; see ${join(ARTIFACTS, logName)}`);
    try {
      const r = await fetch(`${url}/`, { signal: AbortSignal.timeout(5_000) });
      if (r.ok) return { url, proc };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stopServer({ url, proc });
  throw new Error(`next start did not answer on ${url} within 60 s`);
}

function stopServer(s: Server | null): void {
  if (!s?.proc.pid || s.proc.exitCode !== null) return;
  try {
    process.kill(-s.proc.pid, 'SIGTERM'); // the whole process group we started (detached)
  } catch {
    // already gone
  }
}

// ------------------------------------------------------------------ page helpers

interface Watch {
  consoleErrors: string[];
  foreignRequests: string[];
  /** URLs (origin + path) of requests to the app's /data/ routes (to check what the page loads). */
  dataRequests: string[];
}

function watchPage(page: Page, watch: Watch): void {
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(`${page.url()} :: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.consoleErrors.push(`${page.url()} :: pageerror ${e.message}`));
}

async function waitForDb(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="db-summary"], [data-testid="db-error"]', { timeout: DB_READY_MS });
  const err = await page.$('[data-testid="db-error"]');
  if (err) throw new Error(`database failed to start: ${(await err.innerText()).replace(/\s+/g, ' ')}`);
}

/** Wait for the current view's chart and table (or its empty message) to show. */
async function waitForView(page: Page, id: ViewId): Promise<void> {
  await page.waitForSelector(`[data-testid="view-panel"][data-view="${id}"] [data-testid="chart"][data-rendered="true"]`, { timeout: STEP_MS });
  await page.waitForSelector('[data-testid="view-table"], [data-testid="view-empty"]', { timeout: STEP_MS });
}

async function openTab(page: Page, id: ViewId): Promise<void> {
  await page.click(`[data-testid="tab-${id}"]`, { timeout: STEP_MS });
  await waitForView(page, id);
}

/** Texts of one column of the visible table. */
async function columnTexts(page: Page, key: string): Promise<string[]> {
  return page.$$eval(`[data-testid="view-table"] tbody td[data-col="${key}"]`, (tds) => tds.map((td) => (td.textContent ?? '').trim()));
}

async function rowCount(page: Page): Promise<number> {
  return page.$$eval('[data-testid="view-table"] tbody tr', (trs) => trs.length);
}

/** Non-background pixels on the chart canvas (0 when nothing was drawn). */
async function chartInk(page: Page): Promise<number> {
  return page.$eval('[data-testid="chart"] canvas', (c) => {
    const canvas = c as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 16) if (d[i] > 0) ink++;
    return ink;
  });
}

// ------------------------------------------------------------------ the tests

/**
 * Chromium with a persistent profile (so IndexedDB survives reloads and restarts), every request
 * to a host other than 127.0.0.1/localhost recorded in `watch`.
 */
async function launchBrowser(profile: string, watch: Watch): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1360, height: 900 },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 60_000,
  });
  context.setDefaultTimeout(STEP_MS);
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'blob:' || u.protocol === 'data:') return;
    if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') watch.foreignRequests.push(req.url());
    else if (u.pathname.startsWith('/data/')) watch.dataRequests.push(`${u.origin}${u.pathname}`);
  });
  return context;
}


// ------------------------------------------------------------------ uploads (上传年报)

const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const GOLDEN = join(ROOT, 'tests', 'golden', 'corpus');

/** What a person read from a corpus document (tests/golden/corpus/NAME.expected.json). */
interface Golden {
  report: { agency: string | null; year: number | null };
  tables: Partial<Record<'t2' | 't3' | 't4', Record<string, string>>>;
}

function golden(file: string): Golden {
  return JSON.parse(readFileSync(join(GOLDEN, file.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as Golden;
}

/** The value of one golden cell (notation: numbers in the form's column order; `_` blank → null). */
function goldenCell(g: Golden, table: 't2' | 't3' | 't4', row: string, index: number): number | null {
  const tok = g.tables[table]?.[row]?.split(' ')[index];
  if (tok === undefined) throw new Error(`golden has no ${table}.${row}[${index}]`);
  const m = /^~?(-?\d+(?:\.\d+)?)/.exec(tok);
  return m ? Number(m[1]) : null;
}

/**
 * A one-page PDF: with `lines`, Chinese text in the non-embedded font STSong-Light through the
 * predefined UniGB-UCS2-H character map (readable only with pdf.js's cmaps, as some Chinese PDF
 * producers write it); without, a grey rectangle and no text at all, as a scan.
 */
function makePdf(lines: string[] | null): Buffer {
  const hex = (t: string) => `<${[...t].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
  const stream = lines ? lines.map((l, j) => `BT /F1 12 Tf 60 ${780 - j * 24} Td ${hex(l)} Tj ET`).join('\n') : '0.9 g 50 50 495 742 re f';
  const font =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 ' +
    '/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> >>] >>';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    font,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

interface UploadRow {
  file: string;
  outcome: string;
  reportId: string;
  message: string;
}

async function uploadResults(page: Page): Promise<UploadRow[]> {
  return page.$$eval('[data-testid="upload-result"]', (trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return { file: d.file ?? '', outcome: d.outcome ?? '', reportId: d.reportId ?? '', message: (tr.querySelector('td.message')?.textContent ?? '').trim() };
    }),
  );
}

/** Picks files with the 上传年报 input and waits for the result list of that upload. */
async function uploadFiles(page: Page, files: string[]): Promise<UploadRow[]> {
  await page.setInputFiles('[data-testid="upload-input"]', files);
  await page.waitForSelector('[data-testid="upload-progress"]', { state: 'detached', timeout: 120_000 });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="upload-result"]').length === n, files.length, { timeout: STEP_MS });
  return uploadResults(page);
}

/**
 * The upload tests: a fresh tab (its sessionStorage is its own) drops corpus reports of every
 * format plus bad files, then checks the views, the CSV, the filters, the cross-year rule, the
 * report page, a reload and 清除上传的数据. Without ../shared/corpus only the repository's own files
 * (a seed retitled to 2024, bad files) are uploaded.
 */
async function uploadTests(opts: {
  context: BrowserContext;
  base: string;
  watch: Watch;
  reports: Record<string, string>[];
  cells: Record<string, string>[];
}): Promise<void> {
  const { context, base, watch, reports, cells } = opts;
  const corpus = existsSync(CORPUS);
  if (!corpus) console.log(`  - uploads of corpus reports (PDF, HTML, DOCX, Markdown, text): skipped: corpus not present (${CORPUS})`);
  const tmp = mkdtempSync(join(tmpdir(), 'upload-files-'));
  const page = await context.newPage();
  watchPage(page, watch);
  try {
    // Files made here: the seed of 临淄区人民政府办公室 2023 retitled 2024 (its 上年结转 6 differs
    // from 2023's 结转下年度), a photo, a note that is no report, a scan without text, a 21 MB file.
    const linziSeed = readFileSync(join(ROOT, 'data', 'seeds', '004_7ffb10b0611b3e96.txt'), 'utf8');
    const linzi2024 = join(tmp, '临淄区政府办2024年报.txt');
    writeFileSync(linzi2024, linziSeed.replace('2023年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告'));
    const bad = { photo: join(tmp, 'photo.jpg'), notes: join(tmp, 'notes.txt'), scan: join(tmp, 'scan.pdf'), big: join(tmp, 'big.pdf') };
    writeFileSync(bad.photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]));
    writeFileSync(bad.notes, '会议纪要\n\n一、会议时间：2024年3月1日\n二、参会人员：办公室全体\n');
    writeFileSync(bad.scan, makePdf(null));
    writeFileSync(bad.big, Buffer.alloc(21 * 1024 * 1024, 0x20));
    const corpusFiles = corpus
      ? ['huaian-city-government-2024.pdf', 'anonymized-city-government-2025.html', 'blank-template-2021-format.docx', 'shanghai-science-commission-2024.md', 'shuyang-county-government-2025.txt']
      : [];
    const G = Object.fromEntries(corpusFiles.map((f) => [f, golden(f)]));
    const linziBuilt = reports.find((r) => r.source_file.includes('004_7ffb10b0611b3e96'));
    const cellOf = (id: string, row: string) => cells.find((c) => c.report_id === id && c.table === 't3' && c.row === row && c.column === 'total')?.value;
    let results: UploadRow[] = [];
    const idOf = (file: string) => results.find((r) => r.file === file)?.reportId ?? '';

    await test('上传年报: every format is read in the browser; each bad file says why, the others are added', async () => {
      await page.goto(`${base}/?view=applications`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      await waitForView(page, 'applications');
      assert((await page.innerText('[data-testid="upload-button"]')).trim() === '上传年报', 'no 上传年报 button');
      assert((await page.innerText('[data-testid="upload-note"]')).includes('不会发送到任何服务器'), 'the note does not say files stay local');
      results = await uploadFiles(page, [...corpusFiles.map((f) => join(CORPUS, f)), linzi2024, bad.photo, bad.notes, bad.scan, bad.big]);
      const by = (f: string) => results.find((r) => r.file === f.split('/').pop());
      for (const f of corpusFiles) {
        const r = by(f);
        assertEqual(r?.outcome, 'added', `${f} outcome (${r?.message})`);
        const g = G[f].report;
        const who = `${g.agency ?? '（未识别机关）'} ${g.year !== null ? `${g.year} 年度` : '年度未知'}；读到表二、表三、表四`;
        assert(r!.message.startsWith(who), `${f}: message “${r!.message}” does not start with “${who}”`);
      }
      assertEqual(by(linzi2024)?.outcome, 'added', `linzi 2024 outcome (${by(linzi2024)?.message})`);
      const expectBad: Array<[string, string[]]> = [
        [bad.photo, ['不支持的文件类型（.jpg）', '.pdf', 'OCR']],
        [bad.notes, ['未识别为政府信息公开工作年度报告', '请确认文件内容']],
        [bad.scan, ['没有文字层', '扫描件', 'OCR']],
        [bad.big, ['文件过大', '上限 20 MB']],
      ];
      for (const [f, parts] of expectBad) {
        const r = by(f);
        assertEqual(r?.outcome, 'rejected', `${f} outcome`);
        for (const p of parts) assert(r!.message.includes(p), `${f}: message “${r!.message}” lacks “${p}”`);
      }
      const added = corpusFiles.length + 1;
      assertEqual(await page.getAttribute('[data-testid="upload-results"]', 'data-added'), String(added), 'added count');
      await page.waitForSelector(`[data-testid="upload-summary"][data-count="${added}"]`, { timeout: STEP_MS });
      // The built-in counts are unchanged.
      assert((await page.innerText('[data-testid="db-summary"]')).includes(`${reports.length} 份报告`), 'built-in count changed');
      await page.screenshot({ path: join(ARTIFACTS, 'upload-results.png'), fullPage: true });
    }, 300_000);

    await test('依申请公开: uploaded reports beside the built-in ones, marked 上传, with the numbers printed in them', async () => {
      await waitForView(page, 'applications');
      await page.waitForFunction(() => !document.querySelector('[data-testid="view-loading"]'), undefined, { timeout: STEP_MS });
      const ids = await columnTexts(page, 'report_id');
      const origins = await columnTexts(page, 'origin');
      const uploaded = results.filter((r) => r.outcome === 'added').map((r) => r.reportId);
      for (const id of uploaded) assertEqual(origins[ids.indexOf(id)], '上传', `origin of ${id}`);
      const builtIn = ids.filter((_, i) => origins[i] === '内置');
      assertEqual(builtIn.length, new Set(cells.filter((c) => c.table === 't3').map((c) => c.report_id)).size, 'built-in rows');
      assert((await page.$$('[data-testid="view-table"] [data-testid="upload-badge"]')).length === uploaded.length, 'a 上传 badge per uploaded row');
      const rowOf = (id: string) => page.locator('[data-testid="view-table"] tbody tr', { has: page.locator(`td[data-col="report_id"]`, { hasText: id }) });
      const cell = async (id: string, k: string) => (await rowOf(id).locator(`td[data-col="${k}"]`).innerText()).trim();
      const n = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US'));
      // 临淄 2024 (the seed): the same numbers as the built-in 2023 report.
      assert(linziBuilt, 'seed 004 missing');
      assertEqual(await cell(idOf('临淄区政府办2024年报.txt'), 'new_received'), n(Number(cellOf(linziBuilt.report_id, 'new_received'))), '临淄 2024 本年新收');
      if (corpus) {
        for (const f of ['huaian-city-government-2024.pdf', 'anonymized-city-government-2025.html']) {
          const g = G[f];
          const id = idOf(f);
          assertEqual(await cell(id, 'agency'), g.report.agency, `${f} agency`);
          assertEqual(await cell(id, 'year'), String(g.report.year), `${f} year`);
          assertEqual(await cell(id, 'new_received'), n(goldenCell(g, 't3', 'new_received', 6)), `${f} 本年新收 总计`);
          assertEqual(await cell(id, 'carried_over'), n(goldenCell(g, 't3', 'carried_over', 6)), `${f} 上年结转 总计`);
          assertEqual(await cell(id, 'granted'), n(goldenCell(g, 't3', 'granted', 6)), `${f} 予以公开 总计`);
          assertEqual(await cell(id, 'total_processed'), n(goldenCell(g, 't3', 'total_processed', 6)), `${f} 总计`);
          const rate = ((goldenCell(g, 't3', 'granted', 6)! + goldenCell(g, 't3', 'partially_granted', 6)!) / goldenCell(g, 't3', 'total_processed', 6)!) * 100;
          assertEqual(await cell(id, 'disclosure_rate'), `${rate.toFixed(1)}%`, `${f} 实质公开率`);
        }
        // The blank form: a row, every number empty (blank is not zero).
        assertEqual(await cell(idOf('blank-template-2021-format.docx'), 'new_received'), '—', 'blank form 本年新收');
      }
      assert((await chartInk(page)) > 500, 'chart looks empty');
      await page.screenshot({ path: join(ARTIFACTS, 'upload-view-applications.png'), fullPage: true });
    });

    await test('下载 CSV: the origin column says which rows were uploaded, with their values', async () => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.click('[data-testid="download-csv"]')]);
      const file = join(ARTIFACTS, 'download-with-uploads.csv');
      await download.saveAs(file);
      const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
      assertEqual(Object.keys(rows[0]), APPLICATIONS_VIEW.columns.map((c) => c.key), 'CSV header');
      const uploaded = results.filter((r) => r.outcome === 'added').map((r) => r.reportId).sort();
      assertEqual(rows.filter((r) => r.origin === 'upload').map((r) => r.report_id).sort(), uploaded, 'rows marked upload');
      assert(rows.filter((r) => r.origin !== 'upload').every((r) => r.origin === 'embedded'), 'other rows are not marked embedded');
      const row = (f: string) => rows.find((r) => r.report_id === idOf(f));
      if (corpus) {
        for (const f of ['huaian-city-government-2024.pdf', 'anonymized-city-government-2025.html']) {
          for (const k of ['new_received', 'carried_over', 'total_processed', 'carried_forward']) {
            assertEqual(row(f)?.[k], String(goldenCell(G[f], 't3', k, 6)), `CSV ${f} ${k}`);
          }
        }
        assertEqual(row('blank-template-2021-format.docx')?.new_received, '', 'CSV blank form new_received (empty, not 0)');
      }
    });

    if (corpus) await test('主动公开 and 复议诉讼 show the uploaded tables 二 and 四 as printed', async () => {
      await openTab(page, 'proactive');
      await page.waitForFunction(() => !document.querySelector('[data-testid="view-loading"]'), undefined, { timeout: STEP_MS });
      const rowOf = (id: string) => page.locator('[data-testid="view-table"] tbody tr', { has: page.locator(`td[data-col="report_id"]`, { hasText: id }) });
      const cell = async (id: string, k: string) => (await rowOf(id).locator(`td[data-col="${k}"]`).innerText()).trim();
      const fmt = (v: number | null, digits = 2) => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));
      for (const f of ['huaian-city-government-2024.pdf', 'anonymized-city-government-2025.html']) {
        const g = G[f];
        assertEqual(await cell(idOf(f), 'normative_documents_in_force'), fmt(goldenCell(g, 't2', 'normative_documents', 2)), `${f} 行政规范性文件·现行有效`);
        assertEqual(await cell(idOf(f), 'licensing_decisions'), fmt(goldenCell(g, 't2', 'licensing', 0)), `${f} 行政许可`);
        assertEqual(await cell(idOf(f), 'fees_amount'), fmt(goldenCell(g, 't2', 'fees', 0), 4), `${f} 收费（万元）`);
      }
      await page.screenshot({ path: join(ARTIFACTS, 'upload-view-proactive.png'), fullPage: true });
      await openTab(page, 'review_litigation');
      await page.waitForFunction(() => !document.querySelector('[data-testid="view-loading"]'), undefined, { timeout: STEP_MS });
      for (const f of ['huaian-city-government-2024.pdf', 'anonymized-city-government-2025.html']) {
        const g = G[f];
        assertEqual(await cell(idOf(f), 'review_total'), fmt(goldenCell(g, 't4', 'review', 4)), `${f} 行政复议·总计`);
        const lit = goldenCell(g, 't4', 'litigation_direct', 4)! + goldenCell(g, 't4', 'litigation_after_review', 4)!;
        assertEqual(await cell(idOf(f), 'litigation_total'), fmt(lit), `${f} 行政诉讼·总计`);
      }
    });

    await test('来源 filter keeps only the uploads; the 机关 filter marks agencies with uploads', async () => {
      await openTab(page, 'applications');
      await page.selectOption('[data-testid="filter-origin"]', 'upload');
      const uploaded = results.filter((r) => r.outcome === 'added').length;
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="view-table"] tbody tr').length === n && !document.querySelector('[data-testid="view-loading"]'),
        uploaded,
        { timeout: STEP_MS },
      );
      assert((await columnTexts(page, 'origin')).every((o) => o === '上传'), 'a built-in row under 仅上传的');
      assert((await page.innerText('[data-testid="filter-sentence"]')).includes('来源为本浏览器中上传的文件'), 'sentence lacks the origin');
      assertEqual(new URL(page.url()).searchParams.get('origin'), 'upload', 'origin in the URL');
      await page.click('[data-testid="filter-agency"] summary');
      const marked = await page.$$eval('[data-testid="filter-agency-option"]', (els) =>
        els.filter((el) => el.closest('label')?.querySelector('[data-testid="upload-badge"]')).map((el) => (el as HTMLElement).dataset.value),
      );
      await page.click('[data-testid="filter-agency"] summary');
      assert(marked.includes('临淄区人民政府办公室'), `agencies marked 上传: ${marked.join('、')}`);
      if (corpus) assert(marked.includes('淮安市人民政府') && marked.includes('测试市人民政府'), `agencies marked 上传: ${marked.join('、')}`);
      await page.screenshot({ path: join(ARTIFACTS, 'upload-filter-origin.png'), fullPage: true });
      await page.click('[data-testid="filter-clear"]');
    });

    await test('the cross-year rule ran against the built-in report: 临淄 2024 上年结转 ≠ 2023 结转下年度', async () => {
      assert(linziBuilt, 'seed 004 missing');
      const p = new URLSearchParams({ view: 'compliance', origin: 'upload', agency: '临淄区人民政府办公室' });
      await page.goto(`${base}/?${p.toString()}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      await waitForView(page, 'compliance');
      const row = page.locator('[data-testid="view-table"] tbody tr', { has: page.locator('td[data-col="rule"]', { hasText: 'CARRYOVER_CONTINUITY' }) });
      assertEqual(await row.count(), 1, 'CARRYOVER_CONTINUITY rows');
      const cell = async (k: string) => (await row.locator(`td[data-col="${k}"]`).innerText()).trim();
      assertEqual(await cell('year'), '2024', 'year');
      assertEqual(await cell('origin'), '上传', 'origin');
      assertEqual(await cell('expected'), cellOf(linziBuilt.report_id, 'carried_forward'), '应为 = 2023 结转下年度 (cells.csv)');
      assertEqual(await cell('actual'), cellOf(linziBuilt.report_id, 'carried_over'), '实为 = the upload’s 上年结转');
      const rules = await columnTexts(page, 'rule');
      assert(rules.includes('TEXT_REUSE'), `rules: ${rules.join(', ')}`);
      await page.screenshot({ path: join(ARTIFACTS, 'upload-compliance.png'), fullPage: true });
    });

    await test('an uploaded report opens its report page (text, tables, flags), also after a reload', async () => {
      const file = corpus ? 'huaian-city-government-2024.pdf' : '临淄区政府办2024年报.txt';
      const id = idOf(file);
      await page.goto(`${base}/?view=coverage`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      await page.waitForSelector('[data-testid="coverage-table"]', { timeout: STEP_MS });
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
        if (corpus) {
          assert(title.includes('淮安市人民政府') && title.includes('2024'), `${round}: title ${title}`);
          assert(text.includes('淮安市人民政府'), `${round}: source text lacks the agency`);
          const t3 = (await page.innerText(`td.cell[data-ref="t3.new_received.total"]`)).trim();
          assertEqual(t3, goldenCell(G[file], 't3', 'new_received', 6)!.toLocaleString('en-US'), `${round}: 表三 本年新收 总计`);
        } else {
          assert(text.includes('临淄区人民政府办公室'), `${round}: source text`);
        }
        if (round === 'clicked') {
          await page.screenshot({ path: join(ARTIFACTS, 'upload-report-page.png'), fullPage: false });
          await page.reload({ waitUntil: 'domcontentloaded' });
        }
      }
    });

    await test('a file dropped onto the drop zone is read like a picked one', async () => {
      const name = corpus ? 'shanghai-government-office-2025.md' : 'linzi-copy.md';
      const body = corpus ? readFileSync(join(CORPUS, name), 'utf8') : linziSeed;
      await page.goto(`${base}/?view=applications`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      const before = Number(await page.getAttribute('[data-testid="upload-summary"]', 'data-count'));
      assertEqual(before, results.filter((r) => r.outcome === 'added').length, 'uploads after the reloads (kept in the tab)');
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
      assertEqual(r.outcome, corpus ? 'added' : 'duplicate', `dropped file (${r.message})`);
      if (corpus) await page.waitForSelector(`[data-testid="upload-summary"][data-count="${before + 1}"]`, { timeout: STEP_MS });
    });

    await test('a PDF in a non-embedded Chinese font is read with the character maps the app serves', async () => {
      const file = join(tmp, 'cjk-font.pdf');
      writeFileSync(
        file,
        makePdf(['某县人民政府', '2024年政府信息公开工作年度报告', '一、总体情况', '2024年，本县坚持以公开为常态、不公开为例外，全面推进政务公开。', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、政府信息公开工作存在的主要问题及改进情况', '六、其他需要报告的事项', '某县人民政府办公室', '2025年1月20日']),
      );
      const cmaps: string[] = [];
      const onRequest = (r: { url: () => string }) => {
        if (r.url().includes('/pdfjs/cmaps/')) cmaps.push(r.url());
      };
      page.on('request', onRequest);
      try {
        const [r] = await uploadFiles(page, [file]);
        assertEqual(r.outcome, 'added', `cjk-font.pdf (${r.message})`);
        assert(r.message.startsWith('某县人民政府 2024 年度；没有读到表格'), `message: ${r.message}`);
        assert(cmaps.length > 0 && cmaps.every((u) => u.startsWith(`${base}/pdfjs/cmaps/`)), `character maps requested: ${cmaps.join(', ')}`);
      } finally {
        page.off('request', onRequest);
      }
    });

    await test('清除上传的数据 removes every upload and leaves the built-in data', async () => {
      await page.click('[data-testid="upload-clear"]');
      await page.waitForSelector('[data-testid="upload-summary"]', { state: 'detached', timeout: STEP_MS });
      await waitForView(page, 'applications');
      await page.waitForFunction(() => !document.querySelector('[data-testid="view-loading"]'), undefined, { timeout: STEP_MS });
      assert((await columnTexts(page, 'origin')).every((o) => o === '内置'), 'uploaded rows left after 清除');
      await page.reload({ waitUntil: 'domcontentloaded' });
      await waitForDb(page);
      assert(!(await page.$('[data-testid="upload-summary"]')), 'uploads came back after a reload');
    });
  } finally {
    await page.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function run(): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  let server: Server | null = null;
  let emptyServer: Server | null = null;
  let context: BrowserContext | null = null;
  const profile = mkdtempSync(join(tmpdir(), 'dashboard-profile-'));
  const emptyData = mkdtempSync(join(tmpdir(), 'dashboard-nodata-'));
  const watch: Watch = { consoleErrors: [], foreignRequests: [], dataRequests: [] };

  try {
    const setupOk = await test('setup: data, build and server', async () => {
      ensureData();
      ensureBuild();
      server = await startServer(DATA_DIR, 'server.log');
    }, 40 * 60_000);
    if (!setupOk || !server) return;
    const base: string = (server as Server).url;

    // Expected values straight from the data files (not through the app or its SQL).
    const reports = csvRows('reports.csv');
    const cells = csvRows('cells.csv');
    const flags = csvRows('flags.csv');
    const withTable = (t: string) => new Set(cells.filter((c) => c.table === t).map((c) => c.report_id));
    const agencyOf = new Map(reports.map((r) => [r.report_id, r.agency]));
    const seed = (n: string) => reports.find((r) => r.source_file.includes(n));
    const linzi = seed('004_7ffb10b0611b3e96'); // 临淄区人民政府办公室 2023
    const wendeng = seed('001_8a13ebfd976f8452'); // 威海市文登区科学技术局 2022, no tables

    context = await launchBrowser(profile, watch);
    let page = context.pages()[0] ?? (await context.newPage());
    watchPage(page, watch);

    await test('the server renders the loading state first', async () => {
      const html = await (await fetch(`${base}/`, { signal: AbortSignal.timeout(10_000) })).text();
      assert(html.includes('正在加载数据库…'), 'server HTML lacks 正在加载数据库…');
      assert(html.includes('lang="zh-CN"'), 'html lang is not zh-CN');
    });

    await test('the data route serves the CSVs and explains unknown names', async () => {
      const ok = await fetch(`${base}/data/reports.csv`, { signal: AbortSignal.timeout(10_000) });
      assertEqual(ok.status, 200, 'reports.csv status');
      assert((await ok.text()).startsWith('report_id,'), 'reports.csv does not start with its header');
      const bad = await fetch(`${base}/data/secret.txt`, { signal: AbortSignal.timeout(10_000) });
      assertEqual(bad.status, 404, 'unknown file status');
      assert((await bad.text()).includes('reports.csv'), '404 text does not list the files');
    });

    await test('DuckDB-WASM starts and loads every row of the data files', async () => {
      await page.goto(`${base}/`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      const summary = await page.innerText('[data-testid="db-summary"]');
      assert(
        summary.includes(`${reports.length} 份报告`) && summary.includes(`${cells.length} 个表格单元格`) && summary.includes(`${flags.length} 条检查结果`),
        `summary "${summary}" does not match ${reports.length}/${cells.length}/${flags.length}`,
      );
      await page.screenshot({ path: join(ARTIFACTS, '00-loaded.png'), fullPage: true });
    });

    const tableViews: Array<{ id: ViewId; table: string; names: string[] }> = [
      { id: 'proactive', table: 't2', names: ['临淄', '二七', '运城'] },
      { id: 'applications', table: 't3', names: ['临淄', '二七', '运城'] },
      { id: 'review_litigation', table: 't4', names: ['临淄', '二七', '运城'] },
    ];
    for (const v of tableViews) {
      await test(`${VIEWS.find((x) => x.id === v.id)!.title}: chart drawn, one row per report with ${v.table}`, async () => {
        await openTab(page, v.id);
        const ink = await chartInk(page);
        assert(ink > 500, `chart canvas looks empty (${ink} inked samples)`);
        const expected = [...withTable(v.table)].map((id) => agencyOf.get(id) ?? '').sort();
        const shown = (await columnTexts(page, 'agency')).sort();
        assertEqual(shown, expected, 'agencies in the table');
        for (const n of v.names) assert(shown.some((a) => a.includes(n)), `no agency containing ${n}`);
        if (wendeng) assert(!shown.includes(wendeng.agency), `${wendeng.agency} has no tables but is shown`);
        await page.screenshot({ path: join(ARTIFACTS, `view-${v.id}.png`), fullPage: true });
      });
    }

    await test('依申请公开: 临淄区人民政府办公室 2023 shows 27 new, 31 processed, 25.8%', async () => {
      assert(linzi, 'seed 004 is not in reports.csv');
      await openTab(page, 'applications');
      const row = page.locator('[data-testid="view-table"] tbody tr', { hasText: linzi.agency }).filter({ hasText: '2023' });
      const cell = async (k: string) => (await row.locator(`td[data-col="${k}"]`).innerText()).trim();
      assertEqual(await cell('new_received'), '27', '本年新收');
      assertEqual(await cell('carried_over'), '6', '上年结转');
      assertEqual(await cell('total_processed'), '31', '办理结果总计');
      assertEqual(await cell('disclosure_rate'), '25.8%', '实质公开率');
    });

    await test('合规: flags of every report, including 文登 (no tables)', async () => {
      await openTab(page, 'compliance');
      assertEqual(await rowCount(page), flags.filter((f) => agencyOf.has(f.report_id)).length, 'flag rows');
      const agencies = await columnTexts(page, 'agency');
      assert(agencies.some((a) => a.includes('文登')), 'no flag row for 文登');
      assert(await chartInk(page) > 500, 'compliance chart looks empty');
      await page.screenshot({ path: join(ARTIFACTS, 'view-compliance.png'), fullPage: true });
    });

    // Filter by the region of seed 004, chosen in the UI; the expected rows come from the files.
    const region = linzi?.region ?? '';
    const inRegion = new Set(reports.filter((r) => r.region === region).map((r) => r.report_id));
    const expectedIds = [...withTable('t3')].filter((id) => inRegion.has(id)).sort();

    await test('a region filter narrows the table and the sentence says so', async () => {
      assert(region, 'seed 004 has no region');
      await openTab(page, 'applications');
      const before = await rowCount(page);
      await page.click('[data-testid="filter-region"] summary');
      await page.check(`[data-testid="filter-region-option"][data-value="${region}"]`);
      await page.click('[data-testid="filter-region"] summary'); // close the drop-down
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="view-table"] tbody tr').length === n && !document.querySelector('[data-testid="view-loading"]'),
        expectedIds.length,
        { timeout: STEP_MS },
      );
      const after = await rowCount(page);
      assert(after < before, `table did not change (${before} → ${after})`);
      const regions = await columnTexts(page, 'region');
      assert(regions.every((r) => r === region), `rows outside ${region}: ${regions.join(', ')}`);
      assertEqual((await columnTexts(page, 'report_id')).sort(), expectedIds, 'report ids after filtering');
      const sentence = await page.innerText('[data-testid="filter-sentence"]');
      assertEqual(sentence, describeFilter({ agencies: [], regions: [region] }), 'filter sentence');
      assert(new URL(page.url()).searchParams.getAll('region').includes(region), 'URL does not carry the filter');
      await page.screenshot({ path: join(ARTIFACTS, 'view-applications-filtered.png'), fullPage: true });
    });

    await test('下载 CSV gives exactly the filtered rows, with a BOM and the header', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: STEP_MS }),
        page.click('[data-testid="download-csv"]'),
      ]);
      const file = join(ARTIFACTS, 'download.csv');
      await download.saveAs(file);
      const name = download.suggestedFilename();
      assert(name.startsWith('依申请公开_') && name.includes(region) && name.endsWith('.csv'), `file name ${name}`);
      const text = readFileSync(file, 'utf8');
      assert(text.charCodeAt(0) === 0xfeff, 'no UTF-8 BOM');
      const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
      assertEqual(parsed.data[0], APPLICATIONS_VIEW.columns.map((c) => c.key), 'CSV header');
      const body = parsed.data.slice(1);
      assertEqual(body.length, expectedIds.length, 'CSV data rows');
      const idCol = parsed.data[0].indexOf('report_id');
      assertEqual(body.map((r) => r[idCol]).sort(), expectedIds, 'CSV report ids');
      if (linzi && expectedIds.includes(linzi.report_id)) {
        const r = body.find((x) => x[idCol] === linzi.report_id)!;
        assertEqual(r[parsed.data[0].indexOf('new_received')], '27', 'CSV new_received of seed 004');
      }
    });

    await test('a year filter applies to every view', async () => {
      await page.click('[data-testid="filter-clear"]');
      await page.selectOption('[data-testid="filter-year-from"]', '2023');
      await page.selectOption('[data-testid="filter-year-to"]', '2023');
      for (const id of ['proactive', 'compliance'] as ViewId[]) {
        await openTab(page, id);
        await page.waitForFunction(() => !document.querySelector('[data-testid="view-loading"]'), undefined, { timeout: STEP_MS });
        const years = await columnTexts(page, 'year');
        assert(years.every((y) => y === '2023'), `${id}: years ${years.join(',')}`);
      }
      assert((await page.innerText('[data-testid="filter-sentence"]')).includes('2023 年'), 'sentence lacks 2023 年');
    });

    await test('an agency filter in the URL opens 合规 for 文登 only', async () => {
      assert(wendeng?.agency, 'seed 001 has no agency');
      const p = new URLSearchParams({ view: 'compliance', agency: wendeng.agency });
      await page.goto(`${base}/?${p.toString()}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      await waitForView(page, 'compliance');
      const agencies = await columnTexts(page, 'agency');
      assertEqual(agencies.length, flags.filter((f) => f.report_id === wendeng.report_id).length, 'flag rows for 文登');
      assert(agencies.every((a) => a === wendeng.agency), 'rows of other agencies');
      const rules = await columnTexts(page, 'rule');
      assert(rules.includes('TABLE_MISSING'), `rules shown: ${rules.join(', ')}`);
      await page.screenshot({ path: join(ARTIFACTS, 'view-compliance-wendeng.png'), fullPage: true });
    });

    // ---------------------------------------------------------------- review, report page, coverage
    const yuncheng = seed('003_6424f50ad3d5c809'); // 运城市科学技术局 2022: three CELL_INFERRED flags
    const inferredFlags = flags.filter((f) => f.report_id === yuncheng?.report_id && f.rule === 'CELL_INFERRED');
    const target = inferredFlags.find((f) => f.subject === 't3.granted.natural_person');
    const knownFlags = flags.filter((f) => agencyOf.has(f.report_id));
    const NOTE = '原文表格“自然人”一栏确为空，按总计推算无误';
    const exported = join(ARTIFACTS, 'decisions.csv');

    const counts = async (p: Page) => {
      await p.waitForSelector('[data-testid="review-counts"]', { timeout: STEP_MS });
      return p.$eval('[data-testid="review-counts"]', (el) => {
        const d = (el as HTMLElement).dataset;
        return { total: Number(d.total), open: Number(d.open), confirmed: Number(d.confirmed), dismissed: Number(d.dismissed), orphaned: Number(d.orphaned), stored: Number(d.stored) };
      });
    };
    const waitForQueue = async (p: Page) => {
      await p.waitForSelector('[data-testid="queue-table"], [data-testid="queue-empty"]', { timeout: STEP_MS });
      await p.waitForFunction(() => !document.querySelector('[data-testid="view-loading"]'), undefined, { timeout: STEP_MS });
      await counts(p);
    };
    const queueFingerprints = (p: Page) => p.$$eval('[data-testid="queue-row"]', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.fingerprint ?? ''));
    const waitForReport = async (p: Page, id: string) => {
      await p.waitForURL((u) => u.pathname === `/report/${id}`, { timeout: STEP_MS });
      await p.waitForSelector(`[data-testid="report-page"][data-report-id="${id}"] [data-testid="flag-count"], [data-testid="report-error"], [data-testid="db-error"]`, { timeout: DB_READY_MS });
      const err = await p.$('[data-testid="report-error"], [data-testid="db-error"]');
      if (err) throw new Error(`report page error: ${(await err.innerText()).replace(/\s+/g, ' ')}`);
    };

    await test('审核: the queue lists every flag; a rule filter narrows it to 运城’s CELL_INFERRED flags', async () => {
      assert(yuncheng && target && inferredFlags.length === 3, `seed 003 should have 3 CELL_INFERRED flags, found ${inferredFlags.length}`);
      await page.goto(`${base}/?view=review`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      await waitForQueue(page);
      assertEqual((await queueFingerprints(page)).sort(), knownFlags.map((f) => f.fingerprint).sort(), 'queue fingerprints = flags.csv');
      assertEqual(await counts(page), { total: knownFlags.length, open: knownFlags.length, confirmed: 0, dismissed: 0, orphaned: 0, stored: 0 }, 'counts on a fresh profile');
      await page.click('[data-testid="filter-rule"] summary');
      await page.check('[data-testid="filter-rule-option"][data-value="CELL_INFERRED"]');
      await page.click('[data-testid="filter-rule"] summary');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="queue-row"]').length === n, inferredFlags.length, { timeout: STEP_MS });
      assertEqual((await queueFingerprints(page)).sort(), inferredFlags.map((f) => f.fingerprint).sort(), 'filtered queue');
      const sentence = await page.innerText('[data-testid="review-sentence"]');
      assert(sentence.includes('规则为“单元格未印出，按勾稽关系推算”'), `sentence: ${sentence}`);
      assert(new URL(page.url()).searchParams.get('rule') === 'CELL_INFERRED', `URL lacks rule: ${page.url()}`);
      await page.screenshot({ path: join(ARTIFACTS, 'review-queue.png'), fullPage: true });
    });

    await test('open a flagged report from the queue: its cells are highlighted, the flag explains itself', async () => {
      assert(yuncheng && target, 'no target flag');
      await page.click(`[data-testid="queue-row"][data-fingerprint="${target.fingerprint}"] [data-testid="queue-open-report"]`);
      await waitForReport(page, yuncheng.report_id);
      await page.waitForSelector('[data-testid="source-text"]', { timeout: STEP_MS });
      // 表三 as the form prints it: 25 rows × 7 columns.
      assertEqual(await page.$$eval('[data-testid="form-table-t3"] td.cell', (tds) => tds.length), 25 * 7, '表三 cells');
      const flagged = await page.$$eval('td.cell[data-flagged="true"]', (tds) => tds.map((td) => (td as HTMLElement).dataset.ref ?? '').sort());
      const cellRefs = flags
        .filter((f) => f.report_id === yuncheng.report_id)
        .flatMap((f) => f.subject.split(';'))
        .filter((r) => /^t[234]\.[a-z_]+\.[a-z_]+$/.test(r));
      assertEqual(flagged, [...new Set(cellRefs)].sort(), 'highlighted cells = the cells the flags name');
      assert(inferredFlags.every((f) => flagged.includes(f.subject)), 'a CELL_INFERRED cell is not highlighted');
      const cell = await page.$eval(`td.cell[data-ref="${target.subject}"]`, (td) => ({
        status: (td as HTMLElement).dataset.status,
        cls: td.className,
        outline: getComputedStyle(td).outlineStyle,
        text: (td.textContent ?? '').trim(),
      }));
      const expectedValue = cells.find((c) => c.report_id === yuncheng.report_id && `${c.table}.${c.row}.${c.column}` === target.subject)?.value;
      assertEqual(cell.status, 'inferred', 'status of the flagged cell');
      assertEqual(cell.text, expectedValue, 'value of the flagged cell');
      assert(cell.cls.includes('sel') && cell.outline === 'solid', `selected cell not visibly highlighted: ${JSON.stringify(cell)}`);
      const card = page.locator(`[data-testid="flag-card"][data-fingerprint="${target.fingerprint}"]`);
      assertEqual(await card.getAttribute('data-selected'), 'true', 'the flag from the queue is selected');
      const cardText = await card.innerText();
      for (const part of ['单元格未印出，按勾稽关系推算', '提示', '推算值', '国办公开办函〔2021〕30号', target.message.slice(0, 12)]) {
        assert(cardText.includes(part), `flag card lacks “${part}”: ${cardText}`);
      }
      assert(await page.isVisible('[data-testid="cell-legend"]'), 'no legend');
      // The printed row of the flagged cell is marked in the source text (six numbers, 自然人 lost).
      const marked = await page.$$eval(`[data-testid="text-mark"][data-flags~="${target.fingerprint}"]`, (ms) => ms.map((m) => ({ text: m.textContent ?? '', cls: m.className })));
      assertEqual(marked.length, 1, 'text marks of the selected flag');
      assert(marked[0].text.includes('予以公开') && marked[0].cls.includes('sel'), `text mark: ${JSON.stringify(marked[0])}`);
      await page.screenshot({ path: join(ARTIFACTS, 'report-page.png'), fullPage: true });
    });

    await test('dismiss the flag with a note (a note is required); the decision survives a reload', async () => {
      assert(yuncheng && target, 'no target flag');
      const card = `[data-testid="flag-card"][data-fingerprint="${target.fingerprint}"]`;
      await page.click(`${card} [data-testid="decision-dismiss"]`);
      const err = await page.waitForSelector(`${card} [data-testid="decision-error"]`, { timeout: STEP_MS });
      assert((await err.innerText()).includes('驳回时请在备注中写明理由'), 'no message for a dismissal without a note');
      await page.fill(`${card} [data-testid="decision-note"]`, NOTE);
      await page.click(`${card} [data-testid="decision-dismiss"]`);
      await page.waitForSelector(`${card} [data-testid="decision"][data-status="dismissed"]`, { timeout: STEP_MS });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await waitForReport(page, yuncheng.report_id);
      await page.waitForSelector(`${card} [data-testid="decision"][data-status="dismissed"]`, { timeout: STEP_MS });
      assert((await page.innerText(`${card} [data-testid="decision-saved-note"]`)).includes(NOTE), 'note lost after reload');
    });

    await test('返回看板 keeps the filters; the queue shows the decision', async () => {
      assert(target, 'no target flag');
      await page.click('[data-testid="back-to-dashboard"]');
      await page.waitForURL((u) => u.pathname === '/', { timeout: STEP_MS });
      await waitForDb(page);
      await waitForQueue(page);
      const params = new URL(page.url()).searchParams;
      assertEqual([params.get('view'), params.get('rule')], ['review', 'CELL_INFERRED'], 'dashboard state after 返回看板');
      assertEqual(await queueFingerprints(page).then((x) => x.length), inferredFlags.length, 'queue rows after 返回看板');
      assertEqual(await page.getAttribute(`[data-testid="queue-row"][data-fingerprint="${target.fingerprint}"]`, 'data-status'), 'dismissed', 'row status');
      assertEqual(await counts(page), { total: 3, open: 2, confirmed: 0, dismissed: 1, orphaned: 0, stored: 1 }, 'counts');
    });

    await test('导出审核结果 writes a CSV with a BOM, the decision and its note', async () => {
      assert(target, 'no target flag');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.click('[data-testid="export-decisions"]')]);
      await download.saveAs(exported);
      assert(/^审核结果_\d{4}-\d{2}-\d{2}\.csv$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`);
      const text = readFileSync(exported, 'utf8');
      assert(text.charCodeAt(0) === 0xfeff, 'no BOM');
      const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
      assertEqual(rows[0], [...DECISION_COLUMNS], 'header');
      assertEqual(rows.length, 2, 'rows');
      const r = Object.fromEntries(rows[0].map((k, i) => [k, rows[1][i]]));
      assertEqual([r.fingerprint, r.decision, r.note, r.report_id, r.rule, r.subject], [target.fingerprint, 'dismissed', NOTE, target.report_id, 'CELL_INFERRED', target.subject], 'exported row');
    });

    await test('a bad import file is refused with a Chinese message and leaves the decisions untouched', async () => {
      const before = await counts(page);
      const bad = mkdtempSync(join(tmpdir(), 'bad-import-'));
      try {
        // A dashboard view download instead of a decisions file (wrong columns).
        const viewCsv = join(ARTIFACTS, 'download.csv');
        await page.setInputFiles('[data-testid="import-decisions"]', viewCsv);
        let err = await page.waitForSelector('[data-testid="import-error"]', { timeout: STEP_MS });
        let msg = await err.innerText();
        assert(msg.includes('缺少必需的列') && msg.includes('fingerprint') && msg.includes('现有的审核结果没有任何改动'), `message: ${msg}`);
        assertEqual(await counts(page), before, 'counts after a wrong-columns import');
        // The exported file with an unknown decision value.
        const unknown = join(bad, 'unknown-value.csv');
        writeFileSync(unknown, readFileSync(exported, 'utf8').replace(',dismissed,', ',rejected,'));
        await page.setInputFiles('[data-testid="import-decisions"]', unknown);
        await page.waitForFunction(() => (document.querySelector('[data-testid="import-error"]')?.textContent ?? '').includes('rejected'), undefined, { timeout: STEP_MS });
        msg = await page.innerText('[data-testid="import-error"]');
        assert(msg.includes('无法识别的值') && msg.includes('confirmed（确认）或 dismissed（驳回）'), `message: ${msg}`);
        // Not CSV at all: a zip (as an .xlsx is).
        const zip = join(bad, 'workbook.csv');
        writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]));
        await page.setInputFiles('[data-testid="import-decisions"]', zip);
        await page.waitForFunction(() => (document.querySelector('[data-testid="import-error"]')?.textContent ?? '').includes('Excel'), undefined, { timeout: STEP_MS });
        err = await page.waitForSelector('[data-testid="import-error"]');
        assertEqual(await counts(page), before, 'counts after bad imports');
        assertEqual(
          await page.getAttribute(`[data-testid="queue-row"][data-fingerprint="${target!.fingerprint}"]`, 'data-status'),
          'dismissed',
          'decision after bad imports',
        );
        await page.screenshot({ path: join(ARTIFACTS, 'review-import-error.png'), fullPage: false });
      } finally {
        rmSync(bad, { recursive: true, force: true });
      }
    });

    await test('撤销 the decision, then importing the exported CSV restores it', async () => {
      assert(target, 'no target flag');
      const row = `[data-testid="queue-row"][data-fingerprint="${target.fingerprint}"]`;
      await page.click(`${row} [data-testid="decision-undo"]`);
      await page.waitForSelector(`${row}[data-status="open"]`, { timeout: STEP_MS });
      assertEqual((await counts(page)).stored, 0, 'stored after 撤销');
      await page.setInputFiles('[data-testid="import-decisions"]', exported);
      const ok = await page.waitForSelector('[data-testid="import-ok"]', { timeout: STEP_MS });
      assert((await ok.innerText()).includes('新增 1 条'), `import message: ${await ok.innerText()}`);
      await page.waitForSelector(`${row}[data-status="dismissed"]`, { timeout: STEP_MS });
      assert((await page.innerText(`${row} [data-testid="decision-saved-note"]`)).includes(NOTE), 'note not restored');
    });

    await test('the decision survives closing and restarting the browser (IndexedDB in the profile)', async () => {
      assert(yuncheng && target, 'no target flag');
      await context!.close();
      context = await launchBrowser(profile, watch);
      page = context.pages()[0] ?? (await context.newPage());
      watchPage(page, watch);
      await page.goto(`${base}/report/${yuncheng.report_id}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForReport(page, yuncheng.report_id);
      await page.waitForSelector(`[data-testid="flag-card"][data-fingerprint="${target.fingerprint}"] [data-testid="decision"][data-status="dismissed"]`, { timeout: STEP_MS });
    });

    await test('a decision whose flag is not in the data is kept and shown as 孤立', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'orphan-import-'));
      try {
        const file = join(dir, 'orphan.csv');
        // As a decision made on an older build: its report was since replaced.
        writeFileSync(file, `\uFEFF${DECISION_COLUMNS.join(',')}\r\nffffffffffffffff,confirmed,旧数据中的一条,2024-02-01T00:00:00.000Z,0123456789abcdef,某机关,2021,T3_BALANCE,t3.new_received.total\r\n`);
        await page.goto(`${base}/?view=review`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await waitForDb(page);
        await waitForQueue(page);
        const before = await counts(page);
        await page.setInputFiles('[data-testid="import-decisions"]', file);
        await page.waitForSelector('[data-testid="import-ok"]', { timeout: STEP_MS });
        await page.waitForFunction(() => document.querySelector('[data-testid="review-counts"]')?.getAttribute('data-orphaned') === '1', undefined, { timeout: STEP_MS });
        const after = await counts(page);
        assertEqual([after.total, after.dismissed, after.stored], [before.total, before.dismissed, before.stored + 1], 'counts after importing an orphan');
        assertEqual(await page.$$eval('[data-testid="orphan-row"]', (rows) => rows.map((r) => (r.textContent ?? '').includes('旧数据中的一条'))), [true], 'orphan listed');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    await test('覆盖: one cell per report; 文登 2022 shows no tables and 3 errors, and opens its report', async () => {
      assert(wendeng, 'seed 001 missing');
      await page.goto(`${base}/?view=coverage`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      await page.waitForSelector('[data-testid="coverage-table"]', { timeout: STEP_MS });
      const ids = await page.$$eval('[data-testid="coverage-cell"]', (els) => els.map((e) => (e as HTMLElement).dataset.reportId ?? '').sort());
      assertEqual(ids, reports.map((r) => r.report_id).sort(), 'one cell per report');
      const cell = `[data-testid="coverage-cell"][data-report-id="${wendeng.report_id}"]`;
      const errors = flags.filter((f) => f.report_id === wendeng.report_id && f.severity === 'error').length;
      assertEqual(await page.getAttribute(cell, 'data-errors'), String(errors), '文登 errors');
      assertEqual(await page.$$eval(`${cell} .tbl.missing`, (els) => els.map((e) => e.textContent)), ['表二', '表三', '表四'], '文登 missing tables');
      await page.screenshot({ path: join(ARTIFACTS, 'coverage-grid.png'), fullPage: true });
      await page.click(cell);
      await waitForReport(page, wendeng.report_id);
      for (const t of ['t2', 't3', 't4']) assert(await page.isVisible(`[data-testid="table-missing-${t}"]`), `no 未读到 note for ${t}`);
      const rules = await page.$$eval('[data-testid="flag-card"]', (els) => els.map((e) => (e as HTMLElement).dataset.rule));
      assertEqual(rules.filter((r) => r === 'TABLE_MISSING').length, 3, 'TABLE_MISSING cards');
      assertEqual(await page.innerText('[data-testid="meta-published-on"] dd'), wendeng.published_on || '未印出', 'printed date');
    });

    await test('a click on a chart bar and on a table row each open the report page', async () => {
      assert(wendeng && linzi, 'seeds missing');
      await page.goto(`${base}/?view=compliance`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      await waitForView(page, 'compliance');
      // The red (错误) bar of the compliance chart belongs to 文登, the only report with errors.
      // Scanned from the bottom up: the legend's red swatch is at the top and toggles the series.
      const hit = await page.$eval('[data-testid="chart"] canvas', (c) => {
        const canvas = c as HTMLCanvasElement;
        const ctx = canvas.getContext('2d')!;
        const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const r = canvas.getBoundingClientRect();
        for (let i = d.length - 4; i >= 0; i -= 4) {
          if (Math.abs(d[i] - 0xc0) < 6 && Math.abs(d[i + 1] - 0x39) < 6 && Math.abs(d[i + 2] - 0x2b) < 6) {
            const px = (i / 4) % canvas.width;
            const py = Math.floor(i / 4 / canvas.width);
            return { x: r.left + (px / canvas.width) * r.width - 2, y: r.top + (py / canvas.height) * r.height - 2 };
          }
        }
        return null;
      });
      assert(hit, 'no red bar found on the compliance chart');
      await page.mouse.click(hit.x, hit.y);
      await waitForReport(page, wendeng.report_id);
      assertEqual(new URL(page.url()).searchParams.get('back'), 'view=compliance', 'back parameter from the chart');
      await page.goto(`${base}/?view=applications`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      await waitForView(page, 'applications');
      const row = page.locator('[data-testid="view-table"] tbody tr', { hasText: linzi.agency });
      await row.locator('td[data-col="agency"] a').click();
      await waitForReport(page, linzi.report_id);
    });

    await test('指标: each indicator with its formula; a ratio under 30 cases is shown but not ranked', async () => {
      assert(yuncheng && linzi, 'seeds missing');
      await page.goto(`${base}/?view=indicators`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await waitForDb(page);
      await waitForView(page, 'indicators');
      const formulas = await page.innerText('[data-testid="indicator-formulas"]');
      for (const name of ['实质公开率', '复议纠错率', '诉讼纠错率', '争议率']) assert(formulas.includes(`${name} =`), `no formula for ${name}`);
      const rowOf = (r: Record<string, string>) => page.locator('[data-testid="view-table"] tbody tr', { hasText: r.agency }).filter({ hasText: r.year });
      assertEqual((await rowOf(yuncheng).locator('td[data-col="disclosure_rate"]').innerText()).trim(), '100.0%', '运城 实质公开率');
      assertEqual((await rowOf(yuncheng).locator('td[data-col="disclosure_rank"]').innerText()).trim(), '样本不足30件', '运城 rank');
      assertEqual((await rowOf(linzi).locator('td[data-col="disclosure_rate"]').innerText()).trim(), '25.8%', '临淄 实质公开率');
      assertEqual((await rowOf(linzi).locator('td[data-col="disclosure_rank"]').innerText()).trim(), '1', '临淄 rank (31 cases)');
      await page.screenshot({ path: join(ARTIFACTS, 'view-indicators.png'), fullPage: true });
    });

    await test('the text route serves report texts and refuses other paths', async () => {
      assert(yuncheng, 'seed 003 missing');
      const ok = await fetch(`${base}/data/texts/${yuncheng.report_id}.txt`, { signal: AbortSignal.timeout(10_000) });
      assertEqual(ok.status, 200, 'text status');
      assertEqual(await ok.text(), readFileSync(join(DATA_DIR, 'texts', `${yuncheng.report_id}.txt`), 'utf8'), 'text body');
      for (const bad of ['..%2Freports.csv', '..%2F..%2Fpackage.json', 'abc.txt', `${yuncheng.report_id}.csv`]) {
        const r = await fetch(`${base}/data/texts/${bad}`, { signal: AbortSignal.timeout(10_000) });
        assert(r.status === 400 || r.status === 404, `${bad}: status ${r.status}`);
        assert(!(await r.text()).startsWith('report_id,'), `${bad} served a data file`);
      }
      const missing = await fetch(`${base}/data/texts/0000000000000000.txt`, { signal: AbortSignal.timeout(10_000) });
      assertEqual(missing.status, 404, 'unknown report text');
    });

    await test('a report page for an unknown or malformed id explains what to do', async () => {
      const p2 = await context!.newPage(); // its 404 (the text of an unknown report) is expected: not watched
      try {
        await p2.goto(`${base}/report/0000000000000000`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        const e = await p2.waitForSelector('[data-testid="report-error"]', { timeout: DB_READY_MS });
        assert((await e.innerText()).includes('数据中没有这份报告'), 'unknown id message');
        await p2.goto(`${base}/report/not-an-id`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        const e2 = await p2.waitForSelector('[data-testid="report-error"]', { timeout: STEP_MS });
        assert((await e2.innerText()).includes('报告编号格式不对'), 'malformed id message');
      } finally {
        await p2.close();
      }
    });

    await test('without data the page explains what to do', async () => {
      emptyServer = await startServer(emptyData, 'server-nodata.log');
      const p2 = await context!.newPage(); // its 404s are expected: not watched for console errors
      try {
        await p2.goto(`${(emptyServer as Server).url}/`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await p2.waitForSelector('[data-testid="db-error"]', { timeout: STEP_MS });
        const text = await p2.innerText('[data-testid="db-error"]');
        assert(text.includes('npm run build:data') && text.includes('怎么办'), `error text: ${text}`);
        await p2.screenshot({ path: join(ARTIFACTS, 'error-no-data.png'), fullPage: true });
      } finally {
        await p2.close();
      }
    });

    await test('the pdf.js route serves character maps and fonts, and nothing else', async () => {
      for (const ok of ['cmaps/UniGB-UCS2-H.bcmap', 'standard_fonts/FoxitSerif.pfb']) {
        const r = await fetch(`${base}/pdfjs/${ok}`, { signal: AbortSignal.timeout(10_000) });
        assertEqual(r.status, 200, `${ok} status`);
        assert((await r.arrayBuffer()).byteLength > 100, `${ok} is empty`);
      }
      for (const bad of ['cmaps/..%2F..%2Fpackage.json', 'build/pdf.mjs', 'cmaps/nope.bcmap', '..%2Fpackage.json/x', 'standard_fonts/LICENSE_FOXIT', 'cmaps/%2Fetc%2Fpasswd']) {
        const r = await fetch(`${base}/pdfjs/${bad}`, { signal: AbortSignal.timeout(10_000) });
        assert(r.status === 404 || r.status === 400, `${bad}: status ${r.status}`);
      }
    });

    await uploadTests({ context: context!, base, watch, reports, cells });

    await test('no console errors', async () => {
      assertEqual(watch.consoleErrors, [], 'console errors');
    });

    await test('no requests to any host but 127.0.0.1/localhost', async () => {
      assertEqual(watch.foreignRequests, [], 'foreign requests');
    });

    if (existsSync(join(DATA_DIR, 'manifest.json'))) {
      await test('with a browser data build the page loads facts, never all of cells.csv; report pages fetch their own cells', async () => {
        // Requests to this server only (the no-data server's page falls back to the three CSVs).
        const paths = watch.dataRequests.filter((u) => u.startsWith(`${base}/`)).map((u) => u.slice(base.length));
        assert(paths.some((p) => p.startsWith('/data/facts/')), `no facts partition was requested: ${[...new Set(paths)].join(', ')}`);
        assert(!paths.includes('/data/cells.csv'), 'the page requested /data/cells.csv');
        assert(paths.some((p) => p.startsWith('/data/cells/')), 'no report page fetched its cells from /data/cells/<id>');
      });
    }
  } finally {
    await context?.close().catch(() => undefined);
    stopServer(server);
    stopServer(emptyServer);
    rmSync(profile, { recursive: true, force: true });
    rmSync(emptyData, { recursive: true, force: true });
  }
}

run()
  .catch((e) => {
    failed++;
    console.log(`  ✗ runner: ${e instanceof Error ? e.stack : String(e)}`);
  })
  .finally(() => {
    console.log(`browser: ${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  });
