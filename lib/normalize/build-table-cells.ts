/**
 * Turns the printed rows of a table section into the form's cells, with a status on every cell
 * and flags for what the layout lost: CELL_MISSING (a cell that could not be read) and
 * CELL_INFERRED (a lost cell recovered from an identity).
 */
import { T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS, TABLE_LABELS, columnLabel, rowLabel } from '../model/form-layout';
import { cellRef } from '../model/cell-grid';
import { t3BalanceInstances, t3OutcomeSumInstances, type CellAddress } from '../model/form-identities';
import { makeFlag } from '../model/make-flag';
import type { Cell, Flag, TableKey } from '../model/report-schema';
import type { PrintedRow, ValueToken } from '../parse/tokenize-table-text';
import { alignT3Rows, normalizeLabel } from './match-row-labels';
import { cellFromToken, missingCell, placeShortRows, type ShortRow } from './recover-lost-cell';

/** What was read of one table. `found` is false when the section holds no such table. */
export interface TableReading {
  table: TableKey;
  found: boolean;
  cells: Cell[];
  flags: Flag[];
  /** Things read but not placed (e.g. surplus numbers), kept for the report's status message. */
  notes: string[];
  /** For t3: which layout the report uses (25 rows, or 23 with a single 其他处理 row). */
  layout?: 'standard' | 'other_handling';
}

const at = (table: TableKey, row: string, column: string): CellAddress => ({ table, row, column });

function rawOf(values: ValueToken[]): string {
  return values.map((v) => (v.kind === 'blank' ? '(空)' : v.raw)).join(' ');
}

/**
 * Cells for a printed row with `columns` cells. Full rows are read as printed; surplus values are
 * kept in `notes`; rows short by more than one value are read left to right and the rest marked
 * `missing` (one CELL_MISSING flag per row). Rows short by exactly one are returned in `short`.
 */
function readRow(
  reportId: string,
  table: TableKey,
  row: string,
  columns: readonly string[],
  printed: PrintedRow,
  allowShort: boolean,
): { cells: Cell[]; flags: Flag[]; notes: string[]; short: ShortRow | null } {
  const values = printed.values;
  const slots = columns.map((c) => at(table, row, c));
  if (values.length >= columns.length) {
    const notes =
      values.length > columns.length
        ? [`${TABLE_LABELS[table]}「${rowLabel(table, row)}」行多出数字：${rawOf(values.slice(columns.length))}（未计入）`]
        : [];
    return { cells: slots.map((s, i) => cellFromToken(reportId, s, values[i])), flags: [], notes, short: null };
  }
  if (allowShort && values.length === columns.length - 1) {
    return { cells: [], flags: [], notes: [], short: { slots, values, hint: null } };
  }
  const cells = slots.map((s, i) => (i < values.length ? cellFromToken(reportId, s, values[i]) : missingCell(reportId, s)));
  const lost = slots.slice(values.length);
  const flags = [
    makeFlag({
      report_id: reportId,
      rule: 'CELL_MISSING',
      severity: 'warning',
      subject: lost.map((s) => cellRef(s.table, s.row, s.column)),
      expected: columns.length,
      actual: values.length,
      message: `${TABLE_LABELS[table]}「${rowLabel(table, row)}」行只读到 ${values.length} 个数字（应有 ${columns.length} 个：${rawOf(values)}），按从左到右填入，其余 ${lost.length} 格标为缺失；请对照原文核实。`,
    }),
  ];
  return { cells, flags, notes: [], short: null };
}

function missingRowFlag(reportId: string, table: TableKey, row: string, columns: readonly string[]): Flag {
  return makeFlag({
    report_id: reportId,
    rule: 'CELL_MISSING',
    severity: 'warning',
    subject: columns.map((c) => cellRef(table, row, c)),
    message: `${TABLE_LABELS[table]}未读到「${rowLabel(table, row)}」行，该行 ${columns.length} 格标为缺失；请对照原文核实。`,
  });
}

