/**
 * How the dashboard's tables print a value of a view column (see ViewColumn.format in
 * lib/query/views.ts).
 * NULL prints as `—` and is marked `missing`, so a reader never mistakes it for 0.
 */
import type { Row, SqlValue } from '../store/executor';
import { describeCellRef, publishedOnSourceLabel, ruleLabel, severityLabel } from './labels';
import { peerGroupNote, percentileText, rankText } from './rank-text';
import type { ColumnFormat, ViewColumn } from '../query/views';

/** A value ready for a table cell: the text, an optional tooltip, and whether it is NULL. */
export interface FormattedCell {
  text: string;
  title?: string;
  missing: boolean;
}

/**
 * Number formats, made once: `toLocaleString` with options builds a new Intl.NumberFormat on every
 * call, which at 200 rows × 20 columns cost ~0.3 s per table render.
 */
const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const AMOUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** Tooltip of a NULL cell. */
export const MISSING_TITLE = '报告没有给出这个数（缺失、空白或占位符），或无法计算；不是 0。';

/**
 * Format one value:
 * - `count` 件: integer with thousands separators (`1,234`); a fraction keeps up to 2 decimals;
 * - `amount` 万元: up to 4 decimals (`12.5`);
 * - `rate`: ratio 0–1 as a percentage with one decimal (`25.8%`);
 * - `year`: as is; `severity`/`rule`: Chinese label (rule key in the tooltip);
 * - `subject`: `;`-separated cell references described in words (raw refs in the tooltip);
 * - `rank`: the rank as is (use {@link formatRowCell} to explain a NULL rank);
 * - `percentile`: 0–1 as `P62` (the same);
 * - `origin`: `上传` for `upload`, `内置` for `embedded` (the key in the tooltip);
 * - `date_source`: `印于报告` for `printed`, `取自发布页面` for `page` (the key in the tooltip);
 * - `text`: as is.
 */
export function formatCell(value: SqlValue, format: ColumnFormat): FormattedCell {
  if (value === null || value === '') return { text: '—', title: MISSING_TITLE, missing: true };
  switch (format) {
    case 'count':
      return { text: typeof value === 'number' ? COUNT_FORMAT.format(value) : String(value), missing: false };
    case 'amount':
      return { text: typeof value === 'number' ? AMOUNT_FORMAT.format(value) : String(value), missing: false };
    case 'rate':
      return typeof value === 'number'
        ? { text: `${(value * 100).toFixed(1)}%`, title: String(value), missing: false }
        : { text: String(value), missing: false };
    case 'severity':
      return { text: severityLabel(String(value)), title: String(value), missing: false };
    case 'rule':
      return { text: String(value), title: ruleLabel(String(value)), missing: false };
    case 'rank':
      return { text: String(value), missing: false };
    case 'percentile':
      return typeof value === 'number' ? { text: `P${Math.round(value * 100)}`, title: String(value), missing: false } : { text: String(value), missing: false };
    case 'origin':
      return value === 'upload'
        ? { text: '上传', title: 'upload：在本浏览器中上传的文件，只在本机读取', missing: false }
        : { text: value === 'embedded' ? '内置' : String(value), title: `${String(value)}：看板内置的数据`, missing: false };
    case 'date_source':
      return { text: publishedOnSourceLabel(String(value)), title: String(value), missing: false };
    case 'subject': {
      const refs = String(value).split(';').filter((s) => s.length > 0);
      return { text: refs.map(describeCellRef).join('；'), title: refs.join('; '), missing: false };
    }
    default:
      return { text: String(value), missing: false };
  }
}

/**
 * Format the value of `column` in `row`. Like {@link formatCell}, except that a `rank` or
 * `percentile` column is read with its ratio, denominator and peers (./rank-text.ts rankText,
 * percentileText): a rank prints as `1`, a percentile as `P62`, a ratio over fewer than 30 cases as
 * `样本不足30件`, a report without a peer group as `无同类组`, a ratio that cannot be computed as `—`
 * — never as a missing number; and a NULL peer statistic (a column with `peers`) reads
 * `同类不足5家` or `无同类组` (./rank-text.ts peerGroupNote).
 */
export function formatRowCell(row: Row, column: ViewColumn): FormattedCell {
  if ((column.format === 'rank' || column.format === 'percentile') && column.rank) {
    const read = column.format === 'rank' ? rankText : percentileText;
    const peers = column.rank.peers ? (row[column.rank.peers] ?? null) : undefined;
    const r = read(row[column.key] ?? null, row[column.rank.base] ?? null, row[column.rank.rate] ?? null, peers);
    return { text: r.text, title: r.title, missing: !r.ranked && r.text === '—' };
  }
  const note = column.peers && (row[column.key] ?? null) === null ? peerGroupNote(row[column.peers] ?? null) : null;
  if (note) return { text: note.text, title: note.title, missing: false };
  return formatCell(row[column.key] ?? null, column.format);
}
