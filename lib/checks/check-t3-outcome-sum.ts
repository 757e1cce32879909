/**
 * T3_OUTCOME_SUM — for each column of table 三: （七）总计 = the sum of the outcome rows 3–23
 * (or 3–20 + other_handling when the report prints a single （六）其他处理 row).
 * Source: implied by the row （七）总计 of the form (国办公开办函〔2021〕30号).
 */
import { columnLabel } from '../model/form-layout';
import { t3OutcomeSumInstances } from '../model/form-identities';
import type { Cell, Flag } from '../model/report-schema';
import { checkIdentity } from './identity-flags';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import type { SingleReportRule } from './rule';

/** The rule T3_OUTCOME_SUM (see the file's docstring for what it checks and why). */
export const t3OutcomeSumRule: SingleReportRule = {
  id: 'T3_OUTCOME_SUM',
  version: 1,
  severity: 'error',
  scope: 'single',
  name: '表三办理结果之和应等于总计',
  source: `${FORM_2021_SOURCE} 表三“（七）总计”行`,
  formula: '每一列：（七）总计 = 第（一）至（六）项各行之和（件）',
  run: (record) => checkT3OutcomeSum(record.report.report_id, record.cells),
};

/** Flags each column whose （七）总计 differs from the sum of its 办理结果 rows (件). */
export function checkT3OutcomeSum(reportId: string, cells: readonly Cell[]): Flag[] {
  const otherHandling = cells.some((c) => c.table === 't3' && c.row === 'other_handling');
  return checkIdentity(t3OutcomeSumRule, reportId, cells, t3OutcomeSumInstances(otherHandling), (inst, total, parts) =>
    `表三「${columnLabel('t3', inst.scope)}」列：（七）总计 = ${total}，而（一）至（六）各项之和 = ${parts}，相差 ${Math.round((total - parts) * 100) / 100}。`,
  );
}
