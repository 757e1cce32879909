/**
 * One agency over its years (/agency/AGENCY_KEY, issue 9): the SQL that reads every report of one
 * agency identity (`facts.agency_key`, stable across years and spellings, e.g. 洪泽区人民政府 2023
 * and 淮安市洪泽区人民政府 2024 share one key), its flags, and the cross-year evaluations of
 * CARRYOVER_CONTINUITY and IN_FORCE_CONTINUITY for every pair of consecutive years — and pure
 * functions that arrange the rows into a year axis, series and a year-on-year table.
 *
 * Missing stays missing: a year without a report, or a number the report did not give, is NULL
 * (a gap in a line, `—` in a table), never 0. Counts are in 件, 收费 in 万元, rates are ratios 0–1.
 * No React, no Next.
 */
import { T2_COLUMNS, T2_ROWS } from '../model/form-layout';
import { VALUE_STATUSES } from '../model/report-schema';
import { T3_LABELS, T4_GROUP_LABELS } from '../present/labels';
import type { Row, SqlValue } from '../store/executor';
import { FACTS_TABLE, T2_CELLS } from '../store/facts';
import { sqlIdent, sqlString, sqlStringList } from '../store/sql';
import { indicator } from '../present/indicators';
import { zhT, type Translate } from '../present/i18n/translate';
import { continuityText } from '../present/continuity-text';

// ------------------------------------------------------------------ metrics

/** How a metric is shown: a count (件), an amount (万元) or a rate (ratio 0–1, shown as %). */
export type MetricFormat = 'count' | 'amount' | 'rate';

/** One number the agency page follows over the years: its column in {@link agencyYearsSql}, label, format and group. */
export interface AgencyMetric {
  /** Column of {@link agencyYearsSql}, e.g. `new_received`, `t2_regulations_in_force`, `disclosure_rate`. */
  key: string;
  /** Chinese label from the form (lib/model/form-layout.ts via lib/present/labels.ts), e.g. `予以公开`. */
  label: string;
  format: MetricFormat;
  /** Which part of the report it comes from: 表三, the derived rates, 表四 or 表二. */
  group: 't3' | 'rate' | 't4' | 't2';
}

/** 表三's 总计 column as the page shows it (件), in the form's order. */
const T3_METRICS: readonly AgencyMetric[] = (
  ['new_received', 'carried_over', 'granted', 'partially_granted', 'denied', 'unable', 'not_processed', 'other', 'total_processed', 'carried_forward'] as const
).map((k) => ({ key: k, label: T3_LABELS[k], format: 'count', group: 't3' }));

/**
 * The outcome segments of the 100 % bars: the six outcome groups of 表三 (rows 3–23, 总计 column)
 * and 结转下年度继续办理 (applications not finished in the year). Together they are every
 * application handled (本年新收 + 上年结转, T3_BALANCE), so each segment's share is of that whole.
 */
export const OUTCOME_SEGMENTS: readonly AgencyMetric[] = T3_METRICS.filter((m) =>
  ['granted', 'partially_granted', 'denied', 'unable', 'not_processed', 'other', 'carried_forward'].includes(m.key),
).map((m) => (m.key === 'carried_forward' ? { ...m, label: `${m.label}（尚未办结）` } : m));

/** 实质公开率, 复议纠错率, 诉讼纠错率 as lib/query/indicators.ts defines them (ratio 0–1). */
export const RATE_METRICS: readonly AgencyMetric[] = (['disclosure', 'review_correction', 'litigation_correction'] as const).map((k) => ({
  key: `${k}_rate`,
  label: indicator(k).label,
  format: 'rate',
  group: 'rate',
}));

/** 表四's 总计 of 行政复议 and of 行政诉讼 (two kinds of 起诉 summed), 件. */
const T4_METRICS: readonly AgencyMetric[] = [
  { key: 'review_total', label: `${T4_GROUP_LABELS.review}·总计`, format: 'count', group: 't4' },
  { key: 'litigation_total', label: `${T4_GROUP_LABELS.litigation}·总计`, format: 'count', group: 't4' },
];

/** 表二's ten cells of the 2021 form (件; 行政事业性收费 in 万元), `t2_<row>_<column>`. */
export const T2_METRICS: readonly AgencyMetric[] = T2_CELLS.map((c) => ({
  key: `t2_${c.key}`,
  label: c.label.replace('本年收费金额（万元）', '本年收费金额'),
  format: c.column === 'amount' ? 'amount' : 'count',
  group: 't2',
}));

