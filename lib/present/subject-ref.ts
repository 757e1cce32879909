/**
 * Reading the references in a flag's `subject` (flags.csv, `;`-joined) — what a flag is about:
 * - `t3.new_received.total`: a cell (table.row.column);
 * - `t2`: a whole table;
 * - `text:120-180`: a passage of the report's text, UTF-16 offsets, end exclusive (the same units
 *   as a JavaScript string index, so `text.slice(120, 180)` is the passage);
 * - `published_on`: the printed publication date; `agency`: the agency's name (AGENCY_UNRESOLVED);
 * - `section.problems`: one of the six sections of the report (spec "The six sections");
 * - `OTHER_REPORT_ID:t3.carried_forward.total`: a cell of another report (cross-year rules such as
 *   CARRYOVER_CONTINUITY name the previous year's report this way).
 * Anything else is kept as `unknown` with its text, never thrown away.
 */
import type { TableKey } from '../model/report-schema';

/** One parsed subject reference. `report` is set only for a reference into another report. */
export type SubjectRef =
  | { kind: 'cell'; ref: string; table: TableKey; row: string; column: string; report: string | null }
  | { kind: 'table'; ref: string; table: TableKey; report: string | null }
  | { kind: 'text'; ref: string; start: number; end: number }
  | { kind: 'published_on'; ref: string }
  | { kind: 'agency'; ref: string }
  | { kind: 'section'; ref: string; section: string }
  | { kind: 'unknown'; ref: string };

const TABLES = new Set(['t2', 't3', 't4']);

/** Report ids as written by the ingest: 16 hex digits, `-N` for the N-th copy of the same file. */
export const REPORT_ID_PATTERN = /^[0-9a-f]{16}(-\d+)?$/;

/** Whether a string is a well-formed report id (see {@link REPORT_ID_PATTERN}). */
export function isReportId(s: string | null | undefined): s is string {
  return typeof s === 'string' && REPORT_ID_PATTERN.test(s);
}

/** Parse one reference (see the module comment). Never throws; unreadable text is `unknown`. */
export function parseSubjectRef(ref: string): SubjectRef {
  const r = ref.trim();
  const text = /^text:(\d+)-(\d+)$/.exec(r);
  if (text) {
    const start = Number(text[1]);
    const end = Number(text[2]);
    return end >= start ? { kind: 'text', ref: r, start, end } : { kind: 'unknown', ref: r };
  }
  if (r === 'published_on') return { kind: 'published_on', ref: r };
  if (r === 'agency') return { kind: 'agency', ref: r };
  const section = /^section\.([a-z_]+)$/.exec(r);
  if (section) return { kind: 'section', ref: r, section: section[1] };
  let report: string | null = null;
  let local = r;
  const colon = r.indexOf(':');
  if (colon > 0) {
    const id = r.slice(0, colon);
    if (!isReportId(id)) return { kind: 'unknown', ref: r };
    report = id;
    local = r.slice(colon + 1);
  }
  const parts = local.split('.');
  if (!TABLES.has(parts[0])) return { kind: 'unknown', ref: r };
  const table = parts[0] as TableKey;
  if (parts.length === 1) return { kind: 'table', ref: r, table, report };
  if (parts.length === 3 && parts[1] && parts[2]) return { kind: 'cell', ref: r, table, row: parts[1], column: parts[2], report };
  return { kind: 'unknown', ref: r };
}

/** Split a flags.csv `subject` field (`;`-joined, NULL or empty for none) into parsed references. */
export function parseSubject(subject: string | null | undefined): SubjectRef[] {
  if (!subject) return [];
  return subject
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(parseSubjectRef);
}

/** Key of a cell within one report, as used by the report page: `t3.granted.natural_person`. */
export function cellKey(table: string, row: string, column: string): string {
  return `${table}.${row}.${column}`;
}
