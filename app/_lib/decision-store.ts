/**
 * Review decisions kept in the browser's IndexedDB (through the `idb` package): database
 * `gov-disclosure-review`, version 2, object store `decision_buckets`, one record per bucket of
 * decisions — `{ bucket, decisions: Map(fingerprint → Decision) }` (lib/review/decision-buckets.ts
 * says which bucket a fingerprint falls in), each value a {@link Decision} of
 * lib/review/decisions.ts. A few hundred records instead of one per decision: an import of
 * 100,000 decisions writes at most 256 records (issue 12: under 3 s). Records survive reloads and
 * browser restarts (they are removed only by clearing the site's data in the browser).
 *
 * Version 1 kept one record per decision in the store `decisions`; opening a version-1 database
 * moves every record (of any shape) into its bucket and removes the old store, in the upgrade's
 * one transaction — if it fails the database stays at version 1 with every record. Store `meta`
 * holds a random stamp of the last write (key `stamp`), so a tab can tell whether its copy of the
 * buckets is current.
 *
 * This is the only place that touches IndexedDB; the decision logic (validation, merge, orphans)
 * is in lib/review. Every function returns its failure as data with a Chinese message that says
 * what to do. A write reads the buckets it changes and writes them back in one transaction: all
 * or nothing, and decisions written meanwhile by another tab are kept; an import reads, merges
 * and writes in one transaction ({@link mergeIntoStore}).
 * Other tabs of the dashboard are told of every write through a BroadcastChannel.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Result } from '@/lib/model/result';
import { errorDetail, errorDetailInParens } from '@/lib/model/error-detail';
import { zhT, type Translate } from '@/lib/present/i18n/translate';
import type { Decision, MergeResult } from '@/lib/review/decisions';
import { applyToBucket, decisionBucket, decisionsByBucket, groupIntoBuckets, readBuckets, type DecisionBucket } from '@/lib/review/decision-buckets';

/** IndexedDB database name and version. */
export const REVIEW_DB_NAME = 'gov-disclosure-review';
const REVIEW_DB_VERSION = 2;
const STORE = 'decision_buckets';
/** The version-1 store: one record per decision, keyed by fingerprint. */
const V1_STORE = 'decisions';
/** Store of one text under key `stamp`: a random id written anew with every write of the buckets. */
const META = 'meta';
const CHANNEL = 'gov-disclosure-review';

interface ReviewDb extends DBSchema {
  decision_buckets: { key: string; value: DecisionBucket };
  meta: { key: string; value: string };
}

let dbPromise: Promise<IDBPDatabase<ReviewDb>> | null = null;

/**
 * This tab's copy of the stored buckets as of the write stamped `stamp` (the `meta` record): an
 * import compares it with the stored stamp inside its transaction and reads the buckets again
 * only when another tab has written since — reading 100,000 decisions back would take a second.
 * Every write of every tab stores a new random stamp ('' before the first).
 */
let cache: { stamp: string; buckets: Map<string, DecisionBucket> } | null = null;

/** A new write stamp: random, so that equal stamps mean the same stored buckets. */
function newStamp(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/** The stored stamp read by `read` ('' when none). */
const stampOf = (read: IDBRequest<unknown>): string => (typeof read.result === 'string' ? read.result : '');

function unavailable(e: unknown, t: Translate = zhT): string {
  const msg = errorDetail(e);
  return t('浏览器没能打开本机的审核结果存储（IndexedDB{{detail}}）。请不要使用无痕/隐私窗口，并允许本站在本机保存数据，然后刷新页面；在此之前做出的审核结果无法保存。', {
    detail: msg ? `${t('：')}${msg}` : '',
  });
}

/**
 * Creates the bucket store and moves the version-1 records into it (inside the upgrade's
 * versionchange transaction `tx`): every record of `decisions`, keyed by its fingerprint, goes to
 * its bucket unchanged; then the old store is deleted. A failure aborts the upgrade (nothing lost).
 */
function upgrade(db: IDBPDatabase<ReviewDb>, tx: IDBPTransaction<ReviewDb, StoreNames<ReviewDb>[], 'versionchange'>): void {
  if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'bucket' });
  if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
  const raw = unwrap(tx);
  if (!raw.objectStoreNames.contains(V1_STORE)) return;
  const old = raw.objectStore(V1_STORE);
  const keys = old.getAllKeys();
  const values = old.getAll();
  // Requests of one transaction complete in order: when `values` is done, `keys` is too.
  values.onsuccess = () => {
    const entries = keys.result.map((k, i) => [String(k), values.result[i]] as const);
    const buckets = raw.objectStore(STORE);
    for (const b of groupIntoBuckets(entries)) buckets.put(b);
    raw.db.deleteObjectStore(V1_STORE);
  };
}

