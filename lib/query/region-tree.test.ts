/**
 * The region tree and the region filter: pure tests of the tree and the path encoding, then SQL on
 * a real DuckDB over data/build (the ingest of data/seeds and data/corpus by `npm run build:data`;
 * skipped when not built). Expected reports are read from data/build/reports.csv, whose province,
 * city and county the resolver derived from each title (lib/parse/resolve-agency.ts):
 *
 * - 江苏省 (5): 洪泽区人民政府 2023 (hongze-district-government-2023.pdf) and 淮安市洪泽区人民政府
 *   2024 (hongze-district-government-2024.pdf) — 江苏省·淮安市·洪泽区; 淮安市人民政府 2024
 *   (huaian-city-government-2024.pdf) — 江苏省·淮安市; 沭阳县人民政府 2025
 *   (shuyang-county-government-2025.txt) — 江苏省·宿迁市·沭阳县; 宿迁市人民政府 2025
 *   (suqian-city-government-2025-excerpt.md) — 江苏省·宿迁市;
 * - 山东省 (3): 临淄区科技局 2022 and 临淄区人民政府办公室 2023 (seeds 000, 004: 淄博市·临淄区),
 *   威海市文登区科学技术局 2022 (seed 001: 威海市·文登区); 山西省 (1): 运城市科学技术局 2022 (seed
 *   003); 河南省 (1): 二七区科技局 2023 (seed 002: 郑州市·二七区); 上海市 (3): 上海市人民政府办公厅
 *   2019 and 2025, 上海市科委 2024;
 * - 未识别地区 (2): 测试市人民政府 2025 (anonymized-city-government-2025.html: no such division, no
 *   printed region) and 平潭综合实验区公安局 2024 once (pingtan-public-security-bureau-2024.html; the
 *   .txt capture is the same report, status `duplicate`, counted nowhere; 平潭综合实验区 is no
 *   division of the 民政部 list), under its printed region 平潭综合实验区.
 *   The blank form (blank-template-2021-format.docx) is no report and not counted.
 *
 * 表三 本年新收 of the 江苏 reports (golden files under tests/golden/corpus): 洪泽区 2023 21,
 * 2024 95, 淮安市 2024 3119, 沭阳县 2025 713, 宿迁市 2025 3830.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { filterWhere } from './filters';
import {
  buildRegionTree,
  describeRegionPath,
  flattenRegionTree,
  regionCheckState,
  regionCountsSql,
  regionPathSegments,
  regionPathWhere,
  regionSegmentsOf,
  regionsWhere,
  toggleRegionPath,
  UNRESOLVED_REGION,
  type RegionNode,
} from './region-tree';
import { APPLICATIONS_VIEW, filterOptionsFromRows, filterOptionsSql } from './views';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD = join(ROOT, 'data', 'build');
const HAS_CORPUS = existsSync(join(BUILD, 'reports.csv')) && existsSync(join(ROOT, 'data', 'corpus', 'suqian-city-government-2025-excerpt.md'));

/** `path reports` of every node, depth first: a compact picture of a tree. */
const picture = (nodes: readonly RegionNode[]) => flattenRegionTree(nodes).map((n) => `${n.path} ${n.reports}`);

