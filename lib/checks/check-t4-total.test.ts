/**
 * T4_TOTAL (总计 = 维持+纠正+其他+尚未审结) on real reports from data/seeds:
 * a case where it holds (no flag), a case where it fails (the report's own number changed as a misprint
 * would change it, with the flag's cells, expected, actual and difference asserted) and a case
 * where it cannot be evaluated (a missing cell: no flag).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { expectFlagsOf, withCell } from '../../tests/check-test-kit';
import { checkT4Total, t4TotalRule } from './check-t4-total';

const linzi = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023: 27 new, 6 carried, 31 processed, 2 forward
const id = linzi.report.report_id;
const corpus = path.resolve(__dirname, '../../../shared/corpus');

describe('T4_TOTAL (总计 = 维持+纠正+其他+尚未审结)', () => {
  it('holds on 临淄区政府办 2023 (未经复议直接起诉 2+0+1+0 = 3)', () => {
    expect(checkT4Total(id, linzi.cells)).toEqual([]);
  });
  it('fails when 行政复议 总计 is misprinted as 3', () => {
    const flags = checkT4Total(id, withCell(linzi.cells, 't4', 'review', 'total', { value: 3 }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'T4_TOTAL', expected: 2, actual: 3, difference: 1 });
    expect(flags[0].subject[0]).toBe('t4.review.total');
  });
  it('is not evaluated for a report whose table 四 was not printed (文登 2022)', async () => {
    const wd = await seedRecord(SEEDS.wendeng2022);
    expect(checkT4Total(wd.report.report_id, wd.cells)).toEqual([]);
  });
});

describe('t4TotalRule', () => {
  it('runs checkT4Total on a whole record, with the rule\'s id, version and severity', () => {
    const cells = withCell(linzi.cells, 't4', 'review', 'total', { value: 3 });
    const flags = t4TotalRule.run({ ...linzi, cells });
    expect(flags).toEqual(checkT4Total(id, cells));
    expectFlagsOf(t4TotalRule, flags);
  });
});

describe.skipIf(!existsSync(corpus))('T4_TOTAL on a real report that breaks it: 洪泽区人民政府 2023 (PDF)', () => {
  it('flags 行政复议 (10 维持 + 1 纠正, 总计 printed 0) and 复议后起诉 (5 维持, 总计 0)', async () => {
    const { ingestFile } = await import('../pipeline/ingest-reports');
    const hz = await ingestFile(path.join(corpus, 'hongze-district-government-2023.pdf'), 'hz2023.pdf');
    const flags = checkT4Total(hz.report.report_id, hz.cells);
    expect(flags.map((f) => `${f.subject[0]} expected ${f.expected} actual ${f.actual}`)).toEqual([
      't4.review.total expected 11 actual 0',
      't4.litigation_after_review.total expected 5 actual 0',
    ]);
  });
});
