'use client';

/**
 * 手工录入 (issue 13): a new report entered from nothing — 机关名称, 年度, 发布日期 (optional) and the
 * three tables of the 2021 form as 校对's editable grid (./ProofreadGrid.tsx GridGroup, IdentityList)
 * with the form's identities updated as a number is typed. 保存 builds the record through the read
 * path and the checks and adds it like an upload (app/_lib/use-manual-entry.ts): it appears in
 * every view (来源 上传, 文件 手工录入 …), keeps across reloads of this tab and is removed with
 * 清除上传的数据. An empty cell stays 缺失 (missing), never 0.
 */
import Link from 'next/link';
import { useMemo } from 'react';
import { buildFormTables } from '@/lib/present/report-layout';
import type { BrowserDb } from '../_lib/duckdb-browser';
import { useManualEntry, type UseManualEntry } from '../_lib/use-manual-entry';
import { GridGroup, IdentityList } from './ProofreadGrid';
import { useT } from '../_lib/lang-context';
import { uploadResultText } from '@/lib/present/i18n/upload-text';

/** The form; `onChanged` is awaited after a report was added; `linkFor` gives a report page's path; `onClose` hides the form. */
export default function ManualEntry({
  db,
  onChanged,
  linkFor,
  onClose,
}: {
  db: BrowserDb;
  onChanged: () => Promise<void>;
  linkFor: (reportId: string) => string | null;
  onClose: () => void;
}) {
  const { t } = useT();
  const m = useManualEntry(db, onChanged);
  const tables = useMemo(() => buildFormTables([], ['t2', 't3', 't4'], '2021'), []);
  return (
    <section className="manual-entry" aria-label={t('手工录入')} data-testid="manual-entry">
      <h2>{t('手工录入一份年度报告')}</h2>
      <p className="muted small">
        {t('按国办公开办函〔2021〕30号的表格逐格填入报告印出的数字；未填的格记为“缺失”，不按 0 计。保存后与上传的报告一样只保存在本标签页，表格中文件名以“手工录入”开头。')}
      </p>
      <MetaFields m={m} />
      <div className="proofread" data-testid="manual-grid">
        <div className="proofread-tables">
          {tables.map((view) => (
            <section key={view.table} className="form-table" data-testid={`manual-table-${view.table}`}>
              <h3>{t(view.title)}</h3>
              {view.groups.map((g, gi) => (
                <GridGroup key={gi} g={g} edits={m.edits} broken={m.broken} changed={m.values} onText={m.setCell} />
              ))}
            </section>
          ))}
        </div>
        <IdentityList identities={m.identities} changed={m.values} />
      </div>
      <div className="manual-entry-actions">
        <p className="muted small" data-testid="manual-count" data-count={m.values.size}>
          {t('已填 {{count}} 格', { count: m.values.size })}
        </p>
        <button type="button" className="primary" data-testid="manual-save" disabled={m.saving} onClick={() => void m.save()}>
          {m.saving ? t('正在保存…') : t('保存')}
        </button>
        <button type="button" data-testid="manual-close" onClick={onClose}>
          {t('关闭')}
        </button>
      </div>
      {m.problem ? (
        <p className="error-text" role="alert" data-testid="manual-problem">
          {m.problem}
        </p>
      ) : null}
      {m.result ? <SavedLine m={m} linkFor={linkFor} /> : null}
    </section>
  );
}

/** 机关名称, 年度, 发布日期 (the last optional). */
function MetaFields({ m }: { m: UseManualEntry }) {
  const { t } = useT();
  return (
    <div className="manual-entry-meta">
      <label>
        {t('机关名称（必填）')}
        <input data-testid="manual-agency" value={m.agency} onChange={(e) => m.setAgency(e.target.value)} placeholder={t('如：淮安市洪泽区人民政府')} autoComplete="off" />
      </label>
      <label>
        {t('年度（必填）')}
        <input data-testid="manual-year" inputMode="numeric" value={m.year} onChange={(e) => m.setYear(e.target.value)} placeholder={t('如：2024')} size={6} />
      </label>
      <label>
        {t('发布日期（可不填）')}
        <input data-testid="manual-date" type="date" value={m.publishedOn} onChange={(e) => m.setPublishedOn(e.target.value)} />
      </label>
    </div>
  );
}

/** What became of the last 保存: added (with links), or already loaded. */
function SavedLine({ m, linkFor }: { m: UseManualEntry; linkFor: (reportId: string) => string | null }) {
  const { t, lang } = useT();
  const r = m.result!;
  const href = r.outcome === 'added' ? linkFor(r.reportId) : null;
  return (
    <p className={r.outcome === 'added' ? 'ok-text' : 'muted'} role="status" data-testid="manual-saved" data-outcome={r.outcome} data-report-id={r.reportId ?? ''}>
      {r.outcome === 'added' ? t('已保存并添加：') : t('未重复添加：')}
      {uploadResultText(r, lang, t)}
      {href ? (
        <>
          {' '}
          <Link href={href} data-testid="manual-open-report">
            {t('查看报告')}
          </Link>
        </>
      ) : null}
    </p>
  );
}
