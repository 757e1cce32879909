/**
 * Parser for reports as Word files (.docx). mammoth (npm) converts the document to HTML —
 * paragraphs, and tables with their merged cells as rowspan/colspan — which the HTML reader turns
 * into the report's text (parse-html-report.ts), so Word, HTML and the text formats share row
 * recognition, recovery and checks. Runs in Node and in the browser (the bytes are given).
 *
 * A blank form (the official template with no numbers) reads as a report whose cells are all
 * `blank` — printed empty, not zero.
 */
import mammoth from 'mammoth';
import type { EmbeddedImageSource } from './embedded-images';
import { parseFailure, type ParseResult } from './parsed-report';
import { parseHtmlString } from './parse-html-report';
import { inflationRefusal, readZipDirectory } from './zip-directory';

/** Whether the bytes are a ZIP container (a .docx is one): `PK\x03\x04`. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The `src` a Word picture gets in mammoth's HTML: `docx-image:N`, N its place in the document from 0. */
const DOCX_IMAGE_SRC = 'docx-image:';

/**
 * The HTML of a .docx, each picture an `<img src="docx-image:N">`, and how to read each picture's
 * bytes (mammoth inflates one only when asked: lib/read reads them only for a missing table).
 * mammoth reads `buffer` in Node and `arrayBuffer` in the browser; both take the same bytes.
 * Throws what mammoth throws (handled by the caller).
 */
async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; images: Map<string, EmbeddedImageSource> }> {
  const copy = bytes.slice();
  const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const images = new Map<string, EmbeddedImageSource>();
  const result = await mammoth.convertToHtml(input, {
    convertImage: mammoth.images.imgElement(async (image) => {
      const src = `${DOCX_IMAGE_SRC}${images.size}`;
      images.set(src, { kind: 'inline', read: async () => new Uint8Array(await image.readAsArrayBuffer()) });
      return { src };
    }),
  });
  return { html: result.value, images };
}

/**
 * Why a package is not inflated, as a failure: its ZIP directory cannot be read (`read_error`), or
 * its parts would inflate past the limits of ./zip-directory.ts (`too_large`: 100 MB in all, or a
 * part compressed more than 200 times — a "zip bomb"); null when mammoth may open it.
 */
function packageRefusal(bytes: Uint8Array, sourceFile: string): ParseResult | null {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) {
    return parseFailure('read_error', `${sourceFile}：无法读取此 Word 文件（${directory.error}）。请确认文件完整，或用 Word 或 WPS 另存为 .docx 后再导入。`);
  }
  const refusal = inflationRefusal(directory.value);
  if (!refusal) return null;
  return parseFailure(
    'too_large',
    `${sourceFile}：Word 文件的压缩包${refusal}，不像一份年度报告（可能是恶意构造的压缩包），未解压读取。请确认文件来源，或用 Word 或 WPS 打开后另存为 .docx 再导入。`,
  );
}

/**
 * Parses a .docx report's bytes. Never throws. The ZIP directory is checked before anything is
 * inflated ({@link packageRefusal}).
 *
 * @returns the HTML reader's reading of mammoth's HTML; a failure `read_error` (with a message
 *   naming the file and what to do) when the file is no readable .docx — e.g. an old binary .doc
 *   renamed, or a damaged file; `too_large` when its parts would inflate past the limits;
 *   `parse_failed` when the document nests so deep that reading it overflows the stack.
 */
export async function parseDocxReport(bytes: Uint8Array, sourceFile: string): Promise<ParseResult> {
  if (!looksLikeZip(bytes)) {
    return parseFailure(
      'read_error',
      `${sourceFile}：不是有效的 .docx 文件（可能是旧版 .doc 改了扩展名，或文件已损坏）。请用 Word 或 WPS 另存为 .docx 后再导入。`,
    );
  }
  const refused = packageRefusal(bytes, sourceFile);
  if (refused) return refused;
  let html: string;
  let images: Map<string, EmbeddedImageSource>;
  try {
    ({ html, images } = await docxToHtml(bytes));
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return parseFailure('parse_failed', `${sourceFile}：Word 文件的结构嵌套过深，无法读取。请用 Word 或 WPS 打开后另存为 PDF 或 .docx 再导入。`);
    }
    return parseFailure(
      'read_error',
      `${sourceFile}：无法读取此 Word 文件（${(e as Error).message ?? String(e)}）。请确认文件完整，或另存为 .docx 后再导入。`,
    );
  }
  // A Word file's pictures are its own; no `src` of it points anywhere else.
  return parseHtmlString(html, sourceFile, (src) => images.get(src) ?? null);
}
