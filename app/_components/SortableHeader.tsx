'use client';

/**
 * A table column header that sorts the view by its column (issue 9, "Every table column sorts"): a
 * button inside the `<th>` — a click, Enter or Space cycles 升序 → 降序 → 不排序
 * (lib/query/views.ts nextSort) — with `aria-sort` on the header and ▲/▼ beside the label. The sort
 * runs in SQL over the whole filtered set (sortQuery), not over the page shown.
 */
import type { ReactNode } from 'react';
import { nextSort, type ViewColumn, type ViewSort } from '@/lib/query/views';
import { viewColumnLabel } from '@/lib/present/view-labels';
import { useT } from '../_lib/lang-context';

/** The table's sort and how to change it (null: the view's own order). */
export interface TableSort {
  value: ViewSort | null;
  onSort: (sort: ViewSort | null) => void;
}

const DIR_ACTION = { asc: '按“{{label}}”升序排列', desc: '按“{{label}}”降序排列' } as const;

/** One header cell: `children` (label, unit, formula) in a sort button when `sort` is given. */
export default function SortableHeader({ column, title, sort, children }: { column: ViewColumn; title: string; sort?: TableSort; children: ReactNode }) {
  const dir = sort?.value?.key === column.key ? sort.value.dir : null;
  const next = sort ? nextSort(sort.value, column.key) : null;
  const { t } = useT();
  const action = next ? t(DIR_ACTION[next.dir], { label: viewColumnLabel(column, t) }) : t('取消排序，恢复默认顺序');
  return (
    <th
      scope="col"
      title={title}
      className={`col-${column.format}${dir ? ' sorted' : ''}`}
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : sort ? 'none' : undefined}
      data-col={column.key}
    >
      {sort ? (
        <button type="button" className="sort-button" onClick={() => sort.onSort(next)} data-testid="sort-button" data-col={column.key}>
          {children}
          <span className="visually-hidden">{t('：')}{action}</span>
          <span className="sort-mark" aria-hidden="true">
            {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
          </span>
        </button>
      ) : (
        children
      )}
    </th>
  );
}