describe('region paths (pure)', () => {
  it('a row sits at the path of its deepest division; a municipality district has no city segment', () => {
    expect(regionSegmentsOf({ province: '江苏省', city: '淮安市', county: '洪泽区', region: '淮安市洪泽区' })).toEqual(['江苏省', '淮安市', '洪泽区']);
    expect(regionSegmentsOf({ province: '江苏省', city: '淮安市', county: null, region: '淮安市' })).toEqual(['江苏省', '淮安市']);
    expect(regionSegmentsOf({ province: '上海市', city: null, county: '浦东新区', region: '' })).toEqual(['上海市', '浦东新区']);
    expect(regionSegmentsOf({ province: null, city: null, county: null, region: '测试市' })).toEqual([UNRESOLVED_REGION, '测试市']);
    expect(regionSegmentsOf({ province: '', city: '', county: '', region: '' })).toEqual([UNRESOLVED_REGION]);
  });

  it('splits and describes paths', () => {
    expect(regionPathSegments(' 江苏省 / 淮安市 /')).toEqual(['江苏省', '淮安市']);
    expect(describeRegionPath('江苏省/淮安市/洪泽区')).toBe('江苏省淮安市洪泽区');
    expect(describeRegionPath('未识别地区/测试市')).toBe('未识别地区（测试市）');
    expect(describeRegionPath('淄博市临淄区')).toBe('淄博市临淄区');
  });

  it('builds the tree with subtree counts, in Chinese collation order, 未识别地区 last', () => {
    const tree = buildRegionTree([
      { province: '江苏省', city: '淮安市', county: '洪泽区', region: '洪泽区', reports: 2 },
      { province: '江苏省', city: '淮安市', county: null, region: '淮安市', reports: 1 },
      { province: '江苏省', city: '宿迁市', county: '沭阳县', region: '沭阳县', reports: 1 },
      { province: null, city: null, county: null, region: '测试市', reports: 1 },
      { province: '上海市', city: null, county: '浦东新区', region: '', reports: 1 },
      { province: '北京市', city: null, county: null, region: '北京市', reports: 0 },
    ]);
    expect(picture(tree)).toEqual([
      '江苏省 4',
      '江苏省/淮安市 3',
      '江苏省/淮安市/洪泽区 2',
      '江苏省/宿迁市 1',
      '江苏省/宿迁市/沭阳县 1',
      '上海市 1',
      '上海市/浦东新区 1',
      '未识别地区 1',
      '未识别地区/测试市 1',
    ]);
    expect(flattenRegionTree(tree).map((n) => n.kind)).toEqual(['province', 'city', 'county', 'city', 'county', 'province', 'county', 'unresolved', 'printed']);
  });

  it('writes one condition per path, column by column, values quoted', () => {
    expect(regionPathWhere('江苏省')).toBe(`("province" = '江苏省' OR "region" = '江苏省')`);
    expect(regionPathWhere('江苏省/淮安市')).toBe(`("province" = '江苏省' AND coalesce(nullif("city", ''), "county") = '淮安市')`);
    expect(regionPathWhere('江苏省/淮安市/洪泽区')).toBe(`("province" = '江苏省' AND "city" = '淮安市' AND "county" = '洪泽区')`);
    expect(regionPathWhere('未识别地区')).toBe(`coalesce("province", '') = ''`);
    expect(regionPathWhere("未识别地区/x'y")).toBe(`(coalesce("province", '') = '' AND "region" = 'x''y')`);
    expect(regionPathWhere('/')).toBe('FALSE');
    expect(regionPathWhere('a/b/c/d')).toBe('FALSE');
    expect(regionsWhere([])).toBe('TRUE');
  });
});

