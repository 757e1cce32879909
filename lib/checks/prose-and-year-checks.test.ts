/**
 * The rules that read the prose or compare years, on real reports: data/seeds, and
 * ../shared/corpus where present (skipped otherwise).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../model/report-schema';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkCarryoverContinuity } from './check-carryover-continuity';
import { checkInForceContinuity } from './check-in-force-continuity';
import { checkNarrativeMatch, statedCounts } from './check-narrative-match';
import { checkPublicationDateUnknown } from './check-publication-date-unknown';
import { checkSectionMissing } from './check-section-missing';
import { checkT2Values } from './check-t2-values';
import { checkTextReuse, reusedShare } from './check-text-reuse';
import { crossYearInput } from './cross-year-input';

const office = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023
const science = await seedRecord(SEEDS.linziScience2022); // 临淄区科技局 2022
const wendeng = await seedRecord(SEEDS.wendeng2022);
const corpus = path.resolve(__dirname, '../../../shared/corpus');

describe('NARRATIVE_MATCH', () => {
  it('reads the counts 临淄区政府办 2023 states: 受理27件, 2022年度结转6件, 按时办结31件, 结转2024年度2件', () => {
    expect(statedCounts(office.text, 2023).map((s) => `${s.kind}=${s.value}`)).toEqual([
      'received=27',
      'carried_over=6',
      'completed=31',
      'carried_forward=2',
    ]);
  });
  it('holds where the prose agrees with the tables (临淄区政府办 2023; 运城 2022: 申请1份, 未发生复议诉讼)', async () => {
    expect(checkNarrativeMatch(office.report, office.cells, office.text)).toEqual([]);
    const yc = await seedRecord(SEEDS.yuncheng2022);
    expect(statedCounts(yc.text, 2022).map((s) => `${s.kind}=${s.value}`)).toEqual(['received=1', 'review=0', 'litigation=0']);
    expect(checkNarrativeMatch(yc.report, yc.cells, yc.text)).toEqual([]);
  });
  it('fails where the prose contradicts the tables: 临淄区政府办 2023 prose against 临淄区科技局 2022 tables (all 0)', () => {
    const flags = checkNarrativeMatch(office.report, science.cells, office.text);
    expect(flags.map((f) => `${f.rule} ${f.expected}→${f.actual}`)).toEqual([
      'NARRATIVE_MATCH 0→27',
      'NARRATIVE_MATCH 0→6',
      'NARRATIVE_MATCH 0→31',
      'NARRATIVE_MATCH 0→2',
    ]);
    const [received] = flags;
    expect(received.evidence).toContain('受理区政府、区政府办公室依申请公开信息27件');
    const text = received.subject.find((s) => s.startsWith('text:'))!;
    const [start, end] = text.slice(5).split('-').map(Number);
    expect(office.text.slice(start, end)).toBe(received.evidence);
  });
  it('is not evaluated where the tables are missing (文登 2022: 未收到依申请公开案件, tables were images)', () => {
    expect(statedCounts(wendeng.text, 2022).some((s) => s.kind === 'received' && s.value === 0)).toBe(true);
    expect(checkNarrativeMatch(wendeng.report, wendeng.cells, wendeng.text)).toEqual([]);
  });
  it.skipIf(!existsSync(corpus))('accepts 受理 meaning new plus carried over, and skips county-wide totals (沭阳 2025)', () => {
    const text = readFileSync(path.join(corpus, 'shuyang-county-government-2025.txt'), 'utf8');
    const kinds = statedCounts(text, 2025).map((s) => `${s.kind}=${s.value}`);
    expect(kinds).toEqual(['completed=718', 'carried_forward=31']); // 全县…受理749件 and 全县…74件 are not compared
  });
});

describe('SECTION_MISSING and PUBLICATION_DATE_UNKNOWN', () => {
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
  it('notes an unknown publication date (临淄区科技局 2022) but not a printed one (文登 2022: 2023年1月16日)', () => {
    expect(checkPublicationDateUnknown(science.report).map((f) => f.severity)).toEqual(['info']);
    expect(checkPublicationDateUnknown(wendeng.report)).toEqual([]);
  });
});

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

describe('CARRYOVER_CONTINUITY, IN_FORCE_CONTINUITY and TEXT_REUSE across years', () => {
  // 临淄区科技局 2022 read as the previous year of 临淄区人民政府办公室 2023: real tables, another agency.
  const asPrevious: ReportRecord = { ...science, report: { ...science.report, year: 2022 } };
  it('CARRYOVER_CONTINUITY fails when 上年结转 (6) differs from last year\'s 结转下年度 (0)', () => {
    const [flag] = checkCarryoverContinuity(crossYearInput(office), crossYearInput(asPrevious));
    expect(flag).toMatchObject({ rule: 'CARRYOVER_CONTINUITY', expected: 0, actual: 6, difference: 6 });
  });
  it('CARRYOVER_CONTINUITY is not evaluated for non-consecutive years or missing tables', () => {
    expect(checkCarryoverContinuity(crossYearInput(office), crossYearInput({ ...asPrevious, report: { ...asPrevious.report, year: 2021 } }))).toEqual([]);
    expect(checkCarryoverContinuity(crossYearInput(office), crossYearInput({ ...wendeng, report: { ...wendeng.report, year: 2022 } }))).toEqual([]);
  });
  it('IN_FORCE_CONTINUITY warns for 行政规范性文件 (现行有效 16 ≠ 0 + 0 − 0) and holds for 规章 (0 = 0 + 0 − 0)', () => {
    const flags = checkInForceContinuity(crossYearInput(office), crossYearInput(asPrevious));
    expect(flags.map((f) => `${f.severity} ${f.subject[0]} ${f.expected}→${f.actual}`)).toEqual([
      'warning t2.normative_documents.in_force 0→16',
    ]);
  });
  it('IN_FORCE_CONTINUITY is not evaluated where last year\'s table 二 is missing (文登)', () => {
    expect(checkInForceContinuity(crossYearInput(office), crossYearInput({ ...wendeng, report: { ...wendeng.report, year: 2022 } }))).toEqual([]);
  });
  it('TEXT_REUSE: a report against itself a year later is all repeated; two different agencies share little', () => {
    const later: ReportRecord = { ...office, report: { ...office.report, year: 2024 } };
    const [flag] = checkTextReuse(crossYearInput(later), crossYearInput(office));
    expect(flag).toMatchObject({ rule: 'TEXT_REUSE', severity: 'warning', actual: 1 });
    expect(reusedShare(office.text, science.text).share).toBeLessThan(0.1);
    expect(checkTextReuse(crossYearInput(office), crossYearInput(asPrevious))).toEqual([]);
  });
});

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
