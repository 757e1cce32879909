/**
 * The dashboard views as pure SQL builders over the tables `reports`, `facts` and `flags`
 * (see ./load.ts, ./facts.ts: the views read the per-report facts pivoted once from `cells`, never
 * `cells` itself). Each view is a column list (key, Chinese label, unit) plus a function from
 * filter state to one SELECT; the chart, the table and the CSV download of a view all use the
 * rows of that one SELECT.
 *
 * Missing stays missing: a value is NULL when the report did not give it (cell status blank,
 * placeholder or missing, or no such cell), never 0. A group sum (e.g. 不予公开 = rows 5–12) is
 * NULL when any of its cells is NULL or when it has no cells at all. A report whose table was not
 * found has no row in that table's view. Ratios are NULL when their denominator is 0 or NULL.
 * Every numeric output is cast to DOUBLE and the year to INTEGER, so no BIGINT/DECIMAL reaches JS.
 */
import { T4_COLUMNS, T4_ROWS, TABLE_LABELS } from '../model/form-layout';
import type { TableKey } from '../model/report-schema';
import { AGENCY_LEVELS, filterWhere, type FilterState } from './filters';
import { agencyTypeLabel } from '../present/labels';
import { buildRegionTree, type RegionNode } from './region-tree';
import { describeCellRef, RULE_LABELS, T3_LABELS, T4_GROUP_LABELS } from '../present/labels';
import { INDICATOR_RATIOS, INDICATORS, type Indicator, type Ratio } from '../present/indicators';
import { MIN_CASES, MIN_PEERS } from '../model/rank-threshold';
import { PEERS_TABLE, peersTableColumns, peersTableSql } from './indicator-peers';
import { FACT_COLUMNS, FACTS_TABLE, T2_CELLS, T2_OTHER_FORM_NOTE, T3_FACT_KEYS, T3_OUTCOME_GROUPS, T4_KEYS } from '../store/facts';
import { sqlIdent, sqlString } from '../store/sql';

/** Identifier of a view (one dashboard tab). */
export type ViewId = 'proactive' | 'applications' | 'review_litigation' | 'indicators' | 'compliance';

/**
 * How a column's values are shown:
 * - `text`: as is; `year`: a year;
 * - `count`: 件 (integers); `amount`: 万元 (may be fractional);
 * - `rate`: a ratio 0–1 shown as a percentage;
 * - `severity`, `rule`, `subject`: keys shown through their Chinese labels (./labels.ts);
 * - `rank`: a rank (1 = first) or NULL, read with the column's `rank` companions
 *   (lib/present/rank-text.ts rankText: `样本不足30件` when the ratio rests on fewer than 30 cases,
 *   `无同类组` when the report's level or type is unknown);
 * - `percentile`: a percentile 0–1 in the peer group, shown as `P62`, read with the `rank`
 *   companions (`同类不足5家` when the group is too small, lib/present/rank-text.ts percentileText);
 * - `origin`: `upload` (shown as a 上传 badge) or `embedded` (内置), see ./load.ts Origin;
 * - `date_source`: where 发布日期 comes from, reports.csv `published_on_source` — `printed`
 *   (shown 印于报告) or `page` (取自发布页面), lib/present/labels.ts PUBLISHED_ON_SOURCE_LABELS.
 */
export type ColumnFormat = 'text' | 'year' | 'count' | 'amount' | 'rate' | 'severity' | 'rule' | 'subject' | 'rank' | 'percentile' | 'origin' | 'date_source';

/** One output column of a view: SQL name (also the CSV header), Chinese label, unit, format. */
export interface ViewColumn {
  key: string;
  label: string;
  /** `件`, `万元` or `%`; `份` (reports) and `个` (cells) in group totals (./group-totals.ts); absent for text. */
  unit?: '件' | '万元' | '%' | '份' | '个';
  format: ColumnFormat;
  /** Longer explanation (formula, form label) for a tooltip. */
  description?: string;
  /** For a derived ratio: its formula in Chinese, shown next to the column's name. */
  formula?: string;
  /**
   * For a `rank` or `percentile` column: the keys of the ratio and of its denominator (件) in the
   * same row, and of the number of peers in its peer group (指标, lib/query/indicator-peers.ts).
   */
  rank?: { rate: string; base: string; peers?: string };
  /**
   * For a peer statistic (指标's P25 / 中位数 / P75): the key of the number of peers in the same row,
   * so that a NULL reads `同类不足5家` or `无同类组` instead of a missing number.
   */
  peers?: string;
  /**
   * For a count or amount: the per-report expression over `facts` (alias `f`) that it shows, e.g.
   * `f.t3_new_received`, so that a group total (./group-totals.ts) can sum it.
   */
  fact?: string;
  /**
   * For a rate: its numerator and denominator as per-report expressions over `facts` (alias `f`),
   * so that a group recomputes the rate from the summed parts (never a mean of rates).
   */
  ratio?: Ratio;
  /**
   * In a group total (./group-totals.ts): the key of the column counting the group's reports that
   * did not give this value (份); the value then covers only the reports that gave it.
   */
  missing?: string;
  /** In a group total: this column is the {@link ViewColumn.missing} count of the column with this key (a CSV column; the table shows it inside that column's cell). */
  companionOf?: string;
}

/** Re-exports of ./indicators.ts for callers that knew them here (group totals). */
export { INDICATOR_RATIOS, type Ratio };

