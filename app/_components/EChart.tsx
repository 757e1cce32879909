'use client';

/**
 * One ECharts canvas. Only the chart types and components the dashboard uses are registered
 * (echarts/core), to keep the bundle small. `data-rendered` turns true after the first
 * `finished` event, and `data-series` counts the series drawn, for the browser tests.
 */
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { fitChartWidth, NARROW_CHART_PX } from '@/lib/charts/fit-chart-width';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/**
 * A chart of `option` (from lib/charts) on a canvas, `height` px tall, resized with its box.
 * `label` is the accessible name (role=img). `onItemClick` receives the category index
 * (ECharts `dataIndex`) of a clicked bar or point. Disposed on unmount.
 */
export default function EChart({
  option,
  height = 380,
  label,
  onItemClick,
}: {
  option: EChartsCoreOption;
  height?: number;
  label: string;
  onItemClick?: (dataIndex: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [rendered, setRendered] = useState(false);
  const clickRef = useRef(onItemClick);
  const optionRef = useRef<EChartsCoreOption | null>(null);
  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = c;
    c.on('finished', () => {
      // The first drawn chart of the page, for the benchmark (navigation → first chart).
      if (performance.getEntriesByName('first-chart').length === 0) performance.mark('first-chart');
      setRendered(true);
    });
    c.on('click', (p: { dataIndex?: number; componentType?: string }) => {
      if (p.componentType === 'series' && typeof p.dataIndex === 'number') clickRef.current?.(p.dataIndex);
    });
    let narrow = el.clientWidth < NARROW_CHART_PX;
    const ro = new ResizeObserver(() => {
      c.resize();
      // Crossing the phone width changes the legend's layout (lib/charts/fit-chart-width.ts).
      const nowNarrow = el.clientWidth < NARROW_CHART_PX;
      if (nowNarrow !== narrow && optionRef.current) {
        narrow = nowNarrow;
        c.setOption({ textStyle: { fontFamily: FONT }, ...fitChartWidth(optionRef.current, el.clientWidth) }, { notMerge: true });
      }
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    optionRef.current = option;
    const width = ref.current?.clientWidth ?? 0;
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, ...fitChartWidth(option, width) }, { notMerge: true });
  }, [option]);

  const series = (option as { series?: unknown[] }).series?.length ?? 0;
  return (
    <div
      ref={ref}
      className="chart"
      role="img"
      aria-label={label}
      data-testid="chart"
      data-rendered={rendered ? 'true' : 'false'}
      data-series={series}
      style={{ height }}
    />
  );
}
