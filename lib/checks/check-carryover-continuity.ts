/**
 * CARRYOVER_CONTINUITY — for the same agency, 上年结转 (carried_over.total) of year Y equals
 * 结转下年度继续办理 (carried_forward.total) of year Y−1. Source: follows from the form's
 * definitions (国办公开办函〔2021〕30号, table 三 rows 二 and 四).
 */
import { CellGrid, cellRef } from '../model/cell-grid';
import type { Flag } from '../model/report-schema';
import type { CrossYearInput } from './cross-year-input';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import { ruleFlag, type CrossYearRule } from './rule';

/** The rule CARRYOVER_CONTINUITY (see the file's docstring for what it checks and why). */
export const carryoverContinuityRule: CrossYearRule = {
  id: 'CARRYOVER_CONTINUITY',
  version: 1,
  severity: 'error',
  scope: 'cross-year',
  name: '上年结转应等于上一年度报告的结转下年度',
  source: `${FORM_2021_SOURCE} 表三第二项“上年结转”与第四项“结转下年度继续办理”的定义`,
  formula: '本年“上年结转”总计 = 上一年度报告“结转下年度继续办理”总计（同一机关，件）',
  run: checkCarryoverContinuity,
};

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
    ruleFlag(carryoverContinuityRule, {
      report_id: current.report.report_id,
      subject: [cellRef('t3', 'carried_over', 'total'), `${previous.report.report_id}:${cellRef('t3', 'carried_forward', 'total')}`],
      expected: before,
      actual: now,
      message: `${y} 年报告的"上年结转"为 ${now} 件，而 ${y - 1} 年报告的"结转下年度继续办理"为 ${before} 件，二者应相等。`,
    }),
  ];
}
