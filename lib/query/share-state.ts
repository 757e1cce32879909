/**
 * What a dashboard link carries beyond the filter (lib/query/filters.ts) and the display choices
 * (app/_lib/view-display.ts), and what a link can tell about reports it needs but this tab does
 * not have (issue 10 "Links"):
 * - `page=N`: the table's page, 1-based (absent: the first page);
 * - `csvkeys=1`: 下载 CSV heads its columns with the spec's keys (for programs) rather than the
 *   screen's labels with units (lib/csv);
 * - `u=1`: the state was set in a tab holding uploaded reports that the selection includes.
 *   Uploads live only in the sender's tab (sessionStorage, the page's DuckDB); opened anywhere
 *   else, the link's rows from them are missing, and the page says so ({@link linkDataNote})
 *   instead of a bare 「共 0 行」.
 */
import type { FilterState } from './filters';
import { LANG_PARAM } from '../present/i18n/lang';
import { zhT, type Translate } from '../present/i18n/translate';
import { fillParts, partsText, type TextPart } from './sentence-parts';

/** The URL parameter of the table's page (1-based). */
export const PAGE_PARAM = 'page';
/** The URL parameter of the CSV key option (`1`: the spec's keys). */
export const CSV_KEYS_PARAM = 'csvkeys';
/** The URL parameter marking a state that involves this tab's uploaded reports (`1`). */
export const UPLOADS_PARAM = 'u';

/**
 * The query string the dashboard writes to its URL (`?…`, without the `?`): its state `params`
 * plus the parameters of the `current` query string that are not the dashboard's own state but
 * must survive a rewrite — the UI language (`lang=en`, lib/present/i18n/lang.ts LANG_PARAM) by
 * default. `params` is not modified.
 */
export function dashboardSearch(params: URLSearchParams, current: string, keep: readonly string[] = [LANG_PARAM]): string {
  const out = new URLSearchParams(params);
  const now = new URLSearchParams(current);
  for (const k of keep) {
    const v = now.get(k);
    if (v !== null && !out.has(k)) out.set(k, v);
  }
  return out.toString();
}

/** The table's page (0-based) from `page=` (1-based); 0 when absent or not a whole number ≥ 1. */
export function pageFromParam(s: string | null): number {
  if (s === null || !/^\d{1,6}$/.test(s.trim())) return 0;
  return Math.max(0, Number(s) - 1);
}

/** `page=` for a 0-based page: null (no parameter) for the first page. */
export function pageToParam(page: number): string | null {
  return Number.isInteger(page) && page > 0 ? String(page + 1) : null;
}

/**
 * Whether the dashboard's state involves reports uploaded in this tab, so that a link to it needs
 * them: the tab holds `uploads` (份) and the selection is not limited to the built-in data
 * (`origin=embedded`) — it asks for uploads only (`origin=upload`), or names an agency (机关
 * filter or 比较) that has an uploaded report (`uploadedAgencies`, agency_keys), or names no agency
 * (then every report of the selection, the uploads among them, is in its rows).
 */
export function stateInvolvesUploads(s: { uploads: number; uploadedAgencies: readonly string[]; filter: FilterState; compare: readonly string[] }): boolean {
  if (s.uploads <= 0 || s.filter.origin === 'embedded') return false;
  if (s.filter.origin === 'upload') return true;
  const named = [...s.filter.agencies, ...s.compare];
  if (named.length === 0) return true;
  const uploaded = new Set(s.uploadedAgencies);
  return named.some((k) => uploaded.has(k));
}

/** What the page tells about a link's missing data: a title, why rows are missing, what to do, and the keys of the chosen agencies not loaded. */
export interface LinkDataNote {
  title: string;
  message: string;
  /** `message` as parts (./sentence-parts.ts): the agency keys marked as data, for `translate="no"`. */
  messageParts: TextPart[];
  what: string;
  /** agency_keys of the link (机关 filter, 比较) that no loaded report has. */
  missingAgencies: string[];
}

/**
 * The note for a link whose data is not all here, or null: `marked` — the link carries `u=1`
 * ({@link UPLOADS_PARAM}) and this tab holds no uploaded report (`uploadsHere` 0); and/or agencies
 * of the link (`chosen`: the 机关 filter's and 比较's agency_keys) that none of the loaded reports
 * has (`loadedAgencies`; pass null until the filter's choices are read: then only the marker
 * counts). The sentence says why rows are missing and what to do: upload the same files
 * (上传年报), or ask the sender for the CSV (下载 CSV). In the UI's language `t` (Chinese by default).
 */
export function linkDataNote(s: { marked: boolean; uploadsHere: number; chosen: readonly string[]; loadedAgencies: readonly string[] | null }, t: Translate = zhT): LinkDataNote | null {
  const chosen = [...new Set(s.chosen)];
  // The loaded agencies (tens of thousands at national scale) are looked up only when the link chose some.
  const loaded = s.loadedAgencies && chosen.length > 0 ? new Set(s.loadedAgencies) : null;
  const missingAgencies = loaded ? chosen.filter((k) => !loaded.has(k)) : [];
  const markedHere = s.marked && s.uploadsHere === 0;
  if (!markedHere && missingAgencies.length === 0) return null;
  const what = t('请在本页用“上传年报”上传同样的文件，或请发送链接的人用“下载 CSV”把结果发给你。');
  const agencies: TextPart[] = missingAgencies.length
    ? fillParts(t, '链接所选的 {{count}} 个机关（{{keys}}）在本页载入的数据中没有报告。', { keys: [{ text: missingAgencies.join('、'), data: true }] }, { count: missingAgencies.length })
    : [];
  const uploads = markedHere
    ? t('这个链接是在载有上传报告的标签页中生成的；上传的报告只保存在上传者自己的浏览器标签页里，本页没有载入，所以来自它们的行不会显示。')
    : t('它们的报告可能是发送者上传的，只保存在发送者的浏览器标签页里。');
  const messageParts = [...agencies, { text: uploads }];
  return { title: t('链接所需的部分报告未在本页载入'), message: partsText(messageParts), messageParts, what, missingAgencies };
}

/**
 * The ids of every report loaded in this tab — the built data and this tab's uploads (table
 * `reports`) — one row each (`report_id`): what tells a review decision 报告未载入 from 孤立
 * (lib/review/orphans.ts).
 */
export const LOADED_REPORT_IDS_SQL = 'SELECT DISTINCT report_id FROM reports WHERE report_id IS NOT NULL';
