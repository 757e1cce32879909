'use client';

/**
 * One view of the dashboard: its summary (and the indicator formulas for 指标), a query error or
 * the loading state, then the chart (the top N rows of the view's sorted query, N = 10/20/50, on a
 * linear or log axis — lib/charts/chart-display.ts; a click opens that report), the row count with
 * 下载 CSV, the paged table (sortable headers, a 比较 checkbox per row) and the view's SQL.
 */
import { useRouter } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { chartReportIds } from '@/lib/charts';
import { DEFAULT_CHART_DISPLAY, displayedChart, type ChartDisplay } from '@/lib/charts/chart-display';
import { agencyHref, reportHref } from '@/lib/present/links';
import { INDICATORS } from '@/lib/present/indicators';
import { effectiveSort, PAGE_ROWS, type ViewDef } from '@/lib/query/views';
import type { Row } from '@/lib/store/executor';
import type { ShownView, TablePage } from '../_lib/use-view-rows';
import ChartControls from './ChartControls';
import type { RowPick } from './ComparePick';
import DataTable from './DataTable';
import type { TableSort } from './SortableHeader';
import EChart from './EChart';
import ErrorBox from './ErrorBox';
import TrendChart from './TrendChart';
import type { GroupTotals } from '../_lib/use-group-totals';
import { spansSeveralYears } from '@/lib/charts/trend-chart';
import { labelText, viewSummaryText, viewTitleText } from '@/lib/present/view-labels';
import { useT } from '../_lib/lang-context';

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
  download: { run: () => void; busy: boolean; error: string | null; keys?: { value: boolean; onChange: (keys: boolean) => void } } | null;
  /** The chart's top N and log scale (URL `top=`, `log=1`), and how to change them; absent: top 20, linear. */
  chart?: { value: ChartDisplay; onChange: (d: ChartDisplay) => void };
  /** The table's column sort (URL `sort=`). */
  sort?: TableSort;
  /** The 比较 checkboxes of the table's rows. */
  pick?: RowPick;
  /** The selection's 合计 row and per-year totals (../_lib/use-group-totals.ts): the table's total row, and the trend chart beside the view's chart when they span several years. */
  totals?: GroupTotals | null;
}

