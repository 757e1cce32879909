/**
 * Run-together cells on the real text capture of 平潭综合实验区公安局 2024
 * (data/corpus/pingtan-public-security-bureau-2024.txt: the body on one line, `0000000`,
 * `10 0 0 0 01`, `000000000000000`), as printed and with single rows changed to make the cases
 * the spacing does not decide. Values as printed: 表三 本年新收 8 0 0 0 0 0 8, 予以公开 3 … 3,
 * 部分公开 1 … 1, 不掌握 4 … 4, 总计 8 … 8; 表二 规章 0 0 0, 行政规范性文件 0 0 5.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkT3Balance } from '../checks/check-t3-balance';
import { checkT3OutcomeSum } from '../checks/check-t3-outcome-sum';
import { checkT3RowTotal } from '../checks/check-t3-row-total';
import type { ReportRecord } from '../model/report-schema';
import { readReportText } from '../read/assemble-record';
import type { ValueToken } from '../parse/tokenize-table-text';
import { readingsOf } from './solve-run-together';

const capture = readFileSync(path.resolve(__dirname, '../../data/corpus/pingtan-public-security-bureau-2024.txt'), 'utf8');
const read = (text: string): ReportRecord => readReportText(text, 'pingtan.txt', 'pt');
const row = (r: ReportRecord, table: string, key: string) =>
  r.cells.filter((c) => c.table === table && c.row === key).map((c) => (c.status === 'reported' ? c.value : c.status)).join(' ');
const num = (raw: string): ValueToken => ({ kind: 'num', value: Number(raw), raw, note: null, line: 0, col: 0 });

describe('readingsOf', () => {
  it('reads 10 0 0 0 01 as seven cells one way only: 01 is two cells, so 10 is too', () => {
    const { readings } = readingsOf(['10', '0', '0', '0', '01'].map(num), 7);
    expect(readings.map((r) => r.map((t) => (t.kind === 'num' ? t.value : null)))).toEqual([[1, 0, 0, 0, 0, 0, 1]]);
  });
  it('lists every reading of a run the spacing leaves open (1235 in three cells)', () => {
    const { readings } = readingsOf([num('1235')], 3);
    expect(readings.map((r) => r.map((t) => (t.kind === 'num' ? t.value : null)))).toEqual([
      [1, 2, 35],
      [1, 23, 5],
      [12, 3, 5],
    ]);
  });
});

describe('run-together tables of the 平潭 capture', () => {
  it('splits every run as printed: the spacing decides each (no CELL_AMBIGUOUS, no CELL_MISSING)', () => {
    const r = read(capture);
    expect(row(r, 't3', 'partially_granted')).toBe('1 0 0 0 0 0 1');
    expect(row(r, 't3', 'total_processed')).toBe('8 0 0 0 0 0 8');
    expect(row(r, 't2', 'normative_documents')).toBe('0 0 5');
    expect(row(r, 't4', 'litigation_after_review')).toBe('0 0 0 0 0');
    expect(r.flags.map((f) => f.rule)).toEqual(['AGENCY_UNRESOLVED']);
  });

  it('leaves a run with several readings missing and lists them (表二 规章 printed 1235)', () => {
    const r = read(capture.replace('规章000', '规章1235'));
    expect(row(r, 't2', 'regulations')).toBe('missing missing missing');
    const flag = r.flags.find((f) => f.rule === 'CELL_AMBIGUOUS')!;
    expect(flag.subject).toEqual(['t2.regulations.issued', 't2.regulations.repealed', 't2.regulations.in_force']);
    expect(flag.message).toContain('「1 2 35」或「1 23 5」或「12 3 5」');
  });

  it('takes the one reading the identities allow (予以公开 printed 110000011: 1 10 0 0 0 0 11, not 11 0 0 0 0 0 11)', () => {
    // Both readings make the row's total hold; only 1 10 … 11 makes 本年新收 and 总计 (6 10 0 0 0 0 16) balance.
    const text = capture
      .replace('一、本年新收政府信息公开申请数量 8 0 0 0 0 0 8', '一、本年新收政府信息公开申请数量 6 10 0 0 0 0 16')
      .replace('（一）予以公开 3000003', '（一）予以公开 110000011')
      .replace('（七）总计 8000008', '（七）总计 6 10 0 0 0 0 16');
    const r = read(text);
    expect(row(r, 't3', 'granted')).toBe('1 10 0 0 0 0 11');
    expect(r.flags.filter((f) => f.rule === 'CELL_AMBIGUOUS')).toEqual([]);
  });

  it('does not guess when no reading makes the identities hold (予以公开 110000011 under the printed 总计 8)', () => {
    const r = read(capture.replace('（一）予以公开 3000003', '（一）予以公开 110000011'));
    expect(row(r, 't3', 'granted')).toBe('missing missing missing missing missing missing missing');
    const flag = r.flags.find((f) => f.rule === 'CELL_AMBIGUOUS')!;
    expect(flag.subject).toHaveLength(7);
    expect(flag.message).toContain('「1 10 0 0 0 0 11」或「11 0 0 0 0 0 11」');
  });

  it('keeps the agency’s arithmetic error as printed when the spacing decides (予以公开 3000004: T3_ROW_TOTAL fires)', () => {
    const r = read(capture.replace('（一）予以公开 3000003', '（一）予以公开 3000004'));
    expect(row(r, 't3', 'granted')).toBe('3 0 0 0 0 0 4');
    expect(r.flags.filter((f) => f.rule === 'CELL_AMBIGUOUS')).toEqual([]);
    expect(checkT3RowTotal('pt', r.cells).map((f) => f.subject[0])).toContain('t3.granted.total');
  });
});

describe('cells printed empty leave nothing in running text (issue 11 family probe)', () => {
  it('does not split a table-二 run that could also be read with an empty cell (seed 004 prints 行政规范性文件 0 _ 16 → 016)', () => {
    // Before: read as 0 1 6, two numbers the report never printed.
    const r = read(capture.replace('行政规范性文件005', '行政规范性文件016'));
    expect(row(r, 't2', 'normative_documents')).toBe('missing missing missing');
    const flag = r.flags.find((f) => f.rule === 'CELL_AMBIGUOUS')!;
    expect(flag.message).toContain('「0 1 6」或「空 0 16」或「0 空 16」或「0 16 空」');
  });

  it('still reads a table-二 run that no empty cell could explain (005: 05 and 00 are no numbers)', () => {
    expect(row(read(capture), 't2', 'normative_documents')).toBe('0 0 5');
  });

  it('does not read a run too short for its row as one number (上海市科委 2024 结转下年度 1 0 0 0 0 0 _ → 100000)', () => {
    // Before: 本年新收 … 100000 in 自然人, the other six cells missing.
    const r = read(capture.replace('四、结转下年度继续办理 0000000', '四、结转下年度继续办理 100000'));
    expect(row(r, 't3', 'carried_forward')).toBe('missing missing missing missing missing missing missing');
    const flag = r.flags.find((f) => f.rule === 'CELL_AMBIGUOUS' && f.subject[0] === 't3.carried_forward.natural_person')!;
    expect(flag.message).toContain('可能读作「空 1 0 0 0 0 0」或「1 空 0 0 0 0 0」');
  });
});

describe('run-together rows of a table whose own arithmetic is wrong (issue 11, layout benchmark)', () => {
  // The capture with 本年新收 and 予以公开 12 3 0 0 0 0 15 printed run together (`123000015`: the
  // spacing leaves several readings, the row's own total one), the other outcome rows 0, and
  // （七）总计 printed spaced. All three tests change one thing of this table.
  const table = (newReceived: string, granted: string, total: string) =>
    capture
      .replace('一、本年新收政府信息公开申请数量 8 0 0 0 0 0 8', `一、本年新收政府信息公开申请数量 ${newReceived}`)
      .replace('（一）予以公开 3000003', `（一）予以公开 ${granted}`)
      .replace('10 0 0 0 01（三）', '0000000（三）')
      .replace('1.本机关不掌握相关政府信息 4000004', '1.本机关不掌握相关政府信息 0000000')
      .replace('（七）总计 8000008', `（七）总计 ${total}`);

  it('reads every run when the identities hold (the table as the agency meant it)', () => {
    const r = read(table('123000015', '123000015', '12 3 0 0 0 0 15'));
    expect(row(r, 't3', 'new_received')).toBe('12 3 0 0 0 0 15');
    expect(row(r, 't3', 'granted')).toBe('12 3 0 0 0 0 15');
    expect(r.flags.filter((f) => f.rule === 'CELL_AMBIGUOUS')).toEqual([]);
  });

  it('still reads the runs the row totals decide when （七）总计 is misprinted (12 4 … 16), and leaves the fault to the checks', () => {
    // Before: no combination satisfied every identity, so both rows were missing under CELL_AMBIGUOUS.
    const r = read(table('123000015', '123000015', '12 4 0 0 0 0 16'));
    expect(row(r, 't3', 'new_received')).toBe('12 3 0 0 0 0 15');
    expect(row(r, 't3', 'granted')).toBe('12 3 0 0 0 0 15');
    expect(row(r, 't3', 'total_processed')).toBe('12 4 0 0 0 0 16');
    expect(r.flags.filter((f) => f.rule === 'CELL_AMBIGUOUS')).toEqual([]);
    expect(checkT3OutcomeSum('pt', r.cells).map((f) => f.subject[0])).toEqual(['t3.total_processed.commercial', 't3.total_processed.total']);
    expect(checkT3Balance('pt', r.cells).length).toBe(2);
  });

  it('does not take the one split a mistyped row total leaves (予以公开 0 12 0 0 0 0 21 printed 012000021: 0 1 20 0 0 0 21 would be wrong)', () => {
    // 012000021's only reading whose cells sum to its total is 0 1 20 0 0 0 21; the agency meant 0 12 … 12.
    // That split breaks three columns, which no single misprint elsewhere explains: nothing is
    // taken from the search despite a fault (本年新收 stays missing too — the price of not guessing).
    const r = read(table('012000012', '012000021', '0 12 0 0 0 0 12'));
    expect(row(r, 't3', 'granted')).toBe('missing missing missing missing missing missing missing');
    expect(r.cells.filter((c) => c.table === 't3' && c.status === 'reported' && c.row === 'granted')).toEqual([]);
  });

  it('does not read a row that could be where the fault is (本年新收 in a broken column balance), and says why', () => {
    // 本年新收 124000016 has one reading with its own total (12 4 0 0 0 0 16), but it breaks the
    // balance of the 商业企业 column exactly as a mistyped 本年新收 would: the row may hide the fault.
    const r = read(table('124000016', '123000015', '12 3 0 0 0 0 15'));
    expect(row(r, 't3', 'new_received')).toBe('missing missing missing missing missing missing missing');
    expect(row(r, 't3', 'granted')).toBe('12 3 0 0 0 0 15');
    const flag = r.flags.find((f) => f.rule === 'CELL_AMBIGUOUS' && f.subject[0] === 't3.new_received.natural_person')!;
    expect(flag.message).toContain('「12 4 0 0 0 0 16」');
    expect(flag.message).toContain('无法分辨是原表有误还是拆分有误');
  });
});
