/**
 * Reads a report a user dropped onto the dashboard, in the browser, with the same lib/ code as
 * the ingest: size and type checks, a content-hash id (WebCrypto SHA-256), parsing, the
 * single-report checks and schema validation. Nothing leaves the machine. Every failure is a
 * value whose message names the file and says what to do.
 */
import { runChecks } from '../checks/run-checks';
import { ReportRecord } from '../model/report-schema';
import { failedRecord, parseReportBytes, type ParseOptions } from '../parse/parse-report-bytes';
import { MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS } from './upload-limits';

export { MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS };

/** The outcome for one dropped file. */
export type UploadOutcome =
  | { ok: true; file: string; record: ReportRecord }
  | { ok: false; file: string; reason: 'too_large' | 'unsupported_type' | 'unreadable'; message: string; record: ReportRecord | null };

/** The first 16 hex digits of the SHA-256 of `bytes` (same id as the ingest's reportIdFor). */
export async function contentId(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 16);
}

function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name.toLowerCase());
  return m ? m[0] : '';
}

/**
 * Reads one uploaded file.
 * @param name the file's name as dropped
 * @param size its size in bytes (checked before reading, so a huge file is never loaded)
 * @param read reads the bytes (e.g. `() => file.arrayBuffer()`)
 * @param options where pdf.js finds its character maps and fonts (served by the app)
 * @returns ok with a validated record (which may itself say `not_a_report`, `no_text_layer`, … —
 *   then `ok` is false with that record and its message), or a failure without a record.
 */
export async function readUploadedFile(
  name: string,
  size: number,
  read: () => Promise<ArrayBuffer>,
  options: ParseOptions = {},
): Promise<UploadOutcome> {
  const ext = extensionOf(name);
  if (!UPLOAD_EXTENSIONS.includes(ext)) {
    return {
      ok: false,
      file: name,
      reason: 'unsupported_type',
      message: `${name}：不支持的文件类型${ext ? `（${ext}）` : ''}。可上传 ${UPLOAD_EXTENSIONS.join(' ')}；Word 旧格式 .doc 请另存为 .docx，扫描件请先做文字识别（OCR）。`,
      record: null,
    };
  }
  if (size > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      file: name,
      reason: 'too_large',
      message: `${name}：文件过大（${(size / 1048576).toFixed(1)} MB，上限 20 MB），未读取。请确认这是单份年度报告，或删去其中的图片后再上传。`,
      record: null,
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await read());
  } catch (e) {
    return { ok: false, file: name, reason: 'unreadable', message: `${name}：无法读取文件（${(e as Error).message}）。请重新选择该文件。`, record: null };
  }
  const id = await contentId(bytes);
  const parsed = runChecks(await parseReportBytes(bytes, name, id, options));
  const valid = ReportRecord.safeParse(parsed);
  const record = valid.success
    ? valid.data
    : failedRecord(id, name, 'read_error', `${name}：解析结果未通过数据校验（${valid.error.issues[0]?.message}）。这是本工具的缺陷，请报告此文件。`);
  if (record.report.status === 'ok' || record.report.status === 'partial') return { ok: true, file: name, record };
  return { ok: false, file: name, reason: 'unreadable', message: record.report.status_message, record };
}
