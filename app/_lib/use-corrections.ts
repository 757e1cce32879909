'use client';

/**
 * The report page's corrections (issue 13): those kept in this browser (./correction-store.ts),
 * saving new ones, 导出校对 (every kept correction as CSV, lib/correct/corrections-csv.ts) and
 * 导入校对 (all or nothing). After every save or import the kept corrections are applied to the
 * page's database again (./use-corrections-page-db.ts) and `version` grows, so the page reads its
 * rows again and the views of this tab show the corrected values.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Correction } from '@/lib/correct/correction';
import { correctionsFileName, correctionsToCsv, decodeCorrectionsFile, parseCorrectionsCsv } from '@/lib/correct/corrections-csv';
import { loadCorrections, onCorrectionsChanged, putCorrections } from './correction-store';
import { downloadText } from './download-text';
import type { Translate } from '@/lib/present/i18n/translate';
import { useT } from './lang-context';

/** A message for the user after an action: what happened (ok) or what went wrong and what to do (error). */
export type CorrectionMessage = { kind: 'ok' | 'error'; text: string } | null;

/** What {@link useCorrections} gives the page. */
export interface UseCorrections {
  /** Every kept correction (all reports), or null while loading. */
  all: Correction[] | null;
  /** Grows after each save or import that changed the page's database. */
  version: number;
  message: CorrectionMessage;
  /** Stores corrections and applies them; resolves to a Chinese error, or null when saved. */
  save: (corrections: Correction[]) => Promise<string | null>;
  importFile: (file: File) => Promise<void>;
  exportAll: () => void;
}

/** Applies the kept corrections to the page's database; a sentence (in the language of `t`) for what did not apply, or null. */
async function applyToPage(t: Translate): Promise<string | null> {
  const { getPageDb } = await import('./page-db');
  const db = await getPageDb();
  if (!db.ok) return t('校对已保存，但浏览器内的数据库没有启动（{{error}}），刷新页面后生效。', { error: db.error.message });
  const { applyKeptCorrections } = await import('./use-corrections-page-db'); // the checks load only when needed
  const r = await applyKeptCorrections(db.value.db);
  if (!r.ok) return r.error;
  const { stale, problems } = r.value;
  if (problems.length) return problems[0];
  return stale.length ? t('{{count}} 条校对没有应用：{{reason}}', { count: stale.length, reason: stale[0].message }) : null;
}

/** The corrections kept in this browser, with save, import and export. */
export function useCorrections(): UseCorrections {
  const { t } = useT();
  const [all, setAll] = useState<Correction[] | null>(null);
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<CorrectionMessage>(null);

  const reload = useCallback(async () => {
    const r = await loadCorrections(t);
    if (r.ok) setAll(r.value);
    else setMessage({ kind: 'error', text: r.error });
  }, [t]);

  useEffect(() => {
    void reload();
    return onCorrectionsChanged(() => void reload());
  }, [reload]);

  const store = useCallback(
    async (corrections: Correction[], done: string, imported: boolean): Promise<string | null> => {
      const put = await putCorrections(corrections, !imported, t);
      if (!put.ok) return put.error;
      const problem = await applyToPage(t);
      await reload();
      setVersion((v) => v + 1);
      setMessage(problem ? { kind: 'error', text: problem } : { kind: 'ok', text: done });
      return null;
    },
    [reload, t],
  );

  const save = useCallback(
    (corrections: Correction[]) => store(corrections, t('已保存 {{count}} 条校对，表格、检查结果和看板视图已按改正后的数字更新。', { count: corrections.length }), false),
    [store, t],
  );

  const importFile = useCallback(
    async (file: File) => {
      const text = decodeCorrectionsFile(new Uint8Array(await file.arrayBuffer()), t);
      const parsed = text.ok ? parseCorrectionsCsv(text.value, undefined, t) : text;
      if (!parsed.ok) return setMessage({ kind: 'error', text: parsed.error });
      const error = await store(parsed.value, t('已从 {{file}} 导入 {{count}} 条校对。', { file: file.name, count: parsed.value.length }), true);
      if (error) setMessage({ kind: 'error', text: error });
    },
    [store, t],
  );

  const exportAll = useCallback(() => {
    if (!all?.length) return setMessage({ kind: 'error', text: t('本浏览器中还没有校对记录：先在报告页点“校对”改正数字并保存，再导出。') });
    downloadText(correctionsToCsv(all), correctionsFileName(new Date(), t));
  }, [all, t]);

  return { all, version, message, save, importFile, exportAll };
}
