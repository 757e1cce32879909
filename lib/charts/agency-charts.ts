/**
 * Pure functions from one agency's years (lib/query/agency-years.ts AgencyYears) to ECharts
 * options for the agency page (/agency/AGENCY_KEY): one category per year on the axis, from the
 * agency's first report to the latest year of the data. A year without a report, or a number the
 * report did not give, is null — a gap in a line (`connectNulls: false`), no bar — never 0.
 * Counts are in 件, rates are shown as percentages (value × 100), outcome shares as % of the year's
 * applications handled.
 *
 * Made to be read on a 390 px phone as well as on a desktop: the legend scrolls instead of
 * wrapping over the plot, the grid contains its labels, and the years are short labels.
 *
 * Every function takes the UI's translator last (`t`, lib/present/i18n/translate.ts; Chinese by
 * default): titles, series names (the form's labels), tooltips and sentences are said in it.
 *
 * No DOM, no echarts runtime import: the app passes the option to echarts/core's setOption.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { agencyMetric, metricSeries, OUTCOME_SEGMENTS, RATE_METRICS, T2_METRICS, type AgencyMetric, type AgencyYears } from '../query/agency-years';
import { PALETTE } from './index';
import { zhT, type Translate } from '../present/i18n/translate';

/** One line of a chart over the years: its name and a value per year (null = gap). */
export interface YearSeries {
  name: string;
  data: Array<number | null>;
}

/** `12 件` (a count in the UI's language), `—（没有报告或报告未给出）` for none. */
const fmtCount = (t: Translate) => (v: unknown) =>
  typeof v === 'number' ? t('{{n}} 件', { n: v, count: Math.abs(v) }) : t('—（没有报告或报告未给出）');
/** `12.5%`, `—（没有报告或无法计算）` for none. */
const fmtPercent = (t: Translate) => (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : t('—（没有报告或无法计算）'));

/** The parts every chart of the page shares: title, a scrolling legend, the year axis, the tooltip. */
function frame(title: string, years: readonly number[], names: readonly string[], tooltip: Record<string, unknown>): Record<string, unknown> {
  return {
    animation: false,
    color: PALETTE,
    title: { text: title, left: 8, top: 4, textStyle: { fontSize: 14, fontWeight: 'bold' } },
    tooltip: { trigger: 'axis', confine: true, ...tooltip },
    legend: { type: 'scroll', top: 28, left: 8, right: 8, data: [...names] },
    grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String), axisLabel: { interval: 0 }, boundaryGap: true },
  };
}

/** An option with only a title and a grey sentence in the middle (nothing to draw). */
export function emptyYearChart(title: string, sentence: string): EChartsCoreOption {
  return {
    title: [
      { text: title, left: 8, top: 4, textStyle: { fontSize: 14, fontWeight: 'bold' } },
      { text: sentence, left: 'center', top: 'middle', textStyle: { color: '#666', fontSize: 13 } },
    ],
    xAxis: { show: false },
    yAxis: { show: false },
    series: [],
  };
}

/** Whether a series has at least one number. */
const hasData = (series: readonly YearSeries[]) => series.some((s) => s.data.some((v) => v !== null));

/** The sentence an all-zero line chart shows in its middle (its points lie on the axis, easily missed). */
export const ALL_ZERO_SENTENCE = '这些年度报告给出的数都是 0';

/**
 * Lines over the years: `unit` `件` (counts, whole-number axis) or `%` (values already × 100, axis
 * 0–100 when all values are within it); the unit is said in the title, not on the axis (an axis name
 * would sit under the legend on a phone). Points are drawn so that a single year stands out; nulls
 * break the line. With no number at all, a chart that says so; when every number is 0, the chart
 * draws them and says {@link ALL_ZERO_SENTENCE} (issue 9: an all-zero chart says so).
 */
export function yearLineChart(title: string, years: readonly number[], series: readonly YearSeries[], unit: '件' | '%', t: Translate = zhT): EChartsCoreOption {
  if (!hasData(series)) return emptyYearChart(title, t('这些年度的报告都没有给出这些数'));
  const values = series.flatMap((s) => s.data).filter((v): v is number => v !== null);
  const percentAxis = unit === '%' && values.every((v) => v >= 0 && v <= 100);
  const framed = frame(title, years, series.map((s) => s.name), { valueFormatter: unit === '%' ? fmtPercent(t) : fmtCount(t) });
  const allZero = values.every((v) => v === 0);
  return {
    ...framed,
    ...(allZero ? { title: [framed.title, { text: t(ALL_ZERO_SENTENCE), left: 'center', top: '45%', textStyle: { color: '#666', fontSize: 13, fontWeight: 'normal' } }] } : {}),
    yAxis: { type: 'value', minInterval: unit === '件' ? 1 : undefined, ...(percentAxis ? { min: 0, max: 100 } : {}) },
    series: series.map((s) => ({ name: s.name, type: 'line', data: [...s.data], connectNulls: false, showSymbol: true, symbolSize: 8 })),
  };
}

/** The values of the metrics along the year axis, rates × 100; each named by its label in the UI's language. */
function seriesOf(ay: AgencyYears, metrics: readonly AgencyMetric[], t: Translate): YearSeries[] {
  return metrics.map((m) => ({
    name: t(m.label),
    data: metricSeries(ay, m.key).map((v) => (v === null ? null : m.format === 'rate' ? v * 100 : v)),
  }));
}

/** 本年新收政府信息公开申请数量 (表三, 件) over the years. */
export function newApplicationsChart(ay: AgencyYears, t: Translate = zhT): EChartsCoreOption {
  return yearLineChart(t('本年新收申请（件）'), ay.years, seriesOf(ay, [agencyMetric('new_received')], t), '件', t);
}

