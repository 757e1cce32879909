/**
 * Rows → CSV text for the dashboard's 下载 CSV button, and the file's name.
 *
 * The text starts with a UTF-8 BOM (so Excel opens Chinese correctly), has one header row of the
 * view's column keys (the project's stable English keys, as in data/build), uses CRLF line ends and
 * writes SQL NULL as an empty field — never 0. Cells that a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR) are prefixed with `'` (papaparse `escapeFormulae`); numbers
 * are left alone, so −3 stays a number.
 */
import Papa from 'papaparse';
import { describeYears, normalizeFilter, type FilterState } from '../query/filters';

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
