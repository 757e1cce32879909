/**
 * SQL a database opener runs around the data tables (app/_lib/duckdb-browser.ts in the browser):
 * the engine's settings, a table's row count, the engine's version, and the statements that load
 * one built-in report's cells on demand. Pure string builders; the opener knows no SQL of its own.
 */
import type { DataTable } from './load';
import { sqlString, sqlStringList } from './sql';

/**
 * Settings run once after opening: no extension is installed or loaded behind the page's back
 * (offline DuckDB-WASM has only its built-in readers; an autoload would fetch from another host).
 */
export function engineSettingsSql(): string[] {
  return ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'];
}

/** `SELECT n`: the rows of one data table (INTEGER). */
export function tableRowCountSql(table: DataTable): string {
  return `SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`;
}

/** `SELECT v`: the engine's version text (e.g. `v1.4.3`). */
export function engineVersionSql(): string {
  return 'SELECT version() AS v';
}

/**
 * `SELECT report_id` of the built-in reports (origin `embedded`) among `ids` — those whose cells
 * can be fetched from the data folder (an upload's cells are in the database already). For an
 * empty list, a query that returns no rows.
 */
export function embeddedReportIdsSql(ids: readonly string[]): string {
  const where = ids.length ? `report_id IN (${sqlStringList(ids)})` : 'FALSE';
  return `SELECT report_id FROM reports WHERE origin = 'embedded' AND ${where}`;
}

/** Deletes the `cells` rows of one report (before its rows are inserted again, so none is doubled). */
export function deleteReportCellsSql(reportId: string): string {
  return `DELETE FROM cells WHERE report_id = ${sqlString(reportId)}`;
}
