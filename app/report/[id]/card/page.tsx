import type { Metadata } from 'next';
import { requestT } from '../../../_lib/request-lang';
import ReportCard from '../../../_components/ReportCard';
import { decodeRouteParam } from '../../../_lib/route-param';

/** The page's title in the request's language. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await requestT();
  return { title: t('体检单 · 政府信息公开工作年度报告') };
}

/**
 * /report/REPORT_ID/card — the 体检单 of one report: a one- or two-page A4 summary to print or save
 * as PDF (issue 10). The id is validated by the client component; all data is read in the browser.
 */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ReportCard reportId={decodeRouteParam(id)} />;
}
