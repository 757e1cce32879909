/** Tokenizing table text from the seed layouts (lines copied from data/seeds). */
import { describe, expect, it } from 'vitest';
import { groupRows, splitFields, tokenizeSection } from './tokenize-table-text';

describe('tokenizeSection / groupRows', () => {
  it('reads a tab-separated row (000): label then seven numbers', () => {
    const rows = groupRows(tokenizeSection('一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t'), 7);
    expect(rows).toHaveLength(1);
    expect(rows[0].labels).toEqual(['一、本年新收政府信息公开申请数量']);
    expect(rows[0].values.map((v) => (v.kind === 'num' ? v.value : v.kind))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
  it('reads one cell per line (004), keeping a printed-empty cell between two numbers', () => {
    const rows = groupRows(tokenizeSection('\t行政规范性文件\n\t0\n \t16\n\n\t第二十条\t第 （五） 项'), 3);
    expect(rows[0].labels).toEqual(['行政规范性文件']);
    expect(rows[0].values.map((v) => v.kind)).toEqual(['num', 'blank', 'num']);
  });
  it('separates a number from its label in one field (003: 行政许可 0)', () => {
    const rows = groupRows(tokenizeSection('行政许可 0\t\t\t'), 1);
    expect(rows[0].labels).toEqual(['行政许可']);
    expect(rows[0].values).toHaveLength(1);
  });
  it('splits a value line whose label went missing from the row above it (003)', () => {
    const text = '\t\t5.要求行政机关确认或重新出具已 获取信息\t0\t0\t0\t0\t0\t0\t0\t\n\t\t\t0\t0\t0\t0\t0\t0\t0\t';
    const rows = groupRows(tokenizeSection(text), 7);
    expect(rows.map((r) => [r.labels.length, r.values.length])).toEqual([[1, 7], [0, 7]]);
  });
  it('keeps a note printed in a cell (22（其中修订16件）)', () => {
    const [t] = tokenizeSection('22（其中修订16件）');
    expect(t).toMatchObject({ kind: 'num', value: 22, note: '其中修订16件' });
  });
  it('reads placeholders as placeholders, not zeros', () => {
    expect(tokenizeSection('规章\t/\t—\t无').map((t) => t.kind)).toEqual(['text', 'placeholder', 'placeholder', 'placeholder']);
  });
  it('reads Markdown table rows and drops separators and page markers', () => {
    expect(splitFields('| 规章 | 3 | 0 | 15 |')).toEqual([' 规章 ', ' 3 ', ' 0 ', ' 15 ']);
    expect(splitFields('|---|---|')).toEqual([]);
    expect(splitFields('— 4 —')).toEqual([]);
  });
  it('keeps the empty cells of a Markdown row after its label, even at the end', () => {
    const rows = groupRows(tokenizeSection('| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |  |'), 7);
    expect(rows[0].values.map((v) => v.kind)).toEqual(['num', 'num', 'num', 'num', 'num', 'num', 'blank']);
  });
  it('keeps a Markdown row printed all empty, but not an empty header', () => {
    const text = '| 业 | 构 |  |  |  |\n| 2.其他法律行政法规禁止公开 |  |  |  |  |  |  |  |\n| 3.危及“三安全一稳定” | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
    const rows = groupRows(tokenizeSection(text), 7);
    expect(rows.map((r) => [r.labels[r.labels.length - 1], r.values.length])).toEqual([
      ['2.其他法律行政法规禁止公开', 7],
      ['3.危及“三安全一稳定”', 7],
    ]);
  });
  it('joins a note printed on the line under its number', () => {
    const [t] = tokenizeSection('55\n（含自然失效 29 件）');
    expect(t).toMatchObject({ kind: 'num', value: 55, note: '含自然失效29件' });
  });
  it('reads a number printed with its unit', () => {
    expect(tokenizeSection('251000元')[0]).toMatchObject({ kind: 'num', value: 251000, unit: '元' });
  });
  it('sets a lone number beside a complete row apart as a stray', () => {
    const rows = groupRows(tokenizeSection('2.申请人逾期未按收费\n1\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 |'), 7);
    expect(rows.map((r) => [r.labels, r.values.length, r.stray ?? false])).toEqual([
      [[], 1, true],
      [['2.申请人逾期未按收费'], 7, false],
    ]);
  });

  it('reads a full-width copy of a real row (003: 本生F新收 … 1 0 0 0 0 0 1) with the same values', () => {
    const row003 = '一、本生\tF新收政府\t信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\t';
    const wide = row003.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(wide).toContain('１\t０');
    const values = (text: string) => groupRows(tokenizeSection(text), 7).map((r) => [r.labels, r.values.map((v) => (v.kind === 'num' ? v.value : v.kind))]);
    expect(values(wide)).toEqual(values(row003));
    expect(values(row003)).toEqual([[['一、本生', 'F新收政府', '信息公开申请数量'], [1, 0, 0, 0, 0, 0, 1]]]);
    // The printed text is kept as printed.
    expect(tokenizeSection(wide).filter((t) => t.kind === 'num').map((t) => (t as { raw: string }).raw)).toEqual(['１', '０', '０', '０', '０', '０', '１']);
  });
  it('reads 1,259 as one number and marks the 259 of a space-separated 1 259 as a possible thousands group (上海 2025 本年新收)', () => {
    const nums = (text: string) => tokenizeSection(text).flatMap((t) => (t.kind === 'num' ? [[t.value, t.group ?? false]] : []));
    expect(nums('一、本年新收政府信息公开申请数量\t1,259\t36\t0\t0\t0\t0\t1,295')).toEqual([[1259, false], [36, false], [0, false], [0, false], [0, false], [0, false], [1295, false]]);
    expect(nums('一、本年新收政府信息公开申请数量 1 259 36 0 0 0 0 1 295')).toEqual([
      [1, false], [259, true], [36, false], [0, false], [0, false], [0, false], [0, false], [1, false], [295, true],
    ]);
    // Never after a zero, a four-digit number, or across a tab or a wide gap.
    expect(nums('0 259\t1\t259\t1259 000\t1  259\t1　259').map(([, g]) => g)).toEqual([false, false, false, false, false, false, false, false, false, false]);
  });
  it('reads 1 259 in a Markdown cell as one number, keeping the printed text', () => {
    const [row] = groupRows(tokenizeSection('| 一、本年新收政府信息公开申请数量 | 1 259 | 36 | 0 | 0 | 0 | 0 | 1 295 |'), 7);
    expect(row.values.map((v) => (v.kind === 'num' ? [v.value, v.raw] : v.kind))).toEqual([[1259, '1 259'], [36, '36'], [0, '0'], [0, '0'], [0, '0'], [0, '0'], [1295, '1 295']]);
  });
  it('reads values no table can hold (-1, 1e20, Infinity, 3.5, 400 digits) as numbers in their place, not as labels', () => {
    const [row] = groupRows(tokenizeSection(`一、本年新收政府信息公开申请数量\t-1\t1e20\tInfinity\t3.5\t${'9'.repeat(400)}\t0\t1`), 7);
    expect(row.labels).toEqual(['一、本年新收政府信息公开申请数量']);
    expect(row.values.map((v) => (v.kind === 'num' ? v.value : v.kind))).toEqual([-1, 1e20, Infinity, 3.5, Infinity, 0, 1]);
  });
  it('reads a labelled row of 30,000 numbers as one row of 30,000 values', () => {
    const text = `一、本年新收政府信息公开申请数量 ${Array.from({ length: 30_000 }, (_, i) => i % 10).join(' ')}\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0`;
    const rows = groupRows(tokenizeSection(text), 7);
    expect(rows.map((r) => r.values.length)).toEqual([30_000, 7]);
    expect(rows[0].values[29_999]).toMatchObject({ kind: 'num', value: 9 });
  });
});
