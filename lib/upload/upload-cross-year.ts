/**
 * The cross-year rules (CARRYOVER_CONTINUITY, IN_FORCE_CONTINUITY, TEXT_REUSE; lib/checks) for
 * reports uploaded in the browser: each uploaded report of year Y is compared with the report of
 * the same agency — the same agency_key (lib/parse/agency-identity.ts, via lib/checks/run-checks.ts
 * agencyKey: 洪泽区人民政府 and 淮安市洪泽区人民政府 are one) — for Y−1 — one already loaded (built in, or
 * uploaded earlier) or one of the same upload. Pure.
 *
 * Only the uploaded reports get flags. A loaded report whose previous year arrives with an upload
 * is not re-checked: its flags are those of the data it came with.
 */
import { agencyKey, crossYearFlags } from '../checks/run-checks';
import { crossYearInput, type CrossYearInput } from '../checks/cross-year-input';
import type { Report, ReportRecord } from '../model/report-schema';

/**
 * The report years whose loaded reports the rules need for `batch`: Y−1 for every report year Y of
 * the batch (sorted, without duplicates). Reports without a year need none.
 */
export function previousYearsNeeded(batch: readonly ReportRecord[]): number[] {
  const years = new Set<number>();
  for (const r of batch) if (r.report.year !== null) years.add(r.report.year - 1);
  return [...years].sort((a, b) => a - b);
}

/**
 * Whether a loaded report can be the previous year of a batch report: same agency key and year
 * one less. Use it to keep only the loaded reports whose cells and text are worth fetching.
 */
export function isPreviousYearOfBatch(loaded: Report, batch: readonly ReportRecord[]): boolean {
  const key = agencyKey(loaded);
  if (!key || loaded.year === null) return false;
  return batch.some((r) => r.report.year === (loaded.year as number) + 1 && agencyKey(r.report) === key);
}

/**
 * Returns the batch's records (same order) with the cross-year flags of each appended; the loaded
 * reports (`loaded`: built-in or earlier uploads, as lib/checks/cross-year-input.ts inputs) are the
 * preferred partner when both a loaded report and another uploaded one exist for an agency's Y−1.
 * Never throws.
 */
export function withCrossYearFlags(batch: readonly ReportRecord[], loaded: readonly CrossYearInput[]): ReportRecord[] {
  const ids = new Set(batch.map((r) => r.report.report_id));
  const inputs = [...loaded.filter((l) => !ids.has(l.report.report_id)), ...batch.map((r) => crossYearInput(r))];
  const extra = crossYearFlags(inputs);
  return batch.map((r) => {
    const more = extra.get(r.report.report_id);
    return more?.length ? { ...r, flags: [...r.flags, ...more] } : r;
  });
}
