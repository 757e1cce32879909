/**
 * Turns the text of one report section into table tokens and rows.
 *
 * Plain-text reports come in several layouts (see ../shared/seeds): tab-separated rows, one cell
 * per line, labels wrapped over several lines, numbers separated by spaces. All of them reduce to
 * a stream of tokens — label text, numbers, placeholders, printed-empty cells — and a table row is
 * "some label text followed by a run of values". Which row a label names is decided later
 * (lib/normalize), by label similarity with the form's row order as a guide.
 */

import { readPrintedNumber } from '../model/printed-number';
import { splitLines } from './text-lines';

/**
 * A token of a table section. `line` is the 0-based line in the section, `col` the tab field. A
 * `blank` is `explicit` when it is an empty cell of a Markdown table row (`|  |`) after the row's
 * label: the cell exists and was printed empty (the HTML, Word and PDF readers emit their table
 * rows that way), so it is kept even at the end of a row.
 *
 * A `num` token's `raw` is the cell text as printed (full-width digits kept, `１２`), its `value`
 * the number read (lib/model/printed-number.ts; it may be one no table can hold — 1e20, Infinity,
 * 3.5, -1 — which lib/normalize marks `invalid`). `group` marks a number printed as exactly three
 * digits one space after a number of one to three digits in the same field (`1 234`): it may be
 * the thousands group of the number before it. Whether it is, the row decides (lib/normalize
 * join-thousands-groups.ts: only when the row would otherwise have exactly that many values too
 * many).
 */
export type TableToken =
  | { kind: 'text'; text: string; line: number; col: number }
  | { kind: 'num'; value: number; raw: string; note: string | null; line: number; col: number; unit?: string; group?: true }
  | { kind: 'placeholder'; raw: string; line: number; col: number }
  | { kind: 'blank'; raw: string; line: number; col: number; explicit?: boolean };

/** A value token: what fills one cell of a row (a number, a placeholder or a printed-empty cell). */
export type ValueToken = Extract<TableToken, { kind: 'num' | 'placeholder' | 'blank' }>;

/**
 * One row as printed: the label segments (each a text token, in order; the last is usually the
 * row's own label, earlier ones are group labels or wrapped fragments) and the values after them.
 */
export interface PrintedRow {
  /** Label segments, possibly empty (a value line whose label went missing). */
  labels: string[];
  /** Values in printed order. */
  values: ValueToken[];
  /** 0-based line (within the section) of the first value. */
  line: number;
  /**
   * A lone value printed on a line of its own next to a complete row (a number a PDF conversion
   * pulled out of its cell); not a row of the form. Readers report it instead of placing it.
   */
  stray?: boolean;
}

/** Placeholders the form allows in a cell (spec "Cell status"). */
const PLACEHOLDERS = new Set(['/', '／', '-', '－', '—', '——', '--', '–', '无', '不适用', 'N/A', 'n/a', 'NA']);

/**
 * Classifies one whitespace-free piece of a cell: a number (`1,234`, `0.5`, `１２`,
 * `22（其中修订16件）` with its note, `251000元` with its unit, `-3`, `1e20`; see
 * lib/model/printed-number.ts readPrintedNumber), a placeholder, or text. Never throws.
 */
export function classifyPiece(piece: string): 'num' | 'placeholder' | 'text' {
  if (PLACEHOLDERS.has(piece)) return 'placeholder';
  return readPrintedNumber(piece) ? 'num' : 'text';
}

/** The token of one piece: a number, a placeholder, or null for text. */
function valueToken(piece: string, line: number, col: number): NumToken | Extract<TableToken, { kind: 'placeholder' }> | null {
  if (PLACEHOLDERS.has(piece)) return { kind: 'placeholder', raw: piece, line, col };
  const n = readPrintedNumber(piece);
  if (!n) return null;
  const token: NumToken = { kind: 'num', value: n.value, raw: piece, note: n.note, line, col };
  if (n.unit) token.unit = n.unit;
  return token;
}

