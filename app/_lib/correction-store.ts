/**
 * Corrections (lib/correct/correction.ts) kept in the browser's IndexedDB (through `idb`):
 * database `gov-disclosure-corrections`, version 1, object store `corrections`, one record per
 * report and cell (key `report_id|cell`, lib/correct correctionKey), each value a Correction. A
 * database of its own, so the review decisions' database and its migration
 * (./decision-store.ts) are untouched. Records survive reloads and browser restarts.
 *
 * A correction saved in the editor for a cell that already has one replaces it, keeping the first
 * one's `value_before` (the value as read: corrections always apply to the data as read); an
 * imported one keeps its own, so a correction made against another reading shows as stale. Every
 * function returns its failure as data with a sentence saying what to do (Chinese, or in the
 * language of its optional `t`, lib/present/i18n); other tabs are
 * told of every write through a BroadcastChannel.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { Correction, correctionKey } from '@/lib/correct/correction';
import { errorDetailInParens } from '@/lib/model/error-detail';
import type { Result } from '@/lib/model/result';
import { zhT, type Translate } from '@/lib/present/i18n/translate';

import { CORRECTIONS_DB_NAME, mayHaveCorrections } from './use-corrections-present';

const STORE = 'corrections';
const CHANNEL = 'gov-disclosure-corrections';

interface CorrectionsDb extends DBSchema {
  corrections: { key: string; value: Correction };
}

let dbPromise: Promise<IDBPDatabase<CorrectionsDb>> | null = null;

function openStore(): Promise<IDBPDatabase<CorrectionsDb>> {
  if (!dbPromise) {
    dbPromise = openDB<CorrectionsDb>(CORRECTIONS_DB_NAME, 1, {
      upgrade(db) {
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
      },
    });
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

function failure(what: string, e: unknown, t: Translate): { ok: false; error: string } {
  return { ok: false, error: t('{{what}}{{detail}}。请确认浏览器允许本站保存数据（非无痕模式），然后刷新页面重试。', { what, detail: errorDetailInParens(e) }) };
}

/** Every stored correction that still validates (records of another shape are skipped). */
export async function loadCorrections(t: Translate = zhT): Promise<Result<Correction[]>> {
  // Reading must not create the database: the page's database loads the corrections code only when it exists.
  if (!(await mayHaveCorrections())) return { ok: true, value: [] };
  try {
    const all = await (await openStore()).getAll(STORE);
    return { ok: true, value: all.flatMap((x) => (Correction.safeParse(x).success ? [x] : [])) };
  } catch (e) {
    return failure(t('没能读取本浏览器中保存的校对记录'), e, t);
  }
}

/**
 * Stores `corrections` in one transaction (all or none). One already stored for the same report
 * and cell is replaced; with `keepStoredBefore` (a second edit in the editor, whose grid shows the
 * corrected value) the stored `value_before` — the value as read — is kept. An import passes
 * false: its `value_before` is what its author saw, so a correction made against another reading
 * is reported stale when applied instead of being applied. @returns how many were written.
 */
export async function putCorrections(corrections: readonly Correction[], keepStoredBefore: boolean, t: Translate = zhT): Promise<Result<number>> {
  try {
    const db = await openStore();
    const tx = db.transaction(STORE, 'readwrite');
    for (const c of corrections) {
      const key = correctionKey(c);
      const old = keepStoredBefore ? await tx.store.get(key) : undefined;
      await tx.store.put(old ? { ...c, value_before: old.value_before } : c, key);
    }
    await tx.done;
    notify();
    return { ok: true, value: corrections.length };
  } catch (e) {
    return failure(t('校对记录没能保存'), e, t);
  }
}

/** Removes the correction of one report's cell (the cell shows the value read again after a reload). */
export async function deleteCorrection(c: Pick<Correction, 'report_id' | 'cell'>, t: Translate = zhT): Promise<Result<null>> {
  try {
    await (await openStore()).delete(STORE, correctionKey(c));
    notify();
    return { ok: true, value: null };
  } catch (e) {
    return failure(t('校对记录没能删除'), e, t);
  }
}

function notify(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(CHANNEL);
  ch.postMessage('changed');
  ch.close();
}

/** Calls `onChange` when another tab writes corrections; returns the unsubscribe function. */
export function onCorrectionsChanged(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = () => onChange();
  return () => ch.close();
}
