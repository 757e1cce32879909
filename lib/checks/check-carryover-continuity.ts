/**
 * CARRYOVER_CONTINUITY — for the same agency, 上年结转 (carried_over.total) of year Y equals
 * 结转下年度继续办理 (carried_forward.total) of year Y−1. Source: follows from the form's
 * definitions (国办公开办函〔2021〕30号, table 三 rows 二 and 四).
 */
import { CellGrid, cellRef } from '../model/cell-grid';
import { makeFlag } from '../model/make-flag';
import type { Flag } from '../model/report-schema';
import type { CrossYearInput } from './cross-year-input';

/**
 * An `error` flag on the year-Y report when its 上年结转 differs from the previous year's 结转下年度
 * (`expected` = Y−1's carried_forward, `actual` = Y's carried_over, 件). Nothing when either cell
 * is missing or the years are not consecutive.
 */
export function checkCarryoverContinuity(current: CrossYearInput, previous: CrossYearInput): Flag[] {
  const y = current.report.year;
  if (y === null || previous.report.year !== y - 1) return [];
  const now = CellGrid.of(current.cells).value('t3', 'carried_over', 'total');
  const before = CellGrid.of(previous.cells).value('t3', 'carried_forward', 'total');
  if (now === null || before === null || now === before) return [];
  return [
    makeFlag({
      report_id: current.report.report_id,
      rule: 'CARRYOVER_CONTINUITY',
      severity: 'error',
      subject: [cellRef('t3', 'carried_over', 'total'), `${previous.report.report_id}:${cellRef('t3', 'carried_forward', 'total')}`],
      expected: before,
      actual: now,
      message: `${y} 年报告的"上年结转"为 ${now} 件，而 ${y - 1} 年报告的"结转下年度继续办理"为 ${before} 件，二者应相等。`,
    }),
  ];
}
