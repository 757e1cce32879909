'use client';

/**
 * The review queue's data (审核, app/_components/ReviewQueue.tsx): the flags of the filtered
 * reports narrowed by rule and severity (lib/query/review.ts reviewQueueSql), every flag's key
 * (to tell stored decisions matched or orphaned), the stored decisions (IndexedDB,
 * ./use-decisions.ts), and what follows from them — the rows of the chosen review status, the
 * counts 未审核/已确认/已驳回/孤立, the orphaned decisions — and how many rows are shown.
 */
import { useEffect, useMemo, useState } from 'react';
import { runQuery, type Row } from '@/lib/store/executor';
import type { FilterState } from '@/lib/query/filters';
import { allFlagKeysSql, filterByStatus, reviewQueueSql, type ReviewFilter } from '@/lib/query/review';
import { reconcileDecisions, reviewCounts, rowFingerprint, type Decision } from '@/lib/review/decisions';
import type { BrowserDb } from './duckdb-browser';
import { useDecisions } from './use-decisions';

/** Rows shown at first and added by each 再显示. */
export const QUEUE_PAGE = 200;

/** A queue row with its fingerprint (the flag's, or one computed for older data files). */
export type QueueRow = Row & { fp: string };

type QueueState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; rows: QueueRow[] };

/** Every flag's fingerprint (unfiltered), or null until read. */
function useAllFingerprints(db: BrowserDb): Set<string> | null {
  const [allFps, setAllFps] = useState<Set<string> | null>(null);
  useEffect(() => {
    let cancelled = false;
    void runQuery(db.exec, allFlagKeysSql()).then((k) => {
      if (!cancelled && k.ok) setAllFps(new Set(k.value.map(rowFingerprint)));
    });
    return () => {
      cancelled = true;
    };
  }, [db]);
  return allFps;
}

/** The queue's rows for the report filter and the rule/severity part of the review filter. */
function useQueueRows(db: BrowserDb, sql: string, onNew: () => void): QueueState {
  const [queue, setQueue] = useState<QueueState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setQueue({ status: 'loading' });
    onNew();
    void runQuery(db.exec, sql).then((r) => {
      if (cancelled) return;
      setQueue(r.ok ? { status: 'ready', rows: r.value.map((row) => ({ ...row, fp: rowFingerprint(row) })) } : { status: 'error', error: r.error });
    });
    return () => {
      cancelled = true;
    };
  }, [db, sql]); // eslint-disable-line react-hooks/exhaustive-deps
  return queue;
}

/** The queue (see the module comment). */
export function useReviewQueue(db: BrowserDb, filter: FilterState, reviewFilter: ReviewFilter) {
  const decisions = useDecisions();
  const [shown, setShown] = useState(QUEUE_PAGE);
  const sql = reviewQueueSql(filter, reviewFilter);
  const queue = useQueueRows(db, sql, () => setShown(QUEUE_PAGE));
  const allFps = useAllFingerprints(db);

  const byFp = decisions.state.status === 'ready' ? decisions.state.byFingerprint : null;
  const statusOf = (fp: string) => byFp?.get(fp)?.decision ?? 'open';
  const rows = useMemo(() => (queue.status === 'ready' ? queue.rows : []), [queue]);
  const visible = useMemo(() => filterByStatus(rows, reviewFilter.status, (r) => statusOf(r.fp)), [rows, reviewFilter.status, byFp]); // eslint-disable-line react-hooks/exhaustive-deps
  // Computed when the rows or the decisions change, not on every render (100,000 stored decisions after an import).
  const counts = useMemo(() => (byFp && allFps ? reviewCounts(rows.map((r) => r.fp), byFp, allFps) : null), [rows, byFp, allFps]);
  const orphans: Decision[] = useMemo(() => (byFp && allFps ? reconcileDecisions([...byFp.values()], allFps).orphaned : []), [byFp, allFps]);
  return {
    decisions,
    sql,
    queue,
    visible,
    counts,
    orphans,
    storedCount: byFp?.size ?? 0,
    statusOf,
    shown,
    showMore: () => setShown((n) => n + QUEUE_PAGE),
  };
}

/** What {@link useReviewQueue} returns. */
export type ReviewQueueData = ReturnType<typeof useReviewQueue>;
