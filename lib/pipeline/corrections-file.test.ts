/**
 * The ingest's corrections (`--corrections FILE`, build:data's data/corrections.csv) on the two
 * real 洪泽区人民政府 reports of data/corpus (2023: 表四 行政复议 总计 misprinted 0 for 11; 2024):
 * the corrected cell is `corrected` in cells.csv, the single-report checks and the cross-year
 * rules run again on the corrected values, a stale correction is listed, not applied, and a bad or
 * absent file is one sentence (an absent default file is no corrections).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCorrection, type Correction } from '../correct/correction';
import { correctionsToCsv } from '../correct/corrections-csv';
import { applyCorrectionsToRecords, readCorrectionsFile, rewriteRecordsCsv } from './corrections-file';
import { ingestPaths } from './ingest-reports';

const ROOT = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'corrections-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { records } = await ingestPaths([path.join(ROOT, 'data/corpus/hongze-district-government-2023.pdf'), path.join(ROOT, 'data/corpus/hongze-district-government-2024.pdf')], dir);
const [y2023, y2024] = records;

function c(report_id: string, cell: string, before: number | null, after: number): Correction {
  const r = makeCorrection({ report_id, cell, value_before: before, value_after: after, note: '测试：按原表核对' }, new Date('2026-11-30T12:00:00Z'));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const rules = (flags: ReadonlyArray<{ rule: string }>) => flags.map((f) => f.rule).sort();

describe('applyCorrectionsToRecords', () => {
  it('applies the forced value to the misprint: one T4_TOTAL flag fewer on 2023, 2024 unchanged', () => {
    const s = applyCorrectionsToRecords(records, [c(y2023.report.report_id, 't4.review.total', 0, 11)]);
    expect(s.applied).toHaveLength(1);
    expect(s.records[0].cells.find((x) => x.table === 't4' && x.row === 'review' && x.column === 'total')).toMatchObject({ value: 11, status: 'corrected', raw: '0' });
    expect(rules(s.records[0].flags).filter((r) => r === 'T4_TOTAL')).toHaveLength(1);
    expect(rules(y2023.flags).filter((r) => r === 'T4_TOTAL')).toHaveLength(2);
    expect(s.records[1]).toEqual(y2024);
  });
  it('re-runs the cross-year rules: 2023 结转下年度 corrected to 3 breaks 2024 上年结转 0 (CARRYOVER_CONTINUITY) and 2023 T3_BALANCE', () => {
    expect(rules(y2024.flags)).not.toContain('CARRYOVER_CONTINUITY');
    const s = applyCorrectionsToRecords(records, [c(y2023.report.report_id, 't3.carried_forward.total', 0, 3)]);
    expect(rules(s.records[1].flags)).toContain('CARRYOVER_CONTINUITY');
    expect(rules(s.records[0].flags)).toContain('T3_BALANCE');
  });
  it('lists a stale correction and one for a report not read, applying neither', () => {
    const s = applyCorrectionsToRecords(records, [c(y2023.report.report_id, 't4.review.total', 7, 11), c('0123456789abcdef', 't4.review.total', 0, 1)]);
    expect(s.applied).toEqual([]);
    expect(s.stale).toHaveLength(1);
    expect(s.notFound).toHaveLength(1);
    expect(s.records).toEqual(records);
  });
  it('writes cells.csv with status corrected', () => {
    const s = applyCorrectionsToRecords(records, [c(y2023.report.report_id, 't4.review.total', 0, 11)]);
    rewriteRecordsCsv(dir, s.records);
    expect(readFileSync(path.join(dir, 'cells.csv'), 'utf8')).toContain(`${y2023.report.report_id},t4,review,total,11,corrected,0,`);
  });
});

describe('readCorrectionsFile', () => {
  it('reads an export, treats an absent or header-only default file as none, and refuses a bad file in one sentence', () => {
    const file = path.join(dir, 'corr.csv');
    writeFileSync(file, correctionsToCsv([c(y2023.report.report_id, 't4.review.total', 0, 11)]));
    expect(readCorrectionsFile(file)).toMatchObject({ ok: true, value: [{ cell: 't4.review.total', value_after: 11 }] });
    expect(readCorrectionsFile(path.join(dir, 'none.csv'), { optional: true })).toEqual({ ok: true, value: [] });
    writeFileSync(file, 'report_id,cell,value_before,value_after,note,corrected_at\n');
    expect(readCorrectionsFile(file, { optional: true })).toEqual({ ok: true, value: [] });
    const absent = readCorrectionsFile(path.join(dir, 'none.csv'));
    expect(absent.ok).toBe(false);
    writeFileSync(file, 'report_id,cell,value_before,value_after,note,corrected_at\n94a211353fb046b7,t4.review.total,0,11,,2026-11-30T12:00:00.000Z\n');
    const bad = readCorrectionsFile(file);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/第 2 行 note/);
  });
});
