/**
 * The arithmetic identities of the form (spec "Identities"), as data: each instance says which
 * cells must add up to which. Used by the checks (lib/checks) to flag reports that break them and
 * by the normalizer (lib/normalize) to recover a single lost cell.
 */
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from './form-layout';
import type { CellGrid } from './cell-grid';
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

/**
 * T3_BALANCE, per column: 第一项 + 第二项 = 第三项 + 第四项, i.e.
 * new_received + carried_over = total_processed + carried_forward (printed on the form:
 * 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和).
 */
export function t3BalanceInstances(): IdentityInstance[] {
  return T3_COLUMNS.map((c) => ({
    rule: 'T3_BALANCE' as const,
    parts: [at('t3', 'new_received', c.key), at('t3', 'carried_over', c.key)],
    total: [at('t3', 'total_processed', c.key), at('t3', 'carried_forward', c.key)],
    scope: c.key,
  }));
}

/**
 * T3_OUTCOME_SUM, per column: （七）总计 = rows 3–23, or rows 3–20 + other_handling when the report
 * prints a single （六）其他处理 row (implied by 总计).
 */
export function t3OutcomeSumInstances(otherHandlingLayout: boolean): IdentityInstance[] {
  const outcomes = otherHandlingLayout ? VARIANT_OUTCOMES : STANDARD_OUTCOMES;
  return T3_COLUMNS.map((c) => ({
    rule: 'T3_OUTCOME_SUM' as const,
    total: [at('t3', 'total_processed', c.key)],
    parts: outcomes.map((r) => at('t3', r, c.key)),
    scope: c.key,
  }));
}

/** T3_ROW_TOTAL, per row: 总计 = the six applicant columns (implied by 总计). */
export function t3RowTotalInstances(otherHandlingLayout: boolean): IdentityInstance[] {
  const rows = otherHandlingLayout
    ? [...T3_ROWS.slice(0, 20).map((r) => r.key), 'other_handling', ...T3_ROWS.slice(23).map((r) => r.key)]
    : T3_ROWS.map((r) => r.key);
  return rows.map((row) => ({
    rule: 'T3_ROW_TOTAL' as const,
    total: [at('t3', row, 'total')],
    parts: APPLICANT_COLUMNS.map((c) => at('t3', row, c)),
    scope: row,
  }));
}

/** T4_TOTAL, per row: total = upheld + corrected + other + pending (implied by 总计). */
export function t4TotalInstances(): IdentityInstance[] {
  const parts = T4_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);
  return T4_ROWS.map((r) => ({
    rule: 'T4_TOTAL' as const,
    total: [at('t4', r.key, 'total')],
    parts: parts.map((c) => at('t4', r.key, c)),
    scope: r.key,
  }));
}

/** Result of evaluating one identity instance on a report's cells. */
export type IdentityResult =
  | { evaluable: false; missing: CellAddress[] }
  | { evaluable: true; holds: boolean; totalSum: number; partsSum: number };

/** Sums with 2-decimal rounding, so fractional inputs do not produce 0.30000000000000004. */
function sum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
}

/**
 * Whether a cell, in this instance, is a total: on the instance's total side, or in the `total`
 * column (a row's 总计) wherever it appears.
 */
function isTotalCell(inst: IdentityInstance, a: CellAddress): boolean {
  return a.column === 'total' || inst.total.includes(a);
}

/**
 * Evaluates an identity instance. Not evaluable when any cell is missing or absent (a check that
 * cannot be evaluated is not a failure), and when a *total* is printed blank or as a placeholder:
 * a cell on the total side, or any cell of the `total` (总计) column — an unfilled total is not a
 * printed zero (the 2019 trial-format reports leave the 总计 column mostly blank). Other blank and
 * placeholder cells count as 0 (see arithmeticValue): the form's way of printing "none".
 *
 * @returns `{ evaluable: false, missing }` listing the cells that prevent evaluation, or the two
 *   sums (件; 万元 for amounts) and whether they are equal.
 */
export function evaluateIdentity(grid: CellGrid, inst: IdentityInstance): IdentityResult {
  const read = (a: CellAddress) => grid.value(a.table, a.row, a.column);
  const unfilledTotal = (a: CellAddress) => {
    if (!isTotalCell(inst, a)) return false;
    const status = grid.get(a.table, a.row, a.column)?.status;
    return status === 'blank' || status === 'placeholder';
  };
  const missing = [...inst.total, ...inst.parts].filter((a) => read(a) === null || unfilledTotal(a));
  if (missing.length) return { evaluable: false, missing };
  const totalSum = sum(inst.total.map((a) => read(a) as number));
  const partsSum = sum(inst.parts.map((a) => read(a) as number));
  return { evaluable: true, holds: totalSum === partsSum, totalSum, partsSum };
}
