/**
 * The agency page's chart options from real rows: tests/fixtures (the five seed reports, numbers
 * copied by hand from the printed tables) loaded into a real DuckDB and read by the page's own SQL
 * (lib/query/agency-years.ts), then arranged on a year axis that runs one year past the report —
 * so every chart has a year without a report, which must be a gap, never 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { makeTranslate } from '../present/i18n/translate';
import { EN } from '../present/i18n/en';
import { agencyYearsSql, buildAgencyYears, OUTCOME_SEGMENTS, type AgencyYears } from '../query/agency-years';
import {
  ALL_ZERO_SENTENCE,
  emptyYearChart,
  newApplicationsChart,
  outcomeShareChart,
  outcomeShares,
  outcomeTooltip,
  ratesChart,
  t2DecisionsChart,
  t2DocumentsChart,
  yearLineChart,
} from './agency-charts';

/** The English translator (issue 10) with the app's dictionary. */
const EN_T = makeTranslate('en', EN);
const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));
const LINZI_OFFICE = 'db5428ea704a808e'; // 临淄区人民政府办公室 2023
const LINZI_SCIENCE = '5f1f485ee573df5d'; // 临淄区科技局 2022, every number 0

type Series = { name: string; type: string; data: unknown[]; connectNulls?: boolean; stack?: string };
const seriesOf = (o: unknown) => (o as { series: Series[] }).series;

