/**
 * Review decisions: made on the real flags of tests/fixtures (hand-copied from data/seeds, with the
 * fingerprints the ingest writes), exported to CSV and read back, bad files refused with a
 * message, merged without losing newer or unmatched decisions.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import {
  BOM,
  DECISION_COLUMNS,
  decodeDecisionFile,
  decisionsFileName,
  decisionsToCsv,
  describeMerge,
  makeDecision,
  mergeDecisions,
  parseDecisionsCsv,
  readStoredDecision,
  reconcileDecisions,
  reviewCounts,
  rowFingerprint,
  type Decision,
  type FlagContext,
} from './decisions';
import { zhFill } from './decisions';
import { EN } from '../present/i18n/en';
import { makeTranslate } from '../present/i18n/translate';
import { rowsToCsv } from '../csv';
import { COMPLIANCE_VIEW } from '../query/views';

const FIXTURE_FLAGS = Papa.parse<Record<string, string>>(
  readFileSync(fileURLToPath(new URL('../../tests/fixtures/flags.csv', import.meta.url)), 'utf8'),
  { header: true, skipEmptyLines: true },
).data;
const AGENCY: Record<string, [string, number]> = {
  '6097eb29f1d289bb': ['威海市文登区科学技术局', 2022],
  c0d392a57191d65c: ['运城市科学技术局', 2022],
  db5428ea704a808e: ['临淄区人民政府办公室', 2023],
};
const FLAGS: FlagContext[] = FIXTURE_FLAGS.map((f) => ({
  fingerprint: f.fingerprint,
  report_id: f.report_id,
  agency: AGENCY[f.report_id][0],
  year: AGENCY[f.report_id][1],
  rule: f.rule,
  subject: f.subject,
}));
const flag = (rule: string, subject: string) => FLAGS.find((f) => f.rule === rule && f.subject === subject)!;
const T0 = new Date('2025-03-01T08:30:00.000Z');
const T1 = new Date('2025-03-02T09:00:00.000Z');

function decide(f: FlagContext, d: 'confirmed' | 'dismissed', note: string, at = T0): Decision {
  const r = makeDecision(f, d, note, at);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('the fixture flags carry the fingerprints the ingest computes', () => {
  it('rowFingerprint of each row equals its fingerprint column', () => {
    for (const f of FIXTURE_FLAGS) expect(rowFingerprint({ ...f, fingerprint: undefined })).toBe(f.fingerprint);
    expect(flag('TABLE_MISSING', 't2').fingerprint).toBe('1953fb01f05d468f'); // as in data/build/flags.csv
  });
});

describe('makeDecision', () => {
  it('confirms with or without a note, stamped with the time, carrying the flag context', () => {
    const d = decide(flag('TABLE_MISSING', 't3'), 'confirmed', '');
    expect(d).toEqual({
      fingerprint: '1853f96eef5d44fc',
      decision: 'confirmed',
      note: '',
      decided_at: '2025-03-01T08:30:00.000Z',
      report_id: '6097eb29f1d289bb',
      agency: '威海市文登区科学技术局',
      year: 2022,
      rule: 'TABLE_MISSING',
      subject: 't3',
    });
  });
  it('refuses a dismissal without a reason, in Chinese, saying what to do', () => {
    const r = makeDecision(flag('CELL_INFERRED', 't3.granted.natural_person'), 'dismissed', '   ', T0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^驳回时请在备注中写明理由.*再点“驳回”/);
  });
  it('refuses a malformed fingerprint', () => {
    const r = makeDecision({ ...FLAGS[0], fingerprint: 'xyz' }, 'confirmed', '', T0);
    expect(r.ok).toBe(false);
  });
});

describe('export and import', () => {
  const decisions = [
    decide(flag('CELL_INFERRED', 't3.granted.natural_person'), 'dismissed', '=1+1 原文表格第一列确为 1，推算无误, 驳回'),
    decide(flag('TABLE_MISSING', 't2'), 'confirmed', '表格为图片，"确实"无法读取\n第二行'),
    decide(flag('CELL_MISSING', 't2.normative_documents.repealed'), 'confirmed', '-'),
  ];

  it('writes a BOM, the header and CRLF rows, formulas escaped', () => {
    const csv = decisionsToCsv(decisions);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe(DECISION_COLUMNS.join(','));
    expect(csv).toContain("'=1+1 原文表格第一列确为 1");
    expect(csv).toContain(`,"'-",`);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(4);
    // Ordered by agency (zh-CN), then year and rule.
    expect(rows.slice(1).map((r) => r[DECISION_COLUMNS.indexOf('agency')])).toEqual(['临淄区人民政府办公室', '威海市文登区科学技术局', '运城市科学技术局']);
  });

  it('reads its own export back exactly', () => {
    const r = parseDecisionsCsv(decisionsToCsv(decisions), T1);
    expect(r.ok).toBe(true);
    if (r.ok) expect([...r.value].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint))).toEqual([...decisions].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)));
  });

  it('accepts Chinese decision values, columns in another order, LF, and an empty date (then the import time)', () => {
    const text = 'decision,note,fingerprint\n驳回,解析有误,435fdabe51f789c0\n确认,,1953fb01f05d468f\nDISMISSED,重复,8006b7fdc2d6fe0f\n';
    const r = parseDecisionsCsv(text, T1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((d) => [d.fingerprint, d.decision, d.note, d.decided_at, d.rule])).toEqual([
      ['435fdabe51f789c0', 'dismissed', '解析有误', T1.toISOString(), null],
      ['1953fb01f05d468f', 'confirmed', '', T1.toISOString(), null],
      ['8006b7fdc2d6fe0f', 'dismissed', '重复', T1.toISOString(), null],
    ]);
  });
});

describe('decodeDecisionFile', () => {
  it('reads UTF-8 with a BOM, and the GB18030 that Excel on Chinese Windows writes', () => {
    const utf8 = new TextEncoder().encode(decisionsToCsv([]));
    expect(decodeDecisionFile(utf8)).toEqual({ ok: true, value: decisionsToCsv([]).slice(1) }); // the decoder drops the BOM
    // "fingerprint,decision,note\r\n435fdabe51f789c0,驳回,原文无误\r\n" encoded as GBK.
    const hex = '66696e6765727072696e742c6465636973696f6e2c6e6f74650d0a343335666461626535316637383963302cb2b5bbd82cd4adcec4cedecef30d0a';
    const gbk = new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
    const r = decodeDecisionFile(gbk);
    expect(r).toEqual({ ok: true, value: 'fingerprint,decision,note\r\n435fdabe51f789c0,驳回,原文无误\r\n' });
    if (r.ok) expect(parseDecisionsCsv(r.value, T1)).toMatchObject({ ok: true, value: [{ decision: 'dismissed', note: '原文无误' }] });
  });
  it('refuses a zip (.xlsx) by its signature', () => {
    const r = decodeDecisionFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('Excel 工作簿');
  });
});

describe('bad import files are refused with a message saying what was wrong and what to do', () => {
  const expectError = (text: string, ...parts: Array<string | RegExp>) => {
    const r = parseDecisionsCsv(text, T1);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const p of parts) expect(r.error).toMatch(p);
    expect(r.error).toContain('现有的审核结果没有任何改动');
  };

  it('a dashboard view CSV (wrong columns)', () => {
    const viewCsv = rowsToCsv(
      FIXTURE_FLAGS.map((f) => ({ ...f, agency: AGENCY[f.report_id][0], region: '', year: AGENCY[f.report_id][1], rule_label: '' })),
      COMPLIANCE_VIEW.columns.map((c) => c.key),
    );
    // The 合规 download has a fingerprint column (to match decisions) but no decision column.
    expectError(viewCsv, '缺少必需的列 decision（', '文件第一行是“agency,region,year', '不是看板视图下载的 CSV');
    expectError('机关,年度\n运城市科学技术局,2022\n', '缺少必需的列 fingerprint、decision');
  });
  it('unknown decision values, listing the rows', () => {
    expectError(
      'fingerprint,decision,note\n435fdabe51f789c0,maybe,x\n1953fb01f05d468f,,\n8006b7fdc2d6fe0f,confirmed,\n',
      'decision 列有无法识别的值：第 2 行“maybe”；第 3 行“”',
      '只能是 confirmed（确认）或 dismissed（驳回）',
    );
  });
  it('not CSV: an .xlsx (zip) file, binary bytes, an empty file, a header only', () => {
    expectError('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml', 'Excel 工作簿', 'CSV UTF-8');
    expectError('\u0000\u0001\u0002garbage\u0000', '不是文本 CSV 文件');
    expectError('', '文件是空的');
    expectError(`${BOM}fingerprint,decision,note\r\n`, '没有审核记录');
  });
  it('bad fingerprints, duplicates, a dismissal without a note, a bad date, an unclosed quote', () => {
    expectError('fingerprint,decision\n1.95E+15,confirmed\n', '第 2 行 fingerprint “1.95e+15” 不是 16 位十六进制指纹', 'Excel');
    expectError('fingerprint,decision,note\n435fdabe51f789c0,confirmed,\n435fdabe51f789c0,dismissed,x\n', '第 3 行与第 2 行的 fingerprint 相同');
    expectError('fingerprint,decision,note\n435fdabe51f789c0,dismissed,\n', '第 2 行是驳回，但 note（备注）为空');
    expectError('fingerprint,decision,decided_at\n435fdabe51f789c0,confirmed,昨天\n', 'decided_at “昨天” 不是日期时间');
    expectError('fingerprint,decision,note\n435fdabe51f789c0,confirmed,"unclosed\n', '引号不成对');
  });
});

describe('dates: a decision cannot be made after tomorrow', () => {
  const fp = flag('TABLE_MISSING', 't2').fingerprint;
  it('refuses a decided_at later than tomorrow at the import time, naming the row and what to do', () => {
    const r = parseDecisionsCsv(`fingerprint,decision,decided_at\n${fp},confirmed,9999-12-31\n`, T1);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain('第 2 行 decided_at “9999-12-31” 晚于明天（2025-03-03）');
      expect(r.error).toContain('请改为实际的审核日期');
      expect(r.error).toContain('现有的审核结果没有任何改动');
    }
    // One day ahead (a clock or time zone apart) is still accepted; a minute more is not.
    const tomorrow = new Date(T1.getTime() + 24 * 3600 * 1000);
    expect(parseDecisionsCsv(`fingerprint,decision,decided_at\n${fp},confirmed,${tomorrow.toISOString()}\n`, T1).ok).toBe(true);
    const later = new Date(tomorrow.getTime() + 60_000);
    expect(parseDecisionsCsv(`fingerprint,decision,decided_at\n${fp},confirmed,${later.toISOString()}\n`, T1).ok).toBe(false);
  });
  it('a stored decision dated 9999-12-31 does not win a later merge', () => {
    const f = flag('TABLE_MISSING', 't2');
    const poisoned: Decision = { ...decide(f, 'confirmed', '旧的'), decided_at: '9999-12-31T00:00:00.000Z' };
    const real = decide(f, 'dismissed', '表格其实可读', T1);
    const m = mergeDecisions([poisoned], [real], T1);
    expect({ updated: m.updated, keptNewer: m.keptNewer }).toEqual({ updated: 1, keptNewer: 0 });
    expect(m.merged).toEqual([real]);
    // Without the guard the far-future date would have been kept as the newer one.
    expect(mergeDecisions([poisoned], [real], new Date('9999-12-31T00:00:00.000Z')).keptNewer).toBe(1);
  });
});

describe('an import of 100,000 rows', () => {
  it('reads and merges linearly: every row, no problem, in seconds not minutes', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      ...decide(FLAGS[i % FLAGS.length], i % 2 ? 'dismissed' : 'confirmed', i % 2 ? `原文表格如此（第 ${i} 条）` : ''),
      fingerprint: i.toString(16).padStart(16, '0'),
    }));
    const csv = decisionsToCsv(rows);
    const t0 = performance.now();
    const r = parseDecisionsCsv(csv, T1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(100_000);
    const m = mergeDecisions(r.value.slice(0, 50_000), r.value, T1);
    expect({ added: m.added, unchanged: m.unchanged, merged: m.merged.length }).toEqual({ added: 50_000, unchanged: 50_000, merged: 100_000 });
    // A generous bound on a shared machine (about 1 s here): a quadratic step would take minutes.
    expect(performance.now() - t0).toBeLessThan(15_000);
  });
});

describe('merge and orphans', () => {
  const a = decide(flag('CELL_INFERRED', 't3.granted.natural_person'), 'dismissed', '原文可见该数', T0);
  const b = decide(flag('TABLE_MISSING', 't2'), 'confirmed', '', T0);
  const orphan: Decision = { ...a, fingerprint: 'ffffffffffffffff', report_id: '0123456789abcdef', note: '旧数据的一条' };

  it('adds new decisions, keeps identical ones, replaces older ones, keeps newer local ones, never removes', () => {
    const bNewer = { ...b, decision: 'dismissed' as const, note: '图片可读', decided_at: T1.toISOString() };
    const aOlder = { ...a, note: '旧备注', decided_at: '2025-01-01T00:00:00.000Z' };
    const c = decide(flag('TABLE_MISSING', 't4'), 'confirmed', '', T1);
    const m = mergeDecisions([a, b, orphan], [aOlder, bNewer, c]);
    expect({ added: m.added, updated: m.updated, unchanged: m.unchanged, keptNewer: m.keptNewer }).toEqual({ added: 1, updated: 1, unchanged: 0, keptNewer: 1 });
    expect(m.toWrite.map((d) => d.fingerprint).sort()).toEqual([bNewer.fingerprint, c.fingerprint].sort());
    expect(m.merged).toHaveLength(4);
    expect(m.merged.find((d) => d.fingerprint === a.fingerprint)!.note).toBe('原文可见该数');
    expect(m.merged.find((d) => d.fingerprint === orphan.fingerprint)).toEqual(orphan);
    expect(describeMerge(m)).toBe('导入完成：新增 1 条，更新 1 条，相同 0 条，1 条本机的审核结果比文件中的更新，保留本机的。');
    expect(mergeDecisions([a], [a]).unchanged).toBe(1);
  });

  it('tells decisions whose flag is gone (orphans) from matched ones, and counts by status', () => {
    const all = new Set(FLAGS.map((f) => f.fingerprint));
    const { matched, orphaned } = reconcileDecisions([a, b, orphan], all);
    expect(matched.map((d) => d.fingerprint)).toEqual([a.fingerprint, b.fingerprint]);
    expect(orphaned).toEqual([orphan]);
    const map = new Map([a, b, orphan].map((d) => [d.fingerprint, d]));
    expect(reviewCounts(FLAGS.map((f) => f.fingerprint), map, all)).toEqual({ total: 6, open: 4, confirmed: 1, dismissed: 1, orphaned: 1 });
  });

  it('checks records read back from storage', () => {
    expect(readStoredDecision(a)).toEqual(a);
    expect(readStoredDecision({ ...a, decision: 'maybe' })).toBeNull();
    expect(readStoredDecision('x')).toBeNull();
    // Each field as the schema checks it, whether the record has exactly the schema's keys or more.
    for (const extra of [{}, { legacy: 1 }]) {
      expect(readStoredDecision({ ...a, ...extra, fingerprint: 'ABC' })).toBeNull();
      expect(readStoredDecision({ ...a, ...extra, decided_at: 'yesterday' })).toBeNull();
      expect(readStoredDecision({ ...a, ...extra, year: 2022.5 })).toBeNull();
      expect(readStoredDecision({ ...a, ...extra, year: 2 ** 60 })).toBeNull();
      expect(readStoredDecision({ ...a, ...extra, agency: 7 })).toBeNull();
      expect(readStoredDecision({ ...a, ...extra, note: null })).toBeNull();
      expect(readStoredDecision({ ...a, ...extra, rule: null, subject: null, year: null })).toEqual({ ...a, rule: null, subject: null, year: null });
    }
    const { subject: _dropped, ...noSubject } = a;
    expect(readStoredDecision({ ...noSubject, legacy: 1 })).toBeNull(); // nine keys, but not the schema's
    expect(readStoredDecision({ ...a, legacy: 1 })).toEqual(a); // an extra key is dropped
  });

  it('names the export file by date', () => {
    expect(decisionsFileName(new Date(2025, 2, 1, 23, 59))).toBe('审核结果_2025-03-01.csv');
    expect(decisionsFileName(new Date(2025, 2, 1, 23, 59), zhFill)).toBe('审核结果_2025-03-01.csv');
    expect(decisionsFileName(new Date(2025, 10, 30), makeTranslate('en', EN))).toBe('review-decisions_2025-11-30.csv');
  });
});

describe('messages in English (issue 10)', () => {
  const en = makeTranslate('en', EN);
  const HAN = /[\u3400-\u9fff]/;
  const T = new Date('2025-03-01T08:30:00.000Z');
  it('a refused import says what was wrong and what to do, in English', () => {
    const bad = 'fingerprint,decision,note\nnot-a-fingerprint,dismissed,\n0123456789abcdef,maybe,\n';
    const r = parseDecisionsCsv(bad, T, en);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^Import failed: the decision column has values that cannot be read: row 3 “maybe”; only confirmed or dismissed are allowed; row 2: fingerprint “not-a-fingerprint” is not a 16-digit/);
    expect(r.error).toMatch(/\. Correct it and import again; the existing decisions are unchanged\.$/);
    expect(r.error).not.toMatch(HAN);
    for (const text of ['', 'fingerprint,decision\n', 'a,b\n1,2\n']) {
      const x = parseDecisionsCsv(text, T, en);
      expect(x.ok).toBe(false);
      if (!x.ok) expect(x.error, text).not.toMatch(HAN);
    }
    const zip = decodeDecisionFile(new Uint8Array([0x50, 0x4b, 3, 4, 0]), en);
    expect(!zip.ok && zip.error).toMatch(/^Import failed: this is a compressed file/);
  });
  it('Chinese unchanged without t; the merge sentence and a dismissal without a note in English', () => {
    expect(parseDecisionsCsv('fingerprint,decision\n', T)).toEqual(parseDecisionsCsv('fingerprint,decision\n', T, zhFill));
    expect(describeMerge({ added: 1, updated: 0, unchanged: 2, keptNewer: 1 }, en)).toBe(
      " imported: 1 added, 0 updated, 2 unchanged, 1 kept from this browser (newer than the file's).",
    );
    const d = makeDecision({ fingerprint: '0123456789abcdef', report_id: null, agency: null, year: null, rule: null, subject: null }, 'dismissed', ' ', T, en);
    expect(!d.ok && d.error).toMatch(/^To dismiss, write the reason in the note/);
  });
});
