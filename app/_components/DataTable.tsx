'use client';

/** The rows behind a view, as a table with the view's Chinese column labels and units. */
import { useRouter } from 'next/navigation';
import { useCallback, type MouseEvent } from 'react';
import { formatRowCell } from '@/lib/present/format';
import type { Row } from '@/lib/store/executor';
import { PAGE_ROWS, type ViewColumn } from '@/lib/query/views';

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

/** Columns whose cells link to the row's report page. */
const LINKED = new Set(['agency', 'report_id']);

/**
 * The rows of a view in a scrollable table: one column per view column (label + unit in the header,
 * a derived ratio's formula under its name, description and CSV key in its tooltip), values
 * formatted by lib/present/format (NULL as a grey —; ranks with their 样本不足30件 note; the 来源 column
 * as a 上传 badge for uploaded rows, a grey 内置 for the built-in data).
 * `linkFor` gives a row's report page: its 机关 and 报告编号 cells then link there (one click).
 * Shows a sentence instead of an empty table when there are no rows. With `paging`, `rows` is the
 * page shown ({@link PAGE_ROWS} rows) and 上一页/下一页 with 第 a–b 行，共 N 行 appear above the table
 * when there is more than one page.
 */
export default function DataTable({
  columns,
  rows,
  linkFor,
  paging,
}: {
  columns: readonly ViewColumn[];
  rows: readonly Row[];
  linkFor?: (row: Row) => string | null;
  paging?: TablePaging;
}) {
  // One click handler for the table instead of a next/link per linked cell (400 of them on a
  // 200-row page made each filter change re-render noticeably slower): a plain click on a row's
  // link navigates client-side, like next/link; modified clicks (new tab, …) keep the browser's way.
  const router = useRouter();
  const onTableClick = useCallback(
    (e: MouseEvent<HTMLTableElement>) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as HTMLElement).closest('a[data-testid="row-report-link"]');
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
        没有符合筛选条件的数据。
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
          上一页
        </button>
        <span>
          第 {first + 1}–{first + rows.length} 行，共 {paging.total} 行（第 {paging.page + 1}/{pages} 页）
        </span>
        <button type="button" onClick={() => paging.onPage(paging.page + 1)} disabled={paging.busy || paging.page >= pages - 1} data-testid="page-next">
          下一页
        </button>
      </div>
    ) : null}
    <div className="table-wrap">
      <table data-testid="view-table" onClick={onTableClick}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" title={[c.description, `CSV 列名：${c.key}`].filter(Boolean).join('\n')} className={`col-${c.format}`}>
                {c.label}
                {c.unit ? <span className="unit">（{c.unit}）</span> : null}
                {c.formula ? <span className="formula">= {c.formula}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const href = linkFor?.(r) ?? null;
            return (
            <tr key={`${String(r.report_id)}-${first + i}`} data-testid="view-row">
              {columns.map((c) => {
                const f = formatRowCell(r, c);
                const cls = [`col-${c.format}`, f.missing ? 'missing' : '', c.format === 'severity' ? `sev-${String(r[c.key])}` : '']
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={c.key} className={cls} title={f.title} data-col={c.key}>
                    {c.format === 'origin' ? (
                      <span className={r[c.key] === 'upload' ? 'badge upload' : 'muted small'} data-testid={r[c.key] === 'upload' ? 'upload-badge' : undefined}>
                        {f.text}
                      </span>
                    ) : href && LINKED.has(c.key) && !f.missing ? (
                      <a href={href} data-testid="row-report-link">
                        {f.text}
                      </a>
                    ) : (
                      f.text
                    )}
                  </td>
                );
              })}
            </tr>
            );
          })}
        </tbody>
      </table>
    </div>
    </>
  );
}
