/**
 * Recovers a cell the layout lost: a printed row with one number fewer than its columns
 * (six numbers under seven columns). Each position the gap could be at gives a candidate row,
 * the gap's value following from the row's own total identity (T3_ROW_TOTAL / T4_TOTAL); the
 * form's other identities (T3_BALANCE, T3_OUTCOME_SUM) then choose between the candidates.
 */
import { CellGrid, arithmeticValue } from '../model/cell-grid';
import { evaluateIdentity, type CellAddress, type IdentityInstance } from '../model/form-identities';
import { t2ColumnKind } from '../model/form-layout';
import { implausibleReason, type CellValueKind } from '../model/printed-number';
import type { Cell } from '../model/report-schema';
import type { ValueToken } from '../parse/tokenize-table-text';

/** A printed row that is one value short, waiting for its gap to be placed. */
export interface ShortRow {
  /** The cells of the row, in column order; the last one is the row's total. */
  slots: CellAddress[];
  /** The printed values (slots.length − 1 of them). */
  values: ValueToken[];
  /** Gap position suggested by the layout (tab columns), if any. */
  hint: number | null;
}

/** The outcome for one short row. */
export interface Placement {
  row: ShortRow;
  /** Where the gap was placed. */
  gap: number;
  /** The cells of the row; the gap cell is `inferred` (value from the identity) or `missing`. */
  cells: Cell[];
  /** Whether the identities determined the row's values uniquely. */
  determined: boolean;
}

/** What a cell of the form holds: table 二 by its column (form-layout t2ColumnKind), tables 三 and 四 counts (件). */
export function cellValueKind(at: CellAddress): CellValueKind {
  return at.table === 't2' ? t2ColumnKind(at.column) : 'count';
}

/**
 * Builds the cell for a printed value token: `reported` (a number a table can hold), `invalid` (a
 * number none can — more than 12 digits, Infinity, a fraction in a count, a negative; value null,
 * the printed text in `raw`; lib/model/printed-number.ts implausibleReason), `placeholder` or
 * `blank`.
 */
export function cellFromToken(reportId: string, at: CellAddress, t: ValueToken): Cell {
  // Fields written out (no spread): cells are made ~100 times per report (issue 15).
  if (t.kind === 'num') {
    if (implausibleReason(t.value, cellValueKind(at)) !== null) {
      return { report_id: reportId, table: at.table, row: at.row, column: at.column, value: null, status: 'invalid', raw: t.raw, note: t.note };
    }
    return { report_id: reportId, table: at.table, row: at.row, column: at.column, value: t.value, status: 'reported', raw: t.raw, note: t.note };
  }
  if (t.kind === 'placeholder') return { report_id: reportId, table: at.table, row: at.row, column: at.column, value: null, status: 'placeholder', raw: t.raw, note: null };
  return { report_id: reportId, table: at.table, row: at.row, column: at.column, value: null, status: 'blank', raw: '', note: null };
}

/** A cell the layout lost and no identity recovered. */
export function missingCell(reportId: string, at: CellAddress): Cell {
  return { report_id: reportId, table: at.table, row: at.row, column: at.column, value: null, status: 'missing', raw: null, note: null };
}

function candidate(reportId: string, row: ShortRow, gap: number): Cell[] | null {
  const cells: Array<Cell | null> = row.slots.map((at, i) =>
    i === gap ? null : cellFromToken(reportId, at, row.values[i < gap ? i : i - 1]),
  );
  // A printed value no table can hold (`invalid`) recovers nothing.
  if (cells.some((c) => c?.status === 'invalid')) return null;
  const last = row.slots.length - 1;
  const partsOf = (except: number) =>
    cells.slice(0, last).filter((_, i) => i !== except).map((c) => arithmeticValue(c ?? undefined) ?? 0);
  let value: number;
  if (gap === last) value = partsOf(-1).reduce((a, b) => a + b, 0);
  else {
    const total = arithmeticValue(cells[last] ?? undefined);
    if (total === null) return null;
    value = Math.round((total - partsOf(gap).reduce((a, b) => a + b, 0)) * 100) / 100;
  }
  if (value < 0 || !Number.isInteger(value)) return null;
  cells[gap] = { report_id: reportId, ...row.slots[gap], value, status: 'inferred', raw: null, note: null };
  return cells as Cell[];
}

function score(known: readonly Cell[], cells: readonly Cell[], checks: readonly IdentityInstance[]): number {
  const grid = new CellGrid([...known, ...cells]);
  const refs = new Set(cells.map((c) => `${c.row}.${c.column}`));
  let s = 0;
  for (const inst of checks) {
    if (![...inst.total, ...inst.parts].some((a) => refs.has(`${a.row}.${a.column}`))) continue;
    const r = evaluateIdentity(grid, inst);
    if (r.evaluable) s += r.holds ? 1 : -1;
  }
  return s;
}

const sameValues = (a: Cell[], b: Cell[]) => a.every((c, i) => c.value === b[i].value);

/**
 * Places the gap of every short row. Rows are settled in rounds: a row is settled when its
 * best-scoring candidates agree on every value (the gap position then follows the layout hint,
 * else the row's end); settled rows inform the identities of the next round. Rows still
 * ambiguous when no round settles anything keep the hinted placement with the gap `missing`.
 *
 * @param known cells already read (full rows of the same report)
 * @param checks the identities that may discriminate (not the row-total ones used to derive)
 */
export function placeShortRows(
  reportId: string,
  known: readonly Cell[],
  rows: readonly ShortRow[],
  checks: readonly IdentityInstance[],
): Placement[] {
  const settled: Cell[] = [];
  const placements = new Map<ShortRow, Placement>();
  let pending = [...rows];
  let progress = true;
  while (pending.length && progress) {
    progress = false;
    for (const row of [...pending]) {
      const scored = row.slots
        .map((_, gap) => ({ gap, cells: candidate(reportId, row, gap) }))
        .filter((c): c is { gap: number; cells: Cell[] } => c.cells !== null)
        .map((c) => ({ ...c, score: score([...known, ...settled], c.cells, checks) }));
      if (!scored.length) continue;
      const top = Math.max(...scored.map((c) => c.score));
      const best = scored.filter((c) => c.score === top);
      if (!best.every((c) => sameValues(c.cells, best[0].cells))) continue;
      const chosen = best.find((c) => c.gap === row.hint) ?? best[best.length - 1];
      placements.set(row, { row, gap: chosen.gap, cells: chosen.cells, determined: true });
      settled.push(...chosen.cells);
      pending = pending.filter((r) => r !== row);
      progress = true;
    }
  }
  for (const row of pending) {
    const gap = row.hint ?? row.slots.length - 1;
    const cells = row.slots.map((at, i) =>
      i === gap ? missingCell(reportId, at) : cellFromToken(reportId, at, row.values[i < gap ? i : i - 1]),
    );
    placements.set(row, { row, gap, cells, determined: false });
  }
  return rows.map((r) => placements.get(r) as Placement);
}