/**
 * The gap position the tab layout suggests for a short row: compared with the nearest full row
 * printed on one line, values starting one tab later mean the first cell was lost; values
 * starting at the same tab mean the last one was.
 */
function layoutHint(row: PrintedRow, all: readonly PrintedRow[], columns: number): number | null {
  const oneLine = (r: PrintedRow) => r.values.every((v) => v.line === r.values[0].line);
  if (!oneLine(row)) return null;
  const full = all
    .filter((r) => r.values.length === columns && oneLine(r))
    .sort((a, b) => Math.abs(a.line - row.line) - Math.abs(b.line - row.line))[0];
  if (!full) return null;
  const shift = row.values[0].col - full.values[0].col;
  return shift === 1 ? 0 : shift === 0 ? columns - 1 : null;
}

/**
 * Reads table 三 (25 rows × 7 columns, or 23 rows with other_handling) from its printed rows.
 * Rows are recognized by label (lib/normalize/match-row-labels); a row one value short is
 * recovered from the identities when they determine it (CELL_INFERRED), else its gap is
 * `missing` (CELL_MISSING). Form rows not found are all `missing`.
 */
export function readT3(reportId: string, printed: readonly PrintedRow[]): TableReading {
  const { layout, matched, unassigned } = alignT3Rows(printed);
  const confident = matched.filter((m) => m.score >= 0.6).length;
  if (confident < 5) return { table: 't3', found: false, cells: [], flags: [], notes: [], layout };

  const columns = T3_COLUMNS.map((c) => c.key);
  const rowKeys =
    layout === 'other_handling'
      ? [...T3_ROWS.slice(0, 20).map((r) => r.key), 'other_handling', ...T3_ROWS.slice(23).map((r) => r.key)]
      : T3_ROWS.map((r) => r.key);
  const cells: Cell[] = [];
  const flags: Flag[] = [];
  const notes: string[] = unassigned.map((r) => `表三有一行未能对应到表格行：${r.labels.join(' ')} ${rawOf(r.values)}（未计入）`);
  const shorts: ShortRow[] = [];
  for (const key of rowKeys) {
    const m = matched.find((x) => x.key === key);
    if (!m) {
      cells.push(...columns.map((c) => missingCell(reportId, at('t3', key, c))));
      flags.push(missingRowFlag(reportId, 't3', key, columns));
      continue;
    }
    const r = readRow(reportId, 't3', key, columns, m.printed, true);
    cells.push(...r.cells);
    flags.push(...r.flags);
    notes.push(...r.notes);
    if (r.short) shorts.push({ ...r.short, hint: layoutHint(m.printed, printed, columns.length) });
  }

  const checks = [...t3BalanceInstances(), ...t3OutcomeSumInstances(layout === 'other_handling')];
  for (const p of placeShortRows(reportId, cells, shorts, checks)) {
    cells.push(...p.cells);
    const gapAt = p.row.slots[p.gap];
    const where = `表三「${rowLabel('t3', gapAt.row)}」行只印出 ${p.row.values.length} 个数字（应有 ${p.row.slots.length} 个：${rawOf(p.row.values)}）`;
    const gapCell = p.cells[p.gap];
    flags.push(
      p.determined
        ? makeFlag({
            report_id: reportId,
            rule: 'CELL_INFERRED',
            severity: 'info',
            subject: [cellRef('t3', gapAt.row, gapAt.column)],
            expected: gapCell.value,
            message: `${where}；由本行总计与表三的勾稽关系推算出缺失的「${columnLabel('t3', gapAt.column)}」= ${gapCell.value}（推算值，原文未印出）。`,
          })
        : makeFlag({
            report_id: reportId,
            rule: 'CELL_MISSING',
            severity: 'warning',
            subject: [cellRef('t3', gapAt.row, gapAt.column)],
            message: `${where}；勾稽关系不足以确定缺的是哪一格，暂按版面将「${columnLabel('t3', gapAt.column)}」标为缺失；请对照原文核实。`,
          }),
    );
  }
  const order = new Map(rowKeys.map((k, i) => [k, i]));
  const colOrder = new Map(columns.map((c, i) => [c, i]));
  cells.sort((a, b) => (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0) || (colOrder.get(a.column) ?? 0) - (colOrder.get(b.column) ?? 0));
  return { table: 't3', found: true, cells, flags, notes, layout };
}

