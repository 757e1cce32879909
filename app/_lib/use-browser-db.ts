'use client';

/**
 * React hook that starts (or reuses) the page's DuckDB-WASM database (./duckdb-browser.ts) and
 * reports loading, a failure with what to do, or the ready database. `retry` starts again after
 * a failure. The database module is imported dynamically: it touches Worker and fetch.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BrowserDb } from './duckdb-browser';

/** State of the page's database. */
export type BrowserDbState =
  | { status: 'loading' }
  | { status: 'error'; error: string; hint: string }
  | { status: 'ready'; db: BrowserDb };

/** The page's database and a retry action. */
export function useBrowserDb(): { state: BrowserDbState; retry: () => void } {
  const [state, setState] = useState<BrowserDbState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    void (async () => {
      try {
        const { getBrowserDb } = await import('./duckdb-browser');
        const r = await getBrowserDb();
        if (cancelled) return;
        setState(r.ok ? { status: 'ready', db: r.db } : { status: 'error', error: r.error, hint: r.hint });
      } catch (e) {
        if (!cancelled) {
          setState({
            status: 'error',
            error: `看板脚本加载失败：${e instanceof Error ? e.message : String(e)}`,
            hint: '请检查网络连接到看板服务是否正常，然后刷新页面。',
          });
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
