/**
 * T4_TOTAL — for each row of table 四 (行政复议, 未经复议直接起诉, 复议后起诉):
 * 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
 * Source: implied by the column 总计 of the form (国办公开办函〔2021〕30号).
 */
import { rowLabel } from '../model/form-layout';
import { t4TotalInstances } from '../model/form-identities';
import type { Cell, Flag } from '../model/report-schema';
import { checkIdentity } from './identity-flags';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import type { SingleReportRule } from './rule';

/** The rule T4_TOTAL (see the file's docstring for what it checks and why). */
export const t4TotalRule: SingleReportRule = {
  id: 'T4_TOTAL',
  version: 1,
  severity: 'error',
  scope: 'single',
  name: '表四总计应等于各结果之和',
  source: `${FORM_2021_SOURCE} 表四“总计”列`,
  formula: '每一行：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（件）',
  run: (record) => checkT4Total(record.report.report_id, record.cells),
};

/** Flags each row of table 四 whose 总计 differs from the sum of its four results (件). */
export function checkT4Total(reportId: string, cells: readonly Cell[]): Flag[] {
  return checkIdentity(t4TotalRule, reportId, cells, t4TotalInstances(), (inst, total, parts) =>
    `表四「${rowLabel('t4', inst.scope)}」：总计 = ${total}，而结果维持+结果纠正+其他结果+尚未审结 = ${parts}，相差 ${Math.round((total - parts) * 100) / 100}。`,
  );
}
