/**
 * The OCR engine as this folder uses it: read an image with one of two models — `digits` (0-9,
 * `.` and `,` only: table numbers) or `chinese` (labels and prose) — in one of three layouts
 * (`line`: one line of text; `block`: a uniform block of lines; `sparse`: scattered text such
 * as the numbers of a table whose rules were removed), and get back the lines and the words with
 * their boxes (pixels of the given image) and confidences (0..1). An empty answer means "nothing
 * read" — never 0. The implementation is ./tesseract-engine.ts (tesseract.js, models from npm
 * packages: no request to any host); tests may supply another.
 */
import type { Box, GrayImage } from './page-image';

/** A word or a line read, with its box and the engine's confidence, 0..1. */
export interface OcrItem {
  text: string;
  confidence: number;
  box: Box;
}

/** What one reading of an image gives: its lines (top to bottom) and its words. */
export interface OcrReading {
  lines: OcrItem[];
  words: OcrItem[];
}

/** Which model reads: table numbers (`digits`) or Chinese text (`chinese`). */
export type OcrScript = 'digits' | 'chinese';

/** How the text is laid out in the image (see the module comment). */
export type OcrLayout = 'line' | 'block' | 'sparse';

/** What the reader needs of an OCR engine. */
export interface OcrEngine {
  /** Reads `img` with the model of `script` assuming `layout`; rejects only when the engine fails. */
  read(img: GrayImage, script: OcrScript, layout: OcrLayout): Promise<OcrReading>;
  /** Ends the engine's workers. */
  close(): Promise<void>;
}
