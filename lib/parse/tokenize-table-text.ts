/**
 * Turns the text of one report section into table tokens and rows.
 *
 * Plain-text reports come in several layouts (see ../shared/seeds): tab-separated rows, one cell
 * per line, labels wrapped over several lines, numbers separated by spaces. All of them reduce to
 * a stream of tokens — label text, numbers, placeholders, printed-empty cells — and a table row is
 * "some label text followed by a run of values". Which row a label names is decided later
 * (lib/normalize), by label similarity with the form's row order as a guide.
 */

/**
 * A token of a table section. `line` is the 0-based line in the section, `col` the tab field. A
 * `blank` is `explicit` when it is an empty cell of a Markdown table row (`|  |`) after the row's
 * label: the cell exists and was printed empty (the HTML, Word and PDF readers emit their table
 * rows that way), so it is kept even at the end of a row.
 */
export type TableToken =
  | { kind: 'text'; text: string; line: number; col: number }
  | { kind: 'num'; value: number; raw: string; note: string | null; line: number; col: number; unit?: string }
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

const NUMBER = /^[+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+]?\d+(?:\.\d+)?$/;
const NUMBER_WITH_NOTE = /^(\d+(?:\.\d+)?)\s*[（(]([^（()）]*)[)）]$/;
/** A number printed with its unit in the cell: `251000元`, `12.5万元`, `3件`. */
const NUMBER_WITH_UNIT = /^(\d+(?:\.\d+)?)(万元|元|件|项|个|条)$/;

/**
 * Classifies one whitespace-free piece of a cell: a number (`1,234`, `0.5`, `22（其中修订16件）`
 * with its note, `251000元` with its unit), a placeholder, or text. Never throws.
 */
export function classifyPiece(piece: string): 'num' | 'placeholder' | 'text' {
  if (NUMBER.test(piece) || NUMBER_WITH_NOTE.test(piece) || NUMBER_WITH_UNIT.test(piece)) return 'num';
  if (PLACEHOLDERS.has(piece)) return 'placeholder';
  return 'text';
}

function numberToken(piece: string, line: number, col: number): TableToken {
  const withNote = NUMBER_WITH_NOTE.exec(piece);
  if (withNote) return { kind: 'num', value: Number(withNote[1]), raw: piece, note: withNote[2] || null, line, col };
  const withUnit = NUMBER_WITH_UNIT.exec(piece);
  if (withUnit) return { kind: 'num', value: Number(withUnit[1]), raw: piece, note: null, line, col, unit: withUnit[2] };
  return { kind: 'num', value: Number(piece.replace(/,/g, '')), raw: piece, note: null, line, col };
}

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
    return t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((f) => (PAGE_MARKER.test(f.trim()) ? '' : f));
  }
  return lineText.split('\t').map((f) => (PAGE_MARKER.test(f.trim()) ? '' : f));
}

/** A note printed on its own line under a number (`22` / `（其中修订 16 件）`): short, parenthesized, with a digit. */
const NOTE_LINE = /^[（(]([^（()）]{1,24})[)）]$/;

/**
 * Splits section text into tokens. Fields are separated by tabs (or `|` in Markdown tables);
 * inside a field, whitespace separates numbers from text (`行政许可 0`, `0 0 0`). A field that is
 * only spaces (e.g. a line ` \t16`) is a printed-empty cell candidate (`blank`); a field with no
 * characters at all (the artifact of a leading or doubled tab) is a blank candidate only between
 * two values on one line. In a Markdown row every empty cell after the row's last text cell is an
 * explicit blank (see {@link TableToken}). A parenthesized note with a digit printed on the line
 * after a number (`55` / `（含自然失效 29 件）`) becomes that number's note.
 */
export function tokenizeSection(text: string): TableToken[] {
  const tokens: TableToken[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((lineText, line) => {
    const fields = splitFields(lineText);
    const markdown = lineText.trim().startsWith('|');
    const lineTokens: TableToken[] = [];
    fields.forEach((field, col) => {
      const trimmed = field.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, '');
      if (trimmed === '') {
        lineTokens.push({ kind: 'blank', raw: field, line, col });
        return;
      }
      // Protect notes in parentheses from being split on their inner spaces.
      const pieces = !/[\s\u3000]/u.test(trimmed)
        ? [trimmed]
        : trimmed.replace(/([（(][^（()）]*[)）])/g, (m) => m.replace(/\s+/g, '')).split(/[\s\u3000]+/u);
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
    // A note on its own line belongs to the number just above it.
    const prev = tokens[tokens.length - 1];
    if (lineTokens.length === 1 && lineTokens[0].kind === 'text' && prev?.kind === 'num' && prev.note === null && prev.line === line - 1) {
      const note = NOTE_LINE.exec(lineTokens[0].text.replace(/\s+/g, ''));
      if (note && /\d/.test(note[1])) {
        tokens[tokens.length - 1] = { ...prev, raw: `${prev.raw}（${note[1]}）`, note: note[1] };
        return;
      }
    }
    const lastText = markdown ? lineTokens.map((t) => t.kind).lastIndexOf('text') : -1;
    // Keep a blank only where it can be a cell: a whitespace-only field, or an empty field
    // strictly between two values of the same line; in a Markdown row, any empty cell after the
    // label.
    lineTokens.forEach((t, i) => {
      if (t.kind !== 'blank') return tokens.push(t);
      if (markdown && i > lastText) return tokens.push({ ...t, explicit: true });
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
    while (values.length && !isCell(values[0])) values.shift();
    while (values.length && !isCell(values[values.length - 1])) values.pop();
    const onlyBlanks = values.every((v) => v.kind === 'blank');
    const enough = columns <= 3 ? values.length >= 1 : values.length >= columns - 1;
    if (values.length && (!onlyBlanks || enough)) rows.push(...splitRun(labels, values, columns));
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
  for (const v of values) byLine.set(v.line, [...(byLine.get(v.line) ?? []), v]);
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
