/**
 * T3_OUTCOME_SUM (（七）总计 = 办理结果各项之和) on real reports from data/seeds:
 * a case where it holds (no flag), a case where it fails (the report's own number changed as a misprint
 * would change it, with the flag's cells, expected, actual and difference asserted) and a case
 * where it cannot be evaluated (a missing cell: no flag).
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { expectFlagsOf, withCell } from '../../tests/check-test-kit';
import { checkT3OutcomeSum, t3OutcomeSumRule } from './check-t3-outcome-sum';

const linzi = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023: 27 new, 6 carried, 31 processed, 2 forward
const id = linzi.report.report_id;

describe('T3_OUTCOME_SUM (（七）总计 = 办理结果各项之和)', () => {
  it('holds on 临淄区政府办 2023 (7+1+20+1+1 = 30 for 自然人)', () => {
    expect(checkT3OutcomeSum(id, linzi.cells)).toEqual([]);
  });
  it('fails when 予以公开 自然人 is misprinted as 17', () => {
    const flags = checkT3OutcomeSum(id, withCell(linzi.cells, 't3', 'granted', 'natural_person', { value: 17 }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'T3_OUTCOME_SUM', expected: 40, actual: 30, difference: -10 });
    expect(flags[0].subject).toContain('t3.granted.natural_person');
  });
  it('is not evaluated where an outcome cell is missing', () => {
    expect(checkT3OutcomeSum(id, withCell(linzi.cells, 't3', 'granted', 'natural_person', { value: null, status: 'missing' }))).toEqual([]);
  });
});

describe('t3OutcomeSumRule', () => {
  it('runs checkT3OutcomeSum on a whole record, with the rule\'s id, version and severity', () => {
    const cells = withCell(linzi.cells, 't3', 'granted', 'natural_person', { value: 17 });
    const flags = t3OutcomeSumRule.run({ ...linzi, cells });
    expect(flags).toEqual(checkT3OutcomeSum(id, cells));
    expectFlagsOf(t3OutcomeSumRule, flags);
  });
});
