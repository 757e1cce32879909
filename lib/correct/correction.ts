/**
 * A correction is data (issue 13 "The form as an editor"): a person replaced the value read from
 * one cell of one report, said why, and when. Corrections are kept in the browser (IndexedDB,
 * app/_lib/correction-store.ts), exported to and imported from CSV (./corrections-csv.ts), and
 * applied to a record by the ingest (`npm run ingest -- --corrections FILE`) and the dashboard
 * (./apply-corrections.ts): the cell gets status `corrected`, its value is replaced, its printed
 * text (`raw`) is kept, and the checks run again.
 *
 * The cell is named by the spec's keys joined with dots, as flag subjects name cells
 * (lib/model/cell-grid.ts cellRef): `t4.review.total`, `t3.new_received.natural_person`.
 */
import { z } from 'zod';
import { cellRef } from '../model/cell-grid';
import { T2_ROWS, T2_ROWS_2019, T3_COLUMNS, T3_OTHER_HANDLING, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../model/form-layout';
import type { Result } from '../model/result';
import type { TableKey } from '../model/report-schema';
import { zhMessage, type MessageTranslate } from './message-text';

/** Every cell key of the form (2021 and 2019 table 二, table 三 with （六）其他处理, table 四). */
const FORM_CELLS: ReadonlySet<string> = new Set([
  ...[...T2_ROWS, ...T2_ROWS_2019].flatMap((r) => r.columns.map((c) => cellRef('t2', r.key, c))),
  ...[...T3_ROWS, T3_OTHER_HANDLING].flatMap((r) => T3_COLUMNS.map((c) => cellRef('t3', r.key, c.key))),
  ...T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => cellRef('t4', r.key, c.key))),
]);

/** Whether `cell` (`t3.granted.total`) is a cell of the form (either form version). */
export function isFormCell(cell: string): boolean {
  return FORM_CELLS.has(cell);
}

/** A cell reference split into its keys: `t4.review.total` → { table: 't4', row: 'review', column: 'total' }; null when not a form cell. */
export function splitCellRef(cell: string): { table: TableKey; row: string; column: string } | null {
  if (!isFormCell(cell)) return null;
  const [table, row, column] = cell.split('.');
  return { table: table as TableKey, row, column };
}

/** Largest value a correction may give a cell (12 digits, as lib/model/printed-number.ts accepts a printed one). */
export const MAX_CORRECTED_VALUE = 999_999_999_999;

/**
 * One correction:
 * - `report_id`: the report (16 hex digits, or with a `-2` suffix for a later identical copy);
 * - `cell`: the form cell, `table.row.column` in the spec's keys ({@link isFormCell});
 * - `value_before`: the cell's value when the correction was made (件; 万元 for t2 fees.amount),
 *   null when the cell held no number (blank, placeholder, missing, invalid or absent) — applying
 *   a correction to a cell whose value differs is refused as stale;
 * - `value_after`: the corrected value, a finite number ≥ 0 and ≤ {@link MAX_CORRECTED_VALUE}; a
 *   whole number except for t2 fees.amount (万元); equal to `value_before` when a person confirms
 *   an OCR reading ({@link confirmsReading}: the cell becomes `corrected` with its value, and counts
 *   in the facts again, lib/store/facts.ts OCR_HELD_STATUS);
 * - `note`: why (required, non-empty after trimming), e.g. `原表总计印为0，按各栏之和应为11`;
 * - `corrected_at`: when, ISO 8601 UTC (`2026-11-30T12:00:00.000Z`).
 */
export const Correction = z
  .object({
    report_id: z.string().regex(/^[0-9a-f]{16}(-\d+)?$/, 'report_id 应为 16 位十六进制报告编号'),
    cell: z.string().refine(isFormCell, '不是表格中的单元格（应如 t4.review.total）'),
    value_before: z.number().finite().nullable(),
    value_after: z.number().finite().min(0, '改正后的值不能为负数').max(MAX_CORRECTED_VALUE, '改正后的值超过 12 位'),
    note: z.string().trim().min(1, '必须写明改正理由（note）'),
    corrected_at: z.string().datetime({ message: 'corrected_at 应为 ISO 时间，如 2026-11-30T12:00:00.000Z' }),
  })
  .refine((c) => c.cell === 't2.fees.amount' || Number.isInteger(c.value_after), {
    message: '件数必须是整数（只有表二行政事业性收费金额可以是小数，单位万元）',
    path: ['value_after'],
  });
/** See {@link Correction}. */
export type Correction = z.infer<typeof Correction>;

/**
 * Whether a number typed into 校对 for a cell confirms its reading rather than changing nothing:
 * the cell is an `ocr` cell (read from an image, issue 13) and the number is its value. Saved as a
 * correction with `value_after` = `value_before` and the note, it makes the cell `corrected` — a
 * person's word — so an OCR reading held for a person (OCR_UNCERTAIN) counts again. For any other
 * status, or a different number, false (a different number is a change; the same number of a
 * printed cell is no edit at all).
 */
export function confirmsReading(cell: { status: string; value: number | null } | null | undefined, typed: number): boolean {
  return !!cell && cell.status === 'ocr' && cell.value === typed;
}

/** The key of a correction in the store and in a file: one correction per report and cell. */
export function correctionKey(c: Pick<Correction, 'report_id' | 'cell'>): string {
  return `${c.report_id}|${c.cell}`;
}

/**
 * A validated correction made now. `valueBefore` is the value as read (null for no number);
 * `valueAfter` is what the person typed, as text or a number (full-width digits and thousands
 * separators accepted: `１,２３４` → 1234).
 * @returns the correction, or a sentence saying what is wrong and what to do (Chinese, or in the
 *   language of `t`, lib/present/i18n).
 */
export function makeCorrection(
  input: { report_id: string; cell: string; value_before: number | null; value_after: string | number; note: string },
  now: Date = new Date(),
  t: MessageTranslate = zhMessage,
): Result<Correction> {
  const after = typeof input.value_after === 'number' ? input.value_after : parseTypedNumber(input.value_after);
  if (after === null) return { ok: false, error: t('“{{value}}”不是数字：请输入阿拉伯数字（如 12）。', { value: String(input.value_after) }) };
  const r = Correction.safeParse({ ...input, value_after: after, note: input.note.trim(), corrected_at: now.toISOString() });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: t('{{problem}}，请改正后再保存。', { problem: t(r.error.issues[0]?.message ?? '校对记录无效') }) };
}

/**
 * A number typed into the editor: digits (ASCII or full-width), an optional decimal point,
 * thousands separators and spaces ignored; null when it is empty or not such a number.
 */
export function parseTypedNumber(text: string): number | null {
  const t = text.replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/[．。]/g, '.').replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
