/**
 * T3_BALANCE — for each of the 7 columns of table 三:
 * new_received + carried_over = total_processed + carried_forward.
 * Source: printed on the form itself (国办公开办函〔2021〕30号): 本列数据的勾稽关系为：第一项加第二项之和，
 * 等于第三项加第四项之和.
 */
import { columnLabel } from '../model/form-layout';
import { t3BalanceInstances } from '../model/form-identities';
import type { Cell, Flag } from '../model/report-schema';
import { checkIdentity } from './identity-flags';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import type { SingleReportRule } from './rule';

/** The rule T3_BALANCE (see the file's docstring for what it checks and why). */
export const t3BalanceRule: SingleReportRule = {
  id: 'T3_BALANCE',
  version: 1,
  severity: 'error',
  scope: 'single',
  name: '表三勾稽关系：新收+结转=办理总计+结转下年',
  source: `${FORM_2021_SOURCE} 表三（表内注明：本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）`,
  formula: '每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理（件）',
  run: (record) => checkT3Balance(record.report.report_id, record.cells),
};

/** Flags each column of table 三 whose 第一项+第二项 differs from 第三项+第四项 (件). */
export function checkT3Balance(reportId: string, cells: readonly Cell[]): Flag[] {
  return checkIdentity(t3BalanceRule, reportId, cells, t3BalanceInstances(), (inst, total, parts) =>
    `表三「${columnLabel('t3', inst.scope)}」列：第一项+第二项 = ${parts}，第三项+第四项 = ${total}；第一项+第二项 − (第三项+第四项) = ${Math.round((parts - total) * 100) / 100}。`,
  );
}
