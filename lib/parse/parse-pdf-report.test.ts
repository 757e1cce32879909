/**
 * pdf.js text extraction of the corpus' real PDFs (data/corpus, see its MANIFEST.tsv): the pages'
 * text items are pinned (count per page and a digest of every item's string, position, width and
 * size), so a change of the reader's pdf.js options, or a pdf.js upgrade, that changes what the
 * layout code receives fails here before it shows in the golden records (tests/golden). And the
 * built-ins pdf.js's legacy build replaces with slow polyfills are native again after a read.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parsePdfReport, readPdfPages } from './parse-pdf-report';

const CORPUS = path.resolve(__dirname, '../../data/corpus');

/** Items per page and the first 16 hex digits of the SHA-256 of the pages' JSON, read with the reader at this commit. */
const PINNED: Record<string, { items: number[]; digest: string }> = {
  'hongze-district-government-2023.pdf': { items: [97, 57, 280, 237, 11], digest: '95a5d9dae87db46c' },
  'hongze-district-government-2024.pdf': { items: [38, 56, 264, 256, 11], digest: '7863f2fca71d80a2' },
  'huaian-city-government-2024.pdf': { items: [90, 100, 66, 260, 277, 29], digest: 'eca0a6785035d7c5' },
};

describe('readPdfPages on the corpus PDFs', () => {
  for (const [file, pinned] of Object.entries(PINNED)) {
    it(`${file}: the same text items as pinned`, async () => {
      const { pages, textOps } = await readPdfPages(new Uint8Array(readFileSync(path.join(CORPUS, file))));
      expect(pages.map((p) => p.items.length)).toEqual(pinned.items);
      expect(pages[0]).toMatchObject({ width: 595, height: 842 });
      expect(pages[0].items[0].str).toBe('- 1 -');
      expect(textOps).toBe(0); // counted only for PDFs with almost no text
      expect(createHash('sha256').update(JSON.stringify(pages)).digest('hex').slice(0, 16)).toBe(pinned.digest);
    });
  }
});

describe('parsePdfReport and the built-ins', () => {
  it('leaves Array.prototype.push, JSON.stringify/parse and Function.prototype.toString native after reading a PDF', async () => {
    const result = await parsePdfReport(new Uint8Array(readFileSync(path.join(CORPUS, 'huaian-city-government-2024.pdf'))), 'huaian.pdf');
    expect(result.ok).toBe(true);
    // Another realm's toString prints a polyfill's source, a native function's `[native code]`.
    const sourceOf = vm.runInNewContext('Function.prototype.toString') as (this: unknown) => string;
    for (const fn of [Array.prototype.push, JSON.stringify, JSON.parse, Function.prototype.toString]) {
      expect(sourceOf.call(fn)).toContain('[native code]');
    }
  });
});
