/**
 * How the report page arranges one report (pure; the SQL that reads it is
 * lib/query/report-detail.ts): the form's tables with the form's Chinese labels
 * (lib/model/form-layout.ts), which cells, tables, passages of the text and header fields each flag
 * concerns, the text cut into highlighted segments, and the head's 发布日期 with where it comes from
 * and the 原文链接.
 *
 * Offsets of `text:START-END` references are UTF-16 code units, end exclusive — the units of a
 * JavaScript string index — so segments are cut with `String.prototype.slice`.
 */
import {
  T2_ROWS,
  T2_ROWS_2019,
  T2_COLUMNS,
  T2_COLUMNS_2019,
  T3_COLUMNS,
  T3_OTHER_HANDLING,
  T3_ROWS,
  T4_COLUMNS,
  T4_ROWS,
  TABLE_LABELS,
  rowLabel,
  type FormKey,
} from '../model/form-layout';
import type { TableKey } from '../model/report-schema';
import type { ReportCell, ReportFlag } from '../query/report-detail';
import { cellKey, parseSubject } from './subject-ref';
import { publishedOnSourceLabel } from './labels';
import { zhT, type Translate } from './i18n/translate';

// ------------------------------------------------------------------ the form's tables

/** One position of a form table: the cell printed there, or null when cells.csv has none. */
export interface FormCellSlot {
  /** `t3.granted.natural_person`. */
  ref: string;
  column: string;
  cell: ReportCell | null;
}

/** A row of a form table with the form's label. */
export interface FormRowView {
  key: string;
  label: string;
  cells: FormCellSlot[];
}

/** A block of a form table sharing one header (表二 has several, as the form prints it). */
export interface FormGroupView {
  /** `第二十条第（一）项` for 表二 blocks; null otherwise. */
  heading: string | null;
  columns: FormKey[];
  /** Header cells above the columns (表三: 自然人 | 法人或其他组织 ×5 | 总计), or null. */
  superHeader: Array<{ label: string; span: number }> | null;
  rows: FormRowView[];
}

/** One table of the report laid out as the form prints it. */
export interface FormTableView {
  table: TableKey;
  /** e.g. `收到和处理政府信息公开申请情况（表三）`. */
  title: string;
  /** Whether the table was read (listed in tables_found, or has cells). */
  found: boolean;
  groups: FormGroupView[];
  /** Cells whose row or column the layout does not know (kept visible, not dropped). */
  extra: ReportCell[];
}

const T2_ARTICLES: Record<string, string> = {
  regulations: '第二十条第（一）项',
  normative_documents: '第二十条第（一）项',
  licensing: '第二十条第（五）项',
  other_services: '第二十条第（五）项',
  penalty: '第二十条第（六）项',
  coercion: '第二十条第（六）项',
  fees: '第二十条第（八）项',
  procurement: '第二十条第（九）项',
};

function slotRow(table: TableKey, row: FormKey, columns: readonly string[], byRef: Map<string, ReportCell>): FormRowView {
  return {
    key: row.key,
    label: row.label,
    cells: columns.map((column) => {
      const ref = cellKey(table, row.key, column);
      return { ref, column, cell: byRef.get(ref) ?? null };
    }),
  };
}

/**
 * The three tables of a report laid out as the form prints them, with the form's labels:
 * - 表二 in blocks by article of 条例第二十条 (第（一）项 规章/行政规范性文件 × 本年制发/本年废止/
 *   现行有效件数; 第（五）项 行政许可; 第（六）项 行政处罚/行政强制; 第（八）项 行政事业性收费 万元),
 *   in the 2019 trial layout when `formVersion` is `2019`;
 * - 表三: 25 rows × 7 columns (自然人, five 法人或其他组织 columns, 总计); a report that prints the
 *   single （六）其他处理 row (`other_handling`) instead of rows 21–23 gets that row in their place;
 * - 表四: 行政复议, 行政诉讼（未经复议直接起诉）, 行政诉讼（复议后起诉） × 结果维持/结果纠正/其他结果/尚未审结/总计.
 * Every position of the layout is present; `cell` is null where cells.csv has no cell.
 */
