/**
 * A chart option laid out for the width it is drawn at. The options of ./index.ts reserve room for
 * a legend wrapped at about 1000 px (legendRows); on a phone (a chart under {@link NARROW_CHART_PX}
 * px wide) that legend wraps onto many more rows and covers the plot. There the legend becomes one
 * scrolling row (ECharts `type: 'scroll'`) and the plot starts below it. Pure: returns a new option,
 * the input is not changed; an option without a legend or grid is returned as is.
 */
import type { EChartsCoreOption } from 'echarts/core';

/** Widths (px) under which a chart is laid out for a phone. */
export const NARROW_CHART_PX = 640;

/** Top of the plot (px) under a one-row scrolling legend that starts at 30 px (below the title). */
const NARROW_GRID_TOP = 64;

/** `option` for a chart `widthPx` wide: unchanged when wide enough, see the module comment otherwise. */
export function fitChartWidth(option: EChartsCoreOption, widthPx: number): EChartsCoreOption {
  if (!(widthPx > 0) || widthPx >= NARROW_CHART_PX) return option;
  const o = option as Record<string, unknown>;
  const legend = o.legend;
  const grid = o.grid;
  if (!legend || Array.isArray(legend) || typeof legend !== 'object' || !grid || Array.isArray(grid) || typeof grid !== 'object') return option;
  const g = grid as Record<string, unknown>;
  const top = typeof g.top === 'number' ? Math.min(g.top, NARROW_GRID_TOP) : NARROW_GRID_TOP;
  return { ...o, legend: { ...(legend as Record<string, unknown>), type: 'scroll' }, grid: { ...g, top } };
}
