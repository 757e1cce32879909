/**
 * Chart options are built from real view rows: the fixture CSVs (values from data/seeds) are
 * loaded into DuckDB and each view's SQL is run, then turned into an option.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { openNodeDatabase, type NodeDatabase } from '../pipeline/node-duckdb';
import { APPLICATIONS_VIEW, COMPLIANCE_VIEW, INDICATORS_VIEW, PROACTIVE_VIEW, REVIEW_LITIGATION_VIEW } from '../query/views';
import { EMPTY_FILTER } from '../query/filters';
import {
  applicationsChart,
  categoryLabel,
  chartForView,
  chartReportIds,
  complianceChart,
  indicatorsChart,
  legendRows,
  proactiveChart,
  reviewLitigationChart,
  withBlankChartNote,
  drawnValues,
  ALL_ZERO_NOTE,
  NO_VALUE_NOTE,
  type ChartRow,
} from './index';

type Series = { name: string; type: string; stack?: string; yAxisIndex?: number; data: Array<number | null> };
const seriesOf = (opt: unknown) => (opt as { series: Series[] }).series;
const categoriesOf = (opt: unknown) => (opt as { xAxis: { data: string[] } }).xAxis.data;
const pick = (opt: unknown, name: string) => {
  const s = seriesOf(opt).find((x) => x.name === name);
  if (!s) throw new Error(`no series ${name}`);
  return s;
};

let db: NodeDatabase;
beforeAll(async () => {
  const r = await openNodeDatabase(fileURLToPath(new URL('../../tests/fixtures', import.meta.url)));
  if (!r.ok) throw new Error(r.error);
  db = r.db;
});
afterAll(() => db?.close());

describe('charts from fixture rows', () => {
  it('依申请公开: stacked outcome composition and the rate in % for 临淄区人民政府办公室 2023', async () => {
    const rows = (await db.exec(APPLICATIONS_VIEW.sql(EMPTY_FILTER))) as ChartRow[];
    const opt = applicationsChart(rows);
    const i = categoriesOf(opt).indexOf('淄博市临淄区人民政府办公室\n2023');
    expect(i).toBeGreaterThanOrEqual(0);
    const bars = seriesOf(opt).filter((s) => s.stack === 'outcome');
    expect(bars.map((s) => s.name)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    expect(bars.every((s) => s.stack === 'outcome')).toBe(true);
    expect(bars.map((s) => s.data[i])).toEqual([7, 1, 0, 21, 1, 1]);
    expect(pick(opt, '实质公开率').data[i]).toBeCloseTo((8 / 31) * 100, 10);
    const j = categoriesOf(opt).indexOf('淄博市临淄区科技局\n2022');
    expect(pick(opt, '实质公开率').data[j]).toBeNull(); // 0 processed: no rate, not 0 %
  });

  it('主动公开: a missing cell is a null bar, not 0; 收费 on the 万元 axis', async () => {
    const rows = (await db.exec(PROACTIVE_VIEW.sql(EMPTY_FILTER))) as ChartRow[];
    const opt = proactiveChart(rows);
    const i = categoriesOf(opt).indexOf('淄博市临淄区人民政府办公室\n2023');
    expect(pick(opt, '行政规范性文件·本年废止件数').data[i]).toBeNull();
    expect(pick(opt, '行政规范性文件·现行有效件数').data[i]).toBe(16);
    expect(pick(opt, '行政事业性收费·本年收费金额（万元）').yAxisIndex).toBe(1);
  });

  it('复议诉讼: two stacks (复议, 诉讼) and the litigation correction rate 0 %', async () => {
    const rows = (await db.exec(REVIEW_LITIGATION_VIEW.sql(EMPTY_FILTER))) as ChartRow[];
    const opt = reviewLitigationChart(rows);
    const i = categoriesOf(opt).indexOf('淄博市临淄区人民政府办公室\n2023');
    expect(pick(opt, '行政复议·尚未审结')).toMatchObject({ stack: 'review' });
    expect(pick(opt, '行政复议·尚未审结').data[i]).toBe(2);
    expect(pick(opt, '行政诉讼·结果维持')).toMatchObject({ stack: 'litigation' });
    expect(pick(opt, '行政诉讼·结果维持').data[i]).toBe(2);
    expect(pick(opt, '行政诉讼·其他结果').data[i]).toBe(1);
    expect(pick(opt, '复议纠错率').data[i]).toBeNull();
    expect(pick(opt, '诉讼纠错率').data[i]).toBe(0);
  });

  it('合规: flags counted per report and severity', async () => {
    const rows = (await db.exec(COMPLIANCE_VIEW.sql(EMPTY_FILTER))) as ChartRow[];
    const opt = complianceChart(rows);
    const cats = categoriesOf(opt);
    const wendeng = cats.indexOf('威海市文登区科学技术局\n2022');
    const yuncheng = cats.indexOf('运城市科学技术局\n2022');
    expect(pick(opt, '错误').data[wendeng]).toBe(3);
    expect(pick(opt, '提示').data[yuncheng]).toBe(2);
    expect(pick(opt, '错误').data[yuncheng]).toBe(0);
    expect(cats).toHaveLength(3);
  });

  it('no rows: a chart that says so instead of empty axes', () => {
    const opt = chartForView('applications', []) as { title: Array<{ text: string }>; series: unknown[] };
    expect(opt.series).toEqual([]);
    expect(opt.title[1].text).toBe('没有符合筛选条件的数据');
  });

  it('legend rows are estimated so the plot starts below the legend', async () => {
    expect(legendRows(['错误', '警告', '提示'])).toBe(1);
    // 11 series of ~10 CJK characters each (~155 px) do not fit one 1000 px row.
    const rows = (await db.exec(PROACTIVE_VIEW.sql(EMPTY_FILTER))) as ChartRow[];
    const opt = proactiveChart(rows) as { grid: { top: number } };
    const n = legendRows(seriesOf(opt).map((s) => s.name));
    expect(n).toBeGreaterThanOrEqual(2);
    expect(opt.grid.top).toBe(30 + n * 24 + 30);
  });

  it('category labels', () => {
    expect(categoryLabel({ agency: '二七区科技局', year: 2023 })).toBe('二七区科技局\n2023');
    expect(categoryLabel({ agency: null, year: null })).toBe('（未知机关）\n（年度未知）');
    expect(categoryLabel({ agency: '淮安市人民政府', year: 2024, origin: 'upload' })).toBe('淮安市人民政府\n2024（上传）');
    expect(categoryLabel({ agency: '淮安市人民政府', year: 2024, origin: 'embedded' })).toBe('淮安市人民政府\n2024');
  });
});

describe('指标 chart and chart clicks', () => {
  it('指标: the four ratios in %, small samples drawn light, incomputable ratios as no bar', async () => {
    const rows = (await db.exec(INDICATORS_VIEW.sql(EMPTY_FILTER))) as ChartRow[];
    const opt = indicatorsChart(rows);
    expect(seriesOf(opt).map((s) => s.name)).toEqual(['实质公开率', '复议纠错率', '诉讼纠错率', '争议率']);
    const i = categoriesOf(opt).indexOf('淄博市临淄区人民政府办公室\n2023');
    expect(pick(opt, '实质公开率').data[i]).toBeCloseTo((8 / 31) * 100, 10); // 31 cases: ranked, full colour
    expect(pick(opt, '复议纠错率').data[i]).toBeNull(); // no concluded review
    const dispute = pick(opt, '争议率').data[i] as unknown as { value: number; itemStyle: { opacity: number } };
    expect(dispute.value).toBeCloseTo((5 / 27) * 100, 10); // 27 new applications < 30: light
    expect(dispute.itemStyle.opacity).toBeLessThan(1);
  });

  it('a click on category i opens the report of row i; 合规 maps agency-years to their report', async () => {
    const rows = (await db.exec(APPLICATIONS_VIEW.sql(EMPTY_FILTER))) as ChartRow[];
    const ids = chartReportIds('applications', rows);
    const i = categoriesOf(applicationsChart(rows)).indexOf('淄博市临淄区人民政府办公室\n2023');
    expect(ids[i]).toBe('db5428ea704a808e');
    const flags = (await db.exec(COMPLIANCE_VIEW.sql(EMPTY_FILTER))) as ChartRow[];
    const cats = categoriesOf(complianceChart(flags));
    const cids = chartReportIds('compliance', flags);
    expect(cids).toHaveLength(cats.length);
    expect(cids[cats.indexOf('威海市文登区科学技术局\n2022')]).toBe('6097eb29f1d289bb');
  });
});

describe('依申请公开 intake bars, the rate as points, and blank charts (issue 9)', () => {
  it('本年新收 and 上年结转 are a stack of their own: 临淄区人民政府办公室 2023 received 27 new, 6 carried over', async () => {
    const rows = (await db.exec(APPLICATIONS_VIEW.sql(EMPTY_FILTER))) as ChartRow[];
    const opt = applicationsChart(rows);
    const i = categoriesOf(opt).indexOf('淄博市临淄区人民政府办公室\n2023');
    // seed 004 表三 总计: 本年新收 27, 上年结转 6 (27 + 6 = 办理结果总计 31 + 结转下年度 2).
    expect(pick(opt, '本年新收政府信息公开申请数量')).toMatchObject({ stack: 'intake', type: 'bar' });
    expect(pick(opt, '本年新收政府信息公开申请数量').data[i]).toBe(27);
    expect(pick(opt, '上年结转政府信息公开申请数量').data[i]).toBe(6);
  });

  it('the rate is drawn as points (scatter), never a line joining agencies', async () => {
    const rows = (await db.exec(APPLICATIONS_VIEW.sql(EMPTY_FILTER))) as ChartRow[];
    const opt = applicationsChart(rows);
    expect(pick(opt, '实质公开率').type).toBe('scatter');
    expect(seriesOf(opt).some((s) => s.type === 'line')).toBe(false);
  });

  it('主动公开 legend keeps the unit of 收费; the view label does not repeat it (the header adds （万元）)', () => {
    const fee = PROACTIVE_VIEW.columns.find((c) => c.key === 'fees_amount')!;
    expect(fee.label).toBe('行政事业性收费·本年收费金额');
    expect(fee.unit).toBe('万元');
  });

  it('二七区科技局 2023 printed only zeros: its chart says every value is 0; others get no note', async () => {
    // seed 002 (郑州市二七区科技局 2023): every cell of 表三 and 表四 is 0.
    const erqi = (await db.exec(APPLICATIONS_VIEW.sql({ agencies: ['410103:科技局'], regions: [] }))) as ChartRow[];
    expect(erqi).toHaveLength(1);
    const opt = chartForView('applications', erqi) as { title: Array<{ text: string }> };
    expect(drawnValues(opt).every((v) => v === 0)).toBe(true);
    expect(opt.title.map((t) => t.text)).toContain(ALL_ZERO_NOTE);
    const rl = chartForView('review_litigation', (await db.exec(REVIEW_LITIGATION_VIEW.sql({ agencies: ['410103:科技局'], regions: [] }))) as ChartRow[]) as { title: Array<{ text: string }> };
    expect(rl.title.map((t) => t.text)).toContain(ALL_ZERO_NOTE);
    const all = chartForView('applications', (await db.exec(APPLICATIONS_VIEW.sql(EMPTY_FILTER))) as ChartRow[]) as { title: unknown };
    expect(Array.isArray(all.title)).toBe(false);
  });

  it('rows whose every value is NULL say that nothing could be drawn; no rows keep their own note', () => {
    const opt = withBlankChartNote(applicationsChart([{ agency: '某机关', year: 2024, new_received: null }])) as { title: Array<{ text: string }> };
    expect(opt.title.map((t) => t.text)).toContain(NO_VALUE_NOTE);
    const empty = chartForView('applications', []) as { title: Array<{ text: string }> };
    expect(empty.title.map((t) => t.text)).toEqual([expect.stringContaining('依申请公开'), '没有符合筛选条件的数据']);
  });
});
