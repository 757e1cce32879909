/**
 * Entry point of parsing: the bytes of one file → a report record (report row, cells, reading
 * flags). Chooses the parser by file type; every failure is a record whose status and message say
 * what was wrong and what to do — never an exception, never a dropped file.
 */
import type { ReportRecord } from '../model/report-schema';
import { decodeReportBytes } from './decode-report-bytes';
import { failedRecord } from './failed-record';
import { FORMAT_EXTENSIONS, PLANNED_EXTENSIONS, TEXT_EXTENSIONS } from './file-formats';
import { looksLikeZip, parseDocxReport } from './parse-docx-report';
import { parseHtmlReport } from './parse-html-report';
import { looksLikePdf, parsePdfReport, type PdfReadOptions } from './parse-pdf-report';
import { parseTextReport } from './parse-text-report';

export { failedRecord };

/** What the environment supplies to the format readers (all optional). */
export interface ParseOptions {
  /** Where pdf.js finds its character maps and standard fonts (see PdfReadOptions). */
  pdf?: PdfReadOptions;
}

export { FORMAT_EXTENSIONS, PLANNED_EXTENSIONS, TEXT_EXTENSIONS };

function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name.toLowerCase());
  return m ? m[0] : '';
}

/** Whether text bytes look like an HTML page (a `<!DOCTYPE html`, `<html` or `<body` near the start). */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).toLowerCase();
  return /<!doctype html|<html[\s>]|<body[\s>]/.test(head);
}

/**
 * Parses one file's bytes. The format is chosen by the file's ending and checked against its
 * content (a PDF or .docx with another ending is still read as what it is): PDF (pdf.js),
 * HTML (parse5), .docx (mammoth → HTML), else text and Markdown (decodeReportBytes). Async
 * because PDF and Word are read asynchronously. Never throws.
 *
 * @param bytes the file content
 * @param sourceFile the name shown to users (relative path)
 * @param reportId the stable id for the record
 * @param options what the environment supplies (pdf.js data folders); optional
 * @returns a record; status `unsupported_format` (old .doc), `empty_file`, `binary_file`,
 *   `undecodable_text`, `no_text_layer` (a scanned PDF), `read_error` (a damaged file) or
 *   `not_a_report` when nothing could be read, each with a message naming the file.
 */
export async function parseReportBytes(
  bytes: Uint8Array,
  sourceFile: string,
  reportId: string,
  options: ParseOptions = {},
): Promise<ReportRecord> {
  const ext = extensionOf(sourceFile);
  if (bytes.length === 0) {
    return failedRecord(reportId, sourceFile, 'empty_file', `${sourceFile}：文件为空，没有可读的内容。请检查下载或转换是否完整，重新获取该报告后再导入。`);
  }
  if (ext === '.pdf' || looksLikePdf(bytes)) {
    if (!looksLikePdf(bytes)) {
      return failedRecord(reportId, sourceFile, 'read_error', `${sourceFile}：扩展名为 .pdf，但内容不是 PDF（可能下载不完整或是网页）。请重新下载该报告后再导入。`);
    }
    return parsePdfReport(bytes, sourceFile, reportId, options.pdf);
  }
  if (ext === '.docx' || (looksLikeZip(bytes) && !TEXT_EXTENSIONS.includes(ext))) return parseDocxReport(bytes, sourceFile, reportId);
  if (PLANNED_EXTENSIONS.includes(ext)) {
    return failedRecord(
      reportId,
      sourceFile,
      'unsupported_format',
      `${sourceFile}：暂不支持旧版 Word（${ext}）格式。请用 Word 或 WPS 另存为 .docx（或 PDF、文本）后再导入。`,
    );
  }
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || (!TEXT_EXTENSIONS.includes(ext) && looksLikeHtml(bytes))) {
    return parseHtmlReport(bytes, sourceFile, reportId);
  }
  const decoded = decodeReportBytes(bytes, sourceFile);
  if (!decoded.ok) return failedRecord(reportId, sourceFile, decoded.reason, decoded.message);
  return parseTextReport(decoded.text, sourceFile, reportId);
}
