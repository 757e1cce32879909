import type { Metadata } from 'next';
import ReportPage from '../../_components/ReportPage';
import { decodeRouteParam } from '../../_lib/route-param';
import { requestT } from '../../_lib/request-lang';

/** The page's title in the request's language (the client sets the agency and year once the report is read). */
export async function generateMetadata(): Promise<Metadata> {
  const t = await requestT();
  return { title: t('报告详情 · 政府信息公开工作年度报告') };
}

/**
 * /report/REPORT_ID — one report: its text beside its parsed tables, its flags explained and
 * reviewable. The id is validated by the client component (a malformed id gets an explanation);
 * all data is read in the browser, so the page can be opened directly and reloaded.
 */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ReportPage reportId={decodeRouteParam(id)} />;
}
