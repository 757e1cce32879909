/**
 * Corrections (./correction.ts) as a CSV file: export (BOM, CRLF, formula-injection safe) and
 * import all-or-nothing — one bad row and nothing is imported, with a Chinese sentence naming the
 * row and what to do. The same file is read by the browser's 导入校对 and by
 * `npm run ingest -- --corrections FILE` (lib/pipeline/corrections-file.ts).
 */
import Papa from 'papaparse';
import type { Result } from '../model/result';
import { Correction, correctionKey } from './correction';
import { zhMessage, type MessageTranslate } from './message-text';

/** Columns of the corrections CSV, in order; all are required at import. */
export const CORRECTION_COLUMNS = ['report_id', 'cell', 'value_before', 'value_after', 'note', 'corrected_at'] as const;

/** UTF-8 byte order mark that starts the exported CSV (Excel then reads Chinese correctly). */
const BOM = '\uFEFF';

/**
 * The corrections as CSV text: BOM, header {@link CORRECTION_COLUMNS}, CRLF line ends, ordered by
 * report, cell and time; null `value_before` as an empty field. Text a spreadsheet would run as a
 * formula is prefixed with `'` (papaparse escapeFormulae), undone at import. Pure.
 */
export function correctionsToCsv(corrections: readonly Correction[]): string {
  const sorted = [...corrections].sort(
    (a, b) => a.report_id.localeCompare(b.report_id) || a.cell.localeCompare(b.cell) || a.corrected_at.localeCompare(b.corrected_at),
  );
  const data = sorted.map((c) => CORRECTION_COLUMNS.map((k) => c[k] ?? ''));
  return BOM + Papa.unparse({ fields: [...CORRECTION_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
}

/** File name of an export made at `now` (local date): `校对记录_2026-11-30.csv`; in English (`t`) `corrections_2026-11-30.csv`. */
export function correctionsFileName(now: Date, t: MessageTranslate = zhMessage): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return t('校对记录_{{date}}.csv', { date: `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}` });
}

/** The end of every refusal, in the language of `t`. */
const nothingChanged = (t: MessageTranslate) => t('没有导入任何校对记录。');
/** What the file should be, in the language of `t`. */
const formatHint = (t: MessageTranslate) => t('文件应是“导出校对”得到的 CSV（UTF-8，第一行为列名 {{columns}}）。', { columns: CORRECTION_COLUMNS.join(',') });

function unescapeFormula(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** A number field: '' → null; else a finite number, or undefined when unreadable. */
function numberField(s: string): number | null | undefined {
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** The shape problem of the whole file (not text, no header, missing columns, no rows), or null. */
function fileProblem(body: string, rows: string[][], header: string[], t: MessageTranslate): string | null {
  if (body.trim() === '') return `${t('导入失败：文件是空的。')}${formatHint(t)}${nothingChanged(t)}`;
  if (/[\u0000-\u0008\u000e-\u001f]/.test(body.slice(0, 4096)) || body.startsWith('PK')) {
    return `${t('导入失败：这不是文本 CSV 文件（例如 Excel 工作簿）。请另存为“CSV UTF-8（逗号分隔）”后再导入。')}${nothingChanged(t)}`;
  }
  const missing = CORRECTION_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    const first = (rows[0] ?? []).join(',').slice(0, 200);
    return `${t('导入失败：文件缺少列 {{columns}}（第一行是“{{first}}”）。', { columns: missing.join(t('、')), first })}${formatHint(t)}${nothingChanged(t)}`;
  }
  if (rows.length < 2) return `${t('导入失败：文件只有列名，没有校对记录。')}${nothingChanged(t)}`;
  return null;
}

/**
 * Reads a corrections CSV (the text of the chosen file; a BOM, CRLF or LF, columns in any order,
 * extra columns ignored) into validated corrections — all or nothing. Refuses, in one Chinese
 * sentence naming the first bad row (rows numbered as in a spreadsheet, the header being row 1)
 * and what to do: an empty or binary file, missing columns, unpaired quotes, a row that does not
 * validate (unknown cell, empty note, a value that is not a number ≥ 0, a bad time), a
 * `corrected_at` later than tomorrow, the same report and cell twice. `t` is the sentence's
 * language (lib/present/i18n; Chinese by default).
 */
export function parseCorrectionsCsv(text: string, now: Date = new Date(), t: MessageTranslate = zhMessage): Result<Correction[]> {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { header: false, delimiter: ',', skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const problem = fileProblem(body, rows, header, t);
  if (problem) return { ok: false, error: problem };
  const quotes = parsed.errors.find((e) => e.type === 'Quotes');
  if (quotes) return { ok: false, error: `${t('导入失败：第 {{line}} 行附近引号不成对，请用文本编辑器检查该行后重新导入。', { line: (quotes.row ?? 0) + 1 })}${nothingChanged(t)}` };
  const at = Object.fromEntries(CORRECTION_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof CORRECTION_COLUMNS)[number], number>;
  const latest = now.getTime() + 24 * 3600 * 1000;
  const seen = new Map<string, number>();
  const out: Correction[] = [];
  for (let i = 1; i < rows.length; i++) {
    const line = i + 1;
    const get = (k: (typeof CORRECTION_COLUMNS)[number]) => unescapeFormula((rows[i][at[k]] ?? '').trim());
    const before = numberField(get('value_before'));
    const after = numberField(get('value_after'));
    if (before === undefined || after === undefined || after === null) {
      return { ok: false, error: `${t('导入失败：第 {{line}} 行的 value_before 或 value_after 不是数字（value_after 必填，value_before 无数值时留空）。请改正该行后重新导入；', { line })}${nothingChanged(t)}` };
    }
    const r = Correction.safeParse({ report_id: get('report_id'), cell: get('cell'), value_before: before, value_after: after, note: get('note'), corrected_at: get('corrected_at') });
    if (!r.success) {
      const issue = r.error.issues[0];
      const what = { line, field: String(issue?.path[0] ?? ''), message: t(issue?.message ?? '无效') };
      return { ok: false, error: `${t('导入失败：第 {{line}} 行 {{field}}：{{message}}。请改正该行后重新导入；', what)}${nothingChanged(t)}` };
    }
    if (Date.parse(r.data.corrected_at) > latest) {
      const when = { line, at: r.data.corrected_at };
      return { ok: false, error: `${t('导入失败：第 {{line}} 行 corrected_at “{{at}}” 晚于明天，不可能是校对的时间。请改为实际时间后重新导入；', when)}${nothingChanged(t)}` };
    }
    const key = correctionKey(r.data);
    if (seen.has(key)) {
      const both = { line, other: seen.get(key), cell: r.data.cell };
      return { ok: false, error: `${t('导入失败：第 {{line}} 行与第 {{other}} 行是同一报告的同一单元格（{{cell}}），每格只能有一条校对记录。请删去其中一行后重新导入；', both)}${nothingChanged(t)}` };
    }
    seen.set(key, line);
    out.push(r.data);
  }
  return { ok: true, value: out };
}

/**
 * The bytes of a chosen file as text: UTF-8 (with or without BOM), else GB18030 (what Excel on
 * Chinese Windows saves); a sentence (Chinese, or the language of `t`) when it is neither.
 */
export function decodeCorrectionsFile(bytes: Uint8Array, t: MessageTranslate = zhMessage): Result<string> {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return { ok: true, value: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
    } catch {
      // try the next encoding
    }
  }
  return { ok: false, error: `${t('导入失败：文件既不是 UTF-8 也不是 GB18030 编码的文本。')}${formatHint(t)}${nothingChanged(t)}` };
}
