/**
 * One record as the parallel ingest writes it (ingest-parallel.ts): the alias table applied, its
 * rows of reports.csv, cells.csv and flags.csv as CSV text (no header), its text written to
 * `texts/REPORT_ID.txt`, and the compact summary the main thread keeps (cross-year input, row
 * counts, read values for the duplicate test). Used by the worker for a record it read and by the
 * main thread for a file the worker could not finish (timeout, memory, crash).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { crossYearInput, type CrossYearInput } from '../checks/cross-year-input';
import { readValues } from '../checks/duplicate-reports';
import type { ReportRecord } from '../model/report-schema';
import { applyAgencyAliases, type AgencyAlias } from '../parse/agency-alias-table';
import { flagRows, RECORD_COLUMNS } from '../store/record-rows';
import { csvRowsText } from './csv-rows-text';

/** Per-report result kept by the main thread: its index in file order, row counts and cross-year input (no text). */
export interface WorkerReport {
  index: number;
  cells: number;
  flags: number;
  /** How many of its flags have severity `error` (for the CLI's line per file). */
  errors: number;
  input: CrossYearInput;
  /** The value of each read cell (lib/checks/duplicate-reports.ts readValues), for the duplicate test; dropped once it ran. */
  values?: Array<[string, number]>;
}

/** A record's rows of the three CSV files, as CSV text without header (each ends with a newline, or is empty). */
export interface PartRows {
  reports: string;
  cells: string;
  flags: string;
}

/**
 * The rows and summary of one record (`index` its place in file order), with the alias table's
 * rows applied to its agency identity; writes its text to `textsDir/REPORT_ID.txt`.
 * Throws only when the text cannot be written (a full disk).
 */
export function partRowsOf(read: ReportRecord, index: number, aliases: readonly AgencyAlias[], textsDir: string): { rows: PartRows; report: WorkerReport } {
  const rec = aliases.length ? { ...read, report: applyAgencyAliases(read.report, aliases) } : read;
  writeFileSync(path.join(textsDir, `${rec.report.report_id}.txt`), rec.text);
  return {
    rows: {
      reports: csvRowsText(RECORD_COLUMNS.reports, [rec.report]),
      cells: csvRowsText(RECORD_COLUMNS.cells, rec.cells),
      flags: csvRowsText(RECORD_COLUMNS.flags, flagRows(rec.flags)),
    },
    report: { index, cells: rec.cells.length, flags: rec.flags.length, errors: rec.flags.filter((f) => f.severity === 'error').length, input: crossYearInput(rec, false), values: [...readValues(rec.cells)] },
  };
}
