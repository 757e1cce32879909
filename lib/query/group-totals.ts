/**
 * Group totals (issue 9, "group by"): a table view (主动公开, 依申请公开, 复议诉讼, 指标) turned into
 * one row per group and report year — 机关 (agency_key), 县 / 市 / 省 (the division the resolver
 * gave the report, lib/parse/resolve-agency.ts; `facts.province/city/county`) or 全部 (one group per
 * year) — and the selection's total row (合计). Pure SQL builders over `facts` (lib/store/facts.ts);
 * the result is a {@link ViewDef} like the per-report views, so the table, the chart and 下载 CSV of
 * a grouped view all run its one query.
 *
 * How a group adds up (the rule every column follows, tested in ./group-totals.test.ts):
 * - a count (件) or amount (万元) is the sum of the values the group's reports gave. A report that
 *   did not give it (NULL: blank, placeholder or missing cell, or a strict sum with a missing part)
 *   is left out of the sum, never taken as 0, and counted in the column's companion
 *   `<key>_missing` (份). The sum then covers only the reports that gave the value — for counts,
 *   which are never negative, a lower bound of the true total; the table marks such a cell
 *   (缺 N 份) and the CSV carries the companion column. When no report gave it, the sum is NULL;
 * - a rate is recomputed from the summed numerator and denominator (views.ts
 *   {@link INDICATOR_RATIOS}), over the reports that gave every part of both (never a mean of the
 *   reports' rates); the reports without all parts are counted in `<rate>_missing`. NULL when the
 *   summed denominator is 0 or no report gave all parts;
 * - `report_count` (份) counts the group's reports that have the view's table; `missing_cells` (个)
 *   counts the values missing across the group's reports in the view's summed columns (in 指标: the
 *   indicators that could not be computed for a missing part).
 */
import type { ViewId } from './views';
import { INDICATOR_RATIOS, queryToSql, type Ratio, type ViewColumn, type ViewDef, type ViewQuery } from './views';
import { filterWhere, type FilterState } from './filters';
import { FACTS_TABLE } from '../store/facts';
import { zhT, type Translate } from '../present/i18n/translate';

/** A group-by choice: 机关, 县, 市, 省 or 全部 (one group per year); "不分组" is the absence of one (null). */
export type GroupBy = 'agency' | 'county' | 'city' | 'province' | 'all';

/** The group-by choices in the order the control offers them, with their Chinese labels. */
export const GROUP_BY_CHOICES: ReadonlyArray<{ key: GroupBy; label: string }> = [
  { key: 'agency', label: '机关' },
  { key: 'county', label: '县' },
  { key: 'city', label: '市' },
  { key: 'province', label: '省' },
  { key: 'all', label: '全部' },
];

/** Label of the default choice: one row per report, as the views have always shown. */
export const NO_GROUP_LABEL = '不分组';

/** Whether a string (e.g. the URL's `group=`) is a {@link GroupBy}. */
export function isGroupBy(s: string | null | undefined): s is GroupBy {
  return GROUP_BY_CHOICES.some((c) => c.key === s);
}

/** The URL's `group=` as a {@link GroupBy}, or null (不分组) when absent or not one of the choices. */
export function groupFromParam(s: string | null | undefined): GroupBy | null {
  return isGroupBy(s) ? s : null;
}

/** Header of the group column per choice (the group's name is its value). */
const GROUP_COLUMN_LABELS: Record<GroupBy, string> = { agency: '机关', county: '县（区）', city: '市', province: '省', all: '范围' };

/**
 * The grouping as one Chinese sentence that follows the filter sentence, e.g.
 * `按省汇总：每省每个年度一行；计数相加，比率由相加后的分子、分母重新计算；缺失的数不按 0 计。`
 * For null (不分组): `每份报告一行。`
 */
export function describeGroup(group: GroupBy | null): string {
  if (!group) return '每份报告一行。';
  const each = group === 'all' ? '每个年度一行（全部报告合为一组）' : `每${group === 'county' ? '县（区）' : GROUP_COLUMN_LABELS[group]}每个年度一行`;
  return `按${GROUP_BY_CHOICES.find((c) => c.key === group)!.label}汇总：${each}；计数相加，比率由相加后的分子、分母重新计算；缺失的数不按 0 计。`;
}

/**
 * The facts rows each groupable view covers (the same conditions as the view's own WHERE in
 * ./views.ts: a report whose table was not found has no row there, and none in its groups).
 * 合规 lists flags, not numbers: it has no group totals.
 */
