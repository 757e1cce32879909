import { describe, expect, it } from 'vitest';
import { APPLICATIONS_VIEW, PROACTIVE_VIEW } from '../query/views';
import { chartForView } from './index';
import { fitChartWidth, NARROW_CHART_PX } from './fit-chart-width';

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
    expect(narrow.grid.top).toBe(64);
    expect(option.legend.type).toBe('plain'); // the input is not changed
  });
  it('leaves an option without a legend alone, and a width of 0 (not laid out yet)', () => {
    const empty = chartForView(APPLICATIONS_VIEW.id, []);
    expect(fitChartWidth(empty, 390)).toBe(empty);
    const option = chartForView(PROACTIVE_VIEW.id, [ROW]);
    expect(fitChartWidth(option, 0)).toBe(option);
    expect(fitChartWidth(option, NARROW_CHART_PX)).toBe(option);
  });
});
