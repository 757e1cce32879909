/**
 * Decision buckets: decisions made on the real flags of tests/fixtures (hand-copied from
 * data/seeds, with the fingerprints the ingest writes) grouped into buckets as a v1 store's
 * records are moved over (none lost, foreign values kept), written into and read back.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { applyToBucket, decisionBucket, decisionsByBucket, groupIntoBuckets, readBuckets, DECISION_BUCKET_COUNT } from './decision-buckets';
import { makeDecision, type Decision } from './decisions';

const FIXTURE_FLAGS = Papa.parse<Record<string, string>>(
  readFileSync(fileURLToPath(new URL('../../tests/fixtures/flags.csv', import.meta.url)), 'utf8'),
  { header: true, skipEmptyLines: true },
).data;
const T0 = new Date('2025-03-01T08:30:00.000Z');

/** A decision on each fixture flag: dismissed with a note on odd rows, confirmed on even ones. */
const DECISIONS: Decision[] = FIXTURE_FLAGS.map((f, i) => {
  const r = makeDecision(
    { fingerprint: f.fingerprint, report_id: f.report_id, agency: null, year: null, rule: f.rule, subject: f.subject },
    i % 2 ? 'dismissed' : 'confirmed',
    i % 2 ? '原文表格如此，解析无误' : '',
    T0,
  );
  if (!r.ok) throw new Error(r.error);
  return r.value;
});
const byFp = (ds: readonly Decision[]) => new Map(ds.map((d) => [d.fingerprint, d]));

describe('decisionBucket', () => {
  it('is two hex digits: the low byte of the FNV-1a hash', () => {
    expect(FIXTURE_FLAGS.length).toBe(6);
    for (const d of DECISIONS) expect(decisionBucket(d.fingerprint)).toMatch(/^[0-9a-f]{2}$/);
    // FNV-1a of '' is 0x811c9dc5 (low byte c5); of 'a' 0xe40c292c (low byte 2c).
    expect(decisionBucket('')).toBe('c5');
    expect(decisionBucket('a')).toBe('2c');
  });
  it('spreads 100,000 sequential fingerprints over all 256 buckets, none with more than twice its share', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const b = decisionBucket(i.toString(16).padStart(16, '0'));
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    expect(counts.size).toBe(DECISION_BUCKET_COUNT);
    expect(Math.max(...counts.values())).toBeLessThan((2 * 100_000) / DECISION_BUCKET_COUNT);
    expect(Math.min(...counts.values())).toBeGreaterThan(100_000 / DECISION_BUCKET_COUNT / 2);
  });
});

describe('moving v1 records (one per decision) into buckets', () => {
  it('keeps every decision, and a value of another shape as it is (counted unreadable)', () => {
    const foreign = { fingerprint: 'ffffffffffffffff', verdict: 'ok' }; // written by some other version
    const v1: [string, unknown][] = [...DECISIONS.map((d) => [d.fingerprint, d] as [string, unknown]), [foreign.fingerprint, foreign]];
    const buckets = groupIntoBuckets(v1);
    expect(buckets.reduce((n, b) => n + b.decisions.size, 0)).toBe(7);
    for (const b of buckets) for (const fp of b.decisions.keys()) expect(decisionBucket(fp)).toBe(b.bucket);
    const back = readBuckets(buckets);
    expect(back.unreadable).toBe(1);
    expect(byFp(back.decisions)).toEqual(byFp(DECISIONS));
    expect(buckets.find((b) => b.bucket === decisionBucket(foreign.fingerprint))?.decisions.get(foreign.fingerprint)).toBe(foreign);
  });
  it('counts a stored record that is not a bucket as unreadable, and a decision filed under another fingerprint', () => {
    const [a, b] = DECISIONS;
    const r = readBuckets([{ bucket: decisionBucket(a.fingerprint), decisions: new Map<string, unknown>([[a.fingerprint, a], [b.fingerprint.replace(/.$/, '0'), b]]) }, 'junk']);
    expect(r).toEqual({ decisions: [a], unreadable: 2 });
  });
});

describe('applyToBucket', () => {
  it('replaces and removes only the given fingerprints and leaves the stored bucket unchanged', () => {
    const [a, b, c] = DECISIONS;
    const stored = { bucket: 'zz', decisions: new Map<string, unknown>([[a.fingerprint, a], [b.fingerprint, b], ['other', 42]]) };
    const a2: Decision = { ...a, decision: 'dismissed', note: '复核后驳回', decided_at: '2025-04-01T00:00:00.000Z' };
    const next = applyToBucket('zz', stored, [a2, c], [b.fingerprint]);
    expect(next).toEqual({ bucket: 'zz', decisions: new Map<string, unknown>([[a.fingerprint, a2], ['other', 42], [c.fingerprint, c]]) });
    expect(stored.decisions.get(a.fingerprint)).toBe(a);
    expect(stored.decisions.size).toBe(3);
    expect(applyToBucket('zz', undefined, [c])).toEqual({ bucket: 'zz', decisions: new Map([[c.fingerprint, c]]) });
    // A stored value that is not a bucket (another shape) starts a new bucket.
    expect(applyToBucket('zz', { bucket: 'zz', decisions: { [a.fingerprint]: a } }, [c])).toEqual({ bucket: 'zz', decisions: new Map([[c.fingerprint, c]]) });
  });
  it('decisionsByBucket then applyToBucket on every group holds each decision once', () => {
    const groups = decisionsByBucket(DECISIONS);
    const buckets = [...groups].map(([k, ds]) => applyToBucket(k, undefined, ds));
    expect(byFp(readBuckets(buckets).decisions)).toEqual(byFp(DECISIONS));
  });
});