/** A view: its id, tab title, the table of the form it reads, its columns and its SQL. */
export interface ViewDef {
  id: ViewId;
  /** Tab title, e.g. `依申请公开`; also the first part of the CSV file name. */
  title: string;
  /** The form table behind the view, or null for 合规 (flags). */
  table: TableKey | null;
  /** What the view shows, one sentence. */
  summary: string;
  columns: readonly ViewColumn[];
  /**
   * The tables the view's SQL reads: `facts` only (the four table views: the browser runs them as
   * soon as the facts are loaded) or `all` (合规 joins `flags`: it waits until reports.csv and
   * flags.csv are loaded, app/_lib/duckdb-browser.ts BrowserDb.exec).
   */
  reads: 'facts' | 'all';
  /**
   * Statements that (re)create a table the view's query reads besides the data tables, from the
   * loaded data alone (指标: the peer statistics, ./indicator-peers.ts peersTableSql — they depend
   * on every loaded report, never on the filter). Run them once after the data is loaded and again
   * after it changed (uploads, 清除): lib/pipeline/node-duckdb.ts at open, app/_lib/use-view-rows.ts
   * once per data version — not on a filter change. Absent: none.
   */
  setup?: readonly string[];
  /** The SELECT for a filter as parts ({@link ViewQuery}); its output columns are exactly `columns`, in order. */
  query: (filter: FilterState) => ViewQuery;
  /** The same SELECT as SQL text: {@link queryToSql} of {@link ViewDef.query} (what 下载 CSV runs and the SQL shown). */
  sql: (filter: FilterState) => string;
}

/**
 * A SELECT as parts, so that paging and counting change the object, never the SQL text (as
 * mosaic's inputs/src/Table.js builds its page and count queries from one query object):
 * `WITH <with> SELECT <select> FROM <from> WHERE <where, AND-ed> ORDER BY <orderBy> LIMIT <limit>
 * OFFSET <offset>`. A view's query has no GROUP BY or DISTINCT at its top level (aggregations
 * live in its CTEs), so its row count is the count of `from` … `where` ({@link countQuery}).
 */
export interface ViewQuery {
  /** Common table expressions, each `name AS (…)`, in order; absent or empty: no WITH. */
  with?: readonly string[];
  /** Output expressions, each a column or `expression AS name`. */
  select: readonly string[];
  /** The FROM clause (tables, aliases, joins); absent: no FROM (e.g. `SELECT 1`). */
  from?: string;
  /** Conditions, AND-ed; absent or empty: every row. */
  where?: readonly string[];
  /** Sort keys, most significant first; absent or empty: no ORDER BY. */
  orderBy?: readonly string[];
  /** At most this many rows (a whole number ≥ 0); absent: all. */
  limit?: number;
  /** Rows skipped before the first one returned (a whole number ≥ 0); absent: none. */
  offset?: number;
}

/**
 * The SQL text of a {@link ViewQuery}: the parts in SQL order, one clause a line. Pure; limit and
 * offset are floored and clamped at 0.
 */
export function queryToSql(q: ViewQuery): string {
  const lines: string[] = [];
  if (q.with?.length) lines.push(`WITH ${q.with.join(',\n')}`);
  lines.push(`SELECT ${q.select.join(',\n  ')}`);
  if (q.from) lines.push(`FROM ${q.from}`);
  if (q.where?.length) lines.push(`WHERE ${q.where.join(' AND ')}`);
  if (q.orderBy?.length) lines.push(`ORDER BY ${q.orderBy.join(', ')}`);
  const whole = (n: number) => Math.max(0, Math.floor(n));
  if (q.limit !== undefined) lines.push(`LIMIT ${whole(q.limit)}${q.offset ? ` OFFSET ${whole(q.offset)}` : ''}`);
  else if (q.offset) lines.push(`OFFSET ${whole(q.offset)}`);
  return lines.join('\n');
}

/** A view from its parts: `sql` is {@link queryToSql} of `query`. */
function defineView(v: Omit<ViewDef, 'sql'>): ViewDef {
  return { ...v, sql: (filter) => queryToSql(v.query(filter)) };
}

/** The origin column of every view: `upload` for rows of a file uploaded in this browser, `embedded` for the built data. */
export const ORIGIN_VIEW_COLUMN: ViewColumn = {
  key: 'origin',
  label: '来源',
  format: 'origin',
  description: 'upload：在本浏览器中上传的文件（只在本机读取，不在看板的数据文件中）；embedded：看板内置的数据（npm run build:data 生成）。',
};

/**
 * Columns every view's SQL returns after its declared {@link ViewDef.columns}, for links only —
 * not shown as a table column, not written by 下载 CSV (which keeps the declared columns):
 * `agency_key` (lib/parse/agency-identity.ts, e.g. `320813:人民政府`), what the 机关 cell links to
 * (/agency/AGENCY_KEY, lib/present/links.ts agencyHref; issue 9 “every agency name links here”).
 */
export const VIEW_LINK_KEYS: readonly string[] = ['agency_key'];

const ID_COLUMNS: readonly ViewColumn[] = [
  { key: 'agency', label: '机关', format: 'text' },
  { key: 'region', label: '地区', format: 'text' },
  { key: 'year', label: '年度', format: 'year' },
  ORIGIN_VIEW_COLUMN,
];

const TRAIL_COLUMNS: readonly ViewColumn[] = [
  {
    key: 'cell_notes',
    label: '单元格说明',
    format: 'text',
    description: '本行数值中不是“印出”的单元格：空白、占位符、缺失（均显示为空，不是 0）或推算。',
  },
  { key: 'report_id', label: '报告编号', format: 'text' },
];

