'use client';

/**
 * 上传年报: a drop zone and a file picker for one or more reports (txt, md, html, pdf, docx). The
 * files are read in this browser with the same parser and checks as the ingest and added to the
 * page's database beside the built-in data (app/_lib/upload-browser.ts); after each upload a list
 * says for every file 文件名 / 结果 / 说明 — added (with a link to its report page), already there,
 * or not added and why (too large, unsupported type, a scan without text layer, not an annual
 * report…) with what to do. Nothing is sent to any server. 手工录入 opens the form for a report
 * entered by hand (./ManualEntry.tsx, loaded only then), added like an upload.
 */
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { agencyHref } from '@/lib/present/links';
import type { UploadFileResult } from '@/lib/upload/add-uploads';
import { MAX_REPORT_BYTES } from '@/lib/read/read-limits';
import { UPLOAD_EXTENSIONS } from '@/lib/upload/upload-limits';
import { uploadResultText } from '@/lib/present/i18n/upload-text';
import { useT } from '../_lib/lang-context';
import type { BrowserDb } from '../_lib/duckdb-browser';
import { useUploads, type UploadProgress } from '../_lib/use-uploads';
import ErrorBox from './ErrorBox';

/** The note while the 手工录入 form loads. */
function ManualEntryLoading() {
  const { t } = useT();
  return <p className="muted">{t('正在打开手工录入表格…')}</p>;
}

const ManualEntry = dynamic(() => import('./ManualEntry'), { ssr: false, loading: () => <ManualEntryLoading /> });

const OUTCOME_LABELS: Record<UploadFileResult['outcome'], string> = {
  added: '已添加',
  duplicate: '已存在，未重复添加',
  rejected: '未添加',
};

/**
 * The upload section of the dashboard. `uploads` is how many uploaded reports the database holds;
 * `onChanged` is awaited after reports were added or removed (the dashboard then re-reads its
 * filter choices and views); `linkFor` gives a report page's path; `notice` is a message to show
 * (e.g. uploads that could not be restored after a reload).
 */
export default function UploadPanel({
  db,
  uploads,
  onChanged,
  linkFor,
  notice,
}: {
  db: BrowserDb;
  uploads: number;
  onChanged: () => Promise<void>;
  linkFor: (reportId: string) => string | null;
  notice: string | null;
}) {
  const u = useUploads(db, onChanged);
  const [manual, setManual] = useState(false);
  const { t } = useT();
  return (
    <section className="upload-section" aria-label={t('上传年报')} data-testid="upload">
      <UploadDropzone busy={u.busy} onFiles={(files) => void u.run(files)} />
      <button type="button" className="manual-entry-toggle" aria-expanded={manual} onClick={() => setManual((x) => !x)} data-testid="manual-entry-toggle">
        {manual ? t('收起手工录入') : t('手工录入')}
      </button>
      {manual ? <ManualEntry db={db} onChanged={onChanged} linkFor={linkFor} onClose={() => setManual(false)} /> : null}
      <p className="muted small upload-note" data-testid="upload-note">
        {t('文件只在本机浏览器中读取和检查，不会发送到任何服务器，也不会写入看板的数据文件。上传的数据只保存在本标签页：刷新本页仍在，关闭标签页后不会保留。')}
        {uploads > 0 ? (
          <>
            {' '}
            <span data-testid="upload-count" data-count={uploads}>
              {t('当前有上传的报告 {{count}} 份（表格中标为', { count: uploads })}
              <span className="badge upload">{t('上传')}</span>
              {t('）。')}
            </span>
            <button type="button" className="link" onClick={() => void u.clear()} disabled={u.busy} data-testid="upload-clear">
              {t('清除上传的数据')}
            </button>
          </>
        ) : null}
      </p>
      {notice ? <ErrorBox message={notice} testId="upload-notice" /> : null}
      {u.progress ? <UploadProgressLine progress={u.progress} /> : null}
      {u.error ? <ErrorBox message={u.error} testId="upload-error" /> : null}
      {u.results ? <UploadResults results={u.results} linkFor={linkFor} /> : null}
    </section>
  );
}

/** The drop zone with the 上传年报 button and its hidden file input; `onFiles` gets the dropped or picked files. */
function UploadDropzone({ busy, onFiles }: { busy: boolean; onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { t } = useT();
  return (
    <div
      className={`dropzone${over ? ' over' : ''}${busy ? ' busy' : ''}`}
      data-testid="upload-dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFiles([...e.dataTransfer.files]);
      }}
    >
      <button type="button" className="primary" disabled={busy} onClick={() => input.current?.click()} data-testid="upload-button">
        {t('上传年报')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={UPLOAD_EXTENSIONS.join(',')}
        data-testid="upload-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          onFiles(files);
        }}
      />
      <span>{t('或把文件拖到这里。可一次选多个：文本 .txt、Markdown .md、网页 .html、PDF、Word .docx，每个不超过 {{mb}} MB。', { mb: MAX_REPORT_BYTES / 1048576 })}</span>
    </div>
  );
}

/** Which file is being read, or that the batch is being written and checked. */
function UploadProgressLine({ progress }: { progress: NonNullable<UploadProgress> }) {
  const { t } = useT();
  return (
    <div className="status small" role="status" data-testid="upload-progress">
      <span className="spinner" aria-hidden="true" />
      {progress.done < progress.total ? (
        <>
          {t('正在读取第 {{n}}/{{total}} 个文件：', { n: progress.done + 1, total: progress.total })}
          <span translate="no">{progress.name}</span>…
        </>
      ) : (
        t('正在写入数据库并检查…')
      )}
    </div>
  );
}

/**
 * The list of the last upload: 文件名 / 结果 / 说明 per file; an added report links to its report
 * page (查看报告) and to its agency's page (机关历年).
 */
function UploadResults({ results, linkFor }: { results: readonly UploadFileResult[]; linkFor: (reportId: string) => string | null }) {
  const added = results.filter((r) => r.outcome === 'added').length;
  const { t, lang } = useT();
  return (
    <div className="upload-results" data-testid="upload-results" data-added={added}>
      <p className="small">
        {t('本次上传 {{count}} 个文件：已添加 {{added}} 个', { count: results.length, added })}
        {results.length - added > 0 ? t('，未添加 {{count}} 个（原因见下表）', { count: results.length - added }) : ''}
        {t('。')}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('上传结果（可在框内滚动）')}>
        <table className="upload-table">
          <thead>
            <tr>
              <th scope="col">{t('文件名')}</th>
              <th scope="col">{t('结果')}</th>
              <th scope="col">{t('说明')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r, i) => {
              const href = r.outcome === 'added' ? linkFor(r.reportId) : null;
              const agency = r.outcome === 'added' ? agencyHref(r.record.report.agency_key) : null;
              return (
                <tr key={`${r.file}-${i}`} data-testid="upload-result" data-file={r.file} data-outcome={r.outcome} data-report-id={r.reportId ?? ''}>
                  <td className="mono small" translate="no">
                    {r.file}
                  </td>
                  <td className={`upload-outcome ${r.outcome}`}>{t(OUTCOME_LABELS[r.outcome])}</td>
                  <td className="message">
                    {uploadResultText(r, lang, t)}
                    {href ? (
                      <>
                        {' '}
                        <Link href={href} data-testid="upload-open-report">
                          {t('查看报告')}
                        </Link>
                      </>
                    ) : null}
                    {agency ? (
                      <>
                        {' · '}
                        <Link href={agency} data-testid="upload-open-agency">
                          {t('机关历年')}
                        </Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
