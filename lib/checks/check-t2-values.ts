/**
 * T2_VALUES — table 二 counts (本年制发/废止/现行有效件数, 处理决定数量) are non-negative whole
 * numbers (件); 本年收费金额 is a non-negative amount (万元, may be fractional).
 * Source: the form (国办公开办函〔2021〕30号), table 二.
 */
import { rowLabel, columnLabel, t2ColumnKind } from '../model/form-layout';
import { cellRef } from '../model/cell-grid';
import { makeFlag } from '../model/make-flag';
import type { Cell, Flag } from '../model/report-schema';

/** One `error` flag per table-二 cell whose value is negative, or fractional where a count is due. */
export function checkT2Values(reportId: string, cells: readonly Cell[]): Flag[] {
  const flags: Flag[] = [];
  for (const c of cells) {
    if (c.table !== 't2' || c.value === null) continue;
    const kind = t2ColumnKind(c.column);
    const isAmount = kind === 'amount';
    const bad = (kind !== 'change' && c.value < 0) || (!isAmount && !Number.isInteger(c.value));
    if (!bad) continue;
    flags.push(
      makeFlag({
        report_id: reportId,
        rule: 'T2_VALUES',
        severity: 'error',
        subject: [cellRef('t2', c.row, c.column)],
        actual: c.value,
        message: `表二「${rowLabel('t2', c.row)}」的「${columnLabel('t2', c.column)}」为 ${c.raw ?? c.value}：${isAmount ? '金额不能为负数' : kind === 'change' ? '增减数应为整数' : '件数应为非负整数'}。`,
      }),
    );
  }
  return flags;
}
