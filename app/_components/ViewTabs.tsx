'use client';

/** The dashboard's tabs: the views (lib/query/views.ts VIEWS), then 审核 and 覆盖. */
import { VIEWS } from '@/lib/query/views';
import type { TabId } from '../_lib/use-dashboard-url';

const EXTRA_TABS: ReadonlyArray<{ id: 'review' | 'coverage'; title: string }> = [
  { id: 'review', title: '审核' },
  { id: 'coverage', title: '覆盖' },
];

/** One button per tab (`data-testid="tab-<id>"`), the current one `aria-selected`. */
export default function ViewTabs({ tab, onTab }: { tab: TabId; onTab: (tab: TabId) => void }) {
  return (
    <nav className="tabs" role="tablist" aria-label="视图">
      {[...VIEWS, ...EXTRA_TABS].map((v) => (
        <button
          key={v.id}
          type="button"
          role="tab"
          id={`tab-${v.id}`}
          aria-selected={v.id === tab}
          aria-controls="view-panel"
          className={v.id === tab ? 'tab active' : 'tab'}
          data-testid={`tab-${v.id}`}
          onClick={() => onTab(v.id)}
        >
          {v.title}
        </button>
      ))}
    </nav>
  );
}
