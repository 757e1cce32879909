'use client';

/**
 * The rows of the review queue (审核): severity, rule (name, id; source and formula in the
 * tooltip), agency (a link to its agency page) and year (a link to the report, at the flag),
 * the cells concerned, the message, and 确认/驳回 with a note (DecisionControls).
 */
import Link from 'next/link';
import { SEVERITY_LABELS } from '@/lib/present/labels';
import { flagText, subjectText } from '@/lib/present/i18n/flag-text';
import type { Lang } from '@/lib/present/i18n/lang';
import type { Translate } from '@/lib/present/i18n/translate';
import { agencyHref, reportHref } from '@/lib/present/links';
import { ruleInfoText } from '@/lib/present/rule-catalogue';
import type { UseDecisions } from '../_lib/use-decisions';
import type { QueueRow } from '../_lib/use-review-queue';
import { useT } from '../_lib/lang-context';
import DecisionControls from './DecisionControls';

/** The cells a flag concerns, in words (in `lang`); more than three are cut to three and a count. */
function refsText(subject: unknown, lang: Lang, t: Translate): string {
  return subjectText(typeof subject === 'string' ? subject : null, lang, t, 3);
}

/** A value of a queue row as flagText takes it. */
function val(v: unknown): string | number | null {
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

/** The agency (linked to its page) and the year (linked to the report at this flag), with the 上传 badge. */
function AgencyCell({ r, back }: { r: QueueRow; back: URLSearchParams }) {
  const href = reportHref(String(r.report_id), { flag: r.fp, back });
  const agencyLink = agencyHref(typeof r.agency_key === 'string' ? r.agency_key : null, back);
  const { t } = useT();
  return (
    <td>
      {agencyLink ? (
        <Link href={agencyLink} data-testid="queue-agency-link" title={t('这个机关的历年报告')} translate={r.agency ? 'no' : undefined}>
          {r.agency ? String(r.agency) : t('（未识别机关）')}
        </Link>
      ) : (
        <span translate="no">{String(r.agency ?? '')}</span>
      )}
      <div className="muted small">
        {href ? (
          <Link href={href} data-testid="queue-open-report" title={t('打开这份报告，定位到这条检查结果')}>
            {typeof r.year === 'number' ? t('{{year}} 年度报告', { year: r.year }) : t('年度未知的报告')}
          </Link>
        ) : typeof r.year === 'number' ? (
          t('{{year}} 年度', { year: r.year })
        ) : (
          t('年度未知')
        )}
        {r.origin === 'upload' ? (
          <span className="badge upload" data-testid="upload-badge" title={t('在本浏览器中上传的文件')}>
            {t('上传')}
          </span>
        ) : null}
      </div>
    </td>
  );
}

/** One flag of the queue. */
function QueueRowView({ r, status, decisions, back }: { r: QueueRow; status: string; decisions: UseDecisions; back: URLSearchParams }) {
  const { t, lang } = useT();
  const info = ruleInfoText(String(r.rule), t);
  const message = flagText(
    { rule: String(r.rule), message: String(r.message ?? ''), subject: typeof r.subject === 'string' ? r.subject : null, expected: val(r.expected), actual: val(r.actual), difference: typeof r.difference === 'number' ? r.difference : null },
    lang,
    t,
  );
  return (
    <tr data-testid="queue-row" data-fingerprint={r.fp} data-report-id={String(r.report_id)} data-rule={String(r.rule)} data-status={status}>
      <td className={`sev-${String(r.severity)}`}>{t(SEVERITY_LABELS[String(r.severity)] ?? String(r.severity))}</td>
      <td title={`${info.source}\n${info.formula}`}>
        {info.name}
        <div className="muted small mono">{String(r.rule)}</div>
      </td>
      <AgencyCell r={r} back={back} />
      <td className="refs">{refsText(r.subject, lang, t)}</td>
      <td className="message">{message}</td>
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
}

/** The queue's table of `rows` (already cut to what is shown). */
export default function QueueTable({
  rows,
  statusOf,
  decisions,
  back,
}: {
  rows: readonly QueueRow[];
  statusOf: (fp: string) => string;
  decisions: UseDecisions;
  back: URLSearchParams;
}) {
  const { t } = useT();
  return (
    <div className="table-wrap queue-wrap">
      <table data-testid="queue-table" className="queue">
        <thead>
          <tr>
            <th>{t('严重程度')}</th>
            <th>{t('规则')}</th>
            <th>{t('机关 · 年度')}</th>
            <th>{t('涉及')}</th>
            <th>{t('说明')}</th>
            <th>{t('审核', { context: 'column' })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <QueueRowView key={r.fp} r={r} status={statusOf(r.fp)} decisions={decisions} back={back} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