export function buildFormTables(cells: readonly ReportCell[], tablesFound: readonly string[], formVersion: string | null): FormTableView[] {
  const byRef = new Map(cells.map((c) => [cellKey(c.table, c.row, c.column), c]));
  const used = new Set<string>();
  const take = (g: FormGroupView) => {
    for (const r of g.rows) for (const s of r.cells) used.add(s.ref);
    return g;
  };

  // 表二
  const t2Layout = formVersion === '2019' ? T2_ROWS_2019 : T2_ROWS;
  const t2Columns = formVersion === '2019' ? T2_COLUMNS_2019 : T2_COLUMNS;
  const t2Groups: FormGroupView[] = [];
  for (const row of t2Layout) {
    const heading = T2_ARTICLES[row.key] ?? null;
    const last = t2Groups[t2Groups.length - 1];
    const sameColumns = last && last.columns.map((c) => c.key).join() === row.columns.join();
    if (last && last.heading === heading && sameColumns) {
      last.rows.push(slotRow('t2', row, row.columns, byRef));
    } else {
      t2Groups.push({
        heading,
        columns: row.columns.map((k) => t2Columns.find((c) => c.key === k) ?? { key: k, label: k }),
        superHeader: null,
        rows: [slotRow('t2', row, row.columns, byRef)],
      });
    }
  }
  t2Groups.forEach(take);

  // 表三
  const t3Cols = T3_COLUMNS.map((c) => c.key);
  const hasOtherHandling = cells.some((c) => c.table === 't3' && c.row === T3_OTHER_HANDLING.key);
  const hasRows21to23 = cells.some((c) => c.table === 't3' && c.row.startsWith('other_') && c.row !== T3_OTHER_HANDLING.key);
  const t3Rows: FormKey[] = [];
  for (const r of T3_ROWS) {
    if (r.key === 'other_overdue_amendment' && hasOtherHandling) t3Rows.push(T3_OTHER_HANDLING);
    if (r.key.startsWith('other_') && hasOtherHandling && !hasRows21to23) continue;
    t3Rows.push(r);
  }
  const t3Group = take({
    heading: null,
    columns: [...T3_COLUMNS],
    superHeader: [
      { label: T3_COLUMNS[0].label, span: 1 },
      { label: '法人或其他组织', span: 5 },
      { label: T3_COLUMNS[6].label, span: 1 },
    ],
    rows: t3Rows.map((r) => slotRow('t3', r, t3Cols, byRef)),
  });

  // 表四
  const t4Group = take({
    heading: null,
    columns: [...T4_COLUMNS],
    superHeader: null,
    rows: T4_ROWS.map((r) => slotRow('t4', r, T4_COLUMNS.map((c) => c.key), byRef)),
  });

  const groups: Record<TableKey, FormGroupView[]> = { t2: t2Groups, t3: [t3Group], t4: [t4Group] };
  return (['t2', 't3', 't4'] as const).map((table) => ({
    table,
    title: TABLE_LABELS[table],
    found: tablesFound.includes(table) || cells.some((c) => c.table === table),
    groups: groups[table],
    extra: cells.filter((c) => c.table === table && !used.has(cellKey(c.table, c.row, c.column))),
  }));
}

// ------------------------------------------------------------------ flags → highlights

/**
 * A passage of the text to highlight, tied to one flag. `kind`: `passage` (named by the flag,
 * `text:START-END`; the default), `evidence` (the flag's quoted evidence, found in the text) or
 * `row` (the printed table row of a cell the flag names, found by the row's label — a guide for
 * the eye, not a reference the rule made).
 */
export interface TextMark {
  start: number;
  end: number;
  /** The fingerprint of the flag the passage belongs to. */
  flag: string;
  kind?: 'passage' | 'evidence' | 'row';
}

/**
 * What each flag of a report points at, indexed for the page: cell refs (`t3.granted.total`),
 * tables (`t2`), text passages, the publication date, sections (`problems`), and cells of other
 * reports (cross-year rules), the agency's name (AGENCY_UNRESOLVED). Each maps to the
 * fingerprints of the flags concerned.
 */
export interface FlagHighlights {
  cells: Map<string, string[]>;
  tables: Map<string, string[]>;
  text: TextMark[];
  publishedOn: string[];
  agency: string[];
  sections: Map<string, string[]>;
  otherReports: Array<{ flag: string; report: string; ref: string }>;
}

function push<K>(m: Map<K, string[]>, k: K, v: string) {
  const list = m.get(k);
  if (list) {
    if (!list.includes(v)) list.push(v);
  } else m.set(k, [v]);
}

