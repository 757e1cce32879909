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
});