/** Every metric of the year-on-year table, in the page's order: 表三, rates, 表四, 表二. */
export const AGENCY_METRICS: readonly AgencyMetric[] = [...T3_METRICS, ...RATE_METRICS, ...T4_METRICS, ...T2_METRICS];

/** The metric with this key; throws only on a programming error. */
export function agencyMetric(key: string): AgencyMetric {
  const m = AGENCY_METRICS.find((x) => x.key === key);
  if (!m) throw new Error(`unknown agency metric ${key}`);
  return m;
}

// ------------------------------------------------------------------ SQL

/**
 * Every report of the agency `agencyKey` from `facts`, one row each, by year (NULL years last),
 * then built-in before uploaded, then report_id: report_id, agency_key, agency_name, agency (as
 * printed), region, year (INTEGER or NULL), origin, has_t2/has_t3/has_t4, the {@link AGENCY_METRICS}
 * columns (件, 万元, rates 0–1; NULL when not given or not computable), the rates' denominators
 * `<rate>_base` (件) and the notes t2_notes, t3_notes, t4_notes. No row for an unknown key.
 */
export function agencyYearsSql(agencyKey: string): string {
  const t3 = T3_METRICS.map((m) => `f.t3_${m.key} AS ${m.key}`);
  const t2 = T2_METRICS.map((m) => `f.${sqlIdent(m.key)}`);
  const reviewDone = 'f.t4_review_upheld + f.t4_review_corrected + f.t4_review_other';
  const litigationDone = 'f.t4_litigation_upheld + f.t4_litigation_corrected + f.t4_litigation_other';
  const rates = [
    // The formulas of the 指标 view (lib/query/views.ts INDICATORS_VIEW), per report.
    `CAST((f.t3_granted + f.t3_partially_granted) / NULLIF(f.t3_total_processed, 0) AS DOUBLE) AS disclosure_rate`,
    `CAST(f.t3_total_processed AS DOUBLE) AS disclosure_base`,
    `CAST(f.t4_review_corrected / NULLIF(${reviewDone}, 0) AS DOUBLE) AS review_correction_rate`,
    `CAST(${reviewDone} AS DOUBLE) AS review_correction_base`,
    `CAST(f.t4_litigation_corrected / NULLIF(${litigationDone}, 0) AS DOUBLE) AS litigation_correction_rate`,
    `CAST(${litigationDone} AS DOUBLE) AS litigation_correction_base`,
  ];
  return (
    `SELECT f.report_id, CAST(f.agency_key AS VARCHAR) AS agency_key, CAST(f.agency_name AS VARCHAR) AS agency_name, ` +
    `CAST(f.agency AS VARCHAR) AS agency, CAST(f.region AS VARCHAR) AS region, CAST(f.year AS INTEGER) AS year, CAST(f.origin AS VARCHAR) AS origin, ` +
    `f.has_t2, f.has_t3, f.has_t4,\n  ${[...t3, ...rates, 'f.t4_review_total AS review_total', 'f.t4_litigation_total AS litigation_total', ...t2].join(',\n  ')},\n` +
    `  f.t2_notes, f.t3_notes, f.t4_notes\n` +
    `FROM ${FACTS_TABLE} f WHERE f.agency_key = ${sqlString(agencyKey)}\n` +
    `ORDER BY f.year NULLS LAST, CASE WHEN f.origin = 'upload' THEN 1 ELSE 0 END, f.report_id`
  );
}

/** The latest report year in the data (`latest`, INTEGER; NULL when no report has a year): coverage runs to it. */
export function latestYearSql(): string {
  return `SELECT CAST(max(year) AS INTEGER) AS latest FROM ${FACTS_TABLE}`;
}

/**
 * The flags of the reports `reportIds`: report_id, fingerprint, rule, rule_version (INTEGER),
 * severity, subject, expected, actual, difference (DOUBLE), message, evidence — errors first, as
 * on the report page (./report-detail.ts reportFlagsSql). An empty list selects no rows.
 */
export function agencyFlagsSql(reportIds: readonly string[]): string {
  const only = reportIds.length ? `report_id IN (${sqlStringList(reportIds)})` : 'false';
  return (
    `SELECT report_id, fingerprint, rule, CAST(rule_version AS INTEGER) AS rule_version, severity, subject, expected, actual, ` +
    `CAST(difference AS DOUBLE) AS difference, message, evidence FROM flags WHERE ${only} ` +
    `ORDER BY report_id, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 ELSE 3 END, rule, subject`
  );
}

