/**
 * Rows → CSV text for the dashboard's 下载 CSV button, and the file's name.
 *
 * The text starts with a UTF-8 BOM (so Excel opens Chinese correctly), uses CRLF line ends and
 * writes SQL NULL as an empty field — never 0. Cells that a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR) are prefixed with `'` (papaparse `escapeFormulae`); numbers
 * are left alone, so −3 stays a number.
 *
 * {@link viewRowsToCsv} writes a view's rows as the screen shows them (issue 10 "CSV"): the header
 * is the screen's labels with their units (`本年新收政府信息公开申请数量（件）`), or with `keys` the
 * spec's keys for programs (`new_received`); a rate is a percentage with one decimal (`19.0`, as
 * the table's 19.0%) followed by its numerator and denominator (件, ./rate-parts.ts), so nothing is
 * lost; an empty rank, percentile or peer statistic of 指标 says why (`样本不足30件`, `无法计算`,
 * `无同类组`, `同类不足5家`, lib/present/rank-text.ts — the 指标 table's own reasons). Counts,
 * amounts, years and codes (origin, severity, rule) are written as the data holds them.
 *
 * The headers and the reasons are in the language of the `t` passed last (Chinese by default,
 * issue 10 "English": `New applications received this year (cases)`, `Cannot be computed`); the
 * keys mode is the same in every language. Text cells that are data (names, notes) stay as stored.
 *
 * The dashboard writes from columns ({@link viewColumnsToCsvBytes}: DuckDB-WASM's Arrow result read
 * column by column, lib/store/arrow-columns.ts; papaparse a part of 1,000 rows at a time, each part
 * encoded to UTF-8 at once) — the same bytes as {@link viewRowsToCsv} of the rows, about 3.5× faster
 * at 100,000 rows (issue 15, tests/bench/bench-csv.ts).
 */
import Papa from 'papaparse';
import { describeYears, normalizeFilter, type FilterState } from '../query/filters';
import type { ViewColumn } from '../query/views';
import { formatRowCell, shownCell } from '../present/format';
import { zhT, type Translate } from '../present/i18n/translate';
import { labelWithUnitText, viewColumnLabel, viewTitleText } from '../present/view-labels';
import { DENOMINATOR_SUFFIX, NUMERATOR_SUFFIX, ratioOfColumn } from './rate-parts';

/** UTF-8 byte order mark, the first character of every CSV this module writes. */
export const BOM = '\uFEFF';

/** A value as it may come out of a query: number (件, 万元, ratio), text, boolean or NULL. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * CSV text of `rows` restricted to `columns` (in that order; the header is the column keys).
 * Missing keys and null become empty fields. Pure; never throws.
 */
export function rowsToCsv(rows: ReadonlyArray<Record<string, CsvValue>>, columns: readonly string[]): string {
  const data = rows.map((r) => columns.map((c) => (r[c] === undefined ? null : r[c])));
  return BOM + Papa.unparse({ fields: [...columns], data }, { escapeFormulae: true, newline: '\r\n', quotes: false });
}

/** One column of a view's CSV: the field it reads from a row, its header, and how a value is written. */
export interface CsvColumn {
  /** The row's field (a view column key, or `<rate>__numerator` / `<rate>__denominator`, ./rate-parts.ts). */
  field: string;
  /** The header in the chosen mode: screen label with unit, or the spec's key. */
  header: string;
  /** The view column it comes from. */
  column: ViewColumn;
  /** `value` as stored; `rate` as a percentage (one decimal); `rank` a rank/percentile/peer cell that says why it is empty. */
  kind: 'value' | 'rate' | 'rank';
}

/**
 * A label with its unit in full-width parentheses, as the form prints it: `本年新收政府信息公开申请数量（件）`;
 * in English (`t`) the unit translated in ASCII parentheses (`… (cases)`); `label` is used as given.
 */
export function labelWithUnit(label: string, unit: string | undefined, t: Translate = zhT): string {
  return labelWithUnitText(label, unit, t);
}

/**
 * The CSV columns of a view's columns, in order: each view column, and after a computed rate
 * (./rate-parts.ts ratioOfColumn) its numerator and denominator — headed `<label>·分子（件）` /
 * `<label>·分母（件）`, or with `keys` `<key>_numerator` / `<key>_denominator`. Labels in the language
 * of `t` (`Substantive disclosure rate · numerator (cases)` in English).
 */
