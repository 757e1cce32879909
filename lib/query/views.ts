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
import { filterWhere, type FilterState } from './filters';
import { describeCellRef, RULE_LABELS, T3_LABELS, T4_GROUP_LABELS } from '../present/labels';
import { INDICATORS } from './indicators';
import { MIN_CASES } from '../model/rank-threshold';
import { FACTS_TABLE, T2_CELLS, T2_OTHER_FORM_NOTE, T3_FACT_KEYS, T3_OUTCOME_GROUPS, T4_KEYS } from '../store/facts';
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
 *   (lib/present/rank-text.ts rankText: `样本不足30件` when the ratio rests on fewer than 30 cases);
 * - `origin`: `upload` (shown as a 上传 badge) or `embedded` (内置), see ./load.ts Origin.
 */
export type ColumnFormat = 'text' | 'year' | 'count' | 'amount' | 'rate' | 'severity' | 'rule' | 'subject' | 'rank' | 'origin';

/** One output column of a view: SQL name (also the CSV header), Chinese label, unit, format. */
export interface ViewColumn {
  key: string;
  label: string;
  /** `件`, `万元` or `%`; absent for text. */
  unit?: '件' | '万元' | '%';
  format: ColumnFormat;
  /** Longer explanation (formula, form label) for a tooltip. */
  description?: string;
  /** For a derived ratio: its formula in Chinese, shown next to the column's name. */
  formula?: string;
  /** For a `rank` column: the keys of the ratio and of its denominator (件) in the same row. */
  rank?: { rate: string; base: string };
}

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
 * The filtered reports' facts as a CTE named `r`: `facts` carries each report's agency, region,
 * year and origin (./facts.ts FACT_REPORT_COLUMNS), so the views filter and sort one table and
 * never join `reports`. Its `agency` is the agency's canonical name (agency_name, one per
 * agency_key: 洪泽区 2023 and 2024 both 淮安市洪泽区人民政府; the name as read for data files
 * without it); `agency_key` is there for links to the agency.
 */
function reportsCte(filter: FilterState): string {
  return `r AS (SELECT * REPLACE (coalesce(agency_name, agency) AS agency) FROM ${FACTS_TABLE} WHERE ${filterWhere(filter)})`;
}

/** The sort of every table view: agency, year, report id (a stable order for paging). */
const TABLE_VIEW_ORDER: readonly string[] = ['f.agency', 'f.year', 'f.report_id'];