const VIEW_ROWS: Partial<Record<ViewId, string>> = {
  proactive: 'f.has_t2',
  applications: 'f.has_t3_total',
  review_litigation: 'f.has_t4',
  indicators: '(f.has_t3 OR f.has_t4)',
};

/** Whether a view can be grouped (the four table views; not 合规). */
export function isGroupable(view: ViewId): boolean {
  return VIEW_ROWS[view] !== undefined;
}

/** One aggregated column: a sum of a per-report value, a rate from summed parts, or a rate's summed denominator. */
type Measure =
  | { kind: 'sum'; column: ViewColumn; expr: string }
  | { kind: 'rate'; column: ViewColumn; ratio: Ratio }
  | { kind: 'base'; column: ViewColumn; rateKey: string };

/** The ratio of a rate column: its own `ratio`, or for the 指标 view's `<indicator>_rate` the indicator's parts. */
function ratioOf(c: ViewColumn): Ratio | null {
  if (c.ratio) return c.ratio;
  if (c.format !== 'rate' || !c.key.endsWith('_rate')) return null;
  return (INDICATOR_RATIOS as Record<string, Ratio | undefined>)[c.key.slice(0, -'_rate'.length)] ?? null;
}

/** The view's columns that a group can total, in view order (text, rank, notes and ids are dropped). */
function measuresOf(view: ViewDef): Measure[] {
  const rates = new Set(view.columns.filter((c) => ratioOf(c)).map((c) => c.key));
  return view.columns.flatMap((c): Measure[] => {
    const ratio = ratioOf(c);
    if (ratio) return [{ kind: 'rate', column: c, ratio }];
    if ((c.format === 'count' || c.format === 'amount') && c.fact) return [{ kind: 'sum', column: c, expr: c.fact }];
    const rateKey = c.key.endsWith('_base') ? `${c.key.slice(0, -'_base'.length)}_rate` : '';
    if (c.format === 'count' && rates.has(rateKey)) return [{ kind: 'base', column: c, rateKey }];
    return [];
  });
}

/** Key of the companion column counting the reports without a value: a base shares its rate's. */
function missingKey(m: Measure): string {
  return `${m.kind === 'base' ? m.rateKey : m.column.key}_missing`;
}

/** The per-report values of the measures, as select items of the `g` CTE (v_/n_/d_ + key). */
function perReportItems(measures: readonly Measure[]): string[] {
  return measures.flatMap((m) =>
    m.kind === 'sum'
      ? [`${m.expr} AS v_${m.column.key}`]
      : m.kind === 'rate'
        ? [`${m.ratio.numerator} AS n_${m.column.key}`, `${m.ratio.denominator} AS d_${m.column.key}`]
        : [],
  );
}

/** How many of the group's reports lack a measure's value (INTEGER SQL over `g`); a base has none of its own. */
function missingCount(m: Measure): string {
  const k = m.column.key;
  return m.kind === 'sum' ? `count(*) - count(v_${k})` : `count(*) FILTER (WHERE n_${k} IS NULL OR d_${k} IS NULL)`;
}

/** The aggregate select items over `g` (see the module comment for the rules). */
function aggregateItems(measures: readonly Measure[], viewId: ViewId): string[] {
  const both = (k: string) => `n_${k} IS NOT NULL AND d_${k} IS NOT NULL`;
  const values = measures.map((m) => {
    const k = m.column.key;
    if (m.kind === 'sum') return `CAST(sum(v_${k}) AS DOUBLE) AS ${k}`;
    if (m.kind === 'base') return `CAST(sum(d_${m.rateKey}) FILTER (WHERE ${both(m.rateKey)}) AS DOUBLE) AS ${k}`;
    return `CAST(sum(n_${k}) FILTER (WHERE ${both(k)}) / NULLIF(sum(d_${k}) FILTER (WHERE ${both(k)}), 0) AS DOUBLE) AS ${k}`;
  });
  const own = measures.filter((m) => m.kind !== 'base');
  // 缺失单元格: over the summed columns; in 指标 (no summed column) over its rates.
  const counted = own.filter((m) => m.kind === (viewId === 'indicators' ? 'rate' : 'sum'));
  const cells = counted.length ? counted.map((m) => `(${missingCount(m)})`).join(' + ') : '0';
  return [
    ...values,
    `CAST(${cells} AS INTEGER) AS missing_cells`,
    ...own.map((m) => `CAST(${missingCount(m)} AS INTEGER) AS ${missingKey(m)}`),
  ];
}

