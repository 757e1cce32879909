'use client';

/**
 * The selection's totals beside a view's rows (issue 9): the total row (合计) of the table and the
 * per-year totals of the trend chart (lib/query/group-totals.ts totalRowQuery, trendView), queried
 * over `facts` whenever the view, the filter or the data changes. Both are the same whether or not
 * the table is grouped (they total the filtered reports). For 合规 (no totals) both stay null.
 *
 * They are background queries (./query-priority.ts): after a filter change they run once the
 * view's own rows are in, and until they answer the totals of the previous filter are kept with
 * their `filter` — the view shows them only for the filter of its rows (never an old 合计 under
 * new rows).
 */
import { useEffect, useState } from 'react';
import { runQuery, type Row } from '@/lib/store/executor';
import type { FilterState } from '@/lib/query/filters';
import { totalRowQuery, trendView } from '@/lib/query/group-totals';
import { queryToSql, type ViewDef } from '@/lib/query/views';
import type { BrowserDb } from './duckdb-browser';
import { background } from './query-priority';

/** The totals of one view and filter: the 合计 row and the trend's definition and rows; null until queried or when they failed. */
export interface GroupTotals {
  view: ViewDef;
  /** The filter these totals are for. */
  filter: FilterState;
  total: Row | null;
  trend: { def: ViewDef; rows: Row[] } | null;
}

/**
 * The totals of `view` (the ungrouped view: its id decides the columns) for `filter`; null while
 * the first answer is pending, on 合规 or when `active` is false. A failed query leaves that part
 * null (the table and chart stay; their own query reports errors).
 */
export function useGroupTotals(opts: { db: BrowserDb | null; version: number; view: ViewDef; filter: FilterState; active: boolean }): GroupTotals | null {
  const { db, version, view, filter, active } = opts;
  const [totals, setTotals] = useState<GroupTotals | null>(null);
  useEffect(() => {
    const totalQ = totalRowQuery(view, filter);
    const trend = trendView(view);
    if (!db || !active || !totalQ || !trend) {
      setTotals(null);
      return;
    }
    let cancelled = false;
    const exec = background(db, db.execFacts);
    void Promise.all([runQuery(exec, queryToSql(totalQ)), runQuery(exec, trend.sql(filter))]).then(([t, y]) => {
      if (cancelled) return;
      const total = t.ok && t.value[0] && Number(t.value[0].report_count) > 0 ? t.value[0] : null;
      setTotals({ view, filter, total, trend: y.ok ? { def: trend, rows: y.value } : null });
    });
    return () => {
      cancelled = true;
    };
  }, [db, version, view, filter, active]);
  return totals && totals.view === view ? totals : null;
}
