/**
 * A chart as an image a person can send on (issue 10, 下载图片): the chart as ECharts drew it
 * (its own export: `getDataURL` for PNG, the SVG renderer's `renderToSVGString` for SVG), framed
 * by a header — the chart's title and the filter sentence, wrapped — and a footer naming the data
 * source and the export date, on an opaque white background (a transparent canvas shows black in
 * many viewers). Pure: the layout and the SVG text are computed here; the app draws the PNG frame
 * on a canvas with the same layout ({@link chartImageLayout}). The frame's words (`导出日期`) are in
 * the language of the `t` passed last (Chinese by default); `meta` comes already in that language.
 */
import { zhT, type Translate } from '../present/i18n/translate';

/** What is written around the chart: its title, the filter sentence, the data source and the export date (YYYY-MM-DD). */
export interface ChartImageMeta {
  title: string;
  caption: string;
  source: string;
  date: string;
}

/** One line of text in the frame: its text, baseline y (px from the top), font size (px) and weight. */
export interface FrameLine {
  text: string;
  y: number;
  size: number;
  bold: boolean;
}

/** The frame around a chart of `width` × `chartHeight` px: the lines above and below it, where the chart starts, and the whole height (px). */
export interface ChartImageLayout {
  width: number;
  height: number;
  chartTop: number;
  chartHeight: number;
  lines: FrameLine[];
}

/** Left/right margin of the frame's text (px). */
export const FRAME_MARGIN = 16;
const TITLE_PX = 16;
const CAPTION_PX = 12;
const FOOTER_PX = 11;
/** The white background of every exported image (opaque, issue 10). */
export const IMAGE_BACKGROUND = '#ffffff';

/**
 * Estimated width in px of `text` at `size` px: CJK and full-width characters count one em, others
 * about 0.55 em. Good enough to wrap a caption without measuring (no DOM here).
 */
export function estimateTextWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.55;
  return em * size;
}

/** `text` broken into lines no wider than `maxWidth` px at `size` px (characters kept whole; never empty lines except for empty text). */
export function wrapText(text: string, maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && estimateTextWidth(line + ch, size) > maxWidth) {
      lines.push(line);
      line = ch.trim() ? ch : '';
    } else line += ch;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** The frame for a chart `width` × `chartHeight` px with `meta` (see {@link ChartImageLayout}); the footer's words in the language of `t`. */
export function chartImageLayout(meta: ChartImageMeta, width: number, chartHeight: number, t: Translate = zhT): ChartImageLayout {
  const textWidth = Math.max(120, width - 2 * FRAME_MARGIN);
  const lines: FrameLine[] = [];
  let y = 12;
  for (const line of wrapText(meta.title, textWidth, TITLE_PX)) {
    y += TITLE_PX + 6;
    lines.push({ text: line, y, size: TITLE_PX, bold: true });
  }
  for (const line of meta.caption ? wrapText(meta.caption, textWidth, CAPTION_PX) : []) {
    y += CAPTION_PX + 6;
    lines.push({ text: line, y, size: CAPTION_PX, bold: false });
  }
  const chartTop = y + 10;
  y = chartTop + chartHeight;
  for (const line of wrapText(t('{{source}} · 导出日期：{{date}}', { source: meta.source, date: meta.date }), textWidth, FOOTER_PX)) {
    y += FOOTER_PX + 6;
    lines.push({ text: line, y, size: FOOTER_PX, bold: false });
  }
  return { width, height: y + 12, chartTop, chartHeight, lines };
}

/** `s` with the five XML special characters escaped, for text and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/**
 * The exported SVG: a white `width` × layout height document with the frame's lines as `<text>`
 * and the chart (ECharts' SVG, `chartSvg`, its XML declaration dropped) nested below the header.
 * `fontFamily` is the chart's font stack. Text from reports and filters is escaped. The footer's
 * words in the language of `t`.
 */
export function composeChartSvg(chartSvg: string, meta: ChartImageMeta, width: number, chartHeight: number, fontFamily: string, t: Translate = zhT): string {
  const layout = chartImageLayout(meta, width, chartHeight, t);
  const inner = chartSvg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/^<svg\b/, `<svg x="0" y="${layout.chartTop}"`);
  const texts = layout.lines
    .map((l) => `<text x="${FRAME_MARGIN}" y="${l.y}" font-size="${l.size}"${l.bold ? ' font-weight="bold"' : ''} fill="${l.bold ? '#111' : '#555'}">${escapeXml(l.text)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${layout.height}" viewBox="0 0 ${width} ${layout.height}" font-family="${escapeXml(fontFamily)}">` +
    `<rect width="100%" height="100%" fill="${IMAGE_BACKGROUND}"/>${texts}${inner}</svg>`
  );
}

/** A file name for the image: the title's characters that are safe in file names, the date, the extension (`png`/`svg`). */
export function chartImageFileName(meta: ChartImageMeta, ext: 'png' | 'svg'): string {
  const stem = meta.title.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'chart';
  return `${stem}-${meta.date}.${ext}`;
}
