/**
 * Numbers as real reports print them, through the real read path (lib/read readReport): the
 * corpus's 上海市人民政府办公厅 2025 report (data/corpus/shanghai-government-office-2025.md, whose
 * 表三 prints 1259 / 1295 / 1139 / 1191) copied in full-width digits, with thousands separators
 * (`1,259`, `1 259`), and with cells no table can hold (400 digits, Infinity, 1e20, 3.5, -1).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldFullWidthDigits } from '../model/printed-number';
import { ReportRecord, type Cell } from '../model/report-schema';
import { readReport } from '../read/read-report';

const SOURCE = path.resolve(__dirname, '../../data/corpus/shanghai-government-office-2025.md');
const original = readFileSync(SOURCE, 'utf8');
/** The 表三 row 本年新收 as the report prints it. */
const NEW_RECEIVED = '| 一、本年新收政府信息公开申请数量 | 1259 | 36 | 0 | 0 | 0 | 0 | 1295 |';

async function read(text: string, name = 'shanghai-government-office-2025.md'): Promise<ReportRecord> {
  const out = await readReport(new TextEncoder().encode(text), name);
  const record = out.ok ? out.value : out.error.record;
  // The record always passes its schema, whatever the cells print.
  expect(ReportRecord.safeParse(record).success).toBe(true);
  return record;
}

