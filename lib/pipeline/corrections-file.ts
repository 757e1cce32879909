/**
 * Corrections as a file for the ingest (issue 13): `npm run ingest -- --corrections FILE` and
 * `npm run build:data` with data/corrections.csv (absent or header-only by default) apply a
 * corrections CSV (lib/correct/corrections-csv.ts, what 导出校对 writes) to the records read, then
 * the checks run again — the single-report rules on each corrected report
 * (lib/correct/apply-corrections.ts recheckRecord) and the cross-year rules on every report that is
 * not a duplicate (lib/checks/run-checks.ts crossYearFlags) — and reports.csv, cells.csv and
 * flags.csv are written again. A corrected cell has status `corrected` in cells.csv.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crossYearInput } from '../checks/cross-year-input';
import { crossYearFlags } from '../checks/run-checks';
import { CROSS_YEAR_RULES } from '../checks/rule-registry';
import { applyCorrections, recheckRecord, type StaleCorrection } from '../correct/apply-corrections';
import type { Correction } from '../correct/correction';
import { decodeCorrectionsFile, parseCorrectionsCsv } from '../correct/corrections-csv';
import type { ReportRecord } from '../model/report-schema';
import type { Result } from '../model/result';
import { recordsCsv } from '../store/record-rows';

/** The project's default corrections file, data/corrections.csv (applied by build:data when present). */
export const CORRECTIONS_FILE = 'corrections.csv';

/**
 * Reads a corrections CSV. `optional`: an absent file is no corrections (ok, empty), and so is a
 * file with the header only. @returns the corrections, or one sentence naming the file, what was
 * wrong (the first bad row) and what to do.
 */
export function readCorrectionsFile(file: string, options: { optional?: boolean } = {}): Result<Correction[]> {
  if (!existsSync(file)) return options.optional ? { ok: true, value: [] } : { ok: false, error: `找不到校对文件 ${file}：请给出“导出校对”得到的 CSV 文件的路径。` };
  const text = decodeCorrectionsFile(readFileSync(file));
  if (!text.ok) return { ok: false, error: `${file}：${text.error}` };
  if (text.value.replace(/^\uFEFF/, '').trim().split(/\r?\n/).length < 2 && options.optional) return { ok: true, value: [] };
  const parsed = parseCorrectionsCsv(text.value);
  return parsed.ok ? parsed : { ok: false, error: `${file}：${parsed.error}` };
}

/** What applying a corrections file to an ingest's records gave. */
export interface CorrectionsSummary {
  records: ReportRecord[];
  applied: Correction[];
  unchanged: Correction[];
  stale: StaleCorrection[];
  /** Corrections whose report_id is not among the records. */
  notFound: Correction[];
  /** Reports whose corrected record failed validation (a defect), with the sentence; left as read. */
  problems: string[];
}

const CROSS_YEAR_IDS = new Set(CROSS_YEAR_RULES.map((r) => r.id));

/**
 * Applies `corrections` to `records` (the ingest's records, after the duplicate marking and the
 * cross-year rules), re-runs the single-report checks on each corrected record and the cross-year
 * rules on all reports not marked `duplicate`. Same order; pure; never throws.
 */
export function applyCorrectionsToRecords(records: readonly ReportRecord[], corrections: readonly Correction[]): CorrectionsSummary {
  const out: CorrectionsSummary = { records: [], applied: [], unchanged: [], stale: [], notFound: [], problems: [] };
  const ids = new Set(records.map((r) => r.report.report_id));
  out.notFound = corrections.filter((c) => !ids.has(c.report_id));
  if (corrections.length === out.notFound.length) return { ...out, records: [...records] };
  const corrected = records.map((r) => {
    const a = applyCorrections(r, corrections);
    out.applied.push(...a.applied);
    out.unchanged.push(...a.unchanged);
    out.stale.push(...a.stale);
    if (!a.applied.length) return r;
    const checked = recheckRecord(a.record);
    if (checked.ok) return checked.value;
    out.problems.push(checked.error);
    return r;
  });
  const withoutCrossYear = corrected.map((r) => ({ ...r, flags: r.flags.filter((f) => !CROSS_YEAR_IDS.has(f.rule)) }));
  const extra = crossYearFlags(withoutCrossYear.filter((r) => r.report.status !== 'duplicate').map((r) => crossYearInput(r)));
  out.records = withoutCrossYear.map((r) => (extra.has(r.report.report_id) ? { ...r, flags: [...r.flags, ...extra.get(r.report.report_id)!] } : r));
  return out;
}

/** Writes reports.csv, cells.csv and flags.csv of `records` to `outDir` again (as the ingest writes them). */
export function rewriteRecordsCsv(outDir: string, records: readonly ReportRecord[]): void {
  const csv = recordsCsv(records);
  for (const table of ['reports', 'cells', 'flags'] as const) writeFileSync(path.join(outDir, `${table}.csv`), csv[table]);
}

/** One line for the console: how many corrections were applied, already applied, stale or for reports not read, with each stale one's sentence. */
export function correctionsSummaryText(s: Omit<CorrectionsSummary, 'records'>, label: string): string {
  const head = `${label}: ${s.applied.length} corrections applied, ${s.unchanged.length} already applied, ${s.stale.length} stale, ${s.notFound.length} for reports not read`;
  const lines = [...s.stale.map((x) => `  stale: ${x.message}`), ...s.notFound.map((c) => `  not read: ${c.report_id} ${c.cell}`), ...s.problems.map((p) => `  problem: ${p}`)];
  return [head, ...lines].join('\n');
}
