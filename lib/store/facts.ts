/**
 * The per-report facts table `facts`: one row per report with every number the dashboard views
 * read (表二's 10 cells, 表三's 总计 column grouped as the views show it, 表四's 复议 and 诉讼 rows)
 * and the views' 单元格说明 notes, pivoted once from `cells` — so that the views (./views.ts)
 * read one narrow row per report instead of pivoting ~260 cells per report on every filter change,
 * and the browser need not load `cells` at all (lib/pipeline/build-browser-data.ts writes the
 * facts at build time; uploads add theirs with the same SQL, lib/upload/add-uploads.ts).
 *
 * Missing stays missing, exactly as the views always had it: a value is NULL when the report did
 * not give it (cell status blank, placeholder or missing, or no such cell), never 0; a group sum is
 * NULL when any of its cells is NULL or it has no cells at all. `has_*` say whether the report has
 * any cell of a table (a report whose table was not found has no row in that table's view).
 * An OCR reading the form's identities could not confirm (an `ocr` cell an OCR_UNCERTAIN flag
 * names, lib/read/ocr-cells.ts) is not available either until a person corrects or confirms it
 * ({@link OCR_HELD_STATUS}): a wrong number would be a false accusation against an agency.
 */
import { T2_COLUMNS, T2_ROWS, T3_OUTCOME_ROWS, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../model/form-layout';
import type { TableKey } from '../model/report-schema';
import { CELL_STATUS_LABELS, itemLabel, plainLabel, T3_LABELS } from '../present/labels';
import { sqlIdent, sqlString, sqlStringList } from './sql';

/** Name of the facts table. */
export const FACTS_TABLE = 'facts';

/** `c."row" = 'x' AND c."column" = 'y'`. */
function cellIs(row: string, column: string): string {
  return `c.${sqlIdent('row')} = ${sqlString(row)} AND c.${sqlIdent('column')} = ${sqlString(column)}`;
}

/** The value of one cell of the current report group, NULL when absent or not a number. */
function cellValue(row: string, column: string): string {
  return `CAST(max(c.value) FILTER (WHERE ${cellIs(row, column)}) AS DOUBLE)`;
}

/**
 * Sum of several rows in one column; NULL when none of the rows exists or any existing cell is
 * NULL (a sum with a missing part is unknown, not smaller).
 */
function strictSum(rows: readonly string[], column: string): string {
  const where = `c.${sqlIdent('row')} IN (${sqlStringList(rows)}) AND c.${sqlIdent('column')} = ${sqlString(column)}`;
  return (
    `CASE WHEN count(*) FILTER (WHERE ${where}) > 0 ` +
    `AND count(*) FILTER (WHERE ${where}) = count(c.value) FILTER (WHERE ${where}) ` +
    `THEN CAST(sum(c.value) FILTER (WHERE ${where}) AS DOUBLE) END`
  );
}

/**
 * `string_agg` of the non-reported cells among (row, column) pairs, e.g.
 * `行政规范性文件·本年废止件数：缺失；…`; NULL when all were printed. A hand-entered report's typed
 * cells (`manual`, 手工录入) are its numbers as given, not a deviation, and are left out like printed ones.
 */
function cellNotes(cells: ReadonlyArray<{ row: string; column: string; label: string }>): string {
  const label =
    'CASE ' +
    cells.map((x) => `WHEN ${cellIs(x.row, x.column)} THEN ${sqlString(x.label)}`).join(' ') +
    ` ELSE c.${sqlIdent('row')} || '.' || c.${sqlIdent('column')} END`;
  const status =
    'CASE c.status ' +
    Object.entries(CELL_STATUS_LABELS)
      .map(([k, v]) => `WHEN ${sqlString(k)} THEN ${sqlString(v)}`)
      .join(' ') +
    ' ELSE c.status END';
  const raw = `CASE WHEN c.status = 'placeholder' AND c.raw IS NOT NULL THEN '“' || c.raw || '”' ELSE '' END`;
  const inView = cells.map((x) => `(${cellIs(x.row, x.column)})`).join(' OR ');
  return `string_agg((${label}) || '：' || (${status}) || ${raw}, '；' ORDER BY c.${sqlIdent('row')}, c.${sqlIdent('column')}) FILTER (WHERE c.status NOT IN ('reported', 'manual') AND (${inView}))`;
}

// ---------------------------------------------------------------- 表二

/** The 10 cells of the 2021 form's 表二: row, column, view key (`row_column`) and label. */
export const T2_CELLS: ReadonlyArray<{ row: string; column: string; key: string; label: string }> = T2_ROWS.flatMap((row) =>
  row.columns.map((column) => {
    const colLabel = T2_COLUMNS.find((c) => c.key === column)?.label ?? column;
    return { row: row.key, column, key: `${row.key}_${column}`, label: `${row.label}·${colLabel}` };
  }),
);

/** Note of a report whose 表二 has none of the 2021 form's cells (e.g. the 2019 trial format). */
export const T2_OTHER_FORM_NOTE = '表二栏目与 2021 年格式不同（如 2019 年试行格式），这里不作比较';

// ---------------------------------------------------------------- 表三 (总计 column)

const T3_KEYS = T3_ROWS.map((r) => r.key);
const DENIED_ROWS = T3_KEYS.filter((k) => k.startsWith('denied_'));
const UNABLE_ROWS = T3_KEYS.filter((k) => k.startsWith('unable_'));
const NOT_PROCESSED_ROWS = T3_KEYS.filter((k) => k.startsWith('not_processed_'));
/** Rows 21–23 and the single （六）其他处理 row some reports print instead (spec). */
const OTHER_ROWS = [...T3_KEYS.filter((k) => k.startsWith('other_')), 'other_handling'];

/** Outcome groups of 表三 (rows 3–23) in the form's order: key, rows summed, label. */
export const T3_OUTCOME_GROUPS: ReadonlyArray<{ key: string; rows: readonly string[]; label: string }> = [
  { key: 'granted', rows: ['granted'], label: T3_LABELS.granted },
  { key: 'partially_granted', rows: ['partially_granted'], label: T3_LABELS.partially_granted },
  { key: 'denied', rows: DENIED_ROWS, label: T3_LABELS.denied },
  { key: 'unable', rows: UNABLE_ROWS, label: T3_LABELS.unable },
  { key: 'not_processed', rows: NOT_PROCESSED_ROWS, label: T3_LABELS.not_processed },
  { key: 'other', rows: OTHER_ROWS, label: T3_LABELS.other },
];

// Guard: the groups cover exactly the form's outcome rows 3–23 (plus other_handling).
{
  const covered = T3_OUTCOME_GROUPS.flatMap((g) => g.rows).filter((k) => k !== 'other_handling');
  if (covered.length !== T3_OUTCOME_ROWS.length || !T3_OUTCOME_ROWS.every((k) => covered.includes(k))) {
    throw new Error('T3_OUTCOME_GROUPS does not match form-layout T3_OUTCOME_ROWS');
  }
}

/** Note labels of 表三 rows: `不予公开·保护第三方合法权益`, `予以公开`, `本年新收政府信息公开申请数量`. */
const T3_NOTE_CELLS = [...T3_ROWS, { key: 'other_handling', label: T3_LABELS.other }].map((r) => {
  const group = T3_OUTCOME_GROUPS.find((g) => g.rows.length > 1 && g.rows.includes(r.key) && r.key !== 'other_handling');
  return { row: r.key, column: 'total', label: group ? `${group.label}·${itemLabel(r.label)}` : plainLabel(r.label) };
});

/** Keys of the 表三 facts (without the `t3_` prefix), in view order. */
export const T3_FACT_KEYS: readonly string[] = ['new_received', 'carried_over', ...T3_OUTCOME_GROUPS.map((g) => g.key), 'total_processed', 'carried_forward'];

// ---------------------------------------------------------------- 表四

/** Column keys of 表四 (结果维持 … 总计). */
export const T4_KEYS: readonly string[] = T4_COLUMNS.map((c) => c.key);
const LITIGATION_ROWS = T4_ROWS.map((r) => r.key).filter((k) => k.startsWith('litigation_'));

const T4_NOTE_CELLS = T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => ({ row: r.key, column: c.key, label: `${r.label}·${c.label}` })));

