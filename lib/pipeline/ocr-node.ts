/**
 * The OCR scan reader in Node (lib/ocr/scan-reader.ts), for the ingest: PDF pages rendered by
 * pdf.js on @napi-rs/canvas at 150 dpi, PNG/JPEG decoded by the same canvas, read by tesseract.js
 * with the `eng` and `chi_sim` models of the installed `@tesseract.js-data` packages — files in
 * node_modules, nothing fetched. Loaded with a dynamic import by {@link loadNodeScanReader} only
 * when a file needs OCR. Each call starts its own engine and ends it (so no worker thread
 * outlives the file, and the isolated reader's time budget covers the whole reading). The pages
 * to read are reported to the isolated reader (./isolated-reader-ocr-budget.ts), which extends the
 * file's time budget to fit them.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ScanReader } from '../ocr/scan-reader';
import { reportOcrPages } from './isolated-reader-ocr-budget';

const require = createRequire(import.meta.url);

/** Folder of a `@tesseract.js-data/<lang>` package's LSTM "best_int" model (4.0.0_best_int/<lang>.traineddata.gz). */
function modelFolder(lang: 'eng' | 'chi_sim'): string {
  return path.join(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int');
}

/** The model folders of the installed `@tesseract.js-data` packages, as lib/ocr/tesseract-engine.ts takes them (also used by tests/bench/ocr-*.ts). */
export function nodeModelFolders(): { eng: string; chiSim: string } {
  return { eng: modelFolder('eng'), chiSim: modelFolder('chi_sim') };
}

/** pdf.js's data folders in the installed pdfjs-dist (as the ingest's PARSE_OPTIONS). */
function pdfjsFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  const dir = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return { cMapUrl: path.join(dir, 'cmaps') + path.sep, standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep };
}

/** The largest image decoded, in megapixels (a 600 dpi A4 page is ~35 MP). */
const MAX_IMAGE_MP = 60;

/**
 * Decodes a PNG or JPEG file to RGBA pixels with pure-JavaScript decoders (pngjs, jpeg-js): a
 * malformed file throws an ordinary error. Not @napi-rs/canvas's loadImage — it crashes the whole
 * process (SIGSEGV) on a truncated PNG, which no worker thread or try/catch can contain.
 * @throws Error with a Chinese sentence when the bytes are neither a PNG nor a JPEG, or cannot be decoded.
 */
export async function decodeImageRgba(bytes: Uint8Array): Promise<{ width: number; height: number; data: Uint8Array }> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isPng = buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47;
  const isJpeg = buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff;
  try {
    if (isPng) {
      const { PNG } = await import('pngjs');
      const png = PNG.sync.read(buf);
      if ((png.width * png.height) / 1e6 > MAX_IMAGE_MP) throw new Error(`${png.width}×${png.height} 像素，超过 ${MAX_IMAGE_MP} 百万像素`);
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
    }
    if (isJpeg) {
      const jpeg = (await import('jpeg-js')).default;
      const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_MP, maxMemoryUsageInMB: 1024 });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch (e) {
    throw new Error(`图片无法解码（${e instanceof Error ? e.message : String(e)}）`);
  }
  throw new Error('文件不是 PNG 或 JPEG 图片');
}

/** The Node scan reader. Rejects (per call) when a model is missing or an image cannot be decoded. */
export async function createNodeScanReader(): Promise<ScanReader> {
  // A file goes to OCR: at least one page (loading the engine's code is slow too); the PDF's real count follows once it is open.
  reportOcrPages(1);
  const [{ createCanvas }, { renderPdfPages }, { readScannedPages }, { createTesseractEngine }, { grayFromRgba }] = await Promise.all([
    import('@napi-rs/canvas'),
    import('../ocr/render-pdf-pages'),
    import('../ocr/read-scanned-pages'),
    import('../ocr/tesseract-engine'),
    import('../ocr/page-image'),
  ]);
  const withEngine = async <T>(run: (engine: Awaited<ReturnType<typeof createTesseractEngine>>) => Promise<T>): Promise<T> => {
    const engine = await createTesseractEngine(nodeModelFolders());
    try {
      return await run(engine);
    } finally {
      await engine.close();
    }
  };
  return {
    async readPdf(bytes) {
      const pages = await renderPdfPages(bytes, (w, h) => createCanvas(w, h) as never, { ...pdfjsFolders(), onPages: reportOcrPages });
      return withEngine((engine) => readScannedPages(pages, engine));
    },
    async readImage(bytes) {
      reportOcrPages(1);
      const img = await decodeImageRgba(bytes);
      const page = grayFromRgba(img.data, img.width, img.height);
      return withEngine((engine) => readScannedPages([page], engine));
    },
  };
}

