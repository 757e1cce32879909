'use client';

/**
 * The page of one agency over its years (/agency/AGENCY_KEY, issue 9): who it is (canonical name,
 * the names its reports print, regions), the coverage of its years with links to each report, the
 * charts over the years, the year-on-year table, and the checks across and within years with
 * their review status. Everything is read in the browser from the page's DuckDB
 * (../_lib/use-agency-years.ts) and the review decisions (IndexedDB, ../_lib/use-decisions.ts).
 */
import { ChartCaptionContext } from '../_lib/chart-image-context';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { dashboardHref } from '@/lib/present/links';
import { agencyCardHref } from '@/lib/present/report-card';
import { QUERY_FAILED_WHAT } from './ErrorBox';
import ErrorBox from './ErrorBox';
import DbStatus from './DbStatus';
import AgencyCoverage from './AgencyCoverage';
import AgencyCharts from './AgencyCharts';
import AgencyYearTable from './AgencyYearTable';
import AgencyChecks from './AgencyChecks';
import { useBrowserDb } from '../_lib/use-browser-db';
import { useDecisions } from '../_lib/use-decisions';
import { useAgencyYears } from '../_lib/use-agency-years';
import { useT } from '../_lib/lang-context';
import LangSwitch from './LangSwitch';

/** The agency page for `agencyKey` (decoded from the URL). */
export default function AgencyPage({ agencyKey }: { agencyKey: string }) {
  const { t } = useT();
  const { state: db, retry } = useBrowserDb();
  const decisions = useDecisions();
  const data = useAgencyYears(db, agencyKey, t);
  const name = data.status === 'ready' ? data.years.agencyName : null;
  // “返回看板” reopens the dashboard as it was left (`?back=…`, lib/present/links.ts agencyHref), read once on the client.
  const [home, setHome] = useState('/');
  useEffect(() => setHome(dashboardHref(new URLSearchParams(window.location.search))), [agencyKey]);

  useEffect(() => {
    if (name) document.title = t('{{name}} · 历年情况', { name });
  }, [name, t]);

  return (
    <main className="page wide" data-testid="agency-page" data-agency-key={agencyKey} style={{ overflowX: 'hidden' }}>
      <nav className="crumbs">
        <Link href={home} data-testid="agency-back">
          ← {t('返回看板')}
        </Link>
        {agencyCardHref(agencyKey) ? (
          <Link href={agencyCardHref(agencyKey)!} data-testid="agency-card-link" title={t('这个机关历年情况的一至两页摘要，可打印或导出 PDF')}>
            {t('体检单（打印）')}
          </Link>
        ) : null}
        <LangSwitch />
      </nav>
      <DbStatus loading={db.status === 'loading'} error={db.status === 'error' ? db : null} onRetry={retry} />
      {db.status === 'ready' && data.status === 'loading' ? (
        <div className="status" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('正在读取这个机关的历年报告…')}
        </div>
      ) : null}
      {data.status === 'error' ? (
        <ErrorBox testId="agency-error" title={t('没能读取这个机关的报告')} message={data.error} what={t(QUERY_FAILED_WHAT)} />
      ) : null}
      {data.status === 'not_found' ? (
        <ErrorBox
          testId="agency-not-found"
          title={t('找不到这个机关')}
          message={t('数据中没有机关标识为“{{key}}”的报告。', { key: agencyKey })}
          what={t(
            '如果链接是别人发来的，这个机关的报告可能是对方上传的（上传的报告只保存在上传者自己的浏览器标签页里）：请在看板用“上传年报”上传同样的文件，或请对方用“下载 CSV”把结果发给你。否则请从看板的机关链接进入；如果数据刚重新生成过，机关标识可能已经改变，请回到看板重新选择。',
          )}
        />
      ) : null}
      {data.status === 'ready' ? (
        <>
          <header className="report-head">
            <h1 data-testid="agency-name" translate="no">
              {data.years.agencyName}
            </h1>
            <p className="muted small">
              {data.years.printedNames.length ? (
                <>
                  {t('报告所印名称：')}
                  <span translate="no">{data.years.printedNames.join('、')}</span>　
                </>
              ) : null}
              {data.years.regions.length ? (
                <>
                  {t('地区：')}
                  <span translate="no">{data.years.regions.join('、')}</span>　
                </>
              ) : null}
              <span title={t('机关标识：同一机关历年报告（包括名称写法不同的）共用这一标识')}>
                {t('标识：')}
                <span className="mono" translate="no">
                  {data.years.agencyKey}
                </span>
              </span>
            </p>
          </header>
          <AgencyCoverage years={data.years} />
          <ChartCaptionContext.Provider
            value={t('机关：{{name}}；年度：{{years}}。', {
              name: data.years.agencyName,
              years: data.years.years.length ? `${data.years.years[0]}–${data.years.years[data.years.years.length - 1]}` : t('未知'),
            })}
          >
            <AgencyCharts years={data.years} />
          </ChartCaptionContext.Provider>
          <AgencyYearTable years={data.years} />
          <AgencyChecks years={data.years} flags={data.flags} continuity={data.continuity} decisions={decisions.state} />
        </>
      ) : null}
    </main>
  );
}
