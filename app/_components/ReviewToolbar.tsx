'use client';

/**
 * The review queue's toolbar: the counts (共 N 条 · 未审核 · 已确认 · 已驳回 · 未对应 — decisions without a flag here: 报告未载入 or 孤立, OrphanList), 导出审核结果 CSV
 * and 导入审核结果 CSV (all or nothing, lib/review), and what the import or the decision store said.
 */
import { useRef, useState } from 'react';
import { errorDetailInParens } from '@/lib/model/error-detail';
import { decisionsFileName, REVIEW_STATUS_LABELS } from '@/lib/review/decisions';
import type { ReviewQueueData } from '../_lib/use-review-queue';
import { downloadText } from '../_lib/download-text';
import { useT } from '../_lib/lang-context';
import ErrorBox from './ErrorBox';

/** The counts of the queue's rows by review status, or a waiting note until the decisions are read. */
function Counts({ counts, stored }: { counts: ReviewQueueData['counts']; stored: number }) {
  const { t } = useT();
  if (!counts) return <span className="muted">{t('正在读取审核结果…')}</span>;
  return (
    <span data-testid="review-counts" data-total={counts.total} data-open={counts.open} data-confirmed={counts.confirmed} data-dismissed={counts.dismissed} data-orphaned={counts.orphaned} data-stored={stored}>
      {t('共 {{count}} 条', { count: counts.total })} · {t(REVIEW_STATUS_LABELS.open)} {counts.open} · {t(REVIEW_STATUS_LABELS.confirmed)} {counts.confirmed} · {t(REVIEW_STATUS_LABELS.dismissed)} {counts.dismissed}
      {' · '}
      <span
        title={t(
          '审核结果对应的检查结果不在本标签页的数据中：报告未载入（如在别的标签页上传的报告，或已被替换），或孤立（报告已载入，检查结果已不在，如规则版本变化）。这些审核结果仍保存在本机，并会随导出一起导出；下方列表按原因分开列出。',
        )}
        className={counts.orphaned ? 'orphan-count' : ''}
      >
        {t('未对应')} {counts.orphaned}
      </span>
    </span>
  );
}

/** The toolbar for the queue's data `q`. */
export default function ReviewToolbar({ q }: { q: ReviewQueueData }) {
  const { decisions, storedCount } = q;
  const { t } = useT();
  const [importMsg, setImportMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const onImport = async (file: File | undefined) => {
    if (!file) return;
    setImporting(true);
    setImportMsg(null);
    try {
      const r = await decisions.importFile(file);
      setImportMsg(r.ok ? { ok: true, text: r.value } : { ok: false, text: r.error });
    } catch (e) {
      setImportMsg({ ok: false, text: t('导入失败{{detail}}：现有的审核结果没有任何改动。请刷新页面后重新导入。', { detail: errorDetailInParens(e) }) });
    } finally {
      setImporting(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };
  return (
    <>
      <div className="toolbar review-toolbar">
        <Counts counts={q.counts} stored={storedCount} />
        <span className="spacer" />
        <button type="button" className="secondary" onClick={() => downloadText(decisions.exportCsv(), decisionsFileName(new Date(), t))} disabled={decisions.state.status !== 'ready'} data-testid="export-decisions">
          {t('导出审核结果 CSV（{{count}} 条）', { count: storedCount })}
        </button>
        <label className="button secondary" data-testid="import-label">
          {t('导入审核结果 CSV')}
          <input ref={fileInput} type="file" accept=".csv,text/csv" className="visually-hidden" disabled={importing} onChange={(e) => void onImport(e.target.files?.[0])} data-testid="import-decisions" />
        </label>
      </div>
      {importing ? (
        <p className="status small" role="status" data-testid="import-busy">
          <span className="spinner" aria-hidden="true" />
          {t('正在导入审核结果…')}
        </p>
      ) : null}
      {importMsg ? (
        importMsg.ok ? (
          <p className="ok-box" role="status" data-testid="import-ok">
            {importMsg.text}
          </p>
        ) : (
          <ErrorBox message={importMsg.text} testId="import-error" />
        )
      ) : null}
      {decisions.state.status === 'error' ? <ErrorBox message={decisions.state.error} testId="decisions-error" /> : null}
      {decisions.state.status === 'ready' && decisions.state.unreadable > 0 ? (
        <p className="muted small">{t('另有 {{count}} 条本机记录格式无法识别（可能由其他版本写入），已原样保留。', { count: decisions.state.unreadable })}</p>
      ) : null}
    </>
  );
}
