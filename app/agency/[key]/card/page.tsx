import type { Metadata } from 'next';
import { requestT } from '../../../_lib/request-lang';
import { decodeRouteParam } from '../../../_lib/route-param';
import AgencyCard from '../../../_components/AgencyCard';

/** The page's title in the request's language. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await requestT();
  return { title: t('机关体检单 · 政府信息公开工作年度报告') };
}

/**
 * /agency/AGENCY_KEY/card — the 体检单 of one agency over its years: a one- or two-page A4 summary
 * to print or save as PDF (issue 10). The key is the URL-encoded `agency_key` (as /agency/AGENCY_KEY);
 * all data is read in the browser.
 */
export default async function Page({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const agencyKey = decodeRouteParam(key);
  return <AgencyCard agencyKey={agencyKey} />;
}
