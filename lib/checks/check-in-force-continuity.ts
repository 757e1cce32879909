/**
 * IN_FORCE_CONTINUITY (soft) — for the same agency, 现行有效件数 of year Y ≈ 现行有效件数 of Y−1
 * + 本年制发件数 − 本年废止件数 of Y, for 规章 and 行政规范性文件. Source: follows from the
 * definitions of table 二; documents that expire without a repeal make it soft, hence a warning.
 */
import { CellGrid, cellRef } from '../model/cell-grid';
import { rowLabel } from '../model/form-layout';
import type { Flag } from '../model/report-schema';
import type { CrossYearInput } from './cross-year-input';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import { ruleFlag, type CrossYearRule } from './rule';

/** The rule IN_FORCE_CONTINUITY (see the file's docstring for what it checks and why). */
export const inForceContinuityRule: CrossYearRule = {
  id: 'IN_FORCE_CONTINUITY',
  version: 1,
  severity: 'warning',
  scope: 'cross-year',
  name: '现行有效件数与上年及本年制发、废止不衔接',
  source: `${FORM_2021_SOURCE} 表二栏目的定义（文件到期自动失效时可能不衔接，故只作警告）`,
  formula: '本年现行有效件数 ≈ 上年现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件，件）',
  run: checkInForceContinuity,
};

/** A `warning` flag per row whose 现行有效件数 does not follow from last year's (件). */
export function checkInForceContinuity(current: CrossYearInput, previous: CrossYearInput): Flag[] {
  const y = current.report.year;
  if (y === null || previous.report.year !== y - 1) return [];
  const now = CellGrid.of(current.cells);
  const before = CellGrid.of(previous.cells);
  const flags: Flag[] = [];
  for (const row of ['regulations', 'normative_documents']) {
    const inForce = now.value('t2', row, 'in_force');
    const issued = now.value('t2', row, 'issued');
    const repealed = now.value('t2', row, 'repealed');
    const last = before.value('t2', row, 'in_force');
    if (inForce === null || issued === null || repealed === null || last === null) continue;
    const expected = last + issued - repealed;
    if (expected === inForce) continue;
    flags.push(
      ruleFlag(inForceContinuityRule, {
        report_id: current.report.report_id,
        subject: [
          cellRef('t2', row, 'in_force'),
          cellRef('t2', row, 'issued'),
          cellRef('t2', row, 'repealed'),
          `${previous.report.report_id}:${cellRef('t2', row, 'in_force')}`,
        ],
        expected,
        actual: inForce,
        message: `「${rowLabel('t2', row)}」现行有效 ${inForce} 件，而上年现行有效 ${last} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected} 件（到期自然失效的文件会造成差异，请核实）。`,
      }),
    );
  }
  return flags;
}
