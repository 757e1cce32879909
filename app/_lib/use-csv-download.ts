'use client';

/**
 * 下载 CSV: every row of the view (or of its group totals, lib/query/group-totals.ts) for the
 * filter — the view's own query object (its FROM, WHERE and ORDER BY, the user's sort included)
 * with each rate's numerator and denominator added (lib/csv/rate-parts.ts), not the page shown —
 * written by lib/csv as the screen shows it (labels with units, or the spec's keys when `keys`,
 * the URL's `csvkeys=1`; rates in percent with their parts; UTF-8 with BOM, formula-injection
 * safe) under a file name that says what it holds — headers, reasons and file name in the page's
 * language (issue 10; the keys mode is the same in both).
 */
import { useCallback, useState } from 'react';
import { csvDownloadName, viewRowsToCsv } from '@/lib/csv';
import { withRateParts } from '@/lib/csv/rate-parts';
import { queryToSql } from '@/lib/query/views';
import { runQuery } from '@/lib/store/executor';
import type { BrowserDb } from './duckdb-browser';
import { downloadText } from './download-text';
import type { ShownView } from './use-view-rows';
import { useT } from './lang-context';

/** The download action, whether it runs, and the last failure (a Chinese message) or null. `keys`: headers are the spec's keys. */
export function useCsvDownload(db: BrowserDb | null, shown: ShownView | null, keys = false): { download: () => Promise<void>; downloading: boolean; error: string | null } {
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { t } = useT();
  const download = useCallback(async () => {
    if (!shown || !db) return;
    const v = shown.def; // the view or its grouped form: its columns and title
    setDownloading(true);
    const exec = v.reads === 'facts' ? db.execFacts : db.exec;
    const r = await runQuery(exec, queryToSql(withRateParts(v, shown.query)));
    setDownloading(false);
    setError(r.ok ? null : r.error);
    if (r.ok) downloadText(viewRowsToCsv(r.value, v.columns, { keys }, t), csvDownloadName(v.title, shown.filter, t));
  }, [shown, db, keys, t]);
  return { download, downloading, error };
}
