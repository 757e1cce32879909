/**
 * How a view's chart is drawn beyond its data (issue 9, "Charts show the top N … One outlier must
 * not flatten the rest"): the top N rows of the view's sorted query and a logarithmic value axis.
 *
 * - Top N: the chart draws the first N rows (N = 10, 20 or 50; default 20) of the view's query in
 *   its current order — the user's column sort (lib/query/views.ts sortQuery) or the view's own —
 *   which is the first page the dashboard already fetched, so the top N is over the whole filtered
 *   set, not over a page. What is left out is counted ({@link chartTopRows}: 「另有 N 项未显示」).
 * - Log scale: the 件 / 万元 / 条 axes become base-10 log axes; the % axes stay linear 0–100. Zero has
 *   no logarithm, so a 0 is drawn as no bar (its tooltip still says 0, marked 对数坐标下不画) and a
 *   NULL (not given) as no bar as before; stacked bars are drawn side by side, because a stack on a
 *   log axis would misstate every segment but the first.
 *
 * Pure: no DOM, no echarts runtime.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { ViewId } from '../query/views';
import { categoryLabel, chartForView, type ChartRow } from './index';
import { zhT, type Translate } from '../present/i18n/translate';

/** The choices of how many rows a chart draws. */
export const TOP_N_CHOICES: readonly number[] = [10, 20, 50];

/** Rows a chart draws unless the user chose otherwise. */
export const DEFAULT_TOP_N = 20;

/** The chart's display choices, kept in the URL as `top=` and `log=1`. */
export interface ChartDisplay {
  /** How many rows (or, for 合规, agency-years) the chart draws: one of {@link TOP_N_CHOICES}. */
  top: number;
  /** Whether the 件/万元/条 axes are logarithmic. */
  log: boolean;
}

/** The default display: top 20, linear axes. */
export const DEFAULT_CHART_DISPLAY: ChartDisplay = { top: DEFAULT_TOP_N, log: false };

/** `top=` of the URL → one of {@link TOP_N_CHOICES}; anything else (absent, 7, abc) → {@link DEFAULT_TOP_N}. */
export function topNFromParam(s: string | null | undefined): number {
  const n = Number(s);
  return TOP_N_CHOICES.includes(n) ? n : DEFAULT_TOP_N;
}

/** The rows a chart draws and what it leaves out. */
export interface TopRows {
  rows: ChartRow[];
  /** Rows of the view (合规: flags, 条) not drawn: the view's total minus those drawn; ≥ 0. */
  more: number;
  /** What `more` counts: `项` (rows: reports) or `条检查结果` (合规's flags). */
  unit: '项' | '条检查结果';
}

/**
 * The first `n` rows of `rows` (the first page of the view's query, in its order) for the chart,
 * and how many of the view's `total` rows are not drawn. For 合规, whose chart has one category
 * per agency-year, the rows of the first `n` agency-years (in row order) are kept. `n` is floored
 * and at least 1.
 */
export function chartTopRows(view: ViewId, rows: readonly ChartRow[], total: number, n: number): TopRows {
  const top = Math.max(1, Math.floor(n));
  if (view !== 'compliance') {
    const kept = rows.slice(0, top);
    return { rows: kept, more: Math.max(0, total - kept.length), unit: '项' };
  }
  const cats = new Set<string>();
  const kept: ChartRow[] = [];
  for (const r of rows) {
    const c = categoryLabel(r);
    if (!cats.has(c)) {
      if (cats.size >= top) continue;
      cats.add(c);
    }
    kept.push(r);
  }
  return { rows: kept, more: Math.max(0, total - kept.length), unit: '条检查结果' };
}

/** 「另有 N 项未显示」 for a {@link TopRows} with rows left out (in the language of `t`), else null. */
export function moreNote(top: TopRows, t: Translate = zhT): string | null {
  if (!(top.more > 0)) return null;
  return top.unit === '项' ? t('另有 {{count}} 项未显示', { count: top.more }) : t('另有 {{count}} 条检查结果未显示', { count: top.more });
}

/** Whether the log toggle changes a view's chart: not for 指标, whose axis is % only. */
export function logScaleApplies(view: ViewId): boolean {
  return view !== 'indicators';
}

/** What the chart says about its log axis, one sentence (shown under it while `log` is on). */
export const LOG_SCALE_NOTE =
  '对数坐标：每格为上一格的 10 倍，数值相差悬殊时也能看清小的机关；0 没有对数，不画柱（鼠标悬停仍显示 0），缺失值（—）也不画；堆叠的柱改为并列；百分比坐标不变。';

/** Units of the value axes that become logarithmic (their names, in Chinese before translation); `%` axes stay linear. */
const LOG_UNITS: readonly string[] = ['件', '万元', '条'];

