/**
 * The coverage grid (覆盖): agency × report year. Each cell says whether a report for that agency
 * and year is in the data, how far it could be read (status, which of 表二/表三/表四 were found)
 * and how many `error` flags it has. A year between an agency's first and last report with no
 * report is an empty cell — a report that was not collected, or not published (条例第四十九条).
 *
 * One SELECT ({@link coverageSql}) gives one row per report; {@link buildCoverageGrid} arranges
 * the rows into the grid (pure, no DOM).
 */
import type { Row } from '../store/executor';
import { countedReportSql } from '../store/facts';
import { filterWhere, type FilterState } from './filters';
import { reportStatusLabel } from '../present/labels';
import { zhT, type Translate } from '../present/i18n/translate';

/** The tables of the form in order, with their short Chinese names. */
export const COVERAGE_TABLES: ReadonlyArray<{ key: 't2' | 't3' | 't4'; label: string }> = [
  { key: 't2', label: '表二' },
  { key: 't3', label: '表三' },
  { key: 't4', label: '表四' },
];

/**
 * One row per report the filter keeps (but no `blank_form`: the unfilled form is no agency's
 * report; and no `duplicate`: a report read twice is counted once, lib/checks/duplicate-reports.ts): report_id, agency (the canonical name, agency_name, or the name as read for data files
 * without it), agency_key, region, year (INTEGER or NULL),
 * status, status_message, tables_found (`;`-joined), source_file, origin (`upload`/`embedded`), and its flag counts errors,
 * warnings, infos, flags (INTEGER, 条). Ordered by agency, year, report_id.
 */
export function coverageSql(filter: FilterState): string {
  return (
    `WITH r AS (SELECT * REPLACE (coalesce(agency_name, agency) AS agency) FROM reports WHERE ${countedReportSql()} AND ${filterWhere(filter)})\n` +
    `SELECT r.report_id, r.agency, r.agency_key, r.region, CAST(r.year AS INTEGER) AS year, r.status, r.status_message, r.tables_found, r.source_file, r.origin,\n` +
    `  CAST(count(f.rule) FILTER (WHERE f.severity = 'error') AS INTEGER) AS errors,\n` +
    `  CAST(count(f.rule) FILTER (WHERE f.severity = 'warning') AS INTEGER) AS warnings,\n` +
    `  CAST(count(f.rule) FILTER (WHERE f.severity = 'info') AS INTEGER) AS infos,\n` +
    `  CAST(count(f.rule) AS INTEGER) AS flags\n` +
    `FROM r LEFT JOIN flags f ON f.report_id = r.report_id\n` +
    `GROUP BY r.report_id, r.agency, r.agency_key, r.region, r.year, r.status, r.status_message, r.tables_found, r.source_file, r.origin\n` +
    `ORDER BY r.agency, r.year, r.report_id`
  );
}

/** How readable a report is, for the cell's colour: `full` (ok), `partial`, `unreadable` (anything else). */
export type Readability = 'full' | 'partial' | 'unreadable';

/** One report in a grid cell. */
export interface CoverageReport {
  report_id: string;
  status: string;
  /** Chinese name of the status, e.g. `部分可读`. */
  statusLabel: string;
  statusMessage: string;
  readability: Readability;
  /** Tables read (`t2`, `t3`, `t4`) and those not read. */
  tablesFound: string[];
  tablesMissing: string[];
  /** Flag counts (条). */
  errors: number;
  warnings: number;
  infos: number;
  sourceFile: string;
  /** Whether the report was uploaded in this browser (not in the built data). */
  uploaded: boolean;
}

/** One row of the grid: an agency (with the regions its reports name) and its reports by year. */
export interface CoverageAgency {
  /** The agency's name, or `（未识别机关：FILE）` (the file's base name) when the report names none. */
  agency: string;
  /** The agency's agency_key (lib/parse/agency-identity.ts), null when the report names no agency. */
  agencyKey: string | null;
  region: string | null;
  /** Year key (`2022`, or `unknown` for reports whose year is unknown) → its reports (usually one). */
  byYear: Record<string, CoverageReport[]>;
}

