'use client';

/**
 * The dashboard's tabs: the views (lib/query/views.ts VIEWS), then 审核 and 覆盖, in the WAI-ARIA
 * tabs pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): a `tablist` of `tab`s, the
 * current one `aria-selected` and the only one in the Tab order (roving tabindex); ←/→ move to the
 * previous/next tab (wrapping), Home/End to the first/last, and the tab moved to is shown at once
 * (automatic activation: each view is one query). On a narrow screen the row of tabs scrolls
 * sideways inside its own box (globals.css `.tabs`), and the current tab is scrolled into view.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { VIEWS } from '@/lib/query/views';
import type { TabId } from '../_lib/use-dashboard-url';
import { useT } from '../_lib/lang-context';

const EXTRA_TABS: ReadonlyArray<{ id: 'review' | 'coverage'; title: string }> = [
  { id: 'review', title: '审核' },
  { id: 'coverage', title: '覆盖' },
];

/** Every tab, in order. */
const TABS: ReadonlyArray<{ id: TabId; title: string }> = [...VIEWS, ...EXTRA_TABS];

/** The tab a key moves to from index `i` of `n` tabs (←/→ wrap, Home/End), or null for any other key. */
function targetIndex(key: string, i: number, n: number): number | null {
  if (key === 'ArrowRight') return (i + 1) % n;
  if (key === 'ArrowLeft') return (i - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

/** One button per tab (`data-testid="tab-<id>"`, `id="tab-<id>"`), the current one `aria-selected`. */
export default function ViewTabs({ tab, onTab }: { tab: TabId; onTab: (tab: TabId) => void }) {
  const { t } = useT();
  const list = useRef<HTMLDivElement>(null);
  // Keep the current tab visible when the row scrolls (a phone; a link that opens 覆盖).
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>(`#tab-${tab}`);
    const box = list.current;
    if (el && box && box.scrollWidth > box.clientWidth) box.scrollLeft = Math.max(0, el.offsetLeft - (box.clientWidth - el.offsetWidth) / 2);
  }, [tab]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((x) => x.id === tab);
    const j = targetIndex(e.key, i, TABS.length);
    if (j === null) return;
    e.preventDefault();
    list.current?.querySelector<HTMLElement>(`#tab-${TABS[j].id}`)?.focus();
    if (j !== i) onTab(TABS[j].id);
  };
  return (
    <div className="tabs" role="tablist" aria-label={t('视图')} ref={list} onKeyDown={onKeyDown}>
      {TABS.map((v) => (
        <button
          key={v.id}
          type="button"
          role="tab"
          id={`tab-${v.id}`}
          aria-selected={v.id === tab}
          aria-controls="view-panel"
          tabIndex={v.id === tab ? 0 : -1}
          className={v.id === tab ? 'tab active' : 'tab'}
          data-testid={`tab-${v.id}`}
          onClick={() => onTab(v.id)}
        >
          {t(v.title)}
        </button>
      ))}
    </div>
  );
}
