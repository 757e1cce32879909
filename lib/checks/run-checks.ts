/**
 * Runs every rule of this module on one parsed record and appends their flags to the reading
 * flags the parser raised (TABLE_MISSING, CELL_MISSING, CELL_INFERRED).
 */
import type { ReportRecord } from '../model/report-schema';
import { checkDeadline } from './check-deadline';
import { checkT3Balance } from './check-t3-balance';
import { checkT3OutcomeSum } from './check-t3-outcome-sum';
import { checkT3RowTotal } from './check-t3-row-total';
import { checkT4Total } from './check-t4-total';

/** Returns a new record whose flags are the reading flags plus every rule's flags. Never throws. */
export function runChecks(record: ReportRecord): ReportRecord {
  const { report, cells } = record;
  const id = report.report_id;
  return {
    ...record,
    flags: [
      ...record.flags,
      ...checkT3Balance(id, cells),
      ...checkT3OutcomeSum(id, cells),
      ...checkT3RowTotal(id, cells),
      ...checkT4Total(id, cells),
      ...checkDeadline(report),
    ],
  };
}
