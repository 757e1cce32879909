/**
 * Parser for reports published as HTML (a saved government web page, or the HTML mammoth makes of
 * a Word file). The page is parsed with parse5 (the WHATWG HTML parser, so broken markup is read
 * as a browser reads it), reduced to the report's text — paragraphs as lines, every table row as
 * one Markdown row (`| 标签 | 5 |  | 3 |`) whose empty cells are printed-empty cells — and handed
 * to parseTextReport, so row recognition, recovery and checks are shared with the text formats.
 *
 * Works in the browser and in Node (no file system; the bytes are given).
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { decodeReportBytes, type DecodeResult } from './decode-report-bytes';
import { embeddedImageName, htmlImageSource, type EmbeddedImage, type EmbeddedImageSource } from './embedded-images';
import { parseFailure, type ParseResult } from './parsed-report';
import { parseTextReport } from './parse-text-report';
import { fieldsOfLine, mergePageMetadata, metaTagMetadata, PageMetadataBuilder, type PageMetadata } from './read-page-metadata';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose content is not part of the report (scripts, navigation, forms, the head). */
const SKIP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas',
  'nav', 'header', 'footer', 'aside', 'form', 'select', 'button', 'input', 'textarea', 'map', 'audio', 'video',
]);

/** Elements that start and end a line. */
const BLOCK = new Set([
  'html', 'body', 'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul',
  'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'hr', 'center', 'address', 'figure', 'figcaption', 'caption',
  'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot',
]);

/** A report title (…年政府信息公开工作年度报告). */
const TITLE = /(信息公开|政务公开).{0,8}(年度报告|年报)/;
/** A section heading of the form (一、总体情况 … 六、其他需要报告的事项), used to find the report's part of a page. */
const HEADING = /^([一二三四五六])[、.．]\s*(总体情况|概述|.{0,12}主动公开|.{0,12}(收到和处理|依申请|申请情况)|.{0,16}(行政复议|行政诉讼)|.{0,16}(问题|改进)|其他需要报告|其他事项)/;
/** The longest line read as a title (a paragraph that merely names the form's notice is not one). */
const MAX_TITLE_LINE = 80;

const isElement = (n: Node): n is Element => 'tagName' in n;

/** The children of a node, or none for a text or comment node. */
function childrenOf(n: Node): Node[] {
  return 'childNodes' in n ? (n.childNodes as Node[]) : [];
}

/**
 * Visits the trees under `roots` in document order, iteratively — no recursion, so a page nested
 * thousands of elements deep (1,000 tables, 5,000 divs) cannot overflow the stack. `enter(n)` is
 * called on every node reached and says whether to go into its children; `exit(n)` is called after
 * the children of a node that was entered.
 */
function walkTree(roots: readonly Node[], enter: (n: Node) => boolean, exit?: (n: Node) => void): void {
  const stack: Array<{ node: Node; leave: boolean }> = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i], leave: false });
  while (stack.length) {
    const { node, leave } = stack.pop()!;
    if (leave) {
      exit?.(node);
      continue;
    }
    if (!enter(node)) continue;
    stack.push({ node, leave: true });
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], leave: false });
  }
}

function attr(el: Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null;
}

/** Whitespace of HTML text (incl. &nbsp; and the ideographic space) collapsed to one space. */
function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ');
}

/**
 * Joins the lines of a table cell: CJK text wrapped inside a cell joins without a space, ASCII
 * words with one; digits split by markup or wrapping (`1<br>23`, `<span>1</span> <span>23</span>`)
 * join into one number — no cell of the form holds two numbers.
 */
function joinCellLines(parts: string[]): string {
  let out = '';
  for (const p of parts.map((x) => x.trim()).filter(Boolean)) {
    out += out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z]/.test(p) ? ` ${p}` : p;
  }
  return out.replace(/(\d)\s+(?=\d)/g, '$1').trim();
}

/** The text of a cell: its content with block boundaries, joined by {@link joinCellLines}. */
function cellText(el: Element): string {
  const parts: string[] = [''];
  walkTree(
    el.childNodes,
    (n) => {
      if (n.nodeName === '#text') parts[parts.length - 1] += collapse((n as DefaultTreeAdapterTypes.TextNode).value);
      if (!isElement(n) || SKIP.has(n.tagName)) return false;
      if (n.tagName === 'br' || BLOCK.has(n.tagName)) parts.push('');
      return n.tagName !== 'br';
    },
    (n) => {
      if (BLOCK.has((n as Element).tagName)) parts.push('');
    },
  );
  return joinCellLines(parts).replace(/\|/g, '｜');
}

/**
 * An element the page's lines lie in, as a chain to its outer elements: `depth` is its place in
 * that chain (the body 0), `start`–`end` the indexes of the lines read while inside it (end
 * exclusive; a block's own last line, flushed as it closes, belongs to its parent).
 */
