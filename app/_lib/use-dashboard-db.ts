'use client';

/**
 * The dashboard's database: the page's database (./use-browser-db.ts) plus the number of reports
 * uploaded in this tab (read from `facts`) and a `version` that grows after every upload or
 * 清除, so that the grid and the queue query again. In bench mode (`?bench=1`) it also installs the
 * benchmark's hooks (./bench/bench-hooks.ts, imported only then).
 */
import { useCallback, useEffect, useState } from 'react';
import { runQuery } from '@/lib/store/executor';
import { uploadedReportCountSql } from '@/lib/query/uploads';
import type { Result } from '@/lib/model/result';
import type { BrowserDb, UiText } from './duckdb-browser';
import { zhT } from '@/lib/present/i18n/translate';
import type { RestoredUploads } from './page-db';
import { startPageDb, useBrowserDb } from './use-browser-db';

/**
 * The database is started as soon as this module loads in the browser (before React has hydrated
 * the page): the 34 MB engine and the data start downloading ~0.5 s earlier than from the first
 * effect. The page database is one shared promise, so useBrowserDb gets the same database.
 */
if (typeof window !== 'undefined') startPageDb();

/** Bench mode (`?bench=1` on the first URL; read at load, before the page rewrites its URL). */
const BENCH_MODE = typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('bench');

/** The ready database of the dashboard. */
export interface DashboardDb {
  db: BrowserDb;
  /** Reports uploaded in this tab (件 of reports, from `facts`). */
  uploads: number;
  /** Grows by one after every upload or 清除 (a React key for the grid and the queue). */
  version: number;
  restored: RestoredUploads;
}

/** State of the dashboard's database. */
export type DashboardDbState =
  | { status: 'loading' }
  | { status: 'error'; error: string; hint: string; text?: { message: UiText; hint: UiText } }
  | ({ status: 'ready' } & DashboardDb);

/** The number of reports uploaded in this tab, read from the database. */
async function readUploadCount(db: BrowserDb): Promise<Result<number>> {
  const counts = await runQuery(db.execFacts, uploadedReportCountSql());
  return counts.ok ? { ok: true, value: Number(counts.value[0]?.n ?? 0) } : counts;
}

/** The dashboard's database, a retry after a failure, and what to call after the data changed. */
export function useDashboardDb(): { state: DashboardDbState; retry: () => void; onDataChanged: () => Promise<void> } {
  const { state: dbState, retry } = useBrowserDb();
  const [state, setState] = useState<DashboardDbState>({ status: 'loading' });

  useEffect(() => {
    if (dbState.status !== 'ready') {
      setState(dbState);
      return;
    }
    let cancelled = false;
    void readUploadCount(dbState.db).then((n) => {
      if (cancelled) return;
      if (!n.ok) {
        const hint: UiText = { key: '请重新运行 npm run build:data，然后刷新页面。' };
        setState({ status: 'error', error: n.error, hint: zhT(hint.key), text: { message: { key: n.error }, hint } });
        return;
      }
      performance.mark('dashboard-db-ready'); // for the benchmark: navigation → database ready
      setState({ status: 'ready', db: dbState.db, uploads: n.value, version: 0, restored: dbState.restored });
      if (BENCH_MODE) void import('./bench/bench-hooks').then((m) => m.installBenchHooks(dbState.db));
    });
    return () => {
      cancelled = true;
    };
  }, [dbState]);

  // After an upload or 清除: the new count, and every view, grid and queue queried again.
  const onDataChanged = useCallback(async () => {
    if (state.status !== 'ready') return;
    const n = await readUploadCount(state.db);
    setState((prev) => (prev.status !== 'ready' ? prev : { ...prev, uploads: n.ok ? n.value : prev.uploads, version: prev.version + 1 }));
  }, [state]);

  return { state, retry, onDataChanged };
}