/** Verdict of a cross-year evaluation: the rule holds, fails, or cannot be evaluated (a number missing). */
export type ContinuityVerdict = 'holds' | 'fails' | 'not_evaluated';

/**
 * The cross-year evaluations of the reports `reportIds` (one agency's), read from `cells` (load
 * them first: the browser's BrowserDb.ensureCells), for every pair of reports of consecutive years
 * (Y−1 → Y) — one row per pair and check, whether the rule holds or not:
 *
 * - CARRYOVER_CONTINUITY (lib/checks/check-carryover-continuity.ts): `actual` = 上年结转 of Y
 *   (t3 carried_over, total), `expected` = 结转下年度继续办理 of Y−1 (t3 carried_forward, total);
 * - IN_FORCE_CONTINUITY (lib/checks/check-in-force-continuity.ts), for `subject_row` regulations
 *   and normative_documents: `actual` = 现行有效 of Y, `expected` = `last` (现行有效 of Y−1) +
 *   `issued` (本年制发 of Y) − `repealed` (本年废止 of Y).
 *
 * Each cell counts as the rules count it (lib/model/cell-grid.ts arithmeticValue): reported or
 * inferred → its value, blank or placeholder → 0, missing or absent → NULL. `verdict` is
 * `not_evaluated` when any number is NULL (the rule raises nothing then), `holds` when expected =
 * actual, else `fails` (the rule's flag). Columns: rule, subject_row (`carried_over` for the
 * carry-over), prev_report_id, prev_year, report_id, year (INTEGER), expected, actual, last,
 * issued, repealed (DOUBLE, 件; the last three NULL for the carry-over), verdict. Ordered by year,
 * rule, subject_row. The rule pairs a year with the first report of the year before; where an
 * agency has two reports in one year, every pair is listed.
 */
export function continuitySql(reportIds: readonly string[]): string {
  const ids = reportIds.length ? sqlStringList(reportIds) : `''`;
  const q = sqlIdent;
  const arith = `CASE WHEN c.status IN (${VALUE_STATUSES.map((s) => `'${s}'`).join(', ')}) THEN CAST(c.value AS DOUBLE) WHEN c.status IN ('blank', 'placeholder') THEN 0.0 ELSE NULL END`;
  const cell = (table: string, row: string, column: string) =>
    `max(${arith}) FILTER (WHERE c.${q('table')} = ${sqlString(table)} AND c.${q('row')} = ${sqlString(row)} AND c.${q('column')} = ${sqlString(column)})`;
  const t2 = ['regulations', 'normative_documents'].flatMap((row) =>
    ['issued', 'repealed', 'in_force'].map((col) => `${cell('t2', row, col)} AS ${row}_${col}`),
  );
  const p =
    `p AS (SELECT r.report_id, r.year,\n  ${[`${cell('t3', 'carried_over', 'total')} AS carried_over`, `${cell('t3', 'carried_forward', 'total')} AS carried_forward`, ...t2].join(',\n  ')}\n` +
    `FROM (SELECT report_id, CAST(year AS INTEGER) AS year FROM ${FACTS_TABLE} WHERE report_id IN (${ids}) AND year IS NOT NULL) r\n` +
    `LEFT JOIN cells c ON c.report_id = r.report_id GROUP BY r.report_id, r.year)`;
  const pairs = `pairs AS (SELECT b.report_id AS prev_report_id, b.year AS prev_year, a.* EXCLUDE (report_id, year), a.report_id, a.year, ` +
    `b.carried_forward AS prev_carried_forward, b.regulations_in_force AS prev_regulations_in_force, b.normative_documents_in_force AS prev_normative_documents_in_force ` +
    `FROM p a JOIN p b ON b.year = a.year - 1)`;
  const verdict = (parts: string[], expected: string, actual: string) =>
    `CASE WHEN ${parts.map((x) => `${x} IS NULL`).join(' OR ')} THEN 'not_evaluated' WHEN ${expected} = ${actual} THEN 'holds' ELSE 'fails' END`;
  const carry =
    `SELECT 'CARRYOVER_CONTINUITY' AS rule, 'carried_over' AS subject_row, prev_report_id, prev_year, report_id, year, ` +
    `prev_carried_forward AS expected, carried_over AS actual, CAST(NULL AS DOUBLE) AS last, CAST(NULL AS DOUBLE) AS issued, CAST(NULL AS DOUBLE) AS repealed, ` +
    `${verdict(['prev_carried_forward', 'carried_over'], 'prev_carried_forward', 'carried_over')} AS verdict FROM pairs`;
  const inForce = ['regulations', 'normative_documents'].map((row) => {
    const [last, issued, repealed, now] = [`prev_${row}_in_force`, `${row}_issued`, `${row}_repealed`, `${row}_in_force`];
    const expected = `(${last} + ${issued} - ${repealed})`;
    return (
      `SELECT 'IN_FORCE_CONTINUITY', ${sqlString(row)}, prev_report_id, prev_year, report_id, year, ${expected}, ${now}, ${last}, ${issued}, ${repealed}, ` +
      `${verdict([last, issued, repealed, now], expected, now)} FROM pairs`
    );
  });
  return (
    `WITH ${p},\n${pairs}\n` +
    `SELECT * FROM (${[carry, ...inForce].join('\nUNION ALL\n')})\n` +
    `ORDER BY year, report_id, prev_report_id, rule, subject_row`
  );
}

