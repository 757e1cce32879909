/**
 * The OCR scan reader in the browser's upload worker (issue 13): a scanned PDF or a PNG/JPEG is
 * rendered or decoded on an OffscreenCanvas and read by tesseract.js's browser build, whose worker
 * script, wasm core and `eng` / `chi_sim` models all come from the app's own /ocr/ route
 * (app/ocr/[name]/route.ts) — no request leaves the app's origin. Everything OCR needs is behind
 * the loader's dynamic import, so the page and the reader of text files never load it.
 * Browser-only (OffscreenCanvas, createImageBitmap); no DOM, so it runs in a worker.
 */
import type { ScanReaderLoader } from './scan-reader';

/** What the worker's OCR needs: the app's origin (`self.location.origin`), pdf.js's data URLs, and who is told the pages to read. */
export interface BrowserOcrSetup {
  origin: string;
  cMapUrl?: string;
  standardFontDataUrl?: string;
  onPages?: (pages: number) => void;
}

/** A 2D context of an OffscreenCanvas, as far as it is used here. */
interface Ctx {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  drawImage(image: unknown, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}

/** OffscreenCanvas as this file uses it (typed here: the app's TypeScript lib is the DOM's). */
type Offscreen = { width: number; height: number; getContext(kind: '2d', opts?: unknown): unknown };
const makeCanvas = (w: number, h: number): Offscreen => new (globalThis as unknown as { OffscreenCanvas: new (w: number, h: number) => Offscreen }).OffscreenCanvas(w, h);

/**
 * pdf.js's canvas factory for a worker: its temporary canvases are OffscreenCanvas (the default
 * factory creates `<canvas>` elements through `document`, which a worker has not).
 */
class OffscreenCanvasFactory {
  /** pdf.js passes `{ ownerDocument, enableHWA }`; neither applies here. */
  constructor(_options?: unknown) {}
  create(width: number, height: number) {
    const canvas = makeCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(cc: { canvas: Offscreen }, width: number, height: number) {
    cc.canvas.width = width;
    cc.canvas.height = height;
  }
  destroy(cc: { canvas: Offscreen | null; context: unknown }) {
    if (cc.canvas) cc.canvas.width = cc.canvas.height = 0;
    cc.canvas = null;
    cc.context = null;
  }
}

/** Decodes a PNG or JPEG into RGBA pixels on white; rejects when the browser cannot decode it. */
async function decodeImage(bytes: Uint8Array): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
  const canvas = makeCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as Ctx;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, bitmap.width, bitmap.height);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { width: canvas.width, height: canvas.height, data: ctx.getImageData(0, 0, canvas.width, canvas.height).data };
}

/**
 * The loader of the browser scan reader, for ReadOptions.ocr (lib/read/read-report.ts).
 * @param setup the app's origin (the /ocr/ route is under it), pdf.js's data URLs, the pages callback
 * @returns a loader that imports the OCR code on first call; the reader's calls reject when the
 *   engine cannot load (e.g. the /ocr/ route answers 404) — the read path then says OCR failed
 */
export function browserScanReaderLoader(setup: BrowserOcrSetup): ScanReaderLoader {
  return async () => {
    const { canvasScanReader } = await import('./canvas-scan-reader');
    const base = `${setup.origin}/ocr`;
    return canvasScanReader({
      createCanvas: makeCanvas,
      decodeImage,
      models: { eng: base, chiSim: base, workerOptions: { workerPath: `${base}/worker.min.js`, corePath: base, workerBlobURL: false } },
      pdf: {
        cMapUrl: setup.cMapUrl,
        standardFontDataUrl: setup.standardFontDataUrl,
        documentOptions: { CanvasFactory: OffscreenCanvasFactory, disableFontFace: true, isOffscreenCanvasSupported: true },
      },
      onPages: setup.onPages,
    });
  };
}
