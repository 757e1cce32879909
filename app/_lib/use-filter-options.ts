'use client';

/**
 * The filter's choices (all agencies, the region tree with its counts, agency types, levels and
 * years: ~20,000 names at 100,000 reports), read
 * from `facts` once the first result is on screen, so they never delay the first chart; then the
 * other tables (reports, flags), which the 合规/审核/覆盖 tabs and uploads read, are loaded.
 * Read again after the data changed (`version`).
 */
import { useEffect, useState } from 'react';
import { runQuery } from '@/lib/store/executor';
import { filterOptionsFromRows, filterOptionsSql, NO_FILTER_OPTIONS, type FilterOptions } from '@/lib/query/views';
import type { BrowserDb } from './duckdb-browser';

/** Filter choices before they are read: no names, no regions, no years (lib/query/views.ts NO_FILTER_OPTIONS). */
export const NO_OPTIONS: FilterOptions = NO_FILTER_OPTIONS;

/** The filter's choices, or {@link NO_OPTIONS} until read; `start` is false until the first result is shown. */
export function useFilterOptions(db: BrowserDb | null, version: number, start: boolean): FilterOptions {
  const [options, setOptions] = useState<FilterOptions | null>(null);
  useEffect(() => {
    if (!db || !start) return;
    let cancelled = false;
    void runQuery(db.execFacts, filterOptionsSql()).then((r) => {
      if (!cancelled && r.ok) setOptions(filterOptionsFromRows(r.value));
      void db.loadAll().catch(() => undefined);
    });
    return () => {
      cancelled = true;
    };
  }, [db, version, start]);
  return options ?? NO_OPTIONS;
}