// ---------------------------------------------------------------- 主动公开 (表二)


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
          ? { key: x.key, label: x.label, unit: '万元', format: 'amount' }
          : { key: x.key, label: x.label, unit: '件', format: 'count' },
    ),
    ...TRAIL_COLUMNS,
  ],
  reads: 'facts',
  query: (filter) => ({
    with: [reportsCte(filter)],
    select: ['f.agency', 'f.region', 'f.year', 'f.origin', ...T2_CELLS.map((x) => `f.${sqlIdent(`t2_${x.key}`)} AS ${sqlIdent(x.key)}`), 'f.t2_notes AS cell_notes', 'f.report_id'],
    from: 'r f',
    where: ['f.has_t2'],
    orderBy: TABLE_VIEW_ORDER,
  }),
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
    { key: 'new_received', label: T3_LABELS.new_received, unit: '件', format: 'count' },
    { key: 'carried_over', label: T3_LABELS.carried_over, unit: '件', format: 'count' },
    ...T3_OUTCOME_GROUPS.map(
      (g): ViewColumn => ({
        key: g.key,
        label: g.label,
        unit: '件',
        format: 'count',
        description: g.rows.length > 1 ? `表三“${g.label}”下各项之和；任一项为空则为空。` : undefined,
      }),
    ),
    { key: 'total_processed', label: T3_LABELS.total_processed, unit: '件', format: 'count' },
    { key: 'carried_forward', label: T3_LABELS.carried_forward, unit: '件', format: 'count' },
    {
      key: 'disclosure_rate',
      label: '实质公开率',
      unit: '%',
      format: 'rate',
      description: '（予以公开 + 部分公开）÷ 办理结果总计；总计为 0 或缺失时为空。少于 30 件时仅供参考。',
      formula: INDICATORS[0].formula,
    },
    ...TRAIL_COLUMNS,
  ],
  reads: 'facts',
  query: (filter) => ({
    with: [reportsCte(filter)],
    select: [
      'f.agency',
      'f.region',
      'f.year',
      'f.origin',
      ...T3_FACT_KEYS.map((k) => `f.t3_${k} AS ${k}`),
      'CAST((f.t3_granted + f.t3_partially_granted) / NULLIF(f.t3_total_processed, 0) AS DOUBLE) AS disclosure_rate',
      'f.t3_notes AS cell_notes',
      'f.report_id',
    ],
    from: 'r f',
    where: ['f.has_t3_total'],
    orderBy: TABLE_VIEW_ORDER,
  }),
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
    ...T4_COLUMNS.map((c): ViewColumn => ({ key: `review_${c.key}`, label: `${T4_GROUP_LABELS.review}·${c.label}`, unit: '件', format: 'count' })),
    ...T4_COLUMNS.map(
      (c): ViewColumn => ({
        key: `litigation_${c.key}`,
        label: `${T4_GROUP_LABELS.litigation}·${c.label}`,
        unit: '件',
        format: 'count',
        description: `${T4_ROWS[1].label} 与 ${T4_ROWS[2].label} 之和`,
      }),
    ),
    {
      key: 'review_correction_rate',
      label: '复议纠错率',
      unit: '%',
      format: 'rate',
      description: '复议结果纠正 ÷（结果维持 + 结果纠正 + 其他结果）；无审结案件时为空。',
      formula: INDICATORS[1].formula,
    },
    {
      key: 'litigation_correction_rate',
      label: '诉讼纠错率',
      unit: '%',
      format: 'rate',
      description: '诉讼结果纠正 ÷（结果维持 + 结果纠正 + 其他结果），两类起诉合计；无审结案件时为空。',
      formula: INDICATORS[2].formula,
    },
    ...TRAIL_COLUMNS,
  ],
  reads: 'facts',
  query: (filter) => ({
    with: [reportsCte(filter)],
    select: [
      'f.agency',
      'f.region',
      'f.year',
      'f.origin',
      ...T4_KEYS.map((k) => `f.t4_review_${k} AS review_${k}`),
      ...T4_KEYS.map((k) => `f.t4_litigation_${k} AS litigation_${k}`),
      'CAST(f.t4_review_corrected / NULLIF(f.t4_review_upheld + f.t4_review_corrected + f.t4_review_other, 0) AS DOUBLE) AS review_correction_rate',
      'CAST(f.t4_litigation_corrected / NULLIF(f.t4_litigation_upheld + f.t4_litigation_corrected + f.t4_litigation_other, 0) AS DOUBLE) AS litigation_correction_rate',
      'f.t4_notes AS cell_notes',
      'f.report_id',
    ],
    from: 'r f',
    where: ['f.has_t4'],
    orderBy: TABLE_VIEW_ORDER,
  }),
});

// ---------------------------------------------------------------- 指标 (derived indicators)

/**
 * Rank of a ratio within its report year, 1 = highest, among the rows of `q` whose ratio exists and
 * whose denominator is at least {@link MIN_CASES} 件 (the others get NULL: shown, not ranked), as
 * a CTE `k_<key>` (year, rate, rk) to be joined back on year and rate. It is SQL rank(): ties share
 * a rank and the next rank skips (1, 1, 3). Computed over the distinct (year, rate) pairs of the
 * eligible rows — rk = (eligible rows of that year with a rate ≥ this one) − (rows at this rate) + 1
 * — rather than as `rank() OVER (…)` on every row, which sorted the whole wide row four times
 * (0.5 s of the 指标 query at 100,000 reports in DuckDB-WASM).
 */
function rankCte(key: string): string {
  const rate = `${key}_rate`;
  const base = `${key}_base`;
  return (
    `k_${key} AS (SELECT year, rate, CAST(sum(n) OVER (PARTITION BY year ORDER BY rate DESC) - n + 1 AS INTEGER) AS rk ` +
    `FROM (SELECT year, ${rate} AS rate, count(*) AS n FROM q WHERE ${rate} IS NOT NULL AND ${base} >= ${MIN_CASES} GROUP BY year, ${rate}))`
  );
}

