/**
 * The `pdf_columns` family of the layout benchmark: the text `pdftotext -layout` prints for a
 * report PDF (imitating data/corpus/huaian-city-government-2024.pdf): columns aligned by runs of
 * spaces, long labels wrapped over two lines with the numbers on a line between the halves or
 * after the first, group labels (（三）不 / 予公开) and the vertical 三、本年度办理结果 (one character
 * a line) on lines of their own between rows, and a page break inside table 三: the page number
 * (`-4-`), a form feed and the running header of the next page.
 */
import { T3_COLUMNS, T4_COLUMNS, T4_ROWS } from '../model/form-layout';
import { itemNumeral, T2_PRINTED_GROUPS, T3_HEADER_WORDS, T3_PRINTED_ROWS, T4_HEADER_WORDS } from './layout-labels';
import type { Random, TableValues } from './synthesize-tables';

/** Display width: a CJK character or full-width punctuation counts 2. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef“”]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(1, w - width(s)));
const spaces = (n: number) => ' '.repeat(n);

/** Numbers of a row in columns 9 wide (left-aligned, as pdftotext places them). */
function numberColumns(values: readonly (string | number)[]): string {
  return values.map((x) => pad(String(x), 9)).join('').trimEnd();
}

function t2Lines(v: TableValues['t2']): string[] {
  const out: string[] = [];
  for (const g of T2_PRINTED_GROUPS) {
    out.push(g.heading.replace('第二十条第', '第二十条 第'), '', '');
    out.push(g.header.map((h, i) => (i === 0 ? pad(h, 18) : pad(h, 15))).join('').trimEnd(), '', '');
    for (const r of g.rows) out.push((pad(r.label, 18) + Object.values(v[r.key]).map((x) => pad(String(x), 15)).join('')).trimEnd(), '');
  }
  return out;
}

/** A label cut into pieces of at most `max` display columns (the PDF cell wraps it). */
function wrap(label: string, max: number): string[] {
  const out: string[] = [''];
  for (const ch of label) {
    if (width(out[out.length - 1]) + width(ch) > max) out.push('');
    out[out.length - 1] += ch;
  }
  return out;
}

function t3Header(): string[] {
  const h = T3_HEADER_WORDS;
  return [
    `${spaces(57)}${h.applicants}`,
    '',
    `（本列数据的勾稽关系为：第一项加第二项之和，${spaces(18)}${h.legal}`,
    '等于第三项加第四项之和）',
    `${spaces(31)}${h.natural}${spaces(46)}${h.total}`,
    `${spaces(40)}商业企      科研机     社会公益     法律服务`,
    `${spaces(75)}其他`,
    `${spaces(40)}业        构       组织       机构`,
    '',
  ];
}

/** The lines of one table-三 row: label (wrapped when long) and its seven numbers in columns. */
function t3RowLines(i: number, v: TableValues['t3'], numeral: string): string[] {
  const r = T3_PRINTED_ROWS[i];
  const label = r.item ? itemNumeral(r.item, numeral as '、') : !r.group ? r.section! : r.group;
  const indent = r.item ? 13 : r.group ? 6 : 0;
  const numbers = numberColumns(T3_COLUMNS.map((c) => v[r.key][c.key]));
  const pieces = wrap(label, indent === 13 ? 28 : 38);
  if (pieces.length === 1) return [spaces(indent) + pad(pieces[0], 40 - indent) + numbers, ''];
  // Two pieces: the numbers on a line of their own between them; three or more: beside the middle one.
  if (pieces.length === 2) return [spaces(indent) + pieces[0], spaces(40) + numbers, spaces(indent) + pieces[1], '', ''];
  const mid = Math.floor(pieces.length / 2);
  return pieces.map((p, k) => (k === mid ? spaces(indent) + pad(p, 40 - indent) + numbers : spaces(indent) + p)).concat('', '');
}

/** Lines printed between rows of a group: the group label in two halves and a character of 三、本年度办理结果. */
function betweenRows(i: number, vertical: string[]): string[] {
  const r = T3_PRINTED_ROWS[i];
  const out: string[] = [];
  if (r.section === '三、本年度办理结果' && vertical.length && i % 2 === 0) out.push(vertical.shift()!);
  if (r.item && r.group && T3_PRINTED_ROWS[i + 1]?.group === r.group && r.firstOfGroup === false && T3_PRINTED_ROWS[i - 1]?.firstOfGroup) {
    out.push(...wrap(r.group, 8).map((piece) => `${spaces(6)}${piece}`));
  }
  return out;
}

function t3Lines(v: TableValues['t3'], header: string, rnd: Random): string[] {
  const numeral = rnd() < 0.5 ? '.' : '、';
  const breakAt = 4 + Math.floor(rnd() * 18);
  const vertical = ['三、', '本', '年', '度', '办', '理', '结', '果'];
  const out = t3Header();
  T3_PRINTED_ROWS.forEach((_r, i) => {
    if (i === breakAt) out.push('', `${spaces(43)}-${3 + Math.floor(rnd() * 3)}-`, `\f${spaces(20)}${header}`, '');
    out.push(...t3RowLines(i, v, numeral), ...betweenRows(i, vertical));
  });
  return out;
}

function t4Lines(v: TableValues['t4']): string[] {
  const h = T4_HEADER_WORDS;
  const numbers = T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => v[r.key][c.key]));
  return [
    `${h.review}${spaces(26)}${h.litigation}`,
    '',
    `${spaces(30)}${h.direct}${spaces(30)}${h.afterReview}`,
    '',
    `结果   结果    其他结    尚未${spaces(24)}总计`,
    `${spaces(30)}结 果   结果       其他       尚未            结果   结果    其他   尚未审`,
    `维持   纠正    果      审结${spaces(47)}总计${spaces(27)}总计`,
    `${spaces(30)}维持   纠正       结果       审结            维持   纠正    结果   结`,
    '',
    numbers.map((x) => pad(String(x), 6)).join('').trimEnd(),
  ];
}

/**
 * The three tables as `pdftotext -layout` prints them.
 *
 * @param header the running header printed at the top of the page that breaks table 三 (the report's title)
 */
export function renderPdfColumnTables(v: TableValues, header: string, rnd: Random): Record<'t2' | 't3' | 't4', string[]> {
  return { t2: t2Lines(v.t2), t3: t3Lines(v.t3, header, rnd), t4: t4Lines(v.t4) };
}
