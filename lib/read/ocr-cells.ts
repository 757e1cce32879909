/**
 * The OCR branch of the read path, after the scanned text went through parse → normalize →
 * assembly like any text: every printed number becomes an `ocr` cell with the confidence of the
 * reading it came from, an empty OCR reading becomes `missing` (never 0, never a printed blank),
 * and the form's identities decide what is accepted (issue 13): a table whose cells all hold a
 * value and satisfy every identity that concerns them (T3_ROW_TOTAL, T3_BALANCE, T3_OUTCOME_SUM,
 * T4_TOTAL) gets OCR_READ (info); otherwise the cells that cannot be confirmed get OCR_UNCERTAIN
 * (warning) and wait for a person. Table 二 has no identity, so its OCR cells are never accepted
 * by arithmetic: OCR_UNCERTAIN names them all.
 */
import { CellGrid, cellRef } from '../model/cell-grid';
import {
  evaluateIdentity,
  t3BalanceInstances,
  t3OutcomeSumInstances,
  t3RowTotalInstances,
  type CellAddress,
  type IdentityInstance,
} from '../model/form-identities';
import { makeFlag } from '../model/make-flag';
import type { Cell, Flag, ReportRecord, TableKey } from '../model/report-schema';
import { ocrReadRule, ocrUncertainRule } from '../model/rule-metadata';
import type { OcrTableLine } from '../ocr/read-scanned-pages';

/** Cells of one printed row that came from numbers, in column order. */
function numberedCells(cells: Cell[]): Cell[] {
  return cells.filter((c) => c.status === 'reported' && c.raw !== null);
}

/**
 * The confidence of each printed cell: the table line whose numbers are exactly the row's printed
 * numbers (in order, the first such line not used yet, lines in reading order) gives each cell its
 * number's confidence; a cell with no such line gets the lowest confidence of any reading of the
 * same text (a conservative bound).
 */
function confidences(cells: readonly Cell[], lines: readonly OcrTableLine[]): Map<Cell, number> {
  const out = new Map<Cell, number>();
  const used = new Set<number>();
  const rows = new Map<string, Cell[]>();
  for (const c of cells) rows.set(`${c.table}.${c.row}`, [...(rows.get(`${c.table}.${c.row}`) ?? []), c]);
  let cursor = 0;
  for (const row of rows.values()) {
    const printed = numberedCells(row);
    if (!printed.length) continue;
    const key = printed.map((c) => c.raw).join('|');
    let at = lines.findIndex((l, i) => i >= cursor && !used.has(i) && l.numbers.map((n) => n.raw).join('|') === key);
    if (at < 0) at = lines.findIndex((l, i) => !used.has(i) && l.numbers.map((n) => n.raw).join('|') === key);
    if (at >= 0) {
      used.add(at);
      cursor = at + 1;
      printed.forEach((c, i) => out.set(c, lines[at].numbers[i].confidence));
      continue;
    }
    for (const c of printed) {
      const same = lines.flatMap((l) => l.numbers.filter((n) => n.raw === c.raw).map((n) => n.confidence));
      out.set(c, same.length ? Math.min(...same) : 0);
    }
  }
  return out;
}

/**
 * The record's cells as read by OCR: `reported` → `ocr` with a confidence; a `blank` (an empty
 * reading) → `missing`. Other statuses (inferred, placeholder, invalid, missing) unchanged. With
 * `tables`, only the cells of those tables were read by OCR (a report whose other tables are
 * printed as text, ./read-embedded-images.ts); the others are left as they are.
 */
export function markOcrCells(record: ReportRecord, lines: readonly OcrTableLine[], tables?: readonly TableKey[]): ReportRecord {
  const byOcr = (c: Cell) => !tables || tables.includes(c.table);
  const conf = confidences(record.cells.filter(byOcr), lines);
  const cells = record.cells.map((c): Cell => {
    if (!byOcr(c)) return c;
    if (c.status === 'reported') return { ...c, status: 'ocr', confidence: conf.get(c) ?? 0 };
    if (c.status === 'blank') return { ...c, status: 'missing', value: null, raw: null };
    return c;
  });
  return { ...record, cells };
}

