/**
 * Images inside a report (issue 13): the `<img>` of an HTML page (a `data:` URI inline, or a
 * relative path to a file beside the page) and the pictures of a Word file (mammoth hands their
 * bytes). Parsing only lists them — where they sit (the section heading before them) and how to get
 * their bytes — and reads nothing: lib/read decides whether a table is missing and OCRs them
 * (read/read-embedded-images.ts). Browser-safe: no file system; a linked file is read by a hook
 * the ingest passes (lib/pipeline), and an upload cannot read it.
 */

/** How to get an image's bytes: `inline` (inside the file: a `data:` URI, a Word picture) or `linked` (a path relative to the page). */
export type EmbeddedImageSource = { kind: 'inline'; read: () => Promise<Uint8Array> } | { kind: 'linked'; src: string };

/** An image of a report, as listed by the HTML and Word readers. */
export interface EmbeddedImage {
  /** How messages name it: the file name of a linked image, else `图片 N` (its place among the report's images, from 1). */
  name: string;
  /** The numeral (`二`, `三`, `四` …) of the last section heading of the form printed before it; null before any. */
  section: string | null;
  /** How to get its bytes. */
  source: EmbeddedImageSource;
}

/** Bytes of a base64 string (atob: Node 20 and browsers); throws on characters outside base64. */
function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64.replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The bytes of a `data:` URI of an image (`data:image/png;base64,…`; percent-encoded data too).
 * Rejects (as a promise) when the URI is malformed — the caller records it as an unreadable image.
 */
export async function dataUriBytes(uri: string): Promise<Uint8Array> {
  const comma = uri.indexOf(',');
  if (comma < 0) throw new Error('data: 地址缺少逗号');
  const head = uri.slice(5, comma);
  const body = uri.slice(comma + 1);
  if (/;base64$/i.test(head)) return base64Bytes(body);
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body[i] === '%' ? /^[0-9a-f]{2}$/i.exec(body.slice(i + 1, i + 3)) : null;
    if (hex) {
      out.push(parseInt(hex[0], 16));
      i += 2;
    } else out.push(body.charCodeAt(i) & 0xff);
  }
  return new Uint8Array(out);
}

/** The last path segment of a link, percent-decoded when it can be, for messages (`a/b/%E8%A1%A8.png` → `表.png`). */
function linkName(src: string): string {
  const last = src.split(/[?#]/)[0].split('/').filter(Boolean).pop() ?? src;
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    /* keep it as printed */
  }
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

/**
 * The source of an `<img src>` of an HTML page: a `data:image/…` URI is inline, any other
 * non-empty `src` a link (resolved, if at all, by the ingest's hook); null for an empty `src`.
 */
export function htmlImageSource(src: string): EmbeddedImageSource | null {
  const s = src.trim();
  if (!s) return null;
  if (/^data:/i.test(s)) return /^data:image\//i.test(s) ? { kind: 'inline', read: () => dataUriBytes(s) } : null;
  return { kind: 'linked', src: s };
}

/** The name of the `n`-th image (from 1) of a report for messages: a linked file's name, else `图片 n`. */
export function embeddedImageName(source: EmbeddedImageSource, n: number): string {
  return source.kind === 'linked' ? linkName(source.src) : `图片 ${n}`;
}

/** The format and size in pixels of an image, read from its header without decoding it. */
export interface ImageHeader {
  format: 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'other';
  /** Pixels; 0 when the header does not say (or the bytes are cut short). */
  width: number;
  height: number;
}

/** The size in a JPEG's first SOF marker (baseline, progressive …), or 0×0 when none is found. */
function jpegSize(b: Uint8Array): { width: number; height: number } {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return { width: 0, height: 0 };
    const marker = b[i + 1];
    const length = (b[i + 2] << 8) | b[i + 3];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
    }
    i += 2 + length;
  }
  return { width: 0, height: 0 };
}

/** The format and size of an image from its first bytes (PNG's IHDR, JPEG's SOF); `other` for anything else. Never throws. */
export function imageHeader(b: Uint8Array): ImageHeader {
  const be32 = (at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { format: 'png', width: be32(16), height: be32(20) };
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { format: 'jpeg', ...jpegSize(b) };
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return { format: 'gif', width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) };
  if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45) return { format: 'webp', width: 0, height: 0 };
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) return { format: 'bmp', width: Math.abs(b[18] | (b[19] << 8) | (b[20] << 16) | (b[21] << 24)), height: Math.abs(b[22] | (b[23] << 8) | (b[24] << 16) | (b[25] << 24)) };
  return { format: 'other', width: 0, height: 0 };
}
