/**
 * Pure functions from a view's rows (the result of that view's SQL in lib/query/views.ts) to an
 * ECharts option. One category per row (agency + year, in row order); series names are the view's
 * Chinese column labels. NULL stays NULL (ECharts draws no bar), never 0. Counts are in 件,
 * 收费 in 万元, rates are shown as percentages (value × 100).
 *
 * No DOM, no echarts runtime import: the app passes the option to echarts/core's setOption.
 *
 * Titles, series names, axis names and tooltips are in the language of the `t` each chart function
 * takes last (Chinese by default, issue 10 "English"); agency names stay as printed.
 */
import type { EChartsCoreOption } from 'echarts/core';
import {
  APPLICATIONS_VIEW,
  COMPLIANCE_VIEW,
  INDICATORS_VIEW,
  PROACTIVE_VIEW,
  REVIEW_LITIGATION_VIEW,
  T3_OUTCOME_GROUPS,
  type ViewDef,
  type ViewId,
} from '../query/views';
import { SEVERITY_LABELS } from '../present/labels';
import { INDICATORS } from '../present/indicators';
import { MIN_CASES } from '../model/rank-threshold';
import { zhT, type Translate } from '../present/i18n/translate';
import { labelText, labelWithUnitText } from '../present/view-labels';

/** A row as produced by a view query: column key → number, text or NULL. */
export type ChartRow = Record<string, string | number | boolean | null>;

/** Colours used across charts (distinct on white; 12 so that 表二's 11 series do not repeat). */
export const PALETTE = [
  '#2f6fb0', '#e08a2c', '#3f9b5a', '#c44e52', '#8172b3', '#937860',
  '#d684bd', '#7f7f7f', '#b5b536', '#3fb5c4', '#1b3f66', '#f2b56b',
];

const SEVERITY_COLORS: Record<string, string> = { error: '#c0392b', warning: '#e0a030', info: '#5b8fc7' };

/**
 * Category label of a row: `临淄区人民政府办公室\n2023`; unknown parts print as `（未知）`; a row of
 * an uploaded report (`origin` = `upload`) ends in `（上传）`, so uploads stand out in every chart.
 */
export function categoryLabel(row: ChartRow): string {
  return categoryLabelIn(row, zhT);
}

/** {@link categoryLabel} with its marks (（未知机关）, （年度未知）, （上传）) in the language of `t`. */
export function categoryLabelIn(row: ChartRow, t: Translate): string {
  const agency = typeof row.agency === 'string' && row.agency ? row.agency : t('（未知机关）');
  const year = typeof row.year === 'number' ? String(row.year) : t('（年度未知）');
  return `${agency}\n${year}${row.origin === 'upload' ? t('（上传）') : ''}`;
}

function label(view: ViewDef, key: string, t: Translate): string {
  const col = view.columns.find((c) => c.key === key);
  if (!col) throw new Error(`view ${view.id} has no column ${key}`);
  return labelText(col.label, t);
}

/** Values of one column, NULL (and non-numbers) kept as null. */
function values(rows: readonly ChartRow[], key: string, scale = 1): Array<number | null> {
  return rows.map((r) => (typeof r[key] === 'number' ? (r[key] as number) * scale : null));
}

const fmtCount = (unit: string, t: Translate) => (v: unknown) => (typeof v === 'number' ? `${v} ${t(unit)}` : t('—（报告未给出）'));
/** One rate formatter per language (the same function in every option of that language, so options compare equal). */
const rateFormatters = new WeakMap<Translate, (v: unknown) => string>();
const fmtRate = (t: Translate) => {
  let f = rateFormatters.get(t);
  if (!f) {
    f = (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : t('—（无法计算）'));
    rateFormatters.set(t, f);
  }
  return f;
};

/** Estimated legend rows for these series names at a chart width of about 1000 px (12 px CJK text). */
export function legendRows(names: readonly string[], width = 1000): number {
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 25 + 5 + [...n].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 0) + 10;
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/**
 * Category axis for the rows: labels broken into lines; when there are many, one line each
 * (`机关 年度`) slanted at 60° so that neighbours do not overlap (a two-line label slanted ran into
 * the next one), overlapping ones hidden (the tooltip still names every bar).
 */
function categoryAxis(categories: readonly string[]): Record<string, unknown> {
  const many = categories.length > 8;
  return {
    type: 'category',
    data: categories,
    axisLabel: many
      ? { interval: 0, rotate: 60, width: 160, overflow: 'truncate', hideOverlap: true, formatter: (v: string) => v.replace(/\n/g, ' ') }
      : { interval: 0, width: Math.max(90, Math.min(180, Math.floor(900 / Math.max(1, categories.length)) - 16)), overflow: 'break', lineHeight: 16 },
  };
}

