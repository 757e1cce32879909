/**
 * The one read path, for the ingest (lib/pipeline/ingest-reports.ts) and for uploads in the
 * browser (lib/upload/read-uploaded-file.ts): a file's bytes → the size limit, the content-hash id,
 * parse (lib/parse) → normalize (lib/normalize) → assemble (./assemble-record.ts) → record-level
 * classification → the single-report checks (lib/checks) → validation against the zod schema.
 * Browser-safe: no file system, hashing via WebCrypto. The cross-year checks need other reports
 * and run later (the ingest's batch, the upload's loaded reports).
 */
import { runChecks } from '../checks/run-checks';
import type { Result } from '../model/result';
import { makeFlag } from '../model/make-flag';
import { ReportRecord, type ReportStatus } from '../model/report-schema';
import { textBytesReplacedRule } from '../model/rule-metadata';
import { classifyBlankForm } from '../parse/classify-blank-form';
import type { ParseResult } from '../parse/parsed-report';
import { parseReportBytes, type ParseOptions } from '../parse/parse-report-bytes';
import { assembleRecord, failedRecord } from './assemble-record';
import { contentId, nameId } from './content-id';
import { needsOcr, readScannedReport } from './read-scanned-report';
import { readImageTables, type ImageTables, type LinkedFileReader } from './read-embedded-images';
import { markOcrCells, withOcrVerdict } from './ocr-cells';
import type { ScanReaderLoader } from '../ocr/scan-reader';
import { tooLargeMessage } from './read-limits';

/**
 * What the environment supplies to the reader: where pdf.js finds its character maps and standard
 * fonts (`pdf`: the ingest passes pdfjs-dist's folders, the browser the app's /pdfjs/ routes), and
 * optionally `ocr`, a loader of the OCR scan reader (lib/ocr/scan-reader.ts; the ingest passes
 * lib/pipeline/ocr-node.ts). With it, a PDF without a text layer and an image file (PNG, JPEG) are
 * read by OCR (./read-scanned-report.ts); without it they are refused with the OCR hint.
 */
export interface ReadOptions extends ParseOptions {
  ocr?: ScanReaderLoader;
  /**
   * Reads a file an HTML report links to (`<img src>` beside it), for tables printed as images
   * (./read-embedded-images.ts). The ingest passes one per file (lib/pipeline); uploads have none,
   * and a report whose table is in such an image says that it could not be read.
   */
  linkedFile?: LinkedFileReader;
}

/**
 * Why a file gave no report for the views: its status (`empty_file`, `not_a_report`,
 * `no_text_layer`, `read_error`, …), the message for the user (naming the file, saying what to do)
 * and the record that carries both (the ingest still writes it to reports.csv).
 */
export interface ReadFailure {
  status: ReportStatus;
  message: string;
  record: ReportRecord;
}

/** The outcome of reading one file: a validated report (`ok` or `partial`), or why not. */
export type ReadOutcome = Result<ReportRecord, ReadFailure>;

/**
 * Record-level classification: decisions about what the file is as a whole, taken on the
 * assembled record before the checks run; each returns the record reclassified (another status
 * and message) or unchanged. `not_a_report` is decided earlier, from the text's markers
 * (assembleRecord). The unfilled official form (`blank_form`, issue 9) is classified here.
 */
const RECORD_CLASSIFIERS: ReadonlyArray<(record: ReportRecord) => ReportRecord> = [classifyBlankForm];

/** The record validated against the zod schema; a record that fails (a bug, not bad input) becomes a `read_error` naming the problem. */
function validated(record: ReportRecord, name: string): ReportRecord {
  const valid = ReportRecord.safeParse(record);
  if (valid.success) return valid.data;
  return failedRecord(
    record.report.report_id,
    name,
    'read_error',
    `${name}：解析结果未通过数据校验（${valid.error.issues[0]?.message}）。这是本工具的缺陷，请报告此文件。`,
  );
}

/**
 * The record with a TEXT_BYTES_REPLACED flag (lib/model/rule-metadata.ts) after its reading flags
 * when the text was decoded with U+FFFD for invalid UTF-8 bytes (`replacedBytes` of the parse);
 * unchanged otherwise. The flag's `actual` is the number of replaced sequences.
 */
function withDecodingFlag(record: ReportRecord, parsed: ParseResult, name: string): ReportRecord {
  const replaced = parsed.ok ? (parsed.value.replacedBytes ?? 0) : 0;
  if (!replaced || record.report.status === 'not_a_report') return record;
  const flag = makeFlag({
    report_id: record.report.report_id,
    rule: textBytesReplacedRule.id,
    severity: textBytesReplacedRule.severity,
    subject: [],
    expected: 0,
    actual: replaced,
    message: `${name} 中有 ${replaced} 处字节不是有效的 UTF-8 编码，已按 � 读入，那里的文字或数字可能缺失。请对照原文核对，或重新获取该文件。`,
  });
  return { ...record, flags: [...record.flags, flag] };
}