/** Index the subjects of a report's flags (see {@link FlagHighlights}); unknown references are skipped. */
export function flagHighlights(flags: ReadonlyArray<Pick<ReportFlag, 'fingerprint' | 'subject'>>): FlagHighlights {
  const h: FlagHighlights = { cells: new Map(), tables: new Map(), text: [], publishedOn: [], agency: [], sections: new Map(), otherReports: [] };
  for (const f of flags) {
    for (const s of parseSubject(f.subject)) {
      if ((s.kind === 'cell' || s.kind === 'table') && s.report) {
        h.otherReports.push({ flag: f.fingerprint, report: s.report, ref: s.ref.slice(s.report.length + 1) });
      } else if (s.kind === 'cell') push(h.cells, cellKey(s.table, s.row, s.column), f.fingerprint);
      else if (s.kind === 'table') push(h.tables, s.table, f.fingerprint);
      else if (s.kind === 'text') h.text.push({ start: s.start, end: s.end, flag: f.fingerprint });
      else if (s.kind === 'published_on') {
        if (!h.publishedOn.includes(f.fingerprint)) h.publishedOn.push(f.fingerprint);
      } else if (s.kind === 'agency') {
        if (!h.agency.includes(f.fingerprint)) h.agency.push(f.fingerprint);
      } else if (s.kind === 'section') push(h.sections, s.section, f.fingerprint);
    }
  }
  return h;
}

/**
 * Passages for flags that name no passage of their own but quote the text they rest on
 * (`evidence`, e.g. the printed row `行政规范性文件\t0\t16` of a CELL_MISSING flag): the first
 * place the evidence stands in `text`, or nothing when it is not found verbatim (it may have been
 * normalized). Flags with `text:` references keep those and get no derived passage.
 */
export function evidenceMarks(text: string, flags: ReadonlyArray<Pick<ReportFlag, 'fingerprint' | 'subject' | 'evidence'>>): TextMark[] {
  const out: TextMark[] = [];
  for (const f of flags) {
    if (!f.evidence || f.evidence.trim().length < 2) continue;
    if (parseSubject(f.subject).some((s) => s.kind === 'text')) continue;
    const at = text.indexOf(f.evidence);
    if (at >= 0) out.push({ start: at, end: at + f.evidence.length, flag: f.fingerprint, kind: 'evidence' });
  }
  return out;
}

/**
 * The label a table row is printed with, as searched for in the text: the item of a grouped
 * row (`（三）不予公开 1.属于国家秘密` → `属于国家秘密`), otherwise the label without its numbering
 * (`四、结转下年度继续办理` → `结转下年度继续办理`, `（一）予以公开` → `予以公开`).
 */
function printedRowLabel(table: TableKey, row: string): string {
  const label = rowLabel(table, row);
  const grouped = /^（[一二三四五六七八九十]）\s*\S+\s+\d+[.．]\s*(.+)$/.exec(label);
  if (grouped) return grouped[1];
  return label.replace(/^[一二三四五六七八九十]+、/, '').replace(/^（[一二三四五六七八九十]）\s*/, '').replace(/^\d+[.．]\s*/, '').replace(/（.*$/, '');
}

/**
 * The printed table rows of the cells the flags name, found in `text` by the row's label: the
 * first line that holds numbers in tab-separated columns (how the ingest writes table rows) and
 * starts with the label (after its numbering), or contains it when the label has at least four
 * characters. One mark per flag and line, kind `row`. Cells of other reports are skipped; a row
 * whose line is not found gets no mark. A guide for the reader: the rule itself names cells.
 */
export function rowMarks(text: string, flags: ReadonlyArray<Pick<ReportFlag, 'fingerprint' | 'subject'>>): TextMark[] {
  const lines: Array<{ start: number; end: number; body: string }> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.includes('\t') && /\d/.test(line)) {
      lines.push({ start: at, end: at + line.length, body: line.replace(/^[\s（()）一二三四五六七八九十、0-9.．]+/, '') });
    }
    at += line.length + 1;
  }
  const found = new Map<string, { start: number; end: number } | null>();
  const out: TextMark[] = [];
  for (const f of flags) {
    const seen = new Set<number>();
    for (const s of parseSubject(f.subject)) {
      if (s.kind !== 'cell' || s.report) continue;
      const key = `${s.table}.${s.row}`;
      if (!found.has(key)) {
        const label = printedRowLabel(s.table, s.row);
        const line = label.length < 2 ? undefined : lines.find((l) => l.body.startsWith(label) || (label.length >= 4 && l.body.includes(label)));
        found.set(key, line ? { start: line.start, end: line.end } : null);
      }
      const hit = found.get(key);
      if (hit && !seen.has(hit.start)) {
        seen.add(hit.start);
        out.push({ start: hit.start, end: hit.end, flag: f.fingerprint, kind: 'row' });
      }
    }
  }
  return out;
}

