/**
 * Top N and the log scale of the dashboard's charts (lib/charts/chart-display.ts) on real rows: the
 * views run on DuckDB over data/build (seeds + corpus, `npm run build:data`), sorted by 本年新收
 * descending — 测试市人民政府 2025 (14069, anonymized-city-government-2025.html) first, 宿迁市人民政府
 * 2025 (3830) second; 洪泽区 2024 (hongze-district-government-2024.pdf) prints 上年结转 0 and 不予公开 3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { EMPTY_FILTER } from '../query/filters';
import { APPLICATIONS_VIEW, COMPLIANCE_VIEW, INDICATORS_VIEW, queryToSql, sortQuery } from '../query/views';
import type { Row } from '../store/executor';
import { chartTopRows, displayedChart, moreNote, topNFromParam, withLogScale } from './chart-display';
import { applicationsChart, categoryLabel, chartForView } from './index';

const BUILD = join(fileURLToPath(new URL('../..', import.meta.url)), 'data', 'build');

type Axis = { type?: string; name?: string; logBase?: number; minInterval?: number };
type Series = { name: string; stack?: string; yAxisIndex?: number; data: unknown[] };
type Opt = { yAxis: Axis[]; series: Series[]; xAxis: { data: string[] }; tooltip: { formatter?: (p: unknown) => string } };

it('top= reads 10, 20 or 50, else 20', () => {
  expect([topNFromParam('10'), topNFromParam('50'), topNFromParam('7'), topNFromParam(null), topNFromParam('x')]).toEqual([10, 50, 20, 20, 20]);
});

describe.skipIf(!existsSync(join(BUILD, 'facts')))('charts over data/build', () => {
  let db: NodeDatabase;
  let byNew: Row[];
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
    byNew = await db.exec(queryToSql(sortQuery(APPLICATIONS_VIEW.query(EMPTY_FILTER), { key: 'new_received', dir: 'desc' }, APPLICATIONS_VIEW.columns)));
  });
  afterAll(() => db?.close());

  it('top N draws the first N rows of the sorted query and counts the rest', () => {
    const top = chartTopRows('applications', byNew, byNew.length, 2);
    expect(top.rows.map(categoryLabel)).toEqual(['测试市人民政府\n2025', '宿迁市人民政府\n2025']);
    expect(top.more).toBe(byNew.length - 2);
    expect(moreNote(top)).toBe(`另有 ${byNew.length - 2} 项未显示`);
    const all = chartTopRows('applications', byNew, byNew.length, 50);
    expect(all.rows).toHaveLength(byNew.length);
    expect(moreNote(all)).toBeNull();
    const d = displayedChart('applications', byNew, byNew.length, { top: 10, log: false });
    expect((d.option as unknown as Opt).xAxis.data).toHaveLength(Math.min(10, byNew.length));
    expect(d.logNote).toBeNull();
  });

  it('合规 keeps whole agency-years and counts the flags left out', async () => {
    const flags = await db.exec(COMPLIANCE_VIEW.sql(EMPTY_FILTER));
    const top = chartTopRows('compliance', flags, flags.length, 2);
    const cats = new Set(top.rows.map(categoryLabel));
    expect(cats.size).toBe(2);
    expect(top.rows).toEqual(flags.filter((r) => cats.has(categoryLabel(r))));
    expect(top.more).toBe(flags.length - top.rows.length);
    expect(moreNote(top)).toBe(`另有 ${top.more} 条检查结果未显示`);
  });

  it('log scale: 件 axis logarithmic, % axis linear, zeros not drawn but told, NULLs stay NULL, stacks side by side', () => {
    const hongze = byNew.find((r) => r.agency === '淮安市洪泽区人民政府' && r.year === 2024);
    expect(hongze).toMatchObject({ carried_over: 0, denied: 3, granted: 50 });
    const rows = byNew.slice(0, 8);
    const plain = applicationsChart(rows) as unknown as Opt;
    const log = withLogScale(applicationsChart(rows)) as unknown as Opt;
    const countAxis = plain.yAxis.findIndex((a) => a.name === '件');
    const rateAxis = plain.yAxis.findIndex((a) => a.name === '%');
    expect(log.yAxis[countAxis]).toMatchObject({ type: 'log', logBase: 10 });
    expect(log.yAxis[countAxis].minInterval).toBeUndefined();
    expect(log.yAxis[rateAxis]).toEqual(plain.yAxis[rateAxis]);
    const i = rows.indexOf(hongze!);
    expect(i).toBeGreaterThanOrEqual(0);
    for (const s of log.series) {
      const before = plain.series.find((x) => x.name === s.name)!;
      if ((s.yAxisIndex ?? 0) !== countAxis) {
        expect(s).toEqual(before);
        continue;
      }
      expect(s.stack).toBeUndefined();
      s.data.forEach((v, j) => expect(v, `${s.name} ${j}`).toBe(before.data[j] === 0 ? null : before.data[j]));
    }
    // 洪泽区 2024 不予公开 3 stays 3; every 0 of its row becomes null; the tooltip still says 0.
    const denied = log.series.find((s) => s.name === '不予公开');
    expect(denied?.data[i]).toBe(3);
    const zeroSeries = log.series.findIndex((s, k) => plain.series[k].data[i] === 0);
    expect(zeroSeries).toBeGreaterThanOrEqual(0);
    const text = log.tooltip.formatter!([{ seriesIndex: zeroSeries, dataIndex: i, seriesName: log.series[zeroSeries].name, marker: '', axisValueLabel: categoryLabel(hongze!) }]);
    expect(text).toContain('0 件（对数坐标下不画）');
    const known = log.tooltip.formatter!([{ seriesIndex: log.series.indexOf(denied!), dataIndex: i, seriesName: '不予公开', marker: '' }]);
    expect(known).toContain('不予公开：3 件');
  });

  it('log does nothing to 指标 (its axis is %)', async () => {
    const rows = await db.exec(INDICATORS_VIEW.sql(EMPTY_FILTER));
    const d = displayedChart('indicators', rows, rows.length, { top: 20, log: true });
    // The same option as the plain chart (compared as JSON: the label formatter is a new function each time).
    expect(JSON.stringify(d.option)).toBe(JSON.stringify(chartForView('indicators', rows.slice(0, 20))));
    expect(JSON.stringify(d.option)).not.toContain('"log"');
    expect(d.logNote).toBeNull();
  });
});

describe('the first query fetches what the chart can draw', () => {
  it('FIRST_ROWS (the rows of a view’s first query, lib/query/views.ts) covers the largest top N and the first table page', async () => {
    const { FIRST_ROWS, PAGE_ROWS } = await import('../query/views');
    const { TOP_N_CHOICES } = await import('./chart-display');
    expect(Math.max(...TOP_N_CHOICES)).toBeLessThanOrEqual(FIRST_ROWS);
    expect(PAGE_ROWS).toBeLessThanOrEqual(FIRST_ROWS);
  });
});
