/**
 * Bytes → text for plain-text reports, with the failures as data: an empty file, a binary file
 * and a text in no encoding we can read each come back as a reason, never as garbled "data".
 * Decoding uses the platform's WHATWG TextDecoder (UTF-8, UTF-16LE/BE, GB18030).
 */

/** The encodings a report's text is read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Result of decoding: the text, the encoding used and `replaced`, how many invalid byte sequences
 * of a UTF-8 file were decoded as U+FFFD (0 for a clean file; lib/read raises TEXT_BYTES_REPLACED
 * when it is not) — or why there is no text.
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; replaced: number }
  | { ok: false; reason: 'empty_file' | 'binary_file' | 'undecodable_text'; message: string };

/**
 * Largest share of a UTF-8 file's non-ASCII characters that may be invalid bytes (each read as
 * U+FFFD) for the file still to be read as UTF-8: a few damaged bytes in a UTF-8 report (1 %),
 * while a GBK file read as UTF-8 turns nearly every Chinese character into U+FFFD.
 */
const MAX_REPLACED_SHARE = 0.01;

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
 * UTF-8 read leniently: the text with each invalid byte sequence as U+FFFD, and how many were
 * replaced (those of the file itself: a U+FFFD printed in a valid file is not counted). Null when
 * the replacements are more than MAX_REPLACED_SHARE of the non-ASCII characters — not UTF-8.
 */
function lenientUtf8(bytes: Uint8Array): { text: string; replaced: number } | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    if (c > 0x7f) nonAscii++;
  }
  return replaced > 0 && replaced <= nonAscii * MAX_REPLACED_SHARE ? { text, replaced } : null;
}

/** Whether a UTF-16 code unit is one a report's text is made of: ASCII text, Latin-1, punctuation, CJK ideographs and symbols, full-width forms. */
function plausibleUnit(c: number): boolean {
  return (
    c === 9 || c === 10 || c === 13 || (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c < 0x100) || (c >= 0x2000 && c < 0x2700) ||
    (c >= 0x3000 && c < 0x3100) || (c >= 0x3400 && c < 0xa000) || (c >= 0xfe30 && c < 0xfe50) || (c >= 0xff00 && c < 0xfff0)
  );
}

/**
 * Whether BOM-less bytes are UTF-16, and which order: text of a report holds digits, spaces and
 * line breaks, which UTF-16 stores with a zero byte — at odd offsets in little-endian, even in
 * big-endian (some CJK characters and U+3000 put zeros on the other side too). Decided on the
 * first 8 KB: the order whose side has at least 2 % zero bytes and more than the other side, when
 * the text decoded that way is at least 95 % characters a report is made of ({@link
 * plausibleUnit}; a binary file read as UTF-16 is a scatter of code points). Null otherwise.
 */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const head = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  if (head.length < 16) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 ? odd++ : even++;
  const half = head.length / 2;
  const order = odd >= half * 0.02 && odd > even ? 'utf-16le' : even >= half * 0.02 && even > odd ? 'utf-16be' : null;
  if (!order) return null;
  let plausible = 0;
  for (let i = 0; i < head.length; i += 2) if (plausibleUnit(order === 'utf-16le' ? head[i] | (head[i + 1] << 8) : (head[i] << 8) | head[i + 1])) plausible++;
  return plausible >= half * 0.95 ? order : null;
}

/** The text of BOM-less bytes: UTF-16 when the zero bytes say so, else strict UTF-8, UTF-8 with a few bad bytes, strict GB18030. */
function decodeUnmarked(bytes: Uint8Array): { text: string; encoding: TextEncodingName; replaced: number } | 'binary' | null {
  const order = utf16Order(bytes);
  if (order) {
    const text = strictDecode(order, bytes.length % 2 ? bytes.subarray(0, bytes.length - 1) : bytes);
    if (text !== null && controlShare(text) <= 0.01) return { text, encoding: order, replaced: 0 };
  }
  if (bytes.subarray(0, 8192).includes(0)) return 'binary';
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', replaced: 0 };
  const lenient = lenientUtf8(bytes);
  if (lenient) return { ...lenient, encoding: 'utf-8' };
  const gb = strictDecode('gb18030', bytes);
  return gb === null ? null : { text: gb, encoding: 'gb18030', replaced: 0 };
}

/**
 * Decodes report bytes. Order: BOMs (UTF-8, UTF-16LE/BE); UTF-16 without BOM (told by its zero
 * bytes); strict UTF-8; UTF-8 with a few invalid bytes (at most 1 % of its non-ASCII characters,
 * each read as U+FFFD and counted in `replaced`); strict GB18030 (which also covers GBK and
 * GB2312). A file with NUL bytes that is not UTF-16, or whose decoded text is more than 1% control
 * characters, is `binary_file`; a file with only whitespace is `empty_file`; bytes that are none
 * of these encodings are `undecodable_text`. Never throws.
 *
 * @param bytes the file's content
 * @param name the file name, used in messages
 */
export function decodeReportBytes(bytes: Uint8Array, name: string): DecodeResult {
  if (bytes.length === 0 || (bytes.length < 4096 && new TextDecoder().decode(bytes).trim() === '')) {
    return { ok: false, reason: 'empty_file', message: `${name}：文件为空，没有可读的内容。请检查下载或转换是否完整，重新获取该报告后再导入。` };
  }
  let decoded: { text: string; encoding: TextEncodingName; replaced: number } | 'binary' | null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    const lenient = text === null ? lenientUtf8(bytes.subarray(3)) : null;
    decoded = text !== null ? { text, encoding: 'utf-8', replaced: 0 } : lenient && { ...lenient, encoding: 'utf-8' };
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strictDecode(encoding, bytes.subarray(2));
    decoded = text === null ? null : { text, encoding, replaced: 0 };
  } else decoded = decodeUnmarked(bytes);
  if (decoded === 'binary') {
    return { ok: false, reason: 'binary_file', message: `${name}：这是二进制文件，不是文本报告。若是 PDF、Word 或图片，请导出为文本（扫描件需先做文字识别 OCR）后再导入。` };
  }
  if (decoded === null) {
    return { ok: false, reason: 'undecodable_text', message: `${name}：无法按 UTF-8、UTF-16 或 GB18030 解码，文字会成为乱码，因此未导入。请另存为 UTF-8 文本后再导入。` };
  }
  if (controlShare(decoded.text) > 0.01) {
    return { ok: false, reason: 'binary_file', message: `${name}：内容含大量控制字符，像是二进制文件而不是文本报告。请导出为文本后再导入。` };
  }
  if (decoded.text.trim() === '') {
    return { ok: false, reason: 'empty_file', message: `${name}：文件只有空白，没有可读的内容。请重新获取该报告后再导入。` };
  }
  return { ok: true, text: decoded.text.replace(/^\uFEFF/, ''), encoding: decoded.encoding, replaced: decoded.replaced };
}
