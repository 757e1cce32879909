/**
 * OCR time profile (issue 13, by hand): `npx tsx tests/bench/ocr-profile.ts [--text] [corpus pdf…]` — scans
 * each corpus PDF as the golden scan test does (150 dpi JPEG pages), reads the pages with the Node
 * engine, and prints the CPU seconds a page and the time spent per model and layout (digits/line,
 * chinese/line, chinese/block…) — and with --text the text read —, so that the cost of each kind of crop can be seen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { grayFromRgba, type GrayImage } from '../../lib/ocr/page-image';
import { readScannedPages } from '../../lib/ocr/read-scanned-pages';
import { createTesseractEngine } from '../../lib/ocr/tesseract-engine';
import type { OcrEngine } from '../../lib/ocr/ocr-engine';
import { decodeImageRgba, nodeModelFolders } from '../../lib/pipeline/ocr-node';
import { renderPages } from '../fixtures/scans/make-scanned-pdf';

/** The page images of a scan of `pdf` (150 dpi JPEG, decoded back to grey levels). */
export async function scanPages(pdf: Uint8Array): Promise<GrayImage[]> {
  const pages: GrayImage[] = [];
  for (const p of await renderPages(pdf, 150, 'image/jpeg')) {
    const img = await decodeImageRgba(p.image);
    pages.push(grayFromRgba(img.data, img.width, img.height));
  }
  return pages;
}

/** `engine` with the time and calls of each model/layout counted into `stats`. */
function timed(engine: OcrEngine, stats: Map<string, { calls: number; ms: number; px: number }>): OcrEngine {
  return {
    async read(img, script, layout) {
      const t = performance.now();
      const r = await engine.read(img, script, layout);
      const key = `${script}/${layout}`;
      const s = stats.get(key) ?? { calls: 0, ms: 0, px: 0 };
      s.calls++;
      s.ms += performance.now() - t;
      s.px += img.width * img.height;
      stats.set(key, s);
      return r;
    },
    close: () => engine.close(),
  };
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const showText = process.argv.includes('--text');
const args = process.argv.slice(2).filter((a) => a !== '--text');
const names = args.length ? args : ['hongze-district-government-2023.pdf', 'hongze-district-government-2024.pdf', 'huaian-city-government-2024.pdf'];
for (const name of names) {
  const pages = await scanPages(new Uint8Array(readFileSync(path.join(root, 'data/corpus', name))));
  const stats = new Map<string, { calls: number; ms: number; px: number }>();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const engine = timed(await createTesseractEngine(nodeModelFolders()), stats);
  const init = (performance.now() - t0) / 1000;
  const reading = await readScannedPages(pages, engine);
  await engine.close();
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  console.log(`${name}: ${pages.length} pages, ${(cpuS / pages.length).toFixed(2)} s CPU a page, ${((performance.now() - t0) / 1000 / pages.length).toFixed(2)} s wall a page (engine start ${init.toFixed(2)} s), ${reading.tableLines.length} table lines`);
  if (showText) console.log(reading.text);
  for (const [k, s] of [...stats].sort()) console.log(`  ${k.padEnd(14)} ${String(s.calls).padStart(5)} calls ${(s.ms / 1000).toFixed(2).padStart(7)} s  ${(s.px / 1e6).toFixed(2)} MP`);
}
