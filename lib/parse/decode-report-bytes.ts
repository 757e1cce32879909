/**
 * Bytes → text for plain-text reports, with the failures as data: an empty file, a binary file
 * and a text in no encoding we can read each come back as a reason, never as garbled "data".
 * Decoding uses the platform's WHATWG TextDecoder (UTF-8, UTF-16LE/BE, GB18030).
 */

/** Result of decoding: the text and the encoding used, or why there is no text. */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; reason: 'empty_file' | 'binary_file' | 'undecodable_text'; message: string };

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters that are C0 controls other than tab, CR, LF, FF (a sign of binary data). */
function controlShare(text: string): number {
  if (!text.length) return 0;
  let n = 0;
  for (const ch of text.slice(0, 20_000)) {
    const c = ch.codePointAt(0) as number;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) n++;
  }
  return n / Math.min(text.length, 20_000);
}

/**
 * Decodes report bytes. Order: BOMs (UTF-8, UTF-16LE/BE); strict UTF-8; strict GB18030 (which
 * also covers GBK and GB2312). A file with NUL bytes and no UTF-16 BOM, or whose decoded text is
 * more than 1% control characters, is `binary_file`; a file with only whitespace is `empty_file`.
 *
 * @param bytes the file's content
 * @param name the file name, used in messages
 */
export function decodeReportBytes(bytes: Uint8Array, name: string): DecodeResult {
  if (bytes.length === 0 || (bytes.length < 4096 && new TextDecoder().decode(bytes).trim() === '')) {
    return { ok: false, reason: 'empty_file', message: `${name}：文件为空，没有可读的内容。请检查下载或转换是否完整，重新获取该报告后再导入。` };
  }
  let text: string | null = null;
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' = 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = strictDecode('utf-8', bytes.subarray(3));
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = strictDecode('utf-16le', bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = strictDecode('utf-16be', bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    const head = bytes.subarray(0, 8192);
    if (head.includes(0)) {
      return { ok: false, reason: 'binary_file', message: `${name}：这是二进制文件，不是文本报告。若是 PDF、Word 或图片，请导出为文本（扫描件需先做文字识别 OCR）后再导入。` };
    }
    text = strictDecode('utf-8', bytes);
    if (text === null) {
      text = strictDecode('gb18030', bytes);
      encoding = 'gb18030';
    }
  }
  if (text === null) {
    return { ok: false, reason: 'undecodable_text', message: `${name}：无法按 UTF-8、UTF-16 或 GB18030 解码，文字会成为乱码，因此未导入。请另存为 UTF-8 文本后再导入。` };
  }
  if (controlShare(text) > 0.01) {
    return { ok: false, reason: 'binary_file', message: `${name}：内容含大量控制字符，像是二进制文件而不是文本报告。请导出为文本后再导入。` };
  }
  if (text.trim() === '') {
    return { ok: false, reason: 'empty_file', message: `${name}：文件只有空白，没有可读的内容。请重新获取该报告后再导入。` };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
}
