/**
 * uploadResultText (issue 10): an upload row's 说明 — Chinese unchanged, English from the result's
 * fields. Real results: the refusals lib/upload/upload-outcomes.ts writes, and a seed of data/seeds read by
 * the real reader and checked.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../../tests/seed-records';
import { runChecks } from '../../checks/run-checks';
import { describeAddedRecord, restoreUploadedRecords, type UploadDb, type UploadFileResult } from '../../upload/add-uploads';
import { ocrTimeoutOutcome, readerStoppedOutcome, refuseBeforeReading, timeoutOutcome } from '../../upload/upload-outcomes';
import { restoreFailureText, uploadResultText } from './upload-text';
import { EN_REVIEW } from './en/review';
import { makeTranslate, zhT } from './translate';

const HAN = /[\u3400-\u9fff]/;

/** A refused outcome as add-uploads lists it. */
function rejected(o: ReturnType<typeof timeoutOutcome>): UploadFileResult {
  if (o.ok) throw new Error('expected a refusal');
  return { file: o.file, outcome: 'rejected', reportId: null, reason: o.reason, message: o.message };
}

describe('uploadResultText', () => {
  it('Chinese: the message unchanged', () => {
    const r = rejected(refuseBeforeReading('年报.doc', 100)!);
    expect(uploadResultText(r, 'zh')).toBe(r.message);
  });
  it('English: each refusal says what to do, without Chinese and without the file name', () => {
    const cases = [
      refuseBeforeReading('年报.doc', 100)!,
      refuseBeforeReading('年报.pdf', 30 * 1048576)!,
      timeoutOutcome('年报.html', 30_000),
      ocrTimeoutOutcome('扫描.pdf', 110_000, 2),
      readerStoppedOutcome('年报.docx', true),
    ].map(rejected);
    for (const r of cases) {
      const s = uploadResultText(r, 'en');
      expect(s, r.message).not.toMatch(HAN);
      expect(s).toMatch(/not added|not read|stopped/);
    }
    expect(uploadResultText(cases[0], 'en')).toContain('Upload .txt .text .md');
    expect(uploadResultText(cases[1], 'en')).toContain('(30.0 MB; the limit is 20 MB)');
    expect(uploadResultText(cases[2], 'en')).toContain('within 30 s');
    expect(uploadResultText(cases[3], 'en')).toContain('OCR');
  });
  it('English: a report status (not an annual report) through statusText', () => {
    const s = uploadResultText({ outcome: 'rejected', reportId: 'abc', reason: 'not_a_report', message: 'x.txt：不是年度报告' }, 'en');
    expect(s).toMatch(/does not look like a government information-disclosure annual report/);
  });
  it('English: an added seed report — year, tables and flags', async () => {
    const record = runChecks(await seedRecord(SEEDS.linziOffice2023));
    const r: UploadFileResult = { file: SEEDS.linziOffice2023, outcome: 'added', reportId: record.report.report_id, message: describeAddedRecord(record), record };
    expect(uploadResultText(r, 'zh')).toBe(describeAddedRecord(record));
    const s = uploadResultText(r, 'en');
    expect(s).toMatch(/^Year 2023; read Table 2, Table 3, Table 4; /);
    expect(s).not.toMatch(HAN);
  });
});

describe('restoreFailureText (the notice when kept uploads cannot be put back)', () => {
  it('Chinese: the error unchanged; English: the same detail in an English sentence', async () => {
    const record = await seedRecord(SEEDS.linziOffice2023);
    const closed: UploadDb = {
      exec: async () => {
        throw new Error('Connection was closed');
      },
      registerCsv: async () => '',
      ensureCells: async () => {},
      reportText: async () => null,
    };
    const r = await restoreUploadedRecords(closed, [record]);
    if (r.ok) throw new Error('expected the restore to fail');
    const text = restoreFailureText(r.error);
    expect(text.vars?.detail).toContain('Connection was closed');
    expect(zhT(text.key, text.vars)).toBe(r.error);
    const en = makeTranslate('en', EN_REVIEW)(text.key, text.vars);
    expect(en).toMatch(/^The reports uploaded earlier in this tab could not be restored to the database \(.*Connection was closed.*\)\. Upload these files again\.$/);
    expect(en).not.toMatch(HAN);
  });
  it('an error of another shape is shown as written', () => {
    expect(restoreFailureText('别的错误')).toEqual({ key: '别的错误' });
  });
});
