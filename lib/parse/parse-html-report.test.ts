/**
 * The HTML reader: a saved government page is reduced to the report's text (navigation left out,
 * tables as Markdown rows with empty cells kept, numbers split by inline tags joined), then read
 * like any text report.
 */
import { describe, expect, it } from 'vitest';
import { T3_ROWS } from '../model/form-layout';
import { declaredCharset, htmlToReportText, parseHtmlReport } from './parse-html-report';

const T3_LABELS = T3_ROWS.map((r) => r.label.replace(/^（[一二三四五六七]）\S+ (?=\d)/, ''));

/** A small report page: navigation around it, the title in an <h1> outside the article. */
function page(t3Rows: string, extra = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县科技局2023年政府信息公开工作年度报告_某县人民政府</title></head>
<body>
<nav><a href="/">首页</a><a href="/xxgk">政府信息公开年报</a><a>一、总体情况（导航）</a></nav>
<div class="header">站内搜索</div>
<h1>某县科技局2023年政府信息公开工作年度报告</h1>
<div class="info">发布日期：2024-01-20 来源：某县科技局</div>
<div id="zoom">
<p>一、总体情况</p><p>2023年，我局认真落实《条例》。</p>
<p>二、主动公开政府信息情况</p>
<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td></td><td>0</td></tr>
<tr><td>行政规范性文件</td><td><span>1</span><span>2</span></td><td>0</td><td>3<b>4</b></td></tr>
<tr><td>行政许可</td><td colspan="3">5</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p>
<table>${t3Rows}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>${'<td>1</td><td></td><td></td><td>0</td><td>1</td>'.repeat(3)}</tr></table>
<p>五、存在的主要问题及改进情况</p><p>无。</p>
<p>六、其他需要报告的事项</p><p>无。</p>${extra}
</div>
<div class="footer">版权所有 某县人民政府 | 网站地图</div>
</body></html>`;
}

const rows = T3_LABELS.map((label, i) => `<tr><td>${label}</td>${i < 2 ? '<td>1</td><td></td><td></td><td></td><td></td><td></td><td>1</td>' : '<td></td>'.repeat(7)}</tr>`).join('');

describe('htmlToReportText', () => {
  it('keeps the report, not the navigation around it, and puts the title and date in front', () => {
    const { text, root } = htmlToReportText(page(rows));
    expect(root).toBe('div#zoom');
    const lines = text.split('\n');
    expect(lines[0]).toBe('某县科技局2023年政府信息公开工作年度报告');
    expect(lines[1]).toContain('发布日期：2024-01-20');
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

describe('parseHtmlReport', () => {
  it('reads the tables with blank cells as blank, and the date from the page', () => {
    const r = parseHtmlReport(new TextEncoder().encode(page(rows)), 'page.html', 'h1');
    expect(r.report).toMatchObject({ agency: '某县科技局', year: 2023, published_on: '2024-01-20', tables_found: ['t2', 't3', 't4'] });
    const cell = (t: string, row: string, col: string) => r.cells.find((c) => c.table === t && c.row === row && c.column === col);
    expect(cell('t2', 'regulations', 'repealed')).toMatchObject({ status: 'blank', value: null });
    expect(cell('t2', 'normative_documents', 'issued')).toMatchObject({ status: 'reported', value: 12 });
    expect(cell('t3', 'new_received', 'commercial')).toMatchObject({ status: 'blank' });
    expect(cell('t3', 'carried_forward', 'total')).toMatchObject({ status: 'blank' });
    expect(cell('t4', 'litigation_after_review', 'corrected')).toMatchObject({ status: 'blank' });
    // Only the table-二 rows the page does not print are missing.
    const lost = r.flags.filter((f) => f.rule === 'CELL_MISSING' || f.rule === 'TABLE_MISSING');
    expect(lost.map((f) => f.subject)).toEqual([['t2.penalty.decisions', 't2.coercion.decisions', 't2.fees.amount']]);
  });

  it('decodes a page that declares GBK', () => {
    // <meta charset="gbk"> + 科技局 in GBK
    const head = new TextEncoder().encode('<html><head><meta charset="gbk"></head><body><p>');
    const bytes = new Uint8Array([...head, 0xbf, 0xc6, 0xbc, 0xbc, 0xbe, 0xd6, ...new TextEncoder().encode('</p></body></html>')]);
    expect(declaredCharset(bytes)).toBe('gbk');
    const r = parseHtmlReport(bytes, 'gbk.html', 'h2');
    expect(r.text).toBe('科技局');
    expect(r.report.status).toBe('not_a_report');
  });

  it('says so for a page with no text', () => {
    const r = parseHtmlReport(new TextEncoder().encode('<html><body><img src="report.png"></body></html>'), 'img.html', 'h3');
    expect(r.report.status).toBe('empty_file');
    expect(r.report.status_message).toContain('img.html');
  });
});