/** The content of the view panel for a view (see the module comment). */
export default function ViewResult({ view, shown, error, querying, page, onPage, back, download, chart, sort, pick, totals }: ViewResultProps) {
  const router = useRouter();
  const { t } = useT();
  const display = chart?.value ?? DEFAULT_CHART_DISPLAY;
  const drawn = useMemo(() => (shown ? displayedChart(shown.view, shown.rows, shown.total, display, t) : null), [shown, display, t]);
  const option = drawn?.option ?? null;
  const chartIds = useMemo(() => (shown && drawn ? chartReportIds(shown.view, drawn.top.rows) : []), [shown, drawn]);
  // The table's first page: the first PAGE_ROWS of the rows the chart draws from (same array while they stay).
  const firstPage = useMemo(() => (shown ? shown.rows.slice(0, PAGE_ROWS) : []), [shown]);
  const sorted = effectiveSort(sort?.value ?? null, view.columns);
  const sortedCol = sorted ? view.columns.find((c) => c.key === sorted.key) : null;
  const linkFor = useCallback(
    (row: Row) => reportHref(String(row.report_id ?? ''), { flag: typeof row.fingerprint === 'string' ? row.fingerprint : null, back }),
    [back],
  );
  const agencyLinkFor = useCallback((row: Row) => agencyHref(typeof row.agency_key === 'string' ? row.agency_key : null, back), [back]);
  const onChartClick = useCallback(
    (i: number) => {
      const id = chartIds[i];
      const href = id ? reportHref(id, { back }) : null;
      if (href) router.push(href);
    },
    [chartIds, back, router],
  );
  // The totals go with the rows only when both are for the same filter: after a filter change the
  // rows come first (../_lib/query-priority.ts) and the old 合计 must not stand under them; the old
  // trend stays, faded, until the new one replaces it.
  const current = totals && shown && totals.filter === shown.filter ? totals : null;
  const failed = error ?? download?.error ?? null;
  const chartLabel = t('{{title}}图表', { title: viewTitleText(view.title, t) });
  const sortedBy = sorted && sortedCol ? t(sorted.dir === 'desc' ? '按“{{label}}”降序' : '按“{{label}}”升序', { label: labelText(sortedCol.label, t) }) : null;

  return (
    <>
      <p className="muted summary">{viewSummaryText(view.summary, t)}</p>
      {view.id === 'indicators' ? <IndicatorFormulas /> : null}
      {failed ? <ErrorBox message={failed} what={t('请刷新页面；如果仍然出错，数据文件可能与看板版本不一致，请重新运行 npm run build:data。')} testId="view-error" /> : null}
      {!shown && !error ? (
        <div className="status" role="status" data-testid="view-loading">
          <span className="spinner" aria-hidden="true" />
          {t('正在查询…')}
        </div>
      ) : null}
      {shown && option ? (
        <>
          {/* One wrapper either way, so that the view's chart is not re-created when the trend comes or goes (the totals arrive after the rows). */}
          <div className={totals?.trend && spansSeveralYears(totals.trend.rows) ? 'chart-pair' : 'chart-single'}>
            <EChart option={option} label={chartLabel} imageTitle={viewTitleText(view.title, t)} onItemClick={onChartClick} />
            {totals?.trend && spansSeveralYears(totals.trend.rows) ? <TrendChart def={totals.trend.def} rows={totals.trend.rows} stale={!current} /> : null}
          </div>
          <ChartControls
            view={shown.view}
            display={display}
            onDisplay={(d) => chart?.onChange(d)}
            more={drawn?.more ?? null}
            logNote={drawn?.logNote ?? null}
            drawn={drawn?.top.rows.length ?? 0}
            sortedBy={sortedBy}
          />
          <div className="toolbar">
            <span data-testid="row-count" data-count={shown.total}>
              {t('共 {{count}} 行', { count: shown.total })}
            </span>
            {querying ? (
              <span className="muted small" role="status" data-testid="view-loading">
                {t('正在查询…')}
              </span>
            ) : null}
            <span className="muted small">{t('“—”表示报告没有给出这个数（缺失、空白或占位符）或无法计算，不是 0。')}</span>
            <button type="button" className="primary" onClick={() => download?.run()} disabled={!download || download.busy} data-testid="download-csv">
              {t('下载 CSV')}
            </button>
            {download?.keys ? (
              <label className="small csv-keys" style={{ whiteSpace: 'nowrap' }} title={t('勾选后，CSV 的列名用规范的字段键（如 new_received），便于程序读取；不勾选时用页面上的中文列名和单位。')} data-testid="csv-keys-label">
                <input type="checkbox" checked={download.keys.value} onChange={(e) => download.keys?.onChange(e.target.checked)} data-testid="csv-keys" /> {t('列名用字段键')}
              </label>
            ) : null}
          </div>
          <DataTable columns={view.columns} rows={page ? page.rows : firstPage} linkFor={linkFor} agencyLinkFor={agencyLinkFor} paging={{ total: shown.total, page: page?.page ?? 0, onPage, busy: page?.busy }} sort={sort} pick={pick} total={current?.total ?? null} />
          <details className="sql">
            <summary>{t('查看本视图的 SQL')}</summary>
            <pre data-testid="view-sql" translate="no">
              {shown.sql}
            </pre>
          </details>
        </>
      ) : null}
    </>
  );
}

/** 指标: each indicator's formula and how to read it (lib/query/indicators.ts). */
function IndicatorFormulas() {
  const { t, lang } = useT();
  return (
    <ul className="formulas" data-testid="indicator-formulas">
      {INDICATORS.map((ind) => (
        <li key={ind.key}>
          <strong>{t(ind.label)}</strong> = {t(ind.formula)}
          {t('。')}
          {lang === 'zh' ? '' : ' '}
          <span className="muted">{t(ind.reading)}</span>
        </li>
      ))}
    </ul>
  );
}
