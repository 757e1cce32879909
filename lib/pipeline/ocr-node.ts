/**
 * The OCR scan reader in Node (lib/ocr/scan-reader.ts), for the ingest: PDF pages rendered by
 * pdf.js on @napi-rs/canvas at 150 dpi, PNG/JPEG decoded by the same canvas, read by tesseract.js
 * with the `eng` and `chi_sim` models of the installed `@tesseract.js-data` packages — files in
 * node_modules, nothing fetched. Loaded with a dynamic import by {@link loadNodeScanReader} only
 * when a file needs OCR. Each call starts its own engine and ends it (so no worker thread
 * outlives the file, and the isolated reader's time budget covers the whole reading).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ScanReader } from '../ocr/scan-reader';

const require = createRequire(import.meta.url);

/** Folder of a `@tesseract.js-data/<lang>` package's LSTM "best_int" model (4.0.0_best_int/<lang>.traineddata.gz). */
function modelFolder(lang: 'eng' | 'chi_sim'): string {
  return path.join(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int');
}

/** pdf.js's data folders in the installed pdfjs-dist (as the ingest's PARSE_OPTIONS). */
function pdfjsFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  const dir = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return { cMapUrl: path.join(dir, 'cmaps') + path.sep, standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep };
}

/** The Node scan reader. Rejects (per call) when a model is missing or an image cannot be decoded. */
export async function createNodeScanReader(): Promise<ScanReader> {
  const [{ createCanvas, loadImage }, { renderPdfPages }, { readScannedPages }, { createTesseractEngine }, { grayFromRgba }] = await Promise.all([
    import('@napi-rs/canvas'),
    import('../ocr/render-pdf-pages'),
    import('../ocr/read-scanned-pages'),
    import('../ocr/tesseract-engine'),
    import('../ocr/page-image'),
  ]);
  const withEngine = async <T>(run: (engine: Awaited<ReturnType<typeof createTesseractEngine>>) => Promise<T>): Promise<T> => {
    const engine = await createTesseractEngine({ eng: modelFolder('eng'), chiSim: modelFolder('chi_sim') });
    try {
      return await run(engine);
    } finally {
      await engine.close();
    }
  };
  return {
    async readPdf(bytes) {
      const pages = await renderPdfPages(bytes, (w, h) => createCanvas(w, h) as never, pdfjsFolders());
      return withEngine((engine) => readScannedPages(pages, engine));
    },
    async readImage(bytes) {
      const img = await loadImage(Buffer.from(bytes));
      const canvas = createCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, img.width, img.height);
      ctx.drawImage(img, 0, 0);
      const page = grayFromRgba(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height);
      return withEngine((engine) => readScannedPages([page], engine));
    },
  };
}

