/**
 * Pre-compressed copies of the app's big static files (issue 15: a first load of a few MB): for
 * every file of a folder (recursively) whose ending is in {@link COMPRESSIBLE_ENDINGS} and that is
 * at least `minBytes` long, writes `FILE.br` (brotli) and `FILE.gz` (gzip) beside it, so that the
 * server hands the browser the compressed bytes with `Content-Encoding: br` or `gzip` instead of
 * compressing on every request (next.config.js has `compress: false`) or sending 34 MB of DuckDB
 * wasm as is. app/_lib/precompressed-file.ts serves them (the proxy routes /_next/static/ there;
 * the data routes use it directly).
 *
 * Run after `next build` on `.next/static` (lib/pipeline/ensure-next-build.ts, `npm run build`,
 * the test and bench harness) and after `npm run build:data` on the data folder. A copy whose
 * modification time is at least its source's is current and left alone, so running it again costs
 * only the directory walk. Each copy is written to a temporary name and renamed, so a server never
 * serves half a file. Measured on the DuckDB eh wasm (34.2 MB, 2 busy cores, 2026-11-30): brotli
 * quality 6 → 6.14 MB in 1.6 s, 9 → 5.89 MB in 12 s, 11 → 5.07 MB in 198 s; gzip 9 → 7.68 MB in 4.6 s.
 */
import { readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** File endings worth compressing: code, wasm and the data files (text, JSON, Arrow IPC). */
export const COMPRESSIBLE_ENDINGS: readonly string[] = ['.wasm', '.js', '.mjs', '.css', '.json', '.csv', '.arrow', '.txt', '.svg', '.html'];

/** The encodings written, as `Content-Encoding` token → file suffix. */
export const PRECOMPRESSED_SUFFIX = { br: '.br', gzip: '.gz' } as const;

/** How to compress. */
export interface PrecompressOptions {
  /** Files shorter than this (bytes) are left alone (default 1,024: headers would eat the gain). */
  minBytes?: number;
  /** Brotli quality 0–11 (default 6 for files over 8 MB, 9 below: see the module comment for the cost). */
  brotliQuality?: number;
  /** Gzip level 1–9 (default 9). */
  gzipLevel?: number;
  /** Files compressed at the same time (default 2: zlib's async calls run on libuv's thread pool). */
  concurrency?: number;
}

/** What one run did: counts of files and bytes (sizes in bytes, time in ms). */
export interface PrecompressSummary {
  /** Files that qualify (ending and size). */
  files: number;
  /** Files whose copies were written in this run (the others were current). */
  written: number;
  /** Total size of the qualifying files, and of their brotli and gzip copies. */
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
  ms: number;
  /** Files that could not be compressed (unreadable, disk full), with the error message; the run goes on. */
  failures: Array<{ file: string; error: string }>;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Every regular file below `dir` (recursively); none when `dir` does not exist. */
async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Size (bytes) of `file` when it is a regular file at least as new as `sourceMtimeMs`, else null. */
async function currentCopySize(file: string, sourceMtimeMs: number): Promise<number | null> {
  try {
    const s = await stat(file);
    return s.isFile() && s.mtimeMs >= sourceMtimeMs ? s.size : null;
  } catch {
    return null;
  }
}

/** Writes `bytes` to `file` through a temporary name in the same folder (rename is atomic). */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** Whether `file` qualifies by its ending (a copy `.br`/`.gz` never does). */
export function isCompressible(file: string): boolean {
  return COMPRESSIBLE_ENDINGS.includes(path.extname(file).toLowerCase());
}

/** The brotli and gzip copies of one file, written when missing or older; their sizes and whether they were written. */
async function precompressFile(file: string, size: number, mtimeMs: number, options: Required<PrecompressOptions>): Promise<{ br: number; gz: number; written: boolean }> {
  const brFile = file + PRECOMPRESSED_SUFFIX.br;
  const gzFile = file + PRECOMPRESSED_SUFFIX.gzip;
  const [brSize, gzSize] = await Promise.all([currentCopySize(brFile, mtimeMs), currentCopySize(gzFile, mtimeMs)]);
  if (brSize !== null && gzSize !== null) return { br: brSize, gz: gzSize, written: false };
  const bytes = await readFile(file);
  const quality = options.brotliQuality >= 0 ? options.brotliQuality : size > 8 * 2 ** 20 ? 6 : 9;
  const [br, gz] = await Promise.all([
    brSize ?? brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } }),
    gzSize ?? gzip(bytes, { level: options.gzipLevel }),
  ]);
  if (typeof br !== 'number') await writeAtomically(brFile, br);
  if (typeof gz !== 'number') await writeAtomically(gzFile, gz);
  return { br: typeof br === 'number' ? br : br.length, gz: typeof gz === 'number' ? gz : gz.length, written: true };
}

/**
 * Writes `.br` and `.gz` copies beside every qualifying file below `dir` (see the module comment).
 * Never throws for a file: an unreadable file or a failed write is listed in `failures` and the
 * others go on. A missing `dir` is an empty summary.
 */
export async function precompressFolder(dir: string, options: PrecompressOptions = {}): Promise<PrecompressSummary> {
  const opts: Required<PrecompressOptions> = { minBytes: 1024, brotliQuality: -1, gzipLevel: 9, concurrency: 2, ...options };
  const t0 = Date.now();
  const summary: PrecompressSummary = { files: 0, written: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0, ms: 0, failures: [] };
  const todo: Array<{ file: string; size: number; mtimeMs: number }> = [];
  for (const file of await listFiles(dir)) {
    if (!isCompressible(file)) continue;
    const s = await stat(file).catch(() => null);
    if (s && s.size >= opts.minBytes) todo.push({ file, size: s.size, mtimeMs: s.mtimeMs });
  }
  todo.sort((a, b) => b.size - a.size); // the biggest first, so the two lanes end together
  let next = 0;
  const lane = async () => {
    while (next < todo.length) {
      const { file, size, mtimeMs } = todo[next++];
      try {
        const r = await precompressFile(file, size, mtimeMs, opts);
        summary.files++;
        summary.bytes += size;
        summary.brotliBytes += r.br;
        summary.gzipBytes += r.gz;
        if (r.written) summary.written++;
      } catch (e) {
        summary.failures.push({ file, error: e instanceof Error ? e.message : String(e) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, lane));
  summary.ms = Date.now() - t0;
  return summary;
}

/** One line saying what a run did, e.g. `.next/static: 12 files 38.2 MB → br 7.0 MB, gz 8.9 MB (3 written, 2.1 s)`. */
export function precompressSummaryText(label: string, s: PrecompressSummary): string {
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  const failed = s.failures.length ? `; ${s.failures.length} failed: ${s.failures.map((f) => `${f.file}: ${f.error}`).join('; ')}` : '';
  return `${label}: ${s.files} files ${mb(s.bytes)} → br ${mb(s.brotliBytes)}, gz ${mb(s.gzipBytes)} (${s.written} written, ${(s.ms / 1000).toFixed(1)} s)${failed}`;
}
