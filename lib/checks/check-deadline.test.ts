/**
 * DEADLINE (条例第四十九条) on real reports from data/seeds: a report published in time, the same
 * report dated late, a people's government's later deadline, and a report without a printed date
 * (not evaluated).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportText } from '../read/assemble-record';
import type { Report } from '../model/report-schema';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { checkDeadline, deadlineFor, deadlineRule } from './check-deadline';

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

describe('deadlineRule', () => {
  it('runs checkDeadline on a whole record, with the rule\'s id, version and severity', async () => {
    const record = await seedRecord(SEEDS.wendeng2022);
    const late = { ...record, report: { ...record.report, published_on: '2023-02-15' } };
    expect(deadlineRule.run(record)).toEqual([]);
    const [flag] = deadlineRule.run(late);
    expect(flag).toEqual(checkDeadline(late.report)[0]);
    expect([flag.rule, flag.rule_version, flag.severity]).toEqual([deadlineRule.id, deadlineRule.version, deadlineRule.severity]);
  });
});

/**
 * The 平潭综合实验区公安局 2024 text capture (data/corpus) prints no date at its end; its header
 * block says 发布时间: 2025-01-20 17:39. The same capture titled only with the region is the
 * region-wide report of its government (31 March).
 */
describe('DEADLINE from the page date (平潭综合实验区公安局 2024, web capture)', () => {
  const capture = readFileSync(path.resolve(__dirname, '../../data/corpus/pingtan-public-security-bureau-2024.txt'), 'utf8');
  const read = (text: string) => readReportText(text, 'pingtan.txt', 'pt').report;

  it('reads 2025-01-20 from the header block as published_on with source page, and holds (department, by 31 January)', () => {
    const r = read(capture);
    expect([r.published_on, r.published_on_source, r.report_kind]).toEqual(['2025-01-20', 'page', 'department']);
    expect(checkDeadline(r)).toEqual([]);
  });
  it('fails a department report whose page is dated 2025-02-03, three days late, naming the page date', () => {
    const [flag] = checkDeadline(read(capture.replace('发布时间: 2025-01-20 17:39', '发布时间: 2025-02-03 09:00')));
    expect(flag).toMatchObject({ rule: 'DEADLINE', expected: '2025-01-31', actual: '2025-02-03', difference: 3 });
    expect(flag.message).toContain('网页发布日期');
  });
  it('gives the region-wide report titled only 平潭综合实验区 until 31 March', () => {
    const regionWide = capture.replace('标题: 平潭综合实验区公安局2024年', '标题: 平潭综合实验区2024年度');
    const r = read(regionWide.replace('发布时间: 2025-01-20 17:39', '发布时间: 2025-03-20 10:00'));
    expect([r.agency, r.report_kind, r.published_on_source]).toEqual(['平潭综合实验区人民政府', 'government', 'page']);
    expect(checkDeadline(r)).toEqual([]);
    const [late] = checkDeadline(read(regionWide.replace('发布时间: 2025-01-20 17:39', '发布时间: 2025-04-02 10:00')));
    expect(late).toMatchObject({ expected: '2025-03-31', actual: '2025-04-02', difference: 2 });
  });
});