/** Group key and display name per choice, as SQL over `facts` (alias `f`); see {@link groupedView}. */
function groupExprs(group: GroupBy): { key: string; name: string } {
  const p = `nullif(trim(f.province), '')`;
  const c = `nullif(trim(f.city), '')`;
  const k = `nullif(trim(f.county), '')`;
  const unknown = `'未识别地区'`;
  switch (group) {
    case 'agency':
      return { key: `coalesce(f.agency_key, '?:' || f.agency, '?report:' || f.report_id)`, name: `coalesce(f.agency_name, f.agency, '（未识别机关）')` };
    case 'province':
      return { key: `coalesce(${p}, '?')`, name: `coalesce(${p}, ${unknown})` };
    case 'city':
      return {
        key: `CASE WHEN ${p} IS NULL THEN '?' ELSE ${p} || '/' || coalesce(${c}, ${k}, '') END`,
        name: `CASE WHEN ${p} IS NULL THEN ${unknown} WHEN ${c} IS NOT NULL THEN ${p} || ${c} WHEN ${k} IS NOT NULL THEN ${p} || ${k} ELSE ${p} || '（省本级）' END`,
      };
    case 'county':
      return {
        key: `CASE WHEN ${p} IS NULL THEN '?' ELSE ${p} || '/' || coalesce(${c}, '') || '/' || coalesce(${k}, '') END`,
        name: `CASE WHEN ${p} IS NULL THEN ${unknown} WHEN ${k} IS NOT NULL THEN ${p} || coalesce(${c}, '') || ${k} WHEN ${c} IS NOT NULL THEN ${p} || ${c} || '（市本级）' ELSE ${p} || '（省本级）' END`,
      };
    case 'all':
      return { key: `'全部'`, name: `'全部报告'` };
  }
}

/** The columns of a grouped view: group, year, 报告数, the measures (marked with their companions), 缺失单元格, the companions, 分组键. */
function groupedColumns(measures: readonly Measure[], group: GroupBy): ViewColumn[] {
  const groupCol: ViewColumn = {
    key: 'group_name',
    label: GROUP_COLUMN_LABELS[group],
    format: 'text',
    description:
      group === 'agency'
        ? '机关（同一机关各年度、各种写法合为一个，agency_key）'
        : group === 'all'
          ? '全部所选报告'
          : '按解析出的行政区划分组；“本级”为该级机关自身（如市政府），“未识别地区”为无法对应到区划的报告。',
  };
  const shown = measures.map((m): ViewColumn => {
    const note = m.kind === 'sum' ? '本组已给出此数的报告之和；未给出的报告不按 0 计，另计缺失份数。' : '由本组相加后的分子、分母重新计算（不是各报告比率的平均）；缺少任一项的报告不计入。';
    return { ...m.column, missing: missingKey(m), description: [m.column.description, note].filter(Boolean).join(' ') };
  });
  const companions = measures
    .filter((m) => m.kind !== 'base')
    .map((m): ViewColumn => ({
      key: missingKey(m),
      label: `${m.column.label}·缺失份数`,
      unit: '份',
      format: 'count',
      companionOf: m.column.key,
      description: m.kind === 'sum' ? `本组未给出“${m.column.label}”的报告份数` : `本组缺少“${m.column.label}”分子或分母某一项、未计入的报告份数`,
    }));
  return [
    groupCol,
    { key: 'year', label: '年度', format: 'year' },
    { key: 'report_count', label: '报告数', unit: '份', format: 'count', description: '本组本年度有此表的报告份数' },
    ...shown,
    { key: 'missing_cells', label: '缺失单元格', unit: '个', format: 'count', description: '本组报告未给出（空白、占位符或缺失）的数值个数，按本视图相加的各列计。' },
    ...companions,
    { key: 'group_key', label: '分组键', format: 'text', description: '分组的标识：机关为 agency_key，地区为 省/市/县（区），“?”为未识别地区。' },
  ];
}

/** The `r` (filtered facts) and `g` (per-report group key, name, year and measure values) CTEs. */
function baseCtes(viewId: ViewId, measures: readonly Measure[], group: GroupBy, filter: FilterState): string[] {
  const { key, name } = groupExprs(group);
  return [
    `r AS (SELECT * FROM ${FACTS_TABLE} WHERE ${filterWhere(filter)})`,
    `g AS (SELECT ${key} AS group_key, ${name} AS group_name, f.year,\n  ${perReportItems(measures).join(',\n  ')}\nFROM r f WHERE ${VIEW_ROWS[viewId]})`,
  ];
}

const cache = new Map<string, ViewDef>();

