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
});
