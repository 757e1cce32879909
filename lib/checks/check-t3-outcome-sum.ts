/**
 * T3_OUTCOME_SUM — for each column of table 三: （七）总计 = the sum of the outcome rows 3–23
 * (or 3–20 + other_handling when the report prints a single （六）其他处理 row).
 * Source: implied by the row （七）总计 of the form (国办公开办函〔2021〕30号).
 */
import { columnLabel } from '../model/form-layout';
import { t3OutcomeSumInstances } from '../model/form-identities';
import type { Cell, Flag } from '../model/report-schema';
import { checkIdentity } from './check-identity';

/** Flags each column whose （七）总计 differs from the sum of its 办理结果 rows (件). */
export function checkT3OutcomeSum(reportId: string, cells: readonly Cell[]): Flag[] {
  const otherHandling = cells.some((c) => c.table === 't3' && c.row === 'other_handling');
  return checkIdentity(reportId, cells, t3OutcomeSumInstances(otherHandling), (inst, total, parts) =>
    `表三「${columnLabel('t3', inst.scope)}」列：（七）总计 = ${total}，而（一）至（六）各项之和 = ${parts}，相差 ${Math.round((total - parts) * 100) / 100}。`,
  );
}
