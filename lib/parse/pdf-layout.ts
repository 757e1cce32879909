/**
 * Rebuilds the text of a PDF page by page from the positions of its text items (as pdf.js
 * reports them): lines from baselines, cells from horizontal gaps, and table rows from the
 * numbers — every row of a table becomes one line `label<TAB>value<TAB>value…`, the text format
 * parseTextReport reads. Pure: no pdf.js here, so it is testable with hand-made items.
 *
 * What it repairs, as the corpus' PDFs print it:
 * - page numbers (`- 4 -`, `— 4 —`, `第 4 页`) and running headers/footers repeated in the
 *   margins, which would otherwise land between the rows of a table split over two pages;
 * - labels wrapped over two or three lines, printed above and below the row's numbers (which
 *   sit in the middle of the cell): each label line joins the row whose numbers are nearest;
 * - group labels printed one character per line (三、本年度办理结果 down the left edge), joined
 *   into one label and put in front of the row they are nearest to;
 * - numbers split from their label by a wide gap (`行政许可 … 447228`).
 */

/** One text item of a page, in PDF user space (y grows upwards; `y` is the baseline). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  /** Advance width of the item. */
  width: number;
  /** Font size (the item's height). */
  height: number;
}

/** A page: its size and its text items (in content order). */
export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

interface Piece {
  text: string;
  x: number;
  xEnd: number;
  y: number;
  size: number;
}

interface Field {
  text: string;
  x: number;
  xEnd: number;
  value: boolean;
}

interface Line {
  y: number;
  size: number;
  center: number;
  fields: Field[];
  /** Label lines of its cell (and group labels) printed above or below this value line. */
  own: Array<{ center: number; field: Field }>;
  attached: boolean;
  /**
   * The row's cells by column, when the line lies in a table whose columns are known from its
   * complete rows: the value printed in each column, `''` where the cell is printed empty.
   */
  cells?: string[];
}

