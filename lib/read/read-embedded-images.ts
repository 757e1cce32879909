/**
 * Tables printed as images inside an HTML page or a Word file (issue 13): when a table of the form
 * (表二, 表三, 表四) is missing from the report's text and the report holds images
 * (lib/parse/embedded-images.ts), the images are read by the OCR scan reader, one at a time, each
 * as a table image (./read-scanned-report.ts imageTableReading), and the tables they hold take the
 * place of the missing ones — a table printed as text is never replaced. The record is then
 * assembled from the text and those tables; their cells become `ocr` cells with confidences and
 * get the OCR verdict (./ocr-cells.ts: OCR_READ / OCR_UNCERTAIN), exactly as a scan's.
 *
 * A budget keeps a page of icons quick: images smaller than {@link MIN_TABLE_IMAGE} are skipped
 * from their header alone (never decoded), at most {@link IMAGE_OCR_BUDGET} images, pixels and
 * seconds go to OCR, and reading stops once every missing table is found. Images outside the file (an
 * `<img src>` beside the page) are read only through the ingest's {@link LinkedFileReader}; an upload
 * cannot read them and its message says so. Nothing here throws: an undecodable image is data.
 */
import type { Result } from '../model/result';
import type { TableKey } from '../model/report-schema';
import { imageHeader, type EmbeddedImage } from '../parse/embedded-images';
import type { ParsedText, PrintedTable } from '../parse/parsed-report';
import type { ScanReader, ScanReaderLoader } from '../ocr/scan-reader';
import type { OcrTableLine } from '../ocr/read-scanned-pages';
import { errorDetail } from '../model/error-detail';
import { imageTableReading } from './read-scanned-report';

/**
 * Reads a file an HTML report links to (`<img src="report_files/image1.png">`, relative to the
 * report). The ingest passes one (lib/pipeline: files beside the page in the input folder only);
 * uploads have none. Resolves to the bytes, or a failure whose error says why in a few words
 * (文件不存在, 不在报告所在的文件夹内); never rejects.
 */
export type LinkedFileReader = (src: string) => Promise<Result<Uint8Array, string>>;

/** The smallest image read as a possible table (pixels): 表四 printed small is about 300 × 100; icons, logos and QR codes are below. */
export const MIN_TABLE_IMAGE = { width: 300, height: 100 } as const;

/**
 * How much OCR one report's images may take: `images` read at most, `megapixels` in all (a
 * 150 dpi page is about 2.2), `lookedAt` images whose header is read at most (a page of 500
 * icons reads 100 headers and OCRs none), and no image started after `seconds` of reading images.
 * OCR takes 8–18 s a table image on the build machine, so what is started stays within the time
 * the ingest gives a file read by OCR (30 s + 20 s, lib/pipeline/isolated-reader-ocr-budget.ts)
 * and an upload's (30 s + 40 s) — a file that ran out would lose its text tables too.
 */
export const IMAGE_OCR_BUDGET = { images: 4, megapixels: 16, lookedAt: 100, seconds: 20 } as const;

/** What reading a report's images gave: the text's tables with the missing ones put in from images, which those are, the OCR lines (for confidences), and a note for the record's message. */
export interface ImageTables {
  /** The parsed text with the tables read from images in place of the missing ones. */
  parsed: ParsedText;
  /** The tables read from images (may be empty). */
  tables: TableKey[];
  /** The OCR table lines of the images that gave tables, in reading order. */
  lines: OcrTableLine[];
  /** One sentence (or several joined by ；) naming the images tried and what came of them. */
  note: string;
}

/** The section numerals of the tables (二 → t2 …), to try first the images printed under a missing table's heading. */
const TABLE_NUMERAL: Record<TableKey, string> = { t2: '二', t3: '三', t4: '四' };
const TABLE_SHORT: Record<TableKey, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** At most five names, then 等 N 张. */
function names(list: readonly string[]): string {
  return list.length <= 5 ? list.join('、') : `${list.slice(0, 5).join('、')} 等 ${list.length} 张`;
}

/** The images in the order they are tried: those under a missing table's heading first, then the others, each in document order. */
function tryOrder(images: readonly EmbeddedImage[], missing: readonly TableKey[]): EmbeddedImage[] {
  const wanted = new Set(missing.map((t) => TABLE_NUMERAL[t]));
  const under = images.filter((i) => i.section !== null && wanted.has(i.section));
  return [...under, ...images.filter((i) => !under.includes(i))];
}

/** Tally of what happened to the images, for the note. */
interface Tally {
  tried: string[];
  unreadable: string[];
  notInFile: string[];
  unsupported: string[];
  small: number;
  overBudget: number;
  ocrFailed: string | null;
}

/** The bytes of an image, or why not (recorded in the tally). */
async function bytesOf(image: EmbeddedImage, linked: LinkedFileReader | undefined, tally: Tally): Promise<Uint8Array | null> {
  if (image.source.kind === 'linked') {
    if (!linked) return tally.notInFile.push(image.name), null;
    const got = await linked(image.source.src).catch((e) => ({ ok: false as const, error: errorDetail(e) }));
    if (!got.ok) return tally.unreadable.push(`${image.name}：${got.error}`), null;
    return got.value;
  }
  try {
    return await image.source.read();
  } catch (e) {
    return tally.unreadable.push(`${image.name}：${errorDetail(e)}`), null;
  }
}

