/**
 * Page images → the text of a report, as the text parser reads it (lib/parse parseTextReport):
 * prose lines from OCR of the page with its tables masked, and every ruled table row as a
 * Markdown row `| label | n | n | … |`, merged top to bottom by position. Rows are then
 * recognized by their labels exactly as for a text report (lib/normalize), so OCR noise in a label
 * (本生F新收) is tolerated the same way. Besides the text, every number read is kept with its
 * confidence (`OcrNumber`), so that lib/read can give each cell the confidence of its reading.
 *
 * Each cell is read alone, cropped inside its rules (a number column's cells with a digits-only
 * model, one line; labels with the Chinese model); the prose in one reading a page, of only the
 * lines the parser needs (title, headings, short lines: ./select-prose-lines.ts) stacked into one
 * image, with the tables masked. A cell whose reading is not a number stays an empty cell — never 0.
 */
import { findTableRows, maskRows, type GridRow } from './find-table-grid';
import type { OcrEngine } from './ocr-engine';
import { cropImage, inkBounds, inkCount, scaleImage, type Box, type GrayImage } from './page-image';
import { selectProseLines, stackLines, textBands } from './select-prose-lines';

/** A number read in a table cell: the text read and the engine's confidence (0..1). */
export interface OcrNumber {
  raw: string;
  confidence: number;
}

/** One table row as read: its Markdown line and the numbers in it, left to right. */
export interface OcrTableLine {
  line: string;
  numbers: OcrNumber[];
}

/** What OCR made of the pages: the text (pages in order), the table rows read, and the time spent. */
export interface ScanReading {
  text: string;
  tableLines: OcrTableLine[];
  pages: number;
  /** Seconds spent in OCR for all pages (wall clock). */
  seconds: number;
}

/**
 * Least ink (pixels) for a cell to be read at all; fewer is an empty cell. Low: a thin 1 of a
 * light font at 150 dpi leaves only ~10 dark pixels. Specks of a scan read as nothing anyway.
 */
const MIN_CELL_INK = 5;
/** A printed number: digits with an optional decimal part (万元 in table 二) or thousands commas. */
const NUMBER_TEXT = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;
/**
 * Prose is read scaled so that its lines of text are about this many pixels high (never enlarged,
 * never below half the render's resolution): the Chinese model's time grows with the pixels, and
 * prose (title, headings, sentences) reads as well at ~22 px glyphs as at 33 (a 16 pt body at
 * 150 dpi); table cells are read at full resolution.
 */
const PROSE_GLYPH_PX = 22;
/** CJK ideographs: a reading that holds one is a label, not a number. */
const CJK = /[\u3400-\u9fff]/;

/** Chinese text with the spaces OCR puts around ideographs and Chinese punctuation removed. */
export function joinCjkSpaces(text: string): string {
  return text.replace(/(?<=[\u3400-\u9fff，。、；：（）《》“”])\s+|\s+(?=[\u3400-\u9fff，。、；：（）《》“”])/g, '').trim();
}

/** What a cell was read as: its text and, for a number, the number with its confidence. */
interface CellReading {
  text: string;
  number: OcrNumber | null;
}

/** One cell of the page's table rows, with where it is and whether it is a number column's (narrow). */
interface CellSlot {
  row: number;
  box: Box;
  narrow: boolean;
  reading: CellReading;
}

/** The words read as one number, or null when they are not one. */
function numberOf(words: ReadonlyArray<{ text: string; confidence: number }>): OcrNumber | null {
  const text = words.map((w) => w.text).join('');
  return words.length && NUMBER_TEXT.test(text) ? { raw: text, confidence: Math.min(...words.map((w) => w.confidence)) } : null;
}

/** A number cell read alone with the digits model as one line (the whole cell inside its rules, with a white margin); null when nothing numeric was read. */
async function readNumberCell(img: GrayImage, box: Box, engine: OcrEngine): Promise<OcrNumber | null> {
  return numberOf((await engine.read(cropImage(img, box, 12), 'digits', 'line')).words);
}

/**
 * Reads one cell. A narrow cell (a number column of table 三 or 四) is read with the digits model;
 * a wide one (a label; in table 二 also a number) with the Chinese model, and again with the
 * digits model when it read as a number (no ideograph).
 */
async function readCell(img: GrayImage, slot: CellSlot, engine: OcrEngine): Promise<CellReading> {
  if (slot.narrow) {
    const number = await readNumberCell(img, slot.box, engine);
    return number ? { text: number.raw, number } : { text: '', number: null };
  }
  const ink = inkBounds(img, slot.box) ?? slot.box;
  const { lines } = await engine.read(cropImage(img, ink, 10), 'chinese', ink.h < img.width * 0.03 ? 'line' : 'block');
  const text = joinCjkSpaces(lines.map((l) => l.text).join('')).replace(/\|/g, '');
  if (!CJK.test(text)) {
    const number = await readNumberCell(img, slot.box, engine);
    if (number) return { text: number.raw, number };
  }
  return { text, number: null };
}

/**
 * One row → its Markdown line: the cells up to the last wide cell that is not a number joined as
 * the label, then one field per remaining cell, empty where nothing was read. A row where fewer
 * than half of the inked narrow cells read as numbers is a header row (维持, 商业企业…): its numbers
 * are dropped, so a glyph misread as a digit never becomes a value.
 */
