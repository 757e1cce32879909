/**
 * Uploading reports in the browser: the dropped or picked files are read off the page's thread, in
 * a Web Worker (./read-upload-worker.ts) with a time budget per file (lib/upload/read-upload-batch.ts:
 * UPLOAD_TIME_BUDGET_MS, 30 s; a file over it has its worker ended and a 读取超时 row, the rest of
 * the batch goes on in a new worker), with the ingest's parser and checks
 * (lib/upload/read-uploaded-file.ts → lib/read readReport). The page receives only the finished
 * records (structured clone) and adds the readable ones to its DuckDB (lib/upload/add-uploads.ts:
 * the alias table the built data was made with — /data/agency-aliases.csv — applied to their
 * agency identities, duplicates set aside, cross-year rules against the loaded reports of the same
 * agency, rows exactly as the ingest writes them, `origin = 'upload'`), and keeps them for this tab
 * (./upload-store.ts). A bomb, a 10,000-deep page or a file that loops leaves the tab responsive.
 *
 * PDF: pdf.js runs inside that worker (its parser in-process there, see ./read-upload-worker.ts),
 * reading character maps and standard fonts from the app's /pdfjs/cmaps/ and
 * /pdfjs/standard_fonts/ (app/pdfjs/[dir]/[name]/route.ts). No request goes to any other host.
 *
 * Import this module dynamically from client code only (it starts workers and touches the DOM).
 */
import { zhT, type Translate } from '@/lib/present/i18n/translate';
import { parseAgencyAliases, type AgencyAlias } from '@/lib/parse/agency-alias-table';
import type { ParseOptions } from '@/lib/parse/parse-report-bytes';
import { removeUploadsSql } from '@/lib/query/uploads';
import { addUploadedReports, type UploadFileResult } from '@/lib/upload/add-uploads';
import { readUploadBatch, type ReaderThread, type ReaderThreadEvents } from '@/lib/upload/read-upload-batch';
import type { BrowserDb } from './duckdb-browser';
import { dataUrls, fetchData } from './data-urls';
import { forgetUploads, keepUpload, keptUpload } from './upload-store';

/** Where pdf.js finds its data in this app (absolute URLs of the app's own routes; the worker has the same origin). */
function parseOptions(): ParseOptions {
  const origin = window.location.origin;
  return { pdf: { cMapUrl: `${origin}/pdfjs/cmaps/`, standardFontDataUrl: `${origin}/pdfjs/standard_fonts/` } };
}

/**
 * Starts one reader worker (bundled with the app by Next from ./read-upload-worker.ts) reporting
 * to `events`: its messages, and that it stopped by itself — an uncaught error in it, a message
 * that could not be cloned, or its script failing to load (`error` / `messageerror` events).
 */
function spawnReaderWorker(events: ReaderThreadEvents): ReaderThread<File> {
  const worker = new Worker(new URL('./read-upload-worker.ts', import.meta.url), { type: 'module', name: 'read-upload' });
  worker.onmessage = (e: MessageEvent<unknown>) => events.message(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault(); // said in the file's row; no uncaught error in the page's console
    events.stopped();
  };
  worker.onmessageerror = () => events.stopped();
  return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
}

let batches = 0;

/** The alias table's rows and, when it could not be used, why (one sentence); fetched once per page. */
let aliasTable: Promise<{ rows: AgencyAlias[]; problem: string | null }> | null = null;

/**
 * The alias table the built data was made with (/data/agency-aliases.csv): no rows when the data
 * has none (204 from the app's route, 404 from a static host); no rows and a problem sentence when it cannot be fetched or read.
 */
export function loadAliasTable(): Promise<{ rows: AgencyAlias[]; problem: string | null }> {
  aliasTable ??= fetchData(dataUrls.aliasTable()).then(
    async (res) => {
      if (res.status === 204 || res.status === 404) return { rows: [], problem: null }; // the data has no alias table
      if (!res.ok) return { rows: [], problem: `机关别名表没能读取（HTTP ${res.status}），这份报告按解析出的机关归类；请刷新页面后重新上传。` };
      const parsed = parseAgencyAliases(await res.text(), dataUrls.aliasTable());
      return parsed.ok ? { rows: parsed.value, problem: null } : { rows: [], problem: parsed.error };
    },
    () => {
      aliasTable = null; // a network failure: try again with the next upload
      return { rows: [], problem: '机关别名表没能读取（网络错误），这份报告按解析出的机关归类；请刷新页面后重新上传。' };
    },
  );
  return aliasTable;
}

/**
 * Reads `files` (in order) in a reader worker within the time budget, then adds the readable ones;
 * `onProgress` is called before each file is read and once with `done === total` before the
 * database step.
 * @returns one result per file (文件名, 结果, 说明), in order. Never throws for a file: one that
 *   breaks the reader, exceeds the time budget or stops the worker is `rejected` with a sentence
 *   saying so and what to do, and the others go on.
 */
export async function uploadFiles(
  db: BrowserDb,
  files: readonly File[],
  onProgress: (done: number, total: number, name: string) => void,
): Promise<UploadFileResult[]> {
  const outcomes = await readUploadBatch(files, { spawn: spawnReaderWorker, read: parseOptions(), onProgress });
  const aliases = await loadAliasTable();
  const results = await addUploadedReports(
    { exec: db.exec, registerCsv: db.registerCsv, ensureCells: db.ensureCells, reportText: loadedReportText },
    outcomes,
    `upload-${++batches}`,
    aliases.rows,
  );
  return results.map((r) => {
    if (r.outcome !== 'added') return r;
    const withAliasNote = aliases.problem ? { ...r, message: `${r.message}。注意：${aliases.problem}` } : r;
    if (keepUpload(r.record)) return withAliasNote;
    return { ...withAliasNote, message: `${withAliasNote.message}。注意：本标签页的存储空间不足，这份报告只在当前页面中，刷新页面后不会保留。` };
  });
}

/** The text of a loaded report: an upload of this tab, or the built data's /data/texts/ID.txt. */
export async function loadedReportText(reportId: string): Promise<string | null> {
  const kept = keptUpload(reportId);
  if (kept) return kept.text;
  try {
    const res = await fetchData(dataUrls.reportText(reportId));
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

/**
 * Removes every uploaded report from the page's database and from this tab's storage.
 * @returns an error message (Chinese, or through `t`) when the database refused, else null.
 */
export async function removeUploads(db: BrowserDb, t: Translate = zhT): Promise<string | null> {
  forgetUploads();
  try {
    for (const sql of removeUploadsSql()) await db.exec(sql);
    return null;
  } catch (e) {
    return t('没能从数据库中删除上传的报告（{{detail}}）。请刷新页面：上传的数据已从本标签页的存储中清除。', { detail: e instanceof Error ? e.message : String(e) });
  }
}
