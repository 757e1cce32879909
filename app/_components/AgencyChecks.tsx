'use client';

/**
 * The agency page's checks: the cross-year evaluations of CARRYOVER_CONTINUITY and
 * IN_FORCE_CONTINUITY for each pair of consecutive years — shown with their numbers whether the
 * rule holds (✓), fails (✗) or cannot be evaluated (？, a number missing) — and the flags of each
 * year's reports with their review status (确认/驳回 stored in this browser), each linking to the
 * report page where it is reviewed.
 */
import Link from 'next/link';
import type { AgencyYears, ContinuityCheck } from '@/lib/query/agency-years';
import { continuityText } from '@/lib/present/continuity-text';
import type { ReportFlag } from '@/lib/query/report-detail';
import { ruleLabel, severityLabel } from '@/lib/present/labels';
import { reportHref } from '@/lib/present/links';
import { REVIEW_STATUS_LABELS, type ReviewStatus } from '@/lib/review/decisions';
import type { DecisionsState } from '../_lib/use-decisions';
import type { Part } from '../_lib/use-agency-years';
import ErrorBox, { QUERY_FAILED_WHAT } from './ErrorBox';
import { useT } from '../_lib/lang-context';
import { flagText } from '@/lib/present/i18n/flag-text';

/** What each cross-year rule compares, said neutrally (the rule's own name describes its failure); the rule id is in the tooltip. */
const CHECK_TITLES: Record<ContinuityCheck['rule'], string> = {
  CARRYOVER_CONTINUITY: '上年结转与上一年结转下年度',
  IN_FORCE_CONTINUITY: '现行有效件数的衔接',
};

const VERDICT = {
  holds: { mark: '✓', label: '相符', color: '#2e7d32' },
  fails: { mark: '✗', label: '不符', color: '#c0392b' },
  not_evaluated: { mark: '？', label: '无法检查', color: '#777' },
} as const;

/** The cross-year evaluations, by pair of years. */
function Continuity({ part }: { part: Part<ContinuityCheck[]> }) {
  const { t } = useT();
  if (part.status === 'loading') return <p className="muted small">{t('正在进行跨年度检查…')}</p>;
  if (part.status === 'error') return <ErrorBox testId="agency-continuity-error" message={t('跨年度检查没能完成：{{error}}', { error: part.error })} what={t(QUERY_FAILED_WHAT)} />;
  if (part.value.length === 0) {
    return <p className="muted small" data-testid="agency-continuity-none">{t('没有相邻两个年度都有报告，跨年度检查（上年结转、现行有效件数）无法进行。')}</p>;
  }
  return (
    <ul style={{ listStyle: 'none', padding: 0 }} data-testid="agency-continuity">
      {part.value.map((c) => {
        const v = VERDICT[c.verdict];
        const href = reportHref(c.reportId);
        return (
          <li key={`${c.prevReportId}-${c.reportId}-${c.rule}-${c.subjectRow}`} data-rule={c.rule} data-verdict={c.verdict} style={{ margin: '6px 0', overflowWrap: 'anywhere' }}>
            <span style={{ color: v.color, fontWeight: 'bold' }} title={t(v.label)} aria-label={t(v.label)}>
              {v.mark}
            </span>{' '}
            <strong title={`${c.rule}${t('：')}${t(ruleLabel(c.rule))}`}>
              {c.prevYear}→{c.year} {t(CHECK_TITLES[c.rule])}
            </strong>
            {t('：')}
            {continuityText(c, t)}
            {href ? (
              <>
                {' '}
                <Link href={href} className="small">
                  {t('{{year}} 年报告', { year: c.year })}
                </Link>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The review status of a flag from the stored decisions. */
function statusOf(decisions: DecisionsState, fp: string): ReviewStatus | null {
  if (decisions.status !== 'ready') return null;
  return decisions.byFingerprint.get(fp)?.decision ?? 'open';
}

/** The flags of one report, as a list with severity, rule, message, review status and a link to review it. */
function FlagList({ reportId, flags, decisions }: { reportId: string; flags: readonly ReportFlag[]; decisions: DecisionsState }) {
  const { t, lang } = useT();
  if (flags.length === 0) return <p className="muted small">{t('没有触发任何检查规则。')}</p>;
  return (
    <ul style={{ paddingLeft: '1.2em' }}>
      {flags.map((f) => {
        const status = statusOf(decisions, f.fingerprint);
        const href = reportHref(reportId, { flag: f.fingerprint });
        return (
          <li key={f.fingerprint} data-testid="agency-flag" data-rule={f.rule} style={{ margin: '4px 0', overflowWrap: 'anywhere' }}>
            <span className={`badge sev-${f.severity}`}>{t(severityLabel(f.severity))}</span> <strong>{t(ruleLabel(f.rule))}</strong>
            {t('：')}
            {flagText(f, lang, t)}{' '}
            <span className={`badge review-${status ?? 'open'}`} data-testid="agency-flag-status" title={status ? undefined : t('审核结果尚未读出')}>
              {status ? t(REVIEW_STATUS_LABELS[status]) : '…'}
            </span>{' '}
            {href ? (
              <Link href={href} className="small">
                {t('去审核')}
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The checks of one agency: across years, then per year. */
export default function AgencyChecks({
  years,
  flags,
  continuity,
  decisions,
}: {
  years: AgencyYears;
  flags: Part<Map<string, ReportFlag[]>>;
  continuity: Part<ContinuityCheck[]>;
  decisions: DecisionsState;
}) {
  const { t } = useT();
  const reports = [...years.years.flatMap((y) => years.reportsByYear[y]), ...years.unknownYear];
  return (
    <section aria-label={t('检查结果')} data-testid="agency-checks">
      <h2>{t('跨年度检查')}</h2>
      <p className="muted small">
        {t('上年结转 = 上一年结转下年度继续办理（表三）；现行有效件数 = 上年现行有效 + 本年制发 − 本年废止（表二，规章与行政规范性文件；到期自然失效会造成差异，故为警告）。规则成立时也列出数字。')}
      </p>
      <Continuity part={continuity} />
      <h2>{t('各年度的检查标记')}</h2>
      {decisions.status === 'error' ? <p className="small">{t('审核结果没能读出（{{error}}），审核状态暂不显示。', { error: decisions.error })}</p> : null}
      {flags.status === 'loading' ? <p className="muted small">{t('正在读取检查标记…')}</p> : null}
      {flags.status === 'error' ? <ErrorBox testId="agency-flags-error" message={t('检查标记没能读出：{{error}}', { error: flags.error })} what={t(QUERY_FAILED_WHAT)} /> : null}
      {flags.status === 'ready'
        ? reports.map((r) => {
            const id = String(r.report_id);
            const list = flags.value.get(id) ?? [];
            return (
              <div key={id} data-testid="agency-year-flags" data-report-id={id}>
                <h3 style={{ fontSize: 15, marginBottom: 2 }}>
                  {typeof r.year === 'number' ? t('{{year}} 年', { year: r.year }) : t('年度不明')}
                  <span className="muted small">{t('（{{count}} 条）', { count: list.length })}</span>
                </h3>
                <FlagList reportId={id} flags={list} decisions={decisions} />
              </div>
            );
          })
        : null}
    </section>
  );
}
