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
 */
import Papa from 'papaparse';
import { describeYears, normalizeFilter, type FilterState } from '../query/filters';
import type { ViewColumn } from '../query/views';
import { formatRowCell } from '../present/format';
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

/** A label with its unit in full-width parentheses, as the form prints it: `本年新收政府信息公开申请数量（件）`. */
export function labelWithUnit(label: string, unit: string | undefined): string {
  return unit ? `${label}（${unit}）` : label;
}

/**
 * The CSV columns of a view's columns, in order: each view column, and after a computed rate
 * (./rate-parts.ts ratioOfColumn) its numerator and denominator — headed `<label>·分子（件）` /
 * `<label>·分母（件）`, or with `keys` `<key>_numerator` / `<key>_denominator`.
 */
export function csvColumns(columns: readonly ViewColumn[], keys: boolean): CsvColumn[] {
  return columns.flatMap((c): CsvColumn[] => {
    const ranked = c.format === 'rank' || c.format === 'percentile' || c.peers !== undefined;
    const own: CsvColumn = { field: c.key, header: keys ? c.key : labelWithUnit(c.label, c.unit), column: c, kind: ranked ? 'rank' : c.format === 'rate' ? 'rate' : 'value' };
    if (!ratioOfColumn(c)) return [own];
    return [
      own,
      { field: `${c.key}${NUMERATOR_SUFFIX}`, header: keys ? `${c.key}_numerator` : `${c.label}·分子（件）`, column: c, kind: 'value' },
      { field: `${c.key}${DENOMINATOR_SUFFIX}`, header: keys ? `${c.key}_denominator` : `${c.label}·分母（件）`, column: c, kind: 'value' },
    ];
  });
}

/** Why a rank-like cell shown as `—` is empty, from its tooltip (lib/present/rank-text.ts): `无法计算`, `未排名`, or null (a plain missing value). */
function emptyReason(title: string | undefined): string | null {
  if (title?.startsWith('无法计算')) return '无法计算';
  return title === '未排名' ? '未排名' : null;
}

/** One CSV field of `row` for `col` (see {@link CsvColumn.kind}). */
function csvValue(row: Readonly<Record<string, CsvValue>>, col: CsvColumn): CsvValue {
  const v = row[col.field];
  if (col.kind === 'rate') return typeof v === 'number' ? (v * 100).toFixed(1) : (v ?? null);
  if (col.kind !== 'rank') return v === undefined ? null : v;
  const f = formatRowCell(row as Record<string, string | number | boolean | null>, col.column);
  if (!f.missing && typeof v === 'number') return col.column.format === 'rate' ? (v * 100).toFixed(1) : col.column.format === 'percentile' ? f.text : v;
  if (f.missing) return emptyReason(f.title);
  return f.text;
}

/**
 * CSV text of a view's rows, as the screen shows them (see the module comment): header of labels
 * with units (or, with `keys`, the spec's keys), rates as percentages with one decimal and their
 * numerator and denominator (the rows must come from ./rate-parts.ts withRateParts of the view's
 * query for those; a missing part is an empty field), empty ranks saying why. Pure; never throws.
 */
export function viewRowsToCsv(rows: ReadonlyArray<Record<string, CsvValue>>, columns: readonly ViewColumn[], options: { keys: boolean }): string {
  const cols = csvColumns(columns, options.keys);
  const data = rows.map((r) => cols.map((c) => csvValue(r, c)));
  return BOM + Papa.unparse({ fields: cols.map((c) => c.header), data }, { escapeFormulae: true, newline: '\r\n', quotes: false });
}

function namePart(names: readonly string[], unit: string): string | null {
  if (names.length === 0) return null;
  if (names.length <= 2) return names.join('+');
  return `${names[0]}等${names.length}个${unit}`;
}

/**
 * A file name that says what the file holds: view title, then the agencies, regions and years of
 * the filter, e.g. `依申请公开_淄博市临淄区_2022-2023.csv`, `合规_全部.csv`,
 * `主动公开_临淄区科技局等3个机关_2022起.csv`, `依申请公开_上传.csv` (only uploaded reports; `内置` for
 * only the built-in data). Characters not allowed in file names
 * (\ / : * ? " < > |) and whitespace become `-`.
 */
export function csvDownloadName(viewTitle: string, filter: FilterState): string {
  const f = normalizeFilter(filter);
  const parts = [viewTitle];
  const agencies = namePart(f.agencies, '机关');
  const regions = namePart(f.regions, '地区');
  if (agencies) parts.push(agencies);
  if (regions) parts.push(regions);
  if (describeYears(f)) {
    if (f.yearFrom !== undefined && f.yearTo !== undefined) parts.push(f.yearFrom === f.yearTo ? `${f.yearFrom}` : `${f.yearFrom}-${f.yearTo}`);
    else if (f.yearFrom !== undefined) parts.push(`${f.yearFrom}起`);
    else parts.push(`至${f.yearTo}`);
  }
  if (f.origin) parts.push(f.origin === 'upload' ? '上传' : '内置');
  if (parts.length === 1) parts.push('全部');
  return `${parts.join('_').replace(/[\\/:*?"<>|\s]+/g, '-')}.csv`;
}