/** 实质公开率, 复议纠错率, 诉讼纠错率 (%) over the years (lib/query/indicators.ts formulas). */
export function ratesChart(ay: AgencyYears, t: Translate = zhT): EChartsCoreOption {
  return yearLineChart(t('实质公开率与纠错率（%）'), ay.years, seriesOf(ay, RATE_METRICS, t), '%', t);
}

/** 表二 规章 and 行政规范性文件: 本年制发, 本年废止, 现行有效 (件) over the years. */
export function t2DocumentsChart(ay: AgencyYears, t: Translate = zhT): EChartsCoreOption {
  const ms = T2_METRICS.filter((m) => m.key.startsWith('t2_regulations_') || m.key.startsWith('t2_normative_documents_'));
  return yearLineChart(t('表二：规章与行政规范性文件（件）'), ay.years, seriesOf(ay, ms, t), '件', t);
}

/** 表二 行政许可, 行政处罚, 行政强制: 本年处理决定数量 (件) over the years. */
export function t2DecisionsChart(ay: AgencyYears, t: Translate = zhT): EChartsCoreOption {
  const ms = T2_METRICS.filter((m) => m.key.endsWith('_decisions'));
  return yearLineChart(t('表二：许可、处罚、强制决定（件）'), ay.years, seriesOf(ay, ms, t), '件', t);
}

/** The outcome shares of one year: per segment the count (件) and share (% of the year's total); null when unknown. */
export interface OutcomeShares {
  counts: Array<number | null>;
  /** Share of each segment in % (0–100), or all null when a segment is missing or the total is 0. */
  shares: Array<number | null>;
  /** Sum of the segments (件): every application handled that year; null when a segment is missing. */
  total: number | null;
}

/**
 * The shares of {@link OUTCOME_SEGMENTS} in one report (a row of agencyYearsSql, or null for no
 * report): each segment ÷ their sum × 100. When a segment is missing the year's bar is not drawn
 * (a part unknown makes every share unknown); when the sum is 0 (no application) neither.
 */
export function outcomeShares(row: Record<string, unknown> | null): OutcomeShares {
  const counts = OUTCOME_SEGMENTS.map((m) => (row && typeof row[m.key] === 'number' ? (row[m.key] as number) : null));
  const total = counts.every((c) => c !== null) ? (counts as number[]).reduce((a, b) => a + b, 0) : null;
  const shares = counts.map((c) => (total !== null && total > 0 && c !== null ? (c / total) * 100 : null));
  return { counts, shares, total };
}

/** One item of ECharts' axis tooltip, as much of it as {@link outcomeTooltip} reads. */
interface TooltipItem {
  axisValueLabel?: string;
  seriesName?: string;
  marker?: string;
  data?: { value: number; count: number | null } | null;
}

/**
 * The outcome chart's tooltip: the year, then per segment `予以公开：12.5%（3 件）`, or `—` when the
 * year has no bar. Plain text lines joined by `<br/>` (ECharts' HTML tooltip); names come from the form.
 */
export function outcomeTooltip(params: TooltipItem | TooltipItem[], t: Translate = zhT): string {
  const items = Array.isArray(params) ? params : [params];
  const head = (items[0]?.axisValueLabel ?? '').replace(/\n/g, ' · ');
  const lines = items.map((p) => {
    const d = p.data;
    const text = d && typeof d.value === 'number' ? t('{{pct}}%（{{n}} 件）', { pct: d.value.toFixed(1), n: d.count ?? '—', count: Math.abs(d.count ?? 0) }) : '—';
    return t('{{marker}}{{name}}：{{text}}', { marker: p.marker ?? '', name: p.seriesName ?? '', text });
  });
  return [head, ...lines].join('<br/>');
}

/**
 * 办理结果构成 as 100 % stacked bars, one per year: 予以公开, 部分公开, 不予公开, 无法提供, 不予处理,
 * 其他处理 and 结转下年度继续办理（尚未办结）, each as a share of that year's applications handled
 * (本年新收 + 上年结转). The tooltip gives each share with its count in 件. A year without a report,
 * with a segment missing, or with no application has no bar; the x-axis label says why.
 */
export function outcomeShareChart(ay: AgencyYears, t: Translate = zhT): EChartsCoreOption {
  const title = t('办理结果构成（占当年办理申请的 %）');
  const perYear = ay.shown.map((r) => outcomeShares(r));
  if (perYear.every((y) => y.total === null || y.total === 0)) {
    return emptyYearChart(title, t(perYear.some((y) => y.total === 0) ? '这些年度没有收到申请（办理数为 0）' : '这些年度的报告没有给出完整的办理结果'));
  }
  const names = OUTCOME_SEGMENTS.map((m) => t(m.label));
  const why = (y: OutcomeShares, i: number) =>
    ay.shown[i] === null ? t('无报告') : y.total === null ? t('有数缺失') : y.total === 0 ? t('无申请') : t('{{n}} 件', { n: y.total, count: y.total });
  return {
    ...frame(title, ay.years, names, { axisPointer: { type: 'shadow' }, formatter: (p: TooltipItem | TooltipItem[]) => outcomeTooltip(p, t) }),
    xAxis: { type: 'category', data: ay.years.map((y, i) => `${y}\n${why(perYear[i], i)}`), axisLabel: { interval: 0, lineHeight: 14 } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: OUTCOME_SEGMENTS.map((m, k) => ({
      name: names[k],
      type: 'bar',
      stack: 'outcomes',
      barMaxWidth: 48,
      data: perYear.map((y) => (y.shares[k] === null ? null : { value: Number(y.shares[k]!.toFixed(2)), count: y.counts[k] })),
    })),
  };
}
