/**
 * CELL_BLANK — a cell of a found table printed empty (status `blank`). Source: the table format of
 * 国办公开办函〔2021〕30号 (and of the 2019 trial format, 国办公开办函〔2019〕60号): every cell of the
 * form is to be filled — a count of none is printed 0, so an empty cell leaves the reader guessing
 * whether it means 0 or was forgotten (seed 004 临淄区政府办 2023 leaves 行政规范性文件 本年废止 empty;
 * 上海市科委 2024 leaves 结转下年度继续办理 总计 empty).
 *
 * Severity `info`: the cell keeps its status and value (`blank`, null) — the report printed it
 * empty, and the identity checks already count a blank part as 0 and do not evaluate a blank total
 * (lib/model/form-identities.ts evaluateIdentity).
 *
 * One flag per blank cell, not per row: each blank cell is its own fact with its own implied value
 * and its own review decision (the flag's fingerprint names the one cell), as CELL_INFERRED is per
 * cell; a row's blanks are often determined differently. But a table with more than
 * {@link MAX_BLANK_FLAGS_PER_TABLE} blank cells is a practice, not a slip (the 上海 2019 report
 * leaves 135 cells empty where it means 0): it gets one flag for the table, its subject every blank
 * cell, its message how many the identities determine (and as what), so the review queue shows one
 * decision about the practice rather than a hundred about single cells.
 *
 * What the identities say (lib/model/form-identities.ts: T3_BALANCE, T3_OUTCOME_SUM, T3_ROW_TOTAL,
 * T4_TOTAL): an instance holding the cell determines it when every other cell of the instance is
 * read (`reported` / `inferred`) or printed empty or as a placeholder, and
 * - the cell is the only empty one: its value is the difference of the two sides (a whole number ≥ 0,
 *   or the instance says nothing — the report's arithmetic is off elsewhere and that rule flags it);
 * - the other empty cells are all on the cell's side and the difference is 0: counts are never
 *   negative, so all of them, this one included, are 0.
 * Empty and placeholder cells are unknowns here (never taken as 0, unlike in the identity checks).
 * When instances determine different values the value is not determined. The flag's `expected` is
 * the determined value (件), else null; the message gives the identities used and their numbers.
 *
 * Not raised on a `blank_form` (the unfilled official form: every cell is empty by design).
 */
import { CellGrid, cellRef } from '../model/cell-grid';
import { columnLabel, rowLabel } from '../model/form-layout';
import {
  t3BalanceInstances,
  t3OutcomeSumInstances,
  t3RowTotalInstances,
  t4TotalInstances,
  type CellAddress,
  type IdentityInstance,
} from '../model/form-identities';
import type { Cell, Flag, ReportRecord } from '../model/report-schema';
import { isValueStatus } from '../model/report-schema';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import { ruleFlag, type SingleReportRule } from './rule';

/** The rule CELL_BLANK (see the file's docstring for what it checks and why). */
export const cellBlankRule: SingleReportRule = {
  id: 'CELL_BLANK',
  version: 1,
  severity: 'info',
  scope: 'single',
  name: '表格单元格空白未填',
  source: `${FORM_2021_SOURCE} 表格格式（每个单元格都应填写）`,
  formula: '表格中每个单元格都应填写数字（没有的填 0）；空白格的值能由勾稽关系确定时，给出该值',
  run: (record) => checkCellBlank(record),
};

/** What one identity instance says about a blank cell: its value (件) and the equation shown. */
export interface BlankCellReading {
  /** The value the instance determines, in 件. */
  value: number;
  /** The instance's equation with its numbers, `?` for the cell, e.g. `一 + 二 = 三（七） + 四：34 + 2 = 35 + ?`. */
  reason: string;
}

/**
 * The identity instances of table 三 and 四 for a report's cells (the other-handling layout when
 * printed): T3_ROW_TOTAL, T3_BALANCE, T3_OUTCOME_SUM, T4_TOTAL — the same instances the rules
 * check. Also used by the proofreading editor's live checks (lib/correct/live-identities.ts).
 */
