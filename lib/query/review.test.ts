/**
 * The review queue's SQL run on a real DuckDB over tests/fixtures (hand-copied from data/seeds) and
 * over data/build (the ingest of data/seeds, when built); the sentence and URL readings of the
 * same filter.
 */
import { EN } from '../present/i18n/en';
import { makeTranslate } from '../present/i18n/translate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import {
  allFlagKeysSql,
  describeReviewFilter,
  EMPTY_REVIEW_FILTER,
  filterByStatus,
  normalizeReviewFilter,
  REVIEW_QUEUE_COLUMNS,
  reviewFilterFromSearchParams,
  reviewFilterToSearchParams,
  reviewOptionsFromRows,
  reviewOptionsSql,
  reviewQueueSql,
  ruleChoices,
  reviewWhere,
} from './review';
import { describeFilter, EMPTY_FILTER, filterToSearchParams } from './filters';
import { ruleLabel } from '../present/labels';
import { rowFingerprint } from '../review/decisions';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const BUILD = join(ROOT, 'data', 'build');

describe('review filter: SQL clause and sentence', () => {
  it('is TRUE without rules or severities', () => {
    expect(reviewWhere(EMPTY_REVIEW_FILTER, 'f')).toBe('TRUE');
  });
  it('quotes rule ids and drops unknown severities and malformed rule ids', () => {
    expect(reviewWhere({ rules: ['CELL_INFERRED', "X'; DROP TABLE flags; --"], severities: ['info', 'fatal'], status: 'all' }, 'f')).toBe(
      `f."rule" IN ('CELL_INFERRED') AND f."severity" IN ('info')`,
    );
  });
  it('says the same in Chinese, after the report filter sentence', () => {
    expect(describeReviewFilter(EMPTY_FILTER, EMPTY_REVIEW_FILTER)).toBe('显示全部机关、全部地区、全部年度的报告。其中全部检查结果。');
    expect(
      describeReviewFilter({ agencies: [], regions: ['运城市'] }, { rules: ['CELL_INFERRED', 'TABLE_MISSING'], severities: ['info'], status: 'open' }),
    ).toBe('显示地区为“运城市”的报告。其中规则为“单元格未印出，按勾稽关系推算”或“表格缺失”、严重程度为“提示”、未审核的检查结果。');
    expect(describeReviewFilter(EMPTY_FILTER, { rules: [], severities: [], status: 'dismissed' })).toBe(
      '显示全部机关、全部地区、全部年度的报告。其中已驳回的检查结果。',
    );
  });
  it('says the same in English with t, the report filter sentence first (issue 10)', () => {
    const en = makeTranslate('en', EN);
    const s = describeReviewFilter(EMPTY_FILTER, { rules: ['CELL_INFERRED', 'TABLE_MISSING'], severities: ['info'], status: 'open' }, {}, en);
    expect(s.startsWith(describeFilter(EMPTY_FILTER, {}, en))).toBe(true);
    expect(s).toContain('Of these: flags with rule "Cell not printed; inferred from the identities" or "Table missing", severity "Info", status Not reviewed.');
    expect(describeReviewFilter(EMPTY_FILTER, EMPTY_REVIEW_FILTER, {}, en)).toMatch(/ Of these: all flags\.$/);
  });
  it('round-trips through URL parameters next to the report filter', () => {
    const rf = { rules: ['TABLE_MISSING'], severities: ['error', 'warning'], status: 'confirmed' as const };
    const p = reviewFilterToSearchParams(rf, filterToSearchParams({ agencies: ['临淄区科技局'], regions: [] }));
    expect(p.getAll('agency')).toEqual(['临淄区科技局']);
    expect(reviewFilterFromSearchParams(new URLSearchParams(p.toString()))).toEqual(rf);
    expect(reviewFilterFromSearchParams(new URLSearchParams('status=bogus&severity=x'))).toEqual(EMPTY_REVIEW_FILTER);
  });
  it('filterByStatus keeps rows of one status, or all', () => {
    const rows = [{ s: 'open' as const }, { s: 'dismissed' as const }, { s: 'open' as const }];
    expect(filterByStatus(rows, 'open', (r) => r.s)).toHaveLength(2);
    expect(filterByStatus(rows, 'all', (r) => r.s)).toHaveLength(3);
    expect(normalizeReviewFilter({ rules: [' A ', 'A'], severities: [], status: 'x' as never })).toEqual({ rules: ['A'], severities: [], status: 'all' });
  });
});