// ---------------------------------------------------------------- the table

/** A column of the facts table: name and DuckDB type. */
export interface FactColumn {
  name: string;
  type: 'VARCHAR' | 'DOUBLE' | 'BOOLEAN' | 'INTEGER';
}

/**
 * The report's own columns carried in `facts` (copied from `reports`): agency, agency_key and
 * agency_name (one identity per agency, lib/parse/agency-identity.ts; NULL in data files from
 * older ingests), region (as printed), province, city, county, level (省/市/县) and agency_type
 * (where the agency belongs and what kind it is, lib/parse/resolve-agency.ts; NULL when
 * unresolved or in data files from older ingests — the region tree, type and level filters,
 * lib/query/region-tree.ts and filters.ts), year (INTEGER, the report year), origin
 * (lib/store/load.ts Origin), and published_on (`YYYY-MM-DD` as text) with published_on_source
 * (`printed` / `page`), which 合规 shows beside each flag. The views filter and sort on them without joining `reports` — at
 * 100,000 reports that join was most of a view's query time.
 */
export const FACT_REPORT_COLUMNS: readonly FactColumn[] = [
  { name: 'agency', type: 'VARCHAR' },
  { name: 'agency_key', type: 'VARCHAR' },
  { name: 'agency_name', type: 'VARCHAR' },
  { name: 'region', type: 'VARCHAR' },
  { name: 'province', type: 'VARCHAR' },
  { name: 'city', type: 'VARCHAR' },
  { name: 'county', type: 'VARCHAR' },
  { name: 'level', type: 'VARCHAR' },
  { name: 'agency_type', type: 'VARCHAR' },
  { name: 'year', type: 'INTEGER' },
  { name: 'origin', type: 'VARCHAR' },
  { name: 'published_on', type: 'VARCHAR' },
  { name: 'published_on_source', type: 'VARCHAR' },
];

