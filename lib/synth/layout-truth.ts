/**
 * The truth of the layout benchmark (issue 11, "A benchmark of layouts"): every cell of the three
 * tables of a generated report, as the generator made it, and the real-world arithmetic faults a
 * report may carry. The renderers print exactly these values; the bench compares what the read
 * path (lib/read readReport) gives back with them, cell by cell.
 *
 * Faults are the agency's, not the reader's: the printed numbers break one identity of the form
 * (条例 annual-report form 国办公开办函〔2021〕30号: row total = sum of the six applicant columns,
 * 一 + 二 = 三(七) + 四 per column, the outcome rows sum to （七）总计, table 四 total = its four
 * results). The truth is the number as printed; a reader must show it as printed or leave it
 * `missing`, never "correct" it.
 */
import { T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../model/form-layout';
import type { TableKey } from '../model/report-schema';
import type { Random, TableValues } from './synthesize-tables';

/** One cell of the truth: the spec's keys and the value as printed (件; `t2.fees.amount` in 万元). */
export interface LayoutTruthCell {
  table: TableKey;
  row: string;
  column: string;
  value: number;
}

/**
 * An arithmetic fault of the kind real reports print:
 * - `row_total`: one row's 总计 differs from the sum of its six applicant columns (a typo in the total);
 * - `balance`: 本年新收 of 自然人 and its total raised together (一 + 二 ≠ 三(七) + 四 in two columns);
 * - `outcome_sum`: （七）总计 of one column differs from the sum of the outcome rows, its row total with it;
 * - `t4_total`: a table 四 总计 differs from its four results.
 */
export type ArithmeticFault = 'row_total' | 'balance' | 'outcome_sum' | 't4_total';

/** Every fault kind, in a fixed order (for seeded draws). */
export const ARITHMETIC_FAULTS: readonly ArithmeticFault[] = ['row_total', 'balance', 'outcome_sum', 't4_total'];

/** The cells of all three tables in the form's order (t2 rows and columns, t3 25 rows × 7, t4 3 × 5). */
export function truthCells(values: TableValues): LayoutTruthCell[] {
  const out: LayoutTruthCell[] = [];
  for (const row of T2_ROWS) for (const column of row.columns) out.push({ table: 't2', row: row.key, column, value: values.t2[row.key][column] });
  for (const row of T3_ROWS) for (const c of T3_COLUMNS) out.push({ table: 't3', row: row.key, column: c.key, value: values.t3[row.key][c.key] });
  for (const row of T4_ROWS) for (const c of T4_COLUMNS) out.push({ table: 't4', row: row.key, column: c.key, value: values.t4[row.key][c.key] });
  return out;
}

/** 1–3, or its negative when that keeps the cell non-negative half of the time. */
function offset(current: number, rnd: Random): number {
  const d = 1 + Math.floor(rnd() * 3);
  return rnd() < 0.5 && current >= d ? -d : d;
}

/**
 * Injects one arithmetic fault into a copy of the values (never a negative count).
 *
 * @returns the faulty values; the input is not changed
 */
export function injectArithmeticFault(values: TableValues, fault: ArithmeticFault, rnd: Random): TableValues {
  const v = structuredClone(values);
  if (fault === 'row_total') {
    const row = T3_ROWS[Math.floor(rnd() * T3_ROWS.length)].key;
    v.t3[row].total += offset(v.t3[row].total, rnd);
  } else if (fault === 'balance') {
    const d = 1 + Math.floor(rnd() * 5);
    v.t3.new_received.natural_person += d;
    v.t3.new_received.total += d;
  } else if (fault === 'outcome_sum') {
    const column = T3_COLUMNS[Math.floor(rnd() * 6)].key;
    const d = offset(v.t3.total_processed[column], rnd);
    v.t3.total_processed[column] += d;
    v.t3.total_processed.total += d;
  } else {
    const row = T4_ROWS[Math.floor(rnd() * T4_ROWS.length)].key;
    v.t4[row].total += offset(v.t4[row].total, rnd);
  }
  return v;
}