// ------------------------------------------------------------------ rows → the page

/** One report of the agency, as the page uses it: the row of {@link agencyYearsSql}. */
export type AgencyReportRow = Row;

/** The agency over its years, arranged from the rows of {@link agencyYearsSql}. */
export interface AgencyYears {
  agencyKey: string;
  /** Canonical display name (`agency_name`), else the latest printed name. */
  agencyName: string;
  /** The names the reports print, distinct, in year order (e.g. 洪泽区人民政府, 淮安市洪泽区人民政府). */
  printedNames: string[];
  /** Regions the reports give, distinct. */
  regions: string[];
  /** Year axis: every year from the agency's first report to the latest year in the data (or its last report, if later). */
  years: number[];
  /** The reports of each year of {@link years} (empty: no report that year). */
  reportsByYear: Record<number, AgencyReportRow[]>;
  /** The report each year's charts and table show: the first of its year (built-in before uploaded, then by id), or null. */
  shown: Array<AgencyReportRow | null>;
  /** Reports whose year could not be read (not on the year axis). */
  unknownYear: AgencyReportRow[];
}

const str = (v: SqlValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Arranges the rows of {@link agencyYearsSql} (in its order) with the latest year of the data
 * (`latestYear`, from {@link latestYearSql}; null when unknown). Returns null when there are no rows
 * (an unknown agency key).
 */
export function buildAgencyYears(agencyKey: string, rows: readonly AgencyReportRow[], latestYear: number | null): AgencyYears | null {
  if (rows.length === 0) return null;
  const dated = rows.filter((r) => typeof r.year === 'number');
  const unknownYear = rows.filter((r) => typeof r.year !== 'number');
  const yearsOf = dated.map((r) => r.year as number);
  const years: number[] = [];
  if (yearsOf.length) {
    const first = Math.min(...yearsOf);
    const last = Math.max(...yearsOf, latestYear ?? -Infinity);
    for (let y = first; y <= last; y++) years.push(y);
  }
  const reportsByYear: Record<number, AgencyReportRow[]> = {};
  for (const y of years) reportsByYear[y] = dated.filter((r) => r.year === y);
  const distinct = (xs: Array<string | null>) => [...new Set(xs.filter((x): x is string => x !== null))];
  const printedNames = distinct(rows.map((r) => str(r.agency)));
  return {
    agencyKey,
    agencyName: str(rows.find((r) => str(r.agency_name))?.agency_name) ?? printedNames[printedNames.length - 1] ?? '（未识别机关）',
    printedNames,
    regions: distinct(rows.map((r) => str(r.region))),
    years,
    reportsByYear,
    shown: years.map((y) => reportsByYear[y][0] ?? null),
    unknownYear,
  };
}

/** The values of `key` along the year axis: a number, or null for a year with no report or a number not given. */
export function metricSeries(ay: AgencyYears, key: string): Array<number | null> {
  return ay.shown.map((r) => (r && typeof r[key] === 'number' ? (r[key] as number) : null));
}

/** One cell of the year-on-year table: the value of a year and its change from the year before. */
export interface YearChange {
  year: number;
  /** The value (件, 万元, or a ratio 0–1), null when not given. */
  value: number | null;
  /** Change from the year before: in 件 / 万元, or in percentage points × 0.01 for a rate (0.05 = 5 个百分点); null when not computable. */
  change: number | null;
  /** Relative change (0.25 = +25 %); null for rates, or when either side is missing or the base is 0. */
  pct: number | null;
  /** Why `change` or `pct` is null, in Chinese (for a tooltip); null when both are there (or for the first year). */
  why: string | null;
}

/**
 * The year-on-year row of one metric over the year axis. Year Y is compared with Y−1 on the axis
 * (a year with no report is a gap: the next year is not compared with an older one). `change`
 * and `pct` are NULL when either side is missing; `pct` also when the base (Y−1) is 0 and for
 * rates (their change is in percentage points). `why` is said in the UI's language (`t`, Chinese by default).
 */
export function yearOnYear(ay: AgencyYears, metric: AgencyMetric, t: Translate = zhT): YearChange[] {
  const values = metricSeries(ay, metric.key);
  return ay.years.map((year, i) => {
    const value = values[i];
    if (i === 0) return { year, value, change: null, pct: null, why: null };
    const before = values[i - 1];
    const noReport = (j: number) => ay.shown[j] === null;
    let why: string | null = null;
    if (noReport(i - 1)) why = t('{{year}} 年没有报告，无法比较', { year: year - 1 });
    else if (noReport(i)) why = t('{{year}} 年没有报告，无法比较', { year });
    else if (before === null) why = t('{{year}} 年报告没有给出这个数（或无法计算），无法比较', { year: year - 1 });
    else if (value === null) why = t('{{year}} 年报告没有给出这个数（或无法计算），无法比较', { year });
    if (why !== null || before === null || value === null) return { year, value, change: null, pct: null, why };
    const change = value - before;
    if (metric.format === 'rate') return { year, value, change, pct: null, why: t('比率的变化以百分点表示') };
    if (before === 0) return { year, value, change, pct: null, why: t('{{year}} 年为 0，无法计算变化百分比', { year: year - 1 }) };
    return { year, value, change, pct: change / before, why: null };
  });
}

/** Label of a 表二 row·column pair from the form (e.g. `行政规范性文件·现行有效件数`). */
export function t2CellLabel(row: string, column: string): string {
  const r = T2_ROWS.find((x) => x.key === row)?.label ?? row;
  const c = T2_COLUMNS.find((x) => x.key === column)?.label ?? column;
  return `${r}·${c}`;
}

/** One cross-year evaluation as the page shows it (a row of {@link continuitySql}). */
export interface ContinuityCheck {
  rule: 'CARRYOVER_CONTINUITY' | 'IN_FORCE_CONTINUITY';
  /** `carried_over` for the carry-over; `regulations` or `normative_documents` for the in-force rule. */
  subjectRow: string;
  prevReportId: string;
  prevYear: number;
  reportId: string;
  year: number;
  expected: number | null;
  actual: number | null;
  last: number | null;
  issued: number | null;
  repealed: number | null;
  verdict: ContinuityVerdict;
  /** The evaluation in one Chinese sentence with its numbers, e.g. `2024 年上年结转 0 件 = 2023 年结转下年度继续办理 0 件`. */
  text: string;
}

const n = (v: SqlValue | undefined): number | null => (typeof v === 'number' ? v : null);

/** Rows of {@link continuitySql} as {@link ContinuityCheck}s, each with its Chinese sentence ({@link continuityText}). */
export function continuityChecks(rows: readonly Row[]): ContinuityCheck[] {
  return rows.map((r) => {
    const c: Omit<ContinuityCheck, 'text'> = {
      rule: r.rule === 'IN_FORCE_CONTINUITY' ? 'IN_FORCE_CONTINUITY' : 'CARRYOVER_CONTINUITY',
      subjectRow: String(r.subject_row ?? ''),
      prevReportId: String(r.prev_report_id ?? ''),
      prevYear: n(r.prev_year) ?? 0,
      reportId: String(r.report_id ?? ''),
      year: n(r.year) ?? 0,
      expected: n(r.expected),
      actual: n(r.actual),
      last: n(r.last),
      issued: n(r.issued),
      repealed: n(r.repealed),
      verdict: r.verdict === 'holds' || r.verdict === 'fails' ? r.verdict : 'not_evaluated',
    };
    return { ...c, text: continuityText(c) };
  });
}