/** A page number printed as a line of its own: `- 4 -`, `— 4 —`, `第 4 页`, `4 / 6`. */
const PAGE_NUMBER = /^([-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;
/** A value a table cell holds: a number (with a note or unit) or a placeholder. */
const VALUE = /^([+]?\d{1,3}(,\d{3})+(\.\d+)?|[+]?\d+(\.\d+)?)([（(][^（()）]*[)）]|万元|元|件)?$|^(\/|／|-|－|—|——|--|–|无|不适用|N\/A)$/;
/** A numbered label that starts a row of its own (（二）…, 3.…, 四、…). */
const ROW_START = /^([（(][一二三四五六七八九十]{1,2}[)）]|\d{1,2}\s*[.、．]|[一二三四五六七八九十]{1,2}、)/;
/** A section heading (一、总体情况 …): never a row label. */
const SECTION_HEADING = /^[一二三四五六七八九十]、.*(总体情况|主动公开|收到和处理|行政复议|行政诉讼|问题|其他需要报告)/;

const isValue = (s: string) => VALUE.test(s.replace(/\s+/g, ''));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/** Items → pieces: whitespace-only items dropped, vertical runs of single characters merged. */
function piecesOf(page: PdfPage): Piece[] {
  const pieces: Piece[] = page.items
    .filter((it) => it.str.trim() !== '')
    .map((it) => {
      const text = it.str.replace(/\s+$/u, '').replace(/^\s+/u, '');
      // An item much taller than wide holding several characters is vertical text: its font size is its width.
      const vertical = text.length > 1 && it.height > it.width * 1.5;
      const size = vertical ? it.width : it.height || 10;
      return { text, x: it.x, xEnd: it.x + (it.width || size * text.length), y: vertical ? it.y + it.height / 2 : it.y, size };
    })
    .filter((p) => !PAGE_NUMBER.test(p.text));
  // Characters printed one per line at the same x (a group label down a merged cell).
  const single = pieces
    .filter((p) => p.text.length <= 2 && /^[\u4e00-\u9fff][\u4e00-\u9fff、]?$/.test(p.text))
    .sort((a, b) => a.x - b.x || b.y - a.y);
  const used = new Set<Piece>();
  const merged: Piece[] = [];
  for (let i = 0; i < single.length; i++) {
    if (used.has(single[i])) continue;
    const run = [single[i]];
    for (let j = i + 1; j < single.length; j++) {
      const last = run[run.length - 1];
      const p = single[j];
      if (Math.abs(p.x - last.x) > 1) break;
      const dy = last.y - p.y;
      if (dy >= 0.8 * last.size && dy <= 2.6 * last.size) run.push(p);
      else if (dy > 2.6 * last.size) break;
    }
    if (run.length < 3) continue;
    run.forEach((p) => used.add(p));
    merged.push({
      text: run.map((p) => p.text).join(''),
      x: run[0].x,
      xEnd: Math.max(...run.map((p) => p.xEnd)),
      y: (run[0].y + run[run.length - 1].y) / 2,
      size: run[0].size,
    });
  }
  return [...pieces.filter((p) => !used.has(p)), ...merged];
}

/** Pieces → lines (baselines within half a font size), each cut into fields at wide gaps. */
function linesOf(pieces: Piece[]): Line[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Piece[][] = [];
  for (const p of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0].y - p.y) <= 0.5 * Math.min(g[0].size, p.size)) g.push(p);
    else groups.push([p]);
  }
  return groups.map((g) => {
    const items = g.sort((a, b) => a.x - b.x);
    const fields: Field[] = [];
    // The field being built: its text, where it starts and ends, and its last piece.
    let field: { text: string; x: number; xEnd: number; last: Piece } | null = null;
    const close = () => {
      if (field) fields.push({ text: field.text, x: field.x, xEnd: field.xEnd, value: isValue(field.text) });
      field = null;
    };
    for (const p of items) {
      const open = field as { text: string; x: number; xEnd: number; last: Piece } | null;
      if (open) {
        const gap = p.x - open.xEnd;
        const size = Math.min(p.size, open.last.size);
        const wide = gap > Math.max(3, 0.8 * size);
        // Numbers are cells of their own even when closer to their neighbours than text would be.
        const cellBoundary = (isValue(p.text) || isValue(open.last.text)) && gap > Math.max(2, 0.4 * size);
        if (!wide && !cellBoundary) {
          open.text += gap > 0.25 * size ? ` ${p.text}` : p.text;
          open.xEnd = Math.max(open.xEnd, p.xEnd);
          open.last = p;
          continue;
        }
        close();
      }
      field = { text: p.text, x: p.x, xEnd: p.xEnd, last: p };
    }
    close();
    const size = Math.min(...g.map((p) => p.size));
    const center = g.reduce((a, p) => a + p.y + 0.35 * p.size, 0) / g.length;
    return { y: g[0].y, size, center, fields, own: [], attached: false };
  });
}

/** A line holding table values: two or more, or one after a label. */
function isValueLine(l: Line): boolean {
  const values = l.fields.filter((f) => f.value).length;
  return values >= 2 || (values === 1 && !l.fields[0].value);
}

/** Lines in the top or bottom margin that repeat on several pages (running headers and footers). */
function runningLines(pages: Array<{ page: PdfPage; lines: Line[] }>): Set<string> {
  const seen = new Map<string, number>();
  for (const { page, lines } of pages) {
    const keys = new Set(
      lines
        .filter((l) => l.y > page.height * 0.92 || l.y < page.height * 0.08)
        .map((l) => l.fields.map((f) => f.text).join(' ').replace(/\d+/g, '#')),
    );
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= 2).map(([k]) => k));
}

/** The lower quartile of the gaps between consecutive value lines: the table's row pitch. */
function rowPitch(valueLines: readonly Line[]): number {
  const centers = valueLines.map((l) => l.center).sort((a, b) => b - a);
  const gaps = centers
    .slice(1)
    .map((c, i) => centers[i] - c)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor((gaps.length - 1) / 4)] : 3 * median(valueLines.map((l) => l.size));
}