/** The grid: year columns (contiguous from the first to the last year, then `unknown` if needed) and agency rows. */
export interface CoverageGrid {
  years: string[];
  agencies: CoverageAgency[];
  /** Totals: reports, agency-year cells with no report inside an agency's span, reports with errors. */
  totals: { reports: number; gaps: number; withErrors: number };
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * Arrange rows of {@link coverageSql} into a {@link CoverageGrid}. Year columns run without gaps
 * from the earliest to the latest year of the rows (so a missing year shows as a column of empty
 * cells), followed by `unknown` when some report's year is unknown. Agencies are sorted by name
 * (zh-CN) and grouped by agency_key (洪泽区人民政府 2023 and 淮安市洪泽区人民政府 2024 are one row;
 * rows without a key by name); two reports of the same agency and year (the same file twice, or a correction) share a
 * cell. `gaps` counts empty cells between an agency's first and last year.
 */
export function buildCoverageGrid(rows: readonly Row[]): CoverageGrid {
  const years = rows.map((r) => r.year).filter((y): y is number => typeof y === 'number');
  const yearKeys: string[] = [];
  if (years.length > 0) for (let y = Math.min(...years); y <= Math.max(...years); y++) yearKeys.push(String(y));
  if (rows.some((r) => typeof r.year !== 'number')) yearKeys.push('unknown');

  const byAgency = new Map<string, CoverageAgency>();
  let withErrors = 0;
  for (const r of rows) {
    const file = String(r.source_file ?? r.report_id).split(/[\\/]/).pop();
    const name = typeof r.agency === 'string' && r.agency ? r.agency : `（未识别机关：${file}）`;
    const agencyKey = typeof r.agency_key === 'string' && r.agency_key ? r.agency_key : null;
    let a = byAgency.get(agencyKey ?? name);
    if (!a) {
      a = { agency: name, agencyKey, region: typeof r.region === 'string' ? r.region : null, byYear: {} };
      byAgency.set(agencyKey ?? name, a);
    }
    const found = typeof r.tables_found === 'string' && r.tables_found ? r.tables_found.split(';') : [];
    const status = String(r.status ?? '');
    const report: CoverageReport = {
      report_id: String(r.report_id),
      status,
      statusLabel: reportStatusLabel(status),
      statusMessage: typeof r.status_message === 'string' ? r.status_message : '',
      readability: status === 'ok' ? 'full' : status === 'partial' ? 'partial' : 'unreadable',
      tablesFound: found,
      tablesMissing: COVERAGE_TABLES.map((t) => t.key).filter((t) => !found.includes(t)),
      errors: num(r.errors),
      warnings: num(r.warnings),
      infos: num(r.infos),
      sourceFile: String(r.source_file ?? ''),
      uploaded: r.origin === 'upload',
    };
    if (report.errors > 0) withErrors++;
    const key = typeof r.year === 'number' ? String(r.year) : 'unknown';
    (a.byYear[key] ??= []).push(report);
  }
  const zh = new Intl.Collator('zh-CN').compare;
  const agencies = [...byAgency.values()].sort((x, y) => zh(x.agency, y.agency));
  let gaps = 0;
  for (const a of agencies) {
    const ys = Object.keys(a.byYear).filter((k) => k !== 'unknown').map(Number);
    if (ys.length === 0) continue;
    for (let y = Math.min(...ys); y <= Math.max(...ys); y++) if (!a.byYear[String(y)]) gaps++;
  }
  return { years: yearKeys, agencies, totals: { reports: rows.length, gaps, withErrors } };
}

/** Column heading of a year key in the UI's language (`t`, Chinese by default): `2022 年`, or `年度未知`. */
export function yearHeading(key: string, t: Translate = zhT): string {
  return key === 'unknown' ? t('年度未知') : t('{{year}} 年', { year: key });
}
