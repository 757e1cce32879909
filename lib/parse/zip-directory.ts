/**
 * A ZIP archive's central directory, read without inflating anything: the entries' names and
 * their compressed and uncompressed sizes as the archive declares them. A .docx is a ZIP; its
 * directory is checked before mammoth inflates it (parse-docx-report.ts), so that a package
 * whose parts would inflate to hundreds of megabytes (a "zip bomb") is refused up front.
 * Framework-free and browser-safe (bytes in, data out).
 */
import type { Result } from '../model/result';

/** One entry of the central directory: its name and sizes (bytes), as declared. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** Largest total a .docx's parts may inflate to: 100 MB (a report's document.xml is well under 5 MB). */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/**
 * Largest compression ratio (uncompressed ÷ compressed) of a part over 1 MB: 200. Office XML
 * compresses about 5–20 times (the blank form's document.xml: 19); deflate's ceiling is ~1,032,
 * which only data built to inflate reaches.
 */
export const MAX_RATIO = 200;
const RATIO_FLOOR = 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The End Of Central Directory record's offset (searched backwards: it may be followed by a comment of up to 64 KB), or -1. */
function findEndOfDirectory(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** Sizes stored as 0xFFFFFFFF live in the entry's ZIP64 extra field (id 1): uncompressed, then compressed, 8 bytes each. */
function zip64Sizes(view: DataView, extra: number, extraLength: number, entry: ZipEntry): void {
  for (let p = extra; p + 4 <= extra + extraLength; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 1) {
      let q = p + 4;
      const big = () => {
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff && q + 8 <= p + 4 + size) entry.uncompressedSize = big();
      if (entry.compressedSize === 0xffffffff && q + 8 <= p + 4 + size) entry.compressedSize = big();
      return;
    }
    p += 4 + size;
  }
}

/**
 * The central directory of a ZIP archive. Never throws.
 *
 * @returns the entries in directory order, or an error (a Chinese phrase, e.g. `找不到压缩包目录`)
 *   when the bytes hold no readable directory — a truncated or damaged file.
 */
export function readZipDirectory(bytes: Uint8Array): Result<ZipEntry[], string> {
  if (bytes.length < 22) return { ok: false, error: '文件过短，不是完整的压缩包' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) return { ok: false, error: '找不到压缩包目录（文件可能不完整）' };
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return { ok: false, error: '压缩包目录已损坏' };
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > bytes.length) return { ok: false, error: '压缩包目录已损坏' };
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
    };
    zip64Sizes(view, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, value: entries };
}

/**
 * Why an archive must not be inflated, or null when it may: its entries would inflate past
 * MAX_INFLATED_BYTES in all, or a part over 1 MB is compressed more than MAX_RATIO times. The
 * phrase (Chinese) names the sizes or the part and its ratio.
 */
export function inflationRefusal(entries: readonly ZipEntry[]): string | null {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > MAX_INFLATED_BYTES) {
    return `解压后共约 ${Math.round(total / 1048576)} MB，超过上限 ${MAX_INFLATED_BYTES / 1048576} MB`;
  }
  const absurd = entries.find((e) => e.uncompressedSize > RATIO_FLOOR && e.uncompressedSize > e.compressedSize * MAX_RATIO);
  if (absurd) {
    const ratio = absurd.compressedSize ? Math.round(absurd.uncompressedSize / absurd.compressedSize) : Infinity;
    return `其中 ${absurd.name} 的压缩比为 ${ratio === Infinity ? '无穷' : `${ratio}:1`}，远超正常文档（上限 ${MAX_RATIO}:1）`;
  }
  return null;
}
