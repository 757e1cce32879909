'use client';

/**
 * The state of the dashboard's 上传年报 section: reading and adding dropped or picked files
 * (./upload-browser.ts, loaded on first use: it starts the reader worker), the progress while it runs, the
 * per-file results of the last upload, and 清除上传的数据.
 */
import { useCallback, useState } from 'react';
import { errorDetailInParens } from '@/lib/model/error-detail';
import type { UploadFileResult } from '@/lib/upload/add-uploads';
import type { BrowserDb } from './duckdb-browser';
import { useT } from './lang-context';

/** Which file of how many is being read (`done === total`: writing to the database and checking). */
export type UploadProgress = { done: number; total: number; name: string } | null;

/** What {@link useUploads} gives the upload section. */
export interface UseUploads {
  /** Non-null while an upload runs. */
  progress: UploadProgress;
  /** One result per file of the last upload (文件名 / 结果 / 说明), or null before any / after 清除. */
  results: UploadFileResult[] | null;
  /** Why the last upload or removal failed as a whole (one Chinese sentence with what to do), or null. */
  error: string | null;
  busy: boolean;
  /** Reads and adds `files`; ignored while another upload runs or when empty. Never rejects. */
  run: (files: File[]) => Promise<void>;
  /** Removes every uploaded report (database and this tab's storage). Never rejects. */
  clear: () => Promise<void>;
}

/**
 * The upload state for the page's database `db`. `onChanged` is awaited after reports were added
 * or removed (the dashboard re-reads its filter choices and views).
 */
export function useUploads(db: BrowserDb, onChanged: () => Promise<void>): UseUploads {
  const [progress, setProgress] = useState<UploadProgress>(null);
  const [results, setResults] = useState<UploadFileResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = progress !== null;
  const { t } = useT();

  const run = useCallback(
    async (files: File[]) => {
      if (files.length === 0 || busy) return;
      setError(null);
      setResults(null);
      setProgress({ done: 0, total: files.length, name: files[0].name });
      try {
        const { uploadFiles } = await import('./upload-browser');
        const r = await uploadFiles(db, files, (done, total, name) => setProgress({ done, total, name }));
        setResults(r);
        if (r.some((x) => x.outcome === 'added')) await onChanged();
      } catch (e) {
        setError(t('上传没能完成{{detail}}，没有添加任何报告。请刷新页面后重试。', { detail: errorDetailInParens(e) }));
      } finally {
        setProgress(null);
      }
    },
    [busy, db, onChanged, t],
  );

  const clear = useCallback(async () => {
    try {
      const { removeUploads } = await import('./upload-browser');
      const err = await removeUploads(db, t);
      setResults(null);
      setError(err);
      await onChanged();
    } catch (e) {
      setError(t('没能清除上传的数据{{detail}}。请刷新页面后重试。', { detail: errorDetailInParens(e) }));
    }
  }, [db, onChanged, t]);

  return { progress, results, error, busy, run, clear };
}
