'use client';

/**
 * 体检单 of one agency over its years (/agency/AGENCY_KEY/card, issue 10): a one- or two-page
 * printable summary — the agency, its years with and without a report, the key figures per year,
 * the cross-year evaluations with their numbers, every flag of every year with its severity, review
 * status and note, the rules' sources, the data source and the date printed — with 打印 / 导出 PDF.
 * Read like the agency page (../_lib/use-agency-years.ts, the review decisions from IndexedDB);
 * arranged by lib/present/report-card-agency.ts; printed with app/print.css.
 */
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { agencyHref } from '@/lib/present/links';
import { buildAgencyCard, type AgencyCardView } from '@/lib/present/report-card-agency';
import { useAgencyYears } from '../_lib/use-agency-years';
import { useBrowserDb } from '../_lib/use-browser-db';
import { useDecisions } from '../_lib/use-decisions';
import DbStatus from './DbStatus';
import ErrorBox, { QUERY_FAILED_WHAT } from './ErrorBox';
import { CARD_VOCABULARY, CardFlagTable, CardFooterView, CardToolbar, cardDecisions } from './ReportCardParts';
import { useT } from '../_lib/lang-context';

/** The agency card for `agencyKey` (decoded from the URL). */
export default function AgencyCard({ agencyKey }: { agencyKey: string }) {
  const { t, lang } = useT();
  const { state: db, retry } = useBrowserDb();
  const decisions = useDecisions();
  const data = useAgencyYears(db, agencyKey, t);
  const [now] = useState(() => new Date());
  const card = useMemo(() => {
    if (data.status !== 'ready' || data.flags.status === 'loading' || data.continuity.status === 'loading' || decisions.state.status === 'loading') return null;
    const flags = data.flags.status === 'ready' ? data.flags.value : t('检查标记没能读出：{{error}}', { error: data.flags.error });
    const continuity = data.continuity.status === 'ready' ? data.continuity.value : t('跨年度检查没能完成：{{error}}', { error: data.continuity.error });
    return buildAgencyCard({ years: data.years, flags, continuity, decisions: cardDecisions(decisions.state), now }, CARD_VOCABULARY, { t, lang });
  }, [data, decisions.state, now, t, lang]);

  return (
    <main className="page card-page" data-testid="agency-card-page">
      <CardToolbar backHref={agencyHref(agencyKey) ?? '/'} backLabel={t('返回机关页')} />
      <DbStatus loading={db.status === 'loading' || (db.status === 'ready' && !card && data.status !== 'error' && data.status !== 'not_found')} error={db.status === 'error' ? db : null} onRetry={retry} />
      {data.status === 'error' ? <ErrorBox testId="card-error" title={t('没能读取这个机关的报告')} message={data.error} what={t(QUERY_FAILED_WHAT)} /> : null}
      {data.status === 'not_found' ? (
        <ErrorBox
          testId="card-error"
          title={t('找不到这个机关')}
          message={t('数据中没有机关标识为“{{key}}”的报告。', { key: agencyKey })}
          what={
            <>
              {t('请从机关页的“体检单”链接进入，或回到')}
              <Link href="/">{t('看板')}</Link>
              {t('重新选择。')}
            </>
          }
        />
      ) : null}
      {card ? <AgencyCardBody card={card} /> : null}
    </main>
  );
}

/** The key figures, one column per year. */
function FigureTable({ card }: { card: AgencyCardView }) {
  const { t } = useT();
  return (
    <table className="card-table card-figures" data-testid="card-figures">
      <thead>
        <tr>
          <th>{t('项目')}</th>
          {card.years.map((y) => (
            <th key={y} className="num">
              {y}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {card.figures.map((f) => (
          <tr key={f.key} data-metric={f.key}>
            <th scope="row">{f.label}</th>
            {f.values.map((v, i) => (
              <td key={card.years[i]} className={`num${f.missing[i] ? ' missing' : ''}`}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The card itself (what is printed). */
function AgencyCardBody({ card }: { card: AgencyCardView }) {
  const { t } = useT();
  return (
    <article className="card" data-testid="agency-card" data-ready="true">
      <header className="card-head">
        <p className="card-kind">{t('政府信息公开工作年度报告 · 机关体检单')}</p>
        <h1 data-testid="card-agency" translate="no">
          {card.name}
        </h1>
        <dl className="card-meta">
          {card.printedNames.length ? (
            <div>
              <dt>{t('报告所印名称')}</dt>
              <dd translate="no">{card.printedNames.join('、')}</dd>
            </div>
          ) : null}
          {card.regions.length ? (
            <div>
              <dt>{t('地区')}</dt>
              <dd translate="no">{card.regions.join('、')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('年度', { context: 'card' })}</dt>
            <dd data-testid="card-coverage">{card.coverage}</dd>
          </div>
          <div>
            <dt>{t('机关标识')}</dt>
            <dd className="mono small" translate="no">
              {card.agencyKey}
            </dd>
          </div>
        </dl>
      </header>
      {card.years.length ? (
        <section className="card-section" aria-label={t('关键数字')}>
          <h2>{t('关键数字')}</h2>
          {/* Many years, or longer English labels, on a phone: the table scrolls inside its box, not the page. */}
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <FigureTable card={card} />
          </div>
        </section>
      ) : null}
      <section className="card-section" aria-label={t('跨年度检查')}>
        <h2>{t('跨年度检查')}</h2>
        {typeof card.continuity === 'string' ? (
          <p className="muted small">{card.continuity}</p>
        ) : (
          <ul className="card-continuity" data-testid="card-continuity">
            {card.continuity.map((c, i) => (
              <li key={i} data-rule={c.rule} data-verdict={c.verdict}>
                <span className={`verdict ${c.verdict}`} aria-label={c.verdictLabel} title={c.verdictLabel}>
                  {c.mark}
                </span>{' '}
                {c.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card-section" aria-label={t('检查结果')}>
        <h2>
          {t('各年度的检查结果')} <span className="muted small" data-testid="card-flag-summary">{card.flagSummary}</span>
        </h2>
        {typeof card.flagsByReport === 'string' ? (
          <p className="small">{card.flagsByReport}</p>
        ) : (
          card.flagsByReport.map((y) => (
            <div key={y.reportId} className="card-year" data-testid="card-year-flags" data-report-id={y.reportId}>
              <h3>{y.heading}</h3>
              <CardFlagTable flags={y.flags} />
            </div>
          ))
        )}
      </section>
      <CardFooterView footer={card} />
    </article>
  );
}
