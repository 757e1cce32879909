/**
 * Finds the ruled tables of a page image: horizontal rules (long runs of ink), the bands between
 * consecutive rules, and in each band the vertical rules (columns of ink across the band's full
 * height). A band with vertical rules is a table row; its cells lie between consecutive vertical
 * rules (a cell spanning rows, such as 三、本年度办理结果, is cut at every band — its text goes to
 * the band it is centred in). Works on ~150–200 dpi renders and clean scans of the form's tables
 * (国办公开办函〔2021〕30号 prints all three as ruled grids).
 */
import { INK_LEVEL, type Box, type GrayImage } from './page-image';

/** One table row: its band between two horizontal rules and its cells, left to right (pixels). */
export interface GridRow {
  top: number;
  bottom: number;
  cells: Box[];
}

/** A rule found on the page: where it runs (pixels) and its thickness. */
interface Rule {
  at: number;
  from: number;
  to: number;
  thickness: number;
}

/** Longest run of ink pixels in row y; returns [start, end) of that run. */
function longestRunInRow(img: GrayImage, y: number): [number, number] {
  let best: [number, number] = [0, 0];
  let start = -1;
  const row = y * img.width;
  for (let x = 0; x <= img.width; x++) {
    const ink = x < img.width && img.data[row + x] <= INK_LEVEL;
    if (ink && start < 0) start = x;
    if (!ink && start >= 0) {
      if (x - start > best[1] - best[0]) best = [start, x];
      start = -1;
    }
  }
  return best;
}

/** Horizontal rules: runs of ink at least `minLength` pixels long, consecutive rows merged. */
export function horizontalRules(img: GrayImage, minLength = Math.round(img.width * 0.2)): Rule[] {
  const rules: Rule[] = [];
  for (let y = 0; y < img.height; y++) {
    const [a, b] = longestRunInRow(img, y);
    if (b - a < minLength) continue;
    const last = rules[rules.length - 1];
    if (last && y - (last.at + last.thickness - 1) <= 1) {
      last.thickness++;
      last.from = Math.min(last.from, a);
      last.to = Math.max(last.to, b);
    } else rules.push({ at: y, from: a, to: b, thickness: 1 });
  }
  return rules;
}

/** Vertical rules inside a band [top, bottom): x where ≥ 90 % of the band's inner rows are ink, neighbours merged; returns their centres. */
function verticalRulesInBand(img: GrayImage, top: number, bottom: number, from: number, to: number): number[] {
  const y0 = top + 2;
  const y1 = bottom - 2;
  if (y1 - y0 < 6) return [];
  const xs: number[] = [];
  for (let x = Math.max(0, from - 3); x < Math.min(img.width, to + 3); x++) {
    let ink = 0;
    for (let y = y0; y < y1; y++) if (img.data[y * img.width + x] <= INK_LEVEL) ink++;
    if (ink >= 0.9 * (y1 - y0)) xs.push(x);
  }
  const centres: number[] = [];
  let group: number[] = [];
  for (const x of xs) {
    if (group.length && x - group[group.length - 1] > 1) {
      centres.push((group[0] + group[group.length - 1]) / 2);
      group = [];
    }
    group.push(x);
  }
  if (group.length) centres.push((group[0] + group[group.length - 1]) / 2);
  return centres;
}

/**
 * The table rows of a page, top to bottom: every band between two consecutive horizontal rules
 * that overlap horizontally and has at least two vertical rules (so at least one cell). Bands
 * without vertical rules (the gap between two tables, text between rules) are not rows.
 *
 * @param img the page in grey levels
 * @returns the rows with their cells (inner boxes, rules excluded); empty for a page without ruled tables
 */
export function findTableRows(img: GrayImage): GridRow[] {
  const rules = horizontalRules(img);
  const rows: GridRow[] = [];
  for (let i = 0; i + 1 < rules.length; i++) {
    const a = rules[i];
    const b = rules[i + 1];
    const from = Math.max(a.from, b.from);
    const to = Math.min(a.to, b.to);
    if (to - from < img.width * 0.15) continue;
    const top = a.at + a.thickness;
    const bottom = b.at;
    const xs = verticalRulesInBand(img, top, bottom, from, to);
    if (xs.length < 2) continue;
    const cells: Box[] = [];
    for (let k = 0; k + 1 < xs.length; k++) {
      const x = Math.ceil(xs[k]) + 2;
      const w = Math.floor(xs[k + 1]) - 2 - x;
      if (w > 4) cells.push({ x, y: top + 1, w, h: bottom - top - 2 });
    }
    if (cells.length) rows.push({ top, bottom, cells });
  }
  return withOpenEnds(img, rules, rows);
}

/** How far down (`dir` 1) or up (`dir` -1) from `y` the vertical rules at `xs` keep going (all of them inked within ±1 px). */
function ruleExtent(img: GrayImage, xs: number[], y: number, dir: 1 | -1): number {
  let at = y;
  const inked = (x: number, yy: number) => [-1, 0, 1].some((d) => img.data[yy * img.width + Math.round(x) + d] <= INK_LEVEL);
  while (at + dir >= 0 && at + dir < img.height && xs.every((x) => inked(x, at + dir))) at += dir;
  return at;
}

/**
 * Adds the row a page break leaves open: a table continued on the next page has no rule under its
 * last row (or above its first row on the next page), only the vertical rules running on. Such a
 * band, at least 15 px high, becomes a row with the cells of its neighbour.
 */
function withOpenEnds(img: GrayImage, rules: Rule[], rows: GridRow[]): GridRow[] {
  if (!rows.length) return rows;
  const out = [...rows];
  const last = rows[rows.length - 1];
  const lastRule = rules.find((r) => r.at >= last.bottom);
  if (lastRule && lastRule === rules[rules.length - 1]) {
    const xs = [...last.cells.map((c) => c.x - 2), last.cells[last.cells.length - 1].x + last.cells[last.cells.length - 1].w + 2];
    const top = lastRule.at + lastRule.thickness;
    const bottom = ruleExtent(img, xs, top, 1);
    if (bottom - top >= 15) out.push({ top, bottom, cells: last.cells.map((c) => ({ ...c, y: top + 1, h: bottom - top - 2 })) });
  }
  const first = rows[0];
  const firstRule = [...rules].reverse().find((r) => r.at + r.thickness <= first.top);
  if (firstRule && firstRule === rules[0]) {
    const xs = [...first.cells.map((c) => c.x - 2), first.cells[first.cells.length - 1].x + first.cells[first.cells.length - 1].w + 2];
    const bottom = firstRule.at - 1;
    const top = ruleExtent(img, xs, bottom, -1);
    if (bottom - top >= 15) out.unshift({ top, bottom, cells: first.cells.map((c) => ({ ...c, y: top + 1, h: bottom - top - 2 })) });
  }
  return out;
}

/**
 * A copy of the page with the table rows painted white (so that OCR of the prose does not read
 * the tables) — every band of `rows` from its top rule to its bottom rule, full width of its cells.
 */
export function maskRows(img: GrayImage, rows: GridRow[]): GrayImage {
  const data = img.data.slice();
  for (const r of rows) {
    const left = Math.max(0, r.cells[0].x - 8);
    const right = Math.min(img.width, r.cells[r.cells.length - 1].x + r.cells[r.cells.length - 1].w + 8);
    for (let y = Math.max(0, r.top - 6); y < Math.min(img.height, r.bottom + 6); y++) data.fill(255, y * img.width + left, y * img.width + right);
  }
  return { width: img.width, height: img.height, data };
}
