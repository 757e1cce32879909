/**
 * Relining the one-line body of the 平潭综合实验区公安局 2024 text capture (data/corpus): section
 * headings on their own lines, each table row on its own line with its digits as printed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitHeaderBlock } from './read-page-metadata';
import { relineRunningText, relineTableText } from './reline-running-text';

const capture = readFileSync(path.resolve(__dirname, '../../data/corpus/pingtan-public-security-bureau-2024.txt'), 'utf8');

describe('relineRunningText', () => {
  const { text, running } = relineRunningText(splitHeaderBlock(capture).body);
  const lines = text.split('\n');

  it('puts the six section headings on lines of their own', () => {
    expect(running).toBe(true);
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及明年工作计划', '六、其他需要报告的事项']) {
      expect(lines).toContain(h);
    }
  });

  it('puts each table row on its own line, digits as printed, a glued numeral back with its label', () => {
    expect(lines).toContain('规章 000');
    expect(lines).toContain('行政规范性文件 005');
    expect(lines).toContain('（二）部分公开（区分处理的，只计这一情形，不计其他情形） 10 0 0 0 01');
    expect(lines).toContain('（三）不予公开 1.属于国家秘密 0000000');
    expect(lines).toContain('2.其他法律行政法规禁止公开 0000000');
    expect(lines).toContain('（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 00000');
    expect(lines).toContain('（七）总计 8000008');
  });

  it('leaves a text with line breaks unchanged (seed 004)', () => {
    const seed = readFileSync(path.resolve(__dirname, '../../data/seeds/004_7ffb10b0611b3e96.txt'), 'utf8');
    expect(relineRunningText(seed)).toEqual({ text: seed, running: false });
  });
});

describe('relineTableText', () => {
  it('splits a year glued to the last cells off as prose (0 0 02025年)', () => {
    expect(relineTableText('结转下年度继续办理 0 0 02025年，我局将')).toBe('结转下年度继续办理 0 0 0\n2025年，我局将');
  });
});

describe('relineRunningText on the wordings and numberings of other reports (issue 11 family probe)', () => {
  const body = (heads: string[]) =>
    `本报告根据《中华人民共和国政府信息公开条例》编制。${'全年主动公开政府信息，'.repeat(30)}${heads[0]}全年公开政府信息120条。 ${heads[1]} 第二十条第（一）项信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件016 ${heads[2]} 申请人情况 一、本年新收政府信息公开申请数量 0000000二、上年结转政府信息公开申请数量 0000000 ${heads[3]} 行政复议 行政诉讼 000000000000000 ${heads[4]}2024年，一是解读不足。`;

  it('finds 三 without 公开, 四 with 和, 五 with 政府信息公开工作 before 存在 (seed 000, 上海市科委 2024, 沭阳县 2025)', () => {
    const heads = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息申请情况', '四、政府信息公开行政复议和行政诉讼情况', '五、政府信息公开工作存在的主要问题及改进情况'];
    const lines = relineRunningText(body(heads)).text.split('\n');
    for (const h of heads) expect(lines).toContain(h);
    expect(lines).toContain('行政复议 行政诉讼 000000000000000');
  });

  it('finds the tables under a numbering of their own (Shanghai layouts: 一、主动公开… 二、收到和处理… 三、…行政复议…)', () => {
    const heads = ['一、总体情况', '一、主动公开政府信息情况', '二、收到和处理政府信息公开申请情况', '三、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况'];
    const lines = relineRunningText(body(heads)).text.split('\n');
    for (const h of heads) expect(lines).toContain(h);
    expect(lines).toContain('二、上年结转政府信息公开申请数量 0000000');
  });
});

describe('relineTableText and cell notes', () => {
  it('keeps a number’s note with it (上海市人民政府办公厅 2025: 规章 22 22（其中修订16件） 235)', () => {
    // Before: the note started a row of its own, and 规章 kept two numbers for three cells.
    expect(relineTableText('规章22 22（其中修订16件） 235行政规范性文件34 55（含自然失效29件） 189')).toBe(
      '规章 22 22（其中修订16件） 235\n行政规范性文件 34 55（含自然失效29件） 189',
    );
  });

  it('still breaks before a row label in brackets (3000003（二）部分公开)', () => {
    expect(relineTableText('（一）予以公开 3000003（二）部分公开 10 0 0 0 01')).toBe('（一）予以公开 3000003\n（二）部分公开 10 0 0 0 01');
  });
});
