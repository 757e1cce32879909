'use client';

/**
 * The dashboard's URL state: the tab (`?view=`), the grouping (`group=`, lib/query/group-totals.ts), the filter (`agency`, `region` — a region path such as `江苏省/淮安市`, lib/query/region-tree.ts —,
 * `type`, `level`, `from`, `to`, `origin`, lib/query/filters.ts) and the review queue's rule/severity/status
 * (lib/query/review.ts), the display choices (sort, top, log, compare, cyear: ./view-display.ts),
 * the table's page (`page=`), the CSV key option (`csvkeys=1`) and the uploads marker (`u=1`,
 * lib/query/share-state.ts), read from the URL once on the client and written back with
 * `history.replaceState` on every change (keeping the UI language's `lang=`), so that a link reopens the same view, filter, rows and language.
 * The page goes back to the first when the rows change (tab, filter, grouping, sort or 合规's rules).
 *
 * The filter is normalized once, here, where it is set (from the URL or by the filter bar): every
 * reader gets a normalized {@link FilterState}.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { CSV_KEYS_PARAM, PAGE_PARAM, UPLOADS_PARAM, dashboardSearch, pageFromParam, pageToParam } from '@/lib/query/share-state';
import { PAGE_ROWS } from '@/lib/query/views';
import type { ShownView, TablePage } from './use-view-rows';
import { EMPTY_FILTER, filterFromSearchParams, filterToSearchParams, normalizeFilter, type FilterState } from '@/lib/query/filters';
import { EMPTY_REVIEW_FILTER, reviewFilterFromSearchParams, reviewFilterToSearchParams, type ReviewFilter } from '@/lib/query/review';
import { isViewId, type ViewId } from '@/lib/query/views';
import { groupFromParam, type GroupBy } from '@/lib/query/group-totals';
import { DEFAULT_VIEW_DISPLAY, displayFromSearchParams, displayToSearchParams, type ViewDisplay } from './view-display';

/** A tab of the dashboard: one of the views, 审核 (review queue) or 覆盖 (coverage grid). */
export type TabId = ViewId | 'review' | 'coverage';

/** Whether a string (e.g. `?view=`) names a tab. */
export function isTabId(s: string | null): s is TabId {
  return isViewId(s) || s === 'review' || s === 'coverage';
}

/** What {@link useDashboardUrl} returns. */
export interface DashboardUrl {
  tab: TabId;
  setTab: (tab: TabId) => void;
  /** The filter, always normalized (lib/query/filters.ts normalizeFilter). */
  filter: FilterState;
  /** Sets the filter, normalizing it. */
  setFilter: (filter: FilterState) => void;
  reviewFilter: ReviewFilter;
  setReviewFilter: (rf: ReviewFilter) => void;
  /** Sort, chart top N / log scale, compared agencies (`sort`, `top`, `log`, `compare`, `cyear`; ./view-display.ts). */
  display: ViewDisplay;
  setDisplay: Dispatch<SetStateAction<ViewDisplay>>;
  /** The tables' grouping (`group=`, lib/query/group-totals.ts): null = 不分组 (one row per report). */
  group: GroupBy | null;
  setGroup: (g: GroupBy | null) => void;
  /** The table's page, 0-based (`page=`, 1-based; lib/query/share-state.ts). */
  page: number;
  setPage: (page: number) => void;
  /** 下载 CSV heads its columns with the spec's keys (`csvkeys=1`), else the screen's labels with units. */
  csvKeys: boolean;
  setCsvKeys: (keys: boolean) => void;
  /** The link that opened this page carried `u=1`: its state involved uploads of the sender's tab. */
  linkMarkedUploads: boolean;
  /** Whether this tab's state involves its own uploads (the dashboard decides, lib/query/share-state.ts stateInvolvesUploads); written as `u=1`. */
  setInvolvesUploads: (b: boolean) => void;
  /** False until the URL has been read (the first render on the client shows the defaults). */
  urlRead: boolean;
  /** The URL parameters of the current state; also the `back` of links to report pages. */
  params: URLSearchParams;
}

