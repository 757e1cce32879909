/**
 * What lib/read needs to read a file whose tables are images: a scan reader that turns a PDF
 * without a text layer, or an image file (PNG, JPEG), into OCR text (./read-scanned-pages.ts
 * ScanReading). The environment builds it — in Node lib/pipeline/ocr-node.ts (@napi-rs/canvas,
 * tesseract.js with its models from node_modules) — and hands lib/read a loader, so the OCR code
 * and its models load only when a file needs them.
 */
import type { ScanReading } from './read-scanned-pages';

/** Reads scanned documents. Each call starts and ends its own engine; rejects when OCR fails (no model, an undecodable image). */
export interface ScanReader {
  /** The pages of a PDF rendered and read by OCR. */
  readPdf(bytes: Uint8Array): Promise<ScanReading>;
  /** One image file (PNG, JPEG) read by OCR as one page. */
  readImage(bytes: Uint8Array): Promise<ScanReading>;
}

/** Loads the scan reader on first need (a dynamic import), so nothing else pays for it. */
export type ScanReaderLoader = () => Promise<ScanReader>;

/** File endings read as images by OCR. */
export const IMAGE_EXTENSIONS: readonly string[] = ['.png', '.jpg', '.jpeg'];

/** Whether bytes start like a PNG (`\x89PNG`) or a JPEG (`FF D8 FF`). */
export function looksLikeImage(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff);
}
