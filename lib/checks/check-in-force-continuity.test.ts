/**
 * IN_FORCE_CONTINUITY on real tables of data/seeds: 临淄区政府办 2023 against 临淄区科技局 2022
 * read as its previous year (warns for 行政规范性文件, holds for 规章), and a previous year without
 * table 二 (not evaluated).
 */
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../model/report-schema';
import { expectFlagsOf } from '../../tests/check-test-kit';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkInForceContinuity, inForceContinuityRule } from './check-in-force-continuity';
import { crossYearInput } from './cross-year-input';

const office = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023
const science = await seedRecord(SEEDS.linziScience2022); // 临淄区科技局 2022
// 临淄区科技局 2022 read as the previous year of 临淄区人民政府办公室 2023: real tables, another agency.
const asPrevious: ReportRecord = { ...science, report: { ...science.report, year: 2022 } };
const wendeng = await seedRecord(SEEDS.wendeng2022);

describe('IN_FORCE_CONTINUITY across years', () => {
  it('IN_FORCE_CONTINUITY warns for 行政规范性文件 (现行有效 16 ≠ 0 + 0 − 0) and holds for 规章 (0 = 0 + 0 − 0)', () => {
    const flags = checkInForceContinuity(crossYearInput(office), crossYearInput(asPrevious));
    expect(flags.map((f) => `${f.severity} ${f.subject[0]} ${f.expected}→${f.actual}`)).toEqual([
      'warning t2.normative_documents.in_force 0→16',
    ]);
  });
  it('IN_FORCE_CONTINUITY is not evaluated where last year\'s table 二 is missing (文登)', () => {
    expect(checkInForceContinuity(crossYearInput(office), crossYearInput({ ...wendeng, report: { ...wendeng.report, year: 2022 } }))).toEqual([]);
  });
});

describe('inForceContinuityRule', () => {
  it('runs checkInForceContinuity on a pair of years', () => {
    const flags = inForceContinuityRule.run(crossYearInput(office), crossYearInput(asPrevious));
    expect(flags).toEqual(checkInForceContinuity(crossYearInput(office), crossYearInput(asPrevious)));
    expect(flags).toHaveLength(1);
    expectFlagsOf(inForceContinuityRule, flags);
  });
});
