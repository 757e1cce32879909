/**
 * Runs the registered rules (./rule-registry.ts). `runChecks` applies the single-report rules to
 * one parsed record (after the reading flags the parser raised: TABLE_MISSING, CELL_MISSING,
 * CELL_INFERRED, AGENCY_UNRESOLVED); `runCrossReportChecks` applies the rules that compare an
 * agency's consecutive years.
 */
import type { Flag, ReportRecord } from '../model/report-schema';
import { crossYearInput, type CrossYearInput } from './cross-year-input';
import { CROSS_YEAR_RULES, SINGLE_REPORT_RULES } from './rule-registry';

/**
 * Returns a new record whose flags are the reading flags plus those of every registered
 * single-report rule (./rule-registry.ts SINGLE_REPORT_RULES, in registry order). Never throws.
 */
export function runChecks(record: ReportRecord): ReportRecord {
  return { ...record, flags: [...record.flags, ...SINGLE_REPORT_RULES.flatMap((rule) => rule.run(record))] };
}

/**
 * The key under which reports count as the same agency across years: the report's `agency_key`
 * (lib/parse/agency-identity.ts, after the alias table; so 洪泽区人民政府 and 淮安市洪泽区人民政府
 * are one agency); for a report row without one (data files of older ingests) the resolved
 * divisions and agency type when the name resolved, else the agency's name as read.
 */
export function agencyKey(report: ReportRecord['report']): string | null {
  if (report.agency_key) return report.agency_key;
  if ((report.province || report.city || report.county) && report.agency_type) {
    return `${report.province ?? ''}|${report.city ?? ''}|${report.county ?? ''}|${report.agency_type}`;
  }
  return report.agency ? report.agency.replace(/\s+/g, '') : null;
}

/**
 * The flags of the registered cross-year rules (./rule-registry.ts CROSS_YEAR_RULES:
 * CARRYOVER_CONTINUITY, IN_FORCE_CONTINUITY, TEXT_REUSE) for every report whose agency also
 * has a report for the previous year (the first such report when several exist), by report id.
 */
export function crossYearFlags(inputs: readonly CrossYearInput[]): Map<string, Flag[]> {
  const byAgencyYear = new Map<string, CrossYearInput>();
  for (const r of inputs) {
    const key = agencyKey(r.report);
    if (key && r.report.year !== null && !byAgencyYear.has(`${key}|${r.report.year}`)) byAgencyYear.set(`${key}|${r.report.year}`, r);
  }
  const out = new Map<string, Flag[]>();
  for (const r of inputs) {
    const key = agencyKey(r.report);
    const prev = key && r.report.year !== null ? byAgencyYear.get(`${key}|${r.report.year - 1}`) : undefined;
    if (!prev) continue;
    const flags = CROSS_YEAR_RULES.flatMap((rule) => rule.run(r, prev));
    if (flags.length) out.set(r.report.report_id, flags);
  }
  return out;
}

/** Applies {@link crossYearFlags} to in-memory records; returns new records in the same order. Never throws. */
export function runCrossReportChecks(records: readonly ReportRecord[]): ReportRecord[] {
  const extra = crossYearFlags(records.map((r) => crossYearInput(r)));
  return records.map((r) => (extra.has(r.report.report_id) ? { ...r, flags: [...r.flags, ...extra.get(r.report.report_id)!] } : r));
}
