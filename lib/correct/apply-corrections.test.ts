/**
 * Corrections on a real misprint: 淮安市洪泽区人民政府 2023 (data/corpus/hongze-district-government-2023.pdf)
 * prints 表四 行政复议 总计 as 0 while 维持 10 + 纠正 1 + 其他 0 + 尚未审结 0 = 11 (a T4_TOTAL error).
 * The live identities show the difference −11; the correction to the forced value 11 gives 0, the
 * cell becomes `corrected` with its printed text kept, and the re-run checks drop that flag. A
 * correction whose value_before is not the current value is stale and not applied.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../pipeline/ingest-reports';
import { applyCorrections, recheckRecord } from './apply-corrections';
import { confirmsReading, makeCorrection, type Correction } from './correction';
import { liveIdentities, withEdits } from './live-identities';
import { markOcrCells, withOcrVerdict } from '../read/ocr-cells';

const file = path.resolve(__dirname, '../../data/corpus/hongze-district-government-2023.pdf');
const hongze = await ingestFile(file, 'corpus/hongze-district-government-2023.pdf');
const id = hongze.report.report_id;
const reviewTotal = (cells: typeof hongze.cells) => liveIdentities(cells).find((x) => x.rule === 'T4_TOTAL' && x.scope === 'review')!;

function correction(before: number | null, after: number): Correction {
  const r = makeCorrection({ report_id: id, cell: 't4.review.total', value_before: before, value_after: String(after), note: '总计印为0，按各栏之和应为11' }, new Date('2026-11-30T12:00:00Z'));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('live identities on 洪泽区 2023', () => {
  it('shows 表四 行政复议 总计 0 against parts 11: difference −11', () => {
    expect(reviewTotal(hongze.cells)).toMatchObject({ evaluable: true, totalSum: 0, partsSum: 11, difference: -11 });
    expect(reviewTotal(hongze.cells).cells[0]).toBe('t4.review.total');
  });
  it('gives 0 once the total is typed as the forced value 11, and every 表三 identity of the report holds', () => {
    const edited = withEdits(hongze.cells, id, new Map([['t4.review.total', 11]]));
    expect(reviewTotal(edited)).toMatchObject({ totalSum: 11, partsSum: 11, difference: 0 });
    const t3 = liveIdentities(edited).filter((x) => x.rule.startsWith('T3_') && x.evaluable);
    expect(t3.length).toBeGreaterThan(20);
    expect(t3.every((x) => x.difference === 0)).toBe(true);
  });
  it('names every identity of the form: 23 row totals (its 表三 prints the single （六）其他处理 row), 7 balances, 7 outcome sums, 3 表四 rows', () => {
    const counts = new Map<string, number>();
    for (const x of liveIdentities(hongze.cells)) counts.set(x.rule, (counts.get(x.rule) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ T3_ROW_TOTAL: 23, T3_BALANCE: 7, T3_OUTCOME_SUM: 7, T4_TOTAL: 3 });
  });
});

describe('applyCorrections + recheckRecord on 洪泽区 2023', () => {
  it('the record as read has the T4_TOTAL flag of 行政复议', () => {
    expect(hongze.flags.some((f) => f.rule === 'T4_TOTAL' && f.subject[0] === 't4.review.total')).toBe(true);
  });
  it('applies the correction: status corrected, value 11, raw "0" kept, and the flag is gone after the checks', () => {
    const applied = applyCorrections(hongze, [correction(0, 11)]);
    expect(applied.applied).toHaveLength(1);
    expect(applied.stale).toEqual([]);
    const cell = applied.record.cells.find((c) => c.table === 't4' && c.row === 'review' && c.column === 'total')!;
    expect(cell).toMatchObject({ value: 11, status: 'corrected', raw: '0' });
    const checked = recheckRecord(applied.record);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.flags.some((f) => f.rule === 'T4_TOTAL' && f.subject[0] === 't4.review.total')).toBe(false);
    // the other misprint (复议后起诉 总计 0 vs 5) is still flagged
    expect(checked.value.flags.some((f) => f.rule === 'T4_TOTAL' && f.subject[0] === 't4.litigation_after_review.total')).toBe(true);
    // reading flags and the other checks' flags are kept, not doubled
    const count = (fs: typeof hongze.flags, rule: string) => fs.filter((f) => f.rule === rule).length;
    for (const rule of new Set(hongze.flags.map((f) => f.rule))) {
      if (rule !== 'T4_TOTAL') expect(count(checked.value.flags, rule)).toBe(count(hongze.flags, rule));
    }
    // the original record is unchanged
    expect(hongze.cells.find((c) => c.table === 't4' && c.row === 'review' && c.column === 'total')).toMatchObject({ value: 0, status: 'reported' });
  });
  it('reports a stale correction (value_before 3, the data holds 0) and applies nothing', () => {
    const r = applyCorrections(hongze, [correction(3, 11)]);
    expect(r.applied).toEqual([]);
    expect(r.stale).toHaveLength(1);
    expect(r.stale[0].current).toBe(0);
    expect(r.stale[0].message).toContain('t4.review.total');
    expect(r.record).toBe(hongze);
  });
  it('is idempotent: applying to an already corrected record counts the correction as unchanged', () => {
    const once = applyCorrections(hongze, [correction(0, 11)]).record;
    const twice = applyCorrections(once, [correction(0, 11)]);
    expect(twice.unchanged).toHaveLength(1);
    expect(twice.stale).toEqual([]);
  });
  it('ignores corrections of other reports', () => {
    const other = { ...correction(0, 11), report_id: '0000000000000000' };
    expect(applyCorrections(hongze, [other])).toMatchObject({ applied: [], stale: [], unchanged: [] });
  });
});

describe('the OCR verdict after a correction (a scan of 洪泽区 2023 with one misread digit)', () => {
  // As if OCR read the report and misread 表三 本年新收·自然人 21 as 27 (a 1 read as 7).
  const misread = markOcrCells(
    { ...hongze, flags: [], cells: hongze.cells.map((c) => (c.table === 't3' && c.row === 'new_received' && c.column === 'natural_person' ? { ...c, value: 27, raw: '27' } : c)) },
    [],
  );
  const scanned = withOcrVerdict(misread);
  const t3Verdict = (flags: typeof scanned.flags) => flags.filter((f) => f.rule.startsWith('OCR_') && f.subject.some((s) => s.startsWith('t3'))).map((f) => f.rule);

  it('holds 表三 back while the misread stands, and accepts it once a person corrects the cell to 21', () => {
    expect(t3Verdict(scanned.flags)).toEqual(['OCR_UNCERTAIN']);
    const fix = makeCorrection({ report_id: id, cell: 't3.new_received.natural_person', value_before: 27, value_after: '21', note: '原图为21' }, new Date('2026-11-30T12:00:00Z'));
    if (!fix.ok) throw new Error(fix.error);
    const applied = applyCorrections(scanned, [fix.value]);
    expect(applied.applied).toHaveLength(1);
    const checked = recheckRecord(applied.record);
    if (!checked.ok) throw new Error(checked.error);
    expect(t3Verdict(checked.value.flags)).toEqual(['OCR_READ']);
    expect(checked.value.flags.filter((f) => f.rule.startsWith('OCR_')).length).toBe(scanned.flags.filter((f) => f.rule.startsWith('OCR_')).length);
  });
  it('accepts a confirmation of an OCR reading (the same value, with a note): the cell becomes corrected with its value', () => {
    const cell = scanned.cells.find((c) => c.table === 't4' && c.row === 'review' && c.column === 'upheld')!;
    expect(cell.status).toBe('ocr');
    expect(confirmsReading(cell, cell.value!)).toBe(true);
    expect(confirmsReading(cell, cell.value! + 1)).toBe(false);
    expect(confirmsReading(hongze.cells.find((c) => c.table === 't4' && c.row === 'review' && c.column === 'upheld'), cell.value!)).toBe(false); // printed: no edit
    const ok = makeCorrection({ report_id: id, cell: 't4.review.upheld', value_before: cell.value, value_after: String(cell.value), note: '对照原图，识别无误' }, new Date('2026-11-30T12:00:00Z'));
    if (!ok.ok) throw new Error(ok.error);
    const applied = applyCorrections(scanned, [ok.value]);
    expect(applied.applied).toHaveLength(1);
    expect(applied.record.cells.find((c) => c.table === 't4' && c.row === 'review' && c.column === 'upheld')).toMatchObject({ status: 'corrected', value: cell.value });
    expect(applyCorrections(applied.record, [ok.value]).unchanged).toHaveLength(1);
  });
});