/**
 * Columns of `facts`, in order: report_id; {@link FACT_REPORT_COLUMNS} (agency, agency_key,
 * agency_name, region, province, city, county, level, agency_type, year, origin); has_t2, has_t3 (any 表三 cell), has_t3_total (any cell
 * of 表三's 总计 column), has_t4; `t2_<row>_<column>` (件, 收费 in 万元) and t2_notes;
 * `t3_<key>` for {@link T3_FACT_KEYS} (件, 总计 column) and t3_notes; `t4_review_<col>`,
 * `t4_litigation_<col>` (两类起诉 summed) for {@link T4_KEYS} (件) and t4_notes; view_order (the
 * table views' order as one integer, {@link renumberFactsSql}).
 */
export const FACT_COLUMNS: readonly FactColumn[] = [
  { name: 'report_id', type: 'VARCHAR' },
  ...FACT_REPORT_COLUMNS,
  { name: 'has_t2', type: 'BOOLEAN' },
  { name: 'has_t3', type: 'BOOLEAN' },
  { name: 'has_t3_total', type: 'BOOLEAN' },
  { name: 'has_t4', type: 'BOOLEAN' },
  ...T2_CELLS.map((x): FactColumn => ({ name: `t2_${x.key}`, type: 'DOUBLE' })),
  { name: 't2_notes', type: 'VARCHAR' },
  ...T3_FACT_KEYS.map((k): FactColumn => ({ name: `t3_${k}`, type: 'DOUBLE' })),
  { name: 't3_notes', type: 'VARCHAR' },
  ...T4_KEYS.map((k): FactColumn => ({ name: `t4_review_${k}`, type: 'DOUBLE' })),
  ...T4_KEYS.map((k): FactColumn => ({ name: `t4_litigation_${k}`, type: 'DOUBLE' })),
  { name: 't4_notes', type: 'VARCHAR' },
  { name: 'view_order', type: 'INTEGER' },
];

/**
 * `view_order` of {@link FACT_COLUMNS}: the report's place (1, 2, …) in the table views' own order —
 * agency (its canonical name, `coalesce(agency_name, agency)`), year, report id — so that a view
 * sorts on one integer instead of two strings and a number (issue 15: 44 → ~14 ms for a view's
 * first rows at 100,000 reports in DuckDB-WASM). Numbered over the whole table when it is made
 * ({@link createFactsSql}) and again after every insert ({@link insertFactsSql}); a delete leaves
 * gaps, which keep the order.
 */
