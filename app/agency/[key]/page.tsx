import type { Metadata } from 'next';
import { requestT } from '../../_lib/request-lang';
import { decodeRouteParam } from '../../_lib/route-param';
import AgencyPage from '../../_components/AgencyPage';

/** The page's title in the request's language. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await requestT();
  return { title: t('机关历年情况 · 政府信息公开工作年度报告') };
}

/**
 * /agency/AGENCY_KEY — one agency over its years (the URL-encoded `agency_key` of reports.csv, e.g.
 * /agency/320813%3A%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C for 淮安市洪泽区人民政府): its charts over
 * the years, the year-on-year table, the flags of each year with their review status, the
 * cross-year evaluations and the coverage of its years. All data is read in the browser.
 */
export default async function Page({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const agencyKey = decodeRouteParam(key);
  return <AgencyPage agencyKey={agencyKey} />;
}
