/**
 * How the dashboard's tables print a value of a view column (see ViewColumn.format in
 * lib/query/views.ts).
 * NULL prints as `—` and is marked `missing`, so a reader never mistakes it for 0.
 */
import type { Row, SqlValue } from '../store/executor';
import { describeCellRef, publishedOnSourceLabel, ruleLabel, SECTION_LABELS, severityLabel } from './labels';
import { peerGroupNote, percentileText, rankText } from './rank-text';
import type { ColumnFormat, ViewColumn } from '../query/views';
import { zhT, type Translate } from './i18n/translate';
import { flagText } from './i18n/flag-text';
import type { Lang } from './i18n/lang';
import { cellNotesText, labelText, peerGroupText } from './view-labels';

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
 * Labels and tooltips in the language of `t` (Chinese by default); numbers are written the same in both.
 */
export function formatCell(value: SqlValue, format: ColumnFormat, t: Translate = zhT): FormattedCell {
  if (value === null || value === '') return { text: '—', title: t(MISSING_TITLE), missing: true };
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
      return { text: t(severityLabel(String(value))), title: String(value), missing: false };
    case 'rule':
      return { text: String(value), title: t(ruleLabel(String(value))), missing: false };
    case 'rank':
      return { text: String(value), missing: false };
    case 'percentile':
      return typeof value === 'number' ? { text: `P${Math.round(value * 100)}`, title: String(value), missing: false } : { text: String(value), missing: false };
    case 'origin':
      return value === 'upload'
        ? { text: t('上传'), title: t('upload：在本浏览器中上传的文件，只在本机读取'), missing: false }
        : { text: value === 'embedded' ? t('内置') : String(value), title: t('{{value}}：看板内置的数据', { value: String(value) }), missing: false };
    case 'date_source':
      return { text: t(publishedOnSourceLabel(String(value))), title: String(value), missing: false };
    case 'subject': {
      const refs = String(value).split(';').filter((s) => s.length > 0);
      return { text: refs.map((r) => cellRefText(r, t)).join(t('；')), title: refs.join('; '), missing: false };
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
 * `同类不足5家` or `无同类组` (./rank-text.ts peerGroupNote). In English (`t`), the 单元格说明 notes
 * and the 同类组 of 指标 are translated too (./view-labels.ts); Chinese text is unchanged.
 */
export function formatRowCell(row: Row, column: ViewColumn, t: Translate = zhT): FormattedCell {
  if ((column.format === 'rank' || column.format === 'percentile') && column.rank) {
    const peers = column.rank.peers ? (row[column.rank.peers] ?? null) : undefined;
    const args = [row[column.key] ?? null, row[column.rank.base] ?? null, row[column.rank.rate] ?? null, peers] as const;
    const r = column.format === 'rank' ? rankText(...args, t) : percentileText(...args, t);
    return { text: r.text, title: r.title, missing: !r.ranked && r.text === '—' };
  }
  const note = column.peers && (row[column.key] ?? null) === null ? peerGroupNote(row[column.peers] ?? null, t) : null;
  if (note) return { text: note.text, title: note.title, missing: false };
  const value = row[column.key] ?? null;
  if (t !== zhT && typeof value === 'string' && value !== '') {
    if (column.key === 'cell_notes') return { text: cellNotesText(value, t), missing: false };
    if (column.key === 'peer_group') return { text: peerGroupText(value, t), missing: false };
    if (column.key === 'rule_label') return { text: t(value), missing: false };
    if (column.key === 'group_name') return { text: groupNameText(value, t), missing: false };
  }
  return formatCell(value, column.format, t);
}

/**
 * A cell reference in words in the language of `t`: Chinese as lib/present/labels.ts describeCellRef
 * (`表三·本年新收政府信息公开申请数量·总计`); English with each part translated
 * (./view-labels.ts labelText) and `text:120-180` as `text characters 121–180`.
 */
export function cellRefText(ref: string, t: Translate = zhT): string {
  const text = /^text:(\d+)-(\d+)$/.exec(ref);
  if (text) return t('正文第 {{start}}–{{end}} 字', { start: Number(text[1]) + 1, end: text[2] });
  const section = /^section\.([a-z_]+)$/.exec(ref);
  if (section && SECTION_LABELS[section[1]]) return t('章节「{{heading}}」', { heading: t(SECTION_LABELS[section[1]]) });
  const other = /^([0-9a-f]{16}(?:-\d+)?):(.+)$/.exec(ref);
  if (other && describeCellRef(other[2]) !== other[2]) return t('另一份报告（{{id}}）的{{cell}}', { id: other[1], cell: cellRefText(other[2], t) });
  return labelText(describeCellRef(ref), t);
}

/** A group's name of a grouped view in the language of `t`: `全部报告`, `未识别地区` and the `（市本级）`/`（省本级）` marks translated; place and agency names as printed. */
export function groupNameText(name: string, t: Translate = zhT): string {
  if (name === '全部报告' || name === '未识别地区' || name === '（未识别机关）') return t(name);
  const own = /^(.*)（(省|市)本级）$/.exec(name);
  return own ? `${own[1]}${t(`（${own[2]}本级）`)}` : name;
}

/**
 * A view's cell as the screen (and the CSV) shows it in `lang`: {@link formatRowCell}, and in English
 * a 合规 flag's message composed from the row's fields (./i18n/flag-text.ts flagText; the stored
 * message is Chinese). Chinese is formatRowCell's own.
 */
export function shownCell(row: Row, column: ViewColumn, lang: Lang, t: Translate = zhT): FormattedCell {
  const f = formatRowCell(row, column, t);
  if (lang === 'zh' || column.key !== 'message' || typeof row.message !== 'string' || typeof row.rule !== 'string') return f;
  const text = flagText(
    {
      rule: row.rule,
      message: row.message,
      subject: typeof row.subject === 'string' ? row.subject : null,
      expected: (row.expected ?? null) as string | number | null,
      actual: (row.actual ?? null) as string | number | null,
      difference: typeof row.difference === 'number' ? row.difference : null,
    },
    lang,
    t,
  );
  return { ...f, text };
}
