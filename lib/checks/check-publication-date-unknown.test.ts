/**
 * PUBLICATION_DATE_UNKNOWN on the real reports of data/seeds: 临淄区科技局 2022 prints no date,
 * 文登区科学技术局 2022 prints 2023年1月16日.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkPublicationDateUnknown, publicationDateUnknownRule } from './check-publication-date-unknown';

const science = await seedRecord(SEEDS.linziScience2022); // 临淄区科技局 2022
const wendeng = await seedRecord(SEEDS.wendeng2022);

describe('PUBLICATION_DATE_UNKNOWN', () => {
  it('notes an unknown publication date (临淄区科技局 2022) but not a printed one (文登 2022: 2023年1月16日)', () => {
    expect(checkPublicationDateUnknown(science.report).map((f) => f.severity)).toEqual(['info']);
    expect(checkPublicationDateUnknown(wendeng.report)).toEqual([]);
  });
  it('is not evaluated for a file that is not a report', () => {
    expect(checkPublicationDateUnknown({ ...science.report, status: 'not_a_report' })).toEqual([]);
  });
});

describe('publicationDateUnknownRule', () => {
  it('runs checkPublicationDateUnknown on a whole record', () => {
    expect(publicationDateUnknownRule.run(science)).toEqual(checkPublicationDateUnknown(science.report));
    expect(publicationDateUnknownRule.run(wendeng)).toEqual([]);
  });
});
