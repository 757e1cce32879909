'use client';

/**
 * React hook behind 比较 (app/_components/ComparePanel.tsx): reads every report of the compared
 * agencies from the page's DuckDB (lib/query/compare.ts compareSql, over `facts`) whenever the
 * agencies or the data change, and lines them up for the chosen year (buildComparison; a change of
 * year needs no query). Nothing is queried for fewer than 2 agencies.
 */
import { useEffect, useMemo, useState } from 'react';
import { runQuery, type Row } from '@/lib/store/executor';
import { buildComparison, compareSql, COMPARE_MIN, type Comparison } from '@/lib/query/compare';
import type { BrowserDb } from './duckdb-browser';

/** The comparison: not asked (fewer than 2 agencies), loading, shown, or failed with a Chinese message. */
export type CompareState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; comparison: Comparison };

/** The comparison of `keys` (agency_keys, the first is the base) in `year` (null: the latest common year). */
export function useCompare(db: BrowserDb | null, version: number, keys: readonly string[], year: number | null): CompareState {
  const [rows, setRows] = useState<{ sql: string; rows: Row[] } | { sql: string; error: string } | null>(null);
  const sql = keys.length >= COMPARE_MIN ? compareSql(keys) : null;

  useEffect(() => {
    if (!db || !sql) return;
    let cancelled = false;
    void runQuery(db.execFacts, sql).then((r) => {
      if (!cancelled) setRows(r.ok ? { sql, rows: r.value } : { sql, error: r.error });
    });
    return () => {
      cancelled = true;
    };
  }, [db, version, sql]);

  return useMemo((): CompareState => {
    if (!sql) return { status: 'idle' };
    if (!rows || rows.sql !== sql) return { status: 'loading' };
    if ('error' in rows) return { status: 'error', error: rows.error };
    return { status: 'ready', comparison: buildComparison(keys, rows.rows, year) };
  }, [sql, rows, keys, year]);
}