const VIEW_ORDER_KEYS = ['coalesce(agency_name, agency)', 'year', 'report_id'];

/** The statement that numbers `view_order` over every row of `facts` (see {@link VIEW_ORDER_KEYS}). */
export function renumberFactsSql(): string {
  return (
    `UPDATE ${FACTS_TABLE} SET view_order = o.n FROM (SELECT report_id, CAST(row_number() OVER (ORDER BY ${VIEW_ORDER_KEYS.join(', ')}) AS INTEGER) AS n FROM ${FACTS_TABLE}) o ` +
    `WHERE ${FACTS_TABLE}.report_id = o.report_id`
  );
}

/**
 * The status the facts give an `ocr` cell that an OCR_UNCERTAIN flag names (issue 13: it waits for
 * a person): its value is held out of every sum, view, chart, rank, indicator and CSV — NULL, as a
 * missing cell —, its 单元格说明 says 待核（OCR） (lib/present/labels.ts CELL_STATUS_LABELS), until a
 * person corrects or confirms it in 校对 (status `corrected`, lib/correct). Not a stored status:
 * cells.csv keeps the cell as read (`ocr`, its value and confidence) for the report page.
 */
export const OCR_HELD_STATUS = 'ocr_held';

/**
 * The status a cell is shown with (its label: lib/present/labels.ts CELL_STATUS_LABELS):
 * {@link OCR_HELD_STATUS} (待核（OCR）) for an `ocr` cell among whose flags is an OCR_UNCERTAIN
 * (`flagRules`: the rule ids of the flags naming the cell), else its own status.
 */
export function shownCellStatus(status: string, flagRules: readonly string[]): string {
  return status === 'ocr' && flagRules.includes('OCR_UNCERTAIN') ? OCR_HELD_STATUS : status;
}

/**
 * `held AS (…)`: (report_id, t, r, k) — table, row, column — of every cell an OCR_UNCERTAIN flag
 * names: flags.csv stores a flag's `subject` as its cell references `table.row.column` joined by
 * `;` (./record-rows.ts; lib/model/cell-grid.ts cellRef).
 */
function heldCellsCte(onlyFlags: string): string {
  return (
    `held AS (SELECT DISTINCT report_id, split_part(ref, '.', 1) AS t, split_part(ref, '.', 2) AS r, split_part(ref, '.', 3) AS k ` +
    `FROM (SELECT f.report_id, unnest(string_split(coalesce(f.subject, ''), ';')) AS ref FROM flags f WHERE f.rule = 'OCR_UNCERTAIN'${onlyFlags}))`
  );
}

/**
 * `fc AS (…)`: the cells as the facts read them — an `ocr` cell named by an OCR_UNCERTAIN flag
 * ({@link heldCellsCte}) with value NULL and status {@link OCR_HELD_STATUS}, every other cell as stored.
 */
function factCellsCte(only: string): string {
  const q = sqlIdent;
  const isHeld = `(h.t IS NOT NULL AND c.status = 'ocr')`;
  return (
    `fc AS (SELECT c.report_id, c.${q('table')}, c.${q('row')}, c.${q('column')}, c.raw, ` +
    `CASE WHEN ${isHeld} THEN NULL ELSE c.value END AS value, ` +
    `CASE WHEN ${isHeld} THEN ${sqlString(OCR_HELD_STATUS)} ELSE c.status END AS status ` +
    // Equalities only in the join (a left-side condition there turns DuckDB's hash join into a nested loop).
    `FROM cells c LEFT JOIN held h ON h.report_id = c.report_id AND h.t = c.${q('table')} AND h.r = c.${q('row')} AND h.k = c.${q('column')} WHERE true${only})`
  );
}

/** Cells of one table, of the chosen reports, as a sub-query source (from {@link factCellsCte}). */
function cellsOf(table: TableKey): string {
  return `fc c WHERE c.${sqlIdent('table')} = ${sqlString(table)}`;
}

