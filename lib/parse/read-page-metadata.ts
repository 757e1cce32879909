/**
 * The metadata a web page or a web capture gives about a report, apart from the report's own
 * text: the header block of a web-archive text capture (`标题: …` / `发布时间: …` / `发布机构: …` /
 * `原文链接: …`, then `==== 正文 ====`), the metadata box of a government portal page (索引号,
 * 发文机关, 成文日期, 标题, 发布日期 …, printed before the title) and the page's `<meta>` tags
 * (ArticleTitle, PubDate, Url …). These fields are metadata: never body text, never part of the
 * agency's name. read-report-metadata.ts uses them where the report itself prints nothing (the
 * title, the publication date: `published_on_source` `page`).
 */

/** What a page says about the report it carries. Every field is null when the page does not say. */
export interface PageMetadata {
  /** The page's title of the report (`平潭综合实验区公安局2024年政府信息公开工作年度报告`). */
  title: string | null;
  /** The page's publication date, YYYY-MM-DD (发布时间 / 发布日期 / PubDate; else 成文日期). */
  publishedOn: string | null;
  /** The publishing body as the page names it (发布机构 / 发文机关 / 来源: `区公安局`). */
  publisher: string | null;
  /** The address of the original page (原文链接 / `<meta name="Url">`). */
  sourceUrl: string | null;
  /** The page's 索引号 (`PZ00106-2500-2025-00085`). */
  indexNo: string | null;
  /** The page's 文号 / 发文字号, when one is given (not `无`). */
  docNo: string | null;
}

/** A page metadata with every field null. */
export const NO_PAGE_METADATA: PageMetadata = Object.freeze({
  title: null,
  publishedOn: null,
  publisher: null,
  sourceUrl: null,
  indexNo: null,
  docNo: null,
});

/** Which metadata field a field name fills; `rank` orders date fields (发布 before 成文). */
interface FieldName {
  field: keyof PageMetadata | null;
  rank: number;
}

/**
 * Field names of web captures and portal metadata boxes (whitespace inside a name, as in
 * `索&ensp;引&ensp;号`, is ignored). Names mapped to null are known page fields the report does
 * not need (栏目, 主题分类 …); they still mark a line as metadata.
 */
const FIELD_NAMES: ReadonlyMap<string, FieldName> = new Map<string, FieldName>([
  ...['标题', '文章标题', '信息名称', '题名'].map((n): [string, FieldName] => [n, { field: 'title', rank: 0 }]),
  ...['发布时间', '发布日期', '公开日期', '公开时间', '发文日期'].map((n): [string, FieldName] => [n, { field: 'publishedOn', rank: 0 }]),
  ...['成文日期', '成文时间', '印发日期', '生成日期'].map((n): [string, FieldName] => [n, { field: 'publishedOn', rank: 1 }]),
  ...['发布机构', '发文机关', '发布单位', '发文单位', '公开机构', '公开主体', '来源', '信息来源', '文章来源', '所属机构'].map(
    (n): [string, FieldName] => [n, { field: 'publisher', rank: 0 }],
  ),
  ...['原文链接', '原文地址', '原始链接', '页面地址', '网址', '链接', 'URL', 'url'].map((n): [string, FieldName] => [n, { field: 'sourceUrl', rank: 0 }]),
  ['索引号', { field: 'indexNo', rank: 0 }],
  ...['文号', '发文字号', '发文编号'].map((n): [string, FieldName] => [n, { field: 'docNo', rank: 0 }]),
  ...['栏目', '所属栏目', '主题分类', '体裁分类', '组配分类', '服务对象分类', '有效性', '本地目录', '关键词', '主题词', '公开方式', '公开范围', '作者', '浏览次数', '访问量', '字号', '分类'].map(
    (n): [string, FieldName] => [n, { field: null, rank: 0 }],
  ),
]);

/** Field names longest first, for the search inside a line; each character may be followed by spaces (`索 引 号`). */
const NAME_SOURCE = [...FIELD_NAMES.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => [...n].join('[\\s\\u00a0\\u2002\\u3000]*'))
  .join('|');
/** A field at the start of a line: name, colon, value (possibly empty). */
const FIELD_LINE = new RegExp(`^[\\s\\u00a0\\u2002\\u3000]*(${NAME_SOURCE})[\\s\\u00a0\\u2002\\u3000]*[:：](.*)$`);
/** Every field of a line holding several (`发布机构：区公安局 发布日期：2025-01-20`). */
const FIELD_ANYWHERE = new RegExp(`(?:^|[\\s|｜])(${NAME_SOURCE})[\\s\\u00a0\\u2002\\u3000]*[:：]`, 'g');
/** The separator between a capture's header and the body (`==================== 正文 ====================`). */
const SEPARATOR = /^\s*[=＝\-—*#~]{3,}\s*(正文|内容|全文)?\s*[=＝\-—*#~]*\s*$/;
/** A date in a field value: 2025-01-20, 2025/1/20, 2025.01.20, 2025年1月20日 (a time may follow). */
const DATE_VALUE = /((?:19|20)\d{2})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})/;

