'use client';

/**
 * 审核 (the review queue): the flags of the filtered reports, narrowed by rule, severity and review
 * status, each with 确认 / 驳回 and a note, and a link to its report page. Decisions are kept in
 * IndexedDB by flag fingerprint (../_lib/decision-store.ts); they can be exported to CSV and
 * imported back (all or nothing). Decisions whose flag is no longer in the data are counted as
 * 孤立 and listed, never dropped. The rule filter lists every registered rule, those with no flag
 * as 0 条 (checked, nothing found).
 *
 * The data is ../_lib/use-review-queue.ts; the parts are ReviewToolbar, QueueTable and OrphanList.
 */
import type { FilterState } from '@/lib/query/filters';
import { severityLabel } from '@/lib/present/labels';
import { describeReviewFilter, type ReviewFilter, type StatusFilter } from '@/lib/query/review';
import { REVIEW_STATUS_LABELS } from '@/lib/review/decisions';
import type { BrowserDb } from '../_lib/duckdb-browser';
import { QUEUE_PAGE, useReviewQueue, type ReviewQueueData } from '../_lib/use-review-queue';
import { useRuleCounts } from '../_lib/use-rule-counts';
import { useT } from '../_lib/lang-context';
import Checklist from './Checklist';
import ErrorBox, { QUERY_FAILED_WHAT } from './ErrorBox';
import OrphanList from './OrphanList';
import QueueTable from './QueueTable';
import ReviewToolbar from './ReviewToolbar';

/** Props of {@link ReviewQueue}. */
export interface ReviewQueueProps {
  db: BrowserDb;
  /** The dashboard's report filter. */
  filter: FilterState;
  /** The queue's own filter (kept in the URL by the dashboard). */
  reviewFilter: ReviewFilter;
  onReviewFilterChange: (rf: ReviewFilter) => void;
  /** The dashboard's URL parameters, the `back` of links to report pages. */
  back: URLSearchParams;
}

/** The rule, severity and status controls; rule counts cover the reports of the report filter. */
function ReviewFilters({ db, filter, reviewFilter, onReviewFilterChange }: Omit<ReviewQueueProps, 'back'>) {
  const counts = useRuleCounts(db, filter);
  const { t } = useT();
  const set = (patch: Partial<ReviewFilter>) => onReviewFilterChange({ ...reviewFilter, ...patch });
  return (
    <div className="filters review-filters">
      <Checklist id="rule" label={t('规则')} allLabel={t('全部规则')} options={counts.rules.map((r) => ({ value: r.rule, text: t(r.label), n: r.n }))} selected={reviewFilter.rules} onChange={(rules) => set({ rules })} />
      <Checklist
        id="severity"
        label={t('严重程度')}
        allLabel={t('全部')}
        options={counts.options.severities.map((s) => ({ value: s.severity, text: t(severityLabel(s.severity)), n: s.n }))}
        selected={reviewFilter.severities}
        onChange={(severities) => set({ severities })}
      />
      <div className="filter">
        <span className="filter-label">{t('审核状态')}</span>
        <select value={reviewFilter.status} onChange={(e) => set({ status: e.target.value as StatusFilter })} data-testid="filter-status" aria-label={t('审核状态')}>
          <option value="all">{t('全部')}</option>
          <option value="open">{t(REVIEW_STATUS_LABELS.open)}</option>
          <option value="confirmed">{t(REVIEW_STATUS_LABELS.confirmed)}</option>
          <option value="dismissed">{t(REVIEW_STATUS_LABELS.dismissed)}</option>
        </select>
      </div>
    </div>
  );
}

/** Loading, error, empty, the table and 再显示 for the queue's data `q`. */
function QueueBody({ q, back }: { q: ReviewQueueData; back: URLSearchParams }) {
  const { queue, visible, shown } = q;
  const { t } = useT();
  return (
    <>
      {queue.status === 'error' ? <ErrorBox message={queue.error} what={QUERY_FAILED_WHAT} /> : null}
      {queue.status === 'loading' ? (
        <div className="status" role="status" data-testid="view-loading">
          <span className="spinner" aria-hidden="true" />
          {t('正在查询…')}
        </div>
      ) : null}
      {queue.status === 'ready' && visible.length === 0 ? (
        <p className="empty" data-testid="queue-empty">
          {t('没有符合筛选条件的检查结果。')}
        </p>
      ) : null}
      {visible.length > 0 ? <QueueTable rows={visible.slice(0, shown)} statusOf={q.statusOf} decisions={q.decisions} back={back} /> : null}
      {visible.length > shown ? (
        <p className="muted">
          {t('显示前 {{shown}} 条，共 {{count}} 条。', { shown, count: visible.length })}
          <button type="button" className="link" onClick={q.showMore}>
            {t('再显示 {{count}} 条', { count: Math.min(QUEUE_PAGE, visible.length - shown) })}
          </button>
          {t('（也可用上面的筛选缩小范围。）')}
        </p>
      ) : null}
    </>
  );
}

/** The queue (see the module comment). */
export default function ReviewQueue({ db, filter, reviewFilter, onReviewFilterChange, back }: ReviewQueueProps) {
  const q = useReviewQueue(db, filter, reviewFilter);
  const { t } = useT();
  return (
    <div className="review" data-testid="review-queue">
      <p className="muted summary">
        {t('逐条审核检查结果：')}
        <strong>{t('确认')}</strong>
        {t('（确有问题）或')}
        <strong>{t('驳回')}</strong>
        {t('（不是问题，须写明理由）。审核结果保存在本机浏览器中（IndexedDB），按检查结果的指纹保存，数据重新生成后仍对得上；换电脑或清除浏览器数据前，请先导出。')}
      </p>
      <ReviewFilters db={db} filter={filter} reviewFilter={reviewFilter} onReviewFilterChange={onReviewFilterChange} />
      <p className="filter-sentence" data-testid="review-sentence">
        {describeReviewFilter(filter, reviewFilter, {}, t)}
      </p>
      <ReviewToolbar q={q} />
      <QueueBody q={q} back={back} />
      <OrphanList orphans={q.orphans} db={db} />
      <details className="sql">
        <summary>{t('查看审核队列的 SQL')}</summary>
        <pre data-testid="review-sql">{q.sql}</pre>
      </details>
    </div>
  );
}