/** The note for the record's message from the tally and the tables found. */
function noteOf(tally: Tally, found: ReadonlyMap<TableKey, string[]>, missing: readonly TableKey[]): string {
  const parts: string[] = [];
  for (const [t, from] of found) parts.push(`${TABLE_SHORT[t]}由文中图片（${names(from)}）经文字识别（OCR）读出，请对照原图核对`);
  const still = missing.filter((t) => !found.has(t)).map((t) => TABLE_SHORT[t]);
  const usedNames = new Set([...found.values()].flat());
  const fruitless = tally.tried.filter((n) => !usedNames.has(n));
  if (fruitless.length && still.length) parts.push(`文中图片（${names(fruitless)}）已做文字识别（OCR），未从中读出${still.join('、')}`);
  if (tally.ocrFailed) parts.push(`文中图片未能做文字识别（${tally.ocrFailed}）`);
  if (tally.unreadable.length) parts.push(`文中图片（${names(tally.unreadable)}）无法读取`);
  if (tally.unsupported.length) parts.push(`文中图片（${names(tally.unsupported)}）不是 PNG 或 JPEG，未做文字识别`);
  if (tally.notInFile.length) parts.push(`网页引用的图片（${names(tally.notInFile)}）不在所导入的文件中，无法识别其中的表格，请导入该报告的 PDF 或 Word 版本`);
  if (tally.small && still.length && !tally.tried.length) parts.push(`文中 ${tally.small} 张图片太小（小于 ${MIN_TABLE_IMAGE.width}×${MIN_TABLE_IMAGE.height} 像素），不像表格，未做文字识别`);
  if (tally.overBudget && still.length) parts.push(`另有 ${tally.overBudget} 张图片超出每份报告的识别上限（${IMAGE_OCR_BUDGET.images} 张、共 ${IMAGE_OCR_BUDGET.megapixels} 百万像素、${IMAGE_OCR_BUDGET.seconds} 秒），未做文字识别`);
  return parts.join('；');
}

/** Options of {@link readImageTables}: the scan reader's loader and, in the ingest, the reader of linked files. */
export interface ImageTableOptions {
  ocr: ScanReaderLoader;
  linkedFile?: LinkedFileReader;
}

/**
 * Reads the tables `missing` from the text out of the report's images, within the budget.
 *
 * @param parsed the report's parsed text, with its `images` (lib/parse/embedded-images.ts)
 * @param missing the tables the text did not give (TABLE_MISSING)
 * @param name the file's name for users; @param id its content id
 * @returns the parsed text with the tables found in images in place of the missing ones, which
 *   tables, the OCR lines of the images that gave them, and the note for the record's message;
 *   never rejects (an image that cannot be read or decoded, or an OCR that fails, is in the note)
 */
export async function readImageTables(parsed: ParsedText, missing: readonly TableKey[], name: string, id: string, options: ImageTableOptions): Promise<ImageTables> {
  const tally: Tally = { tried: [], unreadable: [], notInFile: [], unsupported: [], small: 0, overBudget: 0, ocrFailed: null };
  const found = new Map<TableKey, PrintedTable>();
  const from = new Map<TableKey, string[]>();
  const lines: OcrTableLine[] = [];
  let reader: ScanReader | null = null;
  let pixels = 0;
  const started = Date.now();
  for (const image of tryOrder(parsed.images ?? [], missing).slice(0, IMAGE_OCR_BUDGET.lookedAt)) {
    if (missing.every((t) => found.has(t)) || tally.ocrFailed) break;
    const bytes = await bytesOf(image, options.linkedFile, tally);
    if (!bytes) continue;
    const head = imageHeader(bytes);
    if (head.format !== 'png' && head.format !== 'jpeg') {
      if (head.format === 'other' || head.width * head.height >= MIN_TABLE_IMAGE.width * MIN_TABLE_IMAGE.height) tally.unsupported.push(image.name);
      else tally.small++;
      continue;
    }
    if (head.width && head.height && (head.width < MIN_TABLE_IMAGE.width || head.height < MIN_TABLE_IMAGE.height)) {
      tally.small++;
      continue;
    }
    const mp = (head.width * head.height) / 1e6;
    const late = Date.now() - started > IMAGE_OCR_BUDGET.seconds * 1000;
    if (tally.tried.length >= IMAGE_OCR_BUDGET.images || pixels + mp > IMAGE_OCR_BUDGET.megapixels || late) {
      tally.overBudget++;
      continue;
    }
    try {
      reader ??= await options.ocr();
    } catch (e) {
      tally.ocrFailed = errorDetail(e);
      break;
    }
    pixels += mp;
    let reading;
    try {
      reading = await reader.readImage(bytes);
    } catch (e) {
      tally.unreadable.push(`${image.name}：${errorDetail(e)}`);
      continue;
    }
    tally.tried.push(image.name);
    const tables = imageTableReading(reading.text, name, id);
    const gained = (tables?.parsed.tables ?? []).filter((t) => missing.includes(t.table) && !found.has(t.table) && tables!.record.report.tables_found.includes(t.table));
    for (const t of gained) {
      found.set(t.table, { ...t, sectionFound: true });
      from.set(t.table, [image.name]);
    }
    if (gained.length) lines.push(...reading.tableLines);
  }
  const tables = parsed.tables.map((t) => found.get(t.table) ?? t);
  return { parsed: { ...parsed, tables }, tables: [...found.keys()], lines, note: noteOf(tally, from, missing) };
}
