/**
 * How review decisions are grouped for storage: in {@link DECISION_BUCKET_COUNT} buckets, each one
 * stored record `{ bucket, decisions: Map(fingerprint → Decision) }`, instead of one record per
 * decision. Storing 100,000 decisions is then a few hundred writes instead of 100,000 — what
 * makes an import of a 100,000-row file fit in 3 s (issue 12; tests/bench/bench-review-import.ts).
 *
 * A decision's bucket is a hash of its whole fingerprint (FNV-1a, low 8 bits), not its first
 * digits: fingerprints are hashes already, but a hand-made or test file with sequential
 * fingerprints would otherwise land in a single bucket.
 *
 * The decisions of a bucket are a Map (IndexedDB stores Maps as they are): copying a bucket of
 * hundreds of decisions to change a few is several times faster than with a plain object.
 *
 * Pure functions only (no IndexedDB here: app/_lib/decision-store.ts stores the buckets). A stored
 * value that is not a {@link Decision} (written by another version) is kept in its bucket as it
 * is, never dropped, and only counted as unreadable.
 */
import { readStoredDecision, type Decision } from './decisions';

/** How many buckets the decisions are spread over (keys `00` … `ff`). */
export const DECISION_BUCKET_COUNT = 256;

/**
 * One stored bucket: its key (two lowercase hex digits, {@link decisionBucket}) and its decisions
 * by fingerprint. Values are `unknown` because storage may hold records of another version.
 */
export interface DecisionBucket {
  bucket: string;
  decisions: Map<string, unknown>;
}

/**
 * The bucket of a fingerprint: two lowercase hex digits (`00`–`ff`), the low 8 bits of the
 * 32-bit FNV-1a hash of the fingerprint's UTF-16 code units. Same input, same bucket, in every
 * browser and in Node.
 */
export function decisionBucket(fingerprint: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < fingerprint.length; i++) {
    h ^= fingerprint.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h & 0xff).toString(16).padStart(2, '0');
}

/**
 * Group stored values by bucket: `entries` are `[fingerprint, value]` pairs (as a v1 store held
 * them, one record per decision, keyed by fingerprint; values of any shape are kept as they
 * are). Returns one {@link DecisionBucket} per bucket that receives at least one entry. A
 * fingerprint given twice keeps its last value.
 */
export function groupIntoBuckets(entries: Iterable<readonly [string, unknown]>): DecisionBucket[] {
  const byBucket = new Map<string, DecisionBucket>();
  for (const [fingerprint, value] of entries) {
    const key = decisionBucket(fingerprint);
    let b = byBucket.get(key);
    if (!b) byBucket.set(key, (b = { bucket: key, decisions: new Map() }));
    b.decisions.set(fingerprint, value);
  }
  return [...byBucket.values()];
}

/**
 * Group the decisions to write by bucket key: one array of decisions per bucket they fall in.
 * The caller reads each of those buckets, applies them ({@link applyToBucket}) and writes it back.
 */
export function decisionsByBucket(decisions: readonly Decision[]): Map<string, Decision[]> {
  const out = new Map<string, Decision[]>();
  for (const d of decisions) {
    const key = decisionBucket(d.fingerprint);
    const list = out.get(key);
    if (list) list.push(d);
    else out.set(key, [d]);
  }
  return out;
}

/**
 * The bucket `key` after writing `decisions` into it (each replaces the stored value of its
 * fingerprint) and removing the fingerprints in `remove`. `stored` is the bucket as read from
 * storage (undefined when there is none yet, or when it has another shape: then a new bucket is
 * started — a v2 store only ever holds DecisionBucket records). Every other stored value is kept
 * as it is. Returns a new object; `stored` is not changed.
 */
export function applyToBucket(
  key: string,
  stored: unknown,
  decisions: readonly Decision[],
  remove: readonly string[] = [],
): DecisionBucket {
  const next = new Map<string, unknown>(isBucket(stored) ? stored.decisions : undefined);
  for (const d of decisions) next.set(d.fingerprint, d);
  for (const fp of remove) next.delete(fp);
  return { bucket: key, decisions: next };
}

/**
 * Every decision held by the stored buckets, in bucket order, each checked with
 * readStoredDecision; values that are not a Decision are counted in `unreadable` (and left in
 * storage). Stored records that are not buckets at all count as one unreadable each.
 */
export function readBuckets(stored: readonly unknown[]): { decisions: Decision[]; unreadable: number } {
  const decisions: Decision[] = [];
  let unreadable = 0;
  for (const b of stored) {
    if (!isBucket(b)) {
      unreadable++;
      continue;
    }
    for (const [fp, value] of b.decisions) {
      const d = readStoredDecision(value);
      if (d && d.fingerprint === fp) decisions.push(d);
      else unreadable++;
    }
  }
  return { decisions, unreadable };
}

function isBucket(v: unknown): v is DecisionBucket {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as { bucket?: unknown; decisions?: unknown };
  return typeof b.bucket === 'string' && b.decisions instanceof Map;
}
