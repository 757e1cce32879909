'use client';

/**
 * 体检单 of one report (/report/REPORT_ID/card, issue 10): a one- or two-page printable summary —
 * who published it, which year, the published date and where it comes from, the key figures with
 * the year before, every flag with its severity, review status and note, the rules' sources, the
 * data source and the date printed — with 打印 / 导出 PDF. Read in the browser like the report page
 * (../_lib/use-report-data.ts, the agency's figures with the agency page's SQL, the review decisions
 * from IndexedDB); arranged by lib/present/report-card.ts; printed with app/print.css.
 */
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { buildReportCard, type ReportCardView } from '@/lib/present/report-card';
import { reportHref } from '@/lib/present/links';
import { isReportId } from '@/lib/present/subject-ref';
import { useBrowserDb } from '../_lib/use-browser-db';
import { useDecisions } from '../_lib/use-decisions';
import { useReportData } from '../_lib/use-report-data';
import { useReportFigures } from '../report/[id]/card/use-report-figures';
import { useT } from '../_lib/lang-context';
import DbStatus from './DbStatus';
import ErrorBox, { QUERY_FAILED_WHAT } from './ErrorBox';
import { CARD_VOCABULARY, CardFlagTable, CardFooterView, CardToolbar, cardDecisions } from './ReportCardParts';

/** The report card for `reportId` (validated; a malformed id gets an explanation). */
export default function ReportCard({ reportId }: { reportId: string }) {
  const { t, lang } = useT();
  const validId = isReportId(reportId);
  const { state: db, retry } = useBrowserDb();
  const decisions = useDecisions();
  const data = useReportData(db, reportId, validId);
  const ready = data.status === 'ready' ? data : null;
  const figures = useReportFigures(db, reportId, ready ? (ready.report.agency_key as string | null) : null, ready !== null, t);
  const [now] = useState(() => new Date());
  const card = useMemo(() => {
    if (!ready || figures.status === 'loading' || decisions.state.status === 'loading') return null;
    const f = figures.status === 'ready' ? figures : { row: null, previous: null };
    const built = buildReportCard({ report: ready.report, flags: ready.flags, figures: f.row, previous: f.previous, decisions: cardDecisions(decisions.state), now }, CARD_VOCABULARY, { t, lang });
    // A failed figures query is not a report left out of the comparisons: say so (the error box above says why).
    return figures.status === 'error' ? { ...built, figuresNote: t('关键数字没能读出（原因见上方说明），请刷新页面重试。') } : built;
  }, [ready, figures, decisions.state, now, t, lang]);

  if (!validId) {
    return (
      <main className="page">
        <ErrorBox
          title={t('报告编号格式不对')}
          message={t('“{{id}}”不是报告编号（应为 16 位十六进制数字，重复文件另加 -序号）。', { id: reportId })}
          what={
            <>
              {t('请从报告页的“体检单”链接进入。')}
              <Link href="/">{t('返回看板')}</Link>
            </>
          }
          testId="card-error"
        />
      </main>
    );
  }
  return (
    <main className="page card-page" data-testid="report-card-page">
      <CardToolbar backHref={reportHref(reportId) ?? '/'} backLabel={t('返回报告页')} />
      <DbStatus loading={db.status === 'loading' || (db.status === 'ready' && (data.status === 'loading' || (ready !== null && !card)))} error={db.status === 'error' ? db : null} onRetry={retry} />
      {data.status === 'error' ? <ErrorBox message={data.error} what={QUERY_FAILED_WHAT} testId="card-error" /> : null}
      {data.status === 'not_found' ? (
        <ErrorBox
          title={t('数据中没有这份报告')}
          message={t('报告编号 {{id}} 不在当前数据中。', { id: reportId })}
          what={
            <>
              {t('请回到')}
              <Link href="/">{t('看板')}</Link>
              {t('重新找到这份报告；上传的报告只在上传它的标签页中可用。')}
            </>
          }
          testId="card-error"
        />
      ) : null}
      {figures.status === 'error' ? <ErrorBox message={figures.error} what={QUERY_FAILED_WHAT} testId="card-figures-error" /> : null}
      {card ? <ReportCardBody card={card} /> : null}
    </main>
  );
}

/** The card itself (what is printed). */
function ReportCardBody({ card }: { card: ReportCardView }) {
  const { t } = useT();
  return (
    <article className="card" data-testid="report-card" data-ready="true">
      <header className="card-head">
        <p className="card-kind">{t('政府信息公开工作年度报告 · 体检单')}</p>
        <h1 data-testid="card-agency">
          <span translate="no">{card.agency}</span>
          {card.uploaded ? <span className="badge upload">{t('上传')}</span> : null}
        </h1>
        <p className="card-title" data-testid="card-title">{card.title}</p>
        <dl className="card-meta">
          <div>
            <dt>{t('地区')}</dt>
            <dd translate="no">{card.region}</dd>
          </div>
          <div>
            <dt>{t('发布日期')}</dt>
            <dd data-testid="card-published-on">
              {card.publication.date}
              {card.publication.note ?? ''}
              <span className="muted small">{t('（{{note}}）', { note: card.publication.title.replace(/[。.]$/, '') })}</span>
            </dd>
          </div>
          {card.publication.sourceUrl ? (
            <div>
              <dt>{t('原文链接')}</dt>
              <dd className="source-url small">{card.publication.sourceUrl}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('读取情况')}</dt>
            <dd>{card.status}</dd>
          </div>
        </dl>
      </header>
      <section className="card-section" aria-label={t('关键数字')}>
        <h2>
          {t('关键数字')}
          {card.previousYear !== null ? <span className="muted small">{t('（与 {{year}} 年比较）', { year: card.previousYear })}</span> : null}
        </h2>
        {card.figuresNote ? <p className="muted small">{card.figuresNote}</p> : null}
        {/* Longer English labels on a phone: the table scrolls inside its box, not the page. */}
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
        <table className="card-table card-figures" data-testid="card-figures">
          <thead>
            <tr>
              <th>{t('项目')}</th>
              <th className="num">{card.year ?? t('本年')}</th>
              {card.previousYear !== null ? (
                <>
                  <th className="num">{card.previousYear}</th>
                  <th className="num">{t('变化')}</th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {card.figures.map((f) => (
              <tr key={f.key} data-metric={f.key}>
                <th scope="row">{f.label}</th>
                <td className={`num${f.missing ? ' missing' : ''}`} data-testid="card-figure-value">
                  {f.value}
                  {f.base ? <div className="small muted">{f.base}</div> : null}
                </td>
                {card.previousYear !== null ? (
                  <>
                    <td className="num">{f.previous}</td>
                    <td className="num">{f.change ?? '—'}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
      <section className="card-section" aria-label={t('检查结果')}>
        <h2>
          {t('检查结果')} <span className="muted small" data-testid="card-flag-summary">{card.flagSummary}</span>
        </h2>
        <CardFlagTable flags={card.flags} />
      </section>
      <CardFooterView footer={card} />
    </article>
  );
}