describe('review queue over tests/fixtures', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
  });
  afterAll(() => db?.close());

  it('returns every flag with its report, errors first, in the declared columns', async () => {
    const rows = await db.exec(reviewQueueSql(EMPTY_FILTER, EMPTY_REVIEW_FILTER));
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0])).toEqual([...REVIEW_QUEUE_COLUMNS]);
    expect(rows.map((r) => r.severity)).toEqual(['error', 'error', 'error', 'warning', 'info', 'info']);
    expect(rows[0]).toMatchObject({ agency: '威海市文登区科学技术局', year: 2022, rule: 'TABLE_MISSING', subject: 't2', fingerprint: '1953fb01f05d468f' });
  });

  it('a rule filter and a region filter combine (AND)', async () => {
    const inferred = await db.exec(reviewQueueSql(EMPTY_FILTER, { rules: ['CELL_INFERRED'], severities: [], status: 'all' }));
    expect(inferred.map((r) => r.subject)).toEqual(['t3.carried_forward.natural_person', 't3.granted.natural_person']);
    expect(new Set(inferred.map((r) => r.agency))).toEqual(new Set(['运城市科学技术局']));
    const none = await db.exec(reviewQueueSql({ agencies: [], regions: ['淄博市临淄区'] }, { rules: ['CELL_INFERRED'], severities: [], status: 'all' }));
    expect(none).toEqual([]);
    const warning = await db.exec(reviewQueueSql({ agencies: [], regions: ['淄博市临淄区'] }, { rules: [], severities: ['warning'], status: 'all' }));
    expect(warning.map((r) => [r.agency, r.rule])).toEqual([['淄博市临淄区人民政府办公室', 'CELL_MISSING']]);
  });

  it('options list each rule and severity with its count', async () => {
    const o = reviewOptionsFromRows(await db.exec(reviewOptionsSql()));
    expect(o.rules).toEqual([
      { rule: 'CELL_INFERRED', n: 2 },
      { rule: 'CELL_MISSING', n: 1 },
      { rule: 'TABLE_MISSING', n: 3 },
    ]);
    expect(o.severities).toEqual([
      { severity: 'error', n: 3 },
      { severity: 'warning', n: 1 },
      { severity: 'info', n: 2 },
    ]);
  });
});

describe.skipIf(!existsSync(join(BUILD, 'flags.csv')))('review queue over data/build', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());

  it('the fingerprint the ingest wrote equals rowFingerprint computed from the flag (so old files without the column still key the same)', async () => {
    const rows = await db.exec(allFlagKeysSql());
    const file = Papa.parse<Record<string, string>>(readFileSync(join(BUILD, 'flags.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(file.length);
    for (const r of rows) {
      expect(typeof r.fingerprint).toBe('string');
      expect(rowFingerprint({ ...r, fingerprint: null })).toBe(r.fingerprint);
    }
  });

  it('运城市科学技术局 2022 has its three CELL_INFERRED flags in the queue', async () => {
    const rows = await db.exec(reviewQueueSql({ agencies: ['1408:科技局'], regions: [], yearFrom: 2022, yearTo: 2022 }, { rules: ['CELL_INFERRED'], severities: ['info'], status: 'all' }));
    expect(rows.map((r) => r.subject).sort()).toEqual(['t3.carried_forward.natural_person', 't3.granted.natural_person', 't3.partially_granted.natural_person']);
  });
});

describe.skipIf(!existsSync(join(BUILD, 'flags.csv')))('rule filter counts over data/build: every registered rule, 0 included', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());

  it('DEADLINE and T3_BALANCE are listed with 0 (checked, nothing found); the rules with flags keep their counts', async () => {
    const choices = ruleChoices(reviewOptionsFromRows(await db.exec(reviewOptionsSql())).rules);
    const n = (rule: string) => choices.find((c) => c.rule === rule)?.n;
    expect(choices.map((c) => c.rule)).toEqual(expect.arrayContaining(['DEADLINE', 'T3_BALANCE', 'CARRYOVER_CONTINUITY', 'TABLE_MISSING']));
    expect(n('DEADLINE')).toBe(0);
    expect(n('T3_BALANCE')).toBe(0);
    expect(n('CARRYOVER_CONTINUITY')).toBe(0); // 洪泽区 2023 → 2024 balances (21 结转下年度 … see agency-years.test.ts)
    // As many TABLE_MISSING as data/build/flags.csv has (文登 2022: three, one per table).
    const file = Papa.parse<Record<string, string>>(readFileSync(join(BUILD, 'flags.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(n('TABLE_MISSING')).toBe(file.filter((f) => f.rule === 'TABLE_MISSING').length);
    expect(n('TABLE_MISSING')).toBeGreaterThanOrEqual(3);
    expect(choices.find((c) => c.rule === 'DEADLINE')?.label).toBe(ruleLabel('DEADLINE'));
  });

  it('with a report filter only its reports are counted: 淮安市洪泽区人民政府 2024 has 1 PUBLICATION_DATE_UNKNOWN, 0 TABLE_MISSING', async () => {
    const filter = { agencies: ['320813:人民政府'], regions: [], yearFrom: 2024, yearTo: 2024 };
    const choices = ruleChoices(reviewOptionsFromRows(await db.exec(reviewOptionsSql(filter))).rules);
    expect(choices.find((c) => c.rule === 'PUBLICATION_DATE_UNKNOWN')?.n).toBe(1);
    expect(choices.find((c) => c.rule === 'TABLE_MISSING')?.n).toBe(0);
    expect(choices.reduce((a, c) => a + c.n, 0)).toBe(1);
  });

  it('a rule id the registry does not know (older data) is kept after the registered ones', () => {
    const choices = ruleChoices([{ rule: 'OLD_RULE', n: 2 }]);
    expect(choices[choices.length - 1]).toEqual({ rule: 'OLD_RULE', label: 'OLD_RULE', n: 2 });
    expect(choices.filter((c) => c.n > 0)).toHaveLength(1);
  });
});
