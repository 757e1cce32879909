/**
 * A disk cache for test fixtures that are slow to make and always the same for the same input:
 * the page renders of tests/fixtures/scans/make-scanned-pdf.ts (pdf.js + canvas, 4–8 s for the 5 pages of 洪泽区 2023),
 * which several test files (OCR budget, OCR in Node, scanned reports, the scan goldens) make of
 * the same PDF. The first test that needs a render makes it and stores it; the others, in any
 * vitest worker, read it. What the tests assert does not change: they get the same bytes.
 *
 * Entries live in node_modules/.cache/test-renders/ (gone with a fresh clone or `rm -rf
 * node_modules/.cache`), keyed by SHA-256 of the input bytes, the render options, the render
 * code (the source of the file that renders — tests/fixtures/scans/make-scanned-pdf.ts by default —
 * and the source of the `render` function passed in) and the versions of pdfjs-dist and
 * @napi-rs/canvas, so an edit of the render code or an upgrade renders anew. An entry is written
 * to a temporary name and renamed, so a reader never sees half of one; an unreadable entry is
 * made again. TEST_RENDER_CACHE=0 turns the cache off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One rendered page: its encoded image bytes and its size in pixels. */
export interface RenderedPage {
  image: Uint8Array;
  width: number;
  height: number;
}

/** Where entries are kept. */
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'test-renders');

/** The installed version of package `name` ('' when it cannot be read). */
function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

/** The files whose source is the render code of every entry unless a caller names its own: the one renderer of the tests. */
export const RENDER_CODE_FILES: readonly string[] = [path.join(ROOT, 'tests', 'fixtures', 'scans', 'make-scanned-pdf.ts')];

/** The source of `file` ('' with its name when it cannot be read, so a missing file still changes the key). */
function sourceOf(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return `unreadable:${file}`;
  }
}

/**
 * The entry's file name: SHA-256 of the input, the options, the render code (the sources of
 * `codeFiles` and of `render`) and the renderer's versions.
 */
export function entryName(input: Uint8Array, options: string, render: () => unknown, codeFiles: readonly string[] = RENDER_CODE_FILES): string {
  const h = createHash('sha256');
  h.update(input);
  h.update(`\0${options}\0pdfjs-dist@${versionOf('pdfjs-dist')}\0@napi-rs/canvas@${versionOf('@napi-rs/canvas')}`);
  for (const file of codeFiles) h.update(`\0${path.relative(ROOT, file)}\0${sourceOf(file)}`);
  h.update(`\0render:${render.toString()}`);
  return `${h.digest('hex').slice(0, 32)}.bin`;
}

/** Reads an entry: a 4-byte header length, the JSON header (sizes of every page), then the images. Null when absent or broken. */
function readEntry(file: string): RenderedPage[] | null {
  try {
    const buf = readFileSync(file);
    const headerLength = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as Array<{ width: number; height: number; bytes: number }>;
    let at = 4 + headerLength;
    const pages = header.map((p) => {
      const image = new Uint8Array(buf.subarray(at, at + p.bytes));
      at += p.bytes;
      return { image, width: p.width, height: p.height };
    });
    return at === buf.length ? pages : null;
  } catch {
    return null;
  }
}

/** Writes an entry (temporary name, then rename); a failure to write only means no cache. */
function writeEntry(file: string, pages: RenderedPage[]): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const header = Buffer.from(JSON.stringify(pages.map((p) => ({ width: p.width, height: p.height, bytes: p.image.length }))), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length, 0);
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, Buffer.concat([length, header, ...pages.map((p) => Buffer.from(p.image.buffer, p.image.byteOffset, p.image.length))]));
    renameSync(tmp, file);
  } catch {
    // read-only or full disk: the next test renders again
  }
}

/**
 * The pages `render()` makes of `input` with `options` (a string naming every option that
 * changes the output, e.g. `150 dpi image/png`): read from the cache when an entry exists, else
 * rendered and stored. The key also holds the render code — the sources of `codeFiles` (absolute
 * paths; default {@link RENDER_CODE_FILES}) and of `render` — so editing the renderer never serves
 * a stale render. Rejects only when `render` does.
 */
export async function cachedRender(
  input: Uint8Array,
  options: string,
  render: () => Promise<RenderedPage[]>,
  codeFiles: readonly string[] = RENDER_CODE_FILES,
): Promise<RenderedPage[]> {
  if (process.env.TEST_RENDER_CACHE === '0') return render();
  const file = path.join(CACHE_DIR, entryName(input, options, render, codeFiles));
  const hit = readEntry(file);
  if (hit) return hit;
  const pages = await render();
  writeEntry(file, pages);
  return pages;
}