/**
 * Every column of `facts` with `agency` replaced by the canonical name (coalesce(agency_name,
 * agency)), spelled out rather than DuckDB's `SELECT * REPLACE (…)`, so that the same SQL also runs
 * on SQLite (the benchmark's sql.js comparison, app/_lib/bench/).
 */
const FACTS_WITH_AGENCY_NAME = FACT_COLUMNS.map((c) => (c.name === 'agency' ? 'coalesce(agency_name, agency) AS agency' : sqlIdent(c.name))).join(', ');

/**
 * The filtered reports' facts as a CTE named `r`: `facts` carries each report's agency, region,
 * year and origin (./facts.ts FACT_REPORT_COLUMNS), so the views filter and sort one table and
 * never join `reports`. Its `agency` is the agency's canonical name (agency_name, one per
 * agency_key: 洪泽区 2023 and 2024 both 淮安市洪泽区人民政府; the name as read for data files
 * without it); `agency_key` is there for links to the agency.
 */
function reportsCte(filter: FilterState): string {
  return `r AS (SELECT ${FACTS_WITH_AGENCY_NAME} FROM ${FACTS_TABLE} WHERE ${filterWhere(filter)})`;
}


/**
 * The sort of every table view: agency, year, report id (a stable order for paging) — as the one
 * integer `view_order` of facts that numbers that order (../store/facts.ts renumberFactsSql).
 */
const TABLE_VIEW_ORDER: readonly string[] = ['f.view_order'];

/**
 * The query of a table view (主动公开, 依申请公开, 复议诉讼): one row per filtered report that has the
 * table (`has`, a boolean column of facts), with agency, region, year and origin first, then the
 * view's `values` (SQL select items), the table's cell notes, the report id and the agency key (a
 * link target, {@link VIEW_LINK_KEYS}), in {@link TABLE_VIEW_ORDER}.
 */
function tableViewQuery(filter: FilterState, table: 't2' | 't3' | 't4', has: string, values: readonly string[]): ViewQuery {
  return {
    with: [reportsCte(filter)],
    select: ['f.agency', 'f.region', 'f.year', 'f.origin', ...values, `f.${table}_notes AS cell_notes`, 'f.report_id', 'f.agency_key'],
    from: 'r f',
    where: [`f.${has}`],
    orderBy: TABLE_VIEW_ORDER,
  };
}

// ---------------------------------------------------------------- 主动公开 (表二)


/**
 * A form label without its printed unit (`本年收费金额（万元）` → `本年收费金额`): the table header
 * adds the column's unit itself, so the label keeps none (issue 9: the header printed （万元）（万元）).
 */
function withoutUnit(label: string, unit: string): string {
  return label.replace(new RegExp(`（(单位：)?${unit}）$`), '');
}

/**
 * 主动公开: one row per report with 表二, the 10 cells of the 2021 form's 表二 (件; 收费 in 万元).
 * A report whose 表二 has other columns (2019 trial format) has a row of NULLs and a note.
 */
export const PROACTIVE_VIEW: ViewDef = defineView({
  id: 'proactive',
  title: '主动公开',
  table: 't2',
  summary: `${TABLE_LABELS.t2}：规章和行政规范性文件的制发、废止、现行有效件数，行政许可、处罚、强制决定数，行政事业性收费金额（万元）。`,
  columns: [
    ...ID_COLUMNS,
    ...T2_CELLS.map(
      (x): ViewColumn =>
        x.column === 'amount'
          ? { key: x.key, label: withoutUnit(x.label, '万元'), unit: '万元', format: 'amount', fact: `f.${sqlIdent(`t2_${x.key}`)}` }
          : { key: x.key, label: x.label, unit: '件', format: 'count', fact: `f.${sqlIdent(`t2_${x.key}`)}` },
    ),
    ...TRAIL_COLUMNS,
  ],
  reads: 'facts',
  query: (filter) => tableViewQuery(filter, 't2', 'has_t2', T2_CELLS.map((x) => `f.${sqlIdent(`t2_${x.key}`)} AS ${sqlIdent(x.key)}`)),
});

// ---------------------------------------------------------------- 依申请公开 (表三, 总计 column)

/**
 * 依申请公开: one row per report with 表三, read from the 总计 column (件): 本年新收, 上年结转,
 * the six outcome groups, 办理结果总计, 结转下年度, and
 * 实质公开率 = (予以公开 + 部分公开) / 办理结果总计 (spec "Indicators"; NULL when the total is 0 or NULL).
 */
