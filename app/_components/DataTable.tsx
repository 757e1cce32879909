'use client';

/** The rows behind a view, as a table with the view's Chinese column labels and units. */
import { useRouter } from 'next/navigation';
import { memo, useCallback, useMemo, type MouseEvent } from 'react';
import { shownCell } from '@/lib/present/format';
import type { Row } from '@/lib/store/executor';
import { PAGE_ROWS, type ViewColumn } from '@/lib/query/views';
import { ComparePickCell, ComparePickHeader, type RowPick } from './ComparePick';
import SortableHeader, { type TableSort } from './SortableHeader';
import TotalRow, { MissingMark } from './TotalRow';
import { useT } from '../_lib/lang-context';
import { columnDescriptionText, unitText, viewColumnLabel } from '@/lib/present/view-labels';

/** Rows shown per page (lib/query/views.ts PAGE_ROWS). */
export { PAGE_ROWS };

/** Paging of a table whose rows are fetched a page at a time: all rows, the page shown (0-based), how to change it. */
export interface TablePaging {
  total: number;
  page: number;
  onPage: (page: number) => void;
  /** True while another page is being fetched. */
  busy?: boolean;
}

/** Columns whose cells link: 机关 (and a 按机关汇总 group's name) to the agency's page (`agencyLinkFor`), 报告编号 to the row's report page (`linkFor`). */
const LINKED = new Set(['agency', 'group_name', 'report_id']);

/** Columns whose cells are data as printed (names, places, a flag's values and quoted source text): kept in Chinese in the English UI (`translate="no"`). */
const AS_PRINTED = new Set(['agency', 'region', 'group_name', 'group_key', 'evidence', 'expected', 'actual', 'report_id']);

/**
 * The rows of a view in a scrollable table: one column per view column (label + unit in the header,
 * a derived ratio's formula under its name, description and CSV key in its tooltip), values
 * formatted by lib/present/format (NULL as a grey —; ranks with their 样本不足30件 note; the 来源 column
 * as a 上传 badge for uploaded rows, a grey 内置 for the built-in data).
 * `linkFor` gives a row's report page: its 报告编号 cell then links there (one click);
 * `agencyLinkFor` gives the row's agency page (/agency/AGENCY_KEY): its 机关 cell links there.
 * Shows a sentence instead of an empty table when there are no rows. With `paging`, `rows` is the
 * page shown ({@link PAGE_ROWS} rows) and 上一页/下一页 with 第 a–b 行，共 N 行 appear above the table
 * when there is more than one page. With `total`, a 合计 row closes the table; a group total that
 * leaves out reports which did not give a value carries a 缺N份 mark (./TotalRow.tsx).
 */
/**
 * Long text columns (单元格说明, 原文依据) shown at most three lines high, the whole text in the
 * cell's tooltip: one report with many noted cells made its row hundreds of pixels tall.
 */
const CLAMPED: ReadonlySet<string> = new Set(['cell_notes', 'evidence']);

