/**
 * Runs the rules. `runChecks` applies the single-report rules to one parsed record (after the
 * reading flags the parser raised: TABLE_MISSING, CELL_MISSING, CELL_INFERRED);
 * `runCrossReportChecks` applies the rules that compare an agency's consecutive years.
 */
import type { Flag, ReportRecord } from '../model/report-schema';
import { crossYearInput, type CrossYearInput } from './cross-year-input';
import { checkCarryoverContinuity } from './check-carryover-continuity';
import { checkDeadline } from './check-deadline';
import { checkInForceContinuity } from './check-in-force-continuity';
import { checkNarrativeMatch } from './check-narrative-match';
import { checkPublicationDateUnknown } from './check-publication-date-unknown';
import { checkSectionMissing } from './check-section-missing';
import { checkT2Values } from './check-t2-values';
import { checkT3Balance } from './check-t3-balance';
import { checkT3OutcomeSum } from './check-t3-outcome-sum';
import { checkT3RowTotal } from './check-t3-row-total';
import { checkT4Total } from './check-t4-total';
import { checkTextReuse } from './check-text-reuse';

/** Returns a new record whose flags are the reading flags plus every single-report rule's. Never throws. */
export function runChecks(record: ReportRecord): ReportRecord {
  const { report, cells } = record;
  const id = report.report_id;
  return {
    ...record,
    flags: [
      ...record.flags,
      ...checkSectionMissing(report),
      ...checkT2Values(id, cells),
      ...checkT3Balance(id, cells),
      ...checkT3OutcomeSum(id, cells),
      ...checkT3RowTotal(id, cells),
      ...checkT4Total(id, cells),
      ...checkNarrativeMatch(report, cells, record.text),
      ...checkDeadline(report),
      ...checkPublicationDateUnknown(report),
    ],
  };
}

/**
 * The key under which reports count as the same agency across years: the resolved divisions and
 * agency type when the name resolved (so 洪泽区人民政府 and 淮安市洪泽区人民政府 are one agency),
 * else the agency's name as read.
 */
export function agencyKey(report: ReportRecord['report']): string | null {
  if ((report.province || report.city || report.county) && report.agency_type) {
    return `${report.province ?? ''}|${report.city ?? ''}|${report.county ?? ''}|${report.agency_type}`;
  }
  return report.agency ? report.agency.replace(/\s+/g, '') : null;
}

/**
 * CARRYOVER_CONTINUITY, IN_FORCE_CONTINUITY and TEXT_REUSE for every report whose agency also
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
    const flags = [...checkCarryoverContinuity(r, prev), ...checkInForceContinuity(r, prev), ...checkTextReuse(r, prev)];
    if (flags.length) out.set(r.report.report_id, flags);
  }
  return out;
}

/** Applies {@link crossYearFlags} to in-memory records; returns new records in the same order. Never throws. */
export function runCrossReportChecks(records: readonly ReportRecord[]): ReportRecord[] {
  const extra = crossYearFlags(records.map((r) => crossYearInput(r)));
  return records.map((r) => (extra.has(r.report.report_id) ? { ...r, flags: [...r.flags, ...extra.get(r.report.report_id)!] } : r));
}