/** Every cell as `table.row.column=status:value`. */
const cellsOf = (r: ReportRecord) => r.cells.map((c) => `${c.table}.${c.row}.${c.column}=${c.status}:${c.value}`);
const row = (r: ReportRecord, table: string, key: string): Cell[] => r.cells.filter((c) => c.table === table && c.row === key);
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('numbers as printed, read through readReport (上海市人民政府办公厅 2025)', () => {
  let base: ReportRecord;
  beforeAll(async () => {
    base = await read(original);
  });

  it('reads the unchanged report with the values the golden test holds', () => {
    expect(row(base, 't3', 'new_received').map((c) => c.value)).toEqual([1259, 36, 0, 0, 0, 0, 1295]);
    expect(base.flags.filter((f) => f.rule === 'VALUE_IMPLAUSIBLE')).toEqual([]);
  });

  it('reads a full-width copy of the whole report (１２５９) exactly as the original: same year, same cells, same flags', async () => {
    expect(original).toContain(NEW_RECEIVED);
    const wide = await read(toFullWidth(original));
    expect(wide.text).not.toMatch(/[０-９]/);
    expect(wide.report.year).toBe(base.report.year);
    expect(wide.report.published_on).toBe(base.report.published_on);
    expect(cellsOf(wide)).toEqual(cellsOf(base));
    expect(wide.flags.map((f) => `${f.rule} ${f.subject.join(',')}`)).toEqual(base.flags.map((f) => `${f.rule} ${f.subject.join(',')}`));
  });

  it('reads 1,259 and １，２５９ as one number (the text as read has ASCII digits: raw 1,259)', async () => {
    for (const [a, b] of [
      ['1,259', '1,295'],
      ['１，２５９', '１，２９５'],
    ]) {
      const r = await read(original.replace(NEW_RECEIVED, `| 一、本年新收政府信息公开申请数量 | ${a} | 36 | 0 | 0 | 0 | 0 | ${b} |`));
      expect(row(r, 't3', 'new_received').map((c) => [c.value, c.raw])).toEqual([[1259, foldFullWidthDigits(a)], [36, '36'], [0, '0'], [0, '0'], [0, '0'], [0, '0'], [1295, foldFullWidthDigits(b)]]);
      expect(cellsOf(r)).toEqual(cellsOf(base));
    }
  });

  it('reads `1 259` in a table cell as one number', async () => {
    const r = await read(original.replace(NEW_RECEIVED, '| 一、本年新收政府信息公开申请数量 | 1 259 | 36 | 0 | 0 | 0 | 0 | 1 295 |'));
    expect(row(r, 't3', 'new_received').map((c) => c.value)).toEqual([1259, 36, 0, 0, 0, 0, 1295]);
    expect(cellsOf(r)).toEqual(cellsOf(base));
  });

  it('reads `1 259` in a space-separated row as one number when the row would otherwise have exactly that many numbers too many', async () => {
    const r = await read(original.replace(NEW_RECEIVED, '一、本年新收政府信息公开申请数量 1 259 36 0 0 0 0 1 295'));
    expect(row(r, 't3', 'new_received').map((c) => [c.status, c.value, c.raw])).toEqual([
      ['reported', 1259, '1 259'],
      ['reported', 36, '36'],
      ['reported', 0, '0'],
      ['reported', 0, '0'],
      ['reported', 0, '0'],
      ['reported', 0, '0'],
      ['reported', 1295, '1 295'],
    ]);
  });

  it('lets the row total choose the one reading of spaced thousands that holds (1,259 + 36 + 100 = 1,395)', async () => {
    // 9 values under 7 columns and three numbers that could be thousands groups (259, 100, 395):
    // only joining 259 and 395 makes 总计 the sum of the six applicant columns.
    const r = await read(original.replace(NEW_RECEIVED, '一、本年新收政府信息公开申请数量 1 259 36 100 0 0 0 1 395'));
    expect(row(r, 't3', 'new_received').map((c) => [c.status, c.value])).toEqual([
      ['reported', 1259],
      ['reported', 36],
      ['reported', 100],
      ['reported', 0],
      ['reported', 0],
      ['reported', 0],
      ['reported', 1395],
    ]);
  });

  it('never shifts values into the next column when neither the count nor the row total decides which spaces separate thousands', async () => {
    // As above, but 总计 printed 1 295: no reading makes the row total hold.
    const r = await read(original.replace(NEW_RECEIVED, '一、本年新收政府信息公开申请数量 1 259 36 100 0 0 0 1 295'));
    expect(row(r, 't3', 'new_received').map((c) => c.status)).toEqual(Array(7).fill('missing'));
    const flag = r.flags.find((f) => f.rule === 'CELL_AMBIGUOUS' && f.subject.includes('t3.new_received.total'));
    expect(flag?.message).toContain('千位分隔');
    expect(flag?.message).toContain('「1,259 36 100 0 0 0 1,295」');
    // The rest of the table is read as before.
    const others = (r: ReportRecord) => cellsOf(r).filter((c) => !c.startsWith('t3.new_received.'));
    expect(others(r)).toEqual(others(base));
  });

  for (const [printed, reason] of [
    ['9'.repeat(400), '不是有限的数值'],
    ['Infinity', '不是有限的数值'],
    ['1e20', '超过12位数字'],
    ['1234567890123', '超过12位数字'],
    ['3.5', '件数不能有小数'],
    ['-1', '是负数'],
    ['－１', '是负数'],
  ]) {
    it(`marks a cell printed ${printed.length > 20 ? `${printed.length} digits` : printed} invalid, flags it, and keeps the row's other cells in their columns`, async () => {
      const r = await read(original.replace(NEW_RECEIVED, `| 一、本年新收政府信息公开申请数量 | 1259 | ${printed} | 0 | 0 | 0 | 0 | 1295 |`));
      const cells = row(r, 't3', 'new_received');
      expect(cells.map((c) => [c.status, c.value])).toEqual([
        ['reported', 1259],
        ['invalid', null],
        ['reported', 0],
        ['reported', 0],
        ['reported', 0],
        ['reported', 0],
        ['reported', 1295],
      ]);
      expect(cells[1].raw).toBe(foldFullWidthDigits(printed));
      const flags = r.flags.filter((f) => f.rule === 'VALUE_IMPLAUSIBLE');
      expect(flags.map((f) => [f.severity, f.subject])).toEqual([['warning', ['t3.new_received.commercial']]]);
      expect(flags[0].message).toContain(reason);
      // No identity is evaluated over the invalid cell, and every other cell is as printed.
      expect(r.flags.filter((f) => f.rule === 'T3_ROW_TOTAL' && f.subject.includes('t3.new_received.total'))).toEqual([]);
      expect(cellsOf(r).filter((c) => !c.startsWith('t3.new_received.commercial'))).toEqual(cellsOf(base).filter((c) => !c.startsWith('t3.new_received.commercial')));
    });
  }

  it('keeps a fractional amount in 万元 (表二 收费金额, 沭阳 2025 prints 4068.208) but not a fractional count', async () => {
    const shuyang = readFileSync(path.resolve(__dirname, '../../data/corpus/shuyang-county-government-2025.txt'), 'utf8');
    expect(shuyang).toContain('| 行政许可 | 517645 |');
    const r = await read(shuyang.replace('| 行政许可 | 517645 |', '| 行政许可 | 5176.45 |'), 'shuyang-county-government-2025.txt');
    const fees = row(r, 't2', 'fees')[0];
    expect([fees.status, fees.value]).toEqual(['reported', 4068.208]);
    const licensing = row(r, 't2', 'licensing')[0];
    expect([licensing.status, licensing.value, licensing.raw]).toEqual(['invalid', null, '5176.45']);
    expect(r.flags.filter((f) => f.rule === 'VALUE_IMPLAUSIBLE').map((f) => f.subject)).toEqual([['t2.licensing.decisions']]);
  });

  it('reads 表二 行政许可 517645 printed as 517 645 on a line of its own as one number (沭阳 2025)', async () => {
    const shuyang = readFileSync(path.resolve(__dirname, '../../data/corpus/shuyang-county-government-2025.txt'), 'utf8');
    const r = await read(shuyang.replace('| 行政许可 | 517645 |', '行政许可 517 645'), 'shuyang-county-government-2025.txt');
    expect(row(r, 't2', 'licensing').map((c) => [c.status, c.value, c.raw])).toEqual([['reported', 517645, '517 645']]);
  });
});