/** The dashboard's tab and filters, mirrored in the URL (see the module comment). */
export function useDashboardUrl(): DashboardUrl {
  const [tab, setTab] = useState<TabId>('proactive');
  const [filter, setFilterState] = useState<FilterState>(EMPTY_FILTER);
  const [reviewFilter, setReviewFilter] = useState<ReviewFilter>(EMPTY_REVIEW_FILTER);
  const [display, setDisplay] = useState<ViewDisplay>(DEFAULT_VIEW_DISPLAY);
  const [group, setGroup] = useState<GroupBy | null>(null);
  const [page, setPage] = useState(0);
  const [csvKeys, setCsvKeys] = useState(false);
  const [linkMarkedUploads, setLinkMarkedUploads] = useState(false);
  const [involvesUploads, setInvolvesUploads] = useState(false);
  const [urlRead, setUrlRead] = useState(false);

  // From the URL, once, on the client (filterFromSearchParams returns a normalized filter).
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const v = params.get('view');
    if (isTabId(v)) setTab(v);
    setFilterState(filterFromSearchParams(params));
    setReviewFilter(reviewFilterFromSearchParams(params));
    setDisplay(displayFromSearchParams(params));
    setGroup(groupFromParam(params.get('group')));
    setPage(pageFromParam(params.get(PAGE_PARAM)));
    setCsvKeys(params.get(CSV_KEYS_PARAM) === '1');
    setLinkMarkedUploads(params.get(UPLOADS_PARAM) === '1');
    setUrlRead(true);
  }, []);

  const setFilter = useCallback((f: FilterState) => setFilterState(normalizeFilter(f)), []);

  const params = useMemo(() => {
    const p = filterToSearchParams(filter);
    p.set('view', tab);
    if (group) p.set('group', group);
    if (tab === 'review') reviewFilterToSearchParams(reviewFilter, p);
    else if (tab === 'compliance') for (const r of reviewFilter.rules) p.append('rule', r); // 合规's rule filter (app/_components/ComplianceRules.tsx)
    displayToSearchParams(display, p);
    const pageParam = pageToParam(page);
    if (pageParam && isViewId(tab)) p.set(PAGE_PARAM, pageParam);
    if (csvKeys) p.set(CSV_KEYS_PARAM, '1');
    if (involvesUploads || linkMarkedUploads) p.set(UPLOADS_PARAM, '1');
    return p;
  }, [filter, tab, reviewFilter, display, group, page, csvKeys, involvesUploads, linkMarkedUploads]);

  // Back to the first page when the rows change (not when the URL is first read).
  const rowsKey = JSON.stringify([tab, filter, group, display.sort, tab === 'compliance' ? reviewFilter.rules : null]);
  const lastRowsKey = useRef<string | null>(null);
  useEffect(() => {
    if (!urlRead) return;
    if (lastRowsKey.current !== null && lastRowsKey.current !== rowsKey) setPage(0);
    lastRowsKey.current = rowsKey;
  }, [rowsKey, urlRead]);

  useEffect(() => {
    if (!urlRead) return;
    // The UI language (`lang=`) is not the dashboard's state but stays in the URL (lib/query/share-state.ts dashboardSearch).
    window.history.replaceState(null, '', `${window.location.pathname}?${dashboardSearch(params, window.location.search)}`);
  }, [params, urlRead]);

  return {
    tab,
    setTab,
    filter,
    setFilter,
    reviewFilter,
    setReviewFilter,
    display,
    setDisplay,
    group,
    setGroup,
    page,
    setPage,
    csvKeys,
    setCsvKeys,
    linkMarkedUploads,
    setInvolvesUploads,
    urlRead,
    params,
  };
}

/**
 * The table's page kept in the URL: `onPage` sets both the URL's page and the table's; when a
 * result arrives (a link opened, the data changed) and the URL asks for a page beyond the first,
 * that page is fetched — or, when the rows no longer reach it, the URL goes back to the first.
 */
export function useUrlTablePage(
  url: Pick<DashboardUrl, 'page' | 'setPage'>,
  rows: { shown: ShownView | null; page: TablePage | null; onPage: (page: number) => void },
): (page: number) => void {
  const { page, setPage } = url;
  const { shown, onPage: tableOnPage } = rows;
  const tablePage = rows.page?.page ?? 0;
  const busy = rows.page?.busy ?? false;
  const onPage = useCallback(
    (p: number) => {
      setPage(p);
      tableOnPage(p);
    },
    [setPage, tableOnPage],
  );
  const seq = shown?.seq ?? 0;
  useEffect(() => {
    if (!shown || shown.seq === 0 || page === 0 || tablePage === page || busy) return;
    if (page * PAGE_ROWS >= shown.total) setPage(0);
    else tableOnPage(page);
  }, [seq, page]); // eslint-disable-line react-hooks/exhaustive-deps
  return onPage;
}
