'use client';

/**
 * 覆盖 (the coverage grid): agency × year. A cell shows whether the year's report is in the data,
 * how far it could be read (status; which of 表二/表三/表四 were found) and its number of errors;
 * clicking it opens the report page. Empty cells between an agency's first and last report are
 * marked as gaps.
 */
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { buildCoverageGrid, COVERAGE_TABLES, coverageSql, yearHeading, type CoverageGrid as Grid, type CoverageReport as CoverageReportCell } from '@/lib/query/coverage';
import { runQuery } from '@/lib/store/executor';
import type { FilterState } from '@/lib/query/filters';
import { agencyHref, reportHref } from '@/lib/present/links';
import type { BrowserDb } from '../_lib/duckdb-browser';
import ErrorBox, { QUERY_FAILED_WHAT } from './ErrorBox';
import { useT } from '../_lib/lang-context';
import { statusText } from '@/lib/present/i18n/status-text';

type State = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; grid: Grid; sql: string };

/** The grid for the dashboard's filter; `back` keeps the dashboard state in links to report pages. */
export default function CoverageGrid({ db, filter, back }: { db: BrowserDb; filter: FilterState; back: URLSearchParams }) {
  const { t } = useT();
  const [state, setState] = useState<State>({ status: 'loading' });
  const sql = coverageSql(filter);
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    void runQuery(db.exec, sql).then((r) => {
      if (cancelled) return;
      setState(r.ok ? { status: 'ready', grid: buildCoverageGrid(r.value), sql } : { status: 'error', error: r.error });
    });
    return () => {
      cancelled = true;
    };
  }, [db, sql]);

  if (state.status === 'loading') {
    return (
      <div className="status" role="status" data-testid="view-loading">
        <span className="spinner" aria-hidden="true" />
        {t('正在查询…')}
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <ErrorBox message={state.error} what={t(QUERY_FAILED_WHAT)} />
    );
  }
  const { grid } = state;
  return (
    <div className="coverage" data-testid="coverage">
      <p className="muted summary">
        {t('每个机关每年一份报告。格子显示报告是否在数据中、表格能否读出（表二、表三、表四），以及“错误”级检查结果的条数；点击格子打开报告。')}
      </p>
      <div className="toolbar">
        <span data-testid="coverage-totals" data-reports={grid.totals.reports} data-gaps={grid.totals.gaps} data-with-errors={grid.totals.withErrors}>
          {t('{{agencies}} 个机关 · {{reports}} 份报告 · 有错误的 {{withErrors}} 份 · 首末年份之间缺少的报告 {{gaps}} 份', {
            agencies: grid.agencies.length,
            reports: grid.totals.reports,
            withErrors: grid.totals.withErrors,
            gaps: grid.totals.gaps,
          })}
        </span>
      </div>
      <CoverageLegend />
      {grid.agencies.length === 0 ? (
        <p className="empty" data-testid="view-empty">
          {t('没有符合筛选条件的报告。')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="coverage-table" data-testid="coverage-table">
            <thead>
              <tr>
                <th scope="col">{t('机关')}</th>
                {grid.years.map((y) => (
                  <th key={y} scope="col" className="year">
                    {yearHeading(y, t)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.agencies.map((a) => {
                const ys = Object.keys(a.byYear).filter((k) => k !== 'unknown').map(Number);
                const first = Math.min(...ys);
                const last = Math.max(...ys);
                return (
                  <tr key={a.agency}>
                    <th scope="row" className="agency" translate="no">
                      <AgencyName agency={a.agency} agencyKey={a.agencyKey} back={back} />
                      {a.region ? <div className="muted small">{a.region}</div> : null}
                    </th>
                    {grid.years.map((y) => {
                      const reports = a.byYear[y] ?? [];
                      const gap = reports.length === 0 && y !== 'unknown' && Number(y) > first && Number(y) < last;
                      if (reports.length === 0) {
                        return (
                          <td key={y} className={gap ? 'cov gap' : 'cov none'} data-testid="coverage-empty" data-agency={a.agency} data-year={y} title={gap ? `${a.agency} ${yearHeading(y, t)}${t('：数据中没有这一年的报告')}` : undefined}>
                            {gap ? t('无报告') : ''}
                          </td>
                        );
                      }
                      return (
                        <td key={y} className="cov has">
                          {reports.map((r) => (
                            <CoverageReport key={r.report_id} r={r} agency={a.agency} year={y} back={back} />
                          ))}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <details className="sql">
        <summary>{t('查看覆盖表的 SQL')}</summary>
        <pre>{state.sql}</pre>
      </details>
    </div>
  );
}

/** The legend of the grid's colours and badges. */
function CoverageLegend() {
  const { t } = useT();
  return (
      <div className="legend">
        <span className="legend-item">
          <span className="cov-sample full" />
          {t('三张表均可读')}
        </span>
        <span className="legend-item">
          <span className="cov-sample partial" />
          {t('部分可读（缺表或缺格）')}
        </span>
        <span className="legend-item">
          <span className="cov-sample unreadable" />
          {t('无法读取')}
        </span>
        <span className="legend-item">
          <span className="cov-sample gap" />
          {t('无报告（首末年份之间）')}
        </span>
        <span className="legend-item">
          <span className="err-badge">{t('错误 {{count}}', { count: 3 })}</span>
          {t('错误级检查结果条数')}
        </span>
      </div>
  );
}

/** One report in a grid cell: how far it was read, its tables, its errors and warnings; a link to its page. */
function CoverageReport({ r, agency, year, back }: { r: CoverageReportCell; agency: string; year: string; back: URLSearchParams }) {
  const { t, lang } = useT();
  const href = reportHref(r.report_id, { back });
  const body = (
    <>
      <span className="cov-status">
        {t(r.statusLabel)}
        {r.uploaded ? (
          <span className="badge upload" data-testid="upload-badge" title={t('在本浏览器中上传的文件')}>
            {t('上传')}
          </span>
        ) : null}
      </span>
      <span className="cov-tables">
        {COVERAGE_TABLES.map((tb) => (
          <span key={tb.key} className={r.tablesFound.includes(tb.key) ? 'tbl ok' : 'tbl missing'} title={t(r.tablesFound.includes(tb.key) ? '{{table}}已读出' : '{{table}}未读出', { table: t(tb.label) })}>
            {t(tb.label)}
          </span>
        ))}
      </span>
      {r.errors > 0 ? <span className="err-badge">{t('错误 {{count}}', { count: r.errors })}</span> : <span className="muted small">{t('无错误')}</span>}
      {r.warnings > 0 ? <span className="muted small">{t(' · 警告 {{count}}', { count: r.warnings })}</span> : null}
    </>
  );
  const props = {
    className: `cov-report ${r.readability}`,
    'data-testid': 'coverage-cell',
    'data-report-id': r.report_id,
    'data-agency': agency,
    'data-year': year,
    'data-errors': r.errors,
    'data-status': r.status,
    'data-origin': r.uploaded ? 'upload' : 'embedded',
    title: [t(r.statusLabel), statusText(r.status, r.statusMessage, lang, t)].filter(Boolean).join(t('：')),
  };
  return href ? (
    <Link href={href} {...props}>
      {body}
    </Link>
  ) : (
    <span {...props}>
      {body}
    </span>
  );
}

/** An agency's name in the grid, linked to its page (/agency/AGENCY_KEY) when it has an identity. */
function AgencyName({ agency, agencyKey, back }: { agency: string; agencyKey: string | null; back: URLSearchParams }) {
  const href = agencyHref(agencyKey, back);
  return href ? (
    <Link href={href} data-testid="coverage-agency-link" data-agency-key={agencyKey}>
      {agency}
    </Link>
  ) : (
    <>{agency}</>
  );
}