export const APPLICATIONS_VIEW: ViewDef = defineView({
  id: 'applications',
  title: '依申请公开',
  table: 't3',
  summary: `${TABLE_LABELS.t3}（总计列）：新收与结转申请、办理结果构成，以及实质公开率。`,
  columns: [
    ...ID_COLUMNS,
    { key: 'new_received', label: T3_LABELS.new_received, unit: '件', format: 'count', fact: 'f.t3_new_received' },
    { key: 'carried_over', label: T3_LABELS.carried_over, unit: '件', format: 'count', fact: 'f.t3_carried_over' },
    ...T3_OUTCOME_GROUPS.map(
      (g): ViewColumn => ({
        key: g.key,
        label: g.label,
        unit: '件',
        format: 'count',
        description: g.rows.length > 1 ? `表三“${g.label}”下各项之和；任一项为空则为空。` : undefined,
        fact: `f.t3_${g.key}`,
      }),
    ),
    { key: 'total_processed', label: T3_LABELS.total_processed, unit: '件', format: 'count', fact: 'f.t3_total_processed' },
    { key: 'carried_forward', label: T3_LABELS.carried_forward, unit: '件', format: 'count', fact: 'f.t3_carried_forward' },
    {
      key: 'disclosure_rate',
      label: '实质公开率',
      unit: '%',
      format: 'rate',
      description: '（予以公开 + 部分公开）÷ 办理结果总计；总计为 0 或缺失时为空。少于 30 件时仅供参考。',
      formula: INDICATORS[0].formula,
      ratio: INDICATOR_RATIOS.disclosure,
    },
    ...TRAIL_COLUMNS,
  ],
  reads: 'facts',
  query: (filter) =>
    tableViewQuery(filter, 't3', 'has_t3_total', [
      ...T3_FACT_KEYS.map((k) => `f.t3_${k} AS ${k}`),
      'CAST((f.t3_granted + f.t3_partially_granted) / NULLIF(f.t3_total_processed, 0) AS DOUBLE) AS disclosure_rate',
    ]),
});

// ---------------------------------------------------------------- 复议诉讼 (表四)

/**
 * 复议诉讼: one row per report with 表四 (件): 行政复议 and 行政诉讼 (未经复议直接起诉 + 复议后起诉,
 * strict sum) by 结果维持/结果纠正/其他结果/尚未审结/总计, and
 * 复议纠错率 = 复议结果纠正 / (维持 + 纠正 + 其他), 诉讼纠错率 likewise over both litigation rows
 * (spec "Indicators"; NULL when no case was concluded or a part is missing).
 */
export const REVIEW_LITIGATION_VIEW: ViewDef = defineView({
  id: 'review_litigation',
  title: '复议诉讼',
  table: 't4',
  summary: `${TABLE_LABELS.t4}：行政复议与行政诉讼（两类起诉合计）的结果，以及纠错率。`,
  columns: [
    ...ID_COLUMNS,
    ...T4_COLUMNS.map((c): ViewColumn => ({ key: `review_${c.key}`, label: `${T4_GROUP_LABELS.review}·${c.label}`, unit: '件', format: 'count', fact: `f.t4_review_${c.key}` })),
    ...T4_COLUMNS.map(
      (c): ViewColumn => ({
        key: `litigation_${c.key}`,
        label: `${T4_GROUP_LABELS.litigation}·${c.label}`,
        unit: '件',
        format: 'count',
        description: `${T4_ROWS[1].label} 与 ${T4_ROWS[2].label} 之和`,
        fact: `f.t4_litigation_${c.key}`,
      }),
    ),
    {
      key: 'review_correction_rate',
      label: '复议纠错率',
      unit: '%',
      format: 'rate',
      description: '复议结果纠正 ÷（结果维持 + 结果纠正 + 其他结果）；无审结案件时为空。',
      formula: INDICATORS[1].formula,
      ratio: INDICATOR_RATIOS.review_correction,
    },
    {
      key: 'litigation_correction_rate',
      label: '诉讼纠错率',
      unit: '%',
      format: 'rate',
      description: '诉讼结果纠正 ÷（结果维持 + 结果纠正 + 其他结果），两类起诉合计；无审结案件时为空。',
      formula: INDICATORS[2].formula,
      ratio: INDICATOR_RATIOS.litigation_correction,
    },
    ...TRAIL_COLUMNS,
  ],
  reads: 'facts',
  query: (filter) =>
    tableViewQuery(filter, 't4', 'has_t4', [
      ...T4_KEYS.map((k) => `f.t4_review_${k} AS review_${k}`),
      ...T4_KEYS.map((k) => `f.t4_litigation_${k} AS litigation_${k}`),
      'CAST(f.t4_review_corrected / NULLIF(f.t4_review_upheld + f.t4_review_corrected + f.t4_review_other, 0) AS DOUBLE) AS review_correction_rate',
      'CAST(f.t4_litigation_corrected / NULLIF(f.t4_litigation_upheld + f.t4_litigation_corrected + f.t4_litigation_other, 0) AS DOUBLE) AS litigation_correction_rate',
    ]),
});

// ---------------------------------------------------------------- 指标 (derived indicators)

/** The peer group's name in the 指标 view's headers and summary: same type, level and year. */
export const PEER_GROUP_LABEL = '同类同级同年';