/** A date as YYYY-MM-DD when it is a real calendar date, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date in a field value as YYYY-MM-DD, or null. */
export function dateOfValue(value: string): string | null {
  const m = DATE_VALUE.exec(value);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A field name as the table knows it: whitespace removed. */
const nameKey = (raw: string) => raw.replace(/[\s\u00a0\u2002\u3000]+/g, '');

/** A field value cleaned: trimmed, `无` / `-` / empty as null. */
function cleanValue(raw: string): string | null {
  const v = raw.replace(/[\s\u00a0\u2002\u3000]+/g, ' ').trim();
  return v && !/^(无|暂无|-|—|\/)$/.test(v) ? v : null;
}

/**
 * The fields a line prints (`名称：值` pairs of known names), in order; none when the line does not
 * start with a known field name. `|` of a Markdown row counts as a separator.
 */
export function fieldsOfLine(line: string): Array<{ name: string; value: string }> {
  const t = line.replace(/^\s*\|/, '').replace(/\|\s*$/, '');
  if (!FIELD_LINE.test(t)) return [];
  const hits = [...t.matchAll(FIELD_ANYWHERE)];
  return hits.map((h, i) => {
    const start = (h.index ?? 0) + h[0].length;
    const end = i + 1 < hits.length ? (hits[i + 1].index ?? t.length) : t.length;
    return { name: nameKey(h[1]), value: t.slice(start, end).replace(/[|｜]/g, ' ') };
  });
}

/** Accumulates fields into a {@link PageMetadata}: the first value of a field wins, except a better-ranked date. */
export class PageMetadataBuilder {
  private readonly meta: { -readonly [K in keyof PageMetadata]: PageMetadata[K] } = { ...NO_PAGE_METADATA };
  private dateRank = Infinity;
  /** Number of known fields added (of any name). */
  count = 0;

  /** Adds one field by its printed name; unknown names are ignored. */
  add(name: string, rawValue: string): void {
    const known = FIELD_NAMES.get(nameKey(name));
    if (!known) return;
    this.count++;
    const value = cleanValue(rawValue);
    if (!known.field || !value) return;
    if (known.field === 'publishedOn') {
      const date = dateOfValue(value);
      if (date && known.rank < this.dateRank) {
        this.meta.publishedOn = date;
        this.dateRank = known.rank;
      }
      return;
    }
    if (known.field === 'sourceUrl' && !/^https?:\/\//i.test(value)) return;
    if (this.meta[known.field] === null) this.meta[known.field] = value;
  }

  /** The metadata read so far. */
  result(): PageMetadata {
    return { ...this.meta };
  }
}

/**
 * Splits the header block off a web capture's text. A header block is either the lines before a
 * separator (`==== 正文 ====`) within the first 20 lines, when two or more of them are known
 * fields (lines such as `页面链接与图片详见 links.tsv` between the fields and the separator belong to
 * it), or else the leading run of known-field lines, when it holds two or more. Never throws.
 *
 * @returns the page metadata read from the header (all null when there is none) and the body:
 *   the text after the header, unchanged when there is no header.
 */
export function splitHeaderBlock(text: string): { page: PageMetadata; body: string; found: boolean } {
  const lines = text.split(/\r?\n/);
  const builder = new PageMetadataBuilder();
  const separator = lines.slice(0, 20).findIndex((l) => SEPARATOR.test(l) && l.trim().length >= 3);
  let end = -1;
  if (separator > 0) {
    const fields = lines.slice(0, separator).filter((l) => fieldsOfLine(l).length > 0).length;
    if (fields >= 2) end = separator + 1;
  }
  if (end < 0) {
    let i = 0;
    while (i < lines.length && (lines[i].trim() === '' || fieldsOfLine(lines[i]).length > 0)) i++;
    const fields = lines.slice(0, i).filter((l) => fieldsOfLine(l).length > 0).length;
    if (fields >= 2) end = i;
  }
  if (end < 0) return { page: { ...NO_PAGE_METADATA }, body: text, found: false };
  for (const l of lines.slice(0, end)) for (const f of fieldsOfLine(l)) builder.add(f.name, f.value);
  return { page: builder.result(), body: lines.slice(end).join('\n'), found: true };
}

/** `<meta name>` (lower-cased) → the field it fills; `rank` orders date names. */
const META_NAMES: ReadonlyMap<string, FieldName> = new Map<string, FieldName>([
  ['articletitle', { field: 'title', rank: 0 }],
  ['og:title', { field: 'title', rank: 1 }],
  ['pubdate', { field: 'publishedOn', rank: 0 }],
  ['publishdate', { field: 'publishedOn', rank: 0 }],
  ['article:published_time', { field: 'publishedOn', rank: 0 }],
  ['firstpublishedtime', { field: 'publishedOn', rank: 0 }],
  ['dc.date', { field: 'publishedOn', rank: 1 }],
  ['url', { field: 'sourceUrl', rank: 0 }],
  ['og:url', { field: 'sourceUrl', rank: 0 }],
  ['contentsource', { field: 'publisher', rank: 0 }],
]);

/**
 * The metadata of a page's `<meta name|property=… content=…>` tags (ArticleTitle, PubDate, Url,
 * ContentSource, og:title, og:url, article:published_time …), given as name/content pairs.
 */
export function metaTagMetadata(tags: ReadonlyArray<{ name: string; content: string }>): PageMetadata {
  const out: { -readonly [K in keyof PageMetadata]: PageMetadata[K] } = { ...NO_PAGE_METADATA };
  let dateRank = Infinity;
  for (const { name, content } of tags) {
    const known = META_NAMES.get(name.toLowerCase());
    const value = cleanValue(content);
    if (!known?.field || !value) continue;
    if (known.field === 'publishedOn') {
      const date = dateOfValue(value);
      if (date && known.rank < dateRank) {
        out.publishedOn = date;
        dateRank = known.rank;
      }
    } else if (known.field === 'sourceUrl') {
      if (/^https?:\/\//i.test(value) && out.sourceUrl === null) out.sourceUrl = value;
    } else if (out[known.field] === null) out[known.field] = value;
  }
  return out;
}

/** Each field of `first` where it is set, else of `second`. */
export function mergePageMetadata(first: PageMetadata, second: PageMetadata): PageMetadata {
  const out = { ...first };
  for (const k of Object.keys(out) as Array<keyof PageMetadata>) out[k] = first[k] ?? second[k];
  return out;
}
