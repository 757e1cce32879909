/**
 * Links between the dashboard, the report pages and the agency pages, as plain strings (no
 * router): an agency page is `/agency/AGENCY_KEY` ({@link agencyHref}); a report page is
 * `/report/REPORT_ID`, optionally with `flag=FINGERPRINT` (the flag to select on arrival). Both take
 * `back=…` (the dashboard's own query string — view, filters, queue filters — so that “返回看板”
 * reopens the dashboard exactly as it was left).
 */
import { isReportId } from './subject-ref';

/** Query parameters the dashboard understands; anything else in `back` is dropped. */
export const DASHBOARD_PARAMS: readonly string[] = ['view', 'agency', 'region', 'type', 'level', 'from', 'to', 'origin', 'group', 'rule', 'severity', 'status', 'sort', 'top', 'log', 'compare', 'cyear'];

/** Keep only the dashboard's own parameters, in their order. */
function dashboardOnly(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (DASHBOARD_PARAMS.includes(k)) out.append(k, v);
  return out;
}

/**
 * Path of a report page: `/report/c0d392a57191d65c?flag=435fdabe51f789c0&back=view%3Dreview`.
 * `back` is the dashboard's current parameters (only {@link DASHBOARD_PARAMS} are kept).
 * Returns null when the id is not a well-formed report id (16 hex digits, optional `-N`), so a
 * malformed id never becomes a link.
 */
export function reportHref(reportId: string, opts: { flag?: string | null; back?: URLSearchParams | null } = {}): string | null {
  if (!isReportId(reportId)) return null;
  const p = new URLSearchParams();
  if (opts.flag && /^[0-9a-f]{16}$/.test(opts.flag)) p.set('flag', opts.flag);
  const back = opts.back ? dashboardOnly(opts.back).toString() : '';
  if (back) p.set('back', back);
  const q = p.toString();
  return `/report/${reportId}${q ? `?${q}` : ''}`;
}

/**
 * The dashboard path a report page's “返回看板” link goes to, read from the page's own query
 * (`back=…`): `/?view=review&agency=…`, or `/` when there is none. Only dashboard parameters are
 * kept, and the path is always local (it starts with `/?` or is `/`).
 */
export function dashboardHref(reportPageParams: URLSearchParams): string {
  const back = reportPageParams.get('back');
  if (!back) return '/';
  const q = dashboardOnly(new URLSearchParams(back)).toString();
  return q ? `/?${q}` : '/';
}

/** The flag to select on a report page (`flag=…`), or null when absent or malformed. */
export function selectedFlagParam(reportPageParams: URLSearchParams): string | null {
  const f = reportPageParams.get('flag');
  return f && /^[0-9a-f]{16}$/.test(f) ? f : null;
}

/**
 * Path of an agency's page (/agency/AGENCY_KEY, every year of one agency identity; app/agency/[key]):
 * `/agency/320813%3A%E4%BA%BA…?back=view%3Dapplications` — the key (`agency_key` of reports.csv,
 * lib/parse/agency-identity.ts, e.g. `320813:人民政府`) URL-encoded, and `back`, the dashboard's
 * current parameters (only {@link DASHBOARD_PARAMS} are kept; read back by {@link dashboardHref}),
 * so that the agency page's “返回看板” reopens the dashboard as it was left. Returns null for an
 * empty or missing key, or a key longer than 200 characters (an agency without an identity, or a
 * value that is not a key, gets no link).
 */
export function agencyHref(agencyKey: string | null | undefined, back?: URLSearchParams | null): string | null {
  if (!agencyKey || agencyKey.length > 200) return null;
  const q = back ? dashboardOnly(back).toString() : '';
  return `/agency/${encodeURIComponent(agencyKey)}${q ? `?${new URLSearchParams({ back: q })}` : ''}`;
}
