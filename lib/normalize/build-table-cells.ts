/**
 * Turns the printed rows of a table section into the form's cells, with a status on every cell
 * and flags for what the layout lost: CELL_MISSING (a cell that could not be read),
 * CELL_INFERRED (a lost cell recovered from an identity), CELL_AMBIGUOUS (cells run together, or
 * spaced thousands, that could be read several ways) and VALUE_IMPLAUSIBLE (a printed number no
 * table can hold, status `invalid`).
 */
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS, TABLE_LABELS, columnLabel, rowLabel, t2Rows } from '../model/form-layout';
import { cellRef } from '../model/cell-grid';
import { t3BalanceInstances, t3OutcomeSumInstances, t3RowTotalInstances, t4TotalInstances, type CellAddress } from '../model/form-identities';
import { makeFlag } from '../model/make-flag';
import type { Cell, Flag, FormVersion, TableKey } from '../model/report-schema';
import type { PrintedTable } from '../parse/parsed-report';
import type { PrintedRow, ValueToken } from '../parse/tokenize-table-text';
import { alignT3Rows, normalizeLabel } from './match-row-labels';
import { cellFromToken, missingCell, placeShortRows, type ShortRow } from './recover-lost-cell';
import { hasRunTogetherValues, readRunTogetherRows, type SolvedRow } from './read-run-together-rows';
import { joinThousandsGroups, rowTotalIdentity, type GroupJoin } from './join-thousands-groups';
import { implausibleFlags } from './flag-implausible-values';

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

/** At most this many values are quoted in a message (a row of 30,000 numbers is summarized). */
const QUOTED_VALUES = 40;

function rawOf(values: readonly ValueToken[]): string {
  const shown = values.slice(0, QUOTED_VALUES).map((v) => (v.kind === 'blank' ? '(空)' : v.raw));
  return values.length > QUOTED_VALUES ? `${shown.join(' ')} …（共 ${values.length} 个）` : shown.join(' ');
}

/** A value of a candidate reading as the message shows it: a joined number with commas (`1,259`), 空 for a blank. */
const readingText = (v: ValueToken): string => (v.kind === 'blank' ? '空' : v.raw.replace(/ /g, ','));

/** The total identity of one printed row of a table (三: T3_ROW_TOTAL over 7 cells, 四: T4_TOTAL per 5), none for 二. */
function rowIdentity(table: TableKey) {
  return table === 't3' ? rowTotalIdentity(7) : table === 't4' ? rowTotalIdentity(5) : undefined;
}

/**
 * The CELL_AMBIGUOUS flag of a row whose values are too many unless some space-separated numbers
 * are one number with thousands groups (`1 259`), when neither the count nor the row total decides
 * which (join-thousands-groups.ts).
 */
function groupsAmbiguousFlag(reportId: string, table: TableKey, slots: readonly CellAddress[], values: readonly ValueToken[], j: Extract<GroupJoin, { kind: 'ambiguous' }>): Flag {
  const name = slots.every((x) => x.row === slots[0].row) ? `「${rowLabel(table, slots[0].row)}」行` : '';
  const readings = j.candidates.length
    ? `可能读作${j.candidates.slice(0, 5).map((c) => `「${c.map(readingText).join(' ')}」`).join('或')}${j.candidates.length > 5 ? `等 ${j.candidates.length} 种` : ''}`
    : '找不到合理的读法';
  return makeFlag({
    report_id: reportId,
    rule: 'CELL_AMBIGUOUS',
    severity: 'warning',
    subject: slots.map((x) => cellRef(x.table, x.row, x.column)),
    expected: slots.length,
    actual: values.length,
    message: `${TABLE_LABELS[table]}${name}印出 ${values.length} 个数字（应有 ${slots.length} 个：${rawOf(values)}），其中以空格分隔的数字可能是一个带千位分隔的数，无法确定哪几个应合并（${readings}），各格标为缺失；请对照原文选定。`,
    evidence: rawOf(values),
  });
}

