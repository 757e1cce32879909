/**
 * The /ocr/NAME route (app/ocr/[name]/route.ts): it serves the OCR engine for uploads from the
 * installed packages — the listed names only, the models as their gzip bytes, the worker script
 * with the prelude that drops tesseract's "Parameter not found" notices — and a 404 with a Chinese
 * sentence for anything else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GET } from '../../app/ocr/[name]/route';

const get = (name: string) => GET(new Request(`http://127.0.0.1/ocr/${encodeURIComponent(name)}`), { params: Promise.resolve({ name }) });
const nm = (p: string) => readFileSync(path.resolve(__dirname, '../../node_modules', p));

describe('GET /ocr/NAME', () => {
  it('serves the models as the gzip files of @tesseract.js-data, byte for byte', async () => {
    const r = await get('chi_sim.traineddata.gz');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/octet-stream');
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await r.arrayBuffer()).equals(nm('@tesseract.js-data/chi_sim/4.0.0_best_int/chi_sim.traineddata.gz'))).toBe(true);
  });

  it('serves the worker script with the prelude in front, and a core as JavaScript', async () => {
    const w = await get('worker.min.js');
    const text = await w.text();
    expect(w.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(text.startsWith('/* gov-disclosure-reports:')).toBe(true);
    expect(text.endsWith(nm('tesseract.js/dist/worker.min.js').toString())).toBe(true);
    const core = await get('tesseract-core-simd-lstm.wasm.js');
    expect(core.status).toBe(200);
    expect(Number((await core.arrayBuffer()).byteLength)).toBe(nm('tesseract.js-core/tesseract-core-simd-lstm.wasm.js').length);
  });

  it('answers 404 with a sentence for any other name (another core, a path, the package.json)', async () => {
    for (const name of ['tesseract-core.wasm.js', '../package.json', 'package.json', 'eng.traineddata', 'constructor', '__proto__']) {
      const r = await get(name);
      expect(r.status, name).toBe(404);
      expect(await r.text(), name).toMatch(/^没有这个文件：\/ocr\/.*。这里只提供/);
    }
  });
});