function base(categories: readonly string[], title: string, seriesNames: readonly string[]): Record<string, unknown> {
  const rows = legendRows(seriesNames);
  return {
    animation: false,
    color: PALETTE,
    title: { text: title, left: 8, top: 4, textStyle: { fontSize: 14, fontWeight: 'bold' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { type: 'plain', top: 30, left: 8, right: 8, itemGap: 10 },
    grid: { left: 48, right: 56, top: 30 + rows * 24 + 30, bottom: 8, containLabel: true },
    xAxis: categoryAxis(categories),
  };
}

function emptyOption(title: string, t: Translate): EChartsCoreOption {
  return {
    title: [
      { text: title, left: 8, top: 4, textStyle: { fontSize: 14, fontWeight: 'bold' } },
      { text: t('没有符合筛选条件的数据'), left: 'center', top: 'middle', textStyle: { color: '#666', fontSize: 14 } },
    ],
    xAxis: { show: false },
    yAxis: { show: false },
    series: [],
  };
}

/**
 * 主动公开: grouped bars per agency-year of the 件 counts of 表二 (规章/行政规范性文件 制发、废止、
 * 现行有效, 行政许可/处罚/强制 决定) on the left axis, and 行政事业性收费 (万元) on the right axis.
 */
export function proactiveChart(rows: readonly ChartRow[], t: Translate = zhT): EChartsCoreOption {
  const title = t('{{title}}（件；收费为万元）', { title: t(PROACTIVE_VIEW.title) });
  if (rows.length === 0) return emptyOption(title, t);
  const counts = PROACTIVE_VIEW.columns.filter((c) => c.format === 'count');
  const amount = PROACTIVE_VIEW.columns.find((c) => c.format === 'amount');
  // The amount's legend carries its unit (the view's label does not: the table header adds it).
  const amountName = amount ? labelWithUnitText(labelText(amount.label, t), amount.unit ?? '万元', t) : '';
  const names = [...counts.map((c) => labelText(c.label, t)), ...(amount ? [amountName] : [])];
  return {
    ...base(rows.map((r) => categoryLabelIn(r, t)), title, names),
    yAxis: [
      { type: 'value', name: t('件'), minInterval: 1 },
      { type: 'value', name: t('万元'), splitLine: { show: false } },
    ],
    series: [
      ...counts.map((c) => ({
        name: labelText(c.label, t),
        type: 'bar',
        barMaxWidth: 28,
        yAxisIndex: 0,
        data: values(rows, c.key),
        tooltip: { valueFormatter: fmtCount('件', t) },
      })),
      ...(amount
        ? [{ name: amountName, type: 'bar', barMaxWidth: 28, yAxisIndex: 1, data: values(rows, amount.key), tooltip: { valueFormatter: fmtCount('万元', t) } }]
        : []),
    ],
  };
}

/**
 * 依申请公开: per agency-year two stacked bars (件) — the applications to handle (本年新收 +
 * 上年结转, stack `intake`) and the outcome composition of 表三 (总计 column: 予以公开, 部分公开,
 * 不予公开, 无法提供, 不予处理, 其他处理, stack `outcome`) — so a report with new applications but no
 * outcome cells (宿迁市人民政府 2025: 3,830 new) still has a bar; and 实质公开率 (%) as points on the
 * right axis, not a line: the categories are different agencies, not a trend.
 */
export function applicationsChart(rows: readonly ChartRow[], t: Translate = zhT): EChartsCoreOption {
  const title = t('{{title}}：收到的申请与办理结果（件）、实质公开率（%）', { title: t(APPLICATIONS_VIEW.title) });
  if (rows.length === 0) return emptyOption(title, t);
  const rateName = label(APPLICATIONS_VIEW, 'disclosure_rate', t);
  const intake = (['new_received', 'carried_over'] as const).map((k, i) => ({
    name: label(APPLICATIONS_VIEW, k, t),
    type: 'bar',
    stack: 'intake',
    barMaxWidth: 40,
    yAxisIndex: 0,
    data: values(rows, k),
    itemStyle: { color: i === 0 ? '#1b3f66' : '#9bb4cf' },
    tooltip: { valueFormatter: fmtCount('件', t) },
  }));
  return {
    ...base(rows.map((r) => categoryLabelIn(r, t)), title, [...intake.map((s) => s.name), ...T3_OUTCOME_GROUPS.map((g) => t(g.label)), rateName]),
    yAxis: [
      { type: 'value', name: t('件'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      ...intake,
      ...T3_OUTCOME_GROUPS.map((g, i) => ({
        name: t(g.label),
        type: 'bar',
        stack: 'outcome',
        barMaxWidth: 40,
        yAxisIndex: 0,
        data: values(rows, g.key),
        itemStyle: { color: PALETTE[[0, 2, 3, 1, 4, 7][i] ?? i] },
        tooltip: { valueFormatter: fmtCount('件', t) },
      })),
      {
        name: rateName,
        type: 'scatter',
        yAxisIndex: 1,
        symbol: 'diamond',
        symbolSize: 12,
        itemStyle: { color: '#1d2430', borderColor: '#fff', borderWidth: 1 },
        data: values(rows, 'disclosure_rate', 100),
        tooltip: { valueFormatter: fmtRate(t) },
      },
    ],
  };
}

const T4_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;

/**
 * 复议诉讼: two stacked bars per agency-year — 行政复议 and 行政诉讼 — split into 结果维持 /
 * 结果纠正 / 其他结果 / 尚未审结 (件), and 复议纠错率 / 诉讼纠错率 (%) as points on the right axis.
 */
export function reviewLitigationChart(rows: readonly ChartRow[], t: Translate = zhT): EChartsCoreOption {
  const title = t('{{title}}：结果（件）与纠错率（%）', { title: t(REVIEW_LITIGATION_VIEW.title) });
  if (rows.length === 0) return emptyOption(title, t);
  const bars = (['review', 'litigation'] as const).flatMap((group, gi) =>
    T4_OUTCOMES.map((o, oi) => ({
      name: label(REVIEW_LITIGATION_VIEW, `${group}_${o}`, t),
      type: 'bar',
      stack: group,
      barMaxWidth: 48,
      yAxisIndex: 0,
      data: values(rows, `${group}_${o}`),
      itemStyle: { color: PALETTE[oi], opacity: gi === 0 ? 1 : 0.55 },
      tooltip: { valueFormatter: fmtCount('件', t) },
    })),
  );
  const rates = (['review_correction_rate', 'litigation_correction_rate'] as const).map((k) => label(REVIEW_LITIGATION_VIEW, k, t));
  return {
    ...base(rows.map((r) => categoryLabelIn(r, t)), title, [...bars.map((b) => b.name), ...rates]),
    yAxis: [
      { type: 'value', name: t('件'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      ...bars,
      ...(['review_correction_rate', 'litigation_correction_rate'] as const).map((k, i) => ({
        name: rates[i],
        type: 'line',
        yAxisIndex: 1,
        symbol: i === 0 ? 'circle' : 'diamond',
        symbolSize: 9,
        lineStyle: { width: 0 },
        itemStyle: { color: i === 0 ? '#222' : '#8172b3' },
        data: values(rows, k, 100),
        tooltip: { valueFormatter: fmtRate(t) },
      })),
    ],
  };
}

/**
 * 合规: number of flags per agency-year, stacked by severity (错误 / 警告 / 提示). Rows of the
 * 合规 view are flags; they are counted here per (agency, year) in first-seen order.
 */
export function complianceChart(rows: readonly ChartRow[], t: Translate = zhT): EChartsCoreOption {
  const title = t('{{title}}：每份报告的问题数（条）', { title: t(COMPLIANCE_VIEW.title) });
  if (rows.length === 0) return emptyOption(title, t);
  const cats: string[] = [];
  const counts = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const c = categoryLabelIn(r, t);
    if (!counts.has(c)) {
      cats.push(c);
      counts.set(c, {});
    }
    const sev = typeof r.severity === 'string' ? r.severity : 'info';
    const m = counts.get(c)!;
    m[sev] = (m[sev] ?? 0) + 1;
  }
  const severities = Object.keys(SEVERITY_LABELS);
  return {
    ...base(cats, title, severities.map((s) => t(SEVERITY_LABELS[s]))),
    yAxis: { type: 'value', name: t('条'), minInterval: 1 },
    series: severities.map((s) => ({
      name: t(SEVERITY_LABELS[s]),
      type: 'bar',
      stack: 'flags',
      barMaxWidth: 64,
      itemStyle: { color: SEVERITY_COLORS[s] },
      data: cats.map((c) => counts.get(c)![s] ?? 0),
      tooltip: { valueFormatter: fmtCount('条', t) },
    })),
  };
}

/**
 * 指标: the four derived indicators (实质公开率, 复议纠错率, 诉讼纠错率, 争议率; %) as grouped bars per
 * agency-year. A bar whose ratio rests on fewer than 30 cases (件) is drawn light (opacity
 * 0.35) and its tooltip says it is not ranked; a ratio that cannot be computed draws no bar.
 */
export function indicatorsChart(rows: readonly ChartRow[], t: Translate = zhT): EChartsCoreOption {
  const title = t('{{title}}：比率（%），浅色为样本不足{{min}}件、不参与排名', { title: t(INDICATORS_VIEW.title), min: MIN_CASES });
  if (rows.length === 0) return emptyOption(title, t);
  return {
    ...base(rows.map((r) => categoryLabelIn(r, t)), title, INDICATORS.map((i) => t(i.label))),
    yAxis: { type: 'value', name: '%', min: 0, max: 100 },
    series: INDICATORS.map((ind) => ({
      name: t(ind.label),
      type: 'bar',
      barMaxWidth: 28,
      data: rows.map((r) => {
        const rate = r[`${ind.key}_rate`];
        const baseN = r[`${ind.key}_base`];
        if (typeof rate !== 'number') return null;
        const small = !(typeof baseN === 'number' && baseN >= MIN_CASES);
        return small ? { value: rate * 100, itemStyle: { opacity: 0.35 } } : rate * 100;
      }),
      tooltip: { valueFormatter: fmtRate(t) },
    })),
  };
}

/**
 * The report behind each category of a view's chart, in category order, so that a click on a bar
 * or point (ECharts `dataIndex`) opens that report: one per row for the table views and 指标; for
 * 合规, whose categories are agency-years, the first report of each category.
 */
export function chartReportIds(view: ViewId, rows: readonly ChartRow[]): Array<string | null> {
  const id = (r: ChartRow) => (typeof r.report_id === 'string' ? r.report_id : null);
  if (view !== 'compliance') return rows.map(id);
  const seen = new Map<string, string | null>();
  for (const r of rows) if (!seen.has(categoryLabel(r))) seen.set(categoryLabel(r), id(r));
  return [...seen.values()];
}

/** What a chart with rows whose every drawn value is 0 says in its middle (a blank chart is not a missing chart). */
export const ALL_ZERO_NOTE = '图中所有数值均为 0：报告印出的就是 0（不是缺失），所以看不到柱';

/** What a chart with rows but no value at all says in its middle. */
export const NO_VALUE_NOTE = '图中没有可画的数值：这些报告没有给出这些数，或比率无法计算';

/** The numbers a chart draws: every series' data points (plain numbers or `{ value }`), NULLs left out. */
export function drawnValues(option: EChartsCoreOption): number[] {
  const series = (option as { series?: Array<{ data?: unknown[] }> }).series ?? [];
  const out: number[] = [];
  for (const s of series) {
    for (const v of s.data ?? []) {
      const n = typeof v === 'number' ? v : v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'number' ? (v as { value: number }).value : null;
      if (n !== null) out.push(n);
    }
  }
  return out;
}

/**
 * The option with a note in the middle when nothing would be visible: {@link ALL_ZERO_NOTE} when
 * every drawn value is 0, {@link NO_VALUE_NOTE} when there is none (every cell NULL). An empty
 * chart (no rows) keeps its own note. Pure; other options are returned as they are. The note in the language of `t`.
 */
export function withBlankChartNote(option: EChartsCoreOption, t: Translate = zhT): EChartsCoreOption {
  const series = (option as { series?: unknown[] }).series ?? [];
  if (series.length === 0) return option;
  const nums = drawnValues(option);
  const note = nums.length === 0 ? NO_VALUE_NOTE : nums.every((n) => n === 0) ? ALL_ZERO_NOTE : null;
  if (!note) return option;
  const title = (option as { title?: unknown }).title;
  const titles = Array.isArray(title) ? title : title ? [title] : [];
  return {
    ...option,
    title: [...titles, { text: t(note), left: 'center', top: 'middle', textStyle: { color: '#555', fontSize: 14, fontWeight: 'normal', width: 320, overflow: 'break' } }],
  };
}

/** The chart of a view for its rows, with {@link withBlankChartNote}'s note when every value is 0 or none is given; texts in the language of `t`. */
export function chartForView(view: ViewId, rows: readonly ChartRow[], t: Translate = zhT): EChartsCoreOption {
  return withBlankChartNote(chartOf(view, rows, t), t);
}

function chartOf(view: ViewId, rows: readonly ChartRow[], t: Translate): EChartsCoreOption {
  switch (view) {
    case 'indicators':
      return indicatorsChart(rows, t);
    case 'proactive':
      return proactiveChart(rows, t);
    case 'applications':
      return applicationsChart(rows, t);
    case 'review_litigation':
      return reviewLitigationChart(rows, t);
    case 'compliance':
      return complianceChart(rows, t);
  }
}
