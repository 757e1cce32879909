/**
 * statusText (issue 10): a report's status_message — Chinese unchanged, English by status saying
 * what to do. Real messages: data/build/reports.csv (the ingest of data/seeds and data/corpus) when
 * built, and the messages the reader writes for real files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { REPORT_STATUS_LABELS } from '../labels';
import { EN_RULES } from './en/rules';
import { statusText } from './status-text';
import { makeTranslate, zhT } from './translate';

const en = makeTranslate('en', EN_RULES);
const HAN = /[\u3400-\u9fff]/;

describe('statusText', () => {
  it('Chinese: the message unchanged (empty stays empty)', () => {
    expect(statusText('partial', '部分单元格缺失（见 CELL_MISSING 标记）', 'zh', zhT)).toBe('部分单元格缺失（见 CELL_MISSING 标记）');
    expect(statusText('ok', '', 'zh')).toBe('');
  });
  it('English: a sentence without Chinese for every report status, naming what to do', () => {
    for (const status of Object.keys(REPORT_STATUS_LABELS)) {
      const s = statusText(status, '某条中文说明', 'en', en);
      expect(s, status).not.toMatch(HAN);
      expect(s.length, status).toBeGreaterThan(10);
    }
    expect(statusText('too_large', '文件超过上限', 'en', en)).toMatch(/over the reading limit/);
  });
  it('English: an empty message stays empty; an unknown status gives its name', () => {
    expect(statusText('ok', '', 'en', en)).toBe('');
    expect(statusText('brand_new', '说明', 'en', en)).toBe('brand_new.');
  });
  it('partial: the tables not read, and the missing cells', () => {
    const s = statusText('partial', '未读到：主动公开政府信息情况（表二）、收到和处理政府信息公开申请情况（表三）；部分单元格缺失（见 CELL_MISSING 标记）', 'en', en);
    expect(s).toContain('Table 2, Table 3 not found as readable text');
    expect(s).toContain('CELL_MISSING');
    expect(s).toContain('check the flags on the report page');
  });
});

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const REPORTS_CSV = join(ROOT, 'data/build/reports.csv');

describe.skipIf(!existsSync(REPORTS_CSV))('the reports of data/build', () => {
  const rows = Papa.parse<Record<string, string>>(readFileSync(REPORTS_CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;
  it('Chinese unchanged; English without Chinese, and the duplicate names the report kept', () => {
    expect(rows.some((r) => r.status_message !== '')).toBe(true);
    for (const r of rows) {
      expect(statusText(r.status, r.status_message, 'zh')).toBe(r.status_message);
      const s = statusText(r.status, r.status_message, 'en', en);
      expect(s, r.status_message).not.toMatch(HAN);
      if (r.status_message === '') expect(s).toBe('');
      const kept = /report_id ([0-9a-f]{16})/.exec(r.status_message);
      if (r.status === 'duplicate' && kept) expect(s).toContain(`report ${kept[1]}`);
    }
  });
});