describe('numbers no table can hold in a text captured on one line (平潭综合实验区公安局 2024, cells run together)', () => {
  const capture = readFileSync(path.resolve(__dirname, '../../data/corpus/pingtan-public-security-bureau-2024.txt'), 'utf8');
  const NEW_ROW = '本年新收政府信息公开申请数量 8 0 0 0 0 0 8';
  const statuses = (r: ReportRecord) => row(r, 't3', 'new_received').map((c) => `${c.status}:${c.value}`);

  it('reads a 400-digit 总计 as invalid and the row\'s other cells as printed', async () => {
    expect(capture).toContain(NEW_ROW);
    const r = await read(capture.replace(NEW_ROW, `本年新收政府信息公开申请数量 8 0 0 0 0 0 ${'9'.repeat(400)}`), 'pingtan.txt');
    expect(statuses(r)).toEqual(['reported:8', 'reported:0', 'reported:0', 'reported:0', 'reported:0', 'reported:0', 'invalid:null']);
    expect(r.flags.filter((f) => f.rule === 'VALUE_IMPLAUSIBLE').map((f) => f.subject)).toEqual([['t3.new_received.total']]);
  });

  it('never splits a run of 401 digits into cells of more than 12 digits (the search ends at once)', async () => {
    const r = await read(capture.replace(NEW_ROW, `本年新收政府信息公开申请数量 0${'9'.repeat(400)}`), 'pingtan.txt');
    expect(statuses(r)[0]).toBe('invalid:null');
    expect(statuses(r).slice(1)).toEqual(Array(6).fill('missing:null'));
  });

  it('reads a row of 30,000 run-together digits without searching their splits', async () => {
    const digits = Array.from({ length: 30_000 }, (_, i) => i % 10).join('');
    const r = await read(capture.replace(NEW_ROW, `本年新收政府信息公开申请数量 ${digits}`), 'pingtan.txt');
    expect(row(r, 't3', 'new_received')[0]).toMatchObject({ status: 'invalid', value: null, raw: digits });
  });
});