interface Frame {
  el: Element;
  parent: Frame | null;
  depth: number;
  start: number;
  end: number;
}

/** An `<img>` of the page: its address (`data-src`/`data-original` of a lazy-loaded image first), the element it lies in, the number of lines read before it. */
interface PageImage {
  src: string;
  frame: Frame | null;
  line: number;
}

/** A line of the page's text and the innermost element it lies in (null: after the body closed). */
interface Line {
  text: string;
  frame: Frame | null;
}

/**
 * What the reader needs to know of a page's tables, worked out once so that a page nested
 * thousands of tables deep reads in time linear in its size (issue 12): which elements hold a
 * table below them (one pass over the page), and each cell's text (computed at most once).
 */
class TableIndex {
  private readonly holdsTable = new Set<Node>();
  private readonly texts = new Map<Element, string>();

  constructor(root: Node) {
    walkTree([root], isElement, (n) => {
      const parent = (n as Element).parentNode;
      if (parent && ((n as Element).tagName === 'table' || this.holdsTable.has(n))) this.holdsTable.add(parent);
    });
  }

  /** {@link cellText}, remembered per cell. */
  cellText(cell: Element): string {
    let text = this.texts.get(cell);
    if (text === undefined) this.texts.set(cell, (text = cellText(cell)));
    return text;
  }

  /**
   * Whether a table lays out the page rather than holding data: a table lies inside it below its
   * own children (a table within a cell), or one of its cells has a long text (old government sites
   * put the whole article in one table cell). Only a table with no table inside has its cells read.
   */
  isLayoutTable(table: Element): boolean {
    if (table.childNodes.some((c) => this.holdsTable.has(c))) return true;
    let layout = false;
    walkTree(table.childNodes, (c) => {
      if (layout || !isElement(c)) return false;
      if (c.tagName !== 'td' && c.tagName !== 'th') return true;
      layout = this.cellText(c).length > 200;
      return false;
    });
    return layout;
  }

  /** The printed cells of a data table's row as one Markdown line (`| 标签 | 5 |  | 3 |`), or null for a row without cells. */
  rowLine(tr: Element): string | null {
    const cells = tr.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
    return cells.length ? `| ${cells.map((c) => this.cellText(c)).join(' | ')} |` : null;
  }
}

/** The rows of a table (its own, not those of tables nested in its cells). */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  walkTree(table.childNodes, (c) => {
    if (!isElement(c)) return false;
    if (c.tagName === 'tr') rows.push(c);
    return c.tagName !== 'tr' && c.tagName !== 'table' && c.tagName !== 'td' && c.tagName !== 'th';
  });
  return rows;
}

/**
 * The page as lines: paragraphs and headings one per line (inline markup joined, whitespace
 * collapsed), each row of a data table one Markdown line with one field per cell as printed (a
 * cell spanning rows or columns is printed once, where it starts; an empty cell is an empty
 * field). A layout table is read as blocks. Returns the lines and the elements they lie in
 * (`frames`, in document order; the first is `root`'s).
 */
function pageLines(root: Element): { lines: Line[]; frames: Frame[]; images: PageImage[] } {
  const tables = new TableIndex(root);
  const lines: Line[] = [];
  const images: PageImage[] = [];
  const frames: Frame[] = [];
  let top: Frame | null = null;
  let current = '';
  const flush = () => {
    const t = current.trim();
    if (t) lines.push({ text: t, frame: top });
    current = '';
  };
  const open = (el: Element) => {
    top = { el, parent: top, depth: top ? top.depth + 1 : 0, start: lines.length, end: lines.length };
    frames.push(top);
  };
  const close = () => {
    top!.end = lines.length;
    top = top!.parent;
  };
  const enter = (n: Node): boolean => {
    if (n.nodeName === '#text') current += collapse((n as DefaultTreeAdapterTypes.TextNode).value);
    if (!isElement(n) || SKIP.has(n.tagName)) return false;
    if (n.tagName === 'img') images.push({ src: attr(n, 'data-src') || attr(n, 'data-original') || attr(n, 'src') || '', frame: top, line: lines.length });
    if (n.tagName === 'br') {
      flush();
      return false;
    }
    if (n.tagName === 'table' && !tables.isLayoutTable(n)) {
      flush();
      open(n);
      for (const tr of tableRows(n)) {
        const text = tables.rowLine(tr);
        if (text !== null) lines.push({ text, frame: top });
      }
      close();
      return false;
    }
    if (BLOCK.has(n.tagName)) flush();
    open(n);
    return true;
  };
  const exit = (n: Node) => {
    close();
    if (BLOCK.has((n as Element).tagName)) flush();
  };
  walkTree([root], enter, exit);
  flush();
  return { lines, frames, images };
}

