/**
 * The review queue (审核): flags of the filtered reports, narrowed further by rule and severity.
 * Like ./filters.ts, a filter is an SQL clause plus a Chinese sentence saying the same thing;
 * both are built here from one {@link ReviewFilter}. The review status (未审核 / 已确认 / 已驳回)
 * lives in the browser (IndexedDB), not in DuckDB, so it is applied to the rows afterwards
 * ({@link filterByStatus}) and named in the sentence by {@link describeReviewFilter}.
 */
import { z } from 'zod';
import type { Row } from '../store/executor';
import { countedReportSql } from '../store/facts';
import { describeFilter, filterWhere, type FilterState } from './filters';
import { RULE_LABELS, ruleLabel, severityLabel, SEVERITY_LABELS } from '../present/labels';
import { sqlIdent, sqlStringList } from '../store/sql';
import { zhT, type Translate } from '../present/i18n/translate';

/** Review status filter: `all`, or only flags that are `open` (未审核), `confirmed` or `dismissed`. */
export type StatusFilter = 'all' | 'open' | 'confirmed' | 'dismissed';

/**
 * Filter of the review queue, on top of the report filter ({@link FilterState}):
 * - `rules`: rule ids (flags.rule), empty = all rules;
 * - `severities`: `error` / `warning` / `info`, empty = all;
 * - `status`: review status, `all` by default.
 * Several values within one field are alternatives (OR); the fields combine with AND.
 */
export interface ReviewFilter {
  rules: string[];
  severities: string[];
  status: StatusFilter;
}

/** The empty review filter: every flag, whatever its status. */
export const EMPTY_REVIEW_FILTER: ReviewFilter = { rules: [], severities: [], status: 'all' };

/** Zod schema of {@link ReviewFilter}. */
export const ReviewFilterSchema = z.object({
  rules: z.array(z.string()),
  severities: z.array(z.string()),
  status: z.enum(['all', 'open', 'confirmed', 'dismissed']),
});

const RULE_ID = /^[A-Z][A-Z0-9_]*$/;

/**
 * Tidy a review filter: trims, drops duplicates, rule ids that are not of the form `RULE_ID`,
 * and severities other than error/warning/info. Pure.
 */
export function normalizeReviewFilter(rf: ReviewFilter): ReviewFilter {
  const tidy = (xs: readonly string[], ok: (x: string) => boolean) => [...new Set(xs.map((x) => x.trim()).filter((x) => x.length > 0 && ok(x)))];
  return {
    rules: tidy(rf.rules, (x) => RULE_ID.test(x)),
    severities: tidy(rf.severities, (x) => x in SEVERITY_LABELS),
    status: ReviewFilterSchema.shape.status.safeParse(rf.status).success ? rf.status : 'all',
  };
}

/**
 * The rule and severity part as an SQL boolean expression over flags (alias `f` → `f."rule"`),
 * e.g. `f."rule" IN ('CELL_INFERRED') AND f."severity" IN ('error', 'info')`; `TRUE` when
 * neither is set. The status is not SQL (see the module comment).
 */
export function reviewWhere(rf: ReviewFilter, alias = ''): string {
  const f = normalizeReviewFilter(rf);
  const col = (name: string) => (alias ? `${alias}.${sqlIdent(name)}` : sqlIdent(name));
  const parts: string[] = [];
  if (f.rules.length > 0) parts.push(`${col('rule')} IN (${sqlStringList(f.rules)})`);
  if (f.severities.length > 0) parts.push(`${col('severity')} IN (${sqlStringList(f.severities)})`);
  return parts.length > 0 ? parts.join(' AND ') : 'TRUE';
}

function alternatives(names: readonly string[], t: Translate): string {
  const quoted = names.map((n) => t('“{{value}}”', { value: n }));
  return quoted.length <= 1 ? quoted.join('') : t('{{some}}或{{last}}', { some: quoted.slice(0, -1).join(t('、')), last: quoted[quoted.length - 1] });
}

const STATUS_WORDS: Record<Exclude<StatusFilter, 'all'>, string> = { open: '未审核', confirmed: '已确认', dismissed: '已驳回' };