function open(): Promise<IDBPDatabase<ReviewDb>> {
  if (!dbPromise) {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('此浏览器不支持 IndexedDB'));
    const p = openDB<ReviewDb>(REVIEW_DB_NAME, REVIEW_DB_VERSION, {
      upgrade: (db, _oldVersion, _newVersion, tx) => upgrade(db, tx),
      blocking() {
        // A newer version of the dashboard wants to upgrade in another tab: let it.
        void p.then((db) => db.close());
        dbPromise = null;
      },
    });
    dbPromise = p;
    p.catch(() => {
      if (dbPromise === p) dbPromise = null;
    });
  }
  return dbPromise;
}

/**
 * Tells every listener ({@link onDecisionsChanged}) that decisions were written. `from` names the
 * writer, so that it can skip its own message (it already holds what it wrote).
 */
function announce(from: string | undefined): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const c = new BroadcastChannel(CHANNEL);
  c.postMessage({ changed: true, from: from ?? null });
  c.close();
}

/**
 * Every stored decision. Values that do not match the Decision shape (written by another
 * version) are left in storage untouched and only counted in `unreadable`.
 */
export async function loadDecisions(t: Translate = zhT): Promise<Result<{ decisions: Decision[]; unreadable: number }>> {
  try {
    const db = await open();
    const tx = db.transaction([STORE, META]);
    const [buckets, stamp] = await Promise.all([tx.objectStore(STORE).getAll(), tx.objectStore(META).get('stamp'), tx.done]);
    cache = { stamp: stamp ?? '', buckets: new Map(buckets.map((b) => [b.bucket, b])) };
    return { ok: true, value: readBuckets(buckets) };
  } catch (e) {
    return { ok: false, error: unavailable(e, t) };
  }
}

/**
 * In one readwrite transaction, reads each bucket named in `changes` and writes it back with its
 * decisions put and fingerprints removed ({@link applyToBucket}); resolves when the transaction
 * has committed, rejects (nothing written) when it fails. Plain IndexedDB requests, no promise
 * per bucket.
 */
async function changeBuckets(changes: ReadonlyMap<string, { put: readonly Decision[]; remove: readonly string[] }>): Promise<void> {
  const db = await open();
  const tx = db.transaction([STORE, META], 'readwrite');
  const store = unwrap(tx.objectStore(STORE));
  const written: DecisionBucket[] = [];
  for (const [key, { put, remove }] of changes) {
    const read = store.get(key);
    read.onsuccess = () => {
      const b = applyToBucket(key, read.result, put, remove);
      store.put(b);
      written.push(b);
    };
  }
  const [stamps] = await Promise.all([restamp(tx), tx.done]);
  if (cache?.stamp === stamps.before) {
    for (const b of written) cache.buckets.set(b.bucket, b);
    cache.stamp = stamps.after;
  } else cache = null;
}

/**
 * Replaces the write stamp in transaction `tx` (the `meta` store) with a new one; resolves to the
 * stamp before and after.
 */
function restamp(tx: IDBPTransaction<ReviewDb, (typeof STORE | typeof META)[], 'readwrite'>): Promise<{ before: string; after: string }> {
  const meta = unwrap(tx.objectStore(META));
  const read = meta.get('stamp');
  return new Promise((resolve) => {
    read.onsuccess = () => {
      const after = newStamp();
      meta.put(after, 'stamp');
      resolve({ before: stampOf(read), after });
    };
  });
}

/**
 * Store decisions (replacing those with the same fingerprint) in one transaction: all or none.
 * Writes only the buckets they fall in (at most 256 records, whatever their number). `from` is
 * the writer's id for {@link onDecisionsChanged}. Resolves to the number of decisions written.
 */
