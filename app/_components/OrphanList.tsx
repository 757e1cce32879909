'use client';

/**
 * The review decisions without a flag in this tab's data, by reason (lib/review/orphans.ts):
 * 报告未载入 — the report is not loaded in this tab (uploaded in another tab or browser, or
 * replaced by another file): upload the same file here and they match again — and 孤立 — the
 * report is loaded but the flag is gone (the rule's version changed). They are kept in this
 * browser and exported with the others, never dropped; this lists them, {@link ORPHAN_PAGE} at a
 * time (an import of another data build's decisions can make 100,000 of them: the page stays
 * responsive). Each row carries `data-reason` (`not_loaded` / `orphaned`).
 */
import { useEffect, useMemo, useState } from 'react';
import { ruleLabel } from '@/lib/present/labels';
import { subjectText } from '@/lib/present/i18n/flag-text';
import { LOADED_REPORT_IDS_SQL } from '@/lib/query/share-state';
import { REVIEW_STATUS_LABELS, type Decision } from '@/lib/review/decisions';
import { classifyOrphans, ORPHAN_REASON_TEXT, type OrphanReason } from '@/lib/review/orphans';
import { runQuery } from '@/lib/store/executor';
import type { BrowserDb } from '../_lib/duckdb-browser';
import { useT } from '../_lib/lang-context';

/** Rows listed at first and added by each 再显示. */
export const ORPHAN_PAGE = 200;

/** The report ids loaded in this tab (built data and uploads), or null until read. */
function useLoadedReportIds(db: BrowserDb): Set<string> | null {
  const [ids, setIds] = useState<Set<string> | null>(null);
  useEffect(() => {
    let cancelled = false;
    void runQuery(db.exec, LOADED_REPORT_IDS_SQL).then((r) => {
      if (!cancelled) setIds(r.ok ? new Set(r.value.map((x) => String(x.report_id))) : new Set());
    });
    return () => {
      cancelled = true;
    };
  }, [db]);
  return ids;
}

/** The list, closed by default; nothing when there is no orphan or until the loaded reports are known. */
export default function OrphanList({ orphans, db }: { orphans: readonly Decision[]; db: BrowserDb }) {
  const [shown, setShown] = useState(ORPHAN_PAGE);
  const loaded = useLoadedReportIds(db);
  const { t, lang } = useT();
  const byReason = useMemo(() => (loaded ? classifyOrphans(orphans, loaded) : null), [orphans, loaded]);
  if (orphans.length === 0 || !byReason) return null;
  const rows: Array<[Decision, OrphanReason]> = [...byReason.not_loaded.map((d): [Decision, OrphanReason] => [d, 'not_loaded']), ...byReason.orphaned.map((d): [Decision, OrphanReason] => [d, 'orphaned'])];
  return (
    <details className="orphans" data-testid="orphans" data-not-loaded={byReason.not_loaded.length} data-orphaned={byReason.orphaned.length}>
      <summary>
        {t('{{count}} 条审核结果对应的检查结果不在本标签页的数据中。这些记录保留在本机，并随“导出审核结果”一起导出。', { count: orphans.length })}
      </summary>
      {(['not_loaded', 'orphaned'] as const).map((reason) =>
        byReason[reason].length ? (
          <p key={reason} className="small" data-testid={`orphans-${reason}`}>
            <strong>{t('{{label}} {{count}} 条', { label: t(ORPHAN_REASON_TEXT[reason].label), count: byReason[reason].length })}</strong>
            {t('：')}
            {t(ORPHAN_REASON_TEXT[reason].explanation)}
          </p>
        ) : null,
      )}
      <table>
        <thead>
          <tr>
            <th>{t('原因')}</th>
            <th>{t('机关 · 年度')}</th>
            <th>{t('规则')}</th>
            <th>{t('涉及')}</th>
            <th>{t('审核', { context: 'column' })}</th>
            <th>{t('备注')}</th>
            <th>{t('指纹', { context: 'column' })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map(([d, reason]) => (
            <tr key={d.fingerprint} data-testid="orphan-row" data-reason={reason}>
              <td>{t(ORPHAN_REASON_TEXT[reason].label)}</td>
              <td>
                <span translate="no">{d.agency ?? '—'}</span> {d.year ?? ''}
              </td>
              <td>{d.rule ? t(ruleLabel(d.rule)) : '—'}</td>
              <td>{d.subject ? subjectText(d.subject, lang, t, Infinity) : '—'}</td>
              <td>{t(REVIEW_STATUS_LABELS[d.decision])}</td>
              <td translate="no">{d.note || '—'}</td>
              <td className="mono small">{d.fingerprint}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown ? (
        <p className="small">
          {t('已列出 {{shown}} 条，另有 {{count}} 条。', { shown, count: rows.length - shown })}{' '}
          <button type="button" className="link" onClick={() => setShown((n) => n + ORPHAN_PAGE)} data-testid="orphans-more">
            {t('再显示 {{count}} 条', { count: Math.min(ORPHAN_PAGE, rows.length - shown) })}
          </button>
        </p>
      ) : null}
    </details>
  );
}
