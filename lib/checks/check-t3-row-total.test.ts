/**
 * T3_ROW_TOTAL (总计 = 六类申请人之和) on real reports from data/seeds:
 * a case where it holds (no flag), a case where it fails (the report's own number changed as a misprint
 * would change it, with the flag's cells, expected, actual and difference asserted) and a case
 * where it cannot be evaluated (a missing cell: no flag).
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { expectFlagsOf, withCell } from '../../tests/check-test-kit';
import { checkT3RowTotal, t3RowTotalRule } from './check-t3-row-total';

const linzi = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023: 27 new, 6 carried, 31 processed, 2 forward
const id = linzi.report.report_id;

describe('T3_ROW_TOTAL (总计 = 六类申请人之和)', () => {
  it('holds on every row of 临淄区政府办 2023 and on 运城 2022 with its inferred cells', async () => {
    expect(checkT3RowTotal(id, linzi.cells)).toEqual([]);
    const yc = await seedRecord(SEEDS.yuncheng2022);
    expect(checkT3RowTotal(yc.report.report_id, yc.cells)).toEqual([]);
  });
  it('fails when 本年新收 商业企业 is misprinted as 4', () => {
    const flags = checkT3RowTotal(id, withCell(linzi.cells, 't3', 'new_received', 'commercial', { value: 4 }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'T3_ROW_TOTAL', expected: 30, actual: 27, difference: -3 });
  });
  it('treats a placeholder as none, and a missing total as not evaluable', () => {
    const dash = withCell(linzi.cells, 't3', 'granted', 'commercial', { value: null, status: 'placeholder', raw: '-' });
    expect(checkT3RowTotal(id, dash)).toEqual([]);
    expect(checkT3RowTotal(id, withCell(linzi.cells, 't3', 'granted', 'total', { value: null, status: 'missing' }))).toEqual([]);
  });
});

describe('t3RowTotalRule', () => {
  it('runs checkT3RowTotal on a whole record, with the rule\'s id, version and severity', () => {
    const cells = withCell(linzi.cells, 't3', 'new_received', 'commercial', { value: 4 });
    const flags = t3RowTotalRule.run({ ...linzi, cells });
    expect(flags).toEqual(checkT3RowTotal(id, cells));
    expectFlagsOf(t3RowTotalRule, flags);
  });
});
