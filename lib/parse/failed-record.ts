/**
 * The record of a file from which nothing usable could be read: its status and the message that
 * tells the user what was wrong and what to do. Shared by every format's parser.
 */
import type { Report, ReportRecord, ReportStatus } from '../model/report-schema';

/** A record with no data: the file, its status and the message for the user (naming the file). */
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
    form_version: null,
    province: null,
    city: null,
    county: null,
    level: null,
    agency_type: null,
  };
  return { report, cells: [], flags: [], text: '' };
}
