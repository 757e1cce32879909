/**
 * The dashboard's display choices beyond the filter (issue 9): the table's column sort, the chart's
 * top N and log scale, and the agencies being compared — read from and written to the URL as
 * `sort=new_received:desc`, `top=50` (absent: 20), `log=1` (absent: linear), `compare=KEY1,KEY2`
 * and `cyear=2024`, so that a link or a reload shows the same thing.
 */
import { DEFAULT_CHART_DISPLAY, DEFAULT_TOP_N, topNFromParam, type ChartDisplay } from '@/lib/charts/chart-display';
import { compareKeysFromParam, compareKeysToParam, compareYearFromParam } from '@/lib/query/compare';
import { sortFromParam, sortToParam, type ViewSort } from '@/lib/query/views';

/** The display choices (see the module comment). */
export interface ViewDisplay {
  /** The table's sort (lib/query/views.ts sortQuery), or null for the view's own order. */
  sort: ViewSort | null;
  chart: ChartDisplay;
  /** agency_keys being compared, in the order chosen (the first is the base); at most 5. */
  compare: string[];
  /** The year asked for in 比较, or null for the latest year all of them have. */
  compareYear: number | null;
}

/** Nothing chosen: the view's order, top 20, linear axes, no comparison. */
export const DEFAULT_VIEW_DISPLAY: ViewDisplay = { sort: null, chart: DEFAULT_CHART_DISPLAY, compare: [], compareYear: null };

/** The display choices in URL parameters; malformed values read as the defaults. */
export function displayFromSearchParams(p: URLSearchParams): ViewDisplay {
  return {
    sort: sortFromParam(p.get('sort')),
    chart: { top: topNFromParam(p.get('top')), log: p.get('log') === '1' },
    compare: compareKeysFromParam(p.get('compare')),
    compareYear: compareYearFromParam(p.get('cyear')),
  };
}

/** Writes the choices that differ from the defaults into `p` (and nothing else). */
export function displayToSearchParams(d: ViewDisplay, p: URLSearchParams): void {
  if (d.sort) p.set('sort', sortToParam(d.sort));
  if (d.chart.top !== DEFAULT_TOP_N) p.set('top', String(d.chart.top));
  if (d.chart.log) p.set('log', '1');
  if (d.compare.length) p.set('compare', compareKeysToParam(d.compare));
  if (d.compare.length && d.compareYear !== null) p.set('cyear', String(d.compareYear));
}
