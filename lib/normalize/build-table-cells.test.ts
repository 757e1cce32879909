/** Reading tables 二, 三 and 四 from printed rows: the 2019 trial form, detached notes, excerpts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupRows, tokenizeSection } from '../parse/tokenize-table-text';
import { parseTextReport } from '../parse/parse-text-report';
import { readT2, readT3, readT4, readTables } from './build-table-cells';

const rows = (text: string, columns: number) => groupRows(tokenizeSection(text), columns);
const show = (cells: Array<{ row: string; column: string; value: number | null; status: string; note: string | null }>) =>
  cells.map((c) => `${c.row}.${c.column}=${c.status === 'reported' ? c.value : c.status}${c.note ? `(${c.note})` : ''}`);

describe('readT2', () => {
  it('reads the 2019 trial form in its own columns, converting an amount printed in 元', () => {
    const text = [
      '| 规章 | 13 | 13 | 524 |',
      '| 规范性文件 | 60 | 60 | 368 |',
      '| 行政许可 | 0 | 0 | 0 |',
      '| 其他对外管理服务事项 | 0 | 0 | 0 |',
      '| 行政处罚 | 0 | 0 | 0 |',
      '| 行政强制 | 0 | 0 | 0 |',
      '| 行政事业性收费 | 0 | 0 |',
      '| 信息内容 | 采购项目数量 | 采购总金额 |',
      '| 政府集中采购 | 6 | 251000元 |',
    ].join('\n');
    const r = readT2('r', rows(text, 3), '2019');
    expect(r.found).toBe(true);
    expect(show(r.cells).filter((c) => /^(regulations|procurement|fees)/.test(c))).toEqual([
      'regulations.new_made=13',
      'regulations.new_published=13',
      'regulations.total_published=524',
      'fees.items_prev_year=0',
      'fees.items_change=0',
      'procurement.projects=6',
      'procurement.amount=25.1(原文以元为单位，已折算为万元)',
    ]);
    expect(r.flags).toEqual([]);
  });

  it('puts numbers printed apart from the table, with their notes, into the rows one number short', () => {
    const text = '第二十条第（一）项\n22\n（其中修订 16 件）\n55\n（含自然失效 29 件）\n行政许可 0\n行政处罚 0\n| 规章 | 22 | 235 |\n| 行政规范性文件 | 34 | 189 |';
    const r = readT2('r', rows(text, 3), '2021');
    expect(show(r.cells).slice(0, 6)).toEqual([
      'regulations.issued=22',
      'regulations.repealed=22(其中修订16件)',
      'regulations.in_force=235',
      'normative_documents.issued=34',
      'normative_documents.repealed=55(含自然失效29件)',
      'normative_documents.in_force=189',
    ]);
    expect(r.notes).toHaveLength(2);
  });
});

describe('readT3', () => {
  it('reads an excerpt of one full row, the other rows missing under one flag', () => {
    const r = readT3('r', rows('| 一、本年新收政府信息公开申请数量 | 3746 | 63 | 0 | 0 | 19 | 2 | 3830 |', 7));
    expect(r.found).toBe(true);
    expect(r.cells.filter((c) => c.status === 'reported')).toHaveLength(7);
    expect(r.cells.filter((c) => c.status === 'missing')).toHaveLength(24 * 7);
    expect(r.flags.map((f) => [f.rule, f.subject.length])).toEqual([['CELL_MISSING', 24 * 7]]);
  });

  it('does not take a prose count for a table', () => {
    expect(readT3('r', rows('本年新收政府信息公开申请 3 件。', 7)).found).toBe(false);
  });
});

describe('readT4', () => {
  it('reads a row of printed-empty cells as blank and finds an empty table', () => {
    const r = readT4('r', rows(`| ${new Array(15).fill(' ').join(' | ')} |`, 15));
    expect(r.found).toBe(true);
    expect(new Set(r.cells.map((c) => c.status))).toEqual(new Set(['blank']));
  });
});

describe('readTables', () => {
  // Seed 004 (临淄区人民政府办公室 2023), parsed to printed rows by lib/parse.
  const parsed = parseTextReport(readFileSync(path.resolve(__dirname, '../../data/seeds/004_7ffb10b0611b3e96.txt'), 'utf8'));

  it('reads the three tables of a parsed report: 10 cells of 二 (2021 form), 175 of 三, 15 of 四', () => {
    const readings = readTables('r', parsed.tables, parsed.formVersion);
    expect(readings.map((r) => [r.table, r.found, r.cells.length])).toEqual([
      ['t2', true, 10],
      ['t3', true, 175],
      ['t4', true, 15],
    ]);
    const total = readings[1].cells.find((c) => c.row === 'new_received' && c.column === 'total');
    expect(total).toMatchObject({ report_id: 'r', status: 'reported', value: 27 });
  });

  it('finds no table whose section is absent', () => {
    const withoutT4 = parsed.tables.map((t) => (t.table === 't4' ? { ...t, sectionFound: false, rows: [] } : t));
    expect(readTables('r', withoutT4, parsed.formVersion)[2]).toEqual({ table: 't4', found: false, cells: [], flags: [], notes: [] });
  });
});
