/**
 * 下载图片 (issue 10): a drawn chart saved as PNG (2×, opaque white) or SVG, framed with its title,
 * the filter sentence, the data source and the date (layout and SVG text: lib/charts/chart-image.ts).
 * The chart's pixels come from ECharts itself — `getRenderedCanvas` of the chart on the page for PNG,
 * a server-side SVG renderer instance with the same option for SVG — never from a screen capture.
 * Browser only.
 */
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { chartImageFileName, chartImageLayout, composeChartSvg, IMAGE_BACKGROUND, FRAME_MARGIN, type ChartImageMeta } from '@/lib/charts/chart-image';
import { downloadBlob, downloadText } from './download-text';
import { zhT, type Translate } from '@/lib/present/i18n/translate';

/** Today's date in the user's time zone, YYYY-MM-DD (the export date printed on the image). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Saves `chart` (drawn at `width` × `height` px) as a PNG at 2× with the frame; resolves when the
 * download was handed to the browser. Rejects with an Error (a sentence in the language of `t`)
 * when the canvas cannot be encoded; the frame's words in that language too.
 */
export async function saveChartPng(chart: echarts.ECharts, meta: ChartImageMeta, width: number, height: number, font: string, t: Translate = zhT): Promise<void> {
  const scale = 2;
  const drawn = chart.getRenderedCanvas({ pixelRatio: scale, backgroundColor: IMAGE_BACKGROUND }) as HTMLCanvasElement;
  const layout = chartImageLayout(meta, width, height, t);
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = layout.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t('浏览器没有提供画布，无法生成图片：请换用 SVG，或换一个浏览器再试。'));
  ctx.scale(scale, scale);
  ctx.fillStyle = IMAGE_BACKGROUND;
  ctx.fillRect(0, 0, width, layout.height);
  for (const line of layout.lines) {
    ctx.font = `${line.bold ? 'bold ' : ''}${line.size}px ${font}`;
    ctx.fillStyle = line.bold ? '#111' : '#555';
    ctx.fillText(line.text, FRAME_MARGIN, line.y);
  }
  ctx.drawImage(drawn, 0, layout.chartTop, width, height);
  const blob = await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/png'));
  if (!blob) throw new Error(t('图片编码失败：请换用 SVG，或刷新页面后再试。'));
  downloadBlob(blob, chartImageFileName(meta, 'png'));
}

/** Saves `option` drawn by ECharts' SVG renderer at `width` × `height` px, with the frame (its words in the language of `t`), as an SVG file. */
export function saveChartSvg(option: EChartsCoreOption, meta: ChartImageMeta, width: number, height: number, font: string, t: Translate = zhT): void {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    const svg = composeChartSvg(chart.renderToSVGString(), meta, width, height, font, t);
    downloadText(svg, chartImageFileName(meta, 'svg'), 'image/svg+xml;charset=utf-8');
  } finally {
    chart.dispose();
  }
}
