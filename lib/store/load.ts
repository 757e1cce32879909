/**
 * Loading the three data files of `npm run build:data` (data/build/{reports,cells,flags}.csv)
 * into DuckDB tables `reports`, `cells` and `flags`, with explicit column types.
 *
 * The columns are the data contract: the fields of lib/model/report-schema.ts. Types are given,
 * never sniffed, so that a column of empty fields stays typed and the same SQL runs in
 * DuckDB-WASM offline (no extensions) and in @duckdb/node-api. Because read_csv with explicit
 * columns maps by position, the column list is built from the file's own header line:
 * required columns must be present (in any order), optional ones are NULL when absent, and
 * columns this dashboard does not know are loaded as VARCHAR. Arrays (tables_found,
 * sections_found, subject) stay `;`-joined text; an empty field is NULL.
 */
import Papa from 'papaparse';
import { sqlIdent, sqlString } from './sql';

/** The three data files, by table name. */
export type DataTable = 'reports' | 'cells' | 'flags';

/** The data tables in load order. */
export const DATA_TABLES: readonly DataTable[] = ['reports', 'cells', 'flags'];

/** A column of a data file: name, DuckDB type, and whether the file may leave it out. */
export interface CsvColumn {
  name: string;
  type: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE';
  optional?: boolean;
}

/**
 * Columns of each file, in the contract's order, with their types:
 * - reports.year INTEGER (report year), published_on DATE (YYYY-MM-DD); agency_key, agency_name
 *   and agency_alias VARCHAR (one identity per agency, lib/parse/agency-identity.ts; optional, NULL
 *   for files from older ingests); province, city, county, level and agency_type VARCHAR (where the
 *   agency belongs, lib/parse/resolve-agency.ts; optional, NULL for files from older ingests —
 *   the region, type and level filters read them); published_on_source (`printed` / `page`) and
 *   source_url VARCHAR (optional, NULL for files from older ingests);
 * - cells.value DOUBLE (件, or 万元 for t2 fees.amount, may be fractional; NULL when none);
 *   confidence DOUBLE (0..1, the OCR engine's confidence for an `ocr` cell; optional, NULL for
 *   other cells and for files from older ingests);
 * - flags.expected/actual VARCHAR (a number in 件 or a date), difference DOUBLE (件 or days),
 *   evidence VARCHAR (the printed passage the flag rests on; optional, newer ingests write it),
 *   fingerprint VARCHAR (16 hex digits, lib/model/make-flag.ts flagFingerprint: the key of review
 *   decisions, stable across rebuilds; optional, NULL for files from older ingests).
 */
export const CSV_COLUMNS: Record<DataTable, readonly CsvColumn[]> = {
  reports: [
    { name: 'report_id', type: 'VARCHAR' },
    { name: 'source_file', type: 'VARCHAR' },
    { name: 'agency', type: 'VARCHAR' },
    { name: 'agency_printed', type: 'VARCHAR' },
    { name: 'region', type: 'VARCHAR' },
    { name: 'year', type: 'INTEGER' },
    { name: 'published_on', type: 'DATE' },
    { name: 'report_kind', type: 'VARCHAR' },
    { name: 'tables_found', type: 'VARCHAR' },
    { name: 'sections_found', type: 'VARCHAR' },
    { name: 'status', type: 'VARCHAR' },
    { name: 'status_message', type: 'VARCHAR' },
    { name: 'agency_key', type: 'VARCHAR', optional: true },
    { name: 'agency_name', type: 'VARCHAR', optional: true },
    { name: 'agency_alias', type: 'VARCHAR', optional: true },
    { name: 'province', type: 'VARCHAR', optional: true },
    { name: 'city', type: 'VARCHAR', optional: true },
    { name: 'county', type: 'VARCHAR', optional: true },
    { name: 'level', type: 'VARCHAR', optional: true },
    { name: 'agency_type', type: 'VARCHAR', optional: true },
    { name: 'published_on_source', type: 'VARCHAR', optional: true },
    { name: 'source_url', type: 'VARCHAR', optional: true },
  ],
  cells: [
    { name: 'report_id', type: 'VARCHAR' },
    { name: 'table', type: 'VARCHAR' },
    { name: 'row', type: 'VARCHAR' },
    { name: 'column', type: 'VARCHAR' },
    { name: 'value', type: 'DOUBLE' },
    { name: 'status', type: 'VARCHAR' },
    { name: 'raw', type: 'VARCHAR' },
    { name: 'note', type: 'VARCHAR' },
    { name: 'confidence', type: 'DOUBLE', optional: true },
  ],
  flags: [
    { name: 'report_id', type: 'VARCHAR' },
    { name: 'rule', type: 'VARCHAR' },
    { name: 'rule_version', type: 'INTEGER' },
    { name: 'severity', type: 'VARCHAR' },
    { name: 'subject', type: 'VARCHAR' },
    { name: 'expected', type: 'VARCHAR' },
    { name: 'actual', type: 'VARCHAR' },
    { name: 'difference', type: 'DOUBLE' },
    { name: 'message', type: 'VARCHAR' },
    { name: 'evidence', type: 'VARCHAR', optional: true },
    { name: 'fingerprint', type: 'VARCHAR', optional: true },
  ],
};