export function csvColumns(columns: readonly ViewColumn[], keys: boolean, t: Translate = zhT): CsvColumn[] {
  return columns.flatMap((c): CsvColumn[] => {
    const ranked = c.format === 'rank' || c.format === 'percentile' || c.peers !== undefined;
    const label = keys ? '' : viewColumnLabel(c, t);
    const own: CsvColumn = { field: c.key, header: keys ? c.key : labelWithUnit(label, c.unit, t), column: c, kind: ranked ? 'rank' : c.format === 'rate' ? 'rate' : 'value' };
    if (!ratioOfColumn(c)) return [own];
    const part = (which: '分子' | '分母') => t('{{label}}·{{part}}（件）', { label, part: t(which) });
    return [
      own,
      { field: `${c.key}${NUMERATOR_SUFFIX}`, header: keys ? `${c.key}_numerator` : part('分子'), column: c, kind: 'value' },
      { field: `${c.key}${DENOMINATOR_SUFFIX}`, header: keys ? `${c.key}_denominator` : part('分母'), column: c, kind: 'value' },
    ];
  });
}

/** Why a rank-like cell shown as `—` is empty, from its tooltip (lib/present/rank-text.ts): `无法计算`, `未排名`, or null (a plain missing value). */
function emptyReason(title: string | undefined): string | null {
  if (title?.startsWith('无法计算')) return '无法计算';
  return title === '未排名' ? '未排名' : null;
}

/** Text columns whose stored value is Chinese vocabulary (not data as printed): written in English as shown. */
const TRANSLATED_TEXT: ReadonlySet<string> = new Set(['cell_notes', 'peer_group', 'rule_label', 'group_name', 'message']);

/** One CSV field of `row` for `col` (see {@link CsvColumn.kind}); reasons in the language of `t`. */
function csvValue(row: Readonly<Record<string, CsvValue>>, col: CsvColumn, t: Translate): CsvValue {
  const v = row[col.field];
  if (col.kind === 'rate') return typeof v === 'number' ? (v * 100).toFixed(1) : (v ?? null);
  if (col.kind !== 'rank') {
    if (v === undefined) return null;
    // In English a text cell is written as the screen shows it (notes, peer group, rule, group name, a 合规 message).
    if (t !== zhT && typeof v === 'string' && v !== '' && TRANSLATED_TEXT.has(col.field)) return shownCell(row as Record<string, string | number | boolean | null>, col.column, 'en', t).text;
    return v;
  }
  const cells = row as Record<string, string | number | boolean | null>;
  // The reason is read from the Chinese tooltip, then written in the chosen language.
  const f = formatRowCell(cells, col.column);
  if (!f.missing && typeof v === 'number') return col.column.format === 'rate' ? (v * 100).toFixed(1) : col.column.format === 'percentile' ? f.text : v;
  if (f.missing) {
    const why = emptyReason(f.title);
    return why === null ? null : t(why);
  }
  return t === zhT ? f.text : formatRowCell(cells, col.column, t).text;
}

/**
 * CSV text of a view's rows, as the screen shows them (see the module comment): header of labels
 * with units (or, with `keys`, the spec's keys), rates as percentages with one decimal and their
 * numerator and denominator (the rows must come from ./rate-parts.ts withRateParts of the view's
 * query for those; a missing part is an empty field), empty ranks saying why. Headers and reasons
 * in the language of `t` (Chinese by default). Pure; never throws.
 */
export function viewRowsToCsv(rows: ReadonlyArray<Record<string, CsvValue>>, columns: readonly ViewColumn[], options: { keys: boolean }, t: Translate = zhT): string {
  const cols = csvColumns(columns, options.keys, t);
  const data = rows.map((r) => cols.map((c) => csvValue(r, c, t)));
  return BOM + Papa.unparse({ fields: cols.map((c) => c.header), data }, { escapeFormulae: true, newline: '\r\n', quotes: false });
}

/**
 * A query result as columns, e.g. lib/store/arrow-columns.ts `ResultColumns` (DuckDB-WASM's Arrow
 * result read column by column): `columns[j]` holds the `numRows` values of the select item `names[j]`.
 */