/**
 * Attaches label lines to the value lines they belong to, within one page, in two passes. First
 * the parts of a row's own label wrapped above or below its numbers: a line left of the row's
 * first value, within 3 font sizes of it. Then group labels: a line lying wholly left of a row's
 * label, within 1.5 row pitches. Never across a line that reaches into the value columns, a value
 * line or a section heading; never prose (a line ending in 。) or a 第二十条 sub-heading; and a
 * numbered label (（二）…, 3.…) does not join a row that already has a numbered label in the same
 * column (that is a row whose cells were printed empty).
 */
function attachLabels(lines: Line[]): void {
  const valueLines = lines.filter(isValueLine);
  if (!valueLines.length) return;
  const pitch = rowPitch(valueLines);
  const firstValueX = (v: Line) => Math.min(...v.fields.filter((f) => f.value).map((f) => f.x));
  const labelsOf = (v: Line) => [...v.fields.filter((f) => !f.value && f.xEnd <= firstValueX(v)), ...v.own.map((o) => o.field)];
  const blocked = (l: Line, v: Line) => {
    const [lo, hi] = l.center < v.center ? [l.center, v.center] : [v.center, l.center];
    const x = firstValueX(v);
    return lines.some(
      (m) =>
        m !== l &&
        m !== v &&
        m.center > lo &&
        m.center < hi &&
        (isValueLine(m) || m.fields.some((f) => f.xEnd > x - 1) || SECTION_HEADING.test(m.fields.map((f) => f.text).join(''))),
    );
  };
  const attach = (group: boolean) => {
    for (const l of lines) {
      if (l.attached || isValueLine(l)) continue;
      const text = l.fields.map((f) => f.text).join('');
      if (SECTION_HEADING.test(text) || /[。；！]$/.test(text) || /^第二十条/.test(text) || text.length > 60) continue;
      const field: Field = { text, x: l.fields[0].x, xEnd: l.fields[l.fields.length - 1].xEnd, value: false };
      const limit = group ? 1.5 * pitch : 3 * l.size;
      const target = valueLines
        .map((v) => ({ v, d: Math.abs(v.center - l.center) }))
        .filter((c) => c.d <= limit && field.xEnd <= firstValueX(c.v) - 1 && !blocked(l, c.v))
        .sort((a, b) => a.d - b.d)[0]?.v;
      if (!target) continue;
      const labels = labelsOf(target);
      if (group) {
        const ownStart = Math.max(...labels.map((f) => f.x));
        if (!Number.isFinite(ownStart) || field.xEnd > ownStart + 1 || field.x > ownStart - 5) continue;
      }
      const clash = labels.some((f) => ROW_START.test(f.text) && f.x < field.xEnd && field.x < f.xEnd);
      if (ROW_START.test(text) && clash) continue;
      target.own.push({ center: l.center, field });
      l.attached = true;
    }
  };
  attach(false);
  attach(true);
}

/**
 * Finds printed-empty cells, within one page: the columns of a table are the value positions of
 * its complete rows (the most common number of values, at least 5: 7 in table 三, 15 in table 四);
 * a row of the same table (between its first and last complete row, give or take 1.5 row
 * pitches) with fewer values gets each value in the column it stands in and `''` in the others,
 * when every value stands clearly in one column. A numbered label line there with no values at
 * all, which joined no row, is a row printed empty. Other lines are left as they are.
 */
