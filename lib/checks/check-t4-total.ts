/**
 * T4_TOTAL — for each row of table 四 (行政复议, 未经复议直接起诉, 复议后起诉):
 * 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
 * Source: implied by the column 总计 of the form (国办公开办函〔2021〕30号).
 */
import { rowLabel } from '../model/form-layout';
import { t4TotalInstances } from '../model/form-identities';
import type { Cell, Flag } from '../model/report-schema';
import { checkIdentity } from './check-identity';

/** Flags each row of table 四 whose 总计 differs from the sum of its four results (件). */
export function checkT4Total(reportId: string, cells: readonly Cell[]): Flag[] {
  return checkIdentity(reportId, cells, t4TotalInstances(), (inst, total, parts) =>
    `表四「${rowLabel('t4', inst.scope)}」：总计 = ${total}，而结果维持+结果纠正+其他结果+尚未审结 = ${parts}，相差 ${Math.round((total - parts) * 100) / 100}。`,
  );
}
