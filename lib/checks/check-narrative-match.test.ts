/**
 * NARRATIVE_MATCH on real reports: data/seeds, data/corpus (上海市人民政府办公厅 2019 in the trial
 * format and 2025, 上海市科委 2024, 平潭公安 2024), and ../shared/corpus where present (skipped
 * otherwise).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CellGrid } from '../model/cell-grid';
import { ingestFile } from '../pipeline/ingest-reports';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkNarrativeMatch, narrativeMatchRule, rowCount, statedCounts } from './check-narrative-match';

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

const corpusFile = (name: string) => path.resolve(__dirname, '../../data/corpus', name);
const shanghai2019 = await ingestFile(corpusFile('shanghai-government-office-2019-condensed.html'), 'sh2019.html');
const shanghai2025 = await ingestFile(corpusFile('shanghai-government-office-2025.md'), 'sh2025.md');
const scienceSh = await ingestFile(corpusFile('shanghai-science-commission-2024.md'), 'kw2024.md');

describe('NARRATIVE_MATCH: grouped outcome counts and the 2019 trial format', () => {
  it('reads what 上海市人民政府办公厅 2019 states, in its wording (答复…805件, N件…顺延到下年度, grouped outcomes)', () => {
    expect(statedCounts(shanghai2019.text, 2019, shanghai2019.report.report_kind).map((s) => `${s.kind}=${s.value}`)).toEqual([
      'completed=805',
      'carried_over=18',
      'carried_forward=72',
      'disclosed=258',
      'denied=35',
      'unable=265',
      'not_processed=158',
      'other_handling=0',
      'review=7',
      'litigation=9',
    ]);
  });
  it('counts a row whose 总计 the 2019 report left empty by its applicant columns: （一）予以公开 258+12+1+1 = 272', () => {
    const grid = CellGrid.of(shanghai2019.cells);
    expect(grid.get('t3', 'granted', 'total')?.status).toBe('blank');
    expect(rowCount(grid, 't3', 'granted')).toEqual({ value: 272, fromParts: true });
    expect(rowCount(grid, 't3', 'new_received')).toEqual({ value: 859, fromParts: false });
  });
  it('fires on 上海 2019: 予以公开及部分公开258件 against 275 in the table, the sentence as evidence; not on 无法提供265件, which is the item it names', () => {
    const flags = checkNarrativeMatch(shanghai2019.report, shanghai2019.cells, shanghai2019.text);
    expect(flags.map((f) => `${f.expected}→${f.actual} ${f.evidence}`)).toEqual(['275→258 予以公开及部分公开258件，占33.9%；']);
    const [disclosed] = flags;
    expect(disclosed.subject.slice(0, 2)).toEqual(['t3.granted.total', 't3.partially_granted.total']);
    const [start, end] = disclosed.subject[2].slice('text:'.length).split('-').map(Number);
    expect(shanghai2019.text.slice(start, end)).toBe(disclosed.evidence);
    expect(disclosed.message).toContain('总计列空白处按各类申请人之和计');
    // 因本机关不掌握等原因无法提供265件: 265 is the row 1.本机关不掌握相关政府信息 alone (无法提供 is 337);
    // the wording names that item, so the count is read but not asserted to contradict the table.
    expect(statedCounts(shanghai2019.text, 2019).filter((s) => s.kind === 'unable').map((s) => s.value)).toEqual([265]);
  });
  it('holds where the grouped counts agree (上海 2025: 208/20/564/80/319; 上海市科委 2024: 不予公开答复 2 件, 无法提供的 10 件…; 平潭公安 2024: 无法提供4件)', async () => {
    expect(statedCounts(shanghai2025.text, 2025).map((s) => `${s.kind}=${s.value}`)).toEqual(
      expect.arrayContaining(['disclosed=208', 'denied=20', 'unable=564', 'not_processed=80', 'other_handling=319']),
    );
    expect(checkNarrativeMatch(shanghai2025.report, shanghai2025.cells, shanghai2025.text)).toEqual([]);
    expect(statedCounts(scienceSh.text, 2024).map((s) => `${s.kind}=${s.value}`)).toEqual(
      expect.arrayContaining(['denied=2', 'unable=10', 'not_processed=0', 'other_handling=14']),
    );
    expect(checkNarrativeMatch(scienceSh.report, scienceSh.cells, scienceSh.text)).toEqual([]);
    const pingtan = await ingestFile(corpusFile('pingtan-public-security-bureau-2024.html'), 'pt.html');
    expect(statedCounts(pingtan.text, 2024).filter((s) => s.kind === 'unable').map((s) => s.value)).toEqual([4]);
    expect(checkNarrativeMatch(pingtan.report, pingtan.cells, pingtan.text)).toEqual([]);
  });
  it('reads neither 同意公开答复数 nor 不同意公开答复数 (临淄区政府办 2023)', () => {
    expect(statedCounts(office.text, 2023).some((s) => ['disclosed', 'denied'].includes(s.kind))).toBe(false);
  });
  it('fires on grouped counts in the 2021 format: 上海市科委 2024 prose against 上海 2025 tables', () => {
    const flags = checkNarrativeMatch(scienceSh.report, shanghai2025.cells, scienceSh.text);
    const grouped = flags.filter((f) => f.subject.some((s) => /unable|denied_|not_processed|other_/.test(s)));
    expect(grouped.map((f) => `${f.expected}→${f.actual}`)).toEqual(['20→2', '564→10', '80→0', '319→14']);
  });
});

describe('narrativeMatchRule', () => {
  it('runs checkNarrativeMatch on a whole record (its report, cells and text)', () => {
    const mixed = { ...office, cells: science.cells };
    const flags = narrativeMatchRule.run(mixed);
    expect(flags).toEqual(checkNarrativeMatch(office.report, science.cells, office.text));
    expect(flags.map((f) => `${f.rule_version} ${f.severity}`)).toEqual(flags.map(() => `${narrativeMatchRule.version} warning`));
    expect(narrativeMatchRule.run(office)).toEqual([]);
  });
});
