/**
 * The OCR branch of the read path (issue 13): a PDF without a text layer, or an image file (PNG,
 * JPEG), read by OCR. The scan reader (lib/ocr/scan-reader.ts) is loaded only here, through the
 * loader the environment passed in ReadOptions, so reading any other file loads no OCR code. The
 * OCR text then goes the way of every text — parse (parseTextReport) → normalize → assembly →
 * the single-report checks — and its cells become `ocr` cells with their confidence, checked by
 * the form's identities (./ocr-cells.ts: OCR_READ or OCR_UNCERTAIN).
 */
import { runChecks } from '../checks/run-checks';
import { errorDetail } from '../model/error-detail';
import type { ReportRecord } from '../model/report-schema';
import { classifyBlankForm } from '../parse/classify-blank-form';
import { extensionOf } from '../parse/file-formats';
import type { ParseResult } from '../parse/parsed-report';
import { parseTextReport } from '../parse/parse-text-report';
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
    const message = `${name}：已做文字识别（OCR），但读出的文字中找不到"政府信息公开工作年度报告"字样或章节标题，未识别为年度报告。若这是报告中一页或一张表格的图片，请导入整份报告（含标题页）。`;
    return { ...record, report: { ...record.report, status_message: message } };
  }
  if (record.report.status !== 'ok' && record.report.status !== 'partial') return record;
  record = classifyBlankForm(markOcrCells(record, reading.tableLines));
  return withOcrVerdict(runChecks(record));
}
