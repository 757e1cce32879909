import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isCompressible, precompressFolder, precompressSummaryText } from './precompress-assets';

const root = path.resolve(__dirname, '../..');
const seed = path.join(root, 'data', 'seeds', '000_c5009f74879149c4.txt');
const worker = path.join(root, 'node_modules', '@duckdb', 'duckdb-wasm', 'dist', 'duckdb-browser-eh.worker.js');
const dirs: string[] = [];

/** A scratch folder with a real report text, DuckDB's real worker script, a short file and an image. */
function scratch(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'precompress-'));
  dirs.push(d);
  mkdirSync(path.join(d, 'media'));
  copyFileSync(seed, path.join(d, 'report.txt'));
  copyFileSync(worker, path.join(d, 'media', 'duckdb-browser-eh.worker.js'));
  writeFileSync(path.join(d, 'tiny.js'), 'export{};');
  writeFileSync(path.join(d, 'photo.png'), readFileSync(seed)); // big enough, but not a kind that is compressed
  return d;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('precompressFolder', () => {
  it('writes .br and .gz copies that decode to the same bytes, only for big files of compressible kinds', async () => {
    const d = scratch();
    const s = await precompressFolder(d);
    expect(s.failures).toEqual([]);
    expect(s.files).toBe(2);
    expect(s.written).toBe(2);
    for (const f of ['report.txt', 'media/duckdb-browser-eh.worker.js']) {
      const original = readFileSync(path.join(d, f));
      const br = readFileSync(path.join(d, `${f}.br`));
      const gz = readFileSync(path.join(d, `${f}.gz`));
      expect(zlib.brotliDecompressSync(br).equals(original)).toBe(true);
      expect(zlib.gunzipSync(gz).equals(original)).toBe(true);
      expect(br.length).toBeLessThan(original.length / 2);
    }
    const workerSize = statSync(worker).size;
    expect(s.bytes).toBe(workerSize + statSync(seed).size);
    expect(s.brotliBytes).toBeLessThan(s.gzipBytes);
    // The short file and the image are left alone; no temporary file is left behind.
    expect(readdirSync(d).sort()).toEqual(['media', 'photo.png', 'report.txt', 'report.txt.br', 'report.txt.gz', 'tiny.js']);
    expect(precompressSummaryText('x', s)).toMatch(/^x: 2 files [\d.]+ MB → br [\d.]+ MB, gz [\d.]+ MB \(2 written, [\d.]+ s\)$/);
  });

  it('leaves current copies alone and writes them again when the file is newer', async () => {
    const d = scratch();
    await precompressFolder(d);
    const again = await precompressFolder(d);
    expect(again.written).toBe(0);
    expect(again.files).toBe(2);
    const report = path.join(d, 'report.txt');
    writeFileSync(report, `${readFileSync(report, 'utf8')}\n附：更正\n`);
    const later = new Date(Date.now() + 5_000);
    utimesSync(report, later, later);
    const third = await precompressFolder(d);
    expect(third.written).toBe(1);
    expect(zlib.brotliDecompressSync(readFileSync(`${report}.br`)).toString('utf8')).toMatch(/附：更正\n$/);
  });

  it('lists a file whose copy cannot be written and goes on with the others', async () => {
    const d = scratch();
    mkdirSync(path.join(d, 'report.txt.br')); // a folder where the copy should go: rename fails
    const s = await precompressFolder(d);
    expect(s.failures.map((f) => path.basename(f.file))).toEqual(['report.txt']);
    expect(s.files).toBe(1);
    expect(zlib.gunzipSync(readFileSync(path.join(d, 'media', 'duckdb-browser-eh.worker.js.gz'))).equals(readFileSync(worker))).toBe(true);
  });

  it('is an empty summary for a missing folder', async () => {
    const s = await precompressFolder(path.join(tmpdir(), 'no-such-folder-precompress'));
    expect(s).toMatchObject({ files: 0, written: 0, bytes: 0, failures: [] });
  });

  it('knows which endings qualify', () => {
    expect(['a.wasm', 'b.js', 'facts/2024.arrow', 'reports.csv', 'manifest.json'].every(isCompressible)).toBe(true);
    expect(['a.wasm.br', 'a.js.gz', 'icon.png', 'font.woff2'].some(isCompressible)).toBe(false);
  });
});
