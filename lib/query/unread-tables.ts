/**
 * The reports a table view leaves out because their table could not be read (issue 9: a report
 * whose tables were printed as images or not printed at all — 威海市文登区科学技术局 2022 — used to
 * disappear from the table views silently). Each table view shows only the reports that have its
 * table (./views.ts: 主动公开 `has_t2`, 依申请公开 `has_t3_total`, 复议诉讼 `has_t4`, 指标 `has_t3 OR
 * has_t4`); this is the complement within the same filter, so the view can say
 * “N 份报告未读到表格” and link to each report's page (its text and its TABLE_MISSING flag).
 */
import { TABLE_LABELS } from '../model/form-layout';
import { FACTS_TABLE } from '../store/facts';
import { filterWhere, type FilterState } from './filters';
import { zhT, type Translate } from '../present/i18n/translate';
import type { ViewId } from './views';

/** For each table view: the facts condition of having its table, and the table(s) in words (in the UI's language `t`). */
const VIEW_TABLES: Partial<Record<ViewId, { has: string; tables: (t: Translate) => string }>> = {
  proactive: { has: 'has_t2', tables: (t) => t(TABLE_LABELS.t2) },
  applications: { has: 'has_t3_total', tables: (t) => t('{{table}}（总计列）', { table: t(TABLE_LABELS.t3) }) },
  review_litigation: { has: 'has_t4', tables: (t) => t(TABLE_LABELS.t4) },
  indicators: { has: '(has_t3 OR has_t4)', tables: (t) => `${t(TABLE_LABELS.t3)}${t('、')}${t(TABLE_LABELS.t4)}` },
};

/** The table(s) a view reads, in words (e.g. `主动公开政府信息情况（表二）`; English with `t`), or null for a view that reads none (合规). */
export function viewTablesLabel(view: ViewId, t: Translate = zhT): string | null {
  return VIEW_TABLES[view]?.tables(t) ?? null;
}

/** How many left-out reports are listed by name at most; the count covers all of them. */
export const UNREAD_LIST_MAX = 20;

/**
 * The SELECT of the reports the filter keeps but the view leaves out for want of its table:
 * report_id, agency (the canonical name, or the name as read), year (INTEGER), n (INTEGER, how
 * many in all), at most {@link UNREAD_LIST_MAX} rows by agency and year. Null for a view without a
 * table (合规 lists flags, among them each TABLE_MISSING).
 */
export function unreadTablesSql(view: ViewId, filter: FilterState): string | null {
  const t = VIEW_TABLES[view];
  if (!t) return null;
  return (
    `SELECT report_id, coalesce(agency_name, agency) AS agency, CAST(year AS INTEGER) AS year, CAST(count(*) OVER () AS INTEGER) AS n ` +
    `FROM ${FACTS_TABLE} WHERE (${filterWhere(filter)}) AND NOT ${t.has} ` +
    `ORDER BY agency NULLS LAST, year, report_id LIMIT ${UNREAD_LIST_MAX}`
  );
}