/**
 * Cells for a printed row with `columns` cells. A row with values too many has its space-separated
 * thousands joined first where the count or the row total decides (`1 259`;
 * join-thousands-groups.ts), else all its cells `missing` under CELL_AMBIGUOUS. Full rows are read
 * as printed; surplus values are kept in `notes`; rows short by more than one value are read left to right and the rest marked
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
  // Empty cells beyond the row's width (a Markdown row with a trailing empty cell) are layout.
  let values = [...printed.values];
  while (values.length > columns.length && values[values.length - 1].kind === 'blank') values.pop();
  const slots = columns.map((c) => at(table, row, c));
  const joined = joinThousandsGroups(values, columns.length, rowIdentity(table));
  if (joined.kind === 'ambiguous') {
    return { cells: slots.map((s) => missingCell(reportId, s)), flags: [groupsAmbiguousFlag(reportId, table, slots, values, joined)], notes: [], short: null };
  }
  if (joined.kind === 'joined') values = joined.values;
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

/**
 * One CELL_MISSING flag for all the rows of a table that were not found (an excerpt, or rows the
 * layout lost), listing their cells; none when every row was found.
 */
function missingRowsFlag(reportId: string, table: TableKey, rows: ReadonlyArray<{ key: string; columns: readonly string[] }>): Flag[] {
  if (!rows.length) return [];
  const names = rows.map((r) => `「${rowLabel(table, r.key)}」`);
  const shown = names.length > 4 ? `${names.slice(0, 3).join('')}等 ${names.length} 行` : `${names.join('')}${names.length > 1 ? ` ${names.length} 行` : '行'}`;
  return [
    makeFlag({
      report_id: reportId,
      rule: 'CELL_MISSING',
      severity: 'warning',
      subject: rows.flatMap((r) => r.columns.map((c) => cellRef(table, r.key, c))),
      message: `${TABLE_LABELS[table]}未读到${shown}，其单元格标为缺失；请对照原文核实（若原文只节选了部分表格，这是预期的）。`,
    }),
  ];
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
 * `missing` (CELL_MISSING). Form rows not found are all `missing`, under one CELL_MISSING flag.
 * The table counts as found with five recognized rows, or with one recognized row printed in full
 * (an excerpt). Stray values (a lone number beside a complete row) and rows matching no form row
 * are kept in `notes`, except header rows before the first recognized row that print no number.
 * When the cells were printed run together (`runTogether`, or a number printed with a leading
 * zero), each row's digits are split by solve-run-together.ts first; a row whose split is not
 * determined is `missing` under CELL_AMBIGUOUS.
 */
export function readT3(reportId: string, allPrinted: readonly PrintedRow[], runTogether = false): TableReading {
  const printed = allPrinted.filter((r) => !r.stray);
  const strays = allPrinted.filter((r) => r.stray);
  const { layout, matched, unassigned } = alignT3Rows(printed);
  const confident = matched.filter((m) => m.score >= 0.6);
  // Five recognized rows make a table; so does one recognized row printed in full (an excerpt).
  const lone = confident.some((m) => m.printed.values.length >= T3_COLUMNS.length - 1 && m.score >= 1);
  if (confident.length < 5 && !lone) return { table: 't3', found: false, cells: [], flags: [], notes: [], layout };

  const columns = T3_COLUMNS.map((c) => c.key);
  const rowKeys =
    layout === 'other_handling'
      ? [...T3_ROWS.slice(0, 20).map((r) => r.key), 'other_handling', ...T3_ROWS.slice(23).map((r) => r.key)]
      : T3_ROWS.map((r) => r.key);
  const cells: Cell[] = [];
  const flags: Flag[] = [];
  // Rows before the first recognized one that print no number are the table's header.
  const firstLine = Math.min(...matched.map((m) => m.printed.line));
  const notes: string[] = [
    ...unassigned
      .filter((r) => r.line > firstLine || r.values.some((v) => v.kind === 'num'))
      .map((r) => `表三有一行未能对应到表格行：${r.labels.join(' ')} ${rawOf(r.values)}（未计入）`),
    ...strays.map((r) => `表三有单独印出的数字 ${rawOf(r.values)}，不属于任何一行（未计入）`),
  ];
  const shorts: ShortRow[] = [];
  const notFound: Array<{ key: string; columns: readonly string[] }> = [];
  const solved = runTogether || hasRunTogetherValues(printed) ? solveT3Runs(reportId, rowKeys, matched, layout) : new Map<string, SolvedRow>();
  const matchOf = new Map<string, (typeof matched)[number]>();
  for (const x of matched) if (!matchOf.has(x.key)) matchOf.set(x.key, x);
  for (const key of rowKeys) {
    const m = matchOf.get(key);
    if (!m) {
      cells.push(...columns.map((c) => missingCell(reportId, at('t3', key, c))));
      notFound.push({ key, columns });
      continue;
    }
    const s = solved.get(key);
    if (s?.kind === 'ambiguous') {
      cells.push(...s.cells);
      flags.push(s.flag);
      continue;
    }
    const r = readRow(reportId, 't3', key, columns, s?.kind === 'values' ? { ...m.printed, values: s.values } : m.printed, true);
    cells.push(...r.cells);
    flags.push(...r.flags);
    notes.push(...r.notes);
    if (r.short) shorts.push({ ...r.short, hint: layoutHint(m.printed, printed, columns.length) });
  }

  flags.push(...missingRowsFlag(reportId, 't3', notFound));
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
  sortCells(cells, rowKeys, columns);
  return { table: 't3', found: true, cells, flags, notes, layout };
}

/**
 * Sorts a table's cells by the form's row order, then column order (a stable sort; a row or
 * column not in the lists counts as the first). Cells already in order — every report without a
 * recovered cell — are left as they are without sorting (issue 15).
 */
function sortCells(cells: Cell[], rowKeys: readonly string[], columns: readonly string[]): void {
  const order = new Map(rowKeys.map((k, i) => [k, i]));
  const colOrder = new Map(columns.map((c, i) => [c, i]));
  const rank = (c: Cell) => (order.get(c.row) ?? 0) * columns.length + (colOrder.get(c.column) ?? 0);
  let sorted = true;
  for (let i = 1; i < cells.length && sorted; i++) if (rank(cells[i - 1]) > rank(cells[i])) sorted = false;
  if (!sorted) cells.sort((a, b) => (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0) || (colOrder.get(a.column) ?? 0) - (colOrder.get(b.column) ?? 0));
}

/** The run-together rows of table 三 split with the table's identities (row totals, column balance, outcome sums). */
function solveT3Runs(
  reportId: string,
  rowKeys: readonly string[],
  matched: ReadonlyArray<{ key: string; printed: PrintedRow }>,
  layout: 'standard' | 'other_handling',
): Map<string, SolvedRow> {
  const variant = layout === 'other_handling';
  const rows = rowKeys.flatMap((key) => {
    const m = matched.find((x) => x.key === key);
    return m ? [{ key, printed: m.printed, slots: T3_COLUMNS.map((c) => at('t3', key, c.key)) }] : [];
  });
  return readRunTogetherRows(reportId, 't3', rows, [...t3RowTotalInstances(variant), ...t3BalanceInstances(), ...t3OutcomeSumInstances(variant)]);
}

const T2_MATCHERS: ReadonlyArray<{ key: string; test: (s: string) => boolean }> = [
  { key: 'regulations', test: (s) => s.includes('规章') },
  { key: 'normative_documents', test: (s) => s.includes('规范性文件') },
  { key: 'other_services', test: (s) => s.includes('对外管理服务') },
  { key: 'licensing', test: (s) => s.includes('许可') },
  { key: 'penalty', test: (s) => s.includes('处罚') },
  { key: 'coercion', test: (s) => s.includes('强制') },
  { key: 'fees', test: (s) => s.includes('收费') && !s.includes('金额') },
  { key: 'procurement', test: (s) => s.includes('采购') && !s.includes('金额') && !s.includes('数量') },
];

/**
 * The cell for a table-二 value. An amount (万元) printed in 元 (`251000元`) is converted to 万元
 * (÷ 10000, 2019 form's 采购总金额), its raw text kept and the conversion noted.
 */
function t2Cell(reportId: string, slot: CellAddress, t: ValueToken): Cell {
  const cell = cellFromToken(reportId, slot, t);
  if (t.kind === 'num' && t.unit === '元' && slot.column === 'amount' && cell.status === 'reported') {
    return { ...cell, value: Math.round((t.value / 10000) * 1e6) / 1e6, note: '原文以元为单位，已折算为万元' };
  }
  return cell;
}

/**
 * Reads table 二 (主动公开) by row label. 2021 form (10 cells): 规章, 行政规范性文件 (本年制发/废止/
 * 现行有效件数), 行政许可, 行政处罚, 行政强制 (本年处理决定数量), 行政事业性收费 (本年收费金额,
 * 万元). 2019 trial form (`version` `2019`, see form-layout T2_ROWS_2019): 规章, 规范性文件 (新制作/
 * 新公开/对外公开总数量), 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 (上一年项目数量, 本年
 * 增/减, 处理决定数量), 行政事业性收费 (上一年项目数量, 本年增/减), 政府集中采购 (采购项目数量,
 * 采购总金额 万元). Rows not found are `missing` (one CELL_MISSING flag). The table counts as found
 * when at least two of its rows are read.
 *
 * A 3-cell row printed one number short, when numbers with notes were printed apart from the
 * table (a PDF conversion pulls cells printed on two lines — `22` / `（其中修订 16 件）` — out of
 * their row), takes those numbers in order, in its middle cell (本年废止件数), and says so in the
 * notes; otherwise it is read left to right and its last cell is `missing`. Cells printed run
 * together (`规章000`) are split by solve-run-together.ts (table 二 has no identities: only a split
 * the digits leave unique is read; else CELL_AMBIGUOUS).
 */
export function readT2(reportId: string, printed: readonly PrintedRow[], version: FormVersion | null = null, runTogether = false): TableReading {
  const layout = t2Rows(version);
  const keys = new Set(layout.map((r) => r.key));
  const found = new Map<string, PrintedRow>();
  const detached: ValueToken[] = [];
  for (const r of printed) {
    const last = normalizeLabel(r.labels[r.labels.length - 1] ?? '');
    const m = T2_MATCHERS.find((x) => keys.has(x.key) && !found.has(x.key) && x.test(last));
    if (m) found.set(m.key, r);
    else if (r.values.length && r.values.every((v) => v.kind === 'num' && v.note)) detached.push(...r.values);
  }
  if (found.size < 2) return { table: 't2', found: false, cells: [], flags: [], notes: [] };
  const cells: Cell[] = [];
  const flags: Flag[] = [];
  const notes: string[] = [];
  const notFound: Array<{ key: string; columns: readonly string[] }> = [];
  for (const row of layout) {
    const p = found.get(row.key);
    if (!p) {
      cells.push(...row.columns.map((c) => missingCell(reportId, at('t2', row.key, c))));
      notFound.push(row);
      continue;
    }
    let values = p.values;
    if (runTogether || hasRunTogetherValues([p])) {
      const slots = row.columns.map((c) => at('t2', row.key, c));
      const s = readRunTogetherRows(reportId, 't2', [{ key: row.key, printed: p, slots }], []).get(row.key);
      if (s?.kind === 'ambiguous') {
        cells.push(...s.cells);
        flags.push(s.flag);
        continue;
      }
      if (s?.kind === 'values') values = s.values;
    }
    if (row.columns.length === 3 && values.length === 2 && detached.length) {
      const cell = detached.shift() as ValueToken;
      values = [values[0], cell, values[1]];
      notes.push(
        `表二「${rowLabel('t2', row.key)}」行只在表内印出 2 个数字，「${columnLabel('t2', row.columns[1])}」取自表格上方单独印出的「${(cell as { raw: string }).raw}」`,
      );
    }
    // Join spaced thousands here, so that t2Cell below sees the same values readRow places.
    const joined = joinThousandsGroups(values, row.columns.length);
    if (joined.kind === 'joined') values = joined.values;
    const r = readRow(reportId, 't2', row.key, row.columns, { ...p, values }, false);
    cells.push(...r.cells.map((c, i) => (i < values.length && c.status !== 'missing' ? t2Cell(reportId, at('t2', row.key, row.columns[i]), values[i]) : c)));
    flags.push(...r.flags);
    notes.push(...r.notes);
  }
  flags.push(...missingRowsFlag(reportId, 't2', notFound));
  return { table: 't2', found: true, cells, flags, notes };
}

/**
 * Reads table 四 (3 rows × 5 columns: 行政复议, 未经复议直接起诉, 复议后起诉 × 维持/纠正/其他/尚未审结/总计)
 * from the values of its section in printed order (a row of 15, three rows of 5, one per line).
 * Fewer than 15 values are read left to right, the rest `missing` (CELL_MISSING); no values at
 * all (no number, placeholder or printed-empty table cell) means the table was not found. Values
 * printed run together (`000000000000000`) are split by solve-run-together.ts with the table's
 * totals; when the split is not determined, all 15 cells are `missing` under CELL_AMBIGUOUS.
 */
export function readT4(reportId: string, printed: readonly PrintedRow[], runTogether = false): TableReading {
  let values = printed.flatMap((r) => r.values);
  if (!values.some((v) => v.kind !== 'blank' || v.explicit)) return { table: 't4', found: false, cells: [], flags: [], notes: [] };
  if (runTogether || hasRunTogetherValues(printed)) {
    const slots = T4_ROWS.flatMap((row) => T4_COLUMNS.map((c) => at('t4', row.key, c.key)));
    const whole: PrintedRow = { labels: printed.flatMap((r) => r.labels).slice(-1), values, line: values[0].line };
    const s = readRunTogetherRows(reportId, 't4', [{ key: 't4', printed: whole, slots }], t4TotalInstances()).get('t4');
    if (s?.kind === 'ambiguous') return { table: 't4', found: true, cells: s.cells, flags: [s.flag], notes: [] };
    if (s?.kind === 'values') values = s.values;
  }
  const joined = joinThousandsGroups(values, 15, rowTotalIdentity(5));
  if (joined.kind === 'ambiguous') {
    const slots = T4_ROWS.flatMap((row) => T4_COLUMNS.map((c) => at('t4', row.key, c.key)));
    return { table: 't4', found: true, cells: slots.map((x) => missingCell(reportId, x)), flags: [groupsAmbiguousFlag(reportId, 't4', slots, values, joined)], notes: [] };
  }
  if (joined.kind === 'joined') values = joined.values;
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

/**
 * Reads the three tables of a parsed report (lib/parse parseTextReport's `tables`, in the order
 * given): table 二 in the columns of the report's form version (国办公开办函〔2019〕60号 or
 * 〔2021〕30号), 三 and 四 as the 2021 form prints them; a table marked `runTogether` (a text that
 * ran on without line breaks) has its digit runs split first (solve-run-together.ts). A table
 * whose section is absent is not found. Never throws.
 *
 * @param reportId the id every cell and flag carries
 * @returns one reading per table (cells with their statuses, CELL_MISSING / CELL_INFERRED /
 *   CELL_AMBIGUOUS flags, a VALUE_IMPLAUSIBLE flag for each `invalid` cell — more than 12 digits,
 *   Infinity, a fraction in a count, a negative —, notes for the status message), `found` false
 *   when the section holds no such table.
 */
export function readTables(reportId: string, tables: readonly PrintedTable[], version: FormVersion | null): TableReading[] {
  return tables.map(({ table, sectionFound, rows, runTogether }): TableReading => {
    if (!sectionFound) return { table, found: false, cells: [], flags: [], notes: [] };
    const reading =
      table === 't2' ? readT2(reportId, rows, version, runTogether) : table === 't3' ? readT3(reportId, rows, runTogether) : readT4(reportId, rows, runTogether);
    const invalid = implausibleFlags(reportId, reading.cells);
    return invalid.flags.length ? { ...reading, flags: [...reading.flags, ...invalid.flags], notes: [...reading.notes, ...invalid.notes] } : reading;
  });
}
