/**
 * Looking up a report's cells by (table, row, column), and the arithmetic value of a cell used
 * by the identities of the form.
 */
import type { Cell, TableKey } from './report-schema';

/** Reference to a cell as used in flag subjects: `t3.new_received.total`. */
export function cellRef(table: TableKey, row: string, column: string): string {
  return `${table}.${row}.${column}`;
}

/**
 * The value a cell contributes to an identity, in 件 (or 万元 for fees):
 * - `reported` / `inferred`: its value;
 * - `blank` / `placeholder` (`/`, `-`, `无`…): 0 — the form's way of printing "none";
 * - `missing`, `invalid` (a printed value no table can hold), or no such cell: null — the
 *   identity cannot be evaluated.
 * The identities treat a blank or placeholder *total* differently: an unfilled 总计 is not a
 * printed zero, so evaluateIdentity (form-identities.ts) does not evaluate an instance with one.
 */
export function arithmeticValue(cell: Cell | undefined): number | null {
  if (!cell) return null;
  if (cell.status === 'reported' || cell.status === 'inferred') return cell.value;
  if (cell.status === 'blank' || cell.status === 'placeholder') return 0;
  return null;
}

/** An index of one report's cells. */
export class CellGrid {
  private readonly byRef = new Map<string, Cell>();

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
    for (const c of cells) this.byRef.set(cellRef(c.table, c.row, c.column), c);
  }

  /** The cell, or undefined when the table or row was not printed. */
  get(table: TableKey, row: string, column: string): Cell | undefined {
    return this.byRef.get(cellRef(table, row, column));
  }

  /** {@link arithmeticValue} of the cell. */
  value(table: TableKey, row: string, column: string): number | null {
    return arithmeticValue(this.get(table, row, column));
  }

  /** Whether any cell of the table (and row, when given) exists. */
  has(table: TableKey, row?: string): boolean {
    const prefix = row ? `${table}.${row}.` : `${table}.`;
    for (const k of this.byRef.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }
}
