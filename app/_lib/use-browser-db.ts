'use client';

/**
 * React hook that starts (or reuses) the page's database (./page-db.ts: DuckDB-WASM with the
 * built data and the uploads kept in this tab) and reports loading, a failure with what to do, or
 * the ready database. `retry` starts again after a failure. The database module is imported
 * dynamically: it touches Worker and fetch.
 */
import { useCallback, useEffect, useState } from 'react';
import { zhT } from '@/lib/present/i18n/translate';
import type { BrowserDb, UiText } from './duckdb-browser';
import type { RestoredUploads } from './page-db';

/** State of the page's database; on error, `error` says what went wrong and `hint` what to do (Chinese; `text`: both for the page's language). */
export type BrowserDbState =
  | { status: 'loading' }
  | { status: 'error'; error: string; hint: string; text?: { message: UiText; hint: UiText } }
  | { status: 'ready'; db: BrowserDb; restored: RestoredUploads };

/** Starts the page's database as soon as this is called (the dashboard calls it when its module loads). */
export function startPageDb(): void {
  void import('./page-db').then((m) => m.getPageDb()).catch(() => undefined);
}

/** The page's database and a retry action. */
export function useBrowserDb(): { state: BrowserDbState; retry: () => void } {
  const [state, setState] = useState<BrowserDbState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    void (async () => {
      try {
        const { getPageDb } = await import('./page-db');
        const r = await getPageDb();
        if (cancelled) return;
        setState(r.ok ? { status: 'ready', db: r.value.db, restored: r.value.restored } : { status: 'error', error: r.error.message, hint: r.error.hint, text: r.error.text });
      } catch (e) {
        if (!cancelled) {
          const message: UiText = { key: '看板脚本加载失败：{{error}}', vars: { error: e instanceof Error ? e.message : String(e) } };
          const hint: UiText = { key: '请检查网络连接到看板服务是否正常，然后刷新页面。' };
          setState({ status: 'error', error: zhT(message.key, message.vars), hint: zhT(hint.key), text: { message, hint } });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