/**
 * The queue's filter as one Chinese sentence: the report filter's sentence (./filters.ts
 * describeFilter) followed by the rule, severity and status conditions, e.g.
 * `显示地区为“运城市”的报告。其中规则为“单元格未印出，按勾稽关系推算”、严重程度为“提示”、尚未审核的检查结果。`
 * or `显示全部机关、全部地区、全部年度的报告。其中全部检查结果。` `agencyNames` (agency_key → name,
 * FilterOptions.agencyNames) lets the sentence name the chosen agencies. `t` gives the sentence in
 * the UI's language (English: `Showing … Of these, flags with rule “…”, severity “Info”, not yet reviewed.`);
 * the default {@link zhT} keeps the Chinese unchanged.
 */
export function describeReviewFilter(filter: FilterState, rf: ReviewFilter, agencyNames: Readonly<Record<string, string>> = {}, t: Translate = zhT): string {
  const f = normalizeReviewFilter(rf);
  const parts: string[] = [];
  if (f.rules.length > 0) parts.push(t('规则为{{names}}', { names: alternatives(f.rules.map((r) => t(ruleLabel(r))), t) }));
  if (f.severities.length > 0) parts.push(t('严重程度为{{names}}', { names: alternatives(f.severities.map((s) => t(severityLabel(s))), t) }));
  const status = f.status === 'all' ? '' : t('{{status}}的', { status: t(STATUS_WORDS[f.status]) });
  const sep = t('、');
  const what =
    parts.length === 0 && status === '' ? t('全部检查结果') : t('{{conditions}}检查结果', { conditions: `${parts.join(sep)}${parts.length && status ? sep : ''}${status}` });
  return `${describeFilter(filter, agencyNames, t)}${t('其中{{what}}。', { what })}`;
}

/**
 * Columns of the queue's rows (in order): fingerprint (16 hex digits or NULL for an older
 * flags.csv), report_id, agency (the canonical name, agency_name; the name as read in older data
 * files), agency_key (lib/parse/agency-identity.ts, for links to the agency), region, year, origin (`upload` or `embedded`, ./load.ts Origin), severity, rule, rule_version, subject (`;`-joined
 * references), message, expected, actual (件 or dates, as text), difference (件 or days), evidence.
 */
export const REVIEW_QUEUE_COLUMNS = [
  'fingerprint',
  'report_id',
  'agency',
  'agency_key',
  'region',
  'year',
  'origin',
  'severity',
  'rule',
  'rule_version',
  'subject',
  'message',
  'expected',
  'actual',
  'difference',
  'evidence',
] as const;

/** Severity order for sorting: error, warning, info, then anything else. */
function severityRank(alias: string): string {
  return `CASE ${alias}.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 ELSE 3 END`;
}

/**
 * The queue's SELECT: flags of the reports the report filter keeps, narrowed by rule and
 * severity, errors first, then agency, year, rule and subject. Output columns:
 * {@link REVIEW_QUEUE_COLUMNS}. Flags whose report is not in reports.csv are left out, and so are
 * those of a report not counted (lib/store/facts.ts NOT_COUNTED_STATUSES: the blank form, a
 * duplicate — its flags are the kept copy's).
 */
export function reviewQueueSql(filter: FilterState, rf: ReviewFilter): string {
  return (
    `WITH r AS (SELECT report_id, coalesce(agency_name, agency) AS agency, agency_key, region, CAST(year AS INTEGER) AS year, origin FROM reports WHERE ${countedReportSql()} AND ${filterWhere(filter)})\n` +
    `SELECT f.fingerprint, r.report_id, r.agency, r.agency_key, r.region, r.year, r.origin, f.severity, f.rule, CAST(f.rule_version AS INTEGER) AS rule_version,\n` +
    `  f.subject, f.message, f.expected, f.actual, CAST(f.difference AS DOUBLE) AS difference, f.evidence\n` +
    `FROM flags f JOIN r ON f.report_id = r.report_id\n` +
    `WHERE ${reviewWhere(rf, 'f')}\n` +
    `ORDER BY ${severityRank('f')}, r.agency, r.year, f.rule, f.subject, f.fingerprint`
  );
}

/**
 * Every flag's identifying fields (report_id, rule, rule_version, subject, fingerprint), unfiltered:
 * the set against which decisions are told matched or orphaned.
 */
export function allFlagKeysSql(): string {
  return `SELECT report_id, rule, CAST(rule_version AS INTEGER) AS rule_version, subject, fingerprint FROM flags`;
}