type NumToken = Extract<TableToken, { kind: 'num' }>;

const isValue = (x: TableToken | undefined): boolean => !!x && (x.kind === 'num' || x.kind === 'placeholder');

/** A page marker printed inside a table by PDF conversion: `- 4 -`, `— 4 —`. */
const PAGE_MARKER = /^[-—–－]+\s*\d{1,3}\s*[-—–－]+$/;

/**
 * The fields of one line: Markdown table rows (`| a | b |`) split on `|`, other lines on tabs.
 * A Markdown separator row (`|---|---|`) and a page marker have no fields.
 */
export function splitFields(lineText: string): string[] {
  const t = lineText.trim();
  if (PAGE_MARKER.test(t)) return [];
  if (t.startsWith('|')) {
    if (/^\|?[\s:|-]*-{2,}[\s:|-]*$/.test(t)) return [];
    return withoutPageMarkers(t.replace(/^\|/, '').replace(/\|$/, '').split('|'));
  }
  return withoutPageMarkers(lineText.split('\t'));
}

/** The fields with a page marker (`- 4 -`) emptied, in place; a loop, not a closure per line (issue 15). */
function withoutPageMarkers(fields: string[]): string[] {
  for (let i = 0; i < fields.length; i++) if (PAGE_MARKER.test(fields[i].trim())) fields[i] = '';
  return fields;
}

/** A note printed on its own line under a number (`22` / `（其中修订 16 件）`): short, parenthesized, with a digit. */
const NOTE_LINE = /^[（(]([^（()）]{1,24})[)）]$/;

/** One space-like character between two numbers of a field: the thousands separator of `1 234` (not a tab, not `　`). */
const GROUP_GAP = /^[ \u00a0\u2009\u202f]$/;
/** A whole field that prints one number with space-separated thousands (`1 234`, `12 345 678`): in a Markdown cell it is one number. */
const SPACED_THOUSANDS = /^[+\-－−]?[1-9]\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?$/;

/** A number that may lead a thousands group (`1` of `1 234`). */
const GROUP_LEAD = /^[+\-－−]?[1-9]\d{0,2}$/;
/** A thousands group (`234` of `1 234`). */
const THREE_DIGITS = /^\d{3}$/;

/** The pieces of a trimmed field and the whitespace before each (`''` for the first); notes in parentheses keep no inner spaces. */
function fieldPieces(trimmed: string): Array<{ piece: string; gap: string }> {
  if (!/[\s\u3000]/u.test(trimmed)) return [{ piece: trimmed, gap: '' }];
  const parts = trimmed.replace(/([（(][^（()）]*[)）])/g, (m) => m.replace(/\s+/g, '')).split(/([\s\u3000]+)/u);
  const out: Array<{ piece: string; gap: string }> = [];
  for (let i = 0; i < parts.length; i += 2) if (parts[i] !== '') out.push({ piece: parts[i], gap: i > 0 ? parts[i - 1] : '' });
  return out;
}

/**
 * The tokens of one field — numbers, placeholders and text runs (text pieces joined by a space) —
 * appended to `out` (the line's tokens; no array per field). In a Markdown cell, a field that is
 * one number with space-separated thousands is one number.
 */
