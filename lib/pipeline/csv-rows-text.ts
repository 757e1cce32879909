/**
 * CSV text of data rows for the ingest's hot path (each report's cells and flags in the parallel
 * ingest's workers): the same text as lib/store/record-rows.ts toCsv (papaparse's unparse with
 * `\n` line ends, no header) written directly — papaparse's general unparse was 13 % of a
 * worker's time (issue 15). Fields go through the same csvField; a field is quoted, with `"`
 * doubled, when it holds `,`, `"`, `\r`, `\n` or U+FEFF or starts or ends with a space — exactly
 * when papaparse quotes it (./csv-rows-text.test.ts compares both).
 */
import { csvField } from '../store/record-rows';

/** Characters that make papaparse quote a field (its BAD_DELIMITERS and the delimiter). */
const NEEDS_QUOTES = /[,"\r\n\ufeff]/;

/** One field as papaparse's unparse writes it. */
function field(v: unknown): string {
  const s = String(csvField(v));
  if (s === '') return s;
  if (NEEDS_QUOTES.test(s) || s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * The rows as CSV text without a header, each row ending in `\n`; '' for no rows — equal to
 * `toCsv(columns, rows, false)`. Pure; never throws.
 */
export function csvRowsText(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  let out = '';
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < columns.length; c++) out += c === 0 ? field(row[columns[c]]) : `,${field(row[columns[c]])}`;
    out += '\n';
  }
  return out;
}
