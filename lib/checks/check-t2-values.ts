/**
 * T2_VALUES — table 二 counts (本年制发/废止/现行有效件数, 处理决定数量) are non-negative whole
 * numbers (件); 本年收费金额 is a non-negative amount (万元, may be fractional).
 * Source: the form (国办公开办函〔2021〕30号), table 二.
 */
import { rowLabel, columnLabel, t2ColumnKind } from '../model/form-layout';
import { cellRef } from '../model/cell-grid';
import type { Cell, Flag } from '../model/report-schema';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import { ruleFlag, type SingleReportRule } from './rule';

/** The rule T2_VALUES (see the file's docstring for what it checks and why). */
export const t2ValuesRule: SingleReportRule = {
  id: 'T2_VALUES',
  version: 1,
  severity: 'error',
  scope: 'single',
  name: '表二数值应为非负整数（收费为非负金额）',
  source: `${FORM_2021_SOURCE} 表二`,
  formula: '件数为非负整数（件）；行政事业性收费金额为非负数（万元）',
  run: (record) => checkT2Values(record.report.report_id, record.cells),
};

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
      ruleFlag(t2ValuesRule, {
        report_id: reportId,
        subject: [cellRef('t2', c.row, c.column)],
        actual: c.value,
        message: `表二「${rowLabel('t2', c.row)}」的「${columnLabel('t2', c.column)}」为 ${c.raw ?? c.value}：${isAmount ? '金额不能为负数' : kind === 'change' ? '增减数应为整数' : '件数应为非负整数'}。`,
      }),
    );
  }
  return flags;
}
