/**
 * errorDetail: a caught error as a short human detail — a real zod failure of the record schema
 * (whose own message is JSON) names the field; JSON and stack text never reach the user.
 */
import { describe, expect, it } from 'vitest';
import { errorDetail, errorDetailInParens } from './error-detail';
import { ReportRecord } from './report-schema';

describe('errorDetail', () => {
  it('names the first failing field of a zod error instead of its JSON message', () => {
    const r = ReportRecord.safeParse({ report: {} });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.message.trim().startsWith('[')).toBe(true); // zod's message is JSON
    const detail = errorDetail(r.error);
    expect(detail).toMatch(/^数据校验未通过：字段 [a-z_.0-9]+/);
    expect(detail).not.toMatch(/[[{"]/);
    expect(detail).toContain(`等 ${r.error.issues.length} 处`);
  });
  it('keeps a short human line, cuts a long one, drops JSON, stacks and nothing', () => {
    expect(errorDetail(new Error('Failed to fetch'))).toBe('Failed to fetch');
    expect(errorDetail(new Error(`${'x'.repeat(100)}\nsecond line`))).toBe(`${'x'.repeat(80)}…`);
    expect(errorDetail(new Error('[{"code":"invalid_type"}]'))).toBe('');
    expect(errorDetail(new Error('{"a":1}'))).toBe('');
    expect(errorDetail('at Object.<anonymous> (x.js:1:1)')).toBe('');
    expect(errorDetail(undefined)).toBe('');
    expect(errorDetail(42)).toBe('');
    expect(errorDetailInParens(new Error('磁盘已满'))).toBe('（磁盘已满）');
    expect(errorDetailInParens(new Error('[1]'))).toBe('');
  });
});