/** The identity instances of a table (表三 with the other-handling layout when printed so). */
function instancesOf(table: TableKey, cells: readonly Cell[]): IdentityInstance[] {
  if (table !== 't3') return [];
  const other = cells.some((c) => c.table === 't3' && c.row === 'other_handling');
  return [...t3RowTotalInstances(other), ...t3BalanceInstances(), ...t3OutcomeSumInstances(other)];
}

/** Short Chinese names of the tables, for the messages. */
const TABLE_LABELS_SHORT = { t2: '表二（主动公开）', t3: '表三（依申请公开）', t4: '表四（行政复议、行政诉讼）' } as const;

const ref = (a: CellAddress) => cellRef(a.table, a.row, a.column);

/** The cells of `table` that the identities cannot confirm, as `table.row.column` references (empty when the table is accepted). */
function unconfirmed(table: TableKey, cells: readonly Cell[], grid: CellGrid): string[] {
  const own = cells.filter((c) => c.table === table);
  // 表二 has no identity; 表四 has one per cell (its row's 总计), which the same misread digit in a
  // part and in its total passes (洪泽区 2024 诉讼·维持 and 总计 both read 6 instead of 1: the total
  // still holds). Only 表三, where every cell sits in a row and a column identity, can be accepted.
  if (table === 't2' || table === 't4') return own.filter((c) => c.status === 'ocr').map((c) => cellRef(c.table, c.row, c.column));
  const out = new Set<string>();
  // A cell a person corrected or typed is confirmed by that person; a placeholder prints "none".
  for (const c of own) if (c.status !== 'ocr' && c.status !== 'placeholder' && c.status !== 'corrected' && c.status !== 'manual') out.add(cellRef(c.table, c.row, c.column));
  for (const inst of instancesOf(table, cells)) {
    const r = evaluateIdentity(grid, inst);
    if (!r.evaluable || !r.holds) for (const a of [...inst.total, ...inst.parts]) out.add(ref(a));
  }
  return [...out];
}

/**
 * The OCR verdict flags of a record read by OCR: per table found, OCR_READ when every cell holds
 * an OCR value and every identity of the table holds — only 表三 can be accepted, its cells each
 * checked by a row and a column identity — else OCR_UNCERTAIN naming the cells to check (表二:
 * no identity; 表四: one identity per cell, which a misread repeated in a part and its total
 * passes; both always name all their OCR cells). Returns the record with the flags appended. The messages
 * carry no timing, so the same file gives the same flags on every run.
 */
export function withOcrVerdict(record: ReportRecord): ReportRecord {
  const grid = new CellGrid(record.cells);
  const flags: Flag[] = [];
  const id = record.report.report_id;
  for (const table of ['t2', 't3', 't4'] as const) {
    if (!record.cells.some((c) => c.table === table && c.status === 'ocr')) continue;
    const subject = unconfirmed(table, record.cells, grid);
    const label = TABLE_LABELS_SHORT[table];
    if (!subject.length) {
      const n = record.cells.filter((c) => c.table === table).length;
      flags.push(makeFlag({ report_id: id, rule: ocrReadRule.id, severity: ocrReadRule.severity, subject: [table], message: `${label}由文字识别（OCR）读出 ${n} 格，勾稽关系全部成立，已采用；如有疑问请对照原图核对。` }));
    } else {
      const why =
        table === 't2'
          ? '表二没有勾稽关系可以核对识别结果'
          : table === 't4'
            ? '表四每格只在本行“总计”一条勾稽关系中，分项和总计被同样误读时这条关系仍然成立，不能据此确认'
            : '这些单元格所在的勾稽关系不成立、无法核对或未读出数字';
      flags.push(makeFlag({ report_id: id, rule: ocrUncertainRule.id, severity: ocrUncertainRule.severity, subject, message: `${label}由文字识别（OCR）读出，其中 ${subject.length} 格未能核实（${why}）；请对照原图核对这些数字，在校对中改正或确认。` }));
    }
  }
  return { ...record, flags: [...record.flags, ...flags] };
}
