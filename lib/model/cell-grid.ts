/**
 * Looking up a report's cells by (table, row, column), and the arithmetic value of a cell used
 * by the identities of the form.
 */
import type { Cell, TableKey } from './report-schema';
import { isValueStatus } from './report-schema';

/** Reference to a cell as used in flag subjects: `t3.new_received.total`. */
export function cellRef(table: TableKey, row: string, column: string): string {
  return `${table}.${row}.${column}`;
}

/**
 * The value a cell contributes to an identity, in 件 (or 万元 for fees):
 * - `reported` / `inferred` / `corrected` (a person's correction, lib/correct) / `ocr` (read by OCR, lib/ocr): its value;
 * - `blank` / `placeholder` (`/`, `-`, `无`…): 0 — the form's way of printing "none";
 * - `missing`, `invalid` (a printed value no table can hold), or no such cell: null — the
 *   identity cannot be evaluated.
 * The identities treat a blank or placeholder *total* differently: an unfilled 总计 is not a
 * printed zero, so evaluateIdentity (form-identities.ts) does not evaluate an instance with one.
 */
export function arithmeticValue(cell: Cell | undefined): number | null {
  if (!cell) return null;
  if (isValueStatus(cell.status)) return cell.value;
  if (cell.status === 'blank' || cell.status === 'placeholder') return 0;
  return null;
}

/**
 * An index of one report's cells by (table, row, column): numbered slots — a table's rows and a
 * row's columns held in nested maps keyed by the spec's keys — so a lookup builds no string key
 * (issue 15: the string keys were 12 % of parsing).
 */
export class CellGrid {
  private readonly tables = new Map<string, Map<string, Map<string, Cell>>>();

  private static readonly cache = new WeakMap<readonly Cell[], CellGrid>();

  /**
   * The grid of a cells array, built once per array (the checks of one report share it). The
   * array must not be mutated afterwards.
   */
  static of(cells: readonly Cell[]): CellGrid {
    let g = CellGrid.cache.get(cells);
    if (!g) {
      g = new CellGrid(cells);
      CellGrid.cache.set(cells, g);
    }
    return g;
  }

  /** @param cells the cells of one report (later duplicates replace earlier ones). */
  constructor(cells: readonly Cell[]) {
    for (let i = 0; i < cells.length; i++) this.add(cells[i]);
  }

  /** Puts a cell in its slot (replacing a cell of the same table, row and column). */
  private add(c: Cell): void {
    let rows = this.tables.get(c.table);
    if (!rows) this.tables.set(c.table, (rows = new Map()));
    let columns = rows.get(c.row);
    if (!columns) rows.set(c.row, (columns = new Map()));
    columns.set(c.column, c);
  }

  /** The cell, or undefined when the table or row was not printed. */
  get(table: TableKey, row: string, column: string): Cell | undefined {
    return this.tables.get(table)?.get(row)?.get(column);
  }

  /** {@link arithmeticValue} of the cell. */
  value(table: TableKey, row: string, column: string): number | null {
    return arithmeticValue(this.tables.get(table)?.get(row)?.get(column));
  }

  /** Whether any cell of the table (and row, when given) exists. */
  has(table: TableKey, row?: string): boolean {
    const rows = this.tables.get(table);
    if (!rows || rows.size === 0) return false;
    return row === undefined || row === '' ? true : (rows.get(row)?.size ?? 0) > 0;
  }
}
