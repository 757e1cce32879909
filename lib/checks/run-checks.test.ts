/**
 * Running the registered rules: on real consecutive reports of one agency (../shared/corpus,
 * skipped when absent) the cross-year rules pair them and hold; on the seeds every registered
 * single-report rule's flags come out of runChecks, after the parser's.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkCarryoverContinuity } from './check-carryover-continuity';
import { checkInForceContinuity } from './check-in-force-continuity';
import { checkNarrativeMatch } from './check-narrative-match';
import { reusedShare } from './check-text-reuse';
import { crossYearInput } from './cross-year-input';
import { SINGLE_REPORT_RULES } from './rule-registry';
import { runChecks } from './run-checks';

const corpus = path.resolve(__dirname, '../../../shared/corpus');

describe.skipIf(!existsSync(corpus))('on real consecutive reports: 洪泽区人民政府 2023 and 2024 (PDF)', () => {
  it('pairs them as one agency although 2024 prints 淮安市洪泽区人民政府, and all cross-year rules hold', async () => {
    const { ingestFile } = await import('../pipeline/ingest-reports');
    const { agencyKey, crossYearFlags } = await import('./run-checks');
    const y2023 = await ingestFile(path.join(corpus, 'hongze-district-government-2023.pdf'), 'hz2023.pdf');
    const y2024 = await ingestFile(path.join(corpus, 'hongze-district-government-2024.pdf'), 'hz2024.pdf');
    expect(agencyKey(y2024.report)).toBe(agencyKey(y2023.report));
    // 行政规范性文件: 5 in force (2023) + 3 issued − 0 repealed = 8 in force (2024); 结转 0 → 上年结转 0.
    expect(checkInForceContinuity(crossYearInput(y2024), crossYearInput(y2023))).toEqual([]);
    expect(checkCarryoverContinuity(crossYearInput(y2024), crossYearInput(y2023))).toEqual([]);
    expect(reusedShare(y2024.text, y2023.text).share).toBeLessThan(0.5);
    expect(crossYearFlags([crossYearInput(y2023), crossYearInput(y2024)]).size).toBe(0);
    // The 2024 prose says 区政府办代表区政府受理…17件 against 95 in the table: another scope, not compared.
    expect(checkNarrativeMatch(y2024.report, y2024.cells, y2024.text)).toEqual([]);
  });
});

describe('runChecks', () => {
  it('adds the flags of every registered single-report rule, in registry order, after the reading flags', async () => {
    const office = await seedRecord(SEEDS.linziOffice2023);
    const bare = { ...office, report: { ...office.report, published_on: null, sections_found: [] }, flags: [] };
    const flags = runChecks(bare).flags;
    expect(flags).toEqual(SINGLE_REPORT_RULES.flatMap((r) => r.run(bare)));
    // The report without its sections and date: SECTION_MISSING ×6, CELL_BLANK (表二 行政规范性文件
    // 本年废止 printed empty) and PUBLICATION_DATE_UNKNOWN.
    expect(flags.map((f) => f.rule)).toEqual([...Array(6).fill('SECTION_MISSING'), 'CELL_BLANK', 'PUBLICATION_DATE_UNKNOWN']);
  });
});
