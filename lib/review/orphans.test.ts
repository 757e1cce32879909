/**
 * 报告未载入 vs 孤立 (issue 10): decisions on the real flags of tests/fixtures (hand-copied from
 * data/seeds), with one report's flags absent as in a tab that did not load it, and a rule version
 * bumped on a loaded report.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { flagFingerprint } from '../model/make-flag';
import { makeDecision, reconcileDecisions, type Decision } from './decisions';
import { classifyOrphans, orphanReason, ORPHAN_REASON_TEXT } from './orphans';

const read = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(fileURLToPath(new URL(`../../tests/fixtures/${name}`, import.meta.url)), 'utf8'), { header: true, skipEmptyLines: true }).data;
const FLAGS = read('flags.csv');
const REPORT_IDS = read('reports.csv').map((r) => r.report_id);
/** Seed 004 临淄区人民政府办公室 2023: as if uploaded in another tab, so not loaded here. */
const ELSEWHERE = 'db5428ea704a808e';
/** Seed 003 运城市科学技术局 2022: loaded here. */
const LOADED = 'c0d392a57191d65c';

function decideOn(f: Record<string, string>, fingerprint = f.fingerprint): Decision {
  const r = makeDecision({ fingerprint, report_id: f.report_id, agency: null, year: null, rule: f.rule, subject: f.subject }, 'confirmed', '', new Date('2025-03-01T08:30:00.000Z'));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('classifyOrphans', () => {
  const loadedIds = new Set(REPORT_IDS.filter((id) => id !== ELSEWHERE));
  const here = new Set(FLAGS.filter((f) => loadedIds.has(f.report_id)).map((f) => f.fingerprint));
  const elsewhere = FLAGS.filter((f) => f.report_id === ELSEWHERE);
  const loaded = FLAGS.find((f) => f.report_id === LOADED)!;
  // The same flag under the next rule version: the fingerprint the data would now have is another.
  const bumped = decideOn(loaded, flagFingerprint({ report_id: loaded.report_id, rule: loaded.rule, rule_version: Number(loaded.rule_version) + 1, subject: loaded.subject.split(';') }));
  const decisions = [...elsewhere.map((f) => decideOn(f)), decideOn(loaded), bumped, { ...decideOn(loaded, 'abcdefabcdefabcd'), report_id: null }];

  it('a report not loaded in this tab is 报告未载入; a loaded report without the flag, or no report id, is 孤立', () => {
    expect(elsewhere.length).toBeGreaterThan(0);
    const { matched, orphaned } = reconcileDecisions(decisions, here);
    expect(matched.map((d) => d.fingerprint)).toEqual([loaded.fingerprint]);
    const c = classifyOrphans(orphaned, loadedIds);
    expect(c.not_loaded.map((d) => d.fingerprint)).toEqual(elsewhere.map((f) => f.fingerprint));
    expect(c.orphaned.map((d) => d.fingerprint)).toEqual([bumped.fingerprint, 'abcdefabcdefabcd']);
  });

  it('once the report is loaded (the same file uploaded here), its decisions match again', () => {
    const all = new Set(FLAGS.map((f) => f.fingerprint));
    const { orphaned } = reconcileDecisions(decisions, all);
    expect(classifyOrphans(orphaned, new Set(REPORT_IDS)).not_loaded).toEqual([]);
    expect(orphanReason({ report_id: ELSEWHERE }, new Set(REPORT_IDS))).toBe('orphaned');
  });

  it('says 报告未载入 and what to do, distinct from 孤立', () => {
    expect(ORPHAN_REASON_TEXT.not_loaded.label).toBe('报告未载入');
    expect(ORPHAN_REASON_TEXT.not_loaded.explanation).toContain('上传同一文件');
    expect(ORPHAN_REASON_TEXT.orphaned.explanation).toContain('规则版本变化');
  });
});
