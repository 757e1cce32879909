'use client';

/**
 * The dashboard: the page's DuckDB-WASM database with the built data, the filter and the current
 * tab (all mirrored in the URL: ?view=…&agency=…&region=…&from=…&to=…, and the review queue's
 * rule/severity/status), and the current view's rows. The chart, the table and the CSV download
 * all use the rows of that one view query. Two tabs are not views: 审核 (the review queue) and 覆盖
 * (the coverage grid). A click on a chart item or a table row's 机关 opens that report's page,
 * which links back here with the same URL parameters.
 *
 * State and queries live in hooks (app/_lib): the URL state (use-dashboard-url), the database and
 * its uploads (use-dashboard-db), the view's rows and pages (use-view-rows), the filter's choices
 * (use-filter-options) and 下载 CSV (use-csv-download); this component only arranges the markup.
 *
 * 上传年报 (UploadPanel) adds reports read in this browser to the same database; they appear in
 * every view, filter and download beside the built-in data, marked 上传 (column `origin`).
 *
 * For the benchmark (tests/bench/bench-browser.ts) the view panel carries `data-seq` (a number that
 * grows with every shown result) and `data-query-ms`; `?bench=1` exposes DuckDB and sql.js to it
 * (app/_lib/bench/bench-hooks.ts).
 */
import { ChartCaptionContext } from '../_lib/chart-image-context';
import { useCallback, useMemo } from 'react';
import { describeFilter, describeFilterParts } from '@/lib/query/filters';
import { reportHref } from '@/lib/present/links';
import { complianceView, getView, isViewId } from '@/lib/query/views';
import { describeGroup, groupedView, isGroupable, type GroupBy } from '@/lib/query/group-totals';
import { useGroupTotals } from '../_lib/use-group-totals';
import GroupBySelect from './GroupBySelect';
import { useDashboardDb, type DashboardDb } from '../_lib/use-dashboard-db';
import { useDashboardUrl, useUrlTablePage } from '../_lib/use-dashboard-url';
import LinkDataNote from './LinkDataNote';
import { useViewRows } from '../_lib/use-view-rows';
import { useFilterOptions } from '../_lib/use-filter-options';
import { useCsvDownload } from '../_lib/use-csv-download';
import { useCompare } from '../_lib/use-compare';
import { useViewDisplay } from '../_lib/use-view-display';
import ComparePanel from './ComparePanel';
import ComplianceRules from './ComplianceRules';
import CoverageGrid from './CoverageGrid';
import DbStatus from './DbStatus';
import FilterBar from './FilterBar';
import ReviewQueue from './ReviewQueue';
import UploadPanel from './UploadPanel';
import ViewResult from './ViewResult';
import ViewTabs from './ViewTabs';
import UnreadTablesNote from './UnreadTablesNote';
import LangSwitch from './LangSwitch';
import SentenceText from './SentenceText';
import { fillParts } from '@/lib/query/sentence-parts';
import { useT } from '../_lib/lang-context';
import type { Translate } from '@/lib/present/i18n/translate';
import type { Lang } from '@/lib/present/i18n/lang';

/**
 * The whole dashboard page (client side): loading and error states of the database, the filter bar
 * and its sentence, the tabs, and for the current view its chart, row count, 下载 CSV button, table
 * and SQL.
 */