/**
 * The join of {@link rankCte}'s `k_<key>` to `q` on year and rate, as plain equalities so that
 * DuckDB hash-joins (an unknown year is -1 on both sides; `IS NOT DISTINCT FROM` or a condition
 * on `q` alone in the ON clause made DuckDB-WASM take ~9 s at 100,000 reports). Whether the row is
 * eligible is checked where the rank is read ({@link rankOf}); `k_<key>` has one row per (year,
 * rate), so the join adds no rows.
 */
function rankJoin(key: string): string {
  return `LEFT JOIN k_${key} ON coalesce(k_${key}.year, -1) = coalesce(q.year, -1) AND k_${key}.rate = q.${key}_rate`;
}

/** The rank read from the join: NULL unless the row itself is eligible (denominator ≥ MIN_CASES). */
function rankOf(key: string): string {
  return `CASE WHEN q.${key}_base >= ${MIN_CASES} THEN k_${key}.rk END`;
}

/**
 * 指标: one row per report with 表三 or 表四, the four derived indicators of the spec
 * (./indicators.ts INDICATORS: 实质公开率, 复议纠错率, 诉讼纠错率, 争议率), each as ratio (0–1),
 * denominator (件) and rank within the report year (1 = highest ratio). A ratio over fewer than 30
 * cases is shown but its rank is NULL; a ratio whose denominator is 0 or has a missing part is NULL.
 * Sums of 表四 rows are strict: NULL when a part is missing (see the module comment).
 */
export const INDICATORS_VIEW: ViewDef = defineView({
  id: 'indicators',
  title: '指标',
  table: null,
  summary: `由表三、表四计算的比较指标。分母少于 ${MIN_CASES} 件的比率照常显示，但不参与排名（排名一栏注明“样本不足${MIN_CASES}件”）；排名在同一年度内按比率从高到低。`,
  columns: [
    ...ID_COLUMNS,
    ...INDICATORS.flatMap((ind): ViewColumn[] => [
      { key: `${ind.key}_rate`, label: ind.label, unit: '%', format: 'rate', formula: ind.formula, description: `${ind.label} = ${ind.formula}。${ind.reading}` },
      { key: `${ind.key}_base`, label: `${ind.label}·分母（${ind.base}）`, unit: '件', format: 'count', description: `${ind.label}的分母：${ind.base}（件）。少于 ${MIN_CASES} 件不排名。` },
      {
        key: `${ind.key}_rank`,
        label: `${ind.label}·排名`,
        format: 'rank',
        rank: { rate: `${ind.key}_rate`, base: `${ind.key}_base` },
        description: `同一年度内按${ind.label}从高到低排名；分母少于 ${MIN_CASES} 件或无法计算的不排名。`,
      },
    ]),
    { key: 'report_id', label: '报告编号', format: 'text' },
  ],
  reads: 'facts',
  query: (filter) => {
    const p = [
      ...['new_received', 'granted', 'partially_granted', 'total_processed'].map((k) => `f.t3_${k} AS ${k}`),
      ...['upheld', 'corrected', 'other', 'total'].map((k) => `f.t4_review_${k} AS review_${k}`),
      ...['upheld', 'corrected', 'other', 'total'].map((k) => `f.t4_litigation_${k} AS litigation_${k}`),
    ];
    const q = [
      `CAST((granted + partially_granted) / NULLIF(total_processed, 0) AS DOUBLE) AS disclosure_rate`,
      `CAST(total_processed AS DOUBLE) AS disclosure_base`,
      `CAST(review_corrected / NULLIF(review_upheld + review_corrected + review_other, 0) AS DOUBLE) AS review_correction_rate`,
      `CAST(review_upheld + review_corrected + review_other AS DOUBLE) AS review_correction_base`,
      `CAST(litigation_corrected / NULLIF(litigation_upheld + litigation_corrected + litigation_other, 0) AS DOUBLE) AS litigation_correction_rate`,
      `CAST(litigation_upheld + litigation_corrected + litigation_other AS DOUBLE) AS litigation_correction_base`,
      `CAST((review_total + litigation_total) / NULLIF(new_received, 0) AS DOUBLE) AS dispute_rate`,
      `CAST(new_received AS DOUBLE) AS dispute_base`,
    ];
    const out = INDICATORS.flatMap((ind) => [`q.${ind.key}_rate`, `q.${ind.key}_base`, `${rankOf(ind.key)} AS ${ind.key}_rank`]);
    return {
      with: [
        reportsCte(filter),
        `p AS (SELECT f.agency, f.region, f.year, f.origin, f.report_id,\n  ${p.join(',\n  ')}\nFROM r f WHERE f.has_t3 OR f.has_t4)`,
        `q AS (SELECT agency, region, year, origin, report_id,\n  ${q.join(',\n  ')}\nFROM p)`,
        ...INDICATORS.map((ind) => rankCte(ind.key)),
      ],
      select: ['q.agency', 'q.region', 'q.year', 'q.origin', ...out, 'q.report_id'],
      from: `q ${INDICATORS.map((ind) => rankJoin(ind.key)).join(' ')}`,
      orderBy: ['q.agency', 'q.year', 'q.report_id'],
    };
  },
});

