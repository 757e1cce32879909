/**
 * The charts in English (issue 10): titles, series (legend) names, axis names, tooltips and notes of
 * every view's chart and of the trend chart in English over real rows (tests/fixtures, values from
 * data/seeds); the agency names of the categories stay as printed. The trend chart's legend sits
 * above the plot, also on a phone (fit-chart-width.ts). Chinese options stay as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { APPLICATIONS_VIEW, VIEWS, queryToSql, type ViewDef } from '../query/views';
import { trendView } from '../query/group-totals';
import { EMPTY_FILTER } from '../query/filters';
import { makeTranslate } from '../present/i18n/translate';
import { EN } from '../present/i18n/en';
import { applicationsChart, chartForView, type ChartRow } from './index';
import { displayedChart } from './chart-display';
import { trendChart } from './trend-chart';
import { compactAxisNumber, fitChartWidth } from './fit-chart-width';
import { chartImageLayout } from './chart-image';

const FIXTURES = join(fileURLToPath(new URL('../..', import.meta.url)), 'tests', 'fixtures');
const en = makeTranslate('en', EN);
const HAN = /[\u3400-\u9fff]/;

type Opt = {
  title: { text: string; subtext?: string } | Array<{ text: string }>;
  legend: { top?: number; bottom?: number; type: string };
  grid: { top: number; bottom?: number };
  yAxis: { name: string; type: string } | Array<{ name: string; type: string }>;
  series: Array<{ name: string; data: unknown[]; tooltip?: { valueFormatter?: (v: unknown) => string } }>;
  tooltip: { formatter?: (p: unknown) => string };
};

/** Every text of an option but its category labels (agency names): titles, series, axes, tooltip values. */
function texts(o: Opt): string[] {
  const titles = Array.isArray(o.title) ? o.title.map((x) => x.text) : [o.title.text, o.title.subtext ?? ''];
  const axes = Array.isArray(o.yAxis) ? o.yAxis : [o.yAxis];
  const tips = o.series.flatMap((s) => (s.tooltip?.valueFormatter ? [s.tooltip.valueFormatter(12), s.tooltip.valueFormatter(null)] : []));
  return [...titles, ...o.series.map((s) => s.name), ...axes.map((a) => a.name), ...tips];
}

describe('charts in English over tests/fixtures', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
  });
  afterAll(() => db?.close());
  const rowsOf = async (def: ViewDef) => (await db.exec(queryToSql(def.query(EMPTY_FILTER)))) as ChartRow[];

  it('依申请公开: English title, legend, axes and tooltips; the same numbers as in Chinese', async () => {
    const rows = await rowsOf(APPLICATIONS_VIEW);
    const zh = applicationsChart(rows) as unknown as Opt;
    const eng = applicationsChart(rows, en) as unknown as Opt;
    expect((eng.title as { text: string }).text).toBe('Disclosure on request: cases received and handled, substantive disclosure rate (%)');
    expect(eng.series.map((s) => s.name)).toEqual(['New applications received this year', 'Applications carried over from last year', 'Granted', 'Partially granted', 'Denied', 'Unable to provide', 'Not processed', 'Other handling', 'Substantive disclosure rate']);
    expect((eng.yAxis as Array<{ name: string }>).map((a) => a.name)).toEqual(['cases', '%']);
    expect(eng.series[0].tooltip?.valueFormatter?.(27)).toBe('27 cases');
    expect(eng.series.at(-1)?.tooltip?.valueFormatter?.(null)).toBe('— (cannot be computed)');
    expect(eng.series.map((s) => s.data)).toEqual(zh.series.map((s) => s.data));
    expect(texts(zh).some((s) => HAN.test(s))).toBe(true);
    expect((zh.title as { text: string }).text).toBe('依申请公开：收到的申请与办理结果（件）、实质公开率（%）');
  });

  it('every view, top 20 and log scale: no Chinese outside the agency names', async () => {
    for (const v of VIEWS) {
      if (v.setup) for (const s of v.setup) await db.exec(s);
      const rows = await rowsOf(v);
      for (const log of [false, true]) {
        const d = displayedChart(v.id, rows, rows.length + 5, { top: 20, log }, en);
        const o = d.option as unknown as Opt;
        expect(texts(o).filter((s) => HAN.test(s)), `${v.id} log=${log}`).toEqual([]);
        expect(d.more).toMatch(/^5 more (items|check results) not shown$/);
        if (d.logNote) expect(d.logNote).not.toMatch(HAN);
      }
      expect(texts(chartForView(v.id, [], en) as unknown as Opt).filter((s) => HAN.test(s)), `${v.id} empty`).toEqual([]);
    }
  });

  it('the trend chart: English texts, legend above the plot at every width', async () => {
    const def = trendView(APPLICATIONS_VIEW)!;
    const rows = (await db.exec(def.sql(EMPTY_FILTER))) as ChartRow[];
    const years = new Set(rows.map((r) => r.year));
    expect(years.size).toBeGreaterThanOrEqual(2);
    const o = trendChart(def, rows, en) as unknown as Opt;
    expect(texts(o).filter((s) => HAN.test(s))).toEqual([]);
    const tip = o.tooltip.formatter!([{ axisValue: '2023', seriesName: o.series[0].name, data: { value: 27, missing: 1, reports: 2, unit: '件' } }]);
    expect(tip).toBe('2023: 2 reports<br/>New applications received this year: 27 cases (1 missing; only the reports that give it)');
    for (const width of [1280, 768, 390]) {
      const fitted = fitChartWidth(o as never, width) as unknown as Opt;
      expect(fitted.legend.bottom, `${width} px: no legend under the plot`).toBeUndefined();
      expect(fitted.legend.top, `${width} px`).toBeGreaterThan(0);
      expect(fitted.legend.top! + 24, `${width} px: the legend row ends above the plot`).toBeLessThan(fitted.grid.top);
    }
    const zh = trendChart(def, rows) as unknown as Opt;
    expect((zh.title as { text: string }).text).toBe('依申请公开：所选报告每年合计');
  });

  it('compact axis numbers on a phone: 2.5万 in Chinese, 25k in English', () => {
    expect([compactAxisNumber(25_000), compactAxisNumber(25_000, en), compactAxisNumber(350_000_000, en), compactAxisNumber(9_999, en)]).toEqual(['2.5万', '25k', '350M', '9999']);
  });

  it('a legend placed under the plot moves above it on a phone', () => {
    const option = { legend: { type: 'scroll', bottom: 0 }, grid: { top: 56, bottom: 36 }, series: [] };
    const narrow = fitChartWidth(option as never, 390) as unknown as { legend: { top: number; bottom?: number }; grid: { top: number } };
    expect(narrow.legend.bottom).toBeUndefined();
    expect(narrow.legend.top + 24).toBeLessThan(narrow.grid.top);
  });

  it('the image frame says 导出日期 in the chosen language', () => {
    const meta = { title: 'Disclosure on request', caption: 'Showing the reports of all agencies, all regions and all years.', source: en('数据来源：各机关政府信息公开工作年度报告（政府信息公开工作年度报告 · 对比看板 解析）'), date: '2026-11-30' };
    const lines = chartImageLayout(meta, 1200, 380, en).lines.map((l) => l.text).join(' ');
    expect(lines).toContain('exported 2026-11-30');
    expect(lines).not.toMatch(HAN);
    expect(chartImageLayout({ ...meta, source: '数据来源' }, 1200, 380).lines.at(-1)?.text).toBe('数据来源 · 导出日期：2026-11-30');
  });
});
