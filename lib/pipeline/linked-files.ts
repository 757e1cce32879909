/**
 * The ingest's reader of files an HTML report links to (issue 13): an `<img src>` relative to
 * the page — `report_files/image1.png`, as a browser's "save page" writes it — read from the
 * folder of the page, so that a table printed as an image beside the page can be OCR'd
 * (lib/read/read-embedded-images.ts). Only files in the page's folder or below are read: no
 * absolute path, no URL, no `..` out of it, nothing larger than a report may be.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Result } from '../model/result';
import { MAX_REPORT_BYTES } from '../read/read-limits';
import type { LinkedFileReader } from '../read/read-embedded-images';

/** The path `src` names relative to `dir`, or why it is not read: a URL or an absolute path, or a path leading out of `dir`. */
export function linkedPath(dir: string, src: string): Result<string, string> {
  const bare = src.trim().split(/[?#]/)[0];
  if (!bare || /^[a-z][a-z0-9+.-]*:/i.test(bare) || /^[\\/]/.test(bare)) return { ok: false, error: '网址或绝对路径，不读取' };
  let decoded = bare;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    /* a path with a stray % is read as printed */
  }
  const full = path.resolve(dir, decoded);
  const rel = path.relative(dir, full);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { ok: false, error: '不在报告所在的文件夹内，不读取' };
  return { ok: true, value: full };
}

/**
 * The {@link LinkedFileReader} of the report at `file`: reads `src` relative to the report's
 * folder ({@link linkedPath}). Resolves to the bytes, or why not (不在报告所在的文件夹内, 文件不存在,
 * 超过 20 MB); never rejects.
 */
export function linkedFileReader(file: string): LinkedFileReader {
  const dir = path.dirname(path.resolve(file));
  return async (src) => {
    const at = linkedPath(dir, src);
    if (!at.ok) return at;
    try {
      const stat = statSync(at.value);
      if (!stat.isFile()) return { ok: false, error: '不是文件' };
      if (stat.size > MAX_REPORT_BYTES) return { ok: false, error: `超过 ${MAX_REPORT_BYTES / 1024 / 1024} MB` };
      return { ok: true, value: new Uint8Array(readFileSync(at.value)) };
    } catch {
      return { ok: false, error: '文件不存在或无法读取' };
    }
  };
}