function fieldTokens(field: string, line: number, col: number, markdown: boolean, out: TableToken[]): void {
  const trimmed = field.trim(); // String#trim removes all Unicode white space, `　` included
  if (trimmed === '') {
    out.push({ kind: 'blank', raw: field, line, col });
    return;
  }
  if (markdown && trimmed.length > 4 && /\s/.test(trimmed) && SPACED_THOUSANDS.test(trimmed.normalize('NFKC'))) {
    const n = readPrintedNumber(trimmed.replace(/[ \u00a0\u2009\u202f]/g, ''));
    if (n) {
      out.push({ kind: 'num', value: n.value, raw: trimmed, note: null, line, col });
      return;
    }
  }
  const first = out.length;
  // Text pieces since the last value, joined by a space into one text token (no closure: issue 15).
  let text = '';
  let texts = 0;
  const pieces = fieldPieces(trimmed);
  for (let i = 0; i < pieces.length; i++) {
    const { piece, gap } = pieces[i];
    const num = valueToken(piece, line, col);
    if (num === null) {
      text = texts++ === 0 ? piece : `${text} ${piece}`;
      continue;
    }
    if (texts) out.push({ kind: 'text', text, line, col });
    texts = 0;
    if (num.kind === 'placeholder') {
      out.push(num);
      continue;
    }
    const prev = out.length > first ? out[out.length - 1] : undefined;
    const leads = prev?.kind === 'num' && (prev.group === true || GROUP_LEAD.test(prev.raw.normalize('NFKC')));
    if (leads && GROUP_GAP.test(gap) && THREE_DIGITS.test(piece.normalize('NFKC'))) num.group = true;
    out.push(num);
  }
  if (texts) out.push({ kind: 'text', text, line, col });
}

/**
 * The tokens of one line's fields with the blanks that cannot be cells dropped: a blank is kept
 * when it is a whitespace-only field before a value, an empty field strictly between two values
 * of the line, or (Markdown) any empty cell after the row's last text cell (`explicit`). Linear in
 * the line's tokens.
 */
function keepCellBlanks(lineTokens: readonly TableToken[], markdown: boolean): TableToken[] {
  const n = lineTokens.length;
  let lastText = -1;
  if (markdown) for (let i = 0; i < n; i++) if (lineTokens[i].kind === 'text') lastText = i;
  // nextValue[i]: the first non-blank token after i is a value; prevValue likewise before i.
  const nextValue = new Array<boolean>(n).fill(false);
  for (let i = n - 2, after: boolean | null = null; i >= 0; i--) {
    const t = lineTokens[i + 1];
    if (t.kind !== 'blank') after = isValue(t);
    nextValue[i] = after === true;
  }
  const out: TableToken[] = [];
  let before: boolean | null = null;
  for (let i = 0; i < n; i++) {
    const t = lineTokens[i];
    if (t.kind !== 'blank') {
      out.push(t);
      before = isValue(t);
      continue;
    }
    if (markdown && i > lastText) out.push({ ...t, explicit: true });
    else if (t.raw.length > 0 && nextValue[i]) out.push(t);
    else if (before === true && nextValue[i]) out.push(t);
  }
  return out;
}

/**
 * Splits section text into tokens. Fields are separated by tabs (or `|` in Markdown tables);
 * inside a field, whitespace separates numbers from text (`行政许可 0`, `0 0 0`). A field that is
 * only spaces (e.g. a line ` \t16`) is a printed-empty cell candidate (`blank`); a field with no
 * characters at all (the artifact of a leading or doubled tab) is a blank candidate only between
 * two values on one line. In a Markdown row every empty cell after the row's last text cell is an
 * explicit blank (see {@link TableToken}). A parenthesized note with a digit printed on the line
 * after a number (`55` / `（含自然失效 29 件）`) becomes that number's note. Full-width digits
 * (`１２`) are digits; `1,234` is one number; `1 234` is one number in a Markdown cell, else two
 * tokens, the second marked `group` (see {@link TableToken}).
 *
 * Time is linear in the text: no token list is copied per token.
 */
export function tokenizeSection(text: string): TableToken[] {
  const tokens: TableToken[] = [];
  const lines = splitLines(text);
  for (let line = 0; line < lines.length; line++) {
    const lineText = lines[line];
    const fields = splitFields(lineText);
    const markdown = lineText.trim().startsWith('|');
    const lineTokens: TableToken[] = [];
    for (let col = 0; col < fields.length; col++) fieldTokens(fields[col], line, col, markdown, lineTokens);
    // A note on its own line belongs to the number just above it.
    const prev = tokens[tokens.length - 1];
    if (lineTokens.length === 1 && lineTokens[0].kind === 'text' && prev?.kind === 'num' && prev.note === null && prev.line === line - 1) {
      const note = NOTE_LINE.exec(lineTokens[0].text.replace(/\s+/g, ''));
      if (note && /\d/.test(note[1].normalize('NFKC'))) {
        tokens[tokens.length - 1] = { ...prev, raw: `${prev.raw}（${note[1]}）`, note: note[1] };
        continue;
      }
    }
    for (const t of keepCellBlanks(lineTokens, markdown)) tokens.push(t);
  }
  return tokens;
}

