/**
 * VALUE_IMPLAUSIBLE: a flag for each cell whose printed number no table of the form can hold
 * (status `invalid`: more than 12 digits, not finite, a fraction in a count, a negative — the
 * grammar and the limits in lib/model/printed-number.ts; the form's cells are counts of 件, the
 * amounts in 万元, 国办公开办函〔2021〕30号). The cell keeps its printed text in `raw`; its value is
 * null, so no identity uses it and the rest of its row stays in its columns.
 */
import { cellRef } from '../model/cell-grid';
import { TABLE_LABELS, columnLabel, rowLabel } from '../model/form-layout';
import { makeFlag } from '../model/make-flag';
import { implausibleReason, readPrintedNumber } from '../model/printed-number';
import type { Cell, Flag } from '../model/report-schema';
import { cellValueKind } from './recover-lost-cell';

/** At most this many characters of a printed value are quoted in a message (a 400-digit run is cut). */
const QUOTED_CHARS = 24;

function quoted(raw: string): string {
  return raw.length > QUOTED_CHARS ? `${raw.slice(0, QUOTED_CHARS)}…（共 ${raw.length} 个字符）` : raw;
}

/** Why the printed text cannot stand in the cell, in Chinese (implausibleReason of its number). */
function reasonOf(cell: Cell): string {
  const n = readPrintedNumber((cell.raw ?? '').replace(/[ \u00a0\u2009\u202f]/g, ''));
  return (n && implausibleReason(n.value, cellValueKind(cell))) ?? '不是表格能容纳的数值';
}

/**
 * The VALUE_IMPLAUSIBLE flags (severity warning, one per `invalid` cell, its subject the cell,
 * `actual` the printed text) and one note per table for the report's status message. Never throws.
 *
 * @param reportId the id the flags carry
 * @param cells the cells of one table as read
 */
export function implausibleFlags(reportId: string, cells: readonly Cell[]): { flags: Flag[]; notes: string[] } {
  const invalid = cells.filter((c) => c.status === 'invalid');
  if (!invalid.length) return { flags: [], notes: [] };
  const flags = invalid.map((c) => {
    const printed = quoted(c.raw ?? '');
    return makeFlag({
      report_id: reportId,
      rule: 'VALUE_IMPLAUSIBLE',
      severity: 'warning',
      subject: [cellRef(c.table, c.row, c.column)],
      actual: printed,
      message: `${TABLE_LABELS[c.table]}「${rowLabel(c.table, c.row)}」行「${columnLabel(c.table, c.column)}」格印出「${printed}」，${reasonOf(c)}，不是表格能容纳的数值；已标为无效（不计入勾稽关系），请对照原文核实。`,
      evidence: c.raw,
    });
  });
  const table = TABLE_LABELS[invalid[0].table];
  return { flags, notes: [`${table}有 ${invalid.length} 格印出的数值无法容纳（见 VALUE_IMPLAUSIBLE 标记）`] };
}