export default function DataTable({
  columns,
  rows,
  linkFor,
  agencyLinkFor,
  paging,
  sort,
  pick,
  total,
}: {
  columns: readonly ViewColumn[];
  rows: readonly Row[];
  linkFor?: (row: Row) => string | null;
  agencyLinkFor?: (row: Row) => string | null;
  paging?: TablePaging;
  /** Sortable headers (./SortableHeader.tsx): the view's column sort, done in SQL. */
  sort?: TableSort;
  /** A leading 比较 column of checkboxes (./ComparePick.tsx). */
  pick?: RowPick;
  /** The selection's total row (合计, lib/query/group-totals.ts totalRowQuery), shown under the rows; null: none. */
  total?: Row | null;
}) {
  // A group total's `<key>_missing` companions (ViewColumn.companionOf) are CSV columns: the table
  // shows them inside their column's cell (MissingMark), not as columns of their own.
  const cols = useMemo(() => columns.filter((c) => !c.companionOf), [columns]);
  // One click handler for the table instead of a next/link per linked cell (400 of them on a
  // 200-row page made each filter change re-render noticeably slower): a plain click on a row's
  // link navigates client-side, like next/link; modified clicks (new tab, …) keep the browser's way.
  const router = useRouter();
  const { t } = useT();
  const onTableClick = useCallback(
    (e: MouseEvent<HTMLTableElement>) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as HTMLElement).closest('a[data-testid="row-report-link"], a[data-testid="row-agency-link"]');
      const href = a?.getAttribute('href');
      if (!href) return;
      e.preventDefault();
      router.push(href);
    },
    [router],
  );
  if (rows.length === 0) {
    return (
      <p className="empty" data-testid="view-empty">
        {t('没有符合筛选条件的数据。')}
      </p>
    );
  }
  const pages = paging ? Math.max(1, Math.ceil(paging.total / PAGE_ROWS)) : 1;
  const first = paging ? paging.page * PAGE_ROWS : 0;
  return (
    <>
    {paging && pages > 1 ? (
      <div className="toolbar pager" data-testid="table-pager" data-page={paging.page + 1} data-pages={pages}>
        <button type="button" onClick={() => paging.onPage(paging.page - 1)} disabled={paging.busy || paging.page === 0} data-testid="page-prev">
          {t('上一页')}
        </button>
        <span>
          {t('第 {{from}}–{{to}} 行，共 {{total}} 行（第 {{page}}/{{pages}} 页）', { from: first + 1, to: first + rows.length, total: paging.total, page: paging.page + 1, pages })}
        </span>
        <button type="button" onClick={() => paging.onPage(paging.page + 1)} disabled={paging.busy || paging.page >= pages - 1} data-testid="page-next">
          {t('下一页')}
        </button>
      </div>
    ) : null}
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('数据表（可在框内滚动）')}>
      <table data-testid="view-table" onClick={onTableClick}>
        <thead>
          <tr>
            {pick ? <ComparePickHeader /> : null}
            {cols.map((c) => (
              <SortableHeader key={c.key} column={c} title={[c.description ? columnDescriptionText(c, t) : '', t('CSV 列名：{{key}}', { key: c.key })].filter(Boolean).join('\n')} sort={sort}>
                {viewColumnLabel(c, t)}
                {c.unit ? <span className="unit">{t('（{{unit}}）', { unit: unitText(c.unit, t) })}</span> : null}
                {c.formula ? <span className="formula">= {t(c.formula)}</span> : null}
              </SortableHeader>
            ))}
          </tr>
        </thead>
        <TableRows cols={cols} rows={rows} first={first} pick={pick} linkFor={linkFor} agencyLinkFor={agencyLinkFor} />
        {total ? <TotalRow columns={cols} row={total} lead={pick ? 1 : 0} /> : null}
      </table>
    </div>
    </>
  );
}

/**
 * The `<tbody>` of {@link DataTable}: one row per row of `rows` (numbered from `first` for their
 * keys). Memoized: the 合计 row and the trend arriving after the rows (app/_lib/query-priority.ts)
 * re-render the table without re-rendering its rows.
 */
const TableRows = memo(function TableRows({
  cols,
  rows,
  first,
  pick,
  linkFor,
  agencyLinkFor,
}: {
  cols: readonly ViewColumn[];
  rows: readonly Row[];
  first: number;
  pick?: RowPick;
  linkFor?: (row: Row) => string | null;
  agencyLinkFor?: (row: Row) => string | null;
}) {
  const { t, lang } = useT();
  return (
    <tbody>
      {rows.map((r, i) => {
        const links: Record<string, string | null> = { agency: agencyLinkFor?.(r) ?? null, group_name: agencyLinkFor?.(r) ?? null, report_id: linkFor?.(r) ?? null };
        return (
        <tr key={`${String(r.report_id)}-${first + i}`} data-testid="view-row">
          {pick ? <ComparePickCell row={r} pick={pick} t={t} /> : null}
          {cols.map((c) => {
            const f = shownCell(r, c, lang, t);
            const cls = [`col-${c.format}`, f.missing ? 'missing' : '', c.format === 'severity' ? `sev-${String(r[c.key])}` : '']
              .filter(Boolean)
              .join(' ');
            return (
              <td key={c.key} className={cls} title={f.title ?? (CLAMPED.has(c.key) ? f.text : undefined)} data-col={c.key} translate={AS_PRINTED.has(c.key) && !f.missing ? 'no' : undefined}>
                {c.format === 'origin' ? (
                  <span className={r[c.key] === 'upload' ? 'badge upload' : 'muted small'} data-testid={r[c.key] === 'upload' ? 'upload-badge' : undefined}>
                    {f.text}
                  </span>
                ) : LINKED.has(c.key) && links[c.key] && !f.missing ? (
                  <a href={links[c.key]!} data-testid={c.key === 'report_id' ? 'row-report-link' : 'row-agency-link'}>
                    {f.text}
                  </a>
                ) : CLAMPED.has(c.key) ? (
                  <span className="clamp-3">{f.text}</span>
                ) : (
                  f.text
                )}
                {c.missing ? <MissingMark column={c} n={r[c.missing]} /> : null}
              </td>
            );
          })}
        </tr>
        );
      })}
    </tbody>
  );
});
