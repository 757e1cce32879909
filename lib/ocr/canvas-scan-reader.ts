/**
 * A scan reader (./scan-reader.ts) built from what an environment supplies — a canvas factory,
 * an image decoder and where tesseract.js finds its worker, core and models — so that the same
 * reading runs wherever those exist. The browser's upload worker builds it with OffscreenCanvas
 * and the app's /ocr/ route (lib/ocr/browser-scan-reader.ts); nothing here touches a DOM, a
 * file system or the network by itself.
 */
import { renderPdfPages, type CreateCanvas } from './render-pdf-pages';
import { readScannedPages, type ScanReading } from './read-scanned-pages';
import type { ScanReader } from './scan-reader';
import { createTesseractEngine, type TesseractModelPaths } from './tesseract-engine';
import { grayFromRgba, type GrayImage } from './page-image';

/** What the environment gives the reader. */
export interface ScanEnvironment {
  /** Makes a canvas (pages are rendered onto it). */
  createCanvas: CreateCanvas;
  /** Decodes a PNG or JPEG file into RGBA pixels (4 bytes a pixel, row-major); rejects when it cannot. */
  decodeImage(bytes: Uint8Array): Promise<{ width: number; height: number; data: Uint8Array | Uint8ClampedArray }>;
  /** Where tesseract.js finds its models (and its worker and core, in `workerOptions`). */
  models: TesseractModelPaths;
  /** pdf.js's data URLs and any other getDocument option (e.g. a `CanvasFactory` class for a worker without a DOM). */
  pdf?: { cMapUrl?: string; standardFontDataUrl?: string; documentOptions?: Record<string, unknown> };
  /** Told how many pages a file will have read by OCR, before the reading starts (for a time budget). */
  onPages?: (pages: number) => void;
}

/**
 * A scan reader for `env`. Each call starts its own engine and ends it, as the Node reader does.
 * @returns the reader; its calls reject when a page cannot be rendered, an image cannot be
 *   decoded or the engine cannot load (the read path turns that into a record saying OCR failed)
 */
export function canvasScanReader(env: ScanEnvironment): ScanReader {
  const read = async (pages: readonly GrayImage[]): Promise<ScanReading> => {
    const engine = await createTesseractEngine(env.models);
    try {
      return await readScannedPages(pages, engine);
    } finally {
      await engine.close();
    }
  };
  return {
    async readPdf(bytes) {
      return read(await renderPdfPages(bytes, env.createCanvas, { ...env.pdf, onPages: env.onPages }));
    },
    async readImage(bytes) {
      env.onPages?.(1);
      const { width, height, data } = await env.decodeImage(bytes);
      return read([grayFromRgba(data, width, height)]);
    },
  };
}
