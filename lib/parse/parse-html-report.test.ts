/**
 * The HTML reader: a saved government page is reduced to the report's text (navigation left out,
 * tables as Markdown rows with empty cells kept, numbers split by inline tags joined). The record
 * made of a page is tested in lib/read/read-html-report.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../read/read-report';
import { declaredCharset, htmlToReportText } from './parse-html-report';
import { page, rows } from './report-page.fixture';

describe('htmlToReportText', () => {
  it('keeps the report, not the navigation around it, puts the title in front and reads the date field as page metadata', () => {
    const { text, root, page: meta } = htmlToReportText(page(rows));
    expect(root).toBe('div#zoom');
    const lines = text.split('\n');
    expect(lines[0]).toBe('某县科技局2023年政府信息公开工作年度报告');
    expect(meta.publishedOn).toBe('2024-01-20');
    expect(text).not.toContain('发布日期');
    expect(text).not.toContain('首页');
    expect(text).not.toContain('版权所有');
  });

  it('writes table rows as Markdown rows: one field per cell, empty cells kept, split numbers joined', () => {
    const { text } = htmlToReportText(page(rows));
    expect(text).toContain('| 规章 | 0 |  | 0 |');
    expect(text).toContain('| 行政规范性文件 | 12 | 0 | 34 |');
    expect(text).toContain('| 行政许可 | 5 |');
  });

  it('reads a page laid out with one big table cell as paragraphs', () => {
    const html = `<html><body><table><tr><td>${'<p>一、总体情况</p><p>' + '很长的正文。'.repeat(50) + '</p>'}<table><tr><td>规章</td><td>1</td></tr></table></td></tr></table></body></html>`;
    const { text } = htmlToReportText(html);
    expect(text.split('\n')[0]).toBe('一、总体情况');
    expect(text).toContain('| 规章 | 1 |');
  });

  it('reads a real page nested 1,000 tables, 5,000 divs or 100,000 spans deep as the page itself (no stack overflow)', () => {
    const html = readFileSync(path.resolve(__dirname, '../../data/corpus/anonymized-city-government-2025.html'), 'utf8');
    const plain = htmlToReportText(html).text;
    expect(plain).toContain('| 规章 | 3 | 5 | 74 |');
    const nest = (open: string, close: string, n: number) =>
      html.replace(/(<body[^>]*>)/, `$1${open.repeat(n)}`).replace(/<\/body>/, `${close.repeat(n)}</body>`);
    expect(htmlToReportText(nest('<table><tr><td>', '</td></tr></table>', 1000)).text).toBe(plain);
    expect(htmlToReportText(nest('<div>', '</div>', 5000)).text).toBe(plain);
    expect(htmlToReportText(nest('<span>', '</span>', 100_000)).text).toBe(plain);
  }, 30_000);

  it('reads a real page inside 10,000 nested tables to the same cells as the page itself (the time is printed)', async () => {
    // The fuzz harness's deep-html inputs (issue 12) took 70–120 s when every table read the text of every
    // table inside it; a row belongs to its nearest table and a cell's text is read once.
    const html = readFileSync(path.resolve(__dirname, '../../data/corpus/anonymized-city-government-2025.html'), 'utf8');
    const deep = html
      .replace(/(<body[^>]*>)/, `$1${'<table><tr><td>'.repeat(10_000)}`)
      .replace(/<\/body>/, `${'</td></tr></table>'.repeat(10_000)}</body>`);
    const cellsOf = async (page: string) => {
      const read = await readReport(new TextEncoder().encode(page), 'anonymized-city-government-2025.html');
      const record = read.ok ? read.value : read.error.record;
      return { status: record.report.status, cells: record.cells.map(({ table, row, column, value, status, raw }) => ({ table, row, column, value, status, raw })) };
    };
    const plain = await cellsOf(html);
    expect(plain.cells.find((c) => c.table === 't2' && c.row === 'regulations' && c.column === 'issued')).toMatchObject({ value: 3, status: 'reported' });
    const started = performance.now();
    const nested = await cellsOf(deep);
    console.log(`10,000 nested tables: ${deep.length.toLocaleString()} characters read in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    expect(nested).toEqual(plain);
    expect(plain.cells.filter((c) => c.status === 'reported').length).toBeGreaterThan(100);
  }, 60_000);
});
