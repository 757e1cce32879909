/**
 * Parser for reports published as PDF with a text layer. pdf.js (npm `pdfjs-dist`, its legacy
 * build, which runs in Node and in older browsers) reads each page's text items with their
 * positions; pdf-layout.ts rebuilds lines and table rows from them; parseTextReport reads that
 * text, as for every other format.
 *
 * No network and no file system: the bytes are given, no worker script is fetched. In Node,
 * pdf.js runs its worker code in-process (its "fake worker"); in a browser, set
 * `GlobalWorkerOptions.workerSrc` (or `workerPort`) of `pdfjs-dist/legacy/build/pdf.mjs` to the
 * bundled worker before calling, as pdf.js requires there.
 *
 * Failures are values (./parsed-report.ts ParseFailure): a PDF with no text at all is a scan (`no_text_layer`, OCR suggested);
 * one whose fonts map to no readable characters (or need character maps that were not supplied,
 * see {@link PdfReadOptions}) is `undecodable_text`; a damaged or password-protected file is
 * `read_error`.
 */
import { parseFailure, type ParseResult } from './parsed-report';
import { layoutPdfText, type PdfPage } from './pdf-layout';
import { parseTextReport } from './parse-text-report';

/**
 * Where pdf.js finds its data files, for PDFs that need them: `cMapUrl` — the character maps of
 * fonts that are not embedded (common in Chinese PDFs: STSong-Light with UniGB-UCS2-H; without
 * them such text cannot be read), `standardFontDataUrl` — the 14 standard fonts. Both are folder
 * URLs (in Node, folder paths ending in a separator) of the `cmaps/` and `standard_fonts/` folders
 * of the `pdfjs-dist` package. The pipeline supplies them in Node; the dashboard serves them.
 */
