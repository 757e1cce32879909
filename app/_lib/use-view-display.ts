'use client';

/**
 * The dashboard's display choices (./view-display.ts: sort, chart top N / log, compared agencies)
 * as the props of the controls that change them: the table's sortable headers, the chart's
 * controls, the 比较 checkboxes and the 比较 panel. Every change goes through `setDisplay`, so it
 * lands in the URL (./use-dashboard-url.ts).
 */
import { useCallback, useMemo, type Dispatch, type SetStateAction } from 'react';
import type { ChartDisplay } from '@/lib/charts/chart-display';
import { COMPARE_MAX } from '@/lib/query/compare';
import type { ViewSort } from '@/lib/query/views';
import type { RowPick } from '../_components/ComparePick';
import type { TableSort } from '../_components/SortableHeader';
import type { ViewDisplay } from './view-display';

/** What {@link useViewDisplay} returns: props for DataTable (`sort`, `pick`), ViewResult (`chart`) and ComparePanel (`onCompare`). */
export interface ViewDisplayControls {
  sort: TableSort;
  chart: { value: ChartDisplay; onChange: (c: ChartDisplay) => void };
  pick: RowPick;
  /** Sets the compared agencies (at most 5 kept) and the year asked for (null: the latest common year). */
  onCompare: (keys: string[], year: number | null) => void;
}

/** The controls' props for the current display (see the module comment). */
export function useViewDisplay(display: ViewDisplay, setDisplay: Dispatch<SetStateAction<ViewDisplay>>): ViewDisplayControls {
  const onSort = useCallback((s: ViewSort | null) => setDisplay((d) => ({ ...d, sort: s })), [setDisplay]);
  const onChart = useCallback((c: ChartDisplay) => setDisplay((d) => ({ ...d, chart: c })), [setDisplay]);
  const onToggle = useCallback(
    (key: string) =>
      setDisplay((d) => {
        if (d.compare.includes(key)) return { ...d, compare: d.compare.filter((k) => k !== key) };
        return d.compare.length >= COMPARE_MAX ? d : { ...d, compare: [...d.compare, key] };
      }),
    [setDisplay],
  );
  const onCompare = useCallback((keys: string[], year: number | null) => setDisplay((d) => ({ ...d, compare: keys.slice(0, COMPARE_MAX), compareYear: year })), [setDisplay]);
  const sort = useMemo(() => ({ value: display.sort, onSort }), [display.sort, onSort]);
  const chart = useMemo(() => ({ value: display.chart, onChange: onChart }), [display.chart, onChart]);
  const pick = useMemo(() => ({ picked: display.compare, onToggle }), [display.compare, onToggle]);
  return { sort, chart, pick, onCompare };
}