export function instancesFor(cells: readonly Cell[]): IdentityInstance[] {
  const otherHandling = cells.some((c) => c.table === 't3' && c.row === 'other_handling');
  return [
    ...t3RowTotalInstances(otherHandling),
    ...t3BalanceInstances(),
    ...t3OutcomeSumInstances(otherHandling),
    ...t4TotalInstances(),
  ];
}

const IDENTITY_NAMES: Record<IdentityInstance['rule'], string> = {
  T3_ROW_TOTAL: '本行 总计 = 各类申请人之和',
  T3_BALANCE: '本列 一 + 二 = 三（七）总计 + 四',
  T3_OUTCOME_SUM: '本列 三（七）总计 = 各项办理结果之和',
  T4_TOTAL: '本行 总计 = 维持 + 纠正 + 其他 + 尚未审结',
};

const same = (a: CellAddress, b: CellAddress) => a.table === b.table && a.row === b.row && a.column === b.column;

/** One side of an equation as printed in a message: its read numbers, `?` for the cell, `空白×k`. */
function sideText(values: number[], hasTarget: boolean, otherBlanks: number): string {
  const terms = values.length > 4 ? [String(sum(values))] : values.map(String);
  if (hasTarget) terms.push('?');
  if (otherBlanks) terms.push(`空白${otherBlanks}格`);
  return terms.length ? terms.join(' + ') : '0';
}

function sum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
}

/**
 * What `inst` says about the blank cell `target` (see the file's docstring), or null when it does
 * not determine it: another cell is missing, invalid or absent; an empty cell stands on the other
 * side; the difference is negative or fractional; or several empty cells share a nonzero remainder.
 */
export function readBlankCell(grid: CellGrid, inst: IdentityInstance, target: CellAddress): BlankCellReading | null {
  const onTotal = inst.total.some((a) => same(a, target));
  if (!onTotal && !inst.parts.some((a) => same(a, target))) return null;
  const known = { total: [] as number[], parts: [] as number[] };
  const blanks = { total: 0, parts: 0 };
  for (const side of ['total', 'parts'] as const) {
    for (const a of inst[side]) {
      if (same(a, target)) continue;
      const c = grid.get(a.table, a.row, a.column);
      if (c?.status === 'blank' || c?.status === 'placeholder') blanks[side]++;
      else if (c && isValueStatus(c.status) && c.value !== null) known[side].push(c.value);
      else return null;
    }
  }
  const mine = onTotal ? 'total' : 'parts';
  const other = onTotal ? 'parts' : 'total';
  if (blanks[other] > 0) return null;
  const rest = sum(known[other]) - sum(known[mine]);
  if (rest < 0 || !Number.isInteger(rest) || (blanks[mine] > 0 && rest !== 0)) return null;
  const totalText = sideText(known.total, onTotal, blanks.total);
  const partsText = sideText(known.parts, !onTotal, blanks.parts);
  // In the form's order: 一 + 二 = 三（七） + 四 (parts first); every other identity total first.
  const equation = inst.rule === 'T3_BALANCE' ? `${partsText} = ${totalText}` : `${totalText} = ${partsText}`;
  const tail = blanks[mine] > 0 ? `，空白格均为 0` : '';
  return { value: rest, reason: `${IDENTITY_NAMES[inst.rule]}：${equation}${tail}` };
}

/** The cell's place in words, e.g. `表三「四、结转下年度继续办理」行「总计」列`. */
function where(c: Cell): string {
  const table = c.table === 't2' ? '表二' : c.table === 't3' ? '表三' : '表四';
  return `${table}「${rowLabel(c.table, c.row)}」行「${columnLabel(c.table, c.column)}」列`;
}

/**
 * The value the identities determine for a blank cell, with the equations used; `value` null when
 * none determines it or they disagree (then `readings` lists what each said).
 */
export function impliedValue(grid: CellGrid, instances: readonly IdentityInstance[], cell: Cell): { value: number | null; readings: BlankCellReading[] } {
  const target: CellAddress = { table: cell.table, row: cell.row, column: cell.column };
  const readings = instances.flatMap((inst) => {
    const r = readBlankCell(grid, inst, target);
    return r ? [r] : [];
  });
  const values = new Set(readings.map((r) => r.value));
  return { value: values.size === 1 ? readings[0].value : null, readings };
}