const T2_MATCHERS: ReadonlyArray<{ key: string; test: (s: string) => boolean }> = [
  { key: 'regulations', test: (s) => s.includes('规章') },
  { key: 'normative_documents', test: (s) => s.includes('规范性文件') },
  { key: 'licensing', test: (s) => s.includes('许可') },
  { key: 'penalty', test: (s) => s.includes('处罚') },
  { key: 'coercion', test: (s) => s.includes('强制') },
  { key: 'fees', test: (s) => s.includes('收费') && !s.includes('金额') },
];

/**
 * Reads table 二 (主动公开, 10 cells) by row label: 规章, 行政规范性文件 (3 columns each),
 * 行政许可, 行政处罚, 行政强制 (本年处理决定数量), 行政事业性收费 (本年收费金额, 万元). Rows not
 * found are `missing`. The table counts as found when at least two of its rows are read.
 */
export function readT2(reportId: string, printed: readonly PrintedRow[]): TableReading {
  const found = new Map<string, PrintedRow>();
  for (const r of printed) {
    const last = normalizeLabel(r.labels[r.labels.length - 1] ?? '');
    const m = T2_MATCHERS.find((x) => !found.has(x.key) && x.test(last));
    if (m) found.set(m.key, r);
  }
  if (found.size < 2) return { table: 't2', found: false, cells: [], flags: [], notes: [] };
  const cells: Cell[] = [];
  const flags: Flag[] = [];
  const notes: string[] = [];
  for (const row of T2_ROWS) {
    const p = found.get(row.key);
    if (!p) {
      cells.push(...row.columns.map((c) => missingCell(reportId, at('t2', row.key, c))));
      flags.push(missingRowFlag(reportId, 't2', row.key, row.columns));
      continue;
    }
    const r = readRow(reportId, 't2', row.key, row.columns, p, false);
    cells.push(...r.cells);
    flags.push(...r.flags);
    notes.push(...r.notes);
  }
  return { table: 't2', found: true, cells, flags, notes };
}

/**
 * Reads table 四 (3 rows × 5 columns: 行政复议, 未经复议直接起诉, 复议后起诉 × 维持/纠正/其他/尚未审结/总计)
 * from the numbers of its section in printed order. Fewer than 15 numbers are read left to right,
 * the rest `missing` (CELL_MISSING); no numbers at all means the table was not found.
 */
export function readT4(reportId: string, printed: readonly PrintedRow[]): TableReading {
  const values = printed.flatMap((r) => r.values);
  if (values.filter((v) => v.kind !== 'blank').length === 0) return { table: 't4', found: false, cells: [], flags: [], notes: [] };
  const cells: Cell[] = [];
  const flags: Flag[] = [];
  const notes: string[] = [];
  const columns = T4_COLUMNS.map((c) => c.key);
  T4_ROWS.forEach((row, i) => {
    const rowValues = values.slice(i * 5, i * 5 + 5);
    const fake: PrintedRow = { labels: [row.label], values: rowValues, line: rowValues[0]?.line ?? 0 };
    const r = readRow(reportId, 't4', row.key, columns, fake, false);
    cells.push(...r.cells);
    flags.push(...r.flags);
  });
  if (values.length > 15) notes.push(`表四多出数字：${rawOf(values.slice(15))}（未计入）`);
  return { table: 't4', found: true, cells, flags, notes };
}
