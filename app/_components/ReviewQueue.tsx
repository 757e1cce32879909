'use client';

/**
 * 审核 (the review queue): the flags of the filtered reports, narrowed by rule, severity and review
 * status, each with 确认 / 驳回 and a note, and a link to its report page. Decisions are kept in
 * IndexedDB by flag fingerprint (../_lib/decision-store.ts); they can be exported to CSV and
 * imported back (all or nothing). Decisions whose flag is no longer in the data are counted as
 * 孤立 and listed, never dropped.
 */
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { runQuery, type Row } from '@/lib/store/executor';
import type { FilterState } from '@/lib/query/filters';
import { describeCellRef, ruleLabel, severityLabel, SEVERITY_LABELS } from '@/lib/present/labels';
import { reportHref } from '@/lib/present/links';
import {
  allFlagKeysSql,
  describeReviewFilter,
  filterByStatus,
  reviewOptionsFromRows,
  reviewOptionsSql,
  reviewQueueSql,
  type ReviewFilter,
  type ReviewOptions,
  type StatusFilter,
} from '@/lib/query/review';
import { ruleInfo } from '@/lib/present/rule-catalogue';
import { parseSubject } from '@/lib/present/subject-ref';
import { decisionsFileName, reconcileDecisions, REVIEW_STATUS_LABELS, reviewCounts, rowFingerprint, type Decision } from '@/lib/review/decisions';
import type { BrowserDb } from '../_lib/duckdb-browser';
import ErrorBox, { QUERY_FAILED_WHAT } from './ErrorBox';
import { useDecisions } from '../_lib/use-decisions';
import { downloadText } from '../_lib/download-text';
import DecisionControls from './DecisionControls';

const PAGE = 200;

type QueueState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; rows: Array<Row & { fp: string }> };


function Checklist({
  id,
  label,
  allLabel,
  options,
  selected,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  options: Array<{ value: string; text: string; n: number }>;
  selected: readonly string[];
  onChange: (v: string[]) => void;
}) {
  const summary = selected.length === 0 ? allLabel : selected.length === 1 ? options.find((o) => o.value === selected[0])?.text ?? selected[0] : `已选 ${selected.length} 项`;
  return (
    <div className="filter">
      <span className="filter-label" id={`${id}-label`}>
        {label}
      </span>
      <details className="multi" data-testid={`filter-${id}`}>
        <summary aria-labelledby={`${id}-label`}>{summary}</summary>
        <div className="multi-options" role="group" aria-labelledby={`${id}-label`}>
          {options.length === 0 ? <span className="muted">（无）</span> : null}
          {options.map((o) => {
            const checked = selected.includes(o.value);
            return (
              <label key={o.value} className="option">
                <input
                  type="checkbox"
                  checked={checked}
                  data-testid={`filter-${id}-option`}
                  data-value={o.value}
                  onChange={() => onChange(checked ? selected.filter((s) => s !== o.value) : [...selected, o.value])}
                />
                <span>{o.text}</span>
                <span className="muted small">{o.n} 条</span>
              </label>
            );
          })}
        </div>
      </details>
    </div>
  );
}

/**
 * The queue. `filter` is the dashboard's report filter, `reviewFilter` the queue's own (kept in the
 * URL by the dashboard), `back` the dashboard's URL parameters for links to report pages.
 */