export interface CsvResultColumns {
  readonly numRows: number;
  readonly names: readonly string[];
  readonly columns: ReadonlyArray<ArrayLike<CsvValue>>;
}

/** How each CSV column of a view is written from a columnar result: its column's values and, for cells that need them, the whole row. */
interface ColumnsPlan {
  cols: CsvColumn[];
  headers: string[];
  /** The values of each CSV column's field (undefined: the result has no such column). */
  values: Array<ArrayLike<CsvValue> | undefined>;
  /** Row `i` as an object, built once and only for the cells that need the whole row. */
  rowAt: (i: number) => Record<string, CsvValue>;
  t: Translate;
}

/** The {@link ColumnsPlan} of a view's CSV columns ({@link csvColumns}) over `result`. */
function planColumns(result: CsvResultColumns, columns: readonly ViewColumn[], keys: boolean, t: Translate): ColumnsPlan {
  const cols = csvColumns(columns, keys, t);
  const byName = new Map<string, ArrayLike<CsvValue>>();
  result.names.forEach((name, j) => byName.set(name, result.columns[j]));
  const rows = new Array<Record<string, CsvValue> | undefined>(result.numRows);
  const rowAt = (i: number) => {
    let row = rows[i];
    if (row === undefined) {
      row = {};
      for (let j = 0; j < result.names.length; j++) row[result.names[j]] = result.columns[j][i];
      rows[i] = row;
    }
    return row;
  };
  return { cols, headers: cols.map((c) => c.header), values: cols.map((c) => byName.get(c.field)), rowAt, t };
}

/**
 * Field `j` of `lines[k]` for the row `from + k`, for every line: the same field {@link csvValue}
 * writes, computed straight from the column's values where the cell needs no other field (a value
 * as stored, a rate in percent), through the whole row otherwise (ranks; vocabulary text in English).
 */
function fillCsvColumn(lines: CsvValue[][], from: number, j: number, plan: ColumnsPlan): void {
  const col = plan.cols[j];
  const values = plan.values[j];
  const { rowAt, t } = plan;
  const n = lines.length;
  if (values === undefined || col.kind === 'rank') {
    for (let k = 0; k < n; k++) lines[k][j] = csvValue(rowAt(from + k), col, t);
  } else if (col.kind === 'value' && t !== zhT && TRANSLATED_TEXT.has(col.field)) {
    // Only a non-empty text is translated (csvValue); NULL and '' are written as they are.
    for (let k = 0; k < n; k++) {
      const v = values[from + k];
      lines[k][j] = typeof v === 'string' && v !== '' ? csvValue(rowAt(from + k), col, t) : (v ?? null);
    }
  } else if (col.kind === 'rate') {
    for (let k = 0; k < n; k++) {
      const v = values[from + k];
      lines[k][j] = typeof v === 'number' ? (v * 100).toFixed(1) : (v ?? null);
    }
  } else {
    for (let k = 0; k < n; k++) lines[k][j] = values[from + k] ?? null;
  }
}

/** The fields of the rows `from…to-1`, one array per row, column by column. */
function rowFields(plan: ColumnsPlan, from: number, to: number): CsvValue[][] {
  const lines = new Array<CsvValue[]>(to - from);
  for (let k = 0; k < lines.length; k++) lines[k] = new Array<CsvValue>(plan.cols.length);
  for (let j = 0; j < plan.cols.length; j++) fillCsvColumn(lines, from, j, plan);
  return lines;
}

/** papaparse's settings for every CSV of this module: CRLF, quotes only where needed, formula guard. */
const UNPARSE = { escapeFormulae: true, newline: '\r\n', quotes: false } as const;

/**
 * papaparse's text of `lines`, the header being the first of them when `header` is given. The
 * header goes in as a line, not as `fields`: papaparse writes it with the same cell writer, and
 * skips the `Object.keys` it takes of every line when given `fields`. With no rows or no columns the
 * lines go in as `fields` and `data`, as {@link viewRowsToCsv} writes them (no rows: the header and a CRLF).
 */
function unparseLines(header: string[] | null, lines: CsvValue[][]): string {
  if (header && (lines.length === 0 || header.length === 0)) return Papa.unparse({ fields: header, data: lines }, UNPARSE);
  return Papa.unparse(header ? [header, ...lines] : lines, UNPARSE);
}