/**
 * A run of the text with the flags whose passages cover it (empty = not highlighted) and the
 * kinds of those passages (`passage`, `evidence`, `row`).
 */
export interface TextSegment {
  start: number;
  end: number;
  text: string;
  flags: string[];
  kinds: string[];
}

/**
 * Cut `text` into consecutive segments at every mark boundary; each segment lists the flags whose
 * passages cover it (overlapping passages list several). Marks are clamped to the text; empty or
 * inverted marks are ignored. Adjacent segments with the same flags and kinds are merged, so an
 * unmarked text is one segment. The segments' texts joined give back `text` exactly.
 */
export function textSegments(text: string, marks: readonly TextMark[]): TextSegment[] {
  const len = text.length;
  const valid = marks
    .map((m) => ({ start: Math.max(0, Math.min(len, m.start)), end: Math.max(0, Math.min(len, m.end)), flag: m.flag, kind: m.kind ?? 'passage' }))
    .filter((m) => m.end > m.start);
  const cuts = [...new Set([0, len, ...valid.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const out: TextSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    const covering = valid.filter((m) => m.start <= a && m.end >= b);
    const flags = [...new Set(covering.map((m) => m.flag))];
    const kinds = [...new Set(covering.map((m) => m.kind))].sort();
    const prev = out[out.length - 1];
    if (prev && prev.flags.join() === flags.join() && prev.kinds.join() === kinds.join()) {
      prev.end = b;
      prev.text = text.slice(prev.start, b);
    } else out.push({ start: a, end: b, text: text.slice(a, b), flags, kinds });
  }
  if (out.length === 0) out.push({ start: 0, end: 0, text: '', flags: [], kinds: [] });
  return out;
}

// ------------------------------------------------------------------ the head: 发布日期 and 原文链接

/** The report head's 发布日期 and 原文链接 as the page shows them ({@link publicationLine}). */
export interface PublicationLine {
  /** The date, `YYYY-MM-DD`; `未印出` when neither the report nor its page gives one. */
  date: string;
  /** `（取自发布页面）` when the date is the web page's (the report prints none); null when printed or unknown. */
  note: string | null;
  /** Where the date comes from, one sentence (the date's tooltip). */
  title: string;
  /**
   * The address of the page the report was published on (reports.csv `source_url`: a capture's
   * 原文链接, a portal page's address), only when it is an absolute http(s) URL — anything else
   * (`javascript:`, a relative path, text) is not made a link; null when unknown.
   */
  sourceUrl: string | null;
}

/**
 * The 发布日期 line of a report's row of reports.csv (issue 11): the date, a note when it was taken
 * from the page the report was published on (`published_on_source` `page`: 「2025-01-20（取自发布页面）」),
 * and the page's address for a plain link. Pure; unknown or malformed values give `未印出` / null.
 * `t` gives the texts in the UI's language (lib/present/i18n; Chinese by default).
 */
export function publicationLine(report: { published_on?: unknown; published_on_source?: unknown; source_url?: unknown }, t: Translate = zhT): PublicationLine {
  const date = typeof report.published_on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(report.published_on) ? report.published_on : null;
  const source = date && typeof report.published_on_source === 'string' ? report.published_on_source : null;
  const title = !date
    ? t('报告没有印出发布日期，发布页面也没有给出。')
    : source === 'page'
      ? t('报告没有印出发布日期；这是发布它的网页上的发布日期（发布时间、发布日期）。')
      : source === 'printed'
        ? t('报告正文印出的发布日期。')
        : t('发布日期（数据文件没有记录其来源）。');
  return {
    date: date ?? t('未印出'),
    note: source === 'page' ? t(`（${publishedOnSourceLabel('page')}）`) : null,
    title,
    sourceUrl: httpUrl(report.source_url),
  };
}

/** `value` when it is an absolute http: or https: URL (as `new URL` reads it), else null. */
function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
