/**
 * A chart option laid out for the width it is drawn at. The options of ./index.ts reserve room for
 * a legend wrapped at about 1000 px (legendRows); on a phone (a chart under {@link NARROW_CHART_PX}
 * px wide) that legend wraps onto many more rows and covers the plot. There the legend becomes one
 * scrolling row (ECharts `type: 'scroll'`) and the plot starts below it; on a tablet the plot moves
 * down by the rows the wrapped legend gains. At any width the category
 * axis's labels get at most the room of one category (a label wrapped for a 900 px chart ran into
 * its neighbours at 700 px); when that is under {@link MIN_LABEL_PX} the labels are slanted and
 * shortened with an ellipsis (the axis tooltip still names the whole category). Pure: returns a new
 * option, the input is not changed; an option that needs no change is returned as is.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { legendRows } from './index';
import { zhT, type Translate } from '../present/i18n/translate';

/** Widths (px) under which a chart is laid out for a phone. */
export const NARROW_CHART_PX = 640;

/** Top (px) of a phone's legend when the option puts it elsewhere (e.g. under the plot): right below the title. */
const NARROW_LEGEND_TOP = 30;

/** Room (px) from the top of a one-row scrolling legend to the plot: the row and the axes' names (件, %). */
const LEGEND_TO_PLOT_PX = 54;

/** Top of the plot (px) under a one-row scrolling legend that starts at 30 px (below the title), with room for the axes' names (件, %). */
const NARROW_GRID_TOP = NARROW_LEGEND_TOP + LEGEND_TO_PLOT_PX;

/** Side margins (px) of the plot on a phone: the axis labels are kept inside the chart by ECharts. */
const NARROW_GRID_SIDE = 8;

/**
 * A count on a phone's value axis: 1200万 rather than 12,000,000 (an axis in 万元 keeps its numbers);
 * in English (`t`) in thousands and millions (12M, 25k).
 */
export function compactAxisNumber(v: number, t: Translate = zhT): string {
  const a = Math.abs(v);
  if (a >= 1e8) return t('{{yi}}亿', { yi: +(v / 1e8).toFixed(2), m: +(v / 1e6).toFixed(0) });
  if (a >= 1e4) return t('{{wan}}万', { wan: +(v / 1e4).toFixed(2), k: +(v / 1e3).toFixed(1) });
  return String(v);
}

/** Value axes with compact numbers (a single axis or a list; in the language of `t`), or the input when there is none to change. */
function compactValueAxes(yAxis: unknown, t: Translate): unknown {
  const one = (ax: unknown): unknown => {
    if (!ax || typeof ax !== 'object') return ax;
    const a = ax as Record<string, unknown>;
    const label = (a.axisLabel as Record<string, unknown> | undefined) ?? {};
    const name = String(a.name ?? '');
    if ((a.type !== 'value' && a.type !== 'log') || label.formatter || name.includes('万元') || name === t('万元')) return ax;
    return { ...a, axisLabel: { ...label, formatter: (v: number) => compactAxisNumber(v, t) } };
  };
  return Array.isArray(yAxis) ? yAxis.map(one) : one(yAxis);
}

/** Room (px) beside the categories: the value axes, their names and the grid's margins. */
const AXIS_CHROME_PX = 140;

/** Under this many px per category the labels are slanted and shortened rather than wrapped. */
export const MIN_LABEL_PX = 72;

/** Width (px) of a slanted, shortened label: on a phone, a tablet (under {@link WIDE_CHART_PX}), and wider. */
const SLANTED_LABEL_PX = { narrow: 96, medium: 112, wide: 160 };

/** The width (px) the options of ./index.ts are made for (their legend rows, their label widths). */
export const WIDE_CHART_PX = 1000;

/** Height (px) of one legend row in ./index.ts (legendRows × 24 above the plot). */
const LEGEND_ROW_PX = 24;

/**
 * A category x axis whose labels fit `widthPx`, or null when it needs no change (not a category
 * axis, labels already narrow enough, or no fixed label width to fit).
 */