/**
 * The message of a `parse_failed` record: reading the file threw (`error`) — a stack overflow on
 * a deeply nested document, or a defect of this tool. Names the file and says what to do.
 */
export function parseFailedMessage(name: string, error: unknown): string {
  const what = error instanceof RangeError && /call stack/i.test(error.message) ? '文件结构嵌套过深' : (error as Error)?.message ?? String(error);
  return `${name}：读取时出错（${what}），未能导入。请另存为其他格式（PDF、.docx 或 UTF-8 文本）后再导入；若仍出错，请报告此文件。`;
}

/**
 * Reads one file. Never throws: a reader that throws (a stack overflow, a defect) gives a
 * `parse_failed` record ({@link parseFailedMessage}).
 *
 * @param bytes the file's content (at most MAX_REPORT_BYTES, ./read-limits.ts; callers check the
 *   size before reading, with tooLargeMessage — a larger buffer given here is refused the same way)
 * @param name the file name shown to users and written to reports.csv (`source_file`)
 * @param options where pdf.js finds its data (see {@link ReadOptions})
 * @returns ok with the validated record (status `ok` or `partial`, reading flags, TEXT_BYTES_REPLACED
 *   when invalid UTF-8 bytes were replaced, and single-report checks), or a failure with the record
 *   of any other status and its message; the record's id is the first 16 hex digits of the bytes'
 *   SHA-256 (of the name, for a file too large to read).
 */
export async function readReport(bytes: Uint8Array, name: string, options: ReadOptions = {}): Promise<ReadOutcome> {
  const tooLarge = tooLargeMessage(name, bytes.length);
  if (tooLarge) return outcome(failedRecord(await nameId(name), name, 'read_error', tooLarge));
  const id = await contentId(bytes);
  try {
    const parsed = await parseReportBytes(bytes, name, options);
    if (options.ocr && needsOcr(bytes, name, parsed)) return outcome(validated(await readScannedReport(bytes, name, id, parsed, options.ocr), name));
    const images = await tablesFromImages(parsed, name, id, options);
    const read: ParseResult = images ? { ok: true, value: images.parsed } : parsed;
    let record = withDecodingFlag(assembleRecord(read, name, id), read, name);
    for (const classify of RECORD_CLASSIFIERS) record = classify(record);
    if (!images) return outcome(validated(runChecks(record), name));
    return outcome(validated(withImageTables(record, images), name));
  } catch (e) {
    return outcome(failedRecord(id, name, 'parse_failed', parseFailedMessage(name, e)));
  }
}

/**
 * The tables missing from a report's text read from its images (./read-embedded-images.ts), when
 * the reader has an OCR loader, the text reads as a report with a table missing (not found, or
 * found without a single cell read), and it holds images; null otherwise (the record is read as before, no OCR code loaded).
 */
async function tablesFromImages(parsed: ParseResult, name: string, id: string, options: ReadOptions): Promise<ImageTables | null> {
  if (!options.ocr || !parsed.ok || !parsed.value.images?.length || !parsed.value.looksLikeReport) return null;
  // A table is missing when it was not found, or found with no cell read (its heading rows only).
  const { cells } = assembleRecord(parsed, name, id);
  const missing = (['t2', 't3', 't4'] as const).filter((t) => !cells.some((c) => c.table === t && c.status !== 'missing'));
  if (!missing.length) return null;
  return readImageTables(parsed.value, missing, name, id, { ocr: options.ocr, linkedFile: options.linkedFile });
}

/**
 * The checked record of a report some of whose tables were read from images: those tables' cells
 * `ocr` with confidences, the single-report checks, the OCR verdict (OCR_READ / OCR_UNCERTAIN, as
 * for a scan), and the note on the images added to the message.
 */
function withImageTables(record: ReportRecord, images: ImageTables): ReportRecord {
  const reading = record.report.status === 'ok' || record.report.status === 'partial';
  let out = reading && images.tables.length ? markOcrCells(record, images.lines, images.tables) : record;
  out = runChecks(out);
  if (reading && images.tables.length) out = withOcrVerdict(out);
  if (!images.note) return out;
  const message = [out.report.status_message, images.note].filter(Boolean).join('；');
  return { ...out, report: { ...out.report, status_message: message } };
}

/** ok for a record of status `ok` or `partial`, else a failure carrying the record, its status and message. */
function outcome(record: ReportRecord): ReadOutcome {
  const { status, status_message: message } = record.report;
  return status === 'ok' || status === 'partial' ? { ok: true, value: record } : { ok: false, error: { status, message, record } };
}
