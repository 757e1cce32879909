/**
 * The corrections CSV: a round trip keeps every field (BOM, CRLF, an empty value_before, a note
 * with a comma, quote and a leading =), and the import is all-or-nothing — one bad row refuses the
 * whole file with a sentence naming the row.
 */
import { describe, expect, it } from 'vitest';
import { makeCorrection, parseTypedNumber, type Correction } from './correction';
import { CORRECTION_COLUMNS, correctionsFileName, correctionsToCsv, decodeCorrectionsFile, parseCorrectionsCsv } from './corrections-csv';
import { makeTranslate } from '../present/i18n/translate';
import { EN } from '../present/i18n/en';

const NOW = new Date('2026-11-30T12:00:00Z');
const ok = (r: ReturnType<typeof makeCorrection>): Correction => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const a = ok(makeCorrection({ report_id: '94a211353fb046b7', cell: 't4.review.total', value_before: 0, value_after: '11', note: '总计印为0，"按"各栏之和应为11' }, NOW));
const b = ok(makeCorrection({ report_id: '94a211353fb046b7', cell: 't3.new_received.natural_person', value_before: null, value_after: '１,２３４', note: '=原表缺失，据正文补' }, NOW));

describe('makeCorrection', () => {
  it('reads typed numbers, full-width and with separators', () => {
    expect(b.value_after).toBe(1234);
    expect(parseTypedNumber('12.5')).toBe(12.5);
    expect(parseTypedNumber('')).toBeNull();
    expect(parseTypedNumber('十二')).toBeNull();
  });
  it('refuses an empty note, a fraction in a count, an unknown cell and a negative value, each in one sentence', () => {
    const base = { report_id: '94a211353fb046b7', cell: 't4.review.total', value_before: 0, value_after: '11', note: '理由' };
    for (const bad of [{ note: '  ' }, { value_after: '3.5' }, { cell: 't4.review.nonsense' }, { value_after: -1 }, { value_after: 'abc' }]) {
      const r = makeCorrection({ ...base, ...bad }, NOW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/。$/);
    }
    expect(makeCorrection({ ...base, cell: 't2.fees.amount', value_after: '3.5' }, NOW).ok).toBe(true);
  });
});

describe('corrections CSV', () => {
  it('round-trips every field', () => {
    const csv = correctionsToCsv([a, b]);
    expect(csv.startsWith('\uFEFF' + CORRECTION_COLUMNS.join(','))).toBe(true);
    expect(csv).toContain('\r\n');
    const back = parseCorrectionsCsv(csv, NOW);
    expect(back).toEqual({ ok: true, value: [b, a] });
  });
  it('decodes GB18030 as Excel saves it', () => {
    const text = 'report_id,cell,value_before,value_after,note,corrected_at\n94a211353fb046b7,t4.review.total,0,11,理由,2026-11-30T12:00:00.000Z\n';
    const gb = new Uint8Array([...new TextEncoder().encode(text.slice(0, text.indexOf('理由')))].concat([0xc0, 0xed, 0xd3, 0xc9], [...new TextEncoder().encode(text.slice(text.indexOf('理由') + 2))]));
    const decoded = decodeCorrectionsFile(gb);
    expect(decoded.ok && parseCorrectionsCsv(decoded.value, NOW).ok).toBe(true);
  });
  it('refuses the whole file for one bad row, naming the row', () => {
    const lines = correctionsToCsv([a, b]).split('\r\n');
    const bad = [...lines.slice(0, 2), lines[2].replace('11', 'eleven'), ...lines.slice(3)].join('\r\n');
    const r = parseCorrectionsCsv(bad, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/第 3 行.*没有导入任何校对记录/);
    const english = parseCorrectionsCsv(bad, NOW, makeTranslate('en', EN));
    expect(english).toEqual({
      ok: false,
      error:
        'Import failed: line 3, report_id: report_id should be a report id of 16 hexadecimal digits. Correct that line and import again. No corrections were imported.',
    });
  });
  it('refuses in English for the English page (issue 10): an empty file, missing columns, a duplicate cell, bytes that are no text', () => {
    const en = makeTranslate('en', EN);
    const header = CORRECTION_COLUMNS.join(',');
    const row = `94a211353fb046b7,t4.review.total,0,11,x,2026-11-30T12:00:00.000Z`;
    const err = (text: string) => {
      const r = parseCorrectionsCsv(text, NOW, en);
      return r.ok ? '' : r.error;
    };
    expect(err('')).toBe(`Import failed: the file is empty. The file should be a CSV made by “Export corrections” (UTF-8, first line the column names ${header}). No corrections were imported.`);
    expect(err('report_id,cell\n1,2')).toMatch(/^Import failed: the file lacks the columns value_before, value_after, note, corrected_at \(its first line is “report_id,cell”\)\./);
    expect(err(`${header}\n${row}\n${row}`)).toMatch(/^Import failed: lines 3 and 2 are the same cell of the same report \(t4.review.total\)/);
    const notText = decodeCorrectionsFile(new Uint8Array([0xff, 0xfe, 0xfd, 0x80]), en);
    expect(notText.ok ? '' : notText.error).toMatch(/^Import failed: the file is text in neither UTF-8 nor GB18030\./);
    for (const e of [err(''), err('report_id,cell\n1,2'), err(`${header}\n${row}\n${row}`)]) expect(e).not.toMatch(/[\u3400-\u9fff]/);
  });
  it('refuses an empty note, a duplicate cell, a time beyond tomorrow, missing columns and an empty file', () => {
    const header = CORRECTION_COLUMNS.join(',');
    const row = (note: string, at = '2026-11-30T12:00:00.000Z', cell = 't4.review.total') => `94a211353fb046b7,${cell},0,11,${note},${at}`;
    const cases: Array<[string, RegExp]> = [
      [`${header}\n${row('')}`, /第 2 行 note/],
      [`${header}\n${row('x')}\n${row('y')}`, /第 3 行与第 2 行/],
      [`${header}\n${row('x', '2030-01-01T00:00:00.000Z')}`, /第 2 行 corrected_at/],
      ['report_id,cell\n1,2', /缺少列 value_before/],
      ['', /文件是空的/],
      [`${header}\n${row('x', '2026-11-30T12:00:00.000Z', 't9.x.y')}`, /第 2 行 cell/],
    ];
    for (const [text, msg] of cases) {
      const r = parseCorrectionsCsv(text, NOW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(msg);
    }
  });
});

describe('correctionsFileName', () => {
  it('names the export by its local date, in the UI language', () => {
    const now = new Date(2026, 10, 30, 9, 5);
    expect(correctionsFileName(now)).toBe('校对记录_2026-11-30.csv');
    expect(correctionsFileName(now, makeTranslate('en', EN))).toBe('corrections_2026-11-30.csv');
  });
});
