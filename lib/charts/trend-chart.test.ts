/**
 * The trend chart's option from the real per-year totals of data/build (the ingest of data/seeds and
 * data/corpus; skipped when not built): 依申请公开 has reports of 2019 (上海市人民政府办公厅), 2022,
 * 2023, 2024 and 2025 and none of 2020 or 2021, so those two years are gaps — null, not 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { EMPTY_FILTER } from '../query/filters';
import { trendView } from '../query/group-totals';
import { APPLICATIONS_VIEW, INDICATORS_VIEW, REVIEW_LITIGATION_VIEW, type ViewDef } from '../query/views';
import type { ChartRow } from './index';
import { spansSeveralYears, trendChart, trendYears } from './trend-chart';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD = join(ROOT, 'data', 'build');
const HAS_CORPUS = existsSync(join(BUILD, 'reports.csv')) && existsSync(join(ROOT, 'data', 'corpus', 'suqian-city-government-2025-excerpt.md'));

type Series = { name: string; yAxisIndex: number; connectNulls: boolean; data: Array<{ value: number | null; missing: number; reports: number }> };

describe('trend years (pure)', () => {
  it('lists distinct years and says whether there are several', () => {
    const rows: ChartRow[] = [{ year: 2024 }, { year: 2022 }, { year: 2024 }, { year: null }];
    expect(trendYears(rows)).toEqual([2022, 2024]);
    expect(spansSeveralYears(rows)).toBe(true);
    expect(spansSeveralYears([{ year: 2024 }])).toBe(false);
  });
});

describe.skipIf(!HAS_CORPUS)('trend chart over data/build', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());
  const trendOf = async (view: ViewDef, filter = EMPTY_FILTER) => {
    const t = trendView(view)!;
    return { t, rows: (await db.exec(t.sql(filter))) as ChartRow[] };
  };

  it('依申请公开: every year 2019–2025 on the axis, 2020 and 2021 gaps, totals and the pooled rate', async () => {
    const { t, rows } = await trendOf(APPLICATIONS_VIEW);
    const option = trendChart(t, rows) as { xAxis: { data: string[] }; series: Series[]; title: { subtext: string } };
    expect(option.xAxis.data).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(option.title.subtext).toBe('2020、2021 年无报告，线在此断开（不是 0）');
    const [received, processed, rate] = option.series;
    expect([received.name, processed.name, rate.name]).toEqual(['本年新收政府信息公开申请数量', '办理结果总计', '实质公开率']);
    // 2024: the sum of 表三 本年新收 总计 over the reports of 2024, straight from cells.csv and reports.csv
    // (洪泽区 95, 淮安市 3119, 上海市科委 34, and 平潭's 8 — once: its text capture is the same report as
    // its HTML page and has status `duplicate`, counted nowhere).
    const [direct] = await db.exec(
      `SELECT CAST(sum(c.value) AS DOUBLE) AS n, CAST(count(*) AS INTEGER) AS k FROM cells c JOIN reports r ON r.report_id = c.report_id ` +
        `WHERE r.year = 2024 AND r.status <> 'duplicate' AND c."table" = 't3' AND c."row" = 'new_received' AND c."column" = 'total'`,
    );
    expect(direct.n as number).toBeGreaterThanOrEqual(95 + 3119 + 34 + 8);
    const y2024 = rows.find((r) => r.year === 2024)!;
    expect(received.data[5].value).toBe(direct.n);
    expect(received.data[5].reports).toBe(direct.k);
    expect(received.data.map((p) => p.value === null)).toEqual([false, true, true, false, false, false, false]);
    expect(received.connectNulls).toBe(false);
    expect(rate.yAxisIndex).toBe(1);
    expect(rate.data[5].value).toBeCloseTo((y2024.disclosure_rate as number) * 100, 9);
    // 2025: 宿迁市 gives no 办理结果总计 — the total counts it as missing, the tooltip will say 缺1份.
    expect(processed.data[6].missing).toBe(1);
  });

  it('复议诉讼 and 指标 draw their counts and rates; one year only gives no chart', async () => {
    const rl = await trendOf(REVIEW_LITIGATION_VIEW);
    expect((trendChart(rl.t, rl.rows) as { series: Series[] }).series.map((s) => s.name)).toEqual(['行政复议·总计', '行政诉讼·总计', '复议纠错率', '诉讼纠错率']);
    const ind = await trendOf(INDICATORS_VIEW);
    const indOption = trendChart(ind.t, ind.rows) as { series: Series[]; yAxis: unknown[] };
    expect(indOption.series.map((s) => s.name)).toEqual(['实质公开率', '复议纠错率', '诉讼纠错率', '争议率']);
    expect(indOption.yAxis).toHaveLength(1);
    const one = await trendOf(APPLICATIONS_VIEW, { ...EMPTY_FILTER, yearFrom: 2024, yearTo: 2024 });
    expect(trendChart(one.t, one.rows)).toBeNull();
  });
});
