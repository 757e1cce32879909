/**
 * The OCR branch of the read path (issue 13): a PDF without a text layer, or an image file (PNG,
 * JPEG), read by OCR. The scan reader (lib/ocr/scan-reader.ts) is loaded only here, through the
 * loader the environment passed in ReadOptions, so reading any other file loads no OCR code. The
 * OCR text then goes the way of every text — parse (parseTextReport) → normalize → assembly →
 * the single-report checks — and its cells become `ocr` cells with their confidence, checked by
 * the form's identities (./ocr-cells.ts: OCR_READ or OCR_UNCERTAIN). An image (or scan) that
 * holds only a table — a screenshot or photo of 表三 — is read as a partial report of that table
 * ({@link readTableImage}), not refused as `not_a_report`.
 */
import { runChecks } from '../checks/run-checks';
import { errorDetail } from '../model/error-detail';
import { SECTION_HEADINGS } from '../model/form-layout';
import type { ReportRecord } from '../model/report-schema';
import { classifyBlankForm } from '../parse/classify-blank-form';
import { extensionOf } from '../parse/file-formats';
import type { ParsedText, ParseResult } from '../parse/parsed-report';
import { parseTextReport, TABLE_SECTION } from '../parse/parse-text-report';
import type { ScanReaderLoader } from '../ocr/scan-reader';
import { assembleRecord, failedRecord } from './assemble-record';
import { markOcrCells, withOcrVerdict } from './ocr-cells';

/** File endings read as images by OCR (lib/ocr/scan-reader.ts IMAGE_EXTENSIONS; repeated here so that checking a file loads no OCR code). */
const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

/** Whether bytes start like a PNG (`\x89PNG`) or a JPEG (`FF D8 FF`). */
function looksLikeImage(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff);
}

/** Whether the file goes through OCR: a PDF the parser found without a text layer, or an image file (by ending or content). */
export function needsOcr(bytes: Uint8Array, name: string, parsed: ParseResult): boolean {
  if (!parsed.ok && parsed.error.status === 'no_text_layer') return true;
  return !parsed.ok && (IMAGE_EXTENSIONS.includes(extensionOf(name)) || looksLikeImage(bytes));
}

/**
 * Reads a scanned file by OCR into a record (not yet validated).
 *
 * @param bytes the file; @param name its name for users; @param id its content id
 * @param parsed what the parser made of it (a `no_text_layer` PDF, or an image refused as binary)
 * @param load the scan reader's loader
 * @returns the record: cells `ocr` with confidences, reading flags, the checks' flags and the OCR
 *   verdict; when OCR itself fails, the parser's failure (the PDF's `no_text_layer`; an image's
 *   `read_error`) with a message saying OCR failed and what to do
 */
export async function readScannedReport(bytes: Uint8Array, name: string, id: string, parsed: ParseResult, load: ScanReaderLoader): Promise<ReportRecord> {
  const image = parsed.ok || parsed.error.status !== 'no_text_layer';
  let reading;
  try {
    const reader = await load();
    reading = image ? await reader.readImage(bytes) : await reader.readPdf(bytes);
  } catch (e) {
    const what = image ? '图片' : '扫描件（PDF 没有文字层）';
    return failedRecord(id, name, image ? 'read_error' : 'no_text_layer', `${name}：这是${what}，文字识别（OCR）未能完成（${errorDetail(e)}）。请提供带文字层的 PDF、Word 或文本版本后再导入。`);
  }
  const text = parseTextReport(reading.text);
  let record = assembleRecord({ ok: true, value: text }, name, id);
  if (record.report.status === 'not_a_report') {
    const table = readTableImage(reading.text, name, id);
    if (!table) {
      const what = image ? '图片' : '没有文字层的扫描件';
      const message = `${name}：这是${what}，已做文字识别（OCR），但读出的文字中既找不到"政府信息公开工作年度报告"字样或章节标题，也找不到年度报告表格的行，未识别为年度报告。请确认这是年度报告或其中表格的图片，或导入整份报告。`;
      return { ...record, report: { ...record.report, status_message: message } };
    }
    record = table;
  }
  if (record.report.status !== 'ok' && record.report.status !== 'partial') return record;
  // The unfilled form is recognised before the OCR marking turns its empty cells into `missing`.
  record = classifyBlankForm(record);
  if (record.report.status === 'blank_form') return runChecks(record);
  return withOcrVerdict(runChecks(markOcrCells(record, reading.tableLines)));
}

/**
 * The framing of {@link readTableImage}: the OCR text of a table image framed as table 二, 三 and
 * 四 in turn, the framing under which the most cells are read kept — its parsed text (whose
 * `tables` lib/read/read-embedded-images.ts puts into a report that misses them) and its record
 * (`tables_found` the tables read). Null when no framing reads a single cell.
 */
export function imageTableReading(ocrText: string, name: string, id: string): { parsed: ParsedText; record: ReportRecord } | null {
  let best: { parsed: ParsedText; record: ReportRecord } | null = null;
  for (const table of ['t2', 't3', 't4'] as const) {
    const framed = `政府信息公开工作年度报告\n${SECTION_HEADINGS[TABLE_SECTION[table]]}\n${ocrText}\n${SECTION_HEADINGS.problems}\n`;
    const parsed = parseTextReport(framed);
    const record = assembleRecord({ ok: true, value: parsed }, name, id);
    if (record.report.status !== 'partial' && record.report.status !== 'ok') continue;
    if (readCells(record) > (best ? readCells(best.record) : 0)) best = { parsed, record };
  }
  return best;
}

/** The tables' short names for messages. */
const TABLE_SHORT_NAMES = { t2: '表二', t3: '表三', t4: '表四' } as const;

/** How many cells of a record hold a printed number. */
const readCells = (record: ReportRecord) => record.cells.filter((c) => c.status === 'reported').length;

/**
 * An OCR text that is no report by itself (no title, no headings: a screenshot or photo of one
 * table, or of a page without its title) read as the tables it holds: the text is framed as a
 * report — the title 政府信息公开工作年度报告, the heading of table 二, 三 or 四 before it, the
 * heading 五 after it (headings the text prints itself still split it) — and the framing under
 * which the most cells are read is kept. The record is `partial`: the other tables get
 * TABLE_MISSING, the agency and the year are not read, and its message says it is a table image.
 *
 * @param ocrText the OCR text of the image (./read-scanned-pages.ts ScanReading.text)
 * @returns the record (its `text` the framed text, so that evidence offsets hold; its
 *   `sections_found` those the image itself prints), or null when
 *   no framing reads a single cell (no table of the form in the image)
 */
export function readTableImage(ocrText: string, name: string, id: string): ReportRecord | null {
  const best = imageTableReading(ocrText, name, id)?.record;
  if (!best) return null;
  const tables = best.report.tables_found.map((t) => TABLE_SHORT_NAMES[t]).join('、');
  const detail = best.report.status_message ? `（${best.report.status_message}）` : '';
  const message = `${name}：这是只含${tables}的图片（或扫描页），已由文字识别（OCR）读出；其他表格、机关名称和年度不在图中，未填充${detail}。如需完整记录，请导入整份报告。`;
  // The sections found are the image's own (the framing's headings are not in it).
  const sections = parseTextReport(ocrText).sectionsFound;
  return { ...best, report: { ...best.report, status: 'partial', status_message: message, sections_found: sections } };
}
