/**
 * Which lines of a page's prose OCR needs to read (issue 13: a page in under 5 s in Node). The
 * parser takes from the prose only the title (agency, year), the section headings (split-sections:
 * short lines that start with 一、 … 六、), and dates and divisions named in short lines (the date
 * under the signature); the body of a paragraph — the lines that run from margin to margin — is
 * never parsed, and reading it with the Chinese model was two thirds of a page's OCR time.
 *
 * The prose (the page with its tables masked) is cut into text lines by its inked rows; a line is
 * read whole when it stops short of the right margin (a heading, a title, a paragraph's last line,
 * a date, a signature) or is set in a larger font than the body (a title), and a line that runs to
 * the right margin only by its first {@link HEAD_CHARS} characters when it is indented (a
 * paragraph's first line, which is where a heading run into its paragraph, 一、总体情况。2024 年…,
 * would stand). The lines read are stacked into one image so the engine is called once a page.
 */
import { cropImage, INK_LEVEL, type GrayImage } from './page-image';

/** A line of text on the page: its inked rows and columns, in pixels. */
export interface TextBand {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A line chosen to be read: its band on the page and how much of it (from its left) to read. */
export interface ProseLine {
  band: TextBand;
  /** Right edge of the part read (pixels of the page): the band's right, or its first characters. */
  readTo: number;
}

/** Characters of an indented full line read (a heading run into its paragraph is shorter). */
const HEAD_CHARS = 14;
/** Rows with fewer ink pixels are blank (specks of a scan). */
const MIN_ROW_INK = 3;

/** Ink pixels per row and, for a band, its left and right inked columns. */
function rowInk(img: GrayImage): Int32Array {
  const counts = new Int32Array(img.height);
  for (let y = 0; y < img.height; y++) {
    let n = 0;
    const row = y * img.width;
    for (let x = 0; x < img.width; x++) if (img.data[row + x] <= INK_LEVEL) n++;
    counts[y] = n;
  }
  return counts;
}

function columnsOf(img: GrayImage, top: number, bottom: number): { left: number; right: number } {
  let left = img.width;
  let right = -1;
  for (let y = top; y <= bottom; y++) {
    const row = y * img.width;
    for (let x = 0; x < left; x++) if (img.data[row + x] <= INK_LEVEL) { left = x; break; }
    for (let x = img.width - 1; x > right; x--) if (img.data[row + x] <= INK_LEVEL) { right = x; break; }
  }
  return { left, right };
}

/**
 * The text lines of `img`: runs of inked rows (gaps of one blank row bridged), each with its inked
 * columns; runs under 4 rows (specks, underlines) are left out. Top to bottom.
 */
export function textBands(img: GrayImage): TextBand[] {
  const ink = rowInk(img);
  const bands: TextBand[] = [];
  let y = 0;
  while (y < img.height) {
    if (ink[y] < MIN_ROW_INK) {
      y++;
      continue;
    }
    const top = y;
    while (y < img.height && (ink[y] >= MIN_ROW_INK || (y + 1 < img.height && ink[y + 1] >= MIN_ROW_INK))) y++;
    const bottom = y - 1;
    if (bottom - top + 1 >= 4) bands.push({ top, bottom, ...columnsOf(img, top, bottom) });
  }
  return bands;
}

/** The value at fraction `q` (0..1) of the sorted `values`. */
function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))))];
}

/**
 * The lines of a page's prose to read (see the module comment), top to bottom. `bands` are the
 * page's text lines ({@link textBands}); returns them all when there are too few to tell a body.
 */
export function selectProseLines(bands: readonly TextBand[]): ProseLine[] {
  const tall = bands.filter((b) => b.bottom - b.top + 1 >= 8);
  if (tall.length < 6) return bands.map((band) => ({ band, readTo: band.right }));
  const lineHeight = quantile(tall.map((b) => b.bottom - b.top + 1), 0.5);
  const margin = { left: quantile(tall.map((b) => b.left), 0.1), right: quantile(tall.map((b) => b.right), 0.9) };
  return bands.map((band) => {
    const height = band.bottom - band.top + 1;
    const full = band.right >= margin.right - 1.5 * lineHeight && band.left <= margin.left + 3 * lineHeight;
    if (!full || height > 1.3 * lineHeight) return { band, readTo: band.right };
    const indented = band.left >= margin.left + 0.8 * lineHeight;
    return { band, readTo: indented ? Math.min(band.right, band.left + HEAD_CHARS * lineHeight) : -1 };
  }).filter((l) => l.readTo >= 0);
}

/** The chosen lines stacked into one image (each with white rows around it), and where each sits in it. */
export function stackLines(img: GrayImage, lines: readonly ProseLine[]): { image: GrayImage; at: Array<{ top: number; bottom: number; pageY: number }> } {
  const gap = 12;
  const crops = lines.map((l) => cropImage(img, { x: 0, y: l.band.top - 2, w: l.readTo + 3, h: l.band.bottom - l.band.top + 5 }));
  const width = Math.max(1, ...crops.map((c) => c.width)) + 2 * gap;
  const height = crops.reduce((h, c) => h + c.height + gap, gap);
  const data = new Uint8Array(width * height).fill(255);
  const at: Array<{ top: number; bottom: number; pageY: number }> = [];
  let y = gap;
  crops.forEach((c, i) => {
    for (let r = 0; r < c.height; r++) data.set(c.data.subarray(r * c.width, (r + 1) * c.width), (y + r) * width + gap);
    at.push({ top: y, bottom: y + c.height, pageY: (lines[i].band.top + lines[i].band.bottom) / 2 });
    y += c.height + gap;
  });
  return { image: { width, height, data }, at };
}
