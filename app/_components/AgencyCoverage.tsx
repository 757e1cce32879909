'use client';

/**
 * The coverage of an agency's years (agency page): one box per year from its first report to the
 * latest year of the data, with a link to each report of that year (/report/REPORT_ID) and which of
 * 表二/表三/表四 it has; a year without a report is shown as 无报告 (not collected, or not
 * published — 条例第四十九条 asks for one every year), never as zeros. Reports whose year could not
 * be read are listed after.
 */
import Link from 'next/link';
import type { AgencyReportRow, AgencyYears } from '@/lib/query/agency-years';
import { reportHref } from '@/lib/present/links';
import { useT } from '../_lib/lang-context';

const TABLES = [
  { key: 'has_t2', label: '表二' },
  { key: 'has_t3', label: '表三' },
  { key: 'has_t4', label: '表四' },
] as const;

/** One report of a year: its link, the tables read, 上传 when uploaded in this tab. */
function ReportLink({ row, label }: { row: AgencyReportRow; label: string }) {
  const { t: tr } = useT();
  const id = String(row.report_id);
  const href = reportHref(id);
  return (
    <div style={{ marginTop: 4 }}>
      {href ? (
        <Link href={href} data-testid="agency-report-link" title={`${tr('报告编号 {{id}}', { id })}${row.agency ? tr('，报告所印名称：{{name}}', { name: String(row.agency) }) : ''}`}>
          {label}
        </Link>
      ) : (
        <span className="mono">{id}</span>
      )}
      {row.origin === 'upload' ? (
        <span className="badge upload" title={tr('在本浏览器中上传的文件')}>
          {tr('上传')}
        </span>
      ) : null}
      <div className="small">
        {TABLES.map((t) => (
          <span key={t.key} className={`chip ${row[t.key] ? 'ok' : 'missing'}`} title={tr(row[t.key] ? '读到了{{table}}' : '没有读到{{table}}', { table: tr(t.label) })}>
            {tr(t.label)}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The years of the agency, each with its reports or 无报告. */
export default function AgencyCoverage({ years }: { years: AgencyYears }) {
  const { t } = useT();
  const gaps = years.years.filter((y) => years.reportsByYear[y].length === 0);
  return (
    <section aria-label={t('历年报告')} data-testid="agency-coverage">
      <h2>{t('历年报告')}</h2>
      <p className="muted small">
        {years.years.length
          ? t('{{first}}–{{last}} 年（至数据中最新的年度）：{{count}} 个年度有报告', { first: years.years[0], last: years.years[years.years.length - 1], count: years.years.length - gaps.length }) +
            (gaps.length ? t('，{{years}} 年没有报告（未收录或未发布；不按 0 计）。', { years: gaps.join(t('、')) }) : t('。'))
          : t('这个机关的报告都没有读出年度。')}
      </p>
      <ol style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 8, listStyle: 'none', padding: 0 }}>
        {years.years.map((y) => {
          const reports = years.reportsByYear[y];
          return (
            <li
              key={y}
              data-testid="agency-year"
              data-year={y}
              data-reports={reports.length}
              className={reports.length ? 'cov-report full' : 'cov gap'}
              style={{ border: '1px solid #ccd', borderRadius: 6, padding: 8, background: reports.length ? undefined : '#f4f4f4' }}
            >
              <strong>{t('{{year}} 年', { year: y })}</strong>
              {reports.length === 0 ? <div className="muted small">{t('无报告')}</div> : null}
              {reports.map((r, i) => (
                <ReportLink key={String(r.report_id)} row={r} label={reports.length > 1 ? t('报告 {{n}}', { n: i + 1 }) : t('查看报告')} />
              ))}
              {reports.length > 1 ? <div className="muted small">{t('本年有 {{count}} 份报告，图表用第 1 份', { count: reports.length })}</div> : null}
            </li>
          );
        })}
      </ol>
      {years.unknownYear.length ? (
        <p className="small" data-testid="agency-unknown-year">
          {t('年度不明的报告：')}
          {years.unknownYear.map((r) => (
            <ReportLink key={String(r.report_id)} row={r} label={String(r.report_id)} />
          ))}
        </p>
      ) : null}
    </section>
  );
}