function rowLine(cells: CellSlot[]): OcrTableLine | null {
  const inkedNarrow = cells.filter((c) => c.narrow && (c.reading.text || c.reading.number));
  const numbers = cells.filter((c) => c.narrow && c.reading.number).length;
  const header = inkedNarrow.length > 0 && numbers * 2 < inkedNarrow.length;
  const fields = cells.map((c) => (header && c.narrow ? { text: '', number: null } : c.reading));
  // Values start after the last wide cell that is not a number (the label, with any narrow group
  // label such as （四）无 before it): an empty number cell keeps its place.
  let lastLabel = -1;
  cells.forEach((c, i) => {
    if (!c.narrow && fields[i].number === null) lastLabel = i;
  });
  const first = fields.some((f) => f.number !== null) ? lastLabel + 1 : -1;
  if (first < 0) {
    const text = fields.map((f) => f.text).filter(Boolean).join(' ');
    return text ? { line: text, numbers: [] } : null;
  }
  const values = fields.slice(first);
  const label = fields.slice(0, first).map((f) => f.text).join('');
  return {
    // A row without a label (table 四's one line of 15 numbers) has no label field: an empty first field would be read as a blank cell.
    line: `|${label ? ` ${label} |` : ''} ${values.map((f) => f.text).join(' | ')} |`,
    numbers: values.flatMap((f) => (f.number ? [f.number] : [])),
  };
}

/**
 * The prose of a page (tables masked): the lines the parser needs (./select-prose-lines.ts),
 * stacked into one image scaled to ~{@link PROSE_GLYPH_PX} px lines and read at once, as lines
 * with the vertical centre of the page line they were read from.
 */
async function readProse(img: GrayImage, engine: OcrEngine): Promise<Array<{ y: number; line: string }>> {
  const bands = textBands(img);
  if (bands.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0) < 400) return [];
  const lines = selectProseLines(bands);
  if (!lines.length) return [];
  const heights = bands.map((b) => b.bottom - b.top + 1).filter((h) => h >= 6).sort((a, b) => a - b);
  const lineHeight = heights.length ? heights[Math.floor(heights.length / 2)] : PROSE_GLYPH_PX;
  const scale = Math.min(1, Math.max(0.5, PROSE_GLYPH_PX / lineHeight));
  const { image, at } = stackLines(img, lines);
  const read = await engine.read(scale < 1 ? scaleImage(image, scale) : image, 'chinese', 'block');
  const pageY = (y: number): number => {
    const hit = at.find((a) => y >= a.top && y <= a.bottom) ?? at.reduce((best, a) => (Math.abs((a.top + a.bottom) / 2 - y) < Math.abs((best.top + best.bottom) / 2 - y) ? a : best));
    return hit.pageY;
  };
  // A `|` in prose is a remnant of a rule (a table's edge), never text; it would make the line a table row.
  return read.lines
    .map((l) => ({ y: pageY((l.box.y + l.box.h / 2) / scale), line: joinCjkSpaces(l.text.replace(/[|｜]/g, ' ')) }))
    .filter((l) => /[\p{L}\p{N}]/u.test(l.line));
}

/** Reads one page: its ruled table rows and its prose, merged by vertical position. */
async function readPage(img: GrayImage, engine: OcrEngine): Promise<{ text: string; tableLines: OcrTableLine[] }> {
  const rows: GridRow[] = findTableRows(img);
  const slots: CellSlot[] = rows.flatMap((r, i) =>
    r.cells.filter((box) => inkCount(img, box) >= MIN_CELL_INK).map((box) => ({ row: i, box, narrow: box.w < img.width * 0.1, reading: { text: '', number: null } })),
  );
  for (const slot of slots) slot.reading = await readCell(img, slot, engine);
  const placed: Array<{ y: number; line: string }> = [];
  const tableLines: OcrTableLine[] = [];
  rows.forEach((r, i) => {
    const cells = r.cells.map((box) => slots.find((s) => s.row === i && s.box === box) ?? { row: i, box, narrow: box.w < img.width * 0.1, reading: { text: '', number: null } });
    const read = rowLine(cells);
    if (!read) return;
    placed.push({ y: (r.top + r.bottom) / 2, line: read.line });
    if (read.numbers.length) tableLines.push(read);
  });
  placed.push(...(await readProse(rows.length ? maskRows(img, rows) : img, engine)));
  placed.sort((a, b) => a.y - b.y);
  return { text: placed.map((p) => p.line).join('\n'), tableLines };
}

/**
 * Reads scanned pages into a report's text.
 *
 * @param pages the page images, in order (grey levels, ~150–200 dpi)
 * @param engine the OCR engine (./tesseract-engine.ts); not closed here
 * @returns the text (pages joined by blank lines), the table rows read with their numbers'
 *   confidences, the page count and the seconds spent; rejects only when the engine does
 */
export async function readScannedPages(pages: readonly GrayImage[], engine: OcrEngine): Promise<ScanReading> {
  const start = Date.now();
  const texts: string[] = [];
  const tableLines: OcrTableLine[] = [];
  for (const page of pages) {
    const read = await readPage(page, engine);
    texts.push(read.text);
    tableLines.push(...read.tableLines);
  }
  return { text: texts.join('\n\n'), tableLines, pages: pages.length, seconds: (Date.now() - start) / 1000 };
}
