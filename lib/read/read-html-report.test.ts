/**
 * The HTML reader end to end (lib/parse/parse-html-report.ts, then ./assemble-record.ts): a saved
 * page becomes a record whose blank cells are blank, whose date comes from the page, and whose
 * failures name the file.
 */
import { describe, expect, it } from 'vitest';
import { declaredCharset, parseHtmlReport } from '../parse/parse-html-report';
import { page, rows } from '../parse/report-page.fixture';
import { assembleRecord } from './assemble-record';

/** The record of a page: parsed by the HTML reader, assembled with the given id (no checks). */
function readHtml(bytes: Uint8Array, name: string, id: string) {
  return assembleRecord(parseHtmlReport(bytes, name), name, id);
}

describe('parseHtmlReport → assembleRecord', () => {
  it('reads the tables with blank cells as blank, and the date from the page', () => {
    const r = readHtml(new TextEncoder().encode(page(rows)), 'page.html', 'h1');
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
    const r = readHtml(bytes, 'gbk.html', 'h2');
    expect(r.text).toBe('科技局');
    expect(r.report.status).toBe('not_a_report');
  });

  it('says so for a page with no text', () => {
    const r = readHtml(new TextEncoder().encode('<html><body><img src="report.png"></body></html>'), 'img.html', 'h3');
    expect(r.report.status).toBe('empty_file');
    expect(r.report.status_message).toContain('img.html');
  });
});
