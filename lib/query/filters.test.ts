import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { filterOptionsFromRows, filterOptionsSql } from './views';
import { agencyTypeLabel } from '../present/labels';
import {
  describeFilter,
  describeYears,
  filterFromSearchParams,
  filterToSearchParams,
  filterWhere,
  isEmptyFilter,
  normalizeFilter,
} from './filters';

describe('describeFilter (the sentence says what filterWhere selects)', () => {
  it('no filter', () => {
    expect(describeFilter({ agencies: [], regions: [] })).toBe('显示全部机关、全部地区、全部年度的报告。');
  });
  it('region and a year range', () => {
    expect(describeFilter({ agencies: [], regions: ['淄博市临淄区'], yearFrom: 2022, yearTo: 2023 })).toBe(
      '显示地区为“淄博市临淄区”、年度为 2022—2023 年的报告。',
    );
  });
  it('several agencies are alternatives', () => {
    expect(describeFilter({ agencies: ['临淄区科技局', '二七区科技局', '运城市科学技术局'], regions: [] })).toBe(
      '显示机关为“临淄区科技局”、“二七区科技局”或“运城市科学技术局”的报告。',
    );
  });
  it('open year bounds', () => {
    expect(describeYears({ agencies: [], regions: [], yearFrom: 2022 })).toBe('2022 年及以后');
    expect(describeYears({ agencies: [], regions: [], yearTo: 2023 })).toBe('2023 年及以前');
    expect(describeYears({ agencies: [], regions: [], yearFrom: 2023, yearTo: 2023 })).toBe('2023 年');
    expect(describeYears({ agencies: [], regions: [] })).toBeNull();
  });
});

describe('normalizeFilter', () => {
  it('trims, drops empty and duplicate names, swaps reversed years', () => {
    expect(normalizeFilter({ agencies: [' 临淄区科技局 ', '', '临淄区科技局'], regions: [], yearFrom: 2023, yearTo: 2021 })).toEqual({
      agencies: ['临淄区科技局'],
      regions: [],
      yearFrom: 2021,
      yearTo: 2023,
    });
  });
  it('isEmptyFilter', () => {
    expect(isEmptyFilter({ agencies: [' '], regions: [] })).toBe(true);
    expect(isEmptyFilter({ agencies: [], regions: [], yearTo: 2022 })).toBe(false);
  });
});

describe('filterWhere', () => {
  it('is TRUE without conditions, so it can always follow WHERE', () => {
    expect(filterWhere({ agencies: [], regions: [] })).toBe('TRUE');
  });
  it('uses the alias and doubles quotes (executed against DuckDB in views.test.ts)', () => {
    expect(filterWhere({ agencies: ["a'b"], regions: [], yearFrom: 2022 }, 'r')).toBe(`r."agency_key" IN ('a''b') AND r."year" >= 2022`);
  });
});

describe('origin (来源)', () => {
  it('is a condition on reports.origin, said in the sentence, and not empty', () => {
    const f = { agencies: [], regions: [], origin: 'upload' as const };
    expect(filterWhere(f, 'r')).toBe(`r."origin" = 'upload'`);
    expect(describeFilter(f)).toBe('显示来源为本浏览器中上传的文件的报告。');
    expect(describeFilter({ agencies: [], regions: [], yearFrom: 2024, yearTo: 2024, origin: 'embedded' })).toBe('显示年度为 2024 年、来源为看板内置数据的报告。');
    expect(isEmptyFilter(f)).toBe(false);
    expect(normalizeFilter({ agencies: [], regions: [], origin: 'x' as never })).toEqual({ agencies: [], regions: [] });
  });
});

describe('URL search parameters', () => {
  it('round-trip', () => {
    const f = { agencies: ['临淄区科技局', '二七区科技局'], regions: ['淄博市临淄区'], yearFrom: 2022, yearTo: 2023 };
    const p = filterToSearchParams(f);
    expect(p.toString()).toContain('from=2022');
    expect(filterFromSearchParams(new URLSearchParams(p.toString()))).toEqual(f);
  });
  it('carries the origin (来源) and ignores unknown values', () => {
    const f = { agencies: [], regions: [], origin: 'upload' as const };
    expect(filterToSearchParams(f).toString()).toBe('origin=upload');
    expect(filterFromSearchParams(new URLSearchParams('origin=upload'))).toEqual(f);
    expect(filterFromSearchParams(new URLSearchParams('origin=elsewhere'))).toEqual({ agencies: [], regions: [] });
  });
  it('ignores unreadable years', () => {
    expect(filterFromSearchParams(new URLSearchParams('from=abc&to=20233&region=运城市'))).toEqual({ agencies: [], regions: ['运城市'] });
  });
});