describe.skipIf(!HAS_CORPUS)('the region tree and filter over data/build (seeds + corpus)', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());

  const reportsOf = async (regions: string[]) =>
    (await db.exec(`SELECT coalesce(agency_name, agency) AS agency, year FROM facts WHERE ${filterWhere({ agencies: [], regions })} ORDER BY year, agency`)).map(
      (r) => `${r.agency ?? '（未识别机关）'} ${r.year}`,
    );

  it('counts the reports of every node (blank form left out)', async () => {
    const tree = buildRegionTree((await db.exec(regionCountsSql())) as never);
    expect(picture(tree)).toEqual([
      '河南省 1',
      '河南省/郑州市 1',
      '河南省/郑州市/二七区 1',
      '江苏省 5',
      '江苏省/淮安市 3',
      '江苏省/淮安市/洪泽区 2',
      '江苏省/宿迁市 2',
      '江苏省/宿迁市/沭阳县 1',
      '山东省 3',
      '山东省/威海市 1',
      '山东省/威海市/文登区 1',
      '山东省/淄博市 2',
      '山东省/淄博市/临淄区 2',
      '山西省 1',
      '山西省/运城市 1',
      '上海市 3', // 上 (shàng) after 山 (shān): the collation compares character by character
      '未识别地区 2',
      '未识别地区/平潭综合实验区 1',
    ]);
    // The same tree reaches the filter bar through the filter options.
    expect(picture(filterOptionsFromRows(await db.exec(filterOptionsSql())).regionTree)).toEqual(picture(tree));
  });

  it('region=江苏省 selects exactly the five 江苏 reports', async () => {
    expect(await reportsOf(['江苏省'])).toEqual([
      '淮安市洪泽区人民政府 2023',
      '淮安市人民政府 2024',
      '淮安市洪泽区人民政府 2024',
      '宿迁市人民政府 2025',
      '宿迁市沭阳县人民政府 2025',
    ]);
  });

  it('a city selects itself and its counties; a county only itself; several paths add up', async () => {
    expect(await reportsOf(['江苏省/淮安市'])).toEqual(['淮安市洪泽区人民政府 2023', '淮安市人民政府 2024', '淮安市洪泽区人民政府 2024']);
    expect(await reportsOf(['江苏省/淮安市/洪泽区'])).toEqual(['淮安市洪泽区人民政府 2023', '淮安市洪泽区人民政府 2024']);
    expect(await reportsOf(['江苏省/宿迁市/沭阳县', '山西省'])).toEqual(['运城市科学技术局 2022', '宿迁市沭阳县人民政府 2025']);
  });

  it('未识别地区 reaches the reports whose division is unresolved', async () => {
    expect(await reportsOf([UNRESOLVED_REGION])).toEqual(['平潭综合实验区公安局 2024', '测试市人民政府 2025']);
    expect(await reportsOf([`${UNRESOLVED_REGION}/平潭综合实验区`])).toEqual(['平潭综合实验区公安局 2024']);
  });

  it('an older link with a printed region still selects that region', async () => {
    expect(await reportsOf(['淮安市洪泽区'])).toEqual(['淮安市洪泽区人民政府 2024']);
  });

  it('the 依申请公开 view of 江苏省 has the five reports and their 本年新收 (件)', async () => {
    const rows = await db.exec(APPLICATIONS_VIEW.sql({ agencies: [], regions: ['江苏省'] }));
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.new_received).sort((a, b) => Number(a) - Number(b))).toEqual([21, 95, 713, 3119, 3830]);
    expect(rows.reduce((s, r) => s + Number(r.new_received), 0)).toBe(7778);
  });
});

describe('selecting in the tree (pure)', () => {
  it('shows a node checked, inherited from an ancestor, partial or unchecked', () => {
    const selected = ['江苏省/淮安市', '淄博市临淄区'];
    expect(regionCheckState(selected, '江苏省/淮安市')).toBe('checked');
    expect(regionCheckState(selected, '江苏省/淮安市/洪泽区')).toBe('inherited');
    expect(regionCheckState(selected, '江苏省')).toBe('partial');
    expect(regionCheckState(selected, '江苏省/宿迁市')).toBe('none');
    // 江苏省/淮安市X is not below 江苏省/淮安市: paths compare by whole segments.
    expect(regionCheckState(['江苏省/淮安'], '江苏省/淮安市')).toBe('none');
  });
  it('choosing a node replaces its selected descendants; choosing it again clears it', () => {
    const withCity = toggleRegionPath([], '江苏省/淮安市');
    expect(withCity).toEqual(['江苏省/淮安市']);
    const withProvince = toggleRegionPath(['淄博市临淄区', ...withCity], '江苏省');
    expect(withProvince).toEqual(['淄博市临淄区', '江苏省']);
    expect(toggleRegionPath(withProvince, '江苏省/淮安市/洪泽区')).toEqual(withProvince);
    expect(toggleRegionPath(withProvince, '江苏省')).toEqual(['淄博市临淄区']);
  });
});