/** The 指标 view's columns of one indicator, in {@link peerColumnKeys} order. */
function indicatorColumns(ind: Indicator): ViewColumn[] {
  const rank = { rate: `${ind.key}_rate`, base: `${ind.key}_base`, peers: `${ind.key}_peers` };
  const quartile = (p: 'p25' | 'p50' | 'p75', name: string): ViewColumn => ({
    key: `${ind.key}_${p}`,
    label: `${ind.label}·${PEER_GROUP_LABEL}${name}`,
    unit: '%',
    format: 'rate',
    peers: rank.peers,
    description: `${PEER_GROUP_LABEL}（同一机关类型、同一层级、同一年度）的报告中，分母不少于 ${MIN_CASES} 件的${ind.label}的${name}；同类少于 ${MIN_PEERS} 家时不计算。`,
  });
  return [
    { key: `${ind.key}_rate`, label: ind.label, unit: '%', format: 'rate', formula: ind.formula, description: `${ind.label} = ${ind.formula}。${ind.reading}` },
    { key: `${ind.key}_base`, label: `${ind.label}·分母（${ind.base}）`, unit: '件', format: 'count', description: `${ind.label}的分母：${ind.base}（件）。少于 ${MIN_CASES} 件不排名。` },
    {
      key: `${ind.key}_rank`,
      label: `${ind.label}·${PEER_GROUP_LABEL}排名`,
      format: 'rank',
      rank,
      description: `在${PEER_GROUP_LABEL}的报告中按${ind.label}从高到低排名；分母少于 ${MIN_CASES} 件、无法计算或层级/类型未识别的不排名。`,
    },
    {
      key: `${ind.key}_pct`,
      label: `${ind.label}·${PEER_GROUP_LABEL}百分位`,
      format: 'percentile',
      rank,
      description: `${PEER_GROUP_LABEL}中${ind.label}低于本报告的其他报告所占比例（percent_rank，P0–P100）；同类少于 ${MIN_PEERS} 家时不计算。`,
    },
    quartile('p25', 'P25'),
    quartile('p50', '中位数'),
    quartile('p75', 'P75'),
    {
      key: `${ind.key}_peers`,
      label: `${ind.label}·${PEER_GROUP_LABEL}家数`,
      format: 'count',
      description: `${PEER_GROUP_LABEL}中${ind.label}参与排名（分母不少于 ${MIN_CASES} 件）的报告数，含本报告；层级或类型未识别时为空。`,
    },
  ];
}

/**
 * 指标: one row per report with 表三 or 表四, the four derived indicators of the spec
 * (./indicators.ts INDICATORS: 实质公开率, 复议纠错率, 诉讼纠错率, 争议率), each as ratio (0–1),
 * denominator (件), rank, percentile and quartiles within its peer group (同类同级同年: same
 * agency_type, level and year, over every loaded report — ./indicator-peers.ts), and the number of
 * peers. A ratio over fewer than 30 cases is shown but not ranked; a peer group of fewer than
 * MIN_PEERS (5) reports has no quartiles or percentiles; a ratio whose denominator is 0 or has a
 * missing part is NULL. Sums of 表四 rows are strict: NULL when a part is missing (see the module
 * comment). The query reads the peer table (./indicator-peers.ts PEERS_TABLE), made by the view's
 * {@link ViewDef.setup} once per data load: a filter change filters `facts` and joins the table on
 * report_id; without the table the query fails (“Table indicator_peers does not exist”).
 */
export const INDICATORS_VIEW: ViewDef = defineView({
  id: 'indicators',
  title: '指标',
  table: null,
  summary:
    `由表三、表四计算的比较指标，每项与${PEER_GROUP_LABEL}（同一机关类型、同一层级、同一年度，取全部已载入的报告，不受筛选影响）比较：排名、百分位和同类的 P25／中位数／P75。` +
    `分母少于 ${MIN_CASES} 件的比率照常显示，但不参与排名和同类统计（注明“样本不足${MIN_CASES}件”）；同类少于 ${MIN_PEERS} 家时不给百分位和四分位数（注明“同类不足${MIN_PEERS}家”）。`,
  columns: [
    ...ID_COLUMNS,
    { key: 'peer_group', label: `同类组（${PEER_GROUP_LABEL}）`, format: 'text', description: '机关层级、机关类型和年度；层级或类型未识别的报告没有同类组，不排名。' },
    ...INDICATORS.flatMap(indicatorColumns),
    { key: 'report_id', label: '报告编号', format: 'text' },
  ],
  reads: 'facts',
  // The peer statistics depend on the loaded reports, not on the filter: made once per data load
  // (./indicator-peers.ts), and a filter change only filters facts and joins them on report_id.
  setup: [peersTableSql()],
  query: (filter) => ({
    with: [reportsCte(filter)],
    select: ['f.agency', 'f.region', 'f.year', 'f.origin', ...peersTableColumns().map((c) => `p.${c}`), 'f.report_id', 'f.agency_key'],
    from: `r f JOIN ${PEERS_TABLE} p ON p.report_id = f.report_id`,
    orderBy: TABLE_VIEW_ORDER,
  }),
});

/**
 * The statements every view's {@link ViewDef.setup} runs, in {@link VIEWS} order (指标's peer
 * table): what a database opener runs after loading the data (lib/pipeline/node-duckdb.ts) and
 * the dashboard after the data changed (app/_lib/use-view-rows.ts).
 */
export function viewSetupSql(): string[] {
  return VIEWS.flatMap((v) => v.setup ?? []);
}

// ---------------------------------------------------------------- 合规 (flags)

/**
 * The report's publication date and where it comes from (issue 11), in 合规 after the origin:
 * `published_on` (发布日期, `YYYY-MM-DD` or NULL when unknown) and `published_on_source`
 * (发布日期来源: `printed` 印于报告 / `page` 取自发布页面 — the report prints no date and the
 * page it was published on gives one, lib/parse page metadata — / NULL when there is no date or
 * the data files predate the column), both from reports.csv.
 */
const PUBLICATION_COLUMNS: readonly ViewColumn[] = [
  { key: 'published_on', label: '发布日期', format: 'text', description: '报告的发布日期（YYYY-MM-DD）；报告未印日期且发布页面也没有时为空。' },
  {
    key: 'published_on_source',
    label: '发布日期来源',
    format: 'date_source',
    description: 'printed（印于报告）：报告正文印出的日期；page（取自发布页面）：报告未印日期，取自发布它的网页（发布时间、发布日期）；无发布日期时为空。',
  },
];

