/**
 * NARRATIVE_MATCH on real reports: data/seeds, and ../shared/corpus where present (skipped
 * otherwise).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkNarrativeMatch, narrativeMatchRule, statedCounts } from './check-narrative-match';

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

describe('narrativeMatchRule', () => {
  it('runs checkNarrativeMatch on a whole record (its report, cells and text)', () => {
    const mixed = { ...office, cells: science.cells };
    const flags = narrativeMatchRule.run(mixed);
    expect(flags).toEqual(checkNarrativeMatch(office.report, science.cells, office.text));
    expect(flags.map((f) => `${f.rule_version} ${f.severity}`)).toEqual(flags.map(() => `${narrativeMatchRule.version} warning`));
    expect(narrativeMatchRule.run(office)).toEqual([]);
  });
});
