/**
 * DEADLINE (条例第四十九条) on real reports from data/seeds: a report published in time, the same
 * report dated late, a people's government's later deadline, and a report without a printed date
 * (not evaluated).
 */
import { describe, expect, it } from 'vitest';
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