/** A rule id as flags.csv writes it (`DEADLINE`); anything else is dropped from a rule filter. */
const RULE_ID = /^[A-Z][A-Z0-9_]*$/;

/**
 * 合规: the flags of the filtered reports, errors first, with agency and year from facts and the
 * publication date and its source from reports ({@link PUBLICATION_COLUMNS}); with
 * `rules` (rule ids, e.g. from the dashboard's `rule=` URL parameter, shared with 审核), only the
 * flags of those rules (ids not of the form `RULE_ID` are ignored). No rules: every flag — the SQL
 * is then exactly {@link COMPLIANCE_VIEW}'s, so the build's first page still applies.
 */
export function complianceView(rules: readonly string[] = []): ViewDef {
  const only = [...new Set(rules.filter((r) => RULE_ID.test(r)))];
  return defineView({
    id: 'compliance',
    title: '合规',
    table: null,
    summary: '检查结果：每条为一份报告违反的一条规则（表内勾稽关系、表格或单元格缺失、发布期限）。',
    columns: [
      ...ID_COLUMNS,
      ...PUBLICATION_COLUMNS,
      { key: 'severity', label: '严重程度', format: 'severity' },
      { key: 'rule', label: '规则', format: 'rule' },
      { key: 'rule_label', label: '规则说明', format: 'text' },
      { key: 'subject', label: '涉及单元格', format: 'subject' },
      { key: 'message', label: '说明', format: 'text' },
      { key: 'expected', label: '应为', format: 'text' },
      { key: 'actual', label: '实为', format: 'text' },
      { key: 'difference', label: '差值', format: 'text', description: '实为 − 应为（件，或发布期限的天数）' },
      { key: 'evidence', label: '原文依据', format: 'text', description: '检查所依据的报告原文（句子或重复段落）' },
      { key: 'report_id', label: '报告编号', format: 'text' },
      { key: 'fingerprint', label: '指纹', format: 'text', description: '检查结果的指纹（16 位十六进制；审核结果按它保存，数据重新生成后不变）' },
    ],
    reads: 'all',
    query: (filter) => ({
      with: [reportsCte(filter)],
      select: [
        'r.agency',
        'r.region',
        'r.year',
        'r.origin',
        'r.published_on',
        'r.published_on_source',
        'f.severity',
        'f.rule',
        `CASE f.rule ${Object.entries(RULE_LABELS)
          .map(([k, v]) => `WHEN ${sqlString(k)} THEN ${sqlString(v)}`)
          .join(' ')} ELSE f.rule END AS rule_label`,
        'f.subject',
        'f.message',
        'f.expected',
        'f.actual',
        'CAST(f.difference AS DOUBLE) AS difference',
        'f.evidence',
        'r.report_id',
        'f.fingerprint',
        'r.agency_key',
      ],
      // The publication date comes with the facts (../store/facts.ts FACT_REPORT_COLUMNS): no join on
      // reports, which was a third of 合规's query at 100,000 reports.
      from: 'flags f JOIN r ON f.report_id = r.report_id',
      where: only.length ? [`f.rule IN (${only.map(sqlString).join(', ')})`] : [],
      orderBy: [
        `CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 ELSE 3 END`,
        // agency, year, report (facts' view_order: one integer for the three, ../store/facts.ts)
        'r.view_order',
        'f.rule',
        'f.subject',
        'r.report_id',
        'f.fingerprint',
        'f.message',
      ],
    }),
  });
}

/** 合规 with every rule ({@link complianceView} of no rules). */
export const COMPLIANCE_VIEW: ViewDef = complianceView();

/** The five views in tab order. */
export const VIEWS: readonly ViewDef[] = [PROACTIVE_VIEW, APPLICATIONS_VIEW, REVIEW_LITIGATION_VIEW, INDICATORS_VIEW, COMPLIANCE_VIEW];

/** The view with this id; throws only on a programming error (an id not in {@link ViewId}). */
export function getView(id: ViewId): ViewDef {
  const v = VIEWS.find((x) => x.id === id);
  if (!v) throw new Error(`unknown view ${id}`);
  return v;
}

/** Whether a string is a {@link ViewId} (e.g. read from a URL). */
export function isViewId(s: string | null | undefined): s is ViewId {
  return VIEWS.some((v) => v.id === s);
}

/**
 * The values the filter controls offer, read from `facts` (one row per loaded report, ./facts.ts):
 * one row per place and agency — (agency_key, printed region, province, city, county, level,
 * agency_type) — with the agency's name (agency_name), year NULL and `reports` (INTEGER, 份: the
 * reports of that combination, for the region tree's counts, ./region-tree.ts), then one row per
 * report year with the other columns NULL; `uploaded` (INTEGER 1/0) says whether any of those
 * reports was uploaded in this browser. An agency lies in one place, so the result stays near the
 * number of agencies (about 20,000 at 100,000 reports) rather than the number of reports. Empty
 * names are read as NULL.
 */