describe('agency type (机关类型) and level (层级)', () => {
  it('are stated in the sentence with their labels, regions by their divisions', () => {
    expect(describeFilter({ agencies: [], regions: ['江苏省', '未识别地区'], types: ['科技局', '政府办公室'], levels: ['县'] })).toBe(
      '显示地区为“江苏省”或“未识别地区”、机关类型为“科技局（厅、科委）”或“人民政府办公室（厅）”、层级为“县级”的报告。',
    );
    expect(describeFilter({ agencies: [], regions: ['江苏省/淮安市'] })).toBe('显示地区为“江苏省淮安市”的报告。');
    expect(agencyTypeLabel('公安局')).toBe('公安局');
  });
  it('go into the SQL after agencies and regions', () => {
    expect(filterWhere({ agencies: [], regions: ['江苏省/淮安市'], types: ['科技局'], levels: ['县', '市'] }, 'r')).toBe(
      `(r."province" = '江苏省' AND coalesce(nullif(r."city", ''), r."county") = '淮安市') AND r."agency_type" IN ('科技局') AND r."level" IN ('县', '市')`,
    );
  });
  it('round-trip through the URL (type=, level=); unknown levels are dropped', () => {
    const f = { agencies: [], regions: ['江苏省/淮安市'], types: ['科技局'], levels: ['县' as const] };
    const p = filterToSearchParams(f);
    expect(decodeURIComponent(p.toString())).toBe('region=江苏省/淮安市&type=科技局&level=县');
    expect(filterFromSearchParams(new URLSearchParams(p.toString()))).toEqual(f);
    expect(filterFromSearchParams(new URLSearchParams('level=乡&level=省&type=&region=江苏省'))).toEqual({ agencies: [], regions: ['江苏省'], levels: ['省'] });
  });
  it('normalize: empty lists are left out, region segments trimmed', () => {
    expect(normalizeFilter({ agencies: [], regions: [' 江苏省 / 淮安市 '], types: [' '], levels: [] })).toEqual({ agencies: [], regions: ['江苏省/淮安市'] });
    expect(isEmptyFilter({ agencies: [], regions: [], levels: ['省'] })).toBe(false);
  });
});

/*
 * Type and level on a real DuckDB over data/build (seeds + corpus; skipped when not built). The
 * resolver's agency_type and level, read from data/build/reports.csv (titles of the reports):
 * 科技局 — 临淄区科技局 2022, 威海市文登区科学技术局 2022, 二七区科技局 2023 (县), 运城市科学技术局
 * 2022 (市), 上海市科委 2024 (省); 人民政府 — 洪泽区 2023, 2024, 沭阳县 2025 (县), 淮安市 2024,
 * 宿迁市 2025 (市), 测试市 2025 (level unknown); 政府办公室 — 临淄区 2023 (县), 上海市 2019, 2025
 * (省); 公安局 — 平潭综合实验区公安局 2024 once (its HTML page; the text capture of the same report is
 * status `duplicate`, counted nowhere; level unknown: 平潭综合实验区 is no division of the 民政部 list).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD = join(ROOT, 'data', 'build');
const HAS_CORPUS = existsSync(join(BUILD, 'reports.csv')) && existsSync(join(ROOT, 'data', 'corpus', 'suqian-city-government-2025-excerpt.md'));

describe.skipIf(!HAS_CORPUS)('type and level filters over data/build (seeds + corpus)', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());
  const reportsOf = async (f: Parameters<typeof filterWhere>[0], table = 'facts') =>
    (await db.exec(`SELECT coalesce(agency_name, agency) AS agency, year FROM ${table} WHERE ${filterWhere(f)} ORDER BY year, agency`)).map((r) => `${r.agency} ${r.year}`);

  it('type=科技局 gives the five 科技局 reports, in facts and in reports', async () => {
    const expected = ['威海市文登区科学技术局 2022', '淄博市临淄区科技局 2022', '运城市科学技术局 2022', '郑州市二七区科技局 2023', '上海市科委 2024'];
    expect(await reportsOf({ agencies: [], regions: [], types: ['科技局'] })).toEqual(expected);
    expect(await reportsOf({ agencies: [], regions: [], types: ['科技局'] }, 'reports')).toEqual(expected);
  });

  it('level=市 gives the three city governments and bureaus; 县 and 科技局 combine with AND', async () => {
    expect(await reportsOf({ agencies: [], regions: [], levels: ['市'] })).toEqual(['运城市科学技术局 2022', '淮安市人民政府 2024', '宿迁市人民政府 2025']);
    expect(await reportsOf({ agencies: [], regions: [], types: ['科技局'], levels: ['县'] })).toEqual([
      '威海市文登区科学技术局 2022',
      '淄博市临淄区科技局 2022',
      '郑州市二七区科技局 2023',
    ]);
    expect(await reportsOf({ agencies: [], regions: ['江苏省'], types: ['人民政府'], levels: ['县'] })).toEqual([
      '淮安市洪泽区人民政府 2023',
      '淮安市洪泽区人民政府 2024',
      '宿迁市沭阳县人民政府 2025',
    ]);
  });

  it('the filter options list the types and levels present with their reports (份)', async () => {
    const o = filterOptionsFromRows(await db.exec(filterOptionsSql()));
    expect(Object.fromEntries(o.types.map((t) => [t.value, t.reports]))).toEqual({ 人民政府: 6, 科技局: 5, 政府办公室: 3, 公安局: 1 });
    expect(o.levels).toEqual([
      { value: '省', reports: 3 },
      { value: '市', reports: 3 },
      { value: '县', reports: 7 },
    ]);
  });
});
