/**
 * The prose lines OCR reads (./select-prose-lines.ts), on the first page of 洪泽区 2023
 * (data/corpus) rendered at 150 dpi as the scan test renders it: the title and the heading
 * 一、总体情况 are read whole (found by the PDF's own text layer), body lines running margin to
 * margin are left out, and the stacked image holds every line chosen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { grayFromRgba } from './page-image';
import { selectProseLines, stackLines, textBands } from './select-prose-lines';
import { decodeImageRgba } from '../pipeline/ocr-node';
import { renderPages } from '../../tests/fixtures/scans/make-scanned-pdf';

const pdf = new Uint8Array(readFileSync(path.resolve(__dirname, '../../data/corpus/hongze-district-government-2023.pdf')));

/** Vertical centres (pixels at 150 dpi) of the text-layer strings of page 1 that are `text`. */
async function linesHolding(text: string): Promise<number[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), cMapUrl: 'node_modules/pdfjs-dist/cmaps/', cMapPacked: true, standardFontDataUrl: 'node_modules/pdfjs-dist/standard_fonts/' }).promise;
  const page = await doc.getPage(1);
  const vp = page.getViewport({ scale: 150 / 72 });
  const ys = (await page.getTextContent()).items.flatMap((i) => ('str' in i && i.str.trim() === text ? [vp.convertToViewportPoint(0, i.transform[5] + i.height / 2)[1]] : []));
  await doc.destroy();
  return ys;
}

describe('selectProseLines', () => {
  it('reads the title and the headings of page 1 whole and leaves out the body lines', async () => {
    const [first] = await renderPages(pdf, 150, 'image/jpeg');
    const rgba = await decodeImageRgba(first.image);
    const page = grayFromRgba(rgba.data, rgba.width, rgba.height);
    const bands = textBands(page);
    const chosen = selectProseLines(bands);
    const wholeAt = (y: number) => chosen.some((l) => l.band.top - 4 <= y && y <= l.band.bottom + 4 && l.readTo === l.band.right);
    for (const text of ['洪泽区人民政府', '一、总体情况']) {
      const ys = await linesHolding(text);
      expect(ys.length).toBeGreaterThan(0);
      for (const y of ys) expect(wholeAt(y)).toBe(true);
    }
    expect(bands.length).toBeGreaterThan(20);
    const readWhole = chosen.filter((l) => l.readTo === l.band.right).length;
    expect(readWhole).toBeLessThan(bands.length * 0.6);
    const { image, at } = stackLines(page, chosen);
    expect(at).toHaveLength(chosen.length);
    expect(image.height).toBeGreaterThanOrEqual(chosen.reduce((h, l) => h + l.band.bottom - l.band.top + 1, 0));
  }, 60_000);
});
