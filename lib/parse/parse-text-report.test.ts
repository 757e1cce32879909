/**
 * Parsing a report's text stops at printed rows: sections, metadata, form version and each table's
 * rows as printed — no cells (lib/normalize), no record (lib/read). Real input: seed 004
 * (临淄区人民政府办公室 2023).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormVersion, parseTextReport } from './parse-text-report';

const seed004 = readFileSync(path.resolve(__dirname, '../../data/seeds/004_7ffb10b0611b3e96.txt'), 'utf8');

describe('parseTextReport', () => {
  it('reads a seed report into sections, metadata, form version and the printed rows of its tables', () => {
    const p = parseTextReport(seed004);
    expect(p.text).toBe(seed004);
    expect(p.looksLikeReport).toBe(true);
    expect(p.formVersion).toBe('2021');
    expect(p.metadata).toMatchObject({ agency: '临淄区人民政府办公室', year: 2023 });
    expect(p.sectionsFound).toEqual(expect.arrayContaining(['proactive', 'applications', 'review_litigation']));
    expect(p.tables.map((t) => [t.table, t.sectionFound])).toEqual([
      ['t2', true],
      ['t3', true],
      ['t4', true],
    ]);
    // 一、本年新收政府信息公开申请数量 as printed: 26 by natural persons, 1 by a commercial enterprise, 27 in all.
    const newReceived = p.tables[1].rows.find((r) => r.labels.some((l) => l.includes('本年新收')));
    expect(newReceived?.values.map((v) => (v.kind === 'num' ? v.value : v.kind))).toEqual([26, 1, 0, 0, 0, 0, 27]);
  });

  it('says a text without the report markers is no report, and reads no tables from it', () => {
    const p = parseTextReport('会议纪要\n\n一、会议时间：2023年3月1日\n');
    expect(p.looksLikeReport).toBe(false);
    expect(p.formVersion).toBeNull();
    expect(p.tables).toEqual([]);
  });

  it('tells the 2019 trial format from the 2021 form by the headings of table 二, else by year', () => {
    expect(detectFormVersion('信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量', '', 2020)).toBe('2019');
    expect(detectFormVersion('信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数', '', 2020)).toBe('2021');
    expect(detectFormVersion(null, '', 2020)).toBe('2019');
    expect(detectFormVersion(null, '', 2023)).toBe('2021');
    expect(detectFormVersion(null, '', null)).toBeNull();
  });
});

describe('lib/parse', () => {
  it('imports nothing of the steps after it (normalize, read, checks): the read path runs one way', () => {
    const later = /from '\.\.\/(normalize|read|checks|upload|pipeline|store|query)\//;
    const offenders = readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => later.test(readFileSync(path.join(__dirname, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
