/**
 * The OCR engine on tesseract.js 7 (Apache-2.0; WebAssembly, runs in Node and in a browser
 * worker) with the `@tesseract.js-data` LSTM models `eng` (numbers, with a digit whitelist) and
 * `chi_sim` (labels and prose). Chosen after measuring on this machine (README, "Tables printed as
 * images"): with the table's rules removed, `eng` with a digit whitelist read every number of the
 * corpus tables, lone zeros included; it is one package with its models as npm packages, no
 * native build and no model conversion.
 *
 * Nothing is downloaded at run time: `eng` and `chiSim` are folders the caller supplies (in Node
 * the package folders in node_modules, lib/pipeline/ocr-node.ts), read as gzip'd models.
 */
import type { OcrEngine, OcrItem, OcrLayout, OcrReading, OcrScript } from './ocr-engine';
import { toBmp } from './page-image';

/** Where the models are: folders holding `eng.traineddata.gz` and `chi_sim.traineddata.gz`. */
export interface TesseractModelPaths {
  eng: string;
  chiSim: string;
  /** tesseract.js worker options passed through (e.g. `workerPath`, `corePath` in a browser). */
  workerOptions?: Record<string, unknown>;
}

/** Confidence 0..100 of tesseract → 0..1 (2 decimals); 0 when no text. */
function confidenceOf(text: string, conf: number): number {
  return text ? Math.round(Math.max(0, Math.min(100, conf))) / 100 : 0;
}

interface TBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TItem {
  text: string;
  confidence: number;
  bbox: TBox;
}
interface TPage {
  blocks: Array<{ paragraphs: Array<{ lines: Array<TItem & { words: TItem[] }> }> }> | null;
}

function item(t: TItem): OcrItem {
  const text = t.text.trim();
  return { text, confidence: confidenceOf(text, t.confidence), box: { x: t.bbox.x0, y: t.bbox.y0, w: t.bbox.x1 - t.bbox.x0, h: t.bbox.y1 - t.bbox.y0 } };
}

/** The lines and words of a tesseract result (blocks → paragraphs → lines → words). */
function readingOf(page: TPage): OcrReading {
  const lines: OcrItem[] = [];
  const words: OcrItem[] = [];
  for (const b of page.blocks ?? []) {
    for (const p of b.paragraphs) {
      for (const l of p.lines) {
        const line = item(l);
        if (line.text) lines.push(line);
        for (const w of l.words) {
          const word = item(w);
          if (word.text) words.push(word);
        }
      }
    }
  }
  return { lines, words };
}

/**
 * Starts the engine: one `eng` worker (digits) and one `chi_sim` worker. Rejects when
 * tesseract.js or a model cannot be loaded (the caller turns that into a record saying so).
 */
export async function createTesseractEngine(models: TesseractModelPaths): Promise<OcrEngine> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  const common = { gzip: true, cacheMethod: 'none', ...(models.workerOptions ?? {}) };
  const workers = {
    digits: await createWorker(['eng'], OEM.LSTM_ONLY, { ...common, langPath: models.eng }),
    chinese: await createWorker(['chi_sim'], OEM.LSTM_ONLY, { ...common, langPath: models.chiSim }),
  };
  await workers.digits.setParameters({ tessedit_char_whitelist: '0123456789.,' });
  const psm: Record<OcrLayout, string> = { line: PSM.SINGLE_LINE, block: PSM.SINGLE_BLOCK, sparse: PSM.SPARSE_TEXT };
  const modes: Record<OcrScript, string> = { digits: '', chinese: '' };
  return {
    async read(img, script, layout): Promise<OcrReading> {
      const worker = workers[script];
      if (modes[script] !== psm[layout]) {
        await worker.setParameters({ tessedit_pageseg_mode: psm[layout] as never });
        modes[script] = psm[layout];
      }
      const bytes = toBmp(img);
      const image = typeof Buffer === 'undefined' ? new Blob([bytes as BlobPart]) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      const r = await worker.recognize(image as never, {}, { blocks: true });
      return readingOf(r.data as unknown as TPage);
    },
    async close() {
      await Promise.all([workers.digits.terminate(), workers.chinese.terminate()]);
    },
  };
}