/** Above this many blank cells in one table, the table gets one flag instead of one per cell. */
export const MAX_BLANK_FLAGS_PER_TABLE = 5;

const TABLE_NAMES: Record<Cell['table'], string> = { t2: '表二', t3: '表三', t4: '表四' };

/**
 * One `info` flag per blank cell of a report's found tables (none for a `blank_form`); a table with
 * more than {@link MAX_BLANK_FLAGS_PER_TABLE} blank cells gets one flag for all of them. A cell's
 * flag: `subject` the cell (`t3.carried_forward.total`), `expected` the value the identities
 * determine (件) or null, `actual` null (printed empty). A table's flag: `subject` every blank cell
 * in form order, `expected` and `actual` null, the message the counts. Never throws.
 */
export function checkCellBlank(record: Pick<ReportRecord, 'report' | 'cells'>): Flag[] {
  if (record.report.status === 'blank_form') return [];
  const blanks = record.cells.filter((c) => c.status === 'blank');
  if (!blanks.length) return [];
  const grid = CellGrid.of(record.cells);
  const instances = instancesFor(record.cells);
  const flags: Flag[] = [];
  for (const table of ['t2', 't3', 't4'] as const) {
    const mine = blanks.filter((c) => c.table === table);
    if (mine.length > MAX_BLANK_FLAGS_PER_TABLE) flags.push(tableFlag(record.report.report_id, table, mine, grid, instances));
    else flags.push(...mine.map((cell) => cellFlag(record.report.report_id, cell, grid, instances)));
  }
  return flags;
}

/** The one flag of a table with many blank cells (see {@link checkCellBlank}). */
function tableFlag(reportId: string, table: Cell['table'], cells: readonly Cell[], grid: CellGrid, instances: readonly IdentityInstance[]): Flag {
  const values = cells.map((c) => impliedValue(grid, instances, c).value);
  const determined = values.filter((v): v is number => v !== null);
  const zeros = determined.filter((v) => v === 0).length;
  const others = cells.flatMap((c, i) => (values[i] !== null && values[i] !== 0 ? [`${where(c)}应为 ${values[i]}`] : []));
  const known = determined.length
    ? `按表格的勾稽关系，其中 ${determined.length} 格可以确定（${zeros} 格应为 0${others.length ? `；${others.slice(0, 3).join('；')}${others.length > 3 ? '等' : ''}` : ''}），其余 ${cells.length - determined.length} 格不能确定`
    : '表格的勾稽关系不能确定这些格的值';
  return ruleFlag(cellBlankRule, {
    report_id: reportId,
    subject: cells.map((c) => cellRef(c.table, c.row, c.column)),
    expected: null,
    actual: null,
    message: `${TABLE_NAMES[table]}有 ${cells.length} 格印为空白（该表以空白代替数字，而表格格式要求没有的填 0）；${known}。请向发布机关核实空白格是 0 还是漏填，并在今后的报告中填写 0。`,
  });
}

/** The flag of one blank cell (see {@link checkCellBlank}). */
function cellFlag(reportId: string, cell: Cell, grid: CellGrid, instances: readonly IdentityInstance[]): Flag {
  const { value, readings } = impliedValue(grid, instances, cell);
  const message =
    value !== null
      ? `${where(cell)}印为空白；按表格的勾稽关系它应为 ${value}（${readings.map((r) => r.reason).join('；')}），请对照原件核实，按 ${value} 补填。`
      : readings.length
        ? `${where(cell)}印为空白；表格的勾稽关系给出的值互相矛盾（${readings.map((r) => r.reason).join('；')}），请向发布机关核实这一格的数字。`
        : `${where(cell)}印为空白，表格的勾稽关系不能确定它的值；请向发布机关核实这一格是 0 还是漏填。`;
  return ruleFlag(cellBlankRule, {
    report_id: reportId,
    subject: [cellRef(cell.table, cell.row, cell.column)],
    expected: value,
    actual: null,
    message,
  });
}
