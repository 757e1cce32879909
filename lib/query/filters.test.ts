import { describe, expect, it } from 'vitest';
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
