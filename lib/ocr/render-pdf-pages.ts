/**
 * Renders the pages of a PDF to grey images for OCR with pdf.js (the legacy build, as
 * lib/parse/parse-pdf-report.ts uses it). The canvas comes from the caller (`createCanvas`: in
 * Node @napi-rs/canvas, in a browser worker OffscreenCanvas), so this file runs in both.
 */
import { grayFromRgba, type GrayImage } from './page-image';

/** The part of a 2D canvas this file uses (both @napi-rs/canvas and OffscreenCanvas have it). */
export interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
}

/** Makes a canvas of the given size in pixels. */
export type CreateCanvas = (width: number, height: number) => CanvasLike;

/** Resolution pages are rendered at, in dots per inch (150: the form's 10.5 pt digits are ~22 px high). */
export const RENDER_DPI = 150;

interface Ctx2d {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}

/**
 * Renders every page (at most `maxPages`) at `dpi`.
 *
 * @param bytes the PDF file
 * @param createCanvas the canvas factory of the environment
 * @param options `cMapUrl` / `standardFontDataUrl` as for parsing, `dpi` (default {@link RENDER_DPI}),
 *   `maxPages` (default 60), `onPages` (told how many pages will be rendered, once the PDF is open),
 *   `documentOptions` (more getDocument options: in a worker without a DOM, a `CanvasFactory`
 *   making OffscreenCanvas and `disableFontFace`)
 * @returns the page images in order; rejects when pdf.js cannot open the file (the caller reports it)
 */
export async function renderPdfPages(
  bytes: Uint8Array,
  createCanvas: CreateCanvas,
  options: {
    cMapUrl?: string;
    standardFontDataUrl?: string;
    dpi?: number;
    maxPages?: number;
    onPages?: (pages: number) => void;
    documentOptions?: Record<string, unknown>;
  } = {},
): Promise<GrayImage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    cMapUrl: options.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: options.standardFontDataUrl,
    isEvalSupported: false,
    ...options.documentOptions,
  }).promise;
  try {
    const pages: GrayImage[] = [];
    const count = Math.min(doc.numPages, options.maxPages ?? 60);
    options.onPages?.(count);
    for (let p = 1; p <= count; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: (options.dpi ?? RENDER_DPI) / 72 });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const ctx = canvas.getContext('2d') as Ctx2d;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvasContext: ctx as never, viewport, canvas: canvas as never }).promise;
      pages.push(grayFromRgba(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height));
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
