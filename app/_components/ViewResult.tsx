'use client';

/**
 * One view of the dashboard: its summary (and the indicator formulas for 指标), a query error or
 * the loading state, then the chart (the first {@link CHART_MAX_ROWS} rows; a click opens that
 * report), the row count with 下载 CSV, the paged table and the view's SQL.
 */
import { useRouter } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { chartForView, chartReportIds } from '@/lib/charts';
import { reportHref } from '@/lib/present/links';
import { INDICATORS } from '@/lib/query/indicators';
import type { ViewDef } from '@/lib/query/views';
import type { Row } from '@/lib/store/executor';
import type { ShownView, TablePage } from '../_lib/use-view-rows';
import DataTable from './DataTable';
import EChart from './EChart';
import ErrorBox from './ErrorBox';

/**
 * Rows drawn in a chart: the first 60 rows of the view (its SQL order); the table pages through
 * all of them and 下载 CSV writes all of them.
 */
const CHART_MAX_ROWS = 60;

/** Props of {@link ViewResult}. */
export interface ViewResultProps {
  view: ViewDef;
  shown: ShownView | null;
  /** The query's failure (Chinese), or null. */
  error: string | null;
  /** True while a newer result is being queried (the shown one stays). */
  querying: boolean;
  page: TablePage | null;
  onPage: (page: number) => void;
  /** The dashboard's URL parameters (the `back` of links to report pages). */
  back: URLSearchParams;
  /** 下载 CSV: null while it cannot run (no database yet). */
  download: { run: () => void; busy: boolean; error: string | null } | null;
}

/** The content of the view panel for a view (see the module comment). */
export default function ViewResult({ view, shown, error, querying, page, onPage, back, download }: ViewResultProps) {
  const router = useRouter();
  const chartRows = useMemo(() => (shown ? shown.rows.slice(0, CHART_MAX_ROWS) : []), [shown]);
  const option = useMemo(() => (shown ? chartForView(shown.view, chartRows) : null), [shown, chartRows]);
  const chartIds = useMemo(() => (shown ? chartReportIds(shown.view, chartRows) : []), [shown, chartRows]);
  const linkFor = useCallback(
    (row: Row) => reportHref(String(row.report_id ?? ''), { flag: typeof row.fingerprint === 'string' ? row.fingerprint : null, back }),
    [back],
  );
  const onChartClick = useCallback(
    (i: number) => {
      const id = chartIds[i];
      const href = id ? reportHref(id, { back }) : null;
      if (href) router.push(href);
    },
    [chartIds, back, router],
  );
  const failed = error ?? download?.error ?? null;

  return (
    <>
      <p className="muted summary">{view.summary}</p>
      {view.id === 'indicators' ? <IndicatorFormulas /> : null}
      {failed ? <ErrorBox message={failed} what="请刷新页面；如果仍然出错，数据文件可能与看板版本不一致，请重新运行 npm run build:data。" testId="view-error" /> : null}
      {!shown && !error ? (
        <div className="status" role="status" data-testid="view-loading">
          <span className="spinner" aria-hidden="true" />
          正在查询…
        </div>
      ) : null}
      {shown && option ? (
        <>
          <EChart option={option} label={`${view.title}图表`} onItemClick={onChartClick} />
          <p className="muted small chart-hint">
            {shown.total > CHART_MAX_ROWS ? `图中显示前 ${CHART_MAX_ROWS} 行（共 ${shown.total} 行，见下表）。` : ''}
            点击图中的柱或点，打开那份报告。
          </p>
          <div className="toolbar">
            <span data-testid="row-count" data-count={shown.total}>
              共 {shown.total} 行
            </span>
            {querying ? (
              <span className="muted small" role="status" data-testid="view-loading">
                正在查询…
              </span>
            ) : null}
            <span className="muted small">“—”表示报告没有给出这个数（缺失、空白或占位符）或无法计算，不是 0。</span>
            <button type="button" className="primary" onClick={() => download?.run()} disabled={!download || download.busy} data-testid="download-csv">
              下载 CSV
            </button>
          </div>
          <DataTable columns={view.columns} rows={page ? page.rows : shown.rows} linkFor={linkFor} paging={{ total: shown.total, page: page?.page ?? 0, onPage, busy: page?.busy }} />
          <details className="sql">
            <summary>查看本视图的 SQL</summary>
            <pre data-testid="view-sql">{shown.sql}</pre>
          </details>
        </>
      ) : null}
    </>
  );
}

/** 指标: each indicator's formula and how to read it (lib/query/indicators.ts). */
function IndicatorFormulas() {
  return (
    <ul className="formulas" data-testid="indicator-formulas">
      {INDICATORS.map((ind) => (
        <li key={ind.key}>
          <strong>{ind.label}</strong> = {ind.formula}。<span className="muted">{ind.reading}</span>
        </li>
      ))}
    </ul>
  );
}
