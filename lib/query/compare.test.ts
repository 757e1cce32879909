/**
 * 比较 (lib/query/compare.ts) on the real DuckDB over data/build (the ingest of data/seeds and
 * data/corpus, `npm run build:data`), with values read from the reports' tables:
 * - huaian-city-government-2024.pdf (淮安市人民政府 2024, key 3208:人民政府), 表三 总计 column:
 *   本年新收 3119, 上年结转 34, 予以公开 1362, 部分公开 454, 总计 3050, 结转下年度 103; 表四 行政复议:
 *   维持 72, 纠正 64, 其他 178, 尚未审结 37, 总计 351;
 * - hongze-district-government-2024.pdf (淮安市洪泽区人民政府 2024, key 320813:人民政府): 本年新收 95,
 *   上年结转 0, 予以公开 50, 部分公开 9, 总计 95, 结转下年度 0; 行政复议 维持 1, 纠正 1, 其他 0, 总计 2;
 *   hongze-district-government-2023.pdf (2023): 本年新收 21.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { agencyMetric } from './agency-years';
import { buildComparison, compareDiff, compareKeysFromParam, compareSql, compareYearFromParam, type Comparison } from './compare';

const BUILD = join(fileURLToPath(new URL('../..', import.meta.url)), 'data', 'build');
const HUAIAN = '3208:人民政府';
const HONGZE = '320813:人民政府';
const SHANGHAI_OFFICE = '31:政府办公室';

const metricRow = (c: Comparison, key: string) => {
  const m = c.metrics.find((x) => x.metric.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m;
};

describe('compare in the URL', () => {
  it('reads keys (trimmed, de-duplicated, at most 5) and the year', () => {
    expect(compareKeysFromParam(` ${HUAIAN}, ${HONGZE},,${HUAIAN}`)).toEqual([HUAIAN, HONGZE]);
    expect(compareKeysFromParam('a,b,c,d,e,f,g')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(compareKeysFromParam(null)).toEqual([]);
    expect(compareYearFromParam('2024')).toBe(2024);
    expect(compareYearFromParam('24.5')).toBeNull();
    expect(compareYearFromParam('')).toBeNull();
  });

  it('differences: 件 and % of the base; a rate in 百分点; missing stays missing', () => {
    expect(compareDiff(agencyMetric('new_received'), 95, 3119)).toEqual({ abs: -3024, pct: ((95 - 3119) / 3119) * 100 });
    expect(compareDiff(agencyMetric('new_received'), 5, 0)).toEqual({ abs: 5, pct: null });
    expect(compareDiff(agencyMetric('new_received'), null, 3)).toEqual({ abs: null, pct: null });
    const r = compareDiff(agencyMetric('disclosure_rate'), 0.5, 0.25);
    expect(r.abs).toBeCloseTo(25, 10);
    expect(r.pct).toBeNull();
  });
});

describe.skipIf(!existsSync(join(BUILD, 'facts')))('compare over data/build (seeds + corpus)', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());

  it('淮安市人民政府 2024 vs 淮安市洪泽区人民政府 2024: values and differences from the reports', async () => {
    const rows = await db.exec(compareSql([HUAIAN, HONGZE]));
    const c = buildComparison([HUAIAN, HONGZE], rows, 2024);
    expect(c.year).toBe(2024);
    expect(c.agencies.map((a) => a.name)).toEqual(['淮安市人民政府', '淮安市洪泽区人民政府']);
    const expected: Record<string, [number, number]> = {
      new_received: [3119, 95],
      carried_over: [34, 0],
      granted: [1362, 50],
      partially_granted: [454, 9],
      total_processed: [3050, 95],
      carried_forward: [103, 0],
      review_total: [351, 2],
    };
    for (const [key, [huaian, hongze]] of Object.entries(expected)) {
      const m = metricRow(c, key);
      expect(m.values, key).toEqual([huaian, hongze]);
      expect(m.diffs[0], key).toBeNull();
      expect(m.diffs[1]?.abs, key).toBe(hongze - huaian);
      expect(m.diffs[1]?.pct, key).toBeCloseTo(((hongze - huaian) / huaian) * 100, 10);
    }
    // 实质公开率 = (予以公开 + 部分公开) ÷ 总计: 淮安市 (1362 + 454) / 3050, 洪泽区 (50 + 9) / 95; difference in 百分点.
    const rate = metricRow(c, 'disclosure_rate');
    expect(rate.values[0]).toBeCloseTo(1816 / 3050, 10);
    expect(rate.values[1]).toBeCloseTo(59 / 95, 10);
    expect(rate.diffs[1]?.abs).toBeCloseTo((59 / 95 - 1816 / 3050) * 100, 8);
    expect(rate.diffs[1]?.pct).toBeNull();
    // 复议纠错率 = 纠正 ÷ (维持 + 纠正 + 其他): 64 / 314 and 1 / 2.
    expect(metricRow(c, 'review_correction_rate').values).toEqual([64 / 314, 0.5]);
  });

  it('years that differ are said, and the year can be chosen: 洪泽区 has 2023 and 2024, 淮安市 only 2024', async () => {
    const rows = await db.exec(compareSql([HONGZE, HUAIAN]));
    const latest = buildComparison([HONGZE, HUAIAN], rows, null);
    expect(latest.years).toEqual([2023, 2024]);
    expect(latest.commonYears).toEqual([2024]);
    expect(latest.year).toBe(2024);
    expect(latest.yearNote).toBe('比较的年度不同：淮安市洪泽区人民政府 2023、2024；淮安市人民政府 2024。可在“比较年度”中选择其他年度。');
    const y2023 = buildComparison([HONGZE, HUAIAN], rows, 2023);
    expect(y2023.year).toBe(2023);
    expect(metricRow(y2023, 'new_received').values).toEqual([21, null]);
    expect(metricRow(y2023, 'new_received').diffs[1]).toEqual({ abs: null, pct: null });
    expect(y2023.yearNote).toContain('淮安市人民政府没有 2023 年的报告');
  });

  it('no common year: the latest year of any, and an unknown key kept with no data', async () => {
    const rows = await db.exec(compareSql([HUAIAN, SHANGHAI_OFFICE, '?:不存在的机关']));
    const c = buildComparison([HUAIAN, SHANGHAI_OFFICE, '?:不存在的机关'], rows, null);
    expect(c.years).toEqual([2019, 2024, 2025]);
    expect(c.commonYears).toEqual([]);
    expect(c.year).toBe(2025);
    expect(c.agencies.map((a) => a.row?.agency_name ?? null)).toEqual([null, '上海市人民政府办公厅', null]);
    expect(c.agencies[2]).toMatchObject({ name: '?:不存在的机关', years: [] });
    expect(metricRow(c, 'new_received').values).toEqual([null, 1295, null]);
  });
});