type Axis = Record<string, unknown> & { name?: string };
type DataItem = number | null | { value?: unknown } | undefined;
type Series = Record<string, unknown> & {
  name?: string;
  yAxisIndex?: number;
  stack?: string;
  data?: DataItem[];
  tooltip?: { valueFormatter?: (v: unknown) => string };
};
/** What ECharts passes a tooltip formatter for each series at the pointed category. */
interface TooltipParam {
  seriesIndex?: number;
  dataIndex?: number;
  seriesName?: string;
  marker?: string;
  axisValueLabel?: string;
  name?: string;
}

const itemValue = (d: DataItem): unknown => (d !== null && typeof d === 'object' ? d.value : d);

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** A series' data for a log axis: 0 (and negatives, which the form never has) → null. */
function logData(data: readonly DataItem[]): DataItem[] {
  return data.map((d) => {
    const v = itemValue(d);
    if (typeof v !== 'number' || v > 0) return d;
    return d !== null && typeof d === 'object' ? { ...d, value: null } : null;
  });
}

/**
 * The tooltip of a log chart: each series' value as the chart had it before (read from `original`),
 * through the series' own formatter; a 0 on a log axis reads `0 件（对数坐标下不画）`.
 */
function logTooltip(series: readonly Series[], original: readonly DataItem[][], onLog: readonly boolean[], units: readonly string[], t: Translate) {
  return (params: TooltipParam | TooltipParam[]): string => {
    const ps = Array.isArray(params) ? params : [params];
    const head = escapeHtml(String(ps[0]?.axisValueLabel ?? ps[0]?.name ?? '')).replace(/\n/g, ' ');
    const lines = ps.map((p) => {
      const i = p.seriesIndex ?? 0;
      const v = itemValue(original[i]?.[p.dataIndex ?? 0]);
      const fmt = series[i]?.tooltip?.valueFormatter;
      const text = onLog[i] && v === 0 ? t('0 {{unit}}（对数坐标下不画）', { unit: units[i] }) : fmt ? fmt(v) : typeof v === 'number' ? String(v) : '—';
      return `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}：${escapeHtml(text)}`;
    });
    return [head, ...lines].join('<br/>');
  };
}

/**
 * The option with its 件/万元/条 value axes logarithmic (base 10) — see the module comment for
 * zeros, NULLs and stacks. An option without such an axis (指标, the empty chart) is returned as is.
 * `t` is the language the option was made in (its axis names are the units through `t`).
 */
export function withLogScale(option: EChartsCoreOption, t: Translate = zhT): EChartsCoreOption {
  const o = option as Record<string, unknown>;
  const axes: Axis[] = Array.isArray(o.yAxis) ? (o.yAxis as Axis[]) : o.yAxis ? [o.yAxis as Axis] : [];
  const logUnits = new Set(LOG_UNITS.map((u) => t(u)));
  const isLog = axes.map((a) => a.show !== false && logUnits.has(String(a.name ?? '')));
  if (!isLog.some(Boolean)) return option;
  const newAxes = axes.map((a, i) => {
    if (!isLog[i]) return a;
    const rest = { ...a };
    delete rest.minInterval;
    return { ...rest, type: 'log', logBase: 10 };
  });
  const series = (Array.isArray(o.series) ? o.series : []) as Series[];
  const onLog = series.map((s) => isLog[s.yAxisIndex ?? 0] === true);
  const units = series.map((s) => String(axes[s.yAxisIndex ?? 0]?.name ?? ''));
  const original = series.map((s) => s.data ?? []);
  const newSeries = series.map((s, i) => {
    if (!onLog[i]) return s;
    const rest = { ...s };
    delete rest.stack;
    return { ...rest, data: logData(s.data ?? []) };
  });
  return {
    ...o,
    yAxis: Array.isArray(o.yAxis) ? newAxes : newAxes[0],
    series: newSeries,
    tooltip: { ...((o.tooltip as object) ?? {}), trigger: 'axis', formatter: logTooltip(series, original, onLog, units, t) },
  };
}

/**
 * A view's chart as displayed: the option for its top rows ({@link chartTopRows}), logarithmic when
 * `display.log` and the view has a count axis, with the top rows (for click-through) and the notes
 * to print under it (「另有 N 项未显示」; the log note), all in the language of `t`.
 */
export function displayedChart(
  view: ViewId,
  rows: readonly ChartRow[],
  total: number,
  display: ChartDisplay,
  t: Translate = zhT,
): { option: EChartsCoreOption; top: TopRows; more: string | null; logNote: string | null } {
  const top = chartTopRows(view, rows, total, display.top);
  const plain = chartForView(view, top.rows, t);
  const log = display.log && logScaleApplies(view);
  return { option: log ? withLogScale(plain, t) : plain, top, more: moreNote(top, t), logNote: log ? t(LOG_SCALE_NOTE) : null };
}