/**
 * Groups tokens into printed rows: label text followed by a run of values. A run stops at the
 * next text token. When a run spans several lines each holding two or more values (a row per
 * line whose label went missing), each such line becomes its own row with no label; when the run
 * is one value per line, it is cut into rows of `columns` values. A lone value on a line of its
 * own beside a complete row is a `stray` row (the complete row keeps the label).
 *
 * Blanks at the ends of a run are structure, not cells, unless explicit (Markdown cells); a row
 * printed with only explicit blanks counts when it has enough of them to be a row of the table
 * (`columns − 1`; any number when `columns` ≤ 3, as table 二 rows have 1 or 3 cells).
 *
 * @param columns the number of cells a row of this table has (7 for t3); used only to cut
 *   label-less runs and to tell an empty row from an empty header.
 */
export function groupRows(tokens: TableToken[], columns: number): PrintedRow[] {
  const rows: PrintedRow[] = [];
  let labels: string[] = [];
  let values: ValueToken[] = [];
  const isCell = (v: ValueToken) => v.kind !== 'blank' || v.explicit === true;
  const finish = () => {
    let from = 0;
    let to = values.length;
    while (from < to && !isCell(values[from])) from++;
    while (to > from && !isCell(values[to - 1])) to--;
    if (from > 0 || to < values.length) values = values.slice(from, to);
    const onlyBlanks = values.every((v) => v.kind === 'blank');
    const enough = columns <= 3 ? values.length >= 1 : values.length >= columns - 1;
    if (values.length && (!onlyBlanks || enough)) for (const r of splitRun(labels, values, columns)) rows.push(r);
    labels = [];
    values = [];
  };
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (values.some(isCell)) finish();
      else values = [];
      labels.push(t.text);
    } else {
      values.push(t);
    }
  }
  finish();
  return rows;
}

function splitRun(labels: string[], values: ValueToken[], columns: number): PrintedRow[] {
  const byLine = new Map<number, ValueToken[]>();
  for (const v of values) {
    const l = byLine.get(v.line);
    if (l) l.push(v);
    else byLine.set(v.line, [v]);
  }
  const lines = [...byLine.values()];
  const filled = (l: ValueToken[]) => l.filter((v) => v.kind !== 'blank').length;
  if (lines.length > 1 && columns > 3 && lines.some((l) => l.length >= columns - 1) && lines.some((l) => filled(l) < 2)) {
    // A complete row with lone values beside it: the lone values are strays.
    const firstFull = lines.findIndex((l) => l.length >= columns - 1);
    return lines.map((l, i) => ({
      labels: i === firstFull ? labels : [],
      values: l,
      line: l[0].line,
      ...(filled(l) < 2 && l.length < columns - 1 ? { stray: true } : {}),
    }));
  }
  if (lines.length > 1 && lines.every((l) => filled(l) >= 2)) {
    return lines.map((l, i) => ({ labels: i === 0 ? labels : [], values: l, line: l[0].line }));
  }
  if (values.length > columns && lines.length > 1 && lines.every((l) => l.length === 1)) {
    const out: PrintedRow[] = [];
    for (let i = 0; i < values.length; i += columns) {
      const chunk = values.slice(i, i + columns);
      out.push({ labels: i === 0 ? labels : [], values: chunk, line: chunk[0].line });
    }
    return out;
  }
  return [{ labels, values, line: values[0].line }];
}
