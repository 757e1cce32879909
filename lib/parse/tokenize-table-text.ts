/**
 * Turns the text of one report section into table tokens and rows.
 *
 * Plain-text reports come in several layouts (see ../shared/seeds): tab-separated rows, one cell
 * per line, labels wrapped over several lines, numbers separated by spaces. All of them reduce to
 * a stream of tokens — label text, numbers, placeholders, printed-empty cells — and a table row is
 * "some label text followed by a run of values". Which row a label names is decided later
 * (lib/normalize), by label similarity with the form's row order as a guide.
 */

/** A token of a table section. `line` is the 0-based line in the section, `col` the tab field. */
export type TableToken =
  | { kind: 'text'; text: string; line: number; col: number }
  | { kind: 'num'; value: number; raw: string; note: string | null; line: number; col: number }
  | { kind: 'placeholder'; raw: string; line: number; col: number }
  | { kind: 'blank'; raw: string; line: number; col: number };

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
}

/** Placeholders the form allows in a cell (spec "Cell status"). */
const PLACEHOLDERS = new Set(['/', '／', '-', '－', '—', '——', '--', '–', '无', '不适用', 'N/A', 'n/a', 'NA']);

const NUMBER = /^[+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+]?\d+(?:\.\d+)?$/;
const NUMBER_WITH_NOTE = /^(\d+(?:\.\d+)?)\s*[（(]([^（()）]*)[)）]$/;

/**
 * Classifies one whitespace-free piece of a cell: a number (`1,234`, `0.5`, `22（其中修订16件）`
 * with its note), a placeholder, or text. Never throws.
 */
export function classifyPiece(piece: string): 'num' | 'placeholder' | 'text' {
  if (NUMBER.test(piece) || NUMBER_WITH_NOTE.test(piece)) return 'num';
  if (PLACEHOLDERS.has(piece)) return 'placeholder';
  return 'text';
}

function numberToken(piece: string, line: number, col: number): TableToken {
  const withNote = NUMBER_WITH_NOTE.exec(piece);
  if (withNote) return { kind: 'num', value: Number(withNote[1]), raw: piece, note: withNote[2] || null, line, col };
  return { kind: 'num', value: Number(piece.replace(/,/g, '')), raw: piece, note: null, line, col };
}

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
    return t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((f) => (PAGE_MARKER.test(f.trim()) ? '' : f));
  }
  return lineText.split('\t').map((f) => (PAGE_MARKER.test(f.trim()) ? '' : f));
}

/**
 * Splits section text into tokens. Fields are separated by tabs (or `|` in Markdown tables); inside a field, whitespace
 * separates numbers from text (`行政许可 0`, `0 0 0`). A field that is only spaces (e.g. a line
 * ` \t16`) is a printed-empty cell candidate (`blank`); a field with no characters at all (the
 * artifact of a leading or doubled tab) is a blank candidate only between two values on one line.
 */
export function tokenizeSection(text: string): TableToken[] {
  const tokens: TableToken[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((lineText, line) => {
    const fields = splitFields(lineText);
    const lineTokens: TableToken[] = [];
    fields.forEach((field, col) => {
      const trimmed = field.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, '');
      if (trimmed === '') {
        lineTokens.push({ kind: 'blank', raw: field, line, col });
        return;
      }
      // Protect notes in parentheses from being split on their inner spaces.
      const pieces = trimmed.replace(/([（(][^（()）]*[)）])/g, (m) => m.replace(/\s+/g, '')).split(/[\s\u3000]+/u);
      let text: string[] = [];
      const flush = () => {
        if (text.length) lineTokens.push({ kind: 'text', text: text.join(' '), line, col });
        text = [];
      };
      for (const piece of pieces) {
        const kind = classifyPiece(piece);
        if (kind === 'text') text.push(piece);
        else {
          flush();
          lineTokens.push(kind === 'num' ? numberToken(piece, line, col) : { kind: 'placeholder', raw: piece, line, col });
        }
      }
      flush();
    });
    // Keep a blank only where it can be a cell: a whitespace-only field, or an empty field
    // strictly between two values of the same line.
    lineTokens.forEach((t, i) => {
      if (t.kind !== 'blank') return tokens.push(t);
      const isValue = (x: TableToken | undefined) => !!x && (x.kind === 'num' || x.kind === 'placeholder');
      const prevValue = isValue(lineTokens.slice(0, i).reverse().find((x) => x.kind !== 'blank'));
      const nextValue = isValue(lineTokens.slice(i + 1).find((x) => x.kind !== 'blank'));
      if (t.raw.length > 0 && nextValue) tokens.push(t);
      else if (prevValue && nextValue) tokens.push(t);
    });
  });
  return tokens;
}

/**
 * Groups tokens into printed rows: label text followed by a run of values. A run stops at the
 * next text token. When a run spans several lines each holding two or more values (a row per
 * line whose label went missing), each such line becomes its own row with no label; when the run
 * is one value per line, it is cut into rows of `columns` values.
 *
 * @param columns the number of cells a row of this table has (7 for t3); used only to cut
 *   label-less runs.
 */
export function groupRows(tokens: TableToken[], columns: number): PrintedRow[] {
  const rows: PrintedRow[] = [];
  let labels: string[] = [];
  let values: ValueToken[] = [];
  const finish = () => {
    // Leading/trailing blanks are structure, not cells.
    while (values.length && values[0].kind === 'blank') values.shift();
    while (values.length && values[values.length - 1].kind === 'blank') values.pop();
    if (values.length) rows.push(...splitRun(labels, values, columns));
    labels = [];
    values = [];
  };
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (values.some((v) => v.kind !== 'blank')) finish();
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
  for (const v of values) byLine.set(v.line, [...(byLine.get(v.line) ?? []), v]);
  const lines = [...byLine.values()];
  if (lines.length > 1 && lines.every((l) => l.filter((v) => v.kind !== 'blank').length >= 2)) {
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
