/**
 * Sorting a view by a column (issue 9, "Every table column sorts"): lib/query/views.ts sortQuery and
 * the URL form of a sort, run on the real DuckDB over data/build (the ingest of data/seeds and
 * data/corpus, `npm run build:data`). Expected orders come from the reports' own 表三 总计 column:
 * - anonymized-city-government-2025.html (测试市人民政府 2025): 本年新收 14069, 上年结转 560;
 * - suqian-city-government-2025-excerpt.md (宿迁市人民政府 2025): 本年新收 3830, 上年结转 and
 *   办理结果总计 not printed in the excerpt (NULL);
 * - huaian-city-government-2024.pdf (淮安市人民政府 2024): 本年新收 3119, 上年结转 34, 总计 3050;
 * - shanghai-government-office-2025.md (上海市人民政府办公厅 2025): 本年新收 1295.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { EMPTY_FILTER } from './filters';
import {
  APPLICATIONS_VIEW,
  COMPLIANCE_VIEW,
  INDICATORS_VIEW,
  effectiveSort,
  nextSort,
  pageQuery,
  queryToSql,
  rowCountSql,
  sortFromParam,
  sortQuery,
  sortToParam,
} from './views';

const BUILD = join(fileURLToPath(new URL('../..', import.meta.url)), 'data', 'build');

describe('sort in the URL and on a click', () => {
  it('reads and writes sort=col:dir', () => {
    expect(sortFromParam('new_received:desc')).toEqual({ key: 'new_received', dir: 'desc' });
    expect(sortFromParam('year')).toEqual({ key: 'year', dir: 'asc' });
    expect(sortFromParam('year:up')).toBeNull();
    expect(sortFromParam('a;drop table x:asc')).toBeNull();
    expect(sortFromParam(null)).toBeNull();
    expect(sortToParam({ key: 'new_received', dir: 'desc' })).toBe('new_received:desc');
  });

  it('cycles asc → desc → off, and starts at asc on another column', () => {
    const asc = nextSort(null, 'year');
    expect(asc).toEqual({ key: 'year', dir: 'asc' });
    const desc = nextSort(asc, 'year');
    expect(desc).toEqual({ key: 'year', dir: 'desc' });
    expect(nextSort(desc, 'year')).toBeNull();
    expect(nextSort(desc, 'agency')).toEqual({ key: 'agency', dir: 'asc' });
  });

  it('puts the chosen column first and keeps the view order as tie-break; ignores a column the view lacks', () => {
    const q = APPLICATIONS_VIEW.query(EMPTY_FILTER);
    const s = sortQuery(q, { key: 'new_received', dir: 'desc' }, APPLICATIONS_VIEW.columns);
    expect(s.orderBy).toEqual(['"new_received" DESC NULLS LAST', ...(q.orderBy ?? [])]);
    expect(sortQuery(q, { key: 'severity', dir: 'asc' }, APPLICATIONS_VIEW.columns)).toBe(q);
    expect(effectiveSort({ key: 'severity', dir: 'asc' }, APPLICATIONS_VIEW.columns)).toBeNull();
    expect(sortQuery(q, null, APPLICATIONS_VIEW.columns)).toBe(q);
  });
});

describe.skipIf(!existsSync(join(BUILD, 'facts')))('sorted views over data/build (seeds + corpus)', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());
  const sorted = (key: string, dir: 'asc' | 'desc') => sortQuery(APPLICATIONS_VIEW.query(EMPTY_FILTER), { key, dir }, APPLICATIONS_VIEW.columns);
  const who = (rows: Array<Record<string, unknown>>) => rows.map((r) => `${String(r.agency)} ${String(r.year)}`);

  it('本年新收 descending: 测试市 2025 (14069), 宿迁市 2025 (3830), 淮安市 2024 (3119), 上海市办公厅 2025 (1295)', async () => {
    const rows = await db.exec(queryToSql(sorted('new_received', 'desc')));
    expect(who(rows.slice(0, 4))).toEqual(['测试市人民政府 2025', '宿迁市人民政府 2025', '淮安市人民政府 2024', '上海市人民政府办公厅 2025']);
    expect(rows.slice(0, 4).map((r) => r.new_received)).toEqual([14069, 3830, 3119, 1295]);
    const values = rows.map((r) => r.new_received as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('NULLs last in both directions: 宿迁市 2025 gives no 上年结转 and no 办理结果总计', async () => {
    for (const dir of ['asc', 'desc'] as const) {
      for (const key of ['carried_over', 'total_processed']) {
        const rows = await db.exec(queryToSql(sorted(key, dir)));
        expect(rows.at(-1), `${key} ${dir}`).toMatchObject({ agency: '宿迁市人民政府', year: 2025, [key]: null });
        expect(rows.slice(0, -1).every((r) => typeof r[key] === 'number'), `${key} ${dir}`).toBe(true);
      }
    }
    const desc = await db.exec(queryToSql(sorted('carried_over', 'desc')));
    expect(desc[0]).toMatchObject({ agency: '测试市人民政府', carried_over: 560 });
  });

  it('the page and the count change through the query object: page 1 of 2 rows is the sorted head, the count is unchanged', async () => {
    const q = sorted('new_received', 'desc');
    const page = await db.exec(queryToSql(pageQuery(q, 2, 1)));
    expect(who(page)).toEqual(['宿迁市人民政府 2025', '淮安市人民政府 2024']);
    const [{ n }] = await db.exec(rowCountSql(q));
    const [{ n: unsorted }] = await db.exec(rowCountSql(APPLICATIONS_VIEW.query(EMPTY_FILTER)));
    expect(n).toBe(unsorted);
    expect(n).toBe((await db.exec(queryToSql(q))).length);
  });

  it('ties keep the view order (agency, year, report id): 年度 ascending lists 2023 reports by agency name', async () => {
    const rows = await db.exec(queryToSql(sorted('year', 'asc')));
    const years = rows.map((r) => r.year as number);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const y2023 = rows.filter((r) => r.year === 2023).map((r) => String(r.agency));
    expect(y2023).toEqual([...y2023].sort()); // DuckDB's VARCHAR order is byte order, as JS's default sort of these strings
  });

  it('sorts an alias that shadows an input column (合规 差值) and a computed rank (指标)', async () => {
    const flags = await db.exec(queryToSql(sortQuery(COMPLIANCE_VIEW.query(EMPTY_FILTER), { key: 'difference', dir: 'desc' }, COMPLIANCE_VIEW.columns)));
    const diffs = flags.map((r) => r.difference).filter((d): d is number => typeof d === 'number');
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs).toEqual([...diffs].sort((a, b) => b - a));
    expect(flags.findIndex((r) => r.difference === null)).toBeGreaterThanOrEqual(diffs.length);
    const ind = await db.exec(queryToSql(sortQuery(INDICATORS_VIEW.query(EMPTY_FILTER), { key: 'disclosure_rate', dir: 'desc' }, INDICATORS_VIEW.columns)));
    const rates = ind.map((r) => r.disclosure_rate).filter((d): d is number => typeof d === 'number');
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });
});