/**
 * The element holding the report: the innermost one holding the most distinct section headings
 * of the form (at least two; else `frames[0]`, the body). Counted bottom-up over the frames, so
 * the time is linear in the page whatever its depth; ties go to the deeper element, then the earlier.
 */
function reportFrame(lines: readonly Line[], frames: readonly Frame[]): Frame {
  const headings = new Map<Frame, Set<string>>();
  const add = (f: Frame, numerals: Iterable<string>) => {
    const set = headings.get(f) ?? new Set<string>();
    for (const x of numerals) set.add(x);
    headings.set(f, set);
  };
  for (const l of lines) {
    const m = HEADING.exec(l.text.replace(/^[#*\s]+/, ''));
    if (m && l.text.length <= 40 && l.frame) add(l.frame, [m[1]]);
  }
  // Frames are in document order, so every child comes after its parent: children first.
  for (let i = frames.length - 1; i >= 0; i--) {
    const set = headings.get(frames[i]);
    if (set && frames[i].parent) add(frames[i].parent!, set);
  }
  let best = frames[0];
  let most = 0;
  for (const [f, set] of headings) {
    const n = set.size;
    if (n > most || (n === most && (f.depth > best.depth || (f.depth === best.depth && f.start < best.start)))) {
      best = f;
      most = n;
    }
  }
  return most < 2 ? frames[0] : best;
}

/** The first element named `tag` at or below `n`, in document order, or null. */
function findFirst(n: Node, tag: string): Element | null {
  let found: Element | null = null;
  walkTree([n], (x) => {
    if (found) return false;
    if (isElement(x) && x.tagName === tag) found = x;
    return !found;
  });
  return found;
}

/** The page title without the site's name (`报告_测试市人民政府` → `报告`). */
function pageTitle(doc: Node): string | null {
  const t = findFirst(doc, 'title');
  if (!t) return null;
  const text = collapse(t.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterTypes.TextNode).value : '')).join('')).trim();
  const part = text.split(/\s*[_|｜—–]\s*|\s+-\s+/).find((p) => TITLE.test(p));
  return part ?? (TITLE.test(text) ? text : null);
}

/** The `<meta name|property content>` pairs of a page. */
function metaTags(doc: Node): Array<{ name: string; content: string }> {
  const out: Array<{ name: string; content: string }> = [];
  walkTree([doc], (n) => {
    if (isElement(n) && n.tagName === 'meta') {
      const name = attr(n, 'name') ?? attr(n, 'property');
      const content = attr(n, 'content');
      if (name && content !== null) out.push({ name, content });
    }
    return true;
  });
  return out;
}

/**
 * The page's metadata: the fields of its metadata box (lines before the report that print known
 * fields: 索引号, 发文机关, 成文日期, 标题, 发布日期 …), then its <meta> tags for what the box leaves
 * out.
 */
function pageMetadataOf(doc: Node, before: readonly Line[]): PageMetadata {
  const box = new PageMetadataBuilder();
  for (const l of before) for (const f of fieldsOfLine(l.text)) box.add(f.name, f.value);
  return mergePageMetadata(box.result(), metaTagMetadata(metaTags(doc)));
}

/** An image of the report as the HTML reader lists it: its address and the numeral of the section heading before it (null before any). */
export interface HtmlImage {
  src: string;
  section: string | null;
}

/** Whether `frame` is `ancestor` or lies inside it. */
function within(frame: Frame | null, ancestor: Frame): boolean {
  for (let f = frame; f; f = f.parent) if (f === ancestor) return true;
  return false;
}

