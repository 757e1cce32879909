/**
 * Group totals on a real DuckDB over data/build (the ingest of data/seeds and data/corpus by
 * `npm run build:data`; skipped when not built). Expected numbers are read by hand from the reports
 * (the golden files under tests/golden/corpus hold the values a person read from each report) and
 * cross-checked against an independent sum over cells.csv:
 *
 * 江苏省 reports (reports.csv province = 江苏省):
 * - 淮安市洪泽区人民政府 2023 (hongze-district-government-2023.pdf) 表三 总计: 本年新收 21, 予以公开 0,
 *   部分公开 4, 办理结果总计 21;
 * - 淮安市洪泽区人民政府 2024 (hongze-district-government-2024.pdf): 本年新收 95, 予以公开 50,
 *   部分公开 9, 办理结果总计 95;
 * - 淮安市人民政府 2024 (huaian-city-government-2024.pdf): 本年新收 3119, 上年结转 34, 予以公开 1362,
 *   部分公开 454, 办理结果总计 3050;
 * - 宿迁市沭阳县人民政府 2025 (shuyang-county-government-2025.txt line 99): 本年新收 713, 上年结转 36,
 *   予以公开 294, 部分公开 101, 办理结果总计 718;
 * - 宿迁市人民政府 2025 (suqian-city-government-2025-excerpt.md line 16): 本年新收 3830; the excerpt
 *   prints no other row of 表三, so its other 表三 cells are `missing`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import type { Row } from '../store/executor';
import { EMPTY_FILTER, type FilterState } from './filters';
import {
  describeGroup,
  GROUP_BY_CHOICES,
  groupedView,
  groupFromParam,
  isGroupable,
  missingMark,
  totalRowQuery,
  trendView,
  type GroupBy,
} from './group-totals';
import { APPLICATIONS_VIEW, COMPLIANCE_VIEW, INDICATORS_VIEW, PROACTIVE_VIEW, queryToSql, REVIEW_LITIGATION_VIEW, rowCountSql, VIEWS, type ViewDef } from './views';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD = join(ROOT, 'data', 'build');
const HAS_CORPUS = existsSync(join(BUILD, 'reports.csv')) && existsSync(join(ROOT, 'data', 'corpus', 'suqian-city-government-2025-excerpt.md'));
const TABLE_VIEWS = [PROACTIVE_VIEW, APPLICATIONS_VIEW, REVIEW_LITIGATION_VIEW, INDICATORS_VIEW];

describe('group-by choices (pure)', () => {
  it('reads group= from the URL; anything else is 不分组', () => {
    expect(groupFromParam('province')).toBe('province');
    expect(groupFromParam('agency')).toBe('agency');
    expect(groupFromParam('state')).toBeNull();
    expect(groupFromParam(null)).toBeNull();
    expect(GROUP_BY_CHOICES.map((c) => c.label)).toEqual(['机关', '县', '市', '省', '全部']);
  });

  it('says the grouping in one sentence', () => {
    expect(describeGroup(null)).toBe('每份报告一行。');
    expect(describeGroup('province')).toBe('按省汇总：每省每个年度一行；计数相加，比率由相加后的分子、分母重新计算；缺失的数不按 0 计。');
    expect(describeGroup('all')).toContain('全部报告合为一组');
  });

  it('groups the four table views, not 合规', () => {
    for (const v of TABLE_VIEWS) expect(isGroupable(v.id)).toBe(true);
    expect(groupedView(COMPLIANCE_VIEW, 'province')).toBeNull();
    expect(totalRowQuery(COMPLIANCE_VIEW, EMPTY_FILTER)).toBeNull();
  });

  it('returns one object per view and choice, so React effects do not re-run', () => {
    expect(groupedView(APPLICATIONS_VIEW, 'city')).toBe(groupedView(APPLICATIONS_VIEW, 'city'));
    expect(trendView(APPLICATIONS_VIEW)).toBe(groupedView(APPLICATIONS_VIEW, 'all'));
  });

  it('marks a total that leaves reports out, and nothing when none is missing', () => {
    const count = APPLICATIONS_VIEW.columns.find((c) => c.key === 'granted')!;
    const rate = APPLICATIONS_VIEW.columns.find((c) => c.key === 'disclosure_rate')!;
    expect(missingMark(count, 0)).toBeNull();
    expect(missingMark(count, null)).toBeNull();
    expect(missingMark(count, 2)).toEqual({ text: '缺2份', title: expect.stringContaining('2 份报告没有给出此数') });
    expect(missingMark(rate, 1)!.title).toContain('未计入分子和分母');
  });

  it('gives every rate column of the table views its numerator and denominator, every count its fact', () => {
    for (const v of [PROACTIVE_VIEW, APPLICATIONS_VIEW, REVIEW_LITIGATION_VIEW]) {
      for (const c of v.columns) {
        if (c.format === 'rate') expect(c.ratio, `${v.id}.${c.key}`).toBeDefined();
        if (c.format === 'count' || c.format === 'amount') expect(c.fact, `${v.id}.${c.key}`).toBeDefined();
      }
    }
  });
});

describe.skipIf(!HAS_CORPUS)('group totals over data/build (seeds + corpus)', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());

  const grouped = async (view: ViewDef, group: GroupBy, filter: FilterState = EMPTY_FILTER): Promise<Row[]> => db.exec(groupedView(view, group)!.sql(filter));
  const rowOf = (rows: Row[], name: string, year: number): Row => {
    const found = rows.filter((r) => r.group_name === name && r.year === year);
    expect(found, `${name} ${year}`).toHaveLength(1);
    return found[0];
  };

  it('group=省 on 依申请公开: 江苏省 本年新收 per year is the sum of its reports', async () => {
    const rows = await grouped(APPLICATIONS_VIEW, 'province');
    const js = rows.filter((r) => r.group_name === '江苏省');
    expect(js.map((r) => [r.year, r.report_count, r.new_received, r.new_received_missing])).toEqual([
      [2023, 1, 21, 0], // 洪泽区 2023
      [2024, 2, 95 + 3119, 0], // 洪泽区 2024 + 淮安市 2024
      [2025, 2, 713 + 3830, 0], // 沭阳县 2025 + 宿迁市 2025
    ]);
    // The same sums straight from cells.csv and reports.csv, without facts.
    const direct = await db.exec(
      `SELECT CAST(r.year AS INTEGER) AS year, CAST(sum(c.value) AS DOUBLE) AS n FROM cells c JOIN reports r ON r.report_id = c.report_id ` +
        `WHERE r.province = '江苏省' AND c."table" = 't3' AND c."row" = 'new_received' AND c."column" = 'total' GROUP BY r.year ORDER BY r.year`,
    );
    expect(direct.map((r) => [r.year, r.n])).toEqual(js.map((r) => [r.year, r.new_received]));
  });

  it('a rate is recomputed from the summed parts, which differs from the mean of the rates', async () => {
    const rows = await grouped(APPLICATIONS_VIEW, 'province');
    const js2024 = rowOf(rows, '江苏省', 2024);
    // 洪泽区 2024: (50 + 9) / 95; 淮安市 2024: (1362 + 454) / 3050.
    const pooled = (50 + 9 + 1362 + 454) / (95 + 3050);
    const mean = ((50 + 9) / 95 + (1362 + 454) / 3050) / 2;
    expect(js2024.disclosure_rate).toBeCloseTo(pooled, 12); // 0.59618…
    expect(Math.abs((js2024.disclosure_rate as number) - mean)).toBeGreaterThan(0.01); // mean 0.60823…
    // The per-report rates of the same two reports, from the view itself.
    const perReport = await db.exec(APPLICATIONS_VIEW.sql({ ...EMPTY_FILTER, agencies: ['320813:人民政府', '3208:人民政府'], yearFrom: 2024, yearTo: 2024 }));
    expect(perReport.map((r) => r.disclosure_rate as number).reduce((a, b) => a + b, 0) / perReport.length).toBeCloseTo(mean, 12);
  });

  it('missing cells are counted and never taken as 0', async () => {
    const rows = await grouped(APPLICATIONS_VIEW, 'province');
    const js2025 = rowOf(rows, '江苏省', 2025);
    // 宿迁市 2025 gives only 本年新收: its 上年结转 … 结转下年度 (9 columns) are missing.
    expect(js2025.missing_cells).toBe(9);
    expect([js2025.carried_over, js2025.carried_over_missing]).toEqual([36, 1]); // 沭阳县's 36 only
    expect([js2025.granted, js2025.granted_missing]).toEqual([294, 1]);
    expect(js2025.disclosure_rate).toBeCloseTo((294 + 101) / 718, 12); // 沭阳县 alone: 宿迁市 has no parts
    expect(js2025.disclosure_rate_missing).toBe(1);
    // Alone in its group (宿迁市's own agencies under 县), 宿迁市's missing values stay NULL, not 0.
    const county = await grouped(APPLICATIONS_VIEW, 'county');
    const suqian = rowOf(county, '江苏省宿迁市（市本级）', 2025);
    expect([suqian.new_received, suqian.granted, suqian.granted_missing, suqian.disclosure_rate, suqian.report_count]).toEqual([3830, null, 1, null, 1]);
  });

  it('group=县 and 市 name divisions, a city\'s own agencies (本级) and unresolved reports', async () => {
    const county = await grouped(APPLICATIONS_VIEW, 'county');
    expect(rowOf(county, '江苏省淮安市洪泽区', 2024).new_received).toBe(95);
    expect(rowOf(county, '江苏省淮安市（市本级）', 2024).new_received).toBe(3119);
    const city = await grouped(APPLICATIONS_VIEW, 'city');
    expect(rowOf(city, '江苏省淮安市', 2024)).toMatchObject({ report_count: 2, new_received: 3214, group_key: '江苏省/淮安市' });
    // 测试市人民政府 2025 (anonymized-city-government-2025.html) resolves to no division.
    expect(rowOf(city, '未识别地区', 2025).group_key).toBe('?');
  });

  it('group=机关 joins an agency over its spellings and has one row per agency and year', async () => {
    const rows = await grouped(APPLICATIONS_VIEW, 'agency', { ...EMPTY_FILTER, agencies: ['320813:人民政府'] });
    expect(rows.map((r) => [r.group_name, r.year, r.new_received, r.group_key])).toEqual([
      ['淮安市洪泽区人民政府', 2023, 21, '320813:人民政府'],
      ['淮安市洪泽区人民政府', 2024, 95, '320813:人民政府'],
    ]);
  });

  it('with one report per agency and year, group=机关 gives each report\'s own rates (the ratios match the views\' SQL)', async () => {
    for (const view of [APPLICATIONS_VIEW, REVIEW_LITIGATION_VIEW, INDICATORS_VIEW]) {
      const perReport = await db.exec(view.sql(EMPTY_FILTER));
      const groups = await grouped(view, 'agency');
      const rates = groupedView(view, 'agency')!.columns.filter((c) => c.format === 'rate').map((c) => c.key); // 指标's peer quartiles are not totals
      expect(rates.length).toBeGreaterThan(0);
      let compared = 0;
      for (const r of perReport) {
        const g = groups.find((x) => x.group_key === r.agency_key && x.year === r.year);
        if (!g || g.report_count !== 1) continue;
        for (const k of rates) {
          if (r[k] === null) expect(g[k], `${view.id} ${String(r.agency)} ${k}`).toBeNull();
          else expect(g[k] as number, `${view.id} ${String(r.agency)} ${k}`).toBeCloseTo(r[k] as number, 12);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(8);
    }
  });

  it('the total row (合计) sums every filtered report; known values only, missing counted', async () => {
    for (const view of [PROACTIVE_VIEW, APPLICATIONS_VIEW, REVIEW_LITIGATION_VIEW]) {
      const perReport = await db.exec(view.sql(EMPTY_FILTER));
      const [total] = await db.exec(queryToSql(totalRowQuery(view, EMPTY_FILTER)!));
      expect(total.group_name).toBe('合计');
      expect(total.report_count).toBe(perReport.length);
      expect([total.year_from, total.year_to]).toEqual([2019, 2025]);
      let cells = 0;
      for (const c of view.columns.filter((x) => x.fact)) {
        const known = perReport.map((r) => r[c.key]).filter((x): x is number => typeof x === 'number');
        expect(total[c.key] as number, `${view.id}.${c.key}`).toBeCloseTo(known.reduce((a, b) => a + b, 0), 6);
        expect(total[`${c.key}_missing`], `${view.id}.${c.key}_missing`).toBe(perReport.length - known.length);
        cells += perReport.length - known.length;
      }
      expect(total.missing_cells).toBe(cells);
    }
  });

  it('group=全部 (the trend) has one row per year that has a report; a year without one has no row', async () => {
    const rows = await db.exec(trendView(APPLICATIONS_VIEW)!.sql(EMPTY_FILTER));
    expect(rows.map((r) => r.year)).toEqual([2019, 2022, 2023, 2024, 2025]); // no report of 2020 or 2021
    for (const r of rows) {
      const [t] = await db.exec(queryToSql(totalRowQuery(APPLICATIONS_VIEW, { ...EMPTY_FILTER, yearFrom: r.year as number, yearTo: r.year as number })!));
      expect([t.report_count, t.new_received, t.disclosure_rate, t.missing_cells]).toEqual([r.report_count, r.new_received, r.disclosure_rate, r.missing_cells]);
    }
  });

  it('every grouped view returns exactly its declared columns, and counts its rows like a view', async () => {
    for (const view of TABLE_VIEWS) {
      for (const { key } of GROUP_BY_CHOICES) {
        const def = groupedView(view, key)!;
        const rows = await db.exec(def.sql(EMPTY_FILTER));
        expect(rows.length, `${view.id}/${key}`).toBeGreaterThan(0);
        expect(Object.keys(rows[0])).toEqual([...def.columns.map((c) => c.key), 'agency', ...(key === 'agency' ? ['agency_key'] : [])]); // the chart's label, the agency link
        expect(rows.every((r) => r.agency === r.group_name)).toBe(true);
        const [n] = await db.exec(rowCountSql(def.query(EMPTY_FILTER)));
        expect(n.n).toBe(rows.length);
      }
    }
  });

  it('指标 grouped: rates and their denominators from summed parts, no ranks', async () => {
    const rows = await grouped(INDICATORS_VIEW, 'province');
    const js2024 = rowOf(rows, '江苏省', 2024);
    expect(js2024.disclosure_rate).toBeCloseTo((50 + 9 + 1362 + 454) / (95 + 3050), 12);
    expect(js2024.disclosure_base).toBe(95 + 3050);
    expect(Object.keys(js2024).some((k) => k.endsWith('_rank'))).toBe(false);
  });

  it('every view of VIEWS except 合规 can be grouped', () => {
    expect(VIEWS.filter((v) => groupedView(v, 'all')).map((v) => v.id)).toEqual(TABLE_VIEWS.map((v) => v.id));
  });
});