export interface PdfReadOptions {
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

/** Whether the bytes start like a PDF (`%PDF-`, possibly after a few bytes of junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Share of characters a font without a Unicode map produces (private use, U+FFFD, controls). */
function garbledShare(text: string): number {
  const chars = [...text.replace(/\s+/g, '')];
  if (!chars.length) return 0;
  const bad = chars.filter((c) => {
    const cp = c.codePointAt(0) as number;
    return (cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffd || cp < 0x20;
  }).length;
  return bad / chars.length;
}

/** The pdf.js module (the legacy build), as `import()` returns it. */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * Built-ins that pdf.js's legacy build replaces with core-js polyfills when it loads (its main
 * module on import, its worker module on the first document in Node's in-process worker): in
 * Node 20 (V8 11.3) `Array.prototype.push` (3× slower), `JSON.stringify` (~25× slower),
 * `JSON.parse` and `Function.prototype.toString`, for the whole process — every later push of
 * the parser, every JSON.stringify of the ingest. The polyfills only add spec corner cases
 * (lengths beyond 2^53, non-writable lengths, JSON.rawJSON) that neither pdf.js nor this project
 * uses. Captured when this module loads, before any PDF is read; put back by
 * {@link restoreNativeBuiltins}. Built-ins pdf.js adds (Promise.withResolvers, Uint8Array.toHex,
 * …) are missing in Node 20 and stay.
 */
const NATIVE_BUILTINS: ReadonlyArray<readonly [object, string, unknown]> = [
  [Array.prototype, 'push', Array.prototype.push],
  [JSON, 'stringify', JSON.stringify],
  [JSON, 'parse', JSON.parse],
  [Function.prototype, 'toString', Function.prototype.toString],
];

/** Puts back the built-ins pdf.js's polyfills replaced (see {@link NATIVE_BUILTINS}); a no-op when none was. */
function restoreNativeBuiltins(): void {
  for (const [owner, key, native] of NATIVE_BUILTINS) {
    if ((owner as Record<string, unknown>)[key] !== native) {
      Object.defineProperty(owner, key, { value: native, writable: true, configurable: true, enumerable: false });
    }
  }
}

let pdfjsModule: Promise<PdfJs> | undefined;

/** pdf.js, imported once per process (the native built-ins put back after its polyfills ran). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => {
    restoreNativeBuiltins();
    return m;
  });
  return pdfjsModule;
}

/**
 * Reads the pages' text items with pdf.js — text extraction alone, no rendering, no fonts
 * installed for display: getDocument, then getTextContent of every page in order. pdf.js still
 * parses and repairs each embedded font program (about half of its time on the corpus' PDFs);
 * it has no option to skip that. Throws what pdf.js
 * throws (parsePdfReport handles it); exported for the parse bench (tests/bench), which times it
 * apart from the layout and the parse.
 * @param options where pdf.js finds its character maps and standard fonts ({@link PdfReadOptions}).
 * @returns the pages (size in PDF units, items with baseline position, width and font size) and,
 *   only when they hold almost no text, how many text-drawing operations the pages have (text
 *   drawn in fonts pdf.js could not read leaves no items but does leave these operations).
 */
export async function readPdfPages(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<{ pages: PdfPage[]; textOps: number }> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (and may detach) the buffer it is given: pass a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
    ...(options.standardFontDataUrl ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
    // URLs (the browser): pdf.js's parser fetches them itself with fetch(), which works in a page
    // and in a Web Worker (the upload worker has no `document`, which pdf.js's default loader needs).
    ...(/^https?:/.test(options.cMapUrl ?? '') ? { useWorkerFetch: true } : {}),
  });
  let doc;
  try {
    doc = await task.promise;
  } finally {
    restoreNativeBuiltins(); // Node's in-process worker loads (and polyfills) with the first document
  }
  try {
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [, , c, d, e, f] = it.transform as number[];
        items.push({ str: it.str, x: e, y: f, width: it.width, height: it.height || Math.hypot(c, d) });
        chars += it.str.trim().length;
      }
      pages.push({ width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    let textOps = 0;
    if (chars < 20) {
      const drawText = new Set([pdfjs.OPS.showText, pdfjs.OPS.showSpacedText, pdfjs.OPS.nextLineShowText, pdfjs.OPS.nextLineSetSpacingShowText]);
      for (let n = 1; n <= doc.numPages; n++) {
        const ops = await (await doc.getPage(n)).getOperatorList();
        textOps += ops.fnArray.filter((fn) => drawText.has(fn)).length;
      }
    }
    return { pages, textOps };
  } finally {
    await task.destroy();
  }
}

/**
 * Parses a PDF report's bytes. Never throws.
 *
 * @param options where pdf.js finds its character maps and standard fonts (see
 *   {@link PdfReadOptions}); without them, text in non-embedded CJK fonts cannot be read and the
 *   record says so (`undecodable_text`) instead of calling the file a scan.
 * @returns parseTextReport's reading of the rebuilt text (tables as tab-separated rows); a
 *   failure `no_text_layer` for a scan, `undecodable_text` for text in fonts without a Unicode map,
 *   `read_error` for a damaged or password-protected file — each with a message naming the file
 *   and saying what to do.
 */
export async function parsePdfReport(
  bytes: Uint8Array,
  sourceFile: string,
  options: PdfReadOptions = {},
): Promise<ParseResult> {
  let pages: PdfPage[];
  let textOps: number;
  try {
    ({ pages, textOps } = await readPdfPages(bytes, options));
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    const message =
      name === 'PasswordException'
        ? `${sourceFile}：PDF 设有打开密码，无法读取。请取得未加密的版本后再导入。`
        : name === 'InvalidPDFException'
          ? `${sourceFile}：PDF 文件已损坏或不完整（${(e as Error).message}），无法读取。请重新下载该报告后再导入。`
          : `${sourceFile}：无法读取此 PDF（${(e as Error).message ?? String(e)}）。请确认文件完整；若问题持续，请另存为文本或 Word 后再导入。`;
    return parseFailure('read_error', message);
  }
  const text = layoutPdfText(pages);
  const visible = text.replace(/\s+/g, '');
  if (visible.length < 20 && textOps > 0) {
    return parseFailure(
      'undecodable_text',
      options.cMapUrl
        ? `${sourceFile}：PDF 有文字层，但其字体无法解码为文字，因此未导入。请用原始 Word 文件，或对 PDF 做文字识别（OCR）后再导入。`
        : `${sourceFile}：PDF 有文字层，但其字体未嵌入、需要字符映射表（CMap）才能读出文字，本次读取未提供映射表。请在导入时提供 pdfjs-dist 的 cmaps 目录（命令行导入会自动提供），或将报告另存为文本、Word 后再导入。`,
    );
  }
  if (visible.length < 20) {
    return parseFailure(
      'no_text_layer',
      `${sourceFile}：PDF 共 ${pages.length} 页，但没有文字层（是扫描件或图片），无法读取文字和表格。请先做文字识别（OCR，例如在 PDF 工具中"识别文本"）生成带文字层的 PDF 或文本后再导入。`,
    );
  }
  if (garbledShare(text) > 0.3) {
    return parseFailure(
      'undecodable_text',
      `${sourceFile}：PDF 的字体没有可用的字符映射，提取出的文字是乱码，因此未导入。请用原始 Word 文件，或对 PDF 做文字识别（OCR）后再导入。`,
    );
  }
  return { ok: true, value: parseTextReport(text) };
}