describe('agency charts over tests/fixtures', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(join(FIXTURES));
    // Fixtures written before agency identities have no agency_key: the printed name stands in.
    await db.exec(`UPDATE facts SET agency_key = agency WHERE agency_key IS NULL`);
  });
  afterAll(() => db?.close());

  async function agencyOf(reportId: string, latest: number): Promise<AgencyYears> {
    const key = String((await db.exec(`SELECT agency_key FROM facts WHERE report_id = '${reportId}'`))[0].agency_key);
    const ay = buildAgencyYears(key, await db.exec(agencyYearsSql(key)), latest);
    expect(ay).not.toBeNull();
    return ay!;
  }

  it('draws 本年新收 as a line with the year without a report as a gap', async () => {
    const ay = await agencyOf(LINZI_OFFICE, 2024);
    const o = newApplicationsChart(ay) as { xAxis: { data: string[] } };
    expect(o.xAxis.data).toEqual(['2023', '2024']);
    expect(seriesOf(o)).toHaveLength(1);
    expect(seriesOf(o)[0]).toMatchObject({ name: '本年新收政府信息公开申请数量', type: 'line', data: [27, null], connectNulls: false });
  });

  it('draws the outcome composition as 100 % stacked bars of the year’s applications handled', async () => {
    const ay = await agencyOf(LINZI_OFFICE, 2024);
    // 7 予以公开, 1 部分公开, 0 不予公开, 21 无法提供, 1 不予处理, 1 其他处理, 2 结转下年度 = 33 = 27 新收 + 6 上年结转.
    const s = outcomeShares(ay.shown[0]);
    expect(s.counts).toEqual([7, 1, 0, 21, 1, 1, 2]);
    expect(s.total).toBe(33);
    expect(s.shares.reduce((a, b) => a! + b!, 0)).toBeCloseTo(100, 10);
    const o = outcomeShareChart(ay) as { xAxis: { data: string[] }; yAxis: { max: number } };
    expect(o.xAxis.data).toEqual(['2023\n33 件', '2024\n无报告']);
    expect(o.yAxis.max).toBe(100);
    const series = seriesOf(o);
    expect(series.map((x) => x.name)).toEqual(OUTCOME_SEGMENTS.map((m) => m.label));
    expect(series.map((x) => x.name)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '结转下年度继续办理（尚未办结）']);
    expect(series.every((x) => x.type === 'bar' && x.stack === 'outcomes')).toBe(true);
    expect(series[0].data).toEqual([{ value: 21.21, count: 7 }, null]);
    expect(series[3].data[0]).toEqual({ value: 63.64, count: 21 });
    expect(outcomeTooltip([{ axisValueLabel: '2023\n33 件', seriesName: '予以公开', data: { value: 21.21, count: 7 } }, { seriesName: '不予公开', data: null }])).toBe(
      '2023 · 33 件<br/>予以公开：21.2%（7 件）<br/>不予公开：—',
    );
    // In English: the same bars, every word and unit in English.
    const en = outcomeShareChart(ay, EN_T) as { title: { text: string }; xAxis: { data: string[] }; series: Series[] };
    expect(en.title.text).toBe("Outcomes (% of the year's applications handled)");
    expect(en.xAxis.data).toEqual(['2023\n33 cases', '2024\nNo report']);
    expect(en.series.map((x) => x.name)).toEqual(['Granted', 'Partially granted', 'Denied', 'Unable to provide', 'Not processed', 'Other handling', 'Carried forward to next year (not yet concluded)']);
    expect(en.series[0].data).toEqual(series[0].data);
    expect(outcomeTooltip([{ axisValueLabel: '2023\n33 cases', seriesName: 'Granted', data: { value: 21.21, count: 7 } }, { seriesName: 'Denied', data: { value: 3.03, count: 1 } }], EN_T)).toBe(
      '2023 · 33 cases<br/>Granted: 21.2% (7 cases)<br/>Denied: 3.0% (1 case)',
    );
  });

  it('says so when there was no application instead of drawing empty bars', async () => {
    const ay = await agencyOf(LINZI_SCIENCE, 2022);
    expect(outcomeShares(ay.shown[0])).toMatchObject({ total: 0, shares: [null, null, null, null, null, null, null] });
    const o = outcomeShareChart(ay) as { title: Array<{ text: string }> };
    expect(o.title[1].text).toBe('这些年度没有收到申请（办理数为 0）');
    expect(seriesOf(o)).toEqual([]);
  });

  it('draws the rates in %, a rate that cannot be computed as a gap', async () => {
    const ay = await agencyOf(LINZI_OFFICE, 2024);
    const series = seriesOf(ratesChart(ay));
    expect(series.map((x) => x.name)).toEqual(['实质公开率', '复议纠错率', '诉讼纠错率']);
    expect((series[0].data[0] as number).toFixed(2)).toBe(((8 / 31) * 100).toFixed(2)); // (7 + 1) ÷ 31
    expect(series[0].data[1]).toBeNull();
    expect(series[1].data).toEqual([null, null]); // 复议: 2 尚未审结, none decided → no rate
    expect(series[2].data).toEqual([0, null]); // 诉讼: 2 维持 + 1 其他, 0 纠正 → 0 %
    expect((ratesChart(ay) as { yAxis: { max: number } }).yAxis.max).toBe(100);
  });

  it('draws table 二 counts, a missing cell as a gap', async () => {
    const ay = await agencyOf(LINZI_OFFICE, 2023);
    const docs = seriesOf(t2DocumentsChart(ay));
    expect(docs.map((x) => x.name)).toEqual([
      '规章·本年制发件数', '规章·本年废止件数', '规章·现行有效件数',
      '行政规范性文件·本年制发件数', '行政规范性文件·本年废止件数', '行政规范性文件·现行有效件数',
    ]);
    expect(docs.map((x) => x.data[0])).toEqual([0, 0, 0, 0, null, 16]); // 本年废止 not printed: missing
    expect(seriesOf(t2DecisionsChart(ay)).map((x) => [x.name, x.data[0]])).toEqual([
      ['行政许可·本年处理决定数量', 0],
      ['行政处罚·本年处理决定数量', 0],
      ['行政强制·本年处理决定数量', 0],
    ]);
    // Every number 0 (the seed prints 0 0 0): the points lie on the axis, so the chart says it in words.
    expect((t2DecisionsChart(ay) as { title: Array<{ text: string }> }).title.map((t) => t.text)).toEqual(['表二：许可、处罚、强制决定（件）', ALL_ZERO_SENTENCE]);
    // With a number other than 0 (行政规范性文件·现行有效 16) only the chart's own title.
    expect((t2DocumentsChart(ay) as { title: { text: string } }).title.text).toBe('表二：规章与行政规范性文件（件）');
    // In English: titles, series names and the all-zero sentence.
    expect((t2DecisionsChart(ay, EN_T) as { title: Array<{ text: string }> }).title.map((t) => t.text)).toEqual([
      'Table 2: licensing, penalty and enforcement decisions (cases)',
      "Every number these years' reports give is 0",
    ]);
    expect(seriesOf(t2DocumentsChart(ay, EN_T)).map((x) => [x.name, x.data[0]])[5]).toEqual(['Administrative normative documents · currently in force', 16]);
    expect(seriesOf(ratesChart(ay, EN_T)).map((x) => x.name)).toEqual(['Substantive disclosure rate', 'Review correction rate', 'Litigation correction rate']);
  });

  it('says so when no year has a number', () => {
    const o = yearLineChart('t', [2022, 2023], [{ name: 'x', data: [null, null] }], '件');
    expect(o).toEqual(emptyYearChart('t', '这些年度的报告都没有给出这些数'));
  });
});
