/**
 * Entry point of parsing: the bytes of one file → its text read into sections, metadata and
 * printed rows (./parsed-report.ts). Chooses the parser by file type; every failure is a value
 * whose status and message say what was wrong and what to do — never an exception, never a
 * dropped file. lib/read turns the outcome into the record.
 */
import { decodeReportBytes } from './decode-report-bytes';
import { extensionOf, PLANNED_EXTENSIONS, TEXT_EXTENSIONS } from './file-formats';
import { parseFailure, type ParseResult } from './parsed-report';
import { looksLikeZip, parseDocxReport } from './parse-docx-report';
import { parseHtmlReport } from './parse-html-report';
import { looksLikePdf, parsePdfReport, type PdfReadOptions } from './parse-pdf-report';
import { parseTextReport } from './parse-text-report';

/** What the environment supplies to the format readers (all optional). */
export interface ParseOptions {
  /** Where pdf.js finds its character maps and standard fonts (see PdfReadOptions). */
  pdf?: PdfReadOptions;
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
 * @param sourceFile the name shown to users (relative path), named in every failure message
 * @param options what the environment supplies (pdf.js data folders); optional
 * @returns the parsed text (which may not look like a report: lib/read makes it `not_a_report`),
 *   or a failure with status `unsupported_format` (old .doc), `empty_file`, `binary_file`,
 *   `undecodable_text`, `no_text_layer` (a scanned PDF) or `read_error` (a damaged file), each
 *   with a message naming the file.
 */
export async function parseReportBytes(bytes: Uint8Array, sourceFile: string, options: ParseOptions = {}): Promise<ParseResult> {
  const ext = extensionOf(sourceFile);
  if (bytes.length === 0) {
    return parseFailure('empty_file', `${sourceFile}：文件为空，没有可读的内容。请检查下载或转换是否完整，重新获取该报告后再导入。`);
  }
  if (ext === '.pdf' || looksLikePdf(bytes)) {
    if (!looksLikePdf(bytes)) {
      return parseFailure('read_error', `${sourceFile}：扩展名为 .pdf，但内容不是 PDF（可能下载不完整或是网页）。请重新下载该报告后再导入。`);
    }
    return parsePdfReport(bytes, sourceFile, options.pdf);
  }
  if (ext === '.docx' || (looksLikeZip(bytes) && !TEXT_EXTENSIONS.includes(ext))) return parseDocxReport(bytes, sourceFile);
  if (PLANNED_EXTENSIONS.includes(ext)) {
    return parseFailure(
      'unsupported_format',
      `${sourceFile}：暂不支持旧版 Word（${ext}）格式。请用 Word 或 WPS 另存为 .docx（或 PDF、文本）后再导入。`,
    );
  }
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || (!TEXT_EXTENSIONS.includes(ext) && looksLikeHtml(bytes))) {
    return parseHtmlReport(bytes, sourceFile);
  }
  const decoded = decodeReportBytes(bytes, sourceFile);
  if (!decoded.ok) return parseFailure(decoded.reason, decoded.message);
  const parsed = parseTextReport(decoded.text);
  return { ok: true, value: decoded.replaced ? { ...parsed, replacedBytes: decoded.replaced } : parsed };
}
