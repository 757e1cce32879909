/**
 * Scores what the read path gave for a layout-benchmark report against the generator's truth,
 * cell by cell (issue 11: share of cells right, share shown as `reported` that are wrong — must be
 * 0 —, share left missing/ambiguous; target ≥ 99.9 % right in every family).
 */
import type { Cell, Flag } from '../model/report-schema';
import type { LayoutTruthCell } from './layout-truth';

/** Cell counts of one report or of a whole family. */
export interface LayoutScore {
  reports: number;
  cells: number;
  /** `reported` or `inferred` with the true value. */
  right: number;
  /** Shown `reported` with another value: a false statement about the agency. Must be 0. */
  wrongReported: number;
  /** Shown `inferred`, `blank` or `placeholder` where the truth is another number. */
  wrongOther: number;
  /** `missing` or not read at all (including ambiguous). */
  missing: number;
  /** Of the missing, those named by a CELL_AMBIGUOUS flag. */
  ambiguous: number;
  /** Reports whose record did not come out `ok`/`partial` (not_a_report, read_error …). */
  failedReports: number;
  /** Up to 20 examples of wrong cells: `name t3.granted.total: reported 12 (truth 1)`. */
  wrongExamples: string[];
  /** Up to 20 examples of missing cells: `name t2.fees.amount`. */
  missingExamples: string[];
}

/** An empty score (to add reports to). */
export function emptyLayoutScore(): LayoutScore {
  return { reports: 0, cells: 0, right: 0, wrongReported: 0, wrongOther: 0, missing: 0, ambiguous: 0, failedReports: 0, wrongExamples: [], missingExamples: [] };
}

/**
 * Adds one report's cells to `score` (mutated and returned).
 *
 * @param name the report's name, for the examples
 * @param ok whether the read path returned the record as `ok`/`partial`
 */
export function addLayoutScore(score: LayoutScore, name: string, cells: readonly Cell[], flags: readonly Flag[], truth: readonly LayoutTruthCell[], ok: boolean): LayoutScore {
  const byRef = new Map(cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
  const ambiguous = new Set(flags.filter((f) => f.rule === 'CELL_AMBIGUOUS').flatMap((f) => f.subject));
  score.reports++;
  if (!ok) score.failedReports++;
  for (const t of truth) {
    const ref = `${t.table}.${t.row}.${t.column}`;
    const c = byRef.get(ref);
    score.cells++;
    if (!c || c.status === 'missing') {
      score.missing++;
      if (ambiguous.has(ref)) score.ambiguous++;
      if (score.missingExamples.length < 20) score.missingExamples.push(`${name} ${ref}`);
    } else if ((c.status === 'reported' || c.status === 'inferred') && c.value === t.value) score.right++;
    else {
      if (c.status === 'reported') score.wrongReported++;
      else score.wrongOther++;
      if (score.wrongExamples.length < 20) score.wrongExamples.push(`${name} ${ref}: ${c.status} ${c.value ?? c.raw ?? ''} (truth ${t.value})`);
    }
  }
  return score;
}

/** A share as a percentage with `digits` decimals (`99.95 %`); `–` of nothing. */
export function percent(n: number, of: number, digits = 2): string {
  return of ? `${((100 * n) / of).toFixed(digits)} %` : '–';
}
