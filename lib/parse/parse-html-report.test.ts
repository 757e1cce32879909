/**
 * The HTML reader: a saved government page is reduced to the report's text (navigation left out,
 * tables as Markdown rows with empty cells kept, numbers split by inline tags joined). The record
 * made of a page is tested in lib/read/read-html-report.test.ts.
 */
import { describe, expect, it } from 'vitest';
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
});
