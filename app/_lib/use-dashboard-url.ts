'use client';

/**
 * The dashboard's URL state: the tab (`?view=`), the grouping (`group=`, lib/query/group-totals.ts), the filter (`agency`, `region` — a region path such as `江苏省/淮安市`, lib/query/region-tree.ts —,
 * `type`, `level`, `from`, `to`, `origin`, lib/query/filters.ts) and the review queue's rule/severity/status
 * (lib/query/review.ts), read from the URL once on the client and written back with
 * `history.replaceState` on every change, so that a link reopens the same view and filter.
 *
 * The filter is normalized once, here, where it is set (from the URL or by the filter bar): every
 * reader gets a normalized {@link FilterState}.
 */
import { useCallback, useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
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
    return p;
  }, [filter, tab, reviewFilter, display, group]);

  useEffect(() => {
    if (!urlRead) return;
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
  }, [params, urlRead]);

  return { tab, setTab, filter, setFilter, reviewFilter, setReviewFilter, display, setDisplay, group, setGroup, urlRead, params };
}