export default function ReviewQueue({
  db,
  filter,
  reviewFilter,
  onReviewFilterChange,
  back,
}: {
  db: BrowserDb;
  filter: FilterState;
  reviewFilter: ReviewFilter;
  onReviewFilterChange: (rf: ReviewFilter) => void;
  back: URLSearchParams;
}) {
  const decisions = useDecisions();
  const [queue, setQueue] = useState<QueueState>({ status: 'loading' });
  const [options, setOptions] = useState<ReviewOptions>({ rules: [], severities: [] });
  const [allFps, setAllFps] = useState<Set<string> | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [importMsg, setImportMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [o, k] = await Promise.all([runQuery(db.exec, reviewOptionsSql()), runQuery(db.exec, allFlagKeysSql())]);
      if (cancelled) return;
      if (o.ok) setOptions(reviewOptionsFromRows(o.value));
      if (k.ok) setAllFps(new Set(k.value.map(rowFingerprint)));
    })();
    return () => {
      cancelled = true;
    };
  }, [db]);

  const sql = reviewQueueSql(filter, reviewFilter);
  useEffect(() => {
    let cancelled = false;
    setQueue({ status: 'loading' });
    setShown(PAGE);
    void runQuery(db.exec, sql).then((r) => {
      if (cancelled) return;
      setQueue(r.ok ? { status: 'ready', rows: r.value.map((row) => ({ ...row, fp: rowFingerprint(row) })) } : { status: 'error', error: r.error });
    });
    return () => {
      cancelled = true;
    };
  }, [db, sql]);

  const byFp = decisions.state.status === 'ready' ? decisions.state.byFingerprint : null;
  const statusOf = (fp: string) => byFp?.get(fp)?.decision ?? 'open';
  const rows = queue.status === 'ready' ? queue.rows : [];
  const visible = useMemo(() => filterByStatus(rows, reviewFilter.status, (r) => statusOf(r.fp)), [rows, reviewFilter.status, byFp]); // eslint-disable-line react-hooks/exhaustive-deps
  const counts = byFp && allFps ? reviewCounts(rows.map((r) => r.fp), byFp, allFps) : null;
  const orphans: Decision[] = byFp && allFps ? reconcileDecisions([...byFp.values()], allFps).orphaned : [];
  const storedCount = byFp?.size ?? 0;

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const r = await decisions.importFile(file);
    setImportMsg(r.ok ? { ok: true, text: r.value } : { ok: false, text: r.error });
    if (fileInput.current) fileInput.current.value = '';
  };

  const set = (patch: Partial<ReviewFilter>) => onReviewFilterChange({ ...reviewFilter, ...patch });

  return (
    <div className="review" data-testid="review-queue">
      <p className="muted summary">
        逐条审核检查结果：<strong>确认</strong>（确有问题）或<strong>驳回</strong>（不是问题，须写明理由）。审核结果保存在本机浏览器中（IndexedDB），按检查结果的指纹保存，数据重新生成后仍对得上；换电脑或清除浏览器数据前，请先导出。
      </p>
      <div className="filters review-filters">
        <Checklist
          id="rule"
          label="规则"
          allLabel="全部规则"
          options={options.rules.map((r) => ({ value: r.rule, text: ruleLabel(r.rule), n: r.n }))}
          selected={reviewFilter.rules}
          onChange={(rules) => set({ rules })}
        />
        <Checklist
          id="severity"
          label="严重程度"
          allLabel="全部"
          options={options.severities.map((s) => ({ value: s.severity, text: severityLabel(s.severity), n: s.n }))}
          selected={reviewFilter.severities}
          onChange={(severities) => set({ severities })}
        />
        <div className="filter">
          <span className="filter-label">审核状态</span>
          <select value={reviewFilter.status} onChange={(e) => set({ status: e.target.value as StatusFilter })} data-testid="filter-status" aria-label="审核状态">
            <option value="all">全部</option>
            <option value="open">{REVIEW_STATUS_LABELS.open}</option>
            <option value="confirmed">{REVIEW_STATUS_LABELS.confirmed}</option>
            <option value="dismissed">{REVIEW_STATUS_LABELS.dismissed}</option>
          </select>
        </div>
      </div>
      <p className="filter-sentence" data-testid="review-sentence">
        {describeReviewFilter(filter, reviewFilter)}
      </p>

      <div className="toolbar review-toolbar">
        {counts ? (
          <span data-testid="review-counts" data-total={counts.total} data-open={counts.open} data-confirmed={counts.confirmed} data-dismissed={counts.dismissed} data-orphaned={counts.orphaned} data-stored={storedCount}>
            共 {counts.total} 条 · {REVIEW_STATUS_LABELS.open} {counts.open} · {REVIEW_STATUS_LABELS.confirmed} {counts.confirmed} · {REVIEW_STATUS_LABELS.dismissed} {counts.dismissed}
            {' · '}
            <span title="审核结果对应的检查结果已不在当前数据中（报告被替换或规则版本变化）。这些审核结果仍保存在本机，并会随导出一起导出。" className={counts.orphaned ? 'orphan-count' : ''}>
              孤立 {counts.orphaned}
            </span>
          </span>
        ) : (
          <span className="muted">正在读取审核结果…</span>
        )}
        <span className="spacer" />
        <button type="button" className="secondary" onClick={() => downloadText(decisions.exportCsv(), decisionsFileName(new Date()))} disabled={decisions.state.status !== 'ready'} data-testid="export-decisions">
          导出审核结果 CSV（{storedCount} 条）
        </button>
        <label className="button secondary" data-testid="import-label">
          导入审核结果 CSV
          <input ref={fileInput} type="file" accept=".csv,text/csv" className="visually-hidden" onChange={(e) => void onImport(e.target.files?.[0])} data-testid="import-decisions" />
        </label>
      </div>
      {importMsg ? (
        importMsg.ok ? (
          <p className="ok-box" role="status" data-testid="import-ok">
            {importMsg.text}
          </p>
        ) : (
          <ErrorBox message={importMsg.text} testId="import-error" />
        )
      ) : null}
      {decisions.state.status === 'error' ? (
        <ErrorBox message={decisions.state.error} testId="decisions-error" />
      ) : null}
      {decisions.state.status === 'ready' && decisions.state.unreadable > 0 ? (
        <p className="muted small">另有 {decisions.state.unreadable} 条本机记录格式无法识别（可能由其他版本写入），已原样保留。</p>
      ) : null}

      {queue.status === 'error' ? (
        <ErrorBox message={queue.error} what={QUERY_FAILED_WHAT} />
      ) : null}
      {queue.status === 'loading' ? (
        <div className="status" role="status" data-testid="view-loading">
          <span className="spinner" aria-hidden="true" />
          正在查询…
        </div>
      ) : null}
      {queue.status === 'ready' && visible.length === 0 ? (
        <p className="empty" data-testid="queue-empty">
          没有符合筛选条件的检查结果。
        </p>
      ) : null}
      {visible.length > 0 ? (
        <div className="table-wrap queue-wrap">
          <table data-testid="queue-table" className="queue">
            <thead>
              <tr>
                <th>严重程度</th>
                <th>规则</th>
                <th>机关 · 年度</th>
                <th>涉及</th>
                <th>说明</th>
                <th>审核</th>
              </tr>
            </thead>
            <tbody>
              {visible.slice(0, shown).map((r) => {
                const refs = parseSubject(typeof r.subject === 'string' ? r.subject : null);
                const href = reportHref(String(r.report_id), { flag: r.fp, back });
                const info = ruleInfo(String(r.rule));
                return (
                  <tr key={r.fp} data-testid="queue-row" data-fingerprint={r.fp} data-report-id={String(r.report_id)} data-rule={String(r.rule)} data-status={statusOf(r.fp)}>
                    <td className={`sev-${String(r.severity)}`}>{SEVERITY_LABELS[String(r.severity)] ?? String(r.severity)}</td>
                    <td title={`${info.source}\n${info.formula}`}>
                      {info.name}
                      <div className="muted small mono">{String(r.rule)}</div>
                    </td>
                    <td>
                      {href ? (
                        <Link href={href} data-testid="queue-open-report">
                          {String(r.agency ?? '（未识别机关）')}
                        </Link>
                      ) : (
                        String(r.agency ?? '')
                      )}
                      <div className="muted small">
                        {typeof r.year === 'number' ? `${r.year} 年度` : '年度未知'}
                        {r.origin === 'upload' ? (
                          <span className="badge upload" data-testid="upload-badge" title="在本浏览器中上传的文件">
                            上传
                          </span>
                        ) : null}
                      </div>
                    </td>
                    <td className="refs">{refs.length > 3 ? `${refs.slice(0, 3).map((x) => describeCellRef(x.ref)).join('；')} 等 ${refs.length} 处` : refs.map((x) => describeCellRef(x.ref)).join('；')}</td>
                    <td className="message">{String(r.message ?? '')}</td>
                    <td className="decide">
                      <DecisionControls
                        compact
                        decisions={decisions}
                        flag={{
                          fingerprint: r.fp,
                          report_id: String(r.report_id),
                          agency: typeof r.agency === 'string' ? r.agency : null,
                          year: typeof r.year === 'number' ? r.year : null,
                          rule: String(r.rule),
                          subject: typeof r.subject === 'string' ? r.subject : null,
                        }}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {visible.length > shown ? (
        <p className="muted">
          显示前 {shown} 条，共 {visible.length} 条。
          <button type="button" className="link" onClick={() => setShown((n) => n + PAGE)}>
            再显示 {Math.min(PAGE, visible.length - shown)} 条
          </button>
          （也可用上面的筛选缩小范围。）
        </p>
      ) : null}

      {orphans.length > 0 ? (
        <details className="orphans" data-testid="orphans">
          <summary>
            孤立的审核结果 {orphans.length} 条：它们对应的检查结果已不在当前数据中（报告被替换或规则版本变化）。这些记录保留在本机，并随“导出审核结果”一起导出。
          </summary>
          <table>
            <thead>
              <tr>
                <th>机关 · 年度</th>
                <th>规则</th>
                <th>涉及</th>
                <th>审核</th>
                <th>备注</th>
                <th>指纹</th>
              </tr>
            </thead>
            <tbody>
              {orphans.map((d) => (
                <tr key={d.fingerprint} data-testid="orphan-row">
                  <td>
                    {d.agency ?? '—'} {d.year ?? ''}
                  </td>
                  <td>{d.rule ? ruleLabel(d.rule) : '—'}</td>
                  <td>{d.subject ? parseSubject(d.subject).map((x) => describeCellRef(x.ref)).join('；') : '—'}</td>
                  <td>{REVIEW_STATUS_LABELS[d.decision]}</td>
                  <td>{d.note || '—'}</td>
                  <td className="mono small">{d.fingerprint}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      <details className="sql">
        <summary>查看审核队列的 SQL</summary>
        <pre data-testid="review-sql">{sql}</pre>
      </details>
    </div>
  );
}
