/**
 * The exported chart image (issue 10): a real chart option drawn by ECharts' own SVG renderer
 * (server-side, as the browser's 下载图片 SVG does), framed with the title, the filter sentence,
 * the source and the date; text from reports and filters escaped; long captions wrapped inside
 * the width.
 */
import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { parse } from 'parse5';
import { yearLineChart } from './agency-charts';
import { chartImageFileName, chartImageLayout, composeChartSvg, estimateTextWidth, wrapText, type ChartImageMeta } from './chart-image';

echarts.use([LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

const META: ChartImageMeta = {
  title: '本年新收申请的历年变化',
  caption: '显示江苏省淮安市、全部年度的报告。',
  source: '数据来源：各机关政府信息公开工作年度报告',
  date: '2026-11-30',
};

/** ECharts' own SVG of a two-year line chart (洪泽区 2023 and 2024 as printed: 本年新收 31 and 26). */
function chartSvg(width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, ...yearLineChart('本年新收', [2023, 2024], [{ name: '本年新收', data: [31, 26] }], '件') });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('chart image', () => {
  it('wraps a long caption inside the width and keeps every character', () => {
    const caption = '显示淮安市人民政府、淮安市洪泽区人民政府、上海市人民政府办公厅、上海市科学技术委员会、全部地区、2023年至2025年的报告。';
    const lines = wrapText(caption, 300, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(caption);
    for (const l of lines) expect(estimateTextWidth(l, 12)).toBeLessThanOrEqual(300);
  });

  it('puts the chart below the title and caption and the source and date below the chart', () => {
    const layout = chartImageLayout(META, 640, 300);
    expect(layout.lines.map((l) => l.text)).toEqual([META.title, META.caption, `${META.source} · 导出日期：2026-11-30`]);
    const [title, caption, footer] = layout.lines;
    expect(title.y).toBeLessThan(caption.y);
    expect(caption.y).toBeLessThan(layout.chartTop);
    expect(footer.y).toBeGreaterThan(layout.chartTop + 300);
    expect(layout.height).toBeGreaterThan(footer.y);
  });

  it('frames ECharts’ own SVG: white background, the frame’s text, the chart’s axis labels, valid nesting', () => {
    const svg = composeChartSvg(chartSvg(640, 300), META, 640, 300, '"Noto Sans CJK SC", sans-serif');
    const layout = chartImageLayout(META, 640, 300);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="640"')).toBe(true);
    expect(svg).toContain(`height="${layout.height}"`);
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    expect(svg).toContain(`<svg x="0" y="${layout.chartTop}"`);
    expect(svg).toContain('本年新收申请的历年变化');
    expect(svg).toContain('显示江苏省淮安市、全部年度的报告。');
    expect(svg).toContain('导出日期：2026-11-30');
    expect(svg).toContain('2023'); // the chart's own year axis
    expect(svg).not.toContain('<?xml');
    // Parses with one root svg holding the nested chart svg.
    const doc = parse(`<body>${svg}</body>`);
    const body = (doc.childNodes[0] as unknown as { childNodes: Array<{ nodeName: string; childNodes: Array<{ nodeName: string; childNodes: Array<{ nodeName: string }> }> }> }).childNodes[1];
    const root = body.childNodes[0];
    expect(root.nodeName).toBe('svg');
    expect(root.childNodes.filter((n) => n.nodeName === 'svg')).toHaveLength(1);
  });

  it('escapes text from reports and filters', () => {
    const svg = composeChartSvg(chartSvg(400, 200), { ...META, caption: '机关名称 <script>alert(1)</script> & "x"' }, 400, 200, 'sans-serif');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });

  it('names the file after the title and the date, without characters file systems refuse', () => {
    expect(chartImageFileName(META, 'png')).toBe('本年新收申请的历年变化-2026-11-30.png');
    expect(chartImageFileName({ ...META, title: '表三 / 办理结果: "比率"' }, 'svg')).toBe('表三_办理结果_比率-2026-11-30.svg');
  });
});