export default function Dashboard() {
  const { t, lang } = useT();
  const url = useDashboardUrl();
  const { state: dbState, retry, onDataChanged } = useDashboardDb();
  const ready = dbState.status === 'ready' ? dbState : null;
  const db = ready?.db ?? null;
  const version = ready?.version ?? 0;
  const isView = isViewId(url.tab);
  const tabView = getView(isViewId(url.tab) ? url.tab : 'proactive');
  // 合规 narrowed by the rule filter (`rule=`, shared with 审核): a view whose SQL has the rules.
  const ruleKey = url.reviewFilter.rules.join(',');
  const view = useMemo(() => (tabView.id === 'compliance' && ruleKey ? complianceView(ruleKey.split(',')) : tabView), [tabView, ruleKey]);
  // 分组 (group=): the table view as totals per group and year (lib/query/group-totals.ts); the
  // table, its chart and 下载 CSV all run that one query. The 合计 row and the trend total the
  // filtered reports either way.
  const table = (url.group ? groupedView(view, url.group) : null) ?? view;
  const totals = useGroupTotals({ db, version, view, filter: url.filter, active: isView });
  const rows = useViewRows({ db, version, view: table, filter: url.filter, sort: url.display.sort, urlRead: url.urlRead, active: isView });
  const controls = useViewDisplay(url.display, url.setDisplay);
  const compare = useCompare(db, version, url.display.compare, url.display.compareYear);
  const options = useFilterOptions(db, version, rows.queried !== null || !isView);
  const csv = useCsvDownload(db, rows.shown, url.csvKeys);
  const onPage = useUrlTablePage(url, rows);
  const reportLink = useCallback((id: string) => reportHref(id, { back: url.params }), [url.params]);
  const grouped = Boolean(url.group && isView && isGroupable(view.id));

  return (
    <main className="page">
      <Masthead ready={ready} />
      <DbStatus loading={dbState.status === 'loading'} error={dbState.status === 'error' ? dbState : null} onRetry={retry} />
      {ready || rows.early ? (
        <>
          {ready ? <UploadPanel db={ready.db} uploads={ready.uploads} onChanged={onDataChanged} linkFor={reportLink} notice={restoredProblem(ready, t)} /> : null}
          <section className="filter-section" aria-label={t('筛选')}>
            <FilterBar options={options} filter={url.filter} onChange={url.setFilter} />
            <GroupBySelect group={url.group} onChange={url.setGroup} disabled={isView && isGroupable(view.id) ? undefined : t('合规、审核、覆盖不分组：分组只用于表格视图。')} />
            <p className="filter-sentence" data-testid="filter-sentence">
              <SentenceText parts={describeFilterParts(url.filter, options.agencyNames, t)} />
              {grouped ? groupSentence(url.group, lang, t) : ''}
            </p>
          </section>
          <LinkDataNote url={url} uploads={ready?.uploads ?? 0} options={options} />
          <ComparePanel state={compare} keys={url.display.compare} names={options.agencyNames} filterAgencies={url.filter.agencies} onChange={controls.onCompare} back={url.params} />
          <ViewTabs tab={url.tab} onTab={url.setTab} />
          <section
            className="panel"
            role="tabpanel"
            id="view-panel"
            aria-labelledby={`tab-${url.tab}`}
            data-testid="view-panel"
            data-view={url.tab}
            data-seq={rows.shown ? rows.shown.seq : 0}
            data-query-ms={rows.shown ? rows.shown.queryMs.toFixed(1) : ''}
          >
            {url.tab === 'review' && ready ? (
              <ReviewQueue key={ready.version} db={ready.db} filter={url.filter} reviewFilter={url.reviewFilter} onReviewFilterChange={url.setReviewFilter} back={url.params} />
            ) : null}
            {url.tab === 'coverage' && ready ? <CoverageGrid key={ready.version} db={ready.db} filter={url.filter} back={url.params} /> : null}
            {url.tab === 'compliance' && ready ? (
              <ComplianceRules db={ready.db} filter={url.filter} rules={url.reviewFilter.rules} onChange={(rules) => url.setReviewFilter({ ...url.reviewFilter, rules })} />
            ) : null}
            {isView && ready ? <UnreadTablesNote db={ready.db} view={view.id} filter={url.filter} back={url.params} /> : null}
            {isView ? (
              <ChartCaptionContext.Provider value={describeFilter(url.filter, options.agencyNames, t) + (url.group && isGroupable(view.id) ? groupSentence(url.group, lang, t) : '')}>
              <ViewResult
                view={table}
                totals={totals}
                shown={rows.shown}
                error={rows.error}
                querying={rows.querying}
                page={rows.page}
                onPage={onPage}
                back={url.params}
                download={ready ? { run: () => void csv.download(), busy: csv.downloading, error: csv.error, keys: { value: url.csvKeys, onChange: url.setCsvKeys } } : null}
                chart={controls.chart}
                sort={controls.sort}
                pick={url.group && url.group !== 'agency' ? undefined : controls.pick}
              />
              </ChartCaptionContext.Provider>
            ) : null}
          </section>
          <footer className="muted small footer">
            {ready ? t('DuckDB {{version}}（浏览器内运行，数据不离开本机）。', { version: ready.db.version }) : ''}
            {t('比率少于 30 件时仅供参考。')}
          </footer>
        </>
      ) : null}
    </main>
  );
}

/** The grouping's sentence (lib/query/group-totals.ts describeGroup) after the filter sentence: in English after a space. */
function groupSentence(group: GroupBy | null, lang: Lang, t: Translate): string {
  return (lang === 'en' ? ' ' : '') + t(describeGroup(group));
}

/** The restored uploads' problem (page-db.ts) in the UI's language, or null. */
function restoredProblem(ready: DashboardDb, t: Translate): string | null {
  const { problem, problemText } = ready.restored;
  return problemText ? t(problemText.key, problemText.vars) : problem;
}

/** The title with the 中文/English switch, the source of the data, and what is loaded (built-in reports, cells and flags; uploads of this tab). */
function Masthead({ ready }: { ready: DashboardDb | null }) {
  const { t } = useT();
  return (
    <header className="masthead">
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 12 }}>
        <h1 style={{ flex: '1 1 auto', minWidth: 0 }}>{t('政府信息公开工作年度报告 · 对比看板')}</h1>
        <LangSwitch />
      </div>
      <p className="muted">
        <SentenceText parts={fillParts(t, '数据来自各机关的《政府信息公开工作年度报告》（{{doc}}格式），按报告所属年度比较。', { doc: [{ text: '国办公开办函〔2021〕30号', data: true }] })} />
        {ready ? (
          <span data-testid="db-summary">
            {' '}
            {t('已载入 {{reports}} 份报告、{{cells}} 个表格单元格、{{flags}} 条检查结果。', { reports: ready.db.counts.reports, cells: ready.db.counts.cells, flags: ready.db.counts.flags })}
          </span>
        ) : null}
        {ready && ready.uploads > 0 ? (
          <span data-testid="upload-summary" data-count={ready.uploads}>
            {' '}
            {t('另有在本标签页上传的 {{count}} 份报告，表格中标为“上传”。', { count: ready.uploads })}
          </span>
        ) : null}
      </p>
    </header>
  );
}