/**
 * The rules and severities present in flags.csv with their counts, for the queue's rule and
 * severity controls: columns rule, severity, n (INTEGER), ordered by severity then rule. With a
 * report filter, only the flags of the reports it keeps are counted (the counts then match what
 * the queue and 合规 show for that selection); flags of reports not counted (blank form, duplicate)
 * never are.
 */
export function reviewOptionsSql(filter?: FilterState): string {
  const where = ` WHERE report_id IN (SELECT report_id FROM reports WHERE ${countedReportSql()}${filter ? ` AND ${filterWhere(filter)}` : ''})`;
  return `SELECT rule, severity, CAST(count(*) AS INTEGER) AS n FROM flags${where} GROUP BY rule, severity ORDER BY ${severityRank('flags')}, rule`;
}

/** One choice of a rule filter: the rule id, its Chinese name and its flag count (0: checked, nothing found). */
export interface RuleChoice {
  rule: string;
  label: string;
  n: number;
}

/**
 * Every rule of the registry (lib/checks/rule-registry.ts RULES, through lib/present/labels.ts
 * RULE_LABELS, in registry order) with its count from `counts` — 0 when no flag of it was found,
 * so that a supervisor sees that e.g. DEADLINE (条例第四十九条) was checked and nothing was late —
 * followed by any rule id in `counts` that the registry does not know (older data files), by id.
 */
export function ruleChoices(counts: ReadonlyArray<{ rule: string; n: number }>): RuleChoice[] {
  const byRule = new Map(counts.map((c) => [c.rule, c.n]));
  const known = Object.keys(RULE_LABELS).map((rule) => ({ rule, label: RULE_LABELS[rule], n: byRule.get(rule) ?? 0 }));
  const extra = counts
    .filter((c) => !(c.rule in RULE_LABELS))
    .map((c) => ({ rule: c.rule, label: ruleLabel(c.rule), n: c.n }))
    .sort((a, b) => a.rule.localeCompare(b.rule));
  return [...known, ...extra];
}

/** Choices for the rule and severity controls: rule id → flag count, severity → flag count. */
export interface ReviewOptions {
  rules: Array<{ rule: string; n: number }>;
  severities: Array<{ severity: string; n: number }>;
}

/** Turn rows of {@link reviewOptionsSql} into {@link ReviewOptions} (rules summed over severities). */
export function reviewOptionsFromRows(rows: readonly Row[]): ReviewOptions {
  const rules = new Map<string, number>();
  const severities = new Map<string, number>();
  for (const r of rows) {
    const rule = String(r.rule ?? '');
    const sev = String(r.severity ?? '');
    const n = typeof r.n === 'number' ? r.n : 0;
    if (rule) rules.set(rule, (rules.get(rule) ?? 0) + n);
    if (sev) severities.set(sev, (severities.get(sev) ?? 0) + n);
  }
  const order = Object.keys(SEVERITY_LABELS);
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return {
    rules: [...rules].map(([rule, n]) => ({ rule, n })).sort((a, b) => a.rule.localeCompare(b.rule)),
    severities: [...severities].map(([severity, n]) => ({ severity, n })).sort((a, b) => rank(a.severity) - rank(b.severity)),
  };
}

/**
 * Keep the rows whose review status matches `status` (`all` keeps every row). `statusOf` gives a
 * row's status from the stored decisions.
 */
export function filterByStatus<T>(rows: readonly T[], status: StatusFilter, statusOf: (row: T) => 'open' | 'confirmed' | 'dismissed'): T[] {
  return status === 'all' ? [...rows] : rows.filter((r) => statusOf(r) === status);
}

/** The review filter as URL parameters: `rule` and `severity` repeated, `status` unless `all`. */
export function reviewFilterToSearchParams(rf: ReviewFilter, into = new URLSearchParams()): URLSearchParams {
  const f = normalizeReviewFilter(rf);
  for (const r of f.rules) into.append('rule', r);
  for (const s of f.severities) into.append('severity', s);
  if (f.status !== 'all') into.set('status', f.status);
  return into;
}

/** Read a review filter back from URL parameters; unknown values are dropped, not thrown. */
export function reviewFilterFromSearchParams(params: URLSearchParams): ReviewFilter {
  const status = params.get('status');
  return normalizeReviewFilter({
    rules: params.getAll('rule'),
    severities: params.getAll('severity'),
    status: status === 'open' || status === 'confirmed' || status === 'dismissed' ? status : 'all',
  });
}
