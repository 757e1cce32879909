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
import { ReportRecord, type ReportStatus } from '../model/report-schema';
import { classifyBlankForm } from '../parse/classify-blank-form';
import { parseReportBytes, type ParseOptions } from '../parse/parse-report-bytes';
import { assembleRecord, failedRecord } from './assemble-record';
import { contentId, nameId } from './content-id';
import { tooLargeMessage } from './read-limits';

/**
 * What the environment supplies to the reader: where pdf.js finds its character maps and standard
 * fonts (`pdf`: the ingest passes pdfjs-dist's folders, the browser the app's /pdfjs/ routes).
 */
export type ReadOptions = ParseOptions;

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
 * Reads one file. Never throws (a reader that throws is a bug caught inside the readers).
 *
 * @param bytes the file's content (at most MAX_REPORT_BYTES, ./read-limits.ts; callers check the
 *   size before reading, with tooLargeMessage — a larger buffer given here is refused the same way)
 * @param name the file name shown to users and written to reports.csv (`source_file`)
 * @param options where pdf.js finds its data (see {@link ReadOptions})
 * @returns ok with the validated record (status `ok` or `partial`, reading flags and single-report
 *   checks), or a failure with the record of any other status and its message; the record's id is
 *   the first 16 hex digits of the bytes' SHA-256 (of the name, for a file too large to read).
 */
export async function readReport(bytes: Uint8Array, name: string, options: ReadOptions = {}): Promise<ReadOutcome> {
  const tooLarge = tooLargeMessage(name, bytes.length);
  if (tooLarge) return outcome(failedRecord(await nameId(name), name, 'read_error', tooLarge));
  const id = await contentId(bytes);
  let record = assembleRecord(await parseReportBytes(bytes, name, options), name, id);
  for (const classify of RECORD_CLASSIFIERS) record = classify(record);
  return outcome(validated(runChecks(record), name));
}

/** ok for a record of status `ok` or `partial`, else a failure carrying the record, its status and message. */
function outcome(record: ReportRecord): ReadOutcome {
  const { status, status_message: message } = record.report;
  return status === 'ok' || status === 'partial' ? { ok: true, value: record } : { ok: false, error: { status, message, record } };
}
