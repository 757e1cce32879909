'use client';

/**
 * The report page's tables with 校对 (issue 13): a toolbar — 校对 (turns the tables into the
 * editable grid, ./ProofreadGrid.tsx, loaded only then), 导出校对, 导入校对 — the message of the
 * last action, this report's kept corrections (cell, value before → after, note, time), and
 * either the grid or the read-only tables (`children`, ./FormTables.tsx).
 */
import dynamic from 'next/dynamic';
import { useRef, useState, type ReactNode } from 'react';
import { describeCellRef } from '@/lib/present/labels';
import type { FormTableView } from '@/lib/present/report-layout';
import type { ReportCell } from '@/lib/query/report-detail';
import type { UseCorrections } from '../_lib/use-corrections';
import { useT } from '../_lib/lang-context';

const ProofreadGrid = dynamic(() => import('./ProofreadGrid'), { ssr: false, loading: () => <GridLoading /> });

/** Shown while the editable grid's code loads. */
function GridLoading() {
  const { t } = useT();
  return <p className="muted">{t('正在打开校对表格…')}</p>;
}

/** Toolbar, messages, this report's corrections, and the grid in 校对 mode or `children` otherwise. */
export default function ProofreadGridPanel({
  reportId,
  cells,
  tables,
  corrections,
  children,
}: {
  reportId: string;
  cells: readonly ReportCell[];
  tables: readonly FormTableView[];
  corrections: UseCorrections;
  children: ReactNode;
}) {
  const { t, lang } = useT();
  const [editing, setEditing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const mine = (corrections.all ?? []).filter((c) => c.report_id === reportId);
  return (
    <>
      <div className="proofread-toolbar" role="toolbar" aria-label={t('校对')}>
        <button type="button" data-testid="proofread-toggle" aria-pressed={editing} onClick={() => setEditing((e) => !e)}>
          {editing ? t('结束校对') : t('校对')}
        </button>
        <button type="button" data-testid="corrections-export" onClick={corrections.exportAll}>
          {t('导出校对')}
        </button>
        <button type="button" data-testid="corrections-import" onClick={() => fileInput.current?.click()}>
          {t('导入校对')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          hidden
          data-testid="corrections-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void corrections.importFile(f);
          }}
        />
        <span className="muted small">{t('校对记录只保存在本浏览器中；导出后可交给他人导入，或用 npm run ingest -- --corrections 文件 写入数据。')}</span>
      </div>
      {corrections.message ? (
        <p className={corrections.message.kind === 'error' ? 'error-text' : 'ok-text'} role="status" data-testid="corrections-message">
          {corrections.message.text}
        </p>
      ) : null}
      {mine.length ? (
        <ul className="proofread-kept small" data-testid="corrections-kept">
          {mine.map((c) => (
            <li key={c.cell} data-ref={c.cell}>
              {t('已校对 {{cell}}：{{before}} → {{after}}', { cell: describeCellRef(c.cell, t), before: c.value_before ?? t('无数值'), after: c.value_after })}
              {lang === 'en' ? ' (' : '（'}
              <span translate="no">{c.note}</span>
              {lang === 'en' ? '; ' : '；'}
              {c.corrected_at.slice(0, 16).replace('T', ' ')} UTC{lang === 'en' ? ')' : '）'}
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <ProofreadGrid
          reportId={reportId}
          cells={cells}
          tables={tables}
          onSave={async (list) => {
            const error = await corrections.save(list);
            if (!error) setEditing(false);
            return error;
          }}
        />
      ) : (
        children
      )}
    </>
  );
}
