/**
 * The outcome of one uploaded file and the rows of files that gave no record — refused by type or
 * size before reading, timed out, or whose reader broke — as sentences that name the file and say
 * what to do. No reader here (no pdf.js, mammoth or parser), so the page's batch
 * (./read-upload-batch.ts) can build these rows without loading the reader into the page: only the
 * reader thread loads ./read-uploaded-file.ts (through ./answer-read-request.ts).
 */
import { errorDetail } from '../model/error-detail';
import type { ReportRecord } from '../model/report-schema';
import { extensionOf } from '../parse/file-formats';
import { tooLargeMessage } from '../read/read-limits';
import { UPLOAD_EXTENSIONS } from './upload-limits';

/**
 * Why a dropped file gave no record: `unsupported_type` and `too_large` are decided before it is
 * loaded; `unreadable` — the bytes gave no report (its record, when there is one, carries the
 * status); `timeout` — reading took longer than UPLOAD_TIME_BUDGET_MS (./upload-limits.ts) and was
 * stopped; `parse_failed` — the reader broke (threw, or its thread stopped) on this file.
 */
export type UploadRefusal = 'too_large' | 'unsupported_type' | 'unreadable' | 'timeout' | 'parse_failed';

/** The outcome for one dropped file. */
export type UploadOutcome =
  | { ok: true; file: string; record: ReportRecord }
  | { ok: false; file: string; reason: UploadRefusal; message: string; record: ReportRecord | null };

/**
 * The checks taken before a file is loaded: its ending (UPLOAD_EXTENSIONS) and its size
 * (MAX_REPORT_BYTES, 20 MB, lib/read/read-limits.ts).
 * @param name the file's name as dropped
 * @param size its size in bytes
 * @returns the refusal (`unsupported_type` or `too_large`, with a message naming the file and what
 *   to do, no record), or null when the file may be read.
 */
export function refuseBeforeReading(name: string, size: number): UploadOutcome | null {
  const ext = extensionOf(name);
  if (!UPLOAD_EXTENSIONS.includes(ext)) {
    return {
      ok: false,
      file: name,
      reason: 'unsupported_type',
      message: `${name}：不支持的文件类型${ext ? `（${ext}）` : ''}。可上传 ${UPLOAD_EXTENSIONS.join(' ')}（扫描件和图片由文字识别读出）；Word 旧格式 .doc 请另存为 .docx。`,
      record: null,
    };
  }
  const tooLarge = tooLargeMessage(name, size);
  return tooLarge ? { ok: false, file: name, reason: 'too_large', message: tooLarge, record: null } : null;
}

/**
 * The message of a file whose reader broke (`parse_failed`): it threw `error` — a stack overflow on
 * a deeply nested page, memory exhausted by a file that unpacks to far more than its size, or a
 * defect of this tool. One sentence: the file, what happened in words, that it was not added, what
 * to do. The error's own text appears only as lib/model/error-detail.ts words it (a short human line,
 * a zod error's field — never JSON or a stack).
 */
export function readFailureMessage(name: string, error: unknown): string {
  const msg = error instanceof Error ? error.message : String(error);
  const what = /call stack/i.test(msg)
    ? '文件结构嵌套过深'
    : /allocation|out of memory|invalid (string|array) length/i.test(msg)
      ? '文件展开后过大，超出了浏览器可用的内存'
      : errorDetail(error)
        ? `读取程序出错：${errorDetail(error)}`
        : '读取程序出错';
  return `${name}：读取时出错（${what}），未添加。请另存为 PDF、.docx 或 UTF-8 文本后重新上传；若仍出错，请报告此文件。`;
}

/**
 * The row of a file whose reading exceeded the time budget and was stopped (`timeout`).
 * @param name the file's name
 * @param budgetMs the budget it exceeded (milliseconds; UPLOAD_TIME_BUDGET_MS in the dashboard)
 */
export function timeoutOutcome(name: string, budgetMs: number): UploadOutcome {
  const seconds = Math.round(budgetMs / 100) / 10;
  return {
    ok: false,
    file: name,
    reason: 'timeout',
    message: `${name}：读取超时（超过 ${seconds} 秒仍未读完），已停止读取，未添加。请确认这是一份完整的年度报告；结构异常复杂的网页或文档可另存为 PDF、.docx 或 UTF-8 文本后重新上传。`,
    record: null,
  };
}

/**
 * The row of a file read by OCR (a scan or an image) whose reading exceeded its time budget
 * (`timeout`): names the file, says OCR took the time and what to do.
 * @param name the file's name
 * @param budgetMs the budget it exceeded (milliseconds: UPLOAD_TIME_BUDGET_MS plus UPLOAD_OCR_PAGE_MS a page)
 * @param pages the pages it had to read
 */
export function ocrTimeoutOutcome(name: string, budgetMs: number, pages: number): UploadOutcome {
  const seconds = Math.round(budgetMs / 100) / 10;
  return {
    ok: false,
    file: name,
    reason: 'timeout',
    message: `${name}：这是扫描件或图片，文字识别（OCR）${pages} 页超过 ${seconds} 秒仍未完成，已停止，未添加。请上传带文字层的 PDF、.docx 或文本版本，或用 npm run ingest -- --timeout-s 600 在本机导入。`,
    record: null,
  };
}

/**
 * The row of a file during whose reading the reader thread itself stopped (`parse_failed`): the
 * browser ended it (typically out of memory) or it could not start.
 * @param name the file's name
 * @param started false when the reader never started (its script could not be loaded)
 */
export function readerStoppedOutcome(name: string, started: boolean): UploadOutcome {
  const message = started
    ? `${name}：读取时浏览器中止了读取程序（文件可能展开后过大或结构异常），未添加。请另存为 PDF、.docx 或 UTF-8 文本后重新上传；其余文件照常读取。`
    : `${name}：读取程序没能启动，未添加。请刷新页面后重新上传。`;
  return { ok: false, file: name, reason: 'parse_failed', message, record: null };
}
