'use client';

/** The rows behind a view, as a table with the view's Chinese column labels and units. */
import { formatCell } from '@/lib/query/format';
import type { Row } from '@/lib/query/executor';
import type { ViewColumn } from '@/lib/query/views';

/**
 * The rows of a view in a scrollable table: one column per view column (label + unit in the header,
 * formula and CSV key in its tooltip), values formatted by lib/query/format (NULL as a grey —).
 * Shows a sentence instead of an empty table when there are no rows.
 */
export default function DataTable({ columns, rows }: { columns: readonly ViewColumn[]; rows: readonly Row[] }) {
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
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${String(r.report_id)}-${i}`} data-testid="view-row">
              {columns.map((c) => {
                const f = formatCell(r[c.key] ?? null, c.format);
                const cls = [`col-${c.format}`, f.missing ? 'missing' : '', c.format === 'severity' ? `sev-${String(r[c.key])}` : '']
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={c.key} className={cls} title={f.title} data-col={c.key}>
                    {f.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