/**
 * Report statuses that are no agency's report to count: `blank_form` (the unfilled official form)
 * and `duplicate` (a report read twice, lib/checks/duplicate-reports.ts: counted once). Such a
 * report keeps its rows in reports.csv, cells.csv and flags.csv (nothing is lost) but has no row in
 * `facts`, no place in coverage and no flags in the review queue.
 */
export const NOT_COUNTED_STATUSES: readonly string[] = ['blank_form', 'duplicate'];

/**
 * SQL condition: the report row (alias `alias`, or none) is counted — its status is none of
 * {@link NOT_COUNTED_STATUSES}. E.g. `coalesce(r.status, '') NOT IN ('blank_form', 'duplicate')`.
 */
export function countedReportSql(alias = ''): string {
  const col = alias ? `${alias}.status` : 'status';
  return `coalesce(${col}, '') NOT IN (${sqlStringList(NOT_COUNTED_STATUSES)})`;
}

/**
 * `SELECT …` of the facts ({@link FACT_COLUMNS}, in order) of every report in `reports`, or only of
 * `reportIds` when given (e.g. the reports of one upload), pivoted from `cells`. A `blank_form`
 * (the unfilled official form, no agency's report) and a `duplicate` (a report read twice,
 * lib/checks/duplicate-reports.ts: counted once) get no row: the views leave them out. Use it as
 * `CREATE TABLE facts AS …` ({@link createFactsSql}) or `INSERT INTO facts …`
 * ({@link insertFactsSql}). An empty `reportIds` selects no rows.
 */
