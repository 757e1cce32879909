'use client';

/**
 * 下载 CSV: every row of the view (or of its group totals, lib/query/group-totals.ts) for the filter — the view's SQL itself, not the page shown
 * (the rows on screen when they are all of them) — written by lib/csv (UTF-8 with BOM,
 * formula-injection safe) under a file name that says what it holds.
 */
import { useCallback, useState } from 'react';
import { csvDownloadName, rowsToCsv } from '@/lib/csv';
import { runQuery } from '@/lib/store/executor';
import type { BrowserDb } from './duckdb-browser';
import { downloadText } from './download-text';
import type { ShownView } from './use-view-rows';

/** The download action, whether it runs, and the last failure (a Chinese message) or null. */
export function useCsvDownload(db: BrowserDb | null, shown: ShownView | null): { download: () => Promise<void>; downloading: boolean; error: string | null } {
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = useCallback(async () => {
    if (!shown || !db) return;
    const v = shown.def; // the view or its grouped form: its columns and title
    setDownloading(true);
    const r = shown.total <= shown.rows.length ? { ok: true as const, value: shown.rows } : await runQuery(db.exec, shown.sql);
    setDownloading(false);
    setError(r.ok ? null : r.error);
    if (r.ok) downloadText(rowsToCsv(r.value, v.columns.map((c) => c.key)), csvDownloadName(v.title, shown.filter));
  }, [shown, db]);
  return { download, downloading, error };
}