export function filterOptionsSql(): string {
  const uploaded = `CAST(max(CASE WHEN origin = 'upload' THEN 1 ELSE 0 END) AS INTEGER) AS uploaded`;
  const place = ['province', 'city', 'county', 'level', 'agency_type'].map((c) => `nullif(${c}, '') AS ${c}`).join(', ');
  const nulls = ['province', 'city', 'county', 'level', 'agency_type'].map((c) => `NULL AS ${c}`).join(', ');
  return (
    `SELECT agency_key, any_value(coalesce(agency_name, agency)) AS agency_name, region, ${place}, CAST(NULL AS INTEGER) AS year, ${uploaded}, CAST(count(*) AS INTEGER) AS reports FROM ${FACTS_TABLE} GROUP BY ALL\n` +
    `UNION ALL SELECT NULL, NULL, NULL, ${nulls}, CAST(year AS INTEGER), ${uploaded}, CAST(count(*) AS INTEGER) FROM ${FACTS_TABLE} WHERE year IS NOT NULL GROUP BY year`
  );
}

/** A choice of the 机关类型 or 层级 filter: the value (reports.csv agency_type / level) and its reports (份). */
export interface FilterChoice {
  value: string;
  reports: number;
}

/**
 * Choices for the filter controls: agencies (their agency_key, ordered by name; with their names
 * and regions), the region tree with its counts, agency types, levels and years.
 */
export interface FilterOptions {
  /** agency_key of each agency (lib/parse/agency-identity.ts), sorted by the agency's name. */
  agencies: string[];
  /** agency_key → the agency's canonical name (agency_name), what the 机关 filter shows. */
  agencyNames: Record<string, string>;
  /** The printed regions (reports.csv `region`), in Chinese collation order. */
  regions: string[];
  /** The 地区 filter's tree (省 → 市 → 县/区, then 未识别地区) with reports per node (./region-tree.ts). */
  regionTree: RegionNode[];
  /** Agency types present (reports.csv agency_type), in Chinese collation order of their labels, with reports (份). */
  types: FilterChoice[];
  /** Levels present (省, 市, 县 in that order), with reports (份). */
  levels: FilterChoice[];
  years: number[];
  /** agency_key → the regions its reports name. */
  agencyRegions: Record<string, string[]>;
  /** agency_keys with at least one uploaded report (shown with a 上传 badge). */
  uploadedAgencies: string[];
  /** Whether any report was uploaded (then the 来源 filter is offered). */
  hasUploads: boolean;
}

/** Choices before any are read: no names, no regions, no years. */
export const NO_FILTER_OPTIONS: FilterOptions = {
  agencies: [],
  agencyNames: {},
  regions: [],
  regionTree: [],
  types: [],
  levels: [],
  years: [],
  agencyRegions: {},
  uploadedAgencies: [],
  hasUploads: false,
};

const optionText = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Sums `reports` per non-empty value of `column` over the place rows. */
function choiceCounts(rows: ReadonlyArray<Record<string, unknown>>, column: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const v = optionText(r[column]);
    if (v) out.set(v, (out.get(v) ?? 0) + (Number(r.reports) || 0));
  }
  return out;
}

/** The region tree, types and levels of the place rows of {@link filterOptionsSql}. */
function placeOptions(places: ReadonlyArray<Record<string, unknown>>): Pick<FilterOptions, 'regionTree' | 'types' | 'levels'> {
  const zh = new Intl.Collator('zh-CN').compare;
  const regionTree = buildRegionTree(
    places.map((r) => ({ province: optionText(r.province), city: optionText(r.city), county: optionText(r.county), region: optionText(r.region), reports: Number(r.reports ?? 1) })),
  );
  const types = [...choiceCounts(places, 'agency_type')].map(([value, reports]) => ({ value, reports }));
  types.sort((a, b) => zh(agencyTypeLabel(a.value), agencyTypeLabel(b.value)));
  const levelCounts = choiceCounts(places, 'level');
  const levels = AGENCY_LEVELS.filter((l) => levelCounts.has(l)).map((value) => ({ value, reports: levelCounts.get(value) ?? 0 }));
  return { regionTree, types, levels };
}

/** Turn rows of {@link filterOptionsSql} into sorted, de-duplicated {@link FilterOptions}. */
export function filterOptionsFromRows(rows: ReadonlyArray<Record<string, unknown>>): FilterOptions {
  const agencies = new Set<string>();
  const regions = new Set<string>();
  const years = new Set<number>();
  const uploaded = new Set<string>();
  let hasUploads = false;
  const agencyRegions: Record<string, string[]> = {};
  const agencyNames: Record<string, string> = {};
  for (const r of rows) {
    const a = typeof r.agency_key === 'string' ? r.agency_key : null;
    if (a) agencyNames[a] = typeof r.agency_name === 'string' ? r.agency_name : a;
    const g = typeof r.region === 'string' ? r.region : null;
    if (a) agencies.add(a);
    if (g) regions.add(g);
    if (typeof r.year === 'number') years.add(r.year);
    if (a && g && !(agencyRegions[a] ??= []).includes(g)) agencyRegions[a].push(g);
    if (r.uploaded === 1 || r.uploaded === true) {
      hasUploads = true;
      if (a) uploaded.add(a);
    }
  }
  const zh = new Intl.Collator('zh-CN').compare;
  const byName = (x: string, y: string) => zh(agencyNames[x] ?? x, agencyNames[y] ?? y) || zh(x, y);
  return {
    agencies: [...agencies].sort(byName),
    agencyNames,
    regions: [...regions].sort(zh),
    ...placeOptions(rows.filter((r) => r.year === null || r.year === undefined)),
    years: [...years].sort((x, y) => x - y),
    agencyRegions,
    uploadedAgencies: [...uploaded].sort(byName),
    hasUploads,
  };
}

/** Re-exports of ./facts.ts for callers that knew them here (charts, tests). */
export { T2_OTHER_FORM_NOTE, T3_OUTCOME_GROUPS };

