'use client';

/**
 * The 合计 row under a view's table and the 缺N份 mark of a group total (issue 9): the selection's
 * totals (lib/query/group-totals.ts totalRowQuery) under the table's own columns — counts summed
 * over the reports that gave them, rates recomputed from the summed parts — and, where a total
 * leaves reports out, how many (never a silent 0).
 */
import { formatCell } from '@/lib/present/format';
import { missingMark } from '@/lib/query/group-totals';
import type { ViewColumn } from '@/lib/query/views';
import type { Row, SqlValue } from '@/lib/store/executor';
import { zhT, type Translate } from '@/lib/present/i18n/translate';
import { useT } from '../_lib/lang-context';

/** `缺N份` after a total that leaves out N reports (tooltip: what the number covers); nothing when N is 0. */
export function MissingMark({ column, n }: { column: ViewColumn; n: SqlValue | undefined }) {
  const { t } = useT();
  const m = missingMark(column, n, t);
  if (!m) return null;
  return (
    <span className="missing-mark" title={m.title} data-testid="missing-mark" data-n={String(n)}>
      {m.text}
    </span>
  );
}

/** The key of the total row's count of reports left out of `c` (its own, or for a rate's denominator the rate's). */
function missingKeyIn(c: ViewColumn, row: Row): string | null {
  if (c.missing) return c.missing;
  if (`${c.key}_missing` in row) return `${c.key}_missing`;
  return c.key.endsWith('_base') && `${c.key.slice(0, -5)}_rate_missing` in row ? `${c.key.slice(0, -5)}_rate_missing` : null;
}

/** The text of one cell of the 合计 row (in the language of `t`): the label, the years it spans, a total, or the counts in the notes column. */
function totalCell(c: ViewColumn, index: number, row: Row, t: Translate = zhT): { text: string; missing: boolean; mark: string | null } {
  if (index === 0) return { text: t('合计'), missing: false, mark: null };
  if (c.key === 'year') {
    const from = row.year_from;
    const to = row.year_to;
    return { text: from === to ? String(from ?? '') : `${String(from)}—${String(to)}`, missing: false, mark: null };
  }
  if (c.key === 'cell_notes') return { text: t('{{reports}} 份报告；缺失单元格 {{cells}} 个', { reports: String(row.report_count), cells: String(row.missing_cells) }), missing: false, mark: null };
  if (!(c.key in row) || c.key === 'group_key' || c.format === 'rank') return { text: '', missing: false, mark: null };
  const f = formatCell(row[c.key] ?? null, c.format, t);
  return { text: f.text, missing: f.missing, mark: missingKeyIn(c, row) };
}

/**
 * The table's `<tfoot>`: one 合计 row over `columns` (the table's shown columns), reading `row`
 * (one row of totalRowQuery); `lead` empty cells first (the 比较 checkbox column).
 */
export default function TotalRow({ columns, row, lead }: { columns: readonly ViewColumn[]; row: Row; lead: number }) {
  const { t } = useT();
  return (
    <tfoot>
      <tr className="total-row" data-testid="total-row" data-reports={String(row.report_count)}>
        {Array.from({ length: lead }, (_, i) => (
          <td key={`lead-${i}`} />
        ))}
        {columns.map((c, i) => {
          const cell = totalCell(c, i, row, t);
          return (
            <td key={c.key} data-col={c.key} className={[`col-${c.format}`, cell.missing ? 'missing' : ''].filter(Boolean).join(' ')}>
              {cell.text}
              {cell.mark ? <MissingMark column={c} n={row[cell.mark]} /> : null}
            </td>
          );
        })}
      </tr>
    </tfoot>
  );
}
