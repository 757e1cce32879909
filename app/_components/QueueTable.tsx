'use client';

/**
 * The rows of the review queue (审核): severity, rule (name, id; source and formula in the
 * tooltip), agency (a link to its agency page) and year (a link to the report, at the flag),
 * the cells concerned, the message, and 确认/驳回 with a note (DecisionControls).
 */
import Link from 'next/link';
import { describeCellRef, SEVERITY_LABELS } from '@/lib/present/labels';
import { agencyHref, reportHref } from '@/lib/present/links';
import { ruleInfo } from '@/lib/present/rule-catalogue';
import { parseSubject } from '@/lib/present/subject-ref';
import type { UseDecisions } from '../_lib/use-decisions';
import type { QueueRow } from '../_lib/use-review-queue';
import DecisionControls from './DecisionControls';

/** The cells a flag concerns, in words; more than three are cut to three and a count. */
function refsText(subject: unknown): string {
  const refs = parseSubject(typeof subject === 'string' ? subject : null);
  const words = refs.map((x) => describeCellRef(x.ref));
  return refs.length > 3 ? `${words.slice(0, 3).join('；')} 等 ${refs.length} 处` : words.join('；');
}

/** The agency (linked to its page) and the year (linked to the report at this flag), with the 上传 badge. */
function AgencyCell({ r, back }: { r: QueueRow; back: URLSearchParams }) {
  const href = reportHref(String(r.report_id), { flag: r.fp, back });
  const agencyLink = agencyHref(typeof r.agency_key === 'string' ? r.agency_key : null, back);
  return (
    <td>
      {agencyLink ? (
        <Link href={agencyLink} data-testid="queue-agency-link" title="这个机关的历年报告">
          {String(r.agency ?? '（未识别机关）')}
        </Link>
      ) : (
        String(r.agency ?? '')
      )}
      <div className="muted small">
        {href ? (
          <Link href={href} data-testid="queue-open-report" title="打开这份报告，定位到这条检查结果">
            {typeof r.year === 'number' ? `${r.year} 年度报告` : '年度未知的报告'}
          </Link>
        ) : typeof r.year === 'number' ? (
          `${r.year} 年度`
        ) : (
          '年度未知'
        )}
        {r.origin === 'upload' ? (
          <span className="badge upload" data-testid="upload-badge" title="在本浏览器中上传的文件">
            上传
          </span>
        ) : null}
      </div>
    </td>
  );
}

/** One flag of the queue. */
function QueueRowView({ r, status, decisions, back }: { r: QueueRow; status: string; decisions: UseDecisions; back: URLSearchParams }) {
  const info = ruleInfo(String(r.rule));
  return (
    <tr data-testid="queue-row" data-fingerprint={r.fp} data-report-id={String(r.report_id)} data-rule={String(r.rule)} data-status={status}>
      <td className={`sev-${String(r.severity)}`}>{SEVERITY_LABELS[String(r.severity)] ?? String(r.severity)}</td>
      <td title={`${info.source}\n${info.formula}`}>
        {info.name}
        <div className="muted small mono">{String(r.rule)}</div>
      </td>
      <AgencyCell r={r} back={back} />
      <td className="refs">{refsText(r.subject)}</td>
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
  return (
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
          {rows.map((r) => (
            <QueueRowView key={r.fp} r={r} status={statusOf(r.fp)} decisions={decisions} back={back} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
