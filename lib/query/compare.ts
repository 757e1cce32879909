/**
 * 比较 (issue 9, "Compare: pick 2–5 agencies → a side-by-side table of the same metrics for the
 * same year, with the differences; when their years differ it says so"): the SQL that reads every
 * report of the chosen agencies (by agency_key, facts.agency_key) and a pure function that lines
 * them up for one year.
 *
 * The metrics are the agency page's (./agency-years.ts AGENCY_METRICS: 表三's 总计 column, 实质公开率
 * and the two 纠错率, 表四's totals, 表二's ten cells), read with the same SQL (agencyYearsSql), so a
 * number here is the number of that agency's page. Differences are against the first agency chosen
 * (the base column): in 件 (or 万元) and in % of the base's value (NULL when the base is 0 or
 * missing); for a rate, in percentage points (百分点) and no %. Missing stays missing: a number a
 * report did not give, or an agency without a report that year, is NULL and so is every
 * difference with it — never 0.
 */
import type { Row } from '../store/executor';
import { AGENCY_METRICS, agencyYearsSql, type AgencyMetric } from './agency-years';

/** Fewest agencies a comparison needs. */
export const COMPARE_MIN = 2;
/** Most agencies a comparison shows side by side. */
export const COMPARE_MAX = 5;

/**
 * `compare=` of the URL (agency keys separated by commas, e.g. `3208:人民政府,320813:人民政府`) → the
 * keys: trimmed, empty and repeated ones dropped (first kept), at most {@link COMPARE_MAX}.
 */
export function compareKeysFromParam(s: string | null | undefined): string[] {
  const keys = (s ?? '').split(',').map((k) => k.trim()).filter((k) => k.length > 0 && k.length <= 200);
  return [...new Set(keys)].slice(0, COMPARE_MAX);
}

/** The keys as `compare=` writes them (comma-separated; URLSearchParams encodes them). */
export function compareKeysToParam(keys: readonly string[]): string {
  return keys.join(',');
}

/** `cyear=` of the URL → a year (1900–2200), or null when absent or not a year. */
export function compareYearFromParam(s: string | null | undefined): number | null {
  const n = Number(s);
  return s && Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : null;
}

/**
 * Every report of the agencies `keys`, one row each, as ./agency-years.ts agencyYearsSql gives
 * them (report_id, agency_key, agency_name, year, origin, the AGENCY_METRICS columns …) for each key
 * in turn. No row for an unknown key; an empty `keys` selects no rows.
 */
export function compareSql(keys: readonly string[]): string {
  if (keys.length === 0) return 'SELECT NULL AS agency_key WHERE false';
  return keys.map((k) => `SELECT * FROM (${agencyYearsSql(k)})`).join('\nUNION ALL\n');
}

/** One agency of a comparison. */
export interface CompareAgency {
  key: string;
  /** agency_name of its reports, or the key when it has none in the data. */
  name: string;
  /** The years it has reports for, ascending. */
  years: number[];
  /** Its report of the compared year (the built-in one first when it also uploaded one), or null. */
  row: Row | null;
}

/** A difference with the base agency: `abs` in the metric's unit (件, 万元; a rate's in 百分点), `pct` in % of the base value. */
export interface CompareDiff {
  abs: number | null;
  /** (value − base) ÷ base × 100; null for rates, or when the base is 0 or either value missing. */
  pct: number | null;
}

/** One metric across the agencies: values in the agencies' order and the differences with the first. */
export interface CompareMetricRow {
  metric: AgencyMetric;
  /** 件, 万元, or a ratio 0–1 for rates; null when not given or no report. */
  values: Array<number | null>;
  /** diffs[0] is null (the base itself); diffs[i] compares agency i with agency 0. */
  diffs: Array<CompareDiff | null>;
}

/** The comparison of one year. */
export interface Comparison {
  /** The year compared, or null when none of the agencies has a report with a year. */
  year: number | null;
  /** Every year any of the agencies has, ascending: the choices of the year picker. */
  years: number[];
  /** The years all of them have, ascending. */
  commonYears: number[];
  agencies: CompareAgency[];
  metrics: CompareMetricRow[];
  /**
   * 比较的年度不同：… when the agencies do not all have the same years (each agency's years, and
   * which of them lack the compared year); null when they do.
   */
  yearNote: string | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The difference of `v` with `base` for a metric (see {@link CompareDiff}). */
export function compareDiff(metric: AgencyMetric, v: number | null, base: number | null): CompareDiff {
  if (v === null || base === null) return { abs: null, pct: null };
  if (metric.format === 'rate') return { abs: (v - base) * 100, pct: null };
  return { abs: v - base, pct: base === 0 ? null : ((v - base) / base) * 100 };
}

/** The year to compare: `wanted` when some agency has it; else the latest common year; else the latest year of any. */
function chooseYear(wanted: number | null, years: readonly number[], common: readonly number[]): number | null {
  if (wanted !== null && years.includes(wanted)) return wanted;
  return common.at(-1) ?? years.at(-1) ?? null;
}

/** 比较的年度不同：A 2024；B 2023、2024。B 没有 2025 年的报告。 — or null when every agency has the same years. */
function yearNote(agencies: readonly CompareAgency[], year: number | null): string | null {
  const same = agencies.every((a) => a.years.join() === agencies[0]?.years.join());
  if (same) return null;
  const each = agencies.map((a) => `${a.name} ${a.years.length ? a.years.join('、') : '无年度'}`).join('；');
  const lacking = agencies.filter((a) => !a.row).map((a) => a.name);
  const tail = year !== null && lacking.length ? `${lacking.join('、')}没有 ${year} 年的报告，其数值显示为“—”。` : '';
  return `比较的年度不同：${each}。${tail}可在“比较年度”中选择其他年度。`;
}

/**
 * Lines up the rows of {@link compareSql} for `keys` (in that order; the first is the base) in one
 * year: `wantedYear` when any agency has it, else the latest year they all have, else the latest
 * year of any. A key with no rows is kept, named by its key, with no years (all its values NULL).
 * Pure; never throws.
 */
export function buildComparison(keys: readonly string[], rows: readonly Row[], wantedYear: number | null): Comparison {
  const byKey = (k: string) => rows.filter((r) => r.agency_key === k);
  const yearsOf = (k: string) => [...new Set(byKey(k).map((r) => num(r.year)).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const all = [...new Set(keys.flatMap(yearsOf))].sort((a, b) => a - b);
  const common = all.filter((y) => keys.every((k) => yearsOf(k).includes(y)));
  const year = chooseYear(wantedYear, all, common);
  const agencies: CompareAgency[] = keys.map((k) => {
    const mine = byKey(k);
    const name = mine.map((r) => r.agency_name).find((n): n is string => typeof n === 'string' && n.length > 0) ?? k;
    return { key: k, name, years: yearsOf(k), row: mine.find((r) => year !== null && r.year === year) ?? null };
  });
  const metrics = AGENCY_METRICS.map((metric): CompareMetricRow => {
    const values = agencies.map((a) => (a.row ? num(a.row[metric.key]) : null));
    return { metric, values, diffs: values.map((v, i) => (i === 0 ? null : compareDiff(metric, v, values[0]))) };
  });
  return { year, years: all, commonYears: common, agencies, metrics, yearNote: yearNote(agencies, year) };
}
