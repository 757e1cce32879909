/**
 * CARRYOVER_CONTINUITY on real tables of data/seeds: 临淄区政府办 2023 against 临淄区科技局 2022
 * read as its previous year (fails), non-consecutive years and a report without tables (not
 * evaluated).
 */
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../model/report-schema';
import { expectFlagsOf } from '../../tests/check-test-kit';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkCarryoverContinuity, carryoverContinuityRule } from './check-carryover-continuity';
import { crossYearInput } from './cross-year-input';

const office = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023
const science = await seedRecord(SEEDS.linziScience2022); // 临淄区科技局 2022
// 临淄区科技局 2022 read as the previous year of 临淄区人民政府办公室 2023: real tables, another agency.
const asPrevious: ReportRecord = { ...science, report: { ...science.report, year: 2022 } };
const wendeng = await seedRecord(SEEDS.wendeng2022);

describe('CARRYOVER_CONTINUITY across years', () => {
  it('CARRYOVER_CONTINUITY fails when 上年结转 (6) differs from last year\'s 结转下年度 (0)', () => {
    const [flag] = checkCarryoverContinuity(crossYearInput(office), crossYearInput(asPrevious));
    expect(flag).toMatchObject({ rule: 'CARRYOVER_CONTINUITY', expected: 0, actual: 6, difference: 6 });
  });
  it('CARRYOVER_CONTINUITY is not evaluated on an OCR reading held for a person (OCR_UNCERTAIN), and is once it is confirmed', () => {
    const ref = 't3.carried_over.total';
    const asOcr: ReportRecord = {
      ...office,
      cells: office.cells.map((c) => (`${c.table}.${c.row}.${c.column}` === ref ? { ...c, status: 'ocr' as const } : c)),
      flags: [
        ...office.flags,
        { report_id: office.report.report_id, rule: 'OCR_UNCERTAIN', rule_version: 1, severity: 'warning', subject: [ref], expected: null, actual: null, difference: null, message: '表三的文字识别结果未能由表内等式全部核实。', evidence: null },
      ],
    };
    expect(checkCarryoverContinuity(crossYearInput(asOcr), crossYearInput(asPrevious))).toEqual([]);
    const confirmed: ReportRecord = { ...asOcr, flags: office.flags };
    expect(checkCarryoverContinuity(crossYearInput(confirmed), crossYearInput(asPrevious))).toHaveLength(1);
  });
  it('CARRYOVER_CONTINUITY is not evaluated for non-consecutive years or missing tables', () => {
    expect(checkCarryoverContinuity(crossYearInput(office), crossYearInput({ ...asPrevious, report: { ...asPrevious.report, year: 2021 } }))).toEqual([]);
    expect(checkCarryoverContinuity(crossYearInput(office), crossYearInput({ ...wendeng, report: { ...wendeng.report, year: 2022 } }))).toEqual([]);
  });
});

describe('carryoverContinuityRule', () => {
  it('runs checkCarryoverContinuity on a pair of years', () => {
    const flags = carryoverContinuityRule.run(crossYearInput(office), crossYearInput(asPrevious));
    expect(flags).toEqual(checkCarryoverContinuity(crossYearInput(office), crossYearInput(asPrevious)));
    expect(flags).toHaveLength(1);
    expectFlagsOf(carryoverContinuityRule, flags);
  });
});
