/**
 * SECTION_MISSING (条例第五十条) on the real reports of data/seeds: every seed has the six sections;
 * a seed with two sections taken away is flagged; a file that is not a report is not evaluated.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkSectionMissing, sectionMissingRule } from './check-section-missing';

const office = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023

describe('SECTION_MISSING', () => {
  it('finds all six sections in every seed', async () => {
    for (const name of Object.values(SEEDS)) {
      const r = await seedRecord(name);
      expect(checkSectionMissing(r.report)).toEqual([]);
    }
  });
  it('flags the sections a report lacks (the 运城 2022 text cut before 五、)', () => {
    const cut = { ...office.report, sections_found: office.report.sections_found.filter((s) => s !== 'problems' && s !== 'other') };
    expect(checkSectionMissing(cut).map((f) => f.subject[0])).toEqual(['section.problems', 'section.other']);
  });
  it('is not evaluated for a file that is not a report', () => {
    expect(checkSectionMissing({ ...office.report, status: 'not_a_report', sections_found: [] })).toEqual([]);
  });
});

describe('sectionMissingRule', () => {
  it('runs checkSectionMissing on a whole record', () => {
    const cut = { ...office, report: { ...office.report, sections_found: office.report.sections_found.filter((s) => s !== 'other') } };
    expect(sectionMissingRule.run(cut)).toEqual(checkSectionMissing(cut.report));
    expect(sectionMissingRule.run(cut).map((f) => `${f.rule} ${f.severity} ${f.subject[0]}`)).toEqual(['SECTION_MISSING warning section.other']);
  });
});
