/**
 * Table rows whose cells were printed run together (a text captured from a web page): their digit
 * runs split into cells by solve-run-together.ts, or — when the split is not determined — their
 * cells left `missing` under a CELL_AMBIGUOUS flag that lists the candidate readings.
 */
import { cellRef } from '../model/cell-grid';
import type { IdentityInstance } from '../model/form-identities';
import { TABLE_LABELS, rowLabel } from '../model/form-layout';
import { makeFlag } from '../model/make-flag';
import type { Cell, Flag, TableKey } from '../model/report-schema';
import type { PrintedRow, ValueToken } from '../parse/tokenize-table-text';
import { missingCell } from './recover-lost-cell';
import { solveRunTogether, type RunUnit } from './solve-run-together';

/** A row of the form as printed, with the cells it must fill (in column order). */
export interface RowToSolve {
  /** The form's row key (`granted`), or a name for a whole table read as one run (table 四). */
  key: string;
  printed: PrintedRow;
  slots: RunUnit['slots'];
}

/** What became of one row: its values split into cells, or its cells `missing` with a flag. */
export type SolvedRow = { kind: 'values'; values: ValueToken[] } | { kind: 'ambiguous'; cells: Cell[]; flag: Flag } | { kind: 'as_printed' };

/** Whether a table's printed values show cells run together: a number printed with a leading zero (`0000000`, `01`). */
export function hasRunTogetherValues(rows: readonly PrintedRow[]): boolean {
  return rows.some((r) => r.values.some((v) => v.kind === 'num' && /^0\d/.test(v.raw)));
}

/** Said of a run that could hide the table's one arithmetic fault (solve-run-together.ts `mayHideFault`). */
const FAULT_NOTE = '；表内勾稽关系不成立，而本行可能正是原表数字有误之处，无法分辨是原表有误还是拆分有误';

/** The candidate readings as the flag's message lists them: `8 0 0 0 0 0 8`, an empty cell as 空; at most five, then 等 N 种. */
function candidateText(candidates: ReadonlyArray<ReadonlyArray<number | null>>): string {
  const shown = candidates
    .slice(0, 5)
    .map((c) => `「${c.map((v) => v ?? '空').join(' ')}」`)
    .join('或');
  return candidates.length > 5 ? `${shown}等 ${candidates.length} 种` : shown;
}

/**
 * Splits the run-together rows of one table. Rows the spacing or the identities determine get
 * their values (one token per cell) — also when the table's own arithmetic is wrong elsewhere
 * (one misprint of the agency's, left to the identity checks; solve-run-together.ts); the others
 * get `missing` cells and a CELL_AMBIGUOUS flag (severity warning) whose message names the row,
 * the digits as printed and the candidate readings (and, for a row that could be where the
 * table's arithmetic fails, that a misprint and a wrong split cannot be told apart there), and
 * says to check the original; rows whose digits cannot fill the row are left
 * `as_printed` for the ordinary reading (CELL_MISSING). Never throws.
 *
 * @param reportId the id the cells and flags carry
 * @param table the table (its label is named in messages)
 * @param rows the rows, each with its printed values and its cells
 * @param identities the form's identities over the table (form-identities.ts)
 */
export function readRunTogetherRows(
  reportId: string,
  table: TableKey,
  rows: readonly RowToSolve[],
  identities: readonly IdentityInstance[],
): Map<string, SolvedRow> {
  const solved = solveRunTogether(
    rows.map((r) => ({ tokens: r.printed.values, slots: r.slots })),
    identities,
  );
  const out = new Map<string, SolvedRow>();
  rows.forEach((r, i) => {
    const s = solved[i];
    if (s.kind === 'unsplittable') return out.set(r.key, { kind: 'as_printed' });
    if (s.kind === 'read') return out.set(r.key, { kind: 'values', values: s.values });
    const printed = r.printed.values.map((v) => (v.kind === 'blank' ? '(空)' : v.raw)).join(' ');
    const name = r.slots.length && r.slots.every((x) => x.row === r.slots[0].row) ? `「${rowLabel(table, r.slots[0].row)}」行` : '';
    const readings = s.candidates.length
      ? `可能读作${candidateText(s.candidates)}${s.tooMany ? '等多种' : ''}${s.mayHideFault ? FAULT_NOTE : ''}`
      : '找不到符合勾稽关系的拆分';
    const flag = makeFlag({
      report_id: reportId,
      rule: 'CELL_AMBIGUOUS',
      severity: 'warning',
      subject: r.slots.map((x) => cellRef(x.table, x.row, x.column)),
      expected: r.slots.length,
      message: `${TABLE_LABELS[table]}${name}的数字连写为「${printed}」，无法确定如何拆分到 ${r.slots.length} 个单元格（${readings}），各格标为缺失；请对照原文选定。`,
      evidence: `${r.printed.labels.join(' ')} ${printed}`.trim(),
    });
    out.set(r.key, { kind: 'ambiguous', cells: r.slots.map((x) => missingCell(reportId, x)), flag });
  });
  return out;
}
