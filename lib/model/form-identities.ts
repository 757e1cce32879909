/**
 * The arithmetic identities of the form (spec "Identities"), as data: each instance says which
 * cells must add up to which. Used by the checks (lib/checks) to flag reports that break them and
 * by the normalizer (lib/normalize) to recover a single lost cell.
 */
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from './form-layout';
import { arithmeticValue, type CellGrid } from './cell-grid';
import type { TableKey } from './report-schema';

/** A cell address within a report. */
export interface CellAddress {
  table: TableKey;
  row: string;
  column: string;
}

/** One instance of an identity: sum(total) must equal sum(parts). */
export interface IdentityInstance {
  rule: 'T3_BALANCE' | 'T3_OUTCOME_SUM' | 'T3_ROW_TOTAL' | 'T4_TOTAL';
  /** The side the form prints as a total (e.g. （七）总计, or 第三项+第四项 for T3_BALANCE). */
  total: CellAddress[];
  /** The side whose sum the total must equal. */
  parts: CellAddress[];
  /** Which column or row the instance is about, e.g. `natural_person` or `granted`. */
  scope: string;
}

const APPLICANT_COLUMNS = T3_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);
const STANDARD_OUTCOMES = T3_ROWS.slice(2, 23).map((r) => r.key);
const VARIANT_OUTCOMES = [...T3_ROWS.slice(2, 20).map((r) => r.key), 'other_handling'];

const at = (table: TableKey, row: string, column: string): CellAddress => ({ table, row, column });

/*
 * The instances are data of the form, built once (issue 15: "identities precompiled"): every call
 * of an *Instances function returns the same array. Callers must not mutate them.
 */
let BALANCE: IdentityInstance[] | undefined;
const OUTCOME_SUM: Array<IdentityInstance[] | undefined> = [undefined, undefined];
const ROW_TOTAL: Array<IdentityInstance[] | undefined> = [undefined, undefined];
let T4_TOTAL: IdentityInstance[] | undefined;

/**
 * T3_BALANCE, per column: 第一项 + 第二项 = 第三项 + 第四项, i.e.
 * new_received + carried_over = total_processed + carried_forward (printed on the form:
 * 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和).
 */
export function t3BalanceInstances(): IdentityInstance[] {
  return (BALANCE ??= T3_COLUMNS.map((c) => ({
    rule: 'T3_BALANCE' as const,
    parts: [at('t3', 'new_received', c.key), at('t3', 'carried_over', c.key)],
    total: [at('t3', 'total_processed', c.key), at('t3', 'carried_forward', c.key)],
    scope: c.key,
  })));
}

/**
 * T3_OUTCOME_SUM, per column: （七）总计 = rows 3–23, or rows 3–20 + other_handling when the report
 * prints a single （六）其他处理 row (implied by 总计).
 */
export function t3OutcomeSumInstances(otherHandlingLayout: boolean): IdentityInstance[] {
  const cached = OUTCOME_SUM[otherHandlingLayout ? 1 : 0];
  if (cached) return cached;
  const outcomes = otherHandlingLayout ? VARIANT_OUTCOMES : STANDARD_OUTCOMES;
  return (OUTCOME_SUM[otherHandlingLayout ? 1 : 0] = T3_COLUMNS.map((c) => ({
    rule: 'T3_OUTCOME_SUM' as const,
    total: [at('t3', 'total_processed', c.key)],
    parts: outcomes.map((r) => at('t3', r, c.key)),
    scope: c.key,
  })));
}

/** T3_ROW_TOTAL, per row: 总计 = the six applicant columns (implied by 总计). */
export function t3RowTotalInstances(otherHandlingLayout: boolean): IdentityInstance[] {
  const cached = ROW_TOTAL[otherHandlingLayout ? 1 : 0];
  if (cached) return cached;
  const rows = otherHandlingLayout
    ? [...T3_ROWS.slice(0, 20).map((r) => r.key), 'other_handling', ...T3_ROWS.slice(23).map((r) => r.key)]
    : T3_ROWS.map((r) => r.key);
  return (ROW_TOTAL[otherHandlingLayout ? 1 : 0] = rows.map((row) => ({
    rule: 'T3_ROW_TOTAL' as const,
    total: [at('t3', row, 'total')],
    parts: APPLICANT_COLUMNS.map((c) => at('t3', row, c)),
    scope: row,
  })));
}

/** T4_TOTAL, per row: total = upheld + corrected + other + pending (implied by 总计). */
export function t4TotalInstances(): IdentityInstance[] {
  if (T4_TOTAL) return T4_TOTAL;
  const parts = T4_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);
  return (T4_TOTAL = T4_ROWS.map((r) => ({
    rule: 'T4_TOTAL' as const,
    total: [at('t4', r.key, 'total')],
    parts: parts.map((c) => at('t4', r.key, c)),
    scope: r.key,
  })));
}

/** Result of evaluating one identity instance on a report's cells. */
export type IdentityResult =
  | { evaluable: false; missing: CellAddress[] }
  | { evaluable: true; holds: boolean; totalSum: number; partsSum: number };

/**
 * One side of an instance read from the grid: adds each cell's value to `acc.sum` and the cells
 * that prevent evaluation (no value, or an unfilled total — see evaluateIdentity) to `acc.missing`
 * (created on the first one). `totalSide`: the side is the instance's total side.
 */
function readSide(grid: CellGrid, side: readonly CellAddress[], totalSide: boolean, acc: { sum: number; missing: CellAddress[] | null }): void {
  for (let i = 0; i < side.length; i++) {
    const a = side[i];
    const cell = grid.get(a.table, a.row, a.column);
    const v = arithmeticValue(cell);
    // An unfilled total: a cell on the total side, or in the `total` (总计) column wherever it appears.
    const unfilledTotal = v === 0 && (totalSide || a.column === 'total') && (cell!.status === 'blank' || cell!.status === 'placeholder');
    if (v === null || unfilledTotal) (acc.missing ??= []).push(a);
    else acc.sum += v;
  }
}

/**
 * Evaluates an identity instance. Not evaluable when any cell is missing or absent (a check that
 * cannot be evaluated is not a failure), and when a *total* is printed blank or as a placeholder:
 * a cell on the total side, or any cell of the `total` (总计) column — an unfilled total is not a
 * printed zero (the 2019 trial-format reports leave the 总计 column mostly blank). Other blank and
 * placeholder cells count as 0 (see arithmeticValue): the form's way of printing "none". Sums are
 * rounded to 2 decimals, so fractional inputs do not produce 0.30000000000000004. One pass over
 * the instance's cells, no closure per call (issue 15).
 *
 * @returns `{ evaluable: false, missing }` listing the cells that prevent evaluation (total side
 *   first, then the parts, in order), or the two sums (件; 万元 for amounts) and whether they are
 *   equal.
 */
export function evaluateIdentity(grid: CellGrid, inst: IdentityInstance): IdentityResult {
  const total = { sum: 0, missing: null as CellAddress[] | null };
  readSide(grid, inst.total, true, total);
  const parts = { sum: 0, missing: total.missing };
  readSide(grid, inst.parts, false, parts);
  if (parts.missing) return { evaluable: false, missing: parts.missing };
  const totalSum = Math.round(total.sum * 100) / 100;
  const partsSum = Math.round(parts.sum * 100) / 100;
  return { evaluable: true, holds: totalSum === partsSum, totalSum, partsSum };
}
