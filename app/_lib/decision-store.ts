/**
 * Review decisions kept in the browser's IndexedDB (through the `idb` package): database
 * `gov-disclosure-review`, object store `decisions`, one record per flag fingerprint (the store's
 * key path), each a {@link Decision} of lib/review/decisions.ts. Records survive reloads and
 * browser restarts (they are removed only by clearing the site's data in the browser).
 *
 * This is the only place that touches IndexedDB; the decision logic (validation, merge, orphans)
 * is in lib/review. Every function returns its failure as data with a Chinese message that says
 * what to do. Writes of several records happen in one transaction: all or nothing.
 * Other tabs of the dashboard are told of every write through a BroadcastChannel.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { Result } from '@/lib/model/result';
import { errorDetail, errorDetailInParens } from '@/lib/model/error-detail';
import { readStoredDecision, type Decision } from '@/lib/review/decisions';

/** IndexedDB database name and version. */
export const REVIEW_DB_NAME = 'gov-disclosure-review';
const REVIEW_DB_VERSION = 1;
const STORE = 'decisions';
const CHANNEL = 'gov-disclosure-review';

interface ReviewDb extends DBSchema {
  decisions: { key: string; value: Decision };
}

let dbPromise: Promise<IDBPDatabase<ReviewDb>> | null = null;

function unavailable(e: unknown): string {
  const msg = errorDetail(e);
  return `浏览器没能打开本机的审核结果存储（IndexedDB${msg ? `：${msg}` : ''}）。请不要使用无痕/隐私窗口，并允许本站在本机保存数据，然后刷新页面；在此之前做出的审核结果无法保存。`;
}

function open(): Promise<IDBPDatabase<ReviewDb>> {
  if (!dbPromise) {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('此浏览器不支持 IndexedDB'));
    const p = openDB<ReviewDb>(REVIEW_DB_NAME, REVIEW_DB_VERSION, {
      upgrade(db) {
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'fingerprint' });
      },
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
 * Every stored decision. Records that do not match the Decision shape (written by another
 * version) are left in storage untouched and only counted in `unreadable`.
 */
export async function loadDecisions(): Promise<Result<{ decisions: Decision[]; unreadable: number }>> {
  try {
    const db = await open();
    const all = await db.getAll(STORE);
    const decisions: Decision[] = [];
    let unreadable = 0;
    for (const v of all) {
      const d = readStoredDecision(v);
      if (d) decisions.push(d);
      else unreadable++;
    }
    return { ok: true, value: { decisions, unreadable } };
  } catch (e) {
    return { ok: false, error: unavailable(e) };
  }
}

/**
 * Store decisions (replacing those with the same fingerprint) in one transaction: all or none.
 * The puts are plain IndexedDB requests (no promise per record: 100,000 records in about a
 * second); the transaction's completion says whether all were written. `from` is the writer's id
 * for {@link onDecisionsChanged}.
 */
export async function putDecisions(decisions: readonly Decision[], from?: string): Promise<Result<number>> {
  if (decisions.length === 0) return { ok: true, value: 0 };
  try {
    const db = await open();
    const tx = db.transaction(STORE, 'readwrite');
    const store = unwrap(tx.store);
    for (const d of decisions) store.put(d);
    await tx.done;
    announce(from);
    return { ok: true, value: decisions.length };
  } catch (e) {
    return { ok: false, error: `审核结果没有保存${errorDetailInParens(e)}。请刷新页面后重试；如仍失败，请先“导出审核结果”备份。` };
  }
}

/** Remove the decision on one flag (撤销), so the flag is 未审核 again. `from`: as for {@link putDecisions}. */
export async function deleteDecision(fingerprint: string, from?: string): Promise<Result<null>> {
  try {
    const db = await open();
    await db.delete(STORE, fingerprint);
    announce(from);
    return { ok: true, value: null };
  } catch (e) {
    return { ok: false, error: `没能撤销这条审核结果${errorDetailInParens(e)}。请刷新页面后重试。` };
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
