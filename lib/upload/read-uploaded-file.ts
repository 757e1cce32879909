/**
 * Reads a report a user dropped onto the dashboard, in the browser: the file's type and size are
 * checked before it is loaded, then the one read path the ingest uses (lib/read/read-report.ts:
 * content-hash id via WebCrypto, parse, normalize, assembly, single-report checks, validation).
 * Nothing leaves the machine. Every failure is a value whose message names the file and says what
 * to do.
 */
import type { ReportRecord } from '../model/report-schema';
import { extensionOf } from '../parse/file-formats';
import { tooLargeMessage } from '../read/read-limits';
import { readReport, type ReadOptions } from '../read/read-report';
import { UPLOAD_EXTENSIONS } from './upload-limits';

/** The outcome for one dropped file. */
export type UploadOutcome =
  | { ok: true; file: string; record: ReportRecord }
  | { ok: false; file: string; reason: 'too_large' | 'unsupported_type' | 'unreadable'; message: string; record: ReportRecord | null };

/**
 * Reads one uploaded file.
 * @param name the file's name as dropped
 * @param size its size in bytes (checked against MAX_REPORT_BYTES, 20 MB, before reading, so a
 *   huge file is never loaded)
 * @param read reads the bytes (e.g. `() => file.arrayBuffer()`)
 * @param options where pdf.js finds its character maps and fonts (served by the app)
 * @returns ok with a validated record of status `ok` or `partial`; else `unsupported_type` or
 *   `too_large` without a record, or `unreadable` — with the record when the bytes were read and
 *   gave no report (`not_a_report`, `no_text_layer`, …; its message), without when they could not
 *   be read.
 */
export async function readUploadedFile(
  name: string,
  size: number,
  read: () => Promise<ArrayBuffer>,
  options: ReadOptions = {},
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
  const tooLarge = tooLargeMessage(name, size);
  if (tooLarge) return { ok: false, file: name, reason: 'too_large', message: tooLarge, record: null };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await read());
  } catch (e) {
    return { ok: false, file: name, reason: 'unreadable', message: `${name}：无法读取文件（${(e as Error).message}）。请重新选择该文件。`, record: null };
  }
  const outcome = await readReport(bytes, name, options);
  if (outcome.ok) return { ok: true, file: name, record: outcome.value };
  return { ok: false, file: name, reason: 'unreadable', message: outcome.error.message, record: outcome.error.record };
}
