/**
 * T3_ROW_TOTAL — for each row of table 三: 总计 = 自然人 + the five 法人或其他组织 columns.
 * Source: implied by the column 总计 of the form (国办公开办函〔2021〕30号).
 */
import { rowLabel } from '../model/form-layout';
import { t3RowTotalInstances } from '../model/form-identities';
import type { Cell, Flag } from '../model/report-schema';
import { checkIdentity } from './identity-flags';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import type { SingleReportRule } from './rule';

/** The rule T3_ROW_TOTAL (see the file's docstring for what it checks and why). */
export const t3RowTotalRule: SingleReportRule = {
  id: 'T3_ROW_TOTAL',
  version: 1,
  severity: 'error',
  scope: 'single',
  name: '表三各行总计应等于各类申请人之和',
  source: `${FORM_2021_SOURCE} 表三“总计”列`,
  formula: '每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（件）',
  run: (record) => checkT3RowTotal(record.report.report_id, record.cells),
};

/** Flags each row of table 三 whose 总计 differs from the sum of its six applicant columns (件). */
export function checkT3RowTotal(reportId: string, cells: readonly Cell[]): Flag[] {
  const otherHandling = cells.some((c) => c.table === 't3' && c.row === 'other_handling');
  return checkIdentity(t3RowTotalRule, reportId, cells, t3RowTotalInstances(otherHandling), (inst, total, parts) =>
    `表三「${rowLabel('t3', inst.scope)}」行：总计 = ${total}，而自然人与法人或其他组织各列之和 = ${parts}，相差 ${Math.round((total - parts) * 100) / 100}。`,
  );
}