export function factsSelectSql(reportIds?: readonly string[]): string {
  const only = reportIds ? (reportIds.length ? ` AND c.report_id IN (${sqlStringList(reportIds)})` : ' AND false') : '';
  const onlyR =
    ` WHERE ${countedReportSql('r')}` +
    (reportIds ? (reportIds.length ? ` AND r.report_id IN (${sqlStringList(reportIds)})` : ' AND false') : '');
  const onlyFlags = reportIds ? (reportIds.length ? ` AND f.report_id IN (${sqlStringList(reportIds)})` : ' AND false') : '';
  const t2Any = T2_CELLS.map((x) => `(${cellIs(x.row, x.column)})`).join(' OR ');
  const f2 =
    `f2 AS (SELECT c.report_id,\n  ` +
    [
      ...T2_CELLS.map((x) => `${cellValue(x.row, x.column)} AS ${sqlIdent(`t2_${x.key}`)}`),
      `CASE WHEN count(*) FILTER (WHERE ${t2Any}) = 0 THEN ${sqlString(T2_OTHER_FORM_NOTE)} ELSE ${cellNotes(T2_CELLS)} END AS t2_notes`,
    ].join(',\n  ') +
    `\nFROM ${cellsOf('t2')} GROUP BY c.report_id)`;
  const f3 =
    `f3 AS (SELECT c.report_id, count(*) FILTER (WHERE c.${sqlIdent('column')} = 'total') > 0 AS has_total,\n  ` +
    [
      `${cellValue('new_received', 'total')} AS t3_new_received`,
      `${cellValue('carried_over', 'total')} AS t3_carried_over`,
      ...T3_OUTCOME_GROUPS.map((g) => `${g.rows.length === 1 ? cellValue(g.rows[0], 'total') : strictSum(g.rows, 'total')} AS t3_${g.key}`),
      `${cellValue('total_processed', 'total')} AS t3_total_processed`,
      `${cellValue('carried_forward', 'total')} AS t3_carried_forward`,
      `${cellNotes(T3_NOTE_CELLS)} AS t3_notes`,
    ].join(',\n  ') +
    `\nFROM ${cellsOf('t3')} GROUP BY c.report_id)`;
  const f4 =
    `f4 AS (SELECT c.report_id,\n  ` +
    [
      ...T4_KEYS.map((k) => `${cellValue('review', k)} AS t4_review_${k}`),
      ...T4_KEYS.map((k) => `${strictSum(LITIGATION_ROWS, k)} AS t4_litigation_${k}`),
      `${cellNotes(T4_NOTE_CELLS)} AS t4_notes`,
    ].join(',\n  ') +
    `\nFROM ${cellsOf('t4')} GROUP BY c.report_id)`;
  const out = FACT_COLUMNS.map((col) => {
    switch (col.name) {
      case 'report_id':
        return 'r.report_id';
      case 'agency':
      case 'agency_key':
      case 'agency_name':
      case 'region':
      case 'province':
      case 'city':
      case 'county':
      case 'level':
      case 'agency_type':
      case 'origin':
      case 'published_on':
      case 'published_on_source':
        return `CAST(r.${sqlIdent(col.name)} AS VARCHAR) AS ${sqlIdent(col.name)}`;
      case 'year':
        return 'CAST(r.year AS INTEGER) AS year';
      case 'has_t2':
        return 'f2.report_id IS NOT NULL AS has_t2';
      case 'has_t3':
        return 'f3.report_id IS NOT NULL AS has_t3';
      case 'has_t3_total':
        return 'coalesce(f3.has_total, false) AS has_t3_total';
      case 'has_t4':
        return 'f4.report_id IS NOT NULL AS has_t4';
      case 'view_order':
        return 'CAST(row_number() OVER (ORDER BY coalesce(CAST(r.agency_name AS VARCHAR), CAST(r.agency AS VARCHAR)), CAST(r.year AS INTEGER), r.report_id) AS INTEGER) AS view_order';
      default: {
        const src = col.name.startsWith('t2_') ? 'f2' : col.name.startsWith('t3_') ? 'f3' : 'f4';
        return `CAST(${src}.${sqlIdent(col.name)} AS ${col.type}) AS ${sqlIdent(col.name)}`;
      }
    }
  });
  return (
    `WITH ${heldCellsCte(onlyFlags)},\n${factCellsCte(only)},\n${f2},\n${f3},\n${f4}\n` +
    `SELECT ${out.join(', ')}\nFROM (SELECT report_id, any_value(agency) AS agency, any_value(agency_key) AS agency_key, any_value(agency_name) AS agency_name, any_value(region) AS region, ${['province', 'city', 'county', 'level', 'agency_type'].map((c) => `any_value(nullif(${c}, '')) AS ${c}`).join(', ')}, any_value(year) AS year, any_value(origin) AS origin, any_value(published_on) AS published_on, any_value(published_on_source) AS published_on_source FROM reports r${onlyR} GROUP BY report_id) r\n` +
    `LEFT JOIN f2 ON f2.report_id = r.report_id LEFT JOIN f3 ON f3.report_id = r.report_id LEFT JOIN f4 ON f4.report_id = r.report_id\n` +
    `ORDER BY r.report_id`
  );
}

/** `CREATE OR REPLACE TABLE facts AS …`: the facts of every loaded report, from `reports` and `cells`. */
export function createFactsSql(): string {
  return `CREATE OR REPLACE TABLE ${FACTS_TABLE} AS ${factsSelectSql()}`;
}

/**
 * `INSERT INTO facts …; UPDATE facts SET view_order …`: adds the facts of `reportIds` (whose cells
 * are already in `cells`), then numbers `view_order` again over the whole table (two statements in
 * one text: DuckDB runs them in order).
 */
export function insertFactsSql(reportIds: readonly string[]): string {
  return `INSERT INTO ${FACTS_TABLE} ${factsSelectSql(reportIds)};\n${renumberFactsSql()}`;
}

/** `DELETE FROM facts WHERE report_id IN (…)`, or a no-op statement for an empty list. */
export function deleteFactsSql(reportIds: readonly string[]): string {
  return reportIds.length ? `DELETE FROM ${FACTS_TABLE} WHERE report_id IN (${sqlStringList(reportIds)})` : `DELETE FROM ${FACTS_TABLE} WHERE false`;
}

/** `CREATE TABLE facts (…)` with no rows (the browser's table before the built facts arrive). */
export function emptyFactsSql(): string {
  return `CREATE OR REPLACE TABLE ${FACTS_TABLE} (${FACT_COLUMNS.map((c) => `${sqlIdent(c.name)} ${c.type}`).join(', ')})`;
}