function fitCategoryAxis(xAxis: unknown, widthPx: number): Record<string, unknown> | null {
  if (!xAxis || Array.isArray(xAxis) || typeof xAxis !== 'object') return null;
  const ax = xAxis as Record<string, unknown>;
  const label = ax.axisLabel as Record<string, unknown> | undefined;
  if (ax.type !== 'category' || !Array.isArray(ax.data) || !label || typeof label.width !== 'number') return null;
  const slantedWidth = widthPx < NARROW_CHART_PX ? SLANTED_LABEL_PX.narrow : widthPx < WIDE_CHART_PX ? SLANTED_LABEL_PX.medium : SLANTED_LABEL_PX.wide;
  if (typeof label.rotate === 'number') return label.width > slantedWidth ? { ...ax, axisLabel: { ...label, width: slantedWidth } } : null;
  const per = Math.floor((widthPx - AXIS_CHROME_PX) / Math.max(1, ax.data.length)) - 8;
  if (per >= label.width) return null;
  if (per >= MIN_LABEL_PX) return { ...ax, axisLabel: { ...label, width: per } };
  const oneLine = (v: unknown) => String(v).replace(/\n/g, ' ');
  return { ...ax, axisLabel: { interval: 0, rotate: 45, width: slantedWidth, overflow: 'truncate', ellipsis: '…', hideOverlap: true, formatter: oneLine } };
}

/**
 * `option` laid out for a phone: the legend as one scrolling row above the plot (a legend placed
 * under the plot moves up under the title: at the bottom it ran over the axis labels), narrow side
 * margins, compact numbers on the value axes (in the language of `t`); null when it has no legend and grid.
 */
function scrollingLegend(o: Record<string, unknown>, t: Translate): Record<string, unknown> | null {
  const legend = o.legend;
  const grid = o.grid;
  if (!legend || Array.isArray(legend) || typeof legend !== 'object' || !grid || Array.isArray(grid) || typeof grid !== 'object') return null;
  const g = grid as Record<string, unknown>;
  const l = { ...(legend as Record<string, unknown>) };
  const legendTop = typeof l.top === 'number' ? l.top : NARROW_LEGEND_TOP;
  delete l.bottom;
  const below = legendTop + LEGEND_TO_PLOT_PX;
  const top = typeof g.top === 'number' ? Math.min(Math.max(g.top, below), Math.max(NARROW_GRID_TOP, below)) : Math.max(NARROW_GRID_TOP, below);
  return {
    ...o,
    legend: { ...l, type: 'scroll', top: legendTop },
    grid: { ...g, top, left: NARROW_GRID_SIDE, right: NARROW_GRID_SIDE },
    yAxis: compactValueAxes(o.yAxis, t),
  };
}

/**
 * `option` with the plot moved down by the legend rows a wrapped legend gains at `widthPx` (a
 * tablet) over the {@link WIDE_CHART_PX} it was made for, or null when it gains none.
 */
function roomForWrappedLegend(o: Record<string, unknown>, widthPx: number): Record<string, unknown> | null {
  const legend = o.legend as Record<string, unknown> | undefined;
  const grid = o.grid as Record<string, unknown> | undefined;
  if (!legend || Array.isArray(legend) || legend.type !== 'plain' || !grid || Array.isArray(grid) || typeof grid.top !== 'number' || !Array.isArray(o.series)) return null;
  const names = (o.series as Array<{ name?: unknown }>).map((s) => String(s.name ?? ''));
  const extra = legendRows(names, widthPx - 16) - legendRows(names);
  return extra > 0 ? { ...o, grid: { ...grid, top: grid.top + extra * LEGEND_ROW_PX } } : null;
}

/**
 * `option` for a chart `widthPx` wide: unchanged (the same object) when it fits, see the module
 * comment otherwise. `t`: the language the option is in (its compact axis numbers follow it).
 */
export function fitChartWidth(option: EChartsCoreOption, widthPx: number, t: Translate = zhT): EChartsCoreOption {
  if (!(widthPx > 0)) return option;
  let o = option as Record<string, unknown>;
  if (widthPx < NARROW_CHART_PX) o = scrollingLegend(o, t) ?? o;
  else if (widthPx < WIDE_CHART_PX) o = roomForWrappedLegend(o, widthPx) ?? o;
  const xAxis = fitCategoryAxis(o.xAxis, widthPx);
  if (xAxis) o = { ...o, xAxis };
  return o === option ? option : (o as EChartsCoreOption);
}

/**
 * A key that changes when the layout {@link fitChartWidth} gives for `widthPx` may change: the
 * chart is laid out again (setOption) only when it does, not on every pixel of a resize.
 */
export function chartWidthBucket(widthPx: number): number {
  return widthPx < NARROW_CHART_PX ? Math.floor(widthPx / 40) : 100 + Math.floor(widthPx / 80);
}
