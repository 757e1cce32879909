/**
 * The `html_spans` family of the layout benchmark, imitating
 * data/corpus/anonymized-city-government-2025.html: the report in `<div id="zoom">` as `<p>`
 * paragraphs, table 二 with `colspan` headings and single-value rows spanning three columns,
 * table 三 with the three-row header (`colspan="3" rowspan="3"` note cell, 申请人情况, 法人或其他组织)
 * and the outcome groups as `rowspan` cells (三、本年度办理结果 over 22 rows, （三）不予公开 over 8),
 * table 四 with its two-level header and one row of 15 numbers.
 */
import { T3_COLUMNS, T4_COLUMNS, T4_ROWS } from '../model/form-layout';
import { T2_PRINTED_GROUPS, T3_HEADER_WORDS, T3_PRINTED_ROWS, T4_HEADER_WORDS } from './layout-labels';
import type { TableValues } from './synthesize-tables';

const td = (text: string | number, attrs = '') => `<td${attrs}>${text}</td>`;

function t2Html(v: TableValues['t2']): string {
  const rows: string[] = [];
  for (const g of T2_PRINTED_GROUPS) {
    rows.push(`<tr>${td(g.heading, ' colspan="4"')}</tr>`);
    const wide = g.header.length === 2;
    rows.push(`<tr>${td(g.header[0])}${wide ? td(g.header[1], ' colspan="3"') : g.header.slice(1).map((h) => td(h)).join('')}</tr>`);
    for (const r of g.rows) {
      const values = Object.values(v[r.key]);
      rows.push(`<tr>${td(r.label)}${wide ? td(values[0], ' colspan="3"') : values.map((x) => td(x)).join('')}</tr>`);
    }
  }
  return `<table>\n${rows.join('\n')}\n</table>`;
}

/** How many rows a group label spans (（三）不予公开: 8). */
function groupSpan(group: string): number {
  return T3_PRINTED_ROWS.filter((r) => r.group === group).length;
}

function t3Html(v: TableValues['t3']): string {
  const h = T3_HEADER_WORDS;
  const rows = [
    `<tr>\n  ${td(h.note, ' colspan="3" rowspan="3"')}\n  ${td(h.applicants, ' colspan="7"')}\n</tr>`,
    `<tr>\n  ${td(h.natural)}${td(h.legal, ' colspan="5"')}${td(h.total)}\n</tr>`,
    `<tr>\n  ${td('')}${h.orgs.map((o) => td(o)).join('')}${td('')}\n</tr>`,
  ];
  for (const r of T3_PRINTED_ROWS) {
    const values = T3_COLUMNS.map((c) => td(v[r.key][c.key])).join('');
    let labels: string;
    if (!r.group) labels = td(r.section!, ' colspan="3"');
    else {
      const section = r.key === 'granted' ? td(r.section!, ' rowspan="22"') : '';
      if (!r.item) labels = section + td(r.group, ' colspan="2"');
      else labels = section + (r.firstOfGroup ? td(r.group, ` rowspan="${groupSpan(r.group)}"`) : '') + td(r.item);
    }
    rows.push(`<tr>${labels}${values}</tr>`);
  }
  return `<table>\n${rows.join('\n')}\n</table>`;
}

function t4Html(v: TableValues['t4']): string {
  const h = T4_HEADER_WORDS;
  const results = h.results.map((x) => td(x)).join('');
  return [
    '<table>',
    `<tr>${td(h.review, ' colspan="5"')}${td(h.litigation, ' colspan="10"')}</tr>`,
    `<tr>\n  ${results}\n  ${td(h.direct, ' colspan="5"')}${td(h.afterReview, ' colspan="5"')}\n</tr>`,
    `<tr>\n  ${td('').repeat(5)}\n  ${results}\n  ${results}\n</tr>`,
    `<tr>\n  ${T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => td(v[r.key][c.key]))).join('')}\n</tr>`,
    '</table>',
  ].join('\n');
}

/** What the page holds besides the tables (prose already written as the report's sentences). */
export interface HtmlPage {
  title: string;
  preamble: string;
  /** Section 一's paragraphs. */
  overview: string[];
  problems: string;
  other: string;
  agency: string;
  date: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The page: the report's paragraphs and its three tables as the anonymized city's page prints them. */
export function renderHtmlReport(page: HtmlPage, v: TableValues): string {
  const p = (s: string) => `<p>${esc(s)}</p>`;
  return [
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(page.title)}</title></head>`,
    '<body>',
    '<div id="zoom" class="article-content">',
    p(page.preamble),
    p('一、总体情况'),
    ...page.overview.map(p),
    p('二、主动公开政府信息情况'),
    t2Html(v.t2),
    p('三、收到和处理政府信息公开申请情况'),
    t3Html(v.t3),
    p('四、政府信息公开行政复议、行政诉讼情况'),
    t4Html(v.t4),
    p('五、存在的主要问题及改进情况'),
    p(page.problems),
    p('六、其他需要报告的事项'),
    p(page.other),
    `<p style="text-align:right">${esc(page.agency)}</p>`,
    `<p style="text-align:right">${esc(page.date)}</p>`,
    '</div>',
    '</body></html>',
    '',
  ].join('\n');
}
