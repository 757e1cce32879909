/**
 * The tab-separated families of the layout benchmark, imitating data/seeds: `tabs` (seeds
 * 000/002: one table row per line, the section, group and item labels of table 三 in fields of
 * their own, trailing tabs), `cell_per_line` (seed 004: every field on a line of its own indented
 * by a tab, rows separated by an empty line), `ocr_noisy` (seed 003: labels garbled as OCR does —
 * 本生F新收政府, 不 予公开 —, long labels split over two fields, sometimes a value line whose label
 * the OCR lost), `full_width_digits` (the `tabs` layout with ０–９) and `cell_notes` (the `tabs`
 * layout with notes in table 二's cells, 22（其中修订16件）, as data/corpus/shanghai-government-office-2025.md).
 */
import { T3_COLUMNS, T4_COLUMNS, T4_ROWS } from '../model/form-layout';
import { halfWidthBrackets, itemNumeral, pick, T2_PRINTED_GROUPS, T3_HEADER_WORDS, T3_PRINTED_ROWS, T4_HEADER_WORDS } from './layout-labels';
import type { Random, TableValues } from './synthesize-tables';

/** How one cell prints (`22`, `２２`, `22（其中修订16件）`). */
export type CellFormatter = (table: 't2' | 't3' | 't4', row: string, column: string, value: number) => string;

/** The number as printed in ASCII digits (`96171.6`). */
export const plainCell: CellFormatter = (_t, _r, _c, v) => String(v);

/** Full-width digits (１２, １２．５), as some Word exports and OCR outputs print numbers. */
export function fullWidthCell(rnd: Random): CellFormatter {
  const dot = rnd() < 0.5 ? '．' : '.';
  return (_t, _r, _c, v) => String(v).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace('.', dot);
}

/**
 * Notes in table 二's cells of 规章/行政规范性文件 (the Shanghai layout): 本年制发 `22（其中修订16件）`,
 * 本年废止 `55（含自然失效29件）`; other cells plain. The note's number never exceeds the cell's.
 */
export function notedCell(rnd: Random): CellFormatter {
  return (t, r, c, v) => {
    if (t !== 't2' || (r !== 'regulations' && r !== 'normative_documents') || v === 0 || rnd() < 0.3) return String(v);
    const k = Math.floor(rnd() * (v + 1));
    if (c === 'issued') return `${v}（其中修订${k}件）`;
    if (c === 'repealed') return `${v}（含自然失效${k}件）`;
    return String(v);
  };
}

/** A table as printed fields: one array of fields per printed line (a table row or a header line). */
type FieldLines = string[][];

function t2Fields(v: TableValues['t2'], cell: CellFormatter): FieldLines {
  const out: FieldLines = [];
  for (const g of T2_PRINTED_GROUPS) {
    out.push([g.heading.replace('第二十条第', '第二十条 第'), '', '', '']);
    out.push([...g.header, ...Array(4 - g.header.length).fill('')]);
    for (const r of g.rows) {
      const cells = Object.entries(v[r.key]).map(([c, n]) => cell('t2', r.key, c, n));
      out.push([r.label, ...cells, ...Array(3 - cells.length).fill('')]);
    }
  }
  return out;
}

/** Label fields of a table-三 row: [section, group, item], each printed where the merged cell starts. */
function t3LabelFields(i: number, bracket: (s: string) => string, numeral: (s: string) => string): string[] {
  const r = T3_PRINTED_ROWS[i];
  const section = r.firstOfSection && r.section ? r.section : '';
  const group = r.firstOfGroup && r.group ? bracket(r.group) : '';
  return [section, group, r.item ? numeral(r.item) : ''];
}

function t3Fields(v: TableValues['t3'], cell: CellFormatter, rnd: Random): FieldLines {
  const halfWidth = rnd() < 0.6;
  const bracket = (s: string) => (halfWidth ? halfWidthBrackets(s) : s);
  const dot = pick(['. ', '.', '．'] as const, rnd);
  const h = T3_HEADER_WORDS;
  const out: FieldLines = [
    [halfWidth ? halfWidthBrackets(h.note) : h.note, '', h.applicants, '', '', '', '', '', h.total, ''],
    ['', '', h.natural, h.legal, '', '', '', '', '', ''],
    ['', '', '', ...h.orgs, '', ''],
  ];
  T3_PRINTED_ROWS.forEach((r, i) => {
    const values = T3_COLUMNS.map((c) => cell('t3', r.key, c.key, v[r.key][c.key]));
    out.push([...t3LabelFields(i, bracket, (s) => itemNumeral(s, dot)), ...values, ...(rnd() < 0.5 ? [''] : [])]);
  });
  return out;
}

