/**
 * Records ↔ the rows of the three data files — the one place where a report record becomes the
 * rows of reports.csv, cells.csv and flags.csv. The ingest (lib/pipeline) writes its files with
 * these functions; the dashboard turns uploaded records into the same CSV text and loads it into
 * DuckDB with the same typed SQL as the built files (./load.ts), so an uploaded report's rows are
 * exactly what the ingest would have written for it.
 *
 * Field conversion: arrays (tables_found, sections_found, a flag's subject) are joined with `;`,
 * null becomes an empty field, numbers stay numbers (件, or 万元 for t2 fees.amount).
 *
 * The reverse ({@link reportFromRow}, {@link cellFromRow}) reads a row of the DuckDB tables back
 * into the model's Report / Cell, e.g. for the cross-year rules against reports already loaded.
 */
import Papa from 'papaparse';
import { flagFingerprint } from '../model/make-flag';
import { Cell, Flag, Report, type ReportRecord } from '../model/report-schema';
import type { Row } from './executor';
import type { DataTable } from './load';

/**
 * Column order of the three data files: the schema fields in declaration order
 * (lib/model/report-schema.ts); flags add `fingerprint` (lib/model/make-flag.ts flagFingerprint),
 * the key of review decisions.
 */
export const RECORD_COLUMNS = {
  reports: Object.keys(Report.shape),
  cells: Object.keys(Cell.shape),
  flags: [...Object.keys(Flag.shape), 'fingerprint'],
} as const satisfies Record<DataTable, readonly string[]>;

/** A value as written to a data file: text or a number; '' for null. */
export type CsvField = string | number;

/** Turns a value into its CSV field: arrays joined by `;`, null/undefined as '', numbers and text as is. */
export function csvField(v: unknown): CsvField {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

/** Flags as written to flags.csv: each with its fingerprint (16 hex digits). */
export function flagRows(flags: readonly Flag[]): Array<Flag & { fingerprint: string }> {
  return flags.map((f) => ({ ...f, fingerprint: flagFingerprint(f) }));
}

/**
 * CSV text for rows (UTF-8, `\n` line ends, RFC 4180 quoting by papaparse, no BOM), with a header
 * row unless `header` is false; '' for no rows without a header. Each field goes through
 * {@link csvField}. Pure; never throws.
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, header = true): string {
  if (!header && rows.length === 0) return '';
  return Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => csvField(r[c]))) }, { newline: '\n', header }) + '\n';
}

/** One row of a data file: column → field, with exactly the file's columns in file order. */
export type RecordRow = Record<string, CsvField>;

/**
 * The rows the ingest writes for `records`: one reports row per record, its cells, its flags with
 * fingerprints — each an object with exactly {@link RECORD_COLUMNS} of its table (in that order),
 * values converted by {@link csvField}. Pure.
 */
export function recordRows(records: readonly ReportRecord[]): Record<DataTable, RecordRow[]> {
  const pick = (columns: readonly string[], o: Record<string, unknown>): RecordRow =>
    Object.fromEntries(columns.map((c) => [c, csvField(o[c])]));
  return {
    reports: records.map((r) => pick(RECORD_COLUMNS.reports, r.report)),
    cells: records.flatMap((r) => r.cells.map((c) => pick(RECORD_COLUMNS.cells, c))),
    flags: records.flatMap((r) => flagRows(r.flags).map((f) => pick(RECORD_COLUMNS.flags, f))),
  };
}

/**
 * The three data files' text for `records` (header row included, as reports.csv, cells.csv and
 * flags.csv of the ingest). Pure.
 */
export function recordsCsv(records: readonly ReportRecord[]): Record<DataTable, string> {
  const rows = recordRows(records);
  return {
    reports: toCsv(RECORD_COLUMNS.reports, rows.reports),
    cells: toCsv(RECORD_COLUMNS.cells, rows.cells),
    flags: toCsv(RECORD_COLUMNS.flags, rows.flags),
  };
}

const list = (v: unknown): string[] => (typeof v === 'string' && v !== '' ? v.split(';') : []);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * A row of the DuckDB `reports` table (as returned by a query; year a number, published_on text
 * `YYYY-MM-DD` — cast it to VARCHAR in the query) back as a {@link Report}: `;`-joined lists split,
 * empty text as null, columns the row lacks (older data files) as null. Returns null when the
 * result does not validate against the schema (e.g. an unknown status).
 */
export function reportFromRow(row: Row): Report | null {
  const candidate = {
    report_id: row.report_id,
    source_file: row.source_file,
    agency: text(row.agency),
    agency_printed: text(row.agency_printed),
    region: text(row.region),
    year: typeof row.year === 'number' ? row.year : null,
    published_on: text(row.published_on),
    report_kind: text(row.report_kind),
    tables_found: list(row.tables_found),
    sections_found: list(row.sections_found),
    status: row.status,
    status_message: typeof row.status_message === 'string' ? row.status_message : '',
    form_version: text(row.form_version),
    province: text(row.province),
    city: text(row.city),
    county: text(row.county),
    level: text(row.level),
    agency_type: text(row.agency_type),
    agency_key: text(row.agency_key),
    agency_name: text(row.agency_name),
    agency_alias: text(row.agency_alias),
    published_on_source: text(row.published_on_source),
    source_url: text(row.source_url),
  };
  const r = Report.safeParse(candidate);
  return r.success ? r.data : null;
}

/** A row of the DuckDB `cells` table back as a {@link Cell}; null when it does not validate. */
export function cellFromRow(row: Row): Cell | null {
  const r = Cell.safeParse({
    report_id: row.report_id,
    table: row.table,
    row: row.row,
    column: row.column,
    value: typeof row.value === 'number' ? row.value : null,
    status: row.status,
    raw: typeof row.raw === 'string' ? row.raw : null,
    note: text(row.note),
    ...(typeof row.confidence === 'number' ? { confidence: row.confidence } : {}),
  });
  return r.success ? r.data : null;
}
