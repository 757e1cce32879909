/**
 * T3_BALANCE (第一项+第二项 = 第三项+第四项) on real reports from data/seeds:
 * a case where it holds (no flag), a case where it fails (the report's own number changed as a misprint
 * would change it, with the flag's cells, expected, actual and difference asserted) and a case
 * where it cannot be evaluated (a missing cell: no flag).
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { expectFlagsOf, withCell } from '../../tests/check-test-kit';
import { checkT3Balance, t3BalanceRule } from './check-t3-balance';

const linzi = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023: 27 new, 6 carried, 31 processed, 2 forward
const id = linzi.report.report_id;

describe('T3_BALANCE (第一项+第二项 = 第三项+第四项)', () => {
  it('holds on 临淄区政府办 2023 (26+6 = 30+2 for 自然人; 27+6 = 31+2 in 总计)', () => {
    expect(checkT3Balance(id, linzi.cells)).toEqual([]);
  });
  it('fails when 结转下年度 总计 is misprinted as 20 instead of 2', () => {
    const flags = checkT3Balance(id, withCell(linzi.cells, 't3', 'carried_forward', 'total', { value: 20, raw: '20' }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'T3_BALANCE', severity: 'error', expected: 33, actual: 51, difference: 18 });
    expect(flags[0].subject).toEqual(['t3.total_processed.total', 't3.carried_forward.total', 't3.new_received.total', 't3.carried_over.total']);
    expect(flags[0].message).toContain('第一项+第二项 − (第三项+第四项) = -18');
  });
  it('is not evaluated where a cell is missing', () => {
    const cells = withCell(linzi.cells, 't3', 'carried_over', 'total', { value: null, status: 'missing', raw: null });
    expect(checkT3Balance(id, withCell(cells, 't3', 'carried_forward', 'total', { value: 20 }))).toEqual([]);
  });
});

describe('t3BalanceRule', () => {
  it('runs checkT3Balance on a whole record, with the rule\'s id, version and severity', () => {
    const cells = withCell(linzi.cells, 't3', 'carried_forward', 'total', { value: 20, raw: '20' });
    const flags = t3BalanceRule.run({ ...linzi, cells });
    expect(flags).toEqual(checkT3Balance(id, cells));
    expectFlagsOf(t3BalanceRule, flags);
  });
});
