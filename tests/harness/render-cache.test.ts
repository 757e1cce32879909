/**
 * The render cache's key holds the render code (R1 review S6): an edit of the renderer's source
 * (tests/fixtures/scans/make-scanned-pdf.ts by default) or of the `render` function passed in
 * makes a new entry, so a changed renderer never gets a stale render.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedRender, entryName, RENDER_CODE_FILES, type RenderedPage } from './render-cache';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'test-renders');
const dir = mkdtempSync(path.join(tmpdir(), 'render-cache-'));
const made: string[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const f of made) rmSync(path.join(CACHE_DIR, f), { force: true });
});

const page = (n: number): RenderedPage => ({ image: new Uint8Array([n, n + 1, n + 2]), width: 10 + n, height: 20 + n });

describe('the render cache key', () => {
  it('covers make-scanned-pdf.ts by default', () => {
    expect(RENDER_CODE_FILES).toEqual([path.join(ROOT, 'tests/fixtures/scans/make-scanned-pdf.ts')]);
    const input = new Uint8Array([1, 2, 3]);
    const render = async () => [page(1)];
    expect(entryName(input, '150 dpi image/png', render)).toBe(entryName(input, '150 dpi image/png', render, RENDER_CODE_FILES));
    expect(entryName(input, '150 dpi image/png', render)).not.toBe(entryName(input, '150 dpi image/png', render, []));
  });
  it('changes with the render code and with the render function, not otherwise', () => {
    const code = path.join(dir, 'renderer.ts');
    writeFileSync(code, 'export const scale = 1;\n');
    const input = new Uint8Array([4, 5, 6]);
    const render = async () => [page(2)];
    const before = entryName(input, 'x', render, [code]);
    expect(entryName(input, 'x', render, [code])).toBe(before);
    writeFileSync(code, 'export const scale = 2;\n');
    expect(entryName(input, 'x', render, [code])).not.toBe(before);
    expect(entryName(input, 'x', async () => [page(3)], [code])).not.toBe(entryName(input, 'x', render, [code]));
  });
  it('renders again after the render code changed, reads the entry while it has not', async () => {
    if (process.env.TEST_RENDER_CACHE === '0') return;
    const code = path.join(dir, 'renderer-2.ts');
    writeFileSync(code, 'export const quality = 85;\n');
    const input = new Uint8Array(randomBytes(32));
    let calls = 0;
    const render = async () => {
      calls += 1;
      return [page(calls)];
    };
    made.push(entryName(input, 'y', render, [code]));
    const first = await cachedRender(input, 'y', render, [code]);
    const again = await cachedRender(input, 'y', render, [code]);
    expect(calls).toBe(1);
    expect(again).toEqual(first);
    writeFileSync(code, 'export const quality = 90;\n');
    made.push(entryName(input, 'y', render, [code]));
    const fresh = await cachedRender(input, 'y', render, [code]);
    expect(calls).toBe(2);
    expect(fresh).toEqual([page(2)]);
  });
});
