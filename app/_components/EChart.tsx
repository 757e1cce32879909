'use client';

/**
 * One ECharts canvas. Only the chart types and components the dashboard uses are registered
 * (echarts/core), to keep the bundle small. `data-rendered` turns true after the first
 * `finished` event, and `data-series` counts the series drawn, for the browser tests.
 */
import { useContext, useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { chartWidthBucket, fitChartWidth } from '@/lib/charts/fit-chart-width';
import { ChartCaptionContext, CHART_IMAGE_SOURCE } from '../_lib/chart-image-context';
import { saveChartPng, saveChartSvg, todayIso } from '../_lib/export-chart-image';
import { useT } from '../_lib/lang-context';

// ScatterChart: 依申请公开 draws 实质公开率 as points (lib/charts applicationsChart); unregistered, they were not drawn.
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/**
 * A chart of `option` (from lib/charts) on a canvas, `height` px tall, resized with its box.
 * `label` is the accessible name (role=img). `onItemClick` receives the category index
 * (ECharts `dataIndex`) of a clicked bar or point. Disposed on unmount. Below the chart, 下载图片
 * saves it as PNG or SVG framed with its title (`imageTitle`, else `label` without 图表), the page's caption
 * (ChartCaptionContext: the filter sentence), the data source and today's date — in the page's language.
 */
export default function EChart({
  option,
  height = 380,
  label,
  imageTitle,
  onItemClick,
}: {
  option: EChartsCoreOption;
  height?: number;
  label: string;
  /** The exported image's title; absent: `label` without its trailing 图表. */
  imageTitle?: string;
  onItemClick?: (dataIndex: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [rendered, setRendered] = useState(false);
  const clickRef = useRef(onItemClick);
  const optionRef = useRef<EChartsCoreOption | null>(null);
  const { t } = useT();
  // The page's translator for the layout done in effects (compact axis numbers on a phone).
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);
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
    let bucket = chartWidthBucket(el.clientWidth);
    const ro = new ResizeObserver(() => {
      c.resize();
      // The legend and the axis labels are laid out for the chart's width (lib/charts/fit-chart-width.ts):
      // again when the width moved into another bucket (a phone turned, a window resized).
      const now = chartWidthBucket(el.clientWidth);
      if (now !== bucket && optionRef.current) {
        bucket = now;
        c.setOption({ textStyle: { fontFamily: FONT }, ...fitChartWidth(optionRef.current, el.clientWidth, tRef.current) }, { notMerge: true });
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
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, ...fitChartWidth(option, width, tRef.current) }, { notMerge: true });
  }, [option]);

  const series = (option as { series?: unknown[] }).series?.length ?? 0;
  const caption = useContext(ChartCaptionContext);
  const save = async (kind: 'png' | 'svg') => {
    const el = ref.current;
    const c = chart.current;
    if (!el || !c) return;
    const meta = { title: imageTitle ?? label.replace(/图表$/, ''), caption, source: t(CHART_IMAGE_SOURCE), date: todayIso() };
    const [w, h] = [el.clientWidth, el.clientHeight];
    if (kind === 'png') await saveChartPng(c, meta, w, h, FONT, t);
    else saveChartSvg({ textStyle: { fontFamily: FONT }, ...fitChartWidth(option, w, t) }, meta, w, h, FONT, t);
  };
  return (
    <div className="chart-figure">
      <ChartBox boxRef={ref} label={label} rendered={rendered} series={series} height={height} />
      <ChartImageButtons onSave={save} disabled={!rendered} />
    </div>
  );
}

/** The chart's box (ECharts draws into it). */
function ChartBox({ boxRef, label, rendered, series, height }: { boxRef: React.RefObject<HTMLDivElement | null>; label: string; rendered: boolean; series: number; height: number }) {
  return (
    <div
      ref={boxRef}
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

/** 下载图片：PNG / SVG, with the failure (a sentence) shown beside the buttons. */
function ChartImageButtons({ onSave, disabled }: { onSave: (kind: 'png' | 'svg') => Promise<void>; disabled: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const { t } = useT();
  const run = (kind: 'png' | 'svg') => {
    setError(null);
    onSave(kind).catch((e: unknown) => setError(e instanceof Error ? e.message : t('图片没能生成：请刷新页面后再试。')));
  };
  return (
    <div className="chart-image-buttons" data-testid="chart-image">
      <span className="muted small">{t('下载图片')}</span>
      <button type="button" className="small-button" disabled={disabled} onClick={() => run('png')} data-testid="chart-png" aria-label={t('PNG 下载图片（2 倍清晰度）')}>
        PNG
      </button>
      <button type="button" className="small-button" disabled={disabled} onClick={() => run('svg')} data-testid="chart-svg" aria-label={t('SVG 下载图片')}>
        SVG
      </button>
      {error ? (
        <span className="error small" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
