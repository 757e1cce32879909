'use client';

/**
 * 下载 CSV: every row of the view (or of its group totals, lib/query/group-totals.ts) for the
 * filter — the view's own query object (its FROM, WHERE and ORDER BY, the user's sort included)
 * with each rate's numerator and denominator added (lib/csv/rate-parts.ts), not the page shown —
 * written by lib/csv as the screen shows it (labels with units, or the spec's keys when `keys`,
 * the URL's `csvkeys=1`; rates in percent with their parts; UTF-8 with BOM, formula-injection
 * safe) under a file name that says what it holds — headers, reasons and file name in the page's
 * language (issue 10; the keys mode is the same in both).
 *
 * The result is taken as columns straight from DuckDB's Arrow batches (BrowserDb.execColumns, no
 * row object per row) and written as UTF-8 parts of 1,000 rows by papaparse
 * (lib/csv viewColumnsToCsvBytes) — the same bytes as lib/csv viewRowsToCsv of the rows, in about
 * a third of the time (issue 15: 100,000 rows ≤ 1 s; tests/bench/bench-csv.ts).
 */
import { useCallback, useState } from 'react';
import type { Result } from '@/lib/model/result';
import { csvDownloadName, viewColumnsToCsvBytes } from '@/lib/csv';
import { withRateParts } from '@/lib/csv/rate-parts';
import { queryToSql } from '@/lib/query/views';
import type { ResultColumns } from '@/lib/store/arrow-columns';
import { errorMessage } from '@/lib/store/executor';
import type { BrowserDb } from './duckdb-browser';
import { downloadParts } from './download-text';
import type { ShownView } from './use-view-rows';
import { useT } from './lang-context';

/** The result of `sql` as columns, or `{ok: false, error: '查询失败：<DuckDB message>'}` (lib/store/executor.ts runQuery's message). */
async function queryColumns(exec: (sql: string) => Promise<ResultColumns>, sql: string): Promise<Result<ResultColumns>> {
  try {
    return { ok: true, value: await exec(sql) };
  } catch (e) {
    return { ok: false, error: `查询失败：${errorMessage(e)}` };
  }
}

/** The download action, whether it runs, and the last failure (a Chinese message) or null. `keys`: headers are the spec's keys. */
export function useCsvDownload(db: BrowserDb | null, shown: ShownView | null, keys = false): { download: () => Promise<void>; downloading: boolean; error: string | null } {
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { t } = useT();
  const download = useCallback(async () => {
    if (!shown || !db) return;
    const v = shown.def; // the view or its grouped form: its columns and title
    setDownloading(true);
    const exec = v.reads === 'facts' ? db.execFactsColumns : db.execColumns;
    const r = await queryColumns(exec, queryToSql(withRateParts(v, shown.query)));
    setDownloading(false);
    setError(r.ok ? null : r.error);
    if (r.ok) downloadParts(viewColumnsToCsvBytes(r.value, v.columns, { keys }, t), csvDownloadName(v.title, shown.filter, t));
  }, [shown, db, keys, t]);
  return { download, downloading, error };
}