/** The images inside the report's element, each with the numeral of the last section heading printed before it within the report. */
function reportImages(images: readonly PageImage[], lines: readonly Line[], report: Frame): HtmlImage[] {
  const out: HtmlImage[] = [];
  let section: string | null = null;
  let at = report.start;
  for (const img of images) {
    if (!within(img.frame, report)) continue;
    for (; at < img.line && at < report.end; at++) {
      const m = HEADING.exec(lines[at].text.replace(/^[#*\s]+/, ''));
      if (m && lines[at].text.length <= 40) section = m[1];
    }
    out.push({ src: img.src, section });
  }
  return out;
}

/** What the HTML reader extracted: the report's text, the element chosen as the report, the page's metadata. */
export interface HtmlText {
  /** The report's text: title line(s), then the report's lines (tables as Markdown rows). */
  text: string;
  /** Tag (and id or class) of the element read as the report, for messages. */
  root: string;
  /** The page's metadata box and <meta> (read-page-metadata.ts): never part of the text. */
  page: PageMetadata;
  /** The `<img>` inside the report's element, in document order (lib/read OCRs them when a table is missing). */
  images: HtmlImage[];
}

/**
 * The report's text from an HTML page. On a saved government page the report is the innermost
 * element holding the most section headings of the form (一、总体情况 … 六、其他需要报告的事项), so
 * navigation, menus and footers around it are left out; the title printed outside that element
 * (not a field of the metadata box), or the page's <title>, is put in front when the report's own
 * first lines have none. The metadata box (索引号, 发布机构, 发布日期 … before the report) and the
 * <meta> tags are returned as `page`, not as text. Never throws.
 */
export function htmlToReportText(html: string): HtmlText {
  const doc = parse(html);
  const body = findFirst(doc, 'body');
  if (!body) return { text: '', root: 'none', page: metaTagMetadata(metaTags(doc)), images: [] };
  const { lines, frames, images } = pageLines(body);
  const report = reportFrame(lines, frames);
  const root = report.el;
  const inside = lines.slice(report.start, report.end);
  const before = lines.slice(0, inside.length ? report.start : 0);

  const head: string[] = [];
  const isTitle = (l: Line) => TITLE.test(l.text) && l.text.length <= MAX_TITLE_LINE && fieldsOfLine(l.text).length === 0;
  if (!inside.slice(0, 5).some(isTitle)) {
    const title = [...before].reverse().find(isTitle)?.text ?? pageTitle(doc);
    if (title) head.push(title);
  }
  const id = attr(root, 'id');
  const cls = attr(root, 'class');
  return {
    text: [...head, ...inside.map((l) => l.text)].join('\n'),
    root: `${root.tagName}${id ? `#${id}` : cls ? `.${cls.split(/\s+/)[0]}` : ''}`,
    page: pageMetadataOf(doc, before),
    images: reportImages(images, lines, report),
  };
}

/** The charset a page declares in its first bytes (`<meta charset="gbk">`), lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Parses an HTML report's bytes. The text is decoded as the page declares (GBK/GB2312 pages as
 * GB18030) or, without a declaration, as UTF-8 / UTF-16 / GB18030 (decodeReportBytes; a UTF-8
 * page with a few invalid bytes is read with U+FFFD for them, counted in `replacedBytes`).
 *
 * @returns parseTextReport's reading of the extracted text (`looksLikeReport` false when the page
 *   holds no report); a failure `empty_file`, `binary_file` or `undecodable_text` (with a message
 *   naming the file) when the bytes are no readable page.
 */
export function parseHtmlReport(bytes: Uint8Array, sourceFile: string): ParseResult {
  const decoded = decodeHtmlPage(bytes, sourceFile);
  if (!decoded.ok) return parseFailure(decoded.reason, decoded.message);
  const parsed = parseHtmlString(decoded.text, sourceFile);
  return parsed.ok && decoded.replaced ? { ok: true, value: { ...parsed.value, replacedBytes: decoded.replaced } } : parsed;
}

/**
 * An HTML page's bytes as text, decoded as {@link parseHtmlReport} reads them: as the page declares
 * (GBK/GB2312 as GB18030), else as decodeReportBytes decides (`replaced`: bytes read as U+FFFD);
 * decodeReportBytes' failure (`empty_file`, `binary_file`, `undecodable_text` with its message) otherwise.
 */
export function decodeHtmlPage(bytes: Uint8Array, sourceFile: string): DecodeResult {
  const charset = declaredCharset(bytes);
  if (charset && /^(gbk|gb2312|gb18030|x-gbk)$/.test(charset)) {
    try {
      return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030', replaced: 0 };
    } catch {
      // not GB18030 after all: decoded below as an undeclared page
    }
  }
  return decodeReportBytes(bytes, sourceFile);
}

/**
 * {@link parseHtmlReport} on an HTML string (used for Word files, via mammoth's HTML). The report's
 * images are listed in `images` (absent when it has none) with their sources: by default a
 * `data:image/…` URI is inline and any other `src` a link (./embedded-images.ts htmlImageSource);
 * the Word reader passes `sourceOf` to give its pictures' bytes.
 */
export function parseHtmlString(html: string, sourceFile: string, sourceOf: (src: string) => EmbeddedImageSource | null = htmlImageSource): ParseResult {
  const { text, page, images } = htmlToReportText(html);
  if (!text.trim()) {
    return parseFailure('empty_file', `${sourceFile}：网页中没有可读的文字。若报告以图片或附件形式发布，请下载原文件（PDF、Word）后再导入。`);
  }
  const parsed = parseTextReport(text, page);
  const listed: EmbeddedImage[] = [];
  for (const img of images) {
    const source = sourceOf(img.src);
    if (source) listed.push({ name: embeddedImageName(source, listed.length + 1), section: img.section, source });
  }
  return { ok: true, value: listed.length ? { ...parsed, images: listed } : parsed };
}