function alignToColumns(lines: Line[]): void {
  const valueLines = lines.filter(isValueLine);
  const centersOf = (l: Line) => l.fields.filter((f) => f.value).map((f) => (f.x + f.xEnd) / 2);
  const counts = new Map<number, number>();
  for (const l of valueLines) {
    const k = centersOf(l).length;
    if (k >= 5) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (!counts.size) return;
  const n = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  const full = valueLines.filter((l) => centersOf(l).length === n);
  const anchors = Array.from({ length: n }, (_, i) => median(full.map((l) => centersOf(l)[i])));
  const spacing = Math.min(...anchors.slice(1).map((a, i) => a - anchors[i]));
  if (!(spacing > 0)) return;
  const tol = 0.45 * spacing;
  const pitch = rowPitch(valueLines);
  const top = Math.max(...full.map((l) => l.center)) + 1.5 * pitch;
  const bottom = Math.min(...full.map((l) => l.center)) - 1.5 * pitch;
  for (const l of lines) {
    if (l.center > top || l.center < bottom || l.attached) continue;
    if (isValueLine(l)) {
      const values = l.fields.filter((f) => f.value);
      if (values.length >= n) continue;
      const cells = new Array<string>(n).fill('');
      let last = -1;
      let ok = true;
      for (const v of values) {
        const c = (v.x + v.xEnd) / 2;
        const i = anchors.findIndex((a) => Math.abs(a - c) <= tol);
        if (i <= last) {
          ok = false;
          break;
        }
        cells[i] = v.text;
        last = i;
      }
      if (ok) l.cells = cells;
    } else {
      const text = l.fields.map((f) => f.text).join('');
      if (ROW_START.test(text) && l.fields.every((f) => f.xEnd < anchors[0] - tol)) l.cells = new Array<string>(n).fill('');
    }
  }
}

/**
 * The output line of a value line: its group labels (label parts lying wholly left of another
 * part: 三、本年度办理结果, （三）不予公开), its own label (the other parts, top to bottom, joined),
 * then the values — tab-separated, or as a Markdown row when the row's cells by column are known
 * (so that its printed-empty cells are kept as cells).
 */
function rowText(l: Line): string {
  const values = l.fields.filter((f) => f.value);
  const firstValue = values.length ? Math.min(...values.map((f) => f.x)) : Infinity;
  const ownHere = l.fields.filter((f) => !f.value && f.xEnd <= firstValue);
  const rest = l.fields.filter((f) => !ownHere.includes(f));
  const parts = [...l.own, ...ownHere.map((field) => ({ center: l.center, field }))].sort(
    (a, b) => b.center - a.center || a.field.x - b.field.x,
  );
  const isGroup = (p: Field) => parts.some((q) => q.field !== p && p.xEnd <= q.field.x + 1 && p.x < q.field.x - 5);
  // A group label wrapped over lines (（六）其 / 他处理) is one label: parts at the same x join.
  const groups: Array<{ x: number; text: string }> = [];
  for (const g of parts.filter((p) => isGroup(p.field)).sort((a, b) => a.field.x - b.field.x || b.center - a.center)) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last.x - g.field.x) <= 1) last.text += g.field.text;
    else groups.push({ x: g.field.x, text: g.field.text });
  }
  const own = parts.filter((p) => !isGroup(p.field)).map((p) => p.field.text).join('');
  const labels = [...groups.map((g) => g.text), own].filter((t) => t !== '');
  if (l.cells) return `| ${[...labels, ...l.cells].map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`;
  return [...labels, ...rest.map((f) => f.text)].filter((t) => t !== '').join('\t');
}

/**
 * The text of a PDF from its pages' text items: one line per printed line, table rows as
 * `label<TAB>value…` (see the module comment), page numbers and running headers removed.
 * Returns `""` for pages without text (a scan). Never throws.
 */
export function layoutPdfText(pages: readonly PdfPage[]): string {
  const perPage = pages.map((page) => ({ page, lines: linesOf(piecesOf(page)) }));
  const running = runningLines(perPage);
  const out: string[] = [];
  for (const { page, lines } of perPage) {
    const kept = lines.filter((l) => {
      const text = l.fields.map((f) => f.text).join(' ');
      if (running.has(text.replace(/\d+/g, '#')) || PAGE_NUMBER.test(text.replace(/\s+/g, ' ').trim())) return false;
      // A bare number alone in the top or bottom margin is a page number.
      const margin = l.y > page.height * 0.94 || l.y < page.height * 0.06;
      return !(margin && /^\d{1,3}$/.test(text.trim()));
    });
    attachLabels(kept);
    alignToColumns(kept);
    for (const l of kept) {
      if (l.attached) continue;
      out.push(isValueLine(l) || l.cells ? rowText(l) : l.fields.map((f) => f.text).join('\t'));
    }
  }
  return out.join('\n');
}
