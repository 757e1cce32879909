/**
 * Uploading reports in the browser: each dropped or picked file is read with the ingest's parser
 * and checks (lib/upload/read-uploaded-file.ts), then the readable ones are added to the page's
 * DuckDB (lib/upload/add-uploads.ts: the alias table the built data was made with —
 * /data/agency-aliases.csv — applied to their agency identities, duplicates set aside, cross-year rules against the loaded
 * reports of the same agency, rows exactly as the ingest writes them, `origin = 'upload'`) and
 * kept for this tab (./upload-store.ts).
 *
 * PDF: pdf.js runs its parser in a worker served from the app's own bundle (`new URL(…,
 * import.meta.url)`), and reads character maps and standard fonts from the app's
 * /pdfjs/cmaps/ and /pdfjs/standard_fonts/ (app/pdfjs/[dir]/[name]/route.ts). No request goes
 * to any other host.
 *
 * Import this module dynamically from client code only (it loads pdf.js and touches the DOM).
 */
import { GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parseAgencyAliases, type AgencyAlias } from '@/lib/parse/agency-alias-table';
import type { ParseOptions } from '@/lib/parse/parse-report-bytes';
import { removeUploadsSql } from '@/lib/query/uploads';
import { addUploadedReports, type UploadFileResult } from '@/lib/upload/add-uploads';
import { readUploadedFile, type UploadOutcome } from '@/lib/upload/read-uploaded-file';
import type { BrowserDb } from './duckdb-browser';
import { dataUrls, fetchData } from './data-urls';
import { forgetUploads, keepUpload, keptUpload } from './upload-store';

/** The pdf.js worker, bundled with the app (the same legacy build lib/parse/parse-pdf-report.ts imports). */
const PDF_WORKER = new URL('pdfjs-dist/legacy/build/pdf.worker.mjs', import.meta.url).href;

/** Where pdf.js finds its data in this app (absolute URLs of the app's own routes). */
function parseOptions(): ParseOptions {
  if (!GlobalWorkerOptions.workerSrc) GlobalWorkerOptions.workerSrc = PDF_WORKER;
  const origin = window.location.origin;
  return { pdf: { cMapUrl: `${origin}/pdfjs/cmaps/`, standardFontDataUrl: `${origin}/pdfjs/standard_fonts/` } };
}

let batches = 0;

/** The alias table's rows and, when it could not be used, why (one sentence); fetched once per page. */
let aliasTable: Promise<{ rows: AgencyAlias[]; problem: string | null }> | null = null;

/**
 * The alias table the built data was made with (/data/agency-aliases.csv): no rows when the data
 * has none (204 from the app's route, 404 from a static host); no rows and a problem sentence when it cannot be fetched or read.
 */
function loadAliasTable(): Promise<{ rows: AgencyAlias[]; problem: string | null }> {
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
 * Reads and adds `files` (in order), calling `onProgress` before each file is read.
 * @returns one result per file (文件名, 结果, 说明), in order. Never throws: a file that breaks the
 *   reader is `rejected` with a message saying so, and the others go on.
 */
export async function uploadFiles(
  db: BrowserDb,
  files: readonly File[],
  onProgress: (done: number, total: number, name: string) => void,
): Promise<UploadFileResult[]> {
  const options = parseOptions();
  const outcomes: UploadOutcome[] = [];
  for (const [i, file] of files.entries()) {
    onProgress(i, files.length, file.name);
    try {
      outcomes.push(await readUploadedFile(file.name, file.size, () => file.arrayBuffer(), options));
    } catch (e) {
      outcomes.push({
        ok: false,
        file: file.name,
        reason: 'unreadable',
        message: `${file.name}：读取时出错（${e instanceof Error ? e.message : String(e)}）。请确认文件完整；若问题持续，请另存为文本或 Word 后再上传。`,
        record: null,
      });
    }
  }
  onProgress(files.length, files.length, '');
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
async function loadedReportText(reportId: string): Promise<string | null> {
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
 * @returns a Chinese error message when the database refused, else null.
 */
export async function removeUploads(db: BrowserDb): Promise<string | null> {
  forgetUploads();
  try {
    for (const sql of removeUploadsSql()) await db.exec(sql);
    return null;
  } catch (e) {
    return `没能从数据库中删除上传的报告（${e instanceof Error ? e.message : String(e)}）。请刷新页面：上传的数据已从本标签页的存储中清除。`;
  }
}