/** Re-export for callers formatting the 合规 view's `subject` column. */
export { describeCellRef };

/**
 * Rows per page of a view's table in the dashboard (app/_components/DataTable.tsx): about what its
 * 560 px box shows, so that a filter change lays out and paints no rows nobody sees (issue 15:
 * "render what is seen … ≤ 25 visible rows"; 100 rows were half of a change at 100,000
 * reports). 下载 CSV still writes every row.
 */
export const PAGE_ROWS = 25;

/**
 * Rows of a view's first query (the chart's rows, and the table's first page in its first
 * {@link PAGE_ROWS}) and of the build's first-pages.json: the most the chart draws (its top N of
 * 10, 20 or 50, lib/charts/chart-display.ts TOP_N_CHOICES — a test there keeps them in step).
 */
export const FIRST_ROWS = 50;

/**
 * One page of a view's rows: the view's query with `limit` and `offset` set (floored, at least 0),
 * in the view's own order (its ORDER BY). The dashboard fetches the page it shows (and the chart's
 * rows, the first page) instead of every row; 下载 CSV runs the view SQL itself.
 */
export function pageQuery(q: ViewQuery, limit: number, offset: number): ViewQuery {
  return { ...q, limit: Math.max(0, Math.floor(limit)), offset: Math.max(0, Math.floor(offset)) };
}

/** {@link pageQuery} as SQL text: `… ORDER BY … LIMIT <limit> OFFSET <offset>`. */
export function pageSql(q: ViewQuery, limit: number, offset: number): string {
  return queryToSql(pageQuery(q, limit, offset));
}

/** Direction of a column sort: `asc` (smallest first) or `desc` (largest first). */
export type SortDir = 'asc' | 'desc';

/**
 * A sort of a view's table chosen by the user: an output column key of the view (e.g.
 * `new_received`) and a direction. In the URL as `sort=new_received:desc` ({@link sortToParam},
 * {@link sortFromParam}).
 */
export interface ViewSort {
  key: string;
  dir: SortDir;
}

/**
 * `sort=` of the URL → a {@link ViewSort}: `key:asc` or `key:desc` (a bare `key` is ascending).
 * Returns null for an absent or malformed value (empty key, other direction, characters other
 * than letters, digits and `_` in the key); whether the key is a column of the view is checked
 * by {@link sortQuery}.
 */
export function sortFromParam(s: string | null | undefined): ViewSort | null {
  const m = /^([A-Za-z0-9_]+)(?::(asc|desc))?$/.exec((s ?? '').trim());
  return m ? { key: m[1], dir: (m[2] as SortDir | undefined) ?? 'asc' } : null;
}

/** A {@link ViewSort} as the URL writes it: `new_received:desc`. */
export function sortToParam(sort: ViewSort): string {
  return `${sort.key}:${sort.dir}`;
}

/**
 * The sort after a click on column `key`'s header: off → asc → desc → off (a click on another
 * column starts at asc).
 */
export function nextSort(current: ViewSort | null, key: string): ViewSort | null {
  if (!current || current.key !== key) return { key, dir: 'asc' };
  return current.dir === 'asc' ? { key, dir: 'desc' } : null;
}

/**
 * The query sorted by a user's choice of column: `ORDER BY "<key>" ASC|DESC NULLS LAST` first, then
 * the view's own order as the tie-break (so pages stay stable), over the whole filtered set — the
 * page, the count and 下载 CSV all derive from the returned object. NULLs (a number the report did
 * not give, a ratio that cannot be computed) come last in both directions. The key names an output
 * column (its alias, which DuckDB's ORDER BY prefers over a same-named input column). Returns `q`
 * itself when `sort` is null or its key is not one of `columns` (e.g. a `sort=` of another tab).
 */
export function sortQuery(q: ViewQuery, sort: ViewSort | null, columns: readonly ViewColumn[]): ViewQuery {
  if (!sort || !columns.some((c) => c.key === sort.key)) return q;
  return { ...q, orderBy: [`${sqlIdent(sort.key)} ${sort.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`, ...(q.orderBy ?? [])] };
}

/** The sort actually applied to a view: `sort` when its key is one of `columns`, else null (see {@link sortQuery}). */
export function effectiveSort(sort: ViewSort | null, columns: readonly ViewColumn[]): ViewSort | null {
  return sort && columns.some((c) => c.key === sort.key) ? sort : null;
}

/** The query without its ORDER BY, LIMIT and OFFSET, for questions whose answer does not depend on row order. */
export function withoutOrderBy(q: ViewQuery): ViewQuery {
  return { ...q, orderBy: [], limit: undefined, offset: undefined };
}

/**
 * How many rows a view's query returns: the same WITH, FROM and WHERE with `select` replaced by
 * `CAST(count(*) AS INTEGER) AS n` and no ORDER BY ({@link withoutOrderBy}): counting does not
 * need the rows sorted, and sorting 100,000 rows to count them was most of a filter change. Valid
 * because a {@link ViewQuery} has no GROUP BY or DISTINCT at its top level.
 */
export function countQuery(q: ViewQuery): ViewQuery {
  return { ...withoutOrderBy(q), select: ['CAST(count(*) AS INTEGER) AS n'] };
}

/** {@link countQuery} as SQL text: one row with `n` (INTEGER). */
export function rowCountSql(q: ViewQuery): string {
  return queryToSql(countQuery(q));
}
