/**
 * Page metadata on the two real captures of 平潭综合实验区公安局 2024 (data/corpus): the text
 * capture's header block (标题: / 发布时间: 2025-01-20 17:39 / 发布机构: 区公安局 / 原文链接: …) and the
 * portal page's metadata box (索 引 号 PZ00106-2500-2025-00085, 发文机关 区公安局, 成文日期 and
 * 发布日期 2025-01-20) and <meta> (ArticleTitle, PubDate, Url).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToReportText } from './parse-html-report';
import { fieldsOfLine, metaTagMetadata, splitHeaderBlock } from './read-page-metadata';

const corpus = (name: string) => readFileSync(path.resolve(__dirname, '../../data/corpus', name), 'utf8');
const URL = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqgaj/zfxxgknb/202501/t20250120_96806.htm';

describe('splitHeaderBlock', () => {
  it('reads a web capture’s header block as metadata and leaves it out of the body', () => {
    const { page, body, found } = splitHeaderBlock(corpus('pingtan-public-security-bureau-2024.txt'));
    expect(found).toBe(true);
    expect(page).toEqual({
      title: '平潭综合实验区公安局2024年政府信息公开工作年度报告',
      publishedOn: '2025-01-20',
      publisher: '区公安局',
      sourceUrl: URL,
      indexNo: null,
      docNo: null,
    });
    expect(body.startsWith('本报告根据《中华人民共和国政府信息公开条例》')).toBe(true);
    expect(body).not.toContain('标题:');
  });

  it('finds no header in a report that starts with its title (seed 004)', () => {
    const seed = readFileSync(path.resolve(__dirname, '../../data/seeds/004_7ffb10b0611b3e96.txt'), 'utf8');
    const { found, body } = splitHeaderBlock(seed);
    expect(found).toBe(false);
    expect(body).toBe(seed);
  });
});

describe('fieldsOfLine', () => {
  it('reads several fields of one line and field names spaced out with &ensp;', () => {
    expect(fieldsOfLine('发布日期：2024-01-20 来源：某县科技局')).toEqual([
      { name: '发布日期', value: '2024-01-20' },
      { name: '来源', value: '某县科技局' },
    ]);
    expect(fieldsOfLine('索\u2002引\u2002号： PZ00106-2500-2025-00085')[0].name).toBe('索引号');
    expect(fieldsOfLine('一、总体情况')).toEqual([]);
  });
});

describe('the portal page’s metadata box and <meta>', () => {
  it('reads the box and <meta> as page metadata and keeps them out of the text', () => {
    const { page, text } = htmlToReportText(corpus('pingtan-public-security-bureau-2024.html'));
    expect(page).toEqual({
      title: '平潭综合实验区公安局2024年政府信息公开工作年度报告',
      publishedOn: '2025-01-20',
      publisher: '区公安局',
      sourceUrl: URL,
      indexNo: 'PZ00106-2500-2025-00085',
      docNo: null,
    });
    expect(text.split('\n')[0]).toBe('平潭综合实验区公安局2024年政府信息公开工作年度报告');
    expect(text).not.toMatch(/索\s*引\s*号|成文日期|发布日期/);
  });

  it('reads <meta name="PubDate"> and ArticleTitle', () => {
    expect(
      metaTagMetadata([
        { name: 'ArticleTitle', content: '平潭综合实验区公安局2024年政府信息公开工作年度报告' },
        { name: 'PubDate', content: '2025-01-20 17:39' },
        { name: 'ContentSource', content: '' },
        { name: 'Url', content: URL },
      ]),
    ).toMatchObject({ title: '平潭综合实验区公安局2024年政府信息公开工作年度报告', publishedOn: '2025-01-20', publisher: null, sourceUrl: URL });
  });
});
