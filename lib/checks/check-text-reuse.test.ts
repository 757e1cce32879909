/**
 * TEXT_REUSE on the real prose of data/seeds: a report against itself a year later (all
 * repeated) and two different agencies (little shared).
 */
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../model/report-schema';
import { expectFlagsOf } from '../../tests/check-test-kit';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkTextReuse, textReuseRule, reusedShare } from './check-text-reuse';
import { crossYearInput } from './cross-year-input';

const office = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023
const science = await seedRecord(SEEDS.linziScience2022); // 临淄区科技局 2022
// 临淄区科技局 2022 read as the previous year of 临淄区人民政府办公室 2023: real tables, another agency.
const asPrevious: ReportRecord = { ...science, report: { ...science.report, year: 2022 } };

describe('TEXT_REUSE across years', () => {
  it('TEXT_REUSE: a report against itself a year later is all repeated; two different agencies share little', () => {
    const later: ReportRecord = { ...office, report: { ...office.report, year: 2024 } };
    const [flag] = checkTextReuse(crossYearInput(later), crossYearInput(office));
    expect(flag).toMatchObject({ rule: 'TEXT_REUSE', severity: 'warning', actual: 1 });
    expect(reusedShare(office.text, science.text).share).toBeLessThan(0.1);
    expect(checkTextReuse(crossYearInput(office), crossYearInput(asPrevious))).toEqual([]);
  });
});

describe('textReuseRule', () => {
  it('runs checkTextReuse on a pair of years', () => {
    const later: ReportRecord = { ...office, report: { ...office.report, year: 2024 } };
    const flags = textReuseRule.run(crossYearInput(later), crossYearInput(office));
    expect(flags).toEqual(checkTextReuse(crossYearInput(later), crossYearInput(office)));
    expect(flags).toHaveLength(1);
    expectFlagsOf(textReuseRule, flags);
  });
});