export async function putDecisions(decisions: readonly Decision[], from?: string, t: Translate = zhT): Promise<Result<number>> {
  if (decisions.length === 0) return { ok: true, value: 0 };
  try {
    const changes = new Map([...decisionsByBucket(decisions)].map(([key, put]) => [key, { put, remove: [] }]));
    await changeBuckets(changes);
    announce(from);
    return { ok: true, value: decisions.length };
  } catch (e) {
    return { ok: false, error: t('审核结果没有保存{{detail}}。请刷新页面后重试；如仍失败，请先“导出审核结果”备份。', { detail: errorDetailInParens(e) }) };
  }
}

/**
 * An import, in one readwrite transaction: reads every stored bucket (or takes this tab's copy
 * when no tab has written since it was read, as the write stamp in `meta` shows), hands the stored decisions
 * to `merge` (lib/review mergeDecisions with the file's decisions) and writes back the buckets
 * its `toWrite` falls in — all or nothing, and no other tab can write in between. Resolves to
 * the merge and the number of stored values that are not decisions (kept as they are); the
 * error, in Chinese, when the store cannot be opened or the write fails (then nothing changed).
 * `from`: as for {@link putDecisions}; no message when nothing was written.
 */
export async function mergeIntoStore(
  merge: (stored: Decision[]) => MergeResult,
  from?: string,
  t: Translate = zhT,
): Promise<Result<{ merge: MergeResult; unreadable: number }>> {
  let db: IDBPDatabase<ReviewDb>;
  try {
    db = await open();
  } catch (e) {
    return { ok: false, error: unavailable(e, t) };
  }
  try {
    const tx = db.transaction([STORE, META], 'readwrite');
    const store = unwrap(tx.objectStore(STORE));
    const meta = unwrap(tx.objectStore(META));
    const done: { out?: { merge: MergeResult; unreadable: number }; cache?: typeof cache } = {};
    /** Merges into `buckets` (this tab's copy when current, else read now) and writes the changed ones. */
    const write = (buckets: Map<string, DecisionBucket>) => {
      const { decisions, unreadable } = readBuckets([...buckets.values()]);
      const m = merge(decisions);
      for (const [key, put] of decisionsByBucket(m.toWrite)) {
        const b = applyToBucket(key, buckets.get(key), put);
        store.put(b);
        buckets.set(key, b);
      }
      const stamp = newStamp();
      meta.put(stamp, 'stamp');
      done.out = { merge: m, unreadable };
      done.cache = { stamp, buckets };
    };
    const read = meta.get('stamp');
    read.onsuccess = () => {
      if (cache && cache.stamp === stampOf(read)) return write(new Map(cache.buckets));
      const all = store.getAll();
      all.onsuccess = () => write(new Map(all.result.map((b: DecisionBucket) => [b.bucket, b])));
    };
    await tx.done;
    if (!done.out) throw new Error('IndexedDB 没有返回已存的审核结果');
    cache = done.cache ?? null;
    if (done.out.merge.toWrite.length > 0) announce(from);
    return { ok: true, value: done.out };
  } catch (e) {
    return {
      ok: false,
      error: t('审核结果没有保存{{detail}}。请刷新页面后重试；如仍失败，请先“导出审核结果”备份。现有的审核结果没有任何改动。', { detail: errorDetailInParens(e) }),
    };
  }
}

/** Remove the decision on one flag (撤销), so the flag is 未审核 again. `from`: as for {@link putDecisions}. */
export async function deleteDecision(fingerprint: string, from?: string, t: Translate = zhT): Promise<Result<null>> {
  try {
    await changeBuckets(new Map([[decisionBucket(fingerprint), { put: [], remove: [fingerprint] }]]));
    announce(from);
    return { ok: true, value: null };
  } catch (e) {
    return { ok: false, error: t('没能撤销这条审核结果{{detail}}。请刷新页面后重试。', { detail: errorDetailInParens(e) }) };
  }
}

/**
 * Call `onChange` whenever another tab (or another component of this page) writes decisions —
 * except the writes made with `from === self` (the caller's own, which it already holds).
 * Returns the function that stops listening.
 */
export function onDecisionsChanged(onChange: () => void, self?: string): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const c = new BroadcastChannel(CHANNEL);
  c.onmessage = (e: MessageEvent) => {
    const from = (e.data as { from?: unknown } | null)?.from;
    if (self === undefined || from !== self) onChange();
  };
  return () => c.close();
}
