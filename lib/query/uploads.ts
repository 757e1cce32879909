/**
 * SQL around uploaded reports (rows with `origin = 'upload'`, ./load.ts ORIGIN_COLUMN): which of
 * a batch's ids are already loaded, the loaded reports and cells the cross-year rules compare an
 * upload with, counts by origin, and removing every upload again. Pure string builders.
 */
import { sqlIdent, sqlNumber, sqlStringList } from '../store/sql';

/**
 * The loaded reports among `ids`: report_id, agency, year (INTEGER), origin, source_file.
 * For an empty list, a query that returns no rows.
 */
export function loadedReportsByIdSql(ids: readonly string[]): string {
  const where = ids.length ? `report_id IN (${sqlStringList(ids)})` : 'FALSE';
  return `SELECT report_id, agency, CAST(year AS INTEGER) AS year, origin, source_file FROM reports WHERE ${where}`;
}

/**
 * Every column of the readable loaded reports (status ok or partial) of the given report years,
 * with year as INTEGER and published_on as `YYYY-MM-DD` text (for lib/store/record-rows.ts
 * reportFromRow). For an empty list, a query that returns no rows.
 */
export function reportsOfYearsSql(years: readonly number[]): string {
  const where = years.length ? `CAST(year AS INTEGER) IN (${years.map(sqlNumber).join(', ')})` : 'FALSE';
  return (
    `SELECT * REPLACE (CAST(year AS INTEGER) AS year, CAST(published_on AS VARCHAR) AS published_on) FROM reports ` +
    `WHERE ${where} AND status IN ('ok', 'partial') ORDER BY report_id`
  );
}

/**
 * The cells the cross-year rules read (lib/checks/cross-year-input.ts: 表三 上年结转/结转下年度,
 * 表二 规章/行政规范性文件) of the given reports, value as DOUBLE (件).
 */
export function crossYearCellsSql(ids: readonly string[]): string {
  const where = ids.length ? `report_id IN (${sqlStringList(ids)})` : 'FALSE';
  return (
    `SELECT report_id, ${sqlIdent('table')}, ${sqlIdent('row')}, ${sqlIdent('column')}, CAST(value AS DOUBLE) AS value, status, raw, note FROM cells ` +
    `WHERE ${where} AND ((${sqlIdent('table')} = 't3' AND ${sqlIdent('row')} IN ('carried_over', 'carried_forward')) ` +
    `OR (${sqlIdent('table')} = 't2' AND ${sqlIdent('row')} IN ('regulations', 'normative_documents')))`
  );
}

/** Row counts by origin: columns origin, reports, cells, flags (INTEGER), one row per origin present. */
export function countsByOriginSql(): string {
  return (
    `SELECT r.origin, CAST(count(DISTINCT r.report_id) AS INTEGER) AS reports, ` +
    `CAST(coalesce(sum(c.n), 0) AS INTEGER) AS cells, CAST(coalesce(sum(f.n), 0) AS INTEGER) AS flags FROM reports r ` +
    `LEFT JOIN (SELECT report_id, count(*) AS n FROM cells GROUP BY report_id) c ON c.report_id = r.report_id ` +
    `LEFT JOIN (SELECT report_id, count(*) AS n FROM flags GROUP BY report_id) f ON f.report_id = r.report_id ` +
    `GROUP BY r.origin ORDER BY r.origin`
  );
}

/**
 * `SELECT n`: how many reports were uploaded in this browser (INTEGER; `facts` rows with origin
 * `upload` — every report has one facts row, ./facts.ts). The dashboard's cheap check for its “另有…上传的 N 份报告” line; {@link countsByOriginSql}
 * joins cells and flags and costs ~0.4 s at 100,000 reports.
 */
export function uploadedReportCountSql(): string {
  return `SELECT CAST(count(*) AS INTEGER) AS n FROM facts WHERE origin = 'upload'`;
}

/** Statements (in order) that delete every uploaded report with its cells, facts and flags. */
export function removeUploadsSql(): string[] {
  const uploaded = `(SELECT report_id FROM reports WHERE origin = 'upload')`;
  return [
    `DELETE FROM flags WHERE report_id IN ${uploaded}`,
    `DELETE FROM cells WHERE report_id IN ${uploaded}`,
    `DELETE FROM facts WHERE report_id IN ${uploaded}`,
    `DELETE FROM reports WHERE origin = 'upload'`,
  ];
}
