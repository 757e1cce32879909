/**
 * The identity and deadline checks, on real reports from data/seeds. Each rule: a case where it
 * holds (no flag), a case where it fails (the report's own number changed as a misprint would
 * change it, with the flag's cells, expected, actual and difference asserted) and a case where it
 * cannot be evaluated (a missing cell: no flag).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell, Report } from '../model/report-schema';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkDeadline, deadlineFor } from './check-deadline';
import { checkT3Balance } from './check-t3-balance';
import { checkT3OutcomeSum } from './check-t3-outcome-sum';
import { checkT3RowTotal } from './check-t3-row-total';
import { checkT4Total } from './check-t4-total';

const corpus = path.resolve(__dirname, '../../../shared/corpus');
const linzi = await seedRecord(SEEDS.linziOffice2023); // 临淄区人民政府办公室 2023: 27 new, 6 carried, 31 processed, 2 forward
const id = linzi.report.report_id;

function withCell(cells: Cell[], table: string, row: string, column: string, patch: Partial<Cell>): Cell[] {
  let hit = false;
  const out = cells.map((c) => {
    if (c.table === table && c.row === row && c.column === column) {
      hit = true;
      return { ...c, ...patch };
    }
    return c;
  });
  if (!hit) throw new Error(`no cell ${table}.${row}.${column}`);
  return out;
}

describe('T3_BALANCE (第一项+第二项 = 第三项+第四项)', () => {
  it('holds on 临淄区政府办 2023 (26+6 = 30+2 for 自然人; 27+6 = 31+2 in 总计)', () => {
    expect(checkT3Balance(id, linzi.cells)).toEqual([]);
  });
  it('fails when 结转下年度 总计 is misprinted as 20 instead of 2', () => {
    const flags = checkT3Balance(id, withCell(linzi.cells, 't3', 'carried_forward', 'total', { value: 20, raw: '20' }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'T3_BALANCE', severity: 'error', expected: 33, actual: 51, difference: 18 });
    expect(flags[0].subject).toEqual(['t3.total_processed.total', 't3.carried_forward.total', 't3.new_received.total', 't3.carried_over.total']);
    expect(flags[0].message).toContain('第一项+第二项 − (第三项+第四项) = -18');
  });
  it('is not evaluated where a cell is missing', () => {
    const cells = withCell(linzi.cells, 't3', 'carried_over', 'total', { value: null, status: 'missing', raw: null });
    expect(checkT3Balance(id, withCell(cells, 't3', 'carried_forward', 'total', { value: 20 }))).toEqual([]);
  });
});

describe('T3_OUTCOME_SUM (（七）总计 = 办理结果各项之和)', () => {
  it('holds on 临淄区政府办 2023 (7+1+20+1+1 = 30 for 自然人)', () => {
    expect(checkT3OutcomeSum(id, linzi.cells)).toEqual([]);
  });
  it('fails when 予以公开 自然人 is misprinted as 17', () => {
    const flags = checkT3OutcomeSum(id, withCell(linzi.cells, 't3', 'granted', 'natural_person', { value: 17 }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'T3_OUTCOME_SUM', expected: 40, actual: 30, difference: -10 });
    expect(flags[0].subject).toContain('t3.granted.natural_person');
  });
  it('is not evaluated where an outcome cell is missing', () => {
    expect(checkT3OutcomeSum(id, withCell(linzi.cells, 't3', 'granted', 'natural_person', { value: null, status: 'missing' }))).toEqual([]);
  });
});

describe('T3_ROW_TOTAL (总计 = 六类申请人之和)', () => {
  it('holds on every row of 临淄区政府办 2023 and on 运城 2022 with its inferred cells', async () => {
    expect(checkT3RowTotal(id, linzi.cells)).toEqual([]);
    const yc = await seedRecord(SEEDS.yuncheng2022);
    expect(checkT3RowTotal(yc.report.report_id, yc.cells)).toEqual([]);
  });
  it('fails when 本年新收 商业企业 is misprinted as 4', () => {
    const flags = checkT3RowTotal(id, withCell(linzi.cells, 't3', 'new_received', 'commercial', { value: 4 }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'T3_ROW_TOTAL', expected: 30, actual: 27, difference: -3 });
  });
  it('treats a placeholder as none, and a missing total as not evaluable', () => {
    const dash = withCell(linzi.cells, 't3', 'granted', 'commercial', { value: null, status: 'placeholder', raw: '-' });
    expect(checkT3RowTotal(id, dash)).toEqual([]);
    expect(checkT3RowTotal(id, withCell(linzi.cells, 't3', 'granted', 'total', { value: null, status: 'missing' }))).toEqual([]);
  });
});

describe('T4_TOTAL (总计 = 维持+纠正+其他+尚未审结)', () => {
  it('holds on 临淄区政府办 2023 (未经复议直接起诉 2+0+1+0 = 3)', () => {
    expect(checkT4Total(id, linzi.cells)).toEqual([]);
  });
  it('fails when 行政复议 总计 is misprinted as 3', () => {
    const flags = checkT4Total(id, withCell(linzi.cells, 't4', 'review', 'total', { value: 3 }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'T4_TOTAL', expected: 2, actual: 3, difference: 1 });
    expect(flags[0].subject[0]).toBe('t4.review.total');
  });
  it('is not evaluated for a report whose table 四 was not printed (文登 2022)', async () => {
    const wd = await seedRecord(SEEDS.wendeng2022);
    expect(checkT4Total(wd.report.report_id, wd.cells)).toEqual([]);
  });
});

const wendeng = (await seedRecord(SEEDS.wendeng2022)).report; // printed 2023年1月16日

describe('DEADLINE (条例第四十九条)', () => {
  it('holds for 文登区科学技术局 2022, published 2023-01-16', () => {
    expect(wendeng.published_on).toBe('2023-01-16');
    expect(checkDeadline(wendeng)).toEqual([]);
  });
  it('fails for a department report dated 2023-02-15, 15 days after 31 January', () => {
    const late: Report = { ...wendeng, published_on: '2023-02-15' };
    const [flag] = checkDeadline(late);
    expect(flag).toMatchObject({ rule: 'DEADLINE', expected: '2023-01-31', actual: '2023-02-15', difference: 15 });
  });
  it('gives a people\'s government until 31 March', () => {
    expect(deadlineFor(2022, 'government')).toBe('2023-03-31');
    expect(checkDeadline({ ...wendeng, report_kind: 'government', published_on: '2023-03-20' })).toEqual([]);
  });
  it('is not evaluated without a printed date (临淄区科技局 2022)', async () => {
    const r = (await seedRecord(SEEDS.linziScience2022)).report;
    expect(r.published_on).toBeNull();
    expect(checkDeadline(r)).toEqual([]);
  });
});

describe.skipIf(!existsSync(corpus))('T4_TOTAL on a real report that breaks it: 洪泽区人民政府 2023 (PDF)', () => {
  it('flags 行政复议 (10 维持 + 1 纠正, 总计 printed 0) and 复议后起诉 (5 维持, 总计 0)', async () => {
    const { ingestFile } = await import('../pipeline/ingest-reports');
    const hz = await ingestFile(path.join(corpus, 'hongze-district-government-2023.pdf'), 'hz2023.pdf');
    const flags = checkT4Total(hz.report.report_id, hz.cells);
    expect(flags.map((f) => `${f.subject[0]} expected ${f.expected} actual ${f.actual}`)).toEqual([
      't4.review.total expected 11 actual 0',
      't4.litigation_after_review.total expected 5 actual 0',
    ]);
  });
});
