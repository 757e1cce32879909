/**
 * The report page's questions: the SQL that reads one report (its row, its cells, its flags, the
 * other years of the same agency) and the conversion of the result rows into {@link ReportCell}s
 * and {@link ReportFlag}s. How the page arranges them — the form's tables, what each flag
 * highlights, the text cut into highlighted segments — is lib/present/report-layout.ts.
 */
import type { TableKey } from '../model/report-schema';
import type { Row } from '../store/executor';
import { sqlIdent, sqlString } from '../store/sql';

// ------------------------------------------------------------------ SQL

/**
 * The report's row of reports.csv with every column (extra ones too), `year` as INTEGER and
 * `published_on` as `YYYY-MM-DD` text (or NULL). No row when the id is unknown.
 */
export function reportSql(reportId: string): string {
  return `SELECT * REPLACE (CAST(year AS INTEGER) AS year, CAST(published_on AS VARCHAR) AS published_on) FROM reports WHERE report_id = ${sqlString(reportId)}`;
}

/** The report's cells: table, row, column, value (件 or 万元, DOUBLE), status, raw, note, confidence (0..1 for OCR cells, else NULL). */
export function reportCellsSql(reportId: string): string {
  const q = sqlIdent;
  return `SELECT ${q('table')}, ${q('row')}, ${q('column')}, CAST(value AS DOUBLE) AS value, status, raw, note, CAST(confidence AS DOUBLE) AS confidence FROM cells WHERE report_id = ${sqlString(reportId)}`;
}

/**
 * The report's flags, errors first: fingerprint, rule, rule_version, severity, subject, expected,
 * actual, difference (DOUBLE), message, evidence.
 */
export function reportFlagsSql(reportId: string): string {
  return (
    `SELECT fingerprint, report_id, rule, CAST(rule_version AS INTEGER) AS rule_version, severity, subject, expected, actual, ` +
    `CAST(difference AS DOUBLE) AS difference, message, evidence FROM flags WHERE report_id = ${sqlString(reportId)} ` +
    `ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 ELSE 3 END, rule, subject`
  );
}

/**
 * Reports of the same agency (report_id, year INTEGER, status), by year, for moving between years.
 * The agency is its `agency_key` when the report has one (one identity across years and spellings:
 * 洪泽区人民政府 2023 and 淮安市洪泽区人民政府 2024 are one agency), else the printed `agency` (data
 * files from before agency_key).
 */
export function agencyReportsSql(agency: string, agencyKey?: string | null): string {
  const where = agencyKey ? `agency_key = ${sqlString(agencyKey)}` : `agency = ${sqlString(agency)}`;
  return `SELECT report_id, CAST(year AS INTEGER) AS year, status FROM reports WHERE ${where} ORDER BY year, report_id`;
}

// ------------------------------------------------------------------ rows → cells and flags

/** One cell of the report as read from cells.csv. `value` in 件 (万元 for t2 amounts). */
export interface ReportCell {
  table: TableKey;
  row: string;
  column: string;
  value: number | null;
  status: string;
  raw: string | null;
  note: string | null;
  /** For an `ocr` cell, the OCR engine's confidence 0..1 (issue 13); absent otherwise. */
  confidence?: number | null;
}

/** Rows of {@link reportCellsSql} as {@link ReportCell}s (rows of unknown tables are dropped). */
export function cellsFromRows(rows: readonly Row[]): ReportCell[] {
  const out: ReportCell[] = [];
  for (const r of rows) {
    if (r.table !== 't2' && r.table !== 't3' && r.table !== 't4') continue;
    out.push({
      table: r.table,
      row: String(r.row),
      column: String(r.column),
      value: typeof r.value === 'number' ? r.value : null,
      status: String(r.status ?? ''),
      raw: typeof r.raw === 'string' ? r.raw : null,
      note: typeof r.note === 'string' ? r.note : null,
      ...(typeof r.confidence === 'number' ? { confidence: r.confidence } : {}),
    });
  }
  return out;
}

/** A flag as the report page holds it (a row of {@link reportFlagsSql}). */
export interface ReportFlag {
  fingerprint: string;
  rule: string;
  rule_version: number;
  severity: string;
  subject: string | null;
  expected: string | null;
  actual: string | null;
  difference: number | null;
  message: string;
  evidence: string | null;
}

/** Rows of {@link reportFlagsSql} as {@link ReportFlag}s; `fingerprintOf` fills a missing fingerprint. */
export function flagsFromRows(rows: readonly Row[], fingerprintOf: (row: Row) => string): ReportFlag[] {
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  return rows.map((r) => ({
    fingerprint: fingerprintOf(r),
    rule: String(r.rule ?? ''),
    rule_version: typeof r.rule_version === 'number' ? r.rule_version : 0,
    severity: String(r.severity ?? ''),
    subject: text(r.subject),
    expected: text(r.expected),
    actual: text(r.actual),
    difference: typeof r.difference === 'number' ? r.difference : null,
    message: String(r.message ?? ''),
    evidence: text(r.evidence),
  }));
}