function t4Fields(v: TableValues['t4'], cell: CellFormatter): FieldLines {
  const h = T4_HEADER_WORDS;
  return [
    [h.review, '', '', '', '', h.litigation, '', '', '', '', '', '', '', '', ''],
    [...h.results, h.direct, '', '', '', '', h.afterReview, '', '', '', ''],
    ['', '', '', '', '', ...h.results, ...h.results],
    T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => cell('t4', r.key, c.key, v[r.key][c.key]))),
  ];
}

/** The three tables as tab-separated lines (seeds 000/002), cells printed by `cell`. */
export function renderTabTables(v: TableValues, cell: CellFormatter, rnd: Random): Record<'t2' | 't3' | 't4', string[]> {
  const join = (lines: FieldLines) => lines.map((f) => f.join('\t'));
  return { t2: join(t2Fields(v.t2, cell)), t3: join(t3Fields(v.t3, cell, rnd)), t4: join(t4Fields(v.t4, cell)) };
}

/** The three tables one cell per line (seed 004): each non-empty field on its own line after a tab, an empty line after each row. */
export function renderCellPerLineTables(v: TableValues, rnd: Random): Record<'t2' | 't3' | 't4', string[]> {
  const lines = (fields: FieldLines) => fields.flatMap((f) => [...f.filter((x) => x !== '').map((x) => `\t${x}`), '']);
  const t3 = t3Fields(v.t3, plainCell, rnd).map((f) => f.map((x) => x.replace(/^\((.)\) /, '（$1）')));
  return { t2: lines(t2Fields(v.t2, plainCell)), t3: lines(t3), t4: lines(t4Fields(v.t4, plainCell)) };
}

/** OCR garbling of seed 003: 本年 → 本生/F, spaces inside words, a wrong character here and there. */
function ocrLabel(label: string, rnd: Random): string {
  let s = label.replace('本年新收', rnd() < 0.5 ? '本生\tF新收' : '本生F新收').replace('上年结转', rnd() < 0.5 ? '上生\tF结转' : '上生F结转');
  s = s.replace('不予', rnd() < 0.5 ? '不 予' : '不予').replace('无法', rnd() < 0.5 ? '无 法' : '无法').replace('其他处理', rnd() < 0.5 ? '其 他处理' : '其他处理');
  if (rnd() < 0.5) s = s.replace('已获取信息', '已 获取信息');
  if (rnd() < 0.5) s = s.replace('“', '"').replace('”', '"');
  return s;
}

/**
 * The tables as seed 003's OCR prints them: tab-separated, labels garbled, `政府信息公开申请数量`
 * split off into a field of its own, and with probability 0.3 one item row of （六） printed
 * without its label (`\t\t\t0\t0…`, as 003 prints 1.申请人无正当理由…).
 */
export function renderOcrTables(v: TableValues, rnd: Random): Record<'t2' | 't3' | 't4', string[]> {
  const tabs = renderTabTables(v, plainCell, rnd);
  const dropLabel = rnd() < 0.3 ? 'other_overdue_amendment' : null;
  const t3 = tabs.t3.map((line, i) => {
    const row = T3_PRINTED_ROWS[i - 3];
    if (!row) return line;
    const isLabel = (f: string) => /[\u4e00-\u9fff]/.test(f);
    if (row.key === dropLabel) return line.split('\t').map((f, k) => (k < 3 && isLabel(f) ? '' : f)).join('\t');
    const fields = line.split('\t').map((f) => (isLabel(f) ? ocrLabel(f, rnd) : f));
    if (row.section && row.firstOfSection && /政府信息公开申请数量$/.test(fields[0]))
      fields[0] = fields[0].replace(/政府信息公开申请数量$/, '政府\t信息公开申请数量');
    return fields.join('\t');
  });
  return { t2: tabs.t2, t3, t4: tabs.t4 };
}