/**
 * {@link viewRowsToCsv} of a result held as columns — the same text byte for byte (header, cells,
 * BOM, CRLF, formula guard; reasons and headers in the language of `t`) without a row object per
 * row: each CSV column is written from its column in one loop, then papaparse writes the lines.
 * Pure; never throws. The dashboard downloads {@link viewColumnsToCsvBytes} (the same bytes).
 */
export function viewColumnsToCsv(result: CsvResultColumns, columns: readonly ViewColumn[], options: { keys: boolean }, t: Translate = zhT): string {
  const plan = planColumns(result, columns, options.keys, t);
  return BOM + unparseLines(plan.headers, rowFields(plan, 0, result.numRows));
}

/** Rows per part of {@link viewColumnsToCsvBytes}: papaparse's text of a part dies young, so the collector copies little. */
export const CSV_PART_ROWS = 1000;

const utf8 = new TextEncoder();

/**
 * {@link viewColumnsToCsv} as UTF-8 bytes in parts (BOM first; a part per {@link CSV_PART_ROWS}
 * rows, CRLF between them), ready for a Blob: their concatenation is byte for byte the UTF-8 of
 * the text. papaparse writes each part's lines, which are encoded at once, so neither the fields of
 * all rows nor papaparse's text of all rows is ever held — at 100,000 rows that halves the time
 * (issue 15, tests/bench/bench-csv.ts). Pure; never throws.
 */
export function viewColumnsToCsvBytes(result: CsvResultColumns, columns: readonly ViewColumn[], options: { keys: boolean }, t: Translate = zhT, partRows = CSV_PART_ROWS): Array<Uint8Array<ArrayBuffer>> {
  const plan = planColumns(result, columns, options.keys, t);
  const newline = utf8.encode('\r\n');
  const parts = [utf8.encode(BOM)];
  if (result.numRows === 0) return [utf8.encode(BOM + unparseLines(plan.headers, []))];
  const step = Math.max(1, Math.floor(partRows));
  for (let from = 0; from < result.numRows; from += step) {
    const to = Math.min(result.numRows, from + step);
    if (from > 0) parts.push(newline);
    parts.push(utf8.encode(unparseLines(from === 0 ? plan.headers : null, rowFields(plan, from, to))));
  }
  return parts;
}

function namePart(names: readonly string[], unit: '机关' | '地区', t: Translate): string | null {
  if (names.length === 0) return null;
  if (names.length <= 2) return names.join('+');
  return unit === '机关' ? t('{{first}}等{{count}}个机关', { first: names[0], count: names.length }) : t('{{first}}等{{count}}个地区', { first: names[0], count: names.length });
}

/**
 * A file name that says what the file holds: view title, then the agencies, regions and years of
 * the filter, e.g. `依申请公开_淄博市临淄区_2022-2023.csv`, `合规_全部.csv`,
 * `主动公开_临淄区科技局等3个机关_2022起.csv`, `依申请公开_上传.csv` (only uploaded reports; `内置` for
 * only the built-in data). Characters not allowed in file names
 * (\ / : * ? " < > |) and whitespace become `-`. In English (`t`) the words are English
 * (`Disclosure-on-request_淄博市临淄区_2022-2023.csv`); names stay as printed.
 */
export function csvDownloadName(viewTitle: string, filter: FilterState, t: Translate = zhT): string {
  const f = normalizeFilter(filter);
  const parts = [viewTitleText(viewTitle, t)];
  const agencies = namePart(f.agencies, '机关', t);
  const regions = namePart(f.regions, '地区', t);
  if (agencies) parts.push(agencies);
  if (regions) parts.push(regions);
  if (describeYears(f)) {
    if (f.yearFrom !== undefined && f.yearTo !== undefined) parts.push(f.yearFrom === f.yearTo ? `${f.yearFrom}` : `${f.yearFrom}-${f.yearTo}`);
    else if (f.yearFrom !== undefined) parts.push(t('{{year}}起', { year: f.yearFrom }));
    else parts.push(t('至{{year}}', { year: f.yearTo }));
  }
  if (f.origin) parts.push(f.origin === 'upload' ? t('上传') : t('内置'));
  if (parts.length === 1) parts.push(t('全部'));
  return `${parts.join('_').replace(/[\\/:*?"<>|\s]+/g, '-')}.csv`;
}
