'use client';

/**
 * One flag explained: the rule's Chinese name and severity, the message, expected / actual /
 * difference in the rule's unit, the printed evidence, what it concerns, the rule's source and
 * formula (lib/present/rule-catalogue.ts), and the review controls.
 */
import Link from 'next/link';
import { describeCellRef, severityLabel } from '@/lib/present/labels';
import { reportHref } from '@/lib/present/links';
import type { ReportFlag } from '@/lib/query/report-detail';
import { flagValueLabels, flagValueText, ruleInfoText } from '@/lib/present/rule-catalogue';
import { flagText } from '@/lib/present/i18n/flag-text';
import { parseSubject } from '@/lib/present/subject-ref';
import type { FlagContext } from '@/lib/review/decisions';
import type { UseDecisions } from '../_lib/use-decisions';
import { useT } from '../_lib/lang-context';
import DecisionControls from './DecisionControls';

/** A flag of the report page. `back` keeps the dashboard state in links to other reports. */
export default function FlagCard({
  flag,
  context,
  selected,
  onSelect,
  decisions,
  back,
}: {
  flag: ReportFlag;
  context: Omit<FlagContext, 'fingerprint' | 'rule' | 'subject'>;
  selected: boolean;
  onSelect: (fp: string) => void;
  decisions: UseDecisions;
  back: URLSearchParams;
}) {
  const { t, lang } = useT();
  const info = ruleInfoText(flag.rule, t);
  const refs = parseSubject(flag.subject);
  const names = flagValueLabels(flag.rule, t);
  const values: Array<[string, string]> = [
    [names.expected, flagValueText(flag.rule, flag.subject, 'expected', flag.expected, t)],
    [names.actual, flagValueText(flag.rule, flag.subject, 'actual', flag.actual, t)],
    [names.difference, flagValueText(flag.rule, flag.subject, 'difference', flag.difference, t)],
  ].filter(([, v]) => v !== '—') as Array<[string, string]>;
  const hasValues = values.length > 0;
  return (
    <article
      className={`flag-card sev-${flag.severity}${selected ? ' sel' : ''}`}
      data-testid="flag-card"
      data-fingerprint={flag.fingerprint}
      data-rule={flag.rule}
      data-selected={selected ? 'true' : 'false'}
      id={`flag-${flag.fingerprint}`}
    >
      <header className="flag-head">
        <span className={`badge sev-${flag.severity}`}>{t(severityLabel(flag.severity))}</span>
        <h3>{info.name}</h3>
        <button type="button" className="link locate" onClick={() => onSelect(flag.fingerprint)} data-testid="flag-locate">
          {selected ? t('已定位') : t('在表格和原文中定位')}
        </button>
      </header>
      <p className="flag-message">{flagText(flag, lang, t)}</p>
      {hasValues ? (
        <dl className="flag-values">
          {values.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              {/* expected / printed values are numbers with a unit, or data as printed (an agency's name, a date) */}
              <dd translate={/[\u3400-\u9fff]/.test(v) ? 'no' : undefined}>{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {flag.evidence ? (
        <blockquote className="evidence" title={t('检查所依据的报告原文')}>
          <span className="muted small">{t('原文依据：')}</span>
          <span translate="no">{flag.evidence}</span>
        </blockquote>
      ) : null}
      {refs.length ? (
        <p className="flag-refs small">
          <span className="muted">{t('涉及：')}</span>
          {refs.map((r) => {
            if ((r.kind === 'cell' || r.kind === 'table') && r.report) {
              const href = reportHref(r.report, { back });
              return href ? (
                <Link key={r.ref} href={href} className="ref other" data-testid="flag-other-report">
                  {describeCellRef(r.ref, t)}
                </Link>
              ) : (
                <span key={r.ref} className="ref">
                  {r.ref}
                </span>
              );
            }
            return (
              <button key={r.ref} type="button" className="ref" onClick={() => onSelect(flag.fingerprint)}>
                {describeCellRef(r.ref, t)}
              </button>
            );
          })}
        </p>
      ) : null}
      <dl className="rule-info small">
        <div>
          <dt>{t('依据')}</dt>
          <dd data-testid="rule-source">{info.source}</dd>
        </div>
        <div>
          <dt>{t('规则')}</dt>
          <dd>{info.formula}</dd>
        </div>
        <div>
          <dt>{t('编号')}</dt>
          <dd className="mono">
            {flag.rule} v{flag.rule_version} · {t('指纹')} {flag.fingerprint}
          </dd>
        </div>
      </dl>
      <DecisionControls
        flag={{ ...context, fingerprint: flag.fingerprint, rule: flag.rule, subject: flag.subject }}
        decisions={decisions}
      />
    </article>
  );
}
