/**
 * The trend chart of the dashboard (issue 9): the selection's totals per report year — the rows of
 * lib/query/group-totals.ts trendView (group 全部: one row per year with a report) — as lines over
 * every year from the first to the last. A year without any report is a gap in the lines (no
 * point, and the tooltip says 无报告), never 0. Counts (件) on the left axis, the view's rates (%)
 * as dashed lines on the right axis; a total that leaves out reports which did not give the value
 * says so in the tooltip (缺 N 份). The legend is a scrolling row above the plot, under the title
 * (issue 10: on a phone a legend under the chart ran over the axis). Texts in the language of the
 * `t` passed last (Chinese by default). Pure: no DOM, no echarts runtime.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { ViewColumn, ViewDef, ViewId } from '../query/views';
import { PALETTE, type ChartRow } from './index';
import { zhT, type Translate } from '../present/i18n/translate';
import { labelText, viewTitleText } from '../present/view-labels';

/** Top (px) of the trend's legend: under the title, and under the gap note when there is one. */
export const TREND_LEGEND_TOP = { plain: 30, withNote: 50 } as const;

/** Room (px) between the legend's top and the plot's: the legend row (24) and the axes' names (件, %). */
const LEGEND_TO_PLOT_PX = 54;

/** The columns each view's trend draws: its main counts (件) and its rates. */
export const TREND_SERIES: Readonly<Record<ViewId, { counts: readonly string[]; rates: readonly string[] } | undefined>> = {
  proactive: { counts: ['licensing_decisions', 'penalty_decisions', 'coercion_decisions'], rates: [] },
  applications: { counts: ['new_received', 'total_processed'], rates: ['disclosure_rate'] },
  review_litigation: { counts: ['review_total', 'litigation_total'], rates: ['review_correction_rate', 'litigation_correction_rate'] },
  indicators: { counts: [], rates: ['disclosure_rate', 'review_correction_rate', 'litigation_correction_rate', 'dispute_rate'] },
  compliance: undefined,
};

/** The distinct report years of the rows, ascending (rows without a year are left out). */
export function trendYears(rows: readonly ChartRow[]): number[] {
  return [...new Set(rows.map((r) => r.year).filter((y): y is number => typeof y === 'number'))].sort((a, b) => a - b);
}

/** Whether the rows span several report years (then the dashboard shows the trend chart). */
export function spansSeveralYears(rows: readonly ChartRow[]): boolean {
  return trendYears(rows).length >= 2;
}

/** One point: the value (rates × 100) and how many of the year's reports it leaves out; null for a gap. */
interface Point {
  value: number | null;
  missing: number;
  reports: number;
}

/** The points of one column over every year from the first to the last (a year without a row: value null, 0 reports). */
function points(rows: readonly ChartRow[], column: ViewColumn, years: readonly number[], scale: number): Point[] {
  const byYear = new Map(rows.filter((r) => typeof r.year === 'number').map((r) => [r.year as number, r]));
  return years.map((y) => {
    const r = byYear.get(y);
    const v = r?.[column.key];
    const m = column.missing ? r?.[column.missing] : 0;
    return { value: typeof v === 'number' ? v * scale : null, missing: typeof m === 'number' ? m : 0, reports: typeof r?.report_count === 'number' ? r.report_count : 0 };
  });
}

/** Tooltip of the axis: the year, its number of reports (or 无报告), and each series' value with its 缺 N 份 note; in the language of `t`. */
function tooltipFormatter(t: Translate) {
  return (params: unknown): string => {
    const list = (Array.isArray(params) ? params : [params]) as Array<{ axisValue?: string; marker?: string; seriesName?: string; data?: Point & { unit: string } }>;
    const first = list[0];
    const reports = first?.data?.reports ?? 0;
    const year = first?.axisValue ?? '';
    const head = reports > 0 ? t('{{year}} 年：{{count}} 份报告', { year, count: reports }) : t('{{year}} 年：无报告（不是 0）', { year });
    const lines = list.map((p) => {
      const d = p.data;
      if (!d || d.value === null) return `${p.marker ?? ''}${p.seriesName ?? ''}${t('：')}—`;
      const v = d.unit === '%' ? `${d.value.toFixed(1)}%` : `${Math.round(d.value * 100) / 100} ${t(d.unit)}`;
      const note = d.missing > 0 ? t('（缺{{count}}份，只计给出的报告）', { count: d.missing }) : '';
      return `${p.marker ?? ''}${p.seriesName ?? ''}${t('：')}${v}${note}`;
    });
    return [head, ...lines].join('<br/>');
  };
}

/**
 * The trend chart of a view from its per-year totals (`trend`: trendView(view) of
 * lib/query/group-totals.ts, whose columns carry the `missing` companions; `rows`: its rows).
 * Categories are every year from the first to the last row; series are {@link TREND_SERIES} of
 * the view (counts as solid lines with points, rates as dashed lines on a 0–100 % axis).
 * Returns null when the rows do not span at least two years or the view has no trend (合规).
 * Texts in the language of `t` (Chinese by default).
 */
export function trendChart(trend: ViewDef, rows: readonly ChartRow[], t: Translate = zhT): EChartsCoreOption | null {
  const spec = TREND_SERIES[trend.id];
  const have = trendYears(rows);
  if (!spec || have.length < 2) return null;
  const years: number[] = [];
  for (let y = have[0]; y <= have[have.length - 1]; y++) years.push(y);
  const col = (k: string) => trend.columns.find((c) => c.key === k);
  const counts = spec.counts.map(col).filter((c): c is ViewColumn => !!c);
  const rates = spec.rates.map(col).filter((c): c is ViewColumn => !!c);
  const gaps = years.filter((y) => !have.includes(y));
  const series = [
    ...counts.map((c, i) => ({ c, i, unit: '件', axis: 0, scale: 1 })),
    ...rates.map((c, i) => ({ c, i: counts.length + i, unit: '%', axis: counts.length ? 1 : 0, scale: 100 })),
  ].map(({ c, i, unit, axis, scale }) => ({
    name: labelText(c.label, t),
    type: 'line',
    yAxisIndex: axis,
    connectNulls: false,
    showSymbol: true,
    symbolSize: 8,
    itemStyle: { color: PALETTE[i % PALETTE.length] },
    lineStyle: unit === '%' ? { type: 'dashed' } : undefined,
    data: points(rows, c, years, scale).map((p) => ({ ...p, unit })),
  }));
  const percentAxis = { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: counts.length === 0 } };
  const legendTop = gaps.length ? TREND_LEGEND_TOP.withNote : TREND_LEGEND_TOP.plain;
  return {
    animation: false,
    color: PALETTE,
    title: {
      text: t('{{title}}：所选报告每年合计', { title: viewTitleText(trend.title.replace(/（按.*汇总）$/, ''), t) }),
      subtext: gaps.length ? t('{{years}} 年无报告，线在此断开（不是 0）', { years: gaps.join(t('、')) }) : '',
      left: 8,
      top: 4,
      textStyle: { fontSize: 14, fontWeight: 'bold' },
      subtextStyle: { fontSize: 12, color: '#555' },
    },
    tooltip: { trigger: 'axis', confine: true, formatter: tooltipFormatter(t) },
    legend: { type: 'scroll', top: legendTop, left: 8, right: 8 },
    grid: { left: 48, right: rates.length && counts.length ? 48 : 16, top: legendTop + LEGEND_TO_PLOT_PX, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: counts.length ? [{ type: 'value', name: t('件'), minInterval: 1 }, ...(rates.length ? [percentAxis] : [])] : [percentAxis],
    series,
  };
}
