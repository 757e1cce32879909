'use client';

/**
 * What a chart's exported image says besides its own title (lib/charts/chart-image.ts): the
 * sentence of the page's selection — the dashboard's filter sentence, the agency page's name —
 * provided by the page around its charts and read by every EChart below it. Empty by default.
 */
import { createContext } from 'react';

/** The caption drawn under an exported chart's title (the filter sentence), or '' for none. */
export const ChartCaptionContext = createContext<string>('');

/** The source line of every exported chart image. */
export const CHART_IMAGE_SOURCE = '数据来源：各机关政府信息公开工作年度报告（政府信息公开工作年度报告 · 对比看板 解析）';
