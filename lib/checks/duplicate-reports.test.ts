/**
 * The same report read twice is counted once, on real records: the 2024 report of
 * 平潭综合实验区公安局 embedded twice in data/corpus (the archived portal page .html and the
 * web-archive text capture .txt), read as the ingest reads them (lib/read readReport via ingestFile).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../model/report-schema';
import { ingestFile } from '../pipeline/ingest-reports';
import { findDuplicates, identicalCopies, markDuplicateReports, markIdenticalCopies, MIN_SHARED_CELLS, readValues, sameNumbers } from './duplicate-reports';

const corpus = path.resolve(__dirname, '../../data/corpus');
const HTML = 'corpus/pingtan-public-security-bureau-2024.html';
const TXT = 'corpus/pingtan-public-security-bureau-2024.txt';

describe('duplicate reports (平潭综合实验区公安局 2024, .html and .txt)', () => {
  let html: ReportRecord;
  let txt: ReportRecord;
  beforeAll(async () => {
    html = await ingestFile(path.join(corpus, 'pingtan-public-security-bureau-2024.html'), HTML);
    txt = await ingestFile(path.join(corpus, 'pingtan-public-security-bureau-2024.txt'), TXT);
  }, 60_000);

  it('reads both as the same agency and year with the same numbers', () => {
    expect(html.report).toMatchObject({ status: 'ok', agency_key: '?:平潭综合实验区公安局', year: 2024 });
    expect(txt.report).toMatchObject({ status: 'ok', agency_key: '?:平潭综合实验区公安局', year: 2024 });
    // 表三 本年新收政府信息公开申请数量 总计 8, as printed in both captures.
    expect(readValues(html.cells).get('t3|new_received|total')).toBe(8);
    expect(readValues(txt.cells).get('t3|new_received|total')).toBe(8);
    expect(sameNumbers(readValues(html.cells), readValues(txt.cells))).toBe(true);
  });

  it('keeps the first by source_file when both read as many cells, and marks the other duplicate naming it', () => {
    // Both give 200 read cells (表二–表四), a tie: the .html comes first by source_file.
    expect(readValues(html.cells).size).toBe(readValues(txt.cells).size);
    const out = markDuplicateReports([txt, html]);
    expect(out.map((r) => r.report.source_file)).toEqual([TXT, HTML]);
    expect(out[1]).toBe(html);
    expect(out[0].report.status).toBe('duplicate');
    expect(out[0].report.status_message).toBe(
      `与 ${HTML}（report_id ${html.report.report_id}）是同一份报告（同一机关、同一年度，表格数字一致），未重复计入统计。`,
    );
    // Nothing is lost: the duplicate's cells and flags are kept as read.
    expect(out[0].cells).toBe(txt.cells);
    expect(out[0].flags).toBe(txt.flags);
  });

  it('counts a scan of the report (its cells read by OCR) or a copy typed in by hand as the same report', () => {
    for (const status of ['ocr', 'manual', 'corrected'] as const) {
      const other: ReportRecord = { ...txt, cells: txt.cells.map((c) => (c.status === 'reported' ? { ...c, status } : c)) };
      expect(readValues(other.cells).size).toBe(readValues(txt.cells).size);
      expect(markDuplicateReports([other, html]).map((r) => r.report.status)).toEqual(['duplicate', 'ok']);
    }
  });

  it('keeps the report with more read cells even when it comes later', () => {
    const fewer = { ...html, cells: html.cells.filter((c) => c.table !== 't4') };
    const dups = findDuplicates([fewer, txt].map((r) => ({ report: r.report, values: readValues(r.cells) })));
    expect([...dups.keys()]).toEqual([html.report.report_id]);
    expect(dups.get(html.report.report_id)?.report_id).toBe(txt.report.report_id);
  });

  it('does not merge two reports of one agency and year whose numbers differ in one cell', () => {
    const changed = {
      ...txt,
      cells: txt.cells.map((c) => (c.table === 't3' && c.row === 'new_received' && c.column === 'total' ? { ...c, value: 9 } : c)),
    };
    expect(sameNumbers(readValues(html.cells), readValues(changed.cells))).toBe(false);
    const out = markDuplicateReports([html, changed]);
    expect(out.map((r) => r.report.status)).toEqual(['ok', 'ok']);
  });

  it('needs the same agency_key, the same year, a readable status and enough shared cells', () => {
    const values = (r: ReportRecord) => readValues(r.cells);
    const other = (patch: Partial<ReportRecord['report']>) => ({ report: { ...txt.report, ...patch }, values: values(txt) });
    const base = { report: html.report, values: values(html) };
    expect(findDuplicates([base, other({ year: 2023 })]).size).toBe(0);
    expect(findDuplicates([base, other({ agency_key: '?:平潭综合实验区财政局' })]).size).toBe(0);
    expect(findDuplicates([base, other({ agency_key: null })]).size).toBe(0);
    expect(findDuplicates([base, other({ status: 'blank_form' })]).size).toBe(0);
    // Only MIN_SHARED_CELLS − 1 cells in common: agreement on so few is not enough.
    const few = new Map([...values(txt)].slice(0, MIN_SHARED_CELLS - 1));
    expect(findDuplicates([base, { report: txt.report, values: few }]).size).toBe(0);
    const enough = new Map([...values(txt)].slice(0, MIN_SHARED_CELLS));
    expect(findDuplicates([base, { report: txt.report, values: enough }]).get(txt.report.report_id)?.report_id).toBe(html.report.report_id);
  });

  it('names the first readable copy of identical files; a copy that did not read keeps its status and does not count as the first', () => {
    // The .html read three times (the same bytes, so the same content-hash id); the first reading timed out.
    const id = html.report.report_id;
    const copy = (source_file: string, status = html.report.status) => ({ ...html.report, source_file, status });
    const verdicts = identicalCopies([copy('a.html', 'timeout'), copy('b.html'), txt.report, copy('c.html')]);
    expect(verdicts).toEqual([
      { id, copyOf: null },
      { id: `${id}-2`, copyOf: null },
      { id: txt.report.report_id, copyOf: null },
      { id: `${id}-3`, copyOf: { source_file: 'b.html', report_id: `${id}-2` } },
    ]);
  });

  it('marks a readable copy duplicate under its own id, its cells and flags kept under that id', () => {
    const second = { ...html, report: { ...html.report, source_file: 'copy.html' } };
    const [first, copy] = markIdenticalCopies([html, second]);
    expect(first).toBe(html);
    expect(copy.report).toMatchObject({ report_id: `${html.report.report_id}-2`, status: 'duplicate', source_file: 'copy.html' });
    expect(copy.report.status_message).toBe(`与 ${HTML}（report_id ${html.report.report_id}）内容完全相同（同一文件的副本），未重复计入统计。`);
    expect(copy.cells.map((c) => ({ ...c, report_id: html.report.report_id }))).toEqual(html.cells);
    expect(new Set(copy.cells.map((c) => c.report_id))).toEqual(new Set([`${html.report.report_id}-2`]));
    expect(copy.flags.map((f) => f.report_id).every((r) => r === `${html.report.report_id}-2`)).toBe(true);
    // A duplicate is not matched again by its numbers: only the first stays a candidate.
    expect(markDuplicateReports([first, copy]).map((r) => r.report.status)).toEqual(['ok', 'duplicate']);
  });
});
