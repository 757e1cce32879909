/**
 * T2_VALUES on the real tables of 临淄区人民政府办公室 2023 (data/seeds): whole counts hold, a
 * fractional count fails, a blank cell is not evaluated.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkT2Values, t2ValuesRule } from './check-t2-values';

const office = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023

describe('T2_VALUES', () => {
  it('holds for whole counts (临淄区政府办 2023: 行政规范性文件 现行有效 16)', () => {
    expect(checkT2Values(office.report.report_id, office.cells)).toEqual([]);
  });
  it('fails for a fractional count', () => {
    const cells = office.cells.map((c) => (c.table === 't2' && c.row === 'normative_documents' && c.column === 'in_force' ? { ...c, value: 16.5 } : c));
    expect(checkT2Values(office.report.report_id, cells).map((f) => f.subject[0])).toEqual(['t2.normative_documents.in_force']);
  });
  it('is not evaluated for a blank cell (its 本年废止件数 was printed empty)', () => {
    expect(office.cells.find((c) => c.row === 'normative_documents' && c.column === 'repealed')?.status).toBe('blank');
    expect(checkT2Values(office.report.report_id, office.cells)).toEqual([]);
  });
});

describe('t2ValuesRule', () => {
  it('runs checkT2Values on a whole record', () => {
    const cells = office.cells.map((c) => (c.table === 't2' && c.row === 'normative_documents' && c.column === 'in_force' ? { ...c, value: 16.5 } : c));
    expect(t2ValuesRule.run({ ...office, cells })).toEqual(checkT2Values(office.report.report_id, cells));
    expect(t2ValuesRule.run({ ...office, cells }).map((f) => `${f.rule} ${f.severity}`)).toEqual(['T2_VALUES error']);
  });
});
