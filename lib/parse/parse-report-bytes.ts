/**
 * Entry point of parsing: the bytes of one file → a report record (report row, cells, reading
 * flags). Chooses the parser by file type; every failure is a record whose status and message say
 * what was wrong and what to do — never an exception, never a dropped file.
 */
import type { Report, ReportRecord, ReportStatus } from '../model/report-schema';
import { decodeReportBytes } from './decode-report-bytes';
import { parseTextReport } from './parse-text-report';

/** File endings read as plain text (UTF-8, UTF-16 or GB18030). */
export const TEXT_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown'];
/** File endings this build recognizes but cannot read yet. */
export const PLANNED_EXTENSIONS: readonly string[] = ['.pdf', '.html', '.htm', '.docx', '.doc'];

/** A record with no data: the file, its status and the message for the user. */
export function failedRecord(reportId: string, sourceFile: string, status: ReportStatus, message: string): ReportRecord {
  const report: Report = {
    report_id: reportId,
    source_file: sourceFile,
    agency: null,
    agency_printed: null,
    region: null,
    year: null,
    published_on: null,
    report_kind: null,
    tables_found: [],
    sections_found: [],
    status,
    status_message: message,
  };
  return { report, cells: [], flags: [], text: '' };
}

function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name.toLowerCase());
  return m ? m[0] : '';
}

/**
 * Parses one file's bytes (async: some formats, such as PDF, are read asynchronously).
 * @param bytes the file content
 * @param sourceFile the name shown to users (relative path)
 * @param reportId the stable id for the record
 * @returns a record; status `unsupported_format`, `empty_file`, `binary_file`,
 *   `undecodable_text` or `not_a_report` when nothing could be read (with a message).
 */
export async function parseReportBytes(bytes: Uint8Array, sourceFile: string, reportId: string): Promise<ReportRecord> {
  const ext = extensionOf(sourceFile);
  if (PLANNED_EXTENSIONS.includes(ext)) {
    return failedRecord(
      reportId,
      sourceFile,
      'unsupported_format',
      `${sourceFile}：暂不支持 ${ext} 格式（目前只读取纯文本 ${TEXT_EXTENSIONS.join(' ')}）。请将报告另存为文本文件后再导入。`,
    );
  }
  const decoded = decodeReportBytes(bytes, sourceFile);
  if (!decoded.ok) return failedRecord(reportId, sourceFile, decoded.reason, decoded.message);
  return parseTextReport(decoded.text, sourceFile, reportId);
}