// ---------------------------------------------------------------- 合规 (flags)

/** 合规: the flags of the filtered reports, errors first, with agency and year from reports. */
export const COMPLIANCE_VIEW: ViewDef = defineView({
  id: 'compliance',
  title: '合规',
  table: null,
  summary: '检查结果：每条为一份报告违反的一条规则（表内勾稽关系、表格或单元格缺失、发布期限）。',
  columns: [
    ...ID_COLUMNS,
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
    ],
    from: 'flags f JOIN r ON f.report_id = r.report_id',
    orderBy: [
      `CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 ELSE 3 END`,
      'r.agency',
      'r.year',
      'f.rule',
      'f.subject',
      'r.report_id',
      'f.fingerprint',
      'f.message',
    ],
  }),
});

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
 * one row per (agency_key, region) pair with the agency's name (agency_name) and year NULL, then one row per report year with agency and
 * region NULL; `uploaded` (INTEGER 1/0) says whether any of those reports was uploaded in this
 * browser. Pairs instead of (agency, region, year) triples keep the result near the number of
 * agencies (about 20,000 at 100,000 reports) rather than the number of reports.
 */
export function filterOptionsSql(): string {
  const uploaded = `CAST(max(CASE WHEN origin = 'upload' THEN 1 ELSE 0 END) AS INTEGER) AS uploaded`;
  return (
    `SELECT agency_key, any_value(coalesce(agency_name, agency)) AS agency_name, region, CAST(NULL AS INTEGER) AS year, ${uploaded} FROM ${FACTS_TABLE} GROUP BY agency_key, region\n` +
    `UNION ALL SELECT NULL, NULL, NULL, CAST(year AS INTEGER), ${uploaded} FROM ${FACTS_TABLE} WHERE year IS NOT NULL GROUP BY year`
  );
}

/**
 * Choices for the filter controls: agencies (their agency_key, ordered by name; with their names
 * and regions), regions and years.
 */
export interface FilterOptions {
  /** agency_key of each agency (lib/parse/agency-identity.ts), sorted by the agency's name. */
  agencies: string[];
  /** agency_key → the agency's canonical name (agency_name), what the 机关 filter shows. */
  agencyNames: Record<string, string>;
  regions: string[];
  years: number[];
  /** agency_key → the regions its reports name. */
  agencyRegions: Record<string, string[]>;
  /** agency_keys with at least one uploaded report (shown with a 上传 badge). */
  uploadedAgencies: string[];
  /** Whether any report was uploaded (then the 来源 filter is offered). */
  hasUploads: boolean;
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
 * Rows per page of a view in the dashboard (app/_components/DataTable.tsx) and in the build's
 * first-pages.json: the dashboard queries one page at a time; 下载 CSV still writes every row.
 */
export const PAGE_ROWS = 100;

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
