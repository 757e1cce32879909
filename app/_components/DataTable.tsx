'use client';

/** The rows behind a view, as a table with the view's Chinese column labels and units. */
import Link from 'next/link';
import { formatRowCell } from '@/lib/query/format';
import type { Row } from '@/lib/query/executor';
import type { ViewColumn } from '@/lib/query/views';

/** Columns whose cells link to the row's report page. */
const LINKED = new Set(['agency', 'report_id']);

/**
 * The rows of a view in a scrollable table: one column per view column (label + unit in the header,
 * a derived ratio's formula under its name, description and CSV key in its tooltip), values
 * formatted by lib/query/format (NULL as a grey —; ranks with their 样本不足30件 note; the 来源 column
 * as a 上传 badge for uploaded rows, a grey 内置 for the built-in data).
 * `linkFor` gives a row's report page: its 机关 and 报告编号 cells then link there (one click).
 * Shows a sentence instead of an empty table when there are no rows.
 */
export default function DataTable({
  columns,
  rows,
  linkFor,
}: {
  columns: readonly ViewColumn[];
  rows: readonly Row[];
  linkFor?: (row: Row) => string | null;
}) {
  if (rows.length === 0) {
    return (
      <p className="empty" data-testid="view-empty">
        没有符合筛选条件的数据。
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table data-testid="view-table">
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
            <tr key={`${String(r.report_id)}-${i}`} data-testid="view-row">
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
                      <Link href={href} data-testid="row-report-link">
                        {f.text}
                      </Link>
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
  );
}
