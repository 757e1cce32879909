/**
 * Applying corrections (./correction.ts) to a report's record, and checking it again: a corrected
 * cell has status `corrected`, the corrected value, and keeps the text printed (`raw`); then the
 * registered single-report rules (lib/checks/run-checks.ts runChecks, the entry point
 * lib/read/read-report.ts uses) run on the corrected cells. A correction whose `value_before` is
 * not the cell's current value is stale: it is returned, never applied silently.
 */
import { runChecks } from '../checks/run-checks';
import { CROSS_YEAR_RULES, SINGLE_REPORT_RULES } from '../checks/rule-registry';
import { cellRef } from '../model/cell-grid';
import { ocrReadRule, ocrUncertainRule } from '../model/rule-metadata';
import { withOcrVerdict } from '../read/ocr-cells';
import { ReportRecord, type Cell, type Flag } from '../model/report-schema';
import { splitCellRef, type Correction } from './correction';

/** A correction not applied, and why (Chinese, one sentence saying what to do). */
export interface StaleCorrection {
  correction: Correction;
  /** The cell's value now (件; null when it holds no number or does not exist). */
  current: number | null;
  message: string;
}

/** What applying corrections to one record gave. */
export interface AppliedCorrections {
  /** The record with the corrected cells (flags not yet re-checked, see {@link recheckRecord}). */
  record: ReportRecord;
  applied: Correction[];
  /** Already applied before (the cell is `corrected` to the same value): nothing to do. */
  unchanged: Correction[];
  stale: StaleCorrection[];
}

/** The value a correction compares with `value_before`: the cell's value, null when it holds none or is absent. */
function currentValue(cell: Cell | undefined): number | null {
  return cell ? cell.value : null;
}

function staleMessage(c: Correction, current: number | null): string {
  const shown = (v: number | null) => (v === null ? '无数值' : String(v));
  return `报告 ${c.report_id} 的 ${c.cell}：校对记录的原值是 ${shown(c.value_before)}，但数据中现在是 ${shown(current)}，未应用；请在报告页重新校对这一格。`;
}

/**
 * Applies the corrections of `record`'s report (others are ignored) in `corrected_at` order.
 * A correction applies when the cell's current value equals `value_before` (a cell absent from
 * the record is created when `value_before` is null); it is `unchanged` when the cell already is
 * `corrected` to `value_after`; else stale. Pure; never throws.
 */
export function applyCorrections(record: ReportRecord, corrections: readonly Correction[]): AppliedCorrections {
  const id = record.report.report_id;
  const mine = corrections.filter((c) => c.report_id === id).sort((a, b) => a.corrected_at.localeCompare(b.corrected_at));
  const cells = [...record.cells];
  const index = new Map(cells.map((c, i) => [cellRef(c.table, c.row, c.column), i]));
  const out: AppliedCorrections = { record, applied: [], unchanged: [], stale: [] };
  for (const c of mine) {
    const at = index.get(c.cell);
    const cell = at === undefined ? undefined : cells[at];
    if (cell?.status === 'corrected' && cell.value === c.value_after) {
      out.unchanged.push(c);
      continue;
    }
    const current = currentValue(cell);
    if (current !== c.value_before) {
      out.stale.push({ correction: c, current, message: staleMessage(c, current) });
      continue;
    }
    const key = splitCellRef(c.cell)!;
    const next: Cell = cell
      ? { ...cell, value: c.value_after, status: 'corrected' }
      : { report_id: id, ...key, value: c.value_after, status: 'corrected', raw: null, note: null };
    if (at === undefined) {
      index.set(c.cell, cells.length);
      cells.push(next);
    } else cells[at] = next;
    out.applied.push(c);
  }
  if (out.applied.length) out.record = { ...record, cells };
  return out;
}

const CHECK_RULE_IDS: ReadonlySet<string> = new Set([...SINGLE_REPORT_RULES, ...CROSS_YEAR_RULES].map((r) => r.id));

/** The flags the parser raised (reading flags: CELL_MISSING, TABLE_MISSING, …), without those of the rules lib/checks runs. */
export function readingFlags(flags: readonly Flag[]): Flag[] {
  return flags.filter((f) => !CHECK_RULE_IDS.has(f.rule));
}

/** Whether a flag comes from a rule lib/checks runs (single-report or cross-year), not from the parser. */
export function isCheckFlag(flag: Pick<Flag, 'rule'>): boolean {
  return CHECK_RULE_IDS.has(flag.rule);
}

/** The OCR verdict rules (OCR_READ, OCR_UNCERTAIN): judged again on the corrected cells, never kept from before. */
export const OCR_VERDICT_RULE_IDS: ReadonlySet<string> = new Set([ocrReadRule.id, ocrUncertainRule.id]);

/**
 * The record checked again: its reading flags kept (the OCR verdict judged again: a cell a person
 * corrected is confirmed, a table whose OCR cells all were corrected has none), the single-report rules run on its cells
 * (runChecks). The cross-year flags are dropped: they need the agency's other years, which the
 * caller re-checks (lib/pipeline's ingest with checkAcrossReports). Validated against the schema.
 * @returns the re-checked record, or the schema's complaint as a Chinese sentence (a defect).
 */
export function recheckRecord(record: ReportRecord): { ok: true; value: ReportRecord } | { ok: false; error: string } {
  const reading = readingFlags(record.flags).filter((f) => !OCR_VERDICT_RULE_IDS.has(f.rule));
  const checked = runChecks(withOcrVerdict({ ...record, flags: reading }));
  const valid = ReportRecord.safeParse(checked);
  if (valid.success) return { ok: true, value: valid.data };
  return { ok: false, error: `改正后的报告 ${record.report.report_id} 未通过数据校验（${valid.error.issues[0]?.message}）。这是本工具的缺陷，请报告。` };
}