/**
 * The view grouped: one row per group and report year, with the columns of
 * {@link groupedColumns} (the group's name under the choice's label — 机关 shown by agency_name,
 * 县（区）/市/省 by the division's name, `江苏省淮安市（市本级）` for a city's own agencies under 县,
 * `未识别地区` for reports whose division is unknown —, 年度, 报告数, the view's counts and rates
 * totalled as the module comment says, 缺失单元格, the `<key>_missing` companions and the group's
 * key), ordered by group name, year and key; the SQL returns after them `agency` (= the group's
 * name, for the chart's category labels) and, grouped by 机关, `agency_key`. Returns null for a view that cannot be grouped (合规).
 * The same object is returned for the same view and choice (React effects depend on it).
 */
export function groupedView(view: ViewDef, group: GroupBy): ViewDef | null {
  if (!isGroupable(view.id)) return null;
  const id = `${view.id}:${group}:${view.columns.map((c) => c.key).join(',')}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const measures = measuresOf(view);
  const columns = groupedColumns(measures, group);
  const query = (filter: FilterState): ViewQuery => ({
    with: [
      ...baseCtes(view.id, measures, group, filter),
      `t AS (SELECT group_key, min(group_name) AS group_name, year, CAST(count(*) AS INTEGER) AS report_count,\n  ${aggregateItems(measures, view.id).join(',\n  ')}\nFROM g GROUP BY group_key, year)`,
    ],
    // After the declared columns, `agency`: the group's name again, as the category label the
    // view's chart reads (lib/charts categoryLabel); grouped by 机关, `agency_key` too (the link to
    // the agency's page and the 比较 checkbox, views.ts VIEW_LINK_KEYS). Not in the table or the CSV.
    select: [
      ...columns.map((c) => (c.key === 'year' ? 'CAST(year AS INTEGER) AS year' : c.key)),
      'group_name AS agency',
      ...(group === 'agency' ? ['group_key AS agency_key'] : []),
    ],
    from: 't',
    orderBy: ['group_name', 'year', 'group_key'],
  });
  const label = GROUP_BY_CHOICES.find((c) => c.key === group)!.label;
  const def: ViewDef = {
    ...view,
    title: `${view.title}（按${label}汇总）`,
    summary: `${view.summary} ${describeGroup(group)}`,
    columns,
    reads: 'facts',
    query,
    sql: (filter) => queryToSql(query(filter)),
  };
  cache.set(id, def);
  return def;
}

/**
 * The selection's total row (合计) of a view: the same totals as {@link groupedView} over every
 * filtered report with the view's table, all years together — one row with group_name `合计`,
 * year NULL, `year_from`/`year_to` (INTEGER, the years it spans; NULL when no report), report_count
 * (0 when no report), the measures, missing_cells and the companions, under the same keys as the
 * grouped view's columns (and as the per-report view's value columns). Null for 合规.
 */
export function totalRowQuery(view: ViewDef, filter: FilterState): ViewQuery | null {
  if (!isGroupable(view.id)) return null;
  const measures = measuresOf(view);
  return {
    with: baseCtes(view.id, measures, 'all', filter),
    select: [
      `'合计' AS group_name`,
      'CAST(NULL AS INTEGER) AS year',
      'CAST(min(year) AS INTEGER) AS year_from',
      'CAST(max(year) AS INTEGER) AS year_to',
      'CAST(count(*) AS INTEGER) AS report_count',
      ...aggregateItems(measures, view.id),
    ],
    from: 'g',
  };
}

/**
 * The per-year totals of the selection (the trend): {@link groupedView} with 全部, one row per
 * report year that has a report with the view's table (a year without one has no row: a gap, not
 * 0). Null for 合规.
 */
export function trendView(view: ViewDef): ViewDef | null {
  return groupedView(view, 'all');
}

/**
 * The marker of a total that leaves out reports which did not give the value: `缺N份` and a
 * tooltip saying what the number covers. Null when no report is missing (n 0, NULL or not a number).
 * Texts in the language of `t` (Chinese by default).
 */
export function missingMark(column: ViewColumn, n: unknown, t: Translate = zhT): { text: string; title: string } | null {
  if (typeof n !== 'number' || !(n > 0)) return null;
  const title =
    column.format === 'rate'
      ? t('{{count}} 份报告缺少计算此比率所需的某一项，未计入分子和分母。', { count: n })
      : t('{{count}} 份报告没有给出此数（缺失、空白或占位符）；合计只含已给出的报告，实际总数可能更大。', { count: n });
  return { text: t('缺{{count}}份', { count: n }), title };
}
