/**
 * T3_ROW_TOTAL — for each row of table 三: 总计 = 自然人 + the five 法人或其他组织 columns.
 * Source: implied by the column 总计 of the form (国办公开办函〔2021〕30号).
 */
import { rowLabel } from '../model/form-layout';
import { t3RowTotalInstances } from '../model/form-identities';
import type { Cell, Flag } from '../model/report-schema';
import { checkIdentity } from './check-identity';

/** Flags each row of table 三 whose 总计 differs from the sum of its six applicant columns (件). */
export function checkT3RowTotal(reportId: string, cells: readonly Cell[]): Flag[] {
  const otherHandling = cells.some((c) => c.table === 't3' && c.row === 'other_handling');
  return checkIdentity(reportId, cells, t3RowTotalInstances(otherHandling), (inst, total, parts) =>
    `表三「${rowLabel('t3', inst.scope)}」行：总计 = ${total}，而自然人与法人或其他组织各列之和 = ${parts}，相差 ${Math.round((total - parts) * 100) / 100}。`,
  );
}