/** File name of a data table: `reports` → `reports.csv`. */
export function csvFileName(table: DataTable): string {
  return `${table}.csv`;
}

/** Column names of a file's header line, in file order. */
export type CsvHeader = readonly string[];

/**
 * Read and check the header line of a data file (the start of its text is enough; a leading
 * UTF-8 BOM is accepted). Returns the column names, or a Chinese message naming the required
 * columns that are missing, or saying the file is empty.
 */
export function readCsvHeader(table: DataTable, text: string): { ok: true; header: CsvHeader } | { ok: false; error: string } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') return { ok: false, error: `${csvFileName(table)} 是空文件（没有表头）。` };
  const parsed = Papa.parse<string[]>(firstLine, { header: false });
  const header = (parsed.data[0] ?? []).map((s) => s.trim());
  const missing = CSV_COLUMNS[table].filter((c) => !c.optional && !header.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    return {
      ok: false,
      error: `${csvFileName(table)} 缺少约定的列：${missing.join('、')}（表头为 ${header.join(',')}）。`,
    };
  }
  return { ok: true, header };
}

/**
 * Where a report's rows came from: `embedded` — the built data files the app serves
 * (data/build, `npm run build:data`); `upload` — a file a user dropped onto the dashboard, read in
 * the browser and held only there.
 */
export type Origin = 'embedded' | 'upload';

/**
 * The column the loader adds to the `reports` table (not a column of the data files): the report's
 * {@link Origin}. Views select it, so the dashboard's tables and CSV downloads say which rows were
 * uploaded.
 */
export const ORIGIN_COLUMN = 'origin';

function readCsvSql(table: DataTable, path: string, header: CsvHeader): string {
  const known = new Map(CSV_COLUMNS[table].map((c) => [c.name, c]));
  const columns = header.map((name) => `${sqlString(name)}: ${sqlString(known.get(name)?.type ?? 'VARCHAR')}`).join(', ');
  return (
    `read_csv(${sqlString(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `allow_quoted_nulls = false, columns = {${columns}})`
  );
}

/**
 * `CREATE OR REPLACE TABLE <table> AS SELECT … FROM read_csv(<path>, header = true, columns = {…})`
 * for one data file whose header is `header` (see {@link readCsvHeader}). The table has the
 * contract's columns in contract order (absent optional ones as typed NULLs), then any extra
 * columns of the file as VARCHAR; `reports` then gets {@link ORIGIN_COLUMN} = `origin` (a column of
 * that name in the file is ignored). `path` is what DuckDB opens: a registered file name in the
 * browser (`reports.csv`), an absolute path in Node. Quoted `""` fields are read as empty strings,
 * unquoted empty fields as NULL.
 */
export function loadTableSql(table: DataTable, path: string, header: CsvHeader, origin: Origin = 'embedded'): string {
  const known = new Set(CSV_COLUMNS[table].map((c) => c.name));
  const select = [
    ...CSV_COLUMNS[table].map((c) => (header.includes(c.name) ? sqlIdent(c.name) : `CAST(NULL AS ${c.type}) AS ${sqlIdent(c.name)}`)),
    ...header.filter((n) => !known.has(n) && !(table === 'reports' && n === ORIGIN_COLUMN)).map(sqlIdent),
    ...(table === 'reports' ? [`CAST(${sqlString(origin)} AS VARCHAR) AS ${sqlIdent(ORIGIN_COLUMN)}`] : []),
  ].join(', ');
  return `CREATE OR REPLACE TABLE ${table} AS SELECT ${select} FROM ${readCsvSql(table, path, header)}`;
}

/**
 * `INSERT INTO <table> BY NAME SELECT … FROM read_csv(…)`: appends the rows of a further data file
 * (e.g. uploaded reports, lib/store/record-rows.ts recordsCsv) to a table made by
 * {@link loadTableSql}, read with the same explicit types. Only the file's columns that the table
 * has (`tableColumns`, e.g. from `DESCRIBE`) are inserted, the others of the table become NULL;
 * `reports` rows get {@link ORIGIN_COLUMN} = `origin`.
 */
export function insertTableSql(table: DataTable, path: string, header: CsvHeader, tableColumns: readonly string[], origin: Origin = 'upload'): string {
  const select = [
    ...header.filter((n) => tableColumns.includes(n) && !(table === 'reports' && n === ORIGIN_COLUMN)).map(sqlIdent),
    ...(table === 'reports' ? [`CAST(${sqlString(origin)} AS VARCHAR) AS ${sqlIdent(ORIGIN_COLUMN)}`] : []),
  ].join(', ');
  return `INSERT INTO ${table} BY NAME SELECT ${select} FROM ${readCsvSql(table, path, header)}`;
}

/** The column names of a loaded table, in table order (`DESCRIBE <table>`; rows have `column_name`). */
export function describeTableSql(table: DataTable): string {
  return `DESCRIBE ${table}`;
}
