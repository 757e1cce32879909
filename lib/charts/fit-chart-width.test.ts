import { describe, expect, it } from 'vitest';
import { APPLICATIONS_VIEW, PROACTIVE_VIEW } from '../query/views';
import { chartForView, legendRows } from './index';
import { chartWidthBucket, compactAxisNumber, fitChartWidth, MIN_LABEL_PX, NARROW_CHART_PX } from './fit-chart-width';

// One real row: seed 004 (临淄区人民政府办公室 2023), 表二 as a person read it (tests/golden/seeds/004…).
const ROW = { agency: '淄博市临淄区人民政府办公室', region: '淄博市临淄区', year: 2023, origin: 'embedded', report_id: '7ffb10b0611b3e96' };

describe('fitChartWidth', () => {
  it('keeps the wide layout at desktop widths', () => {
    const option = chartForView(PROACTIVE_VIEW.id, [ROW]);
    expect(fitChartWidth(option, 1200)).toBe(option);
  });
  it('turns the ten-series 主动公开 legend into one scrolling row on a 390 px phone, with the plot below it', () => {
    const option = chartForView(PROACTIVE_VIEW.id, [ROW]) as { legend: { type: string }; grid: { top: number } };
    expect(option.grid.top).toBeGreaterThan(100); // room for a legend wrapped at 1000 px
    const narrow = fitChartWidth(option, 390) as { legend: { type: string }; grid: { top: number } };
    expect(narrow.legend.type).toBe('scroll');
    expect(narrow.grid.top).toBe(84);
    expect(option.legend.type).toBe('plain'); // the input is not changed
  });
  it('leaves an option without a legend alone, and a width of 0 (not laid out yet)', () => {
    const empty = chartForView(APPLICATIONS_VIEW.id, []);
    expect(fitChartWidth(empty, 390)).toBe(empty);
    const option = chartForView(PROACTIVE_VIEW.id, [ROW]);
    expect(fitChartWidth(option, 0)).toBe(option);
    // At NARROW_CHART_PX the phone layout no longer applies (the legend stays a wrapped one; only the
    // plot moves down by the rows it gains at that width, tested under 'a tablet').
    const atThreshold = fitChartWidth(option, NARROW_CHART_PX) as { legend: { type: string }; grid: { top: number; left: number } };
    expect(atThreshold.legend.type).toBe('plain');
    expect(atThreshold.grid.left).toBe(48);
  });
});

describe('fitChartWidth: category labels', () => {
  // Three real rows of seed 004 and its agency's neighbours in the seeds: names of 10–13 characters.
  const ROWS = [
    ROW,
    { ...ROW, agency: '威海市文登区科学技术局', region: '威海市文登区', year: 2022, report_id: '8a13ebfd976f8452' },
    { ...ROW, agency: '运城市科学技术局', region: '运城市', year: 2022, report_id: '6424f50ad3d5c809' },
  ];
  type Axis = { xAxis: { axisLabel: { width: number; rotate?: number; overflow?: string } } };
  it('gives each label at most the room of one category (700 px: no overlap), wrapped as before', () => {
    const option = chartForView(PROACTIVE_VIEW.id, ROWS) as Axis;
    expect(option.xAxis.axisLabel.width).toBe(180);
    const fitted = fitChartWidth(option as never, 700) as Axis;
    expect(fitted.xAxis.axisLabel.width).toBe(Math.floor((700 - 140) / 3) - 8);
    expect(fitted.xAxis.axisLabel.width * 3).toBeLessThan(700 - 140);
    expect(fitted.xAxis.axisLabel.overflow).toBe('break');
    expect(option.xAxis.axisLabel.width).toBe(180); // the input is not changed
  });
  it('slants and shortens the labels on a 390 px phone, where a category has under MIN_LABEL_PX', () => {
    const fitted = fitChartWidth(chartForView(PROACTIVE_VIEW.id, ROWS), 330) as Axis;
    expect(Math.floor((330 - 140) / 3) - 8).toBeLessThan(MIN_LABEL_PX);
    expect(fitted.xAxis.axisLabel.rotate).toBe(45);
    expect(fitted.xAxis.axisLabel.overflow).toBe('truncate');
    expect(fitted.xAxis.axisLabel.width).toBeLessThan(100);
  });
  it('lays a chart out again only when its width moves into another bucket', () => {
    expect(chartWidthBucket(390)).toBe(chartWidthBucket(399));
    expect(chartWidthBucket(390)).not.toBe(chartWidthBucket(700));
    expect(chartWidthBucket(700)).not.toBe(chartWidthBucket(1000));
  });
});

describe('fitChartWidth: value axes on a phone', () => {
  it('writes counts as 万/亿 on a 390 px phone, and leaves the 万元 axis and the desktop alone', () => {
    const option = chartForView(PROACTIVE_VIEW.id, [ROW]) as { yAxis: Array<{ name: string; axisLabel?: { formatter?: unknown } }> };
    expect(option.yAxis[0].axisLabel?.formatter).toBeUndefined();
    const narrow = fitChartWidth(option as never, 390) as { yAxis: Array<{ name: string; axisLabel?: { formatter?: (v: number) => string } }> };
    expect(narrow.yAxis[0].name).toBe('件');
    expect(narrow.yAxis[0].axisLabel?.formatter?.(12_000_000)).toBe('1200万');
    expect(narrow.yAxis[1].name).toBe('万元');
    expect(narrow.yAxis[1].axisLabel?.formatter).toBeUndefined();
  });
  it('compactAxisNumber keeps small numbers and shortens large ones', () => {
    expect(compactAxisNumber(0)).toBe('0');
    expect(compactAxisNumber(9_999)).toBe('9999');
    expect(compactAxisNumber(25_000)).toBe('2.5万');
    expect(compactAxisNumber(350_000_000)).toBe('3.5亿');
  });
});

describe('fitChartWidth: a tablet', () => {
  it('moves the plot down by the legend rows the ten 主动公开 series gain at 640 px, and shortens slanted labels', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...ROW, year: 2012 + i }));
    const option = chartForView(PROACTIVE_VIEW.id, many) as { grid: { top: number }; series: Array<{ name: string }>; xAxis: { axisLabel: { rotate?: number; width: number } } };
    expect(option.xAxis.axisLabel.rotate).toBe(60);
    const names = option.series.map((s) => s.name);
    const fitted = fitChartWidth(option as never, 640) as typeof option;
    expect(legendRows(names, 624)).toBeGreaterThan(legendRows(names));
    expect(fitted.grid.top).toBe(option.grid.top + (legendRows(names, 624) - legendRows(names)) * 24);
    expect(fitted.xAxis.axisLabel.width).toBe(112);
    expect(fitChartWidth(option as never, 1000)).toBe(option);
  });
});
