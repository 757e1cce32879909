/**
 * The time budget of a file read by OCR in the ingest's isolated reader (./isolated-reader.ts).
 * OCR takes ~7–9 s a page on the build machine (README, "Tables printed as images"), so a 5-page
 * scan cannot finish in the 30 s a text file gets. The reading worker says when a file goes to
 * OCR and how many pages it has ({@link reportOcrPages}, called by ./ocr-node.ts once the PDF is
 * open); the parent then extends that file's budget to its base plus {@link OCR_PAGE_BUDGET_MS}
 * a page ({@link ocrBudgetMs}, at most {@link OCR_EXTRA_MAX_MS} more), and a file that still runs
 * past it gets a message saying that OCR was what took the time and what to do
 * ({@link ocrTimeoutMessage}: `--timeout-s`).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** Time added to a file's budget per page read by OCR (ms): 20 s, twice the ~7–9 s measured. */
export const OCR_PAGE_BUDGET_MS = 20_000;

/** Most time OCR may add to a file's budget (ms): 10 min (30 pages at 20 s). */
export const OCR_EXTRA_MAX_MS = 600_000;

/** The worker's message that the file being read goes to OCR with `pages` pages. */
export interface OcrPagesMessage {
  kind: 'ocr-pages';
  pages: number;
}

/** Whether `m` is an {@link OcrPagesMessage}. */
export function isOcrPagesMessage(m: unknown): m is OcrPagesMessage {
  return typeof m === 'object' && m !== null && (m as OcrPagesMessage).kind === 'ocr-pages' && Number.isInteger((m as OcrPagesMessage).pages);
}

/** The key in the reading worker's `workerData` that asks it to report OCR pages (set by ./isolated-reader.ts). */
export const OCR_PROGRESS_FLAG = 'reportsOcrPages';

/**
 * Tells the isolated reader that the file being read goes to OCR with `pages` pages. Posts an
 * {@link OcrPagesMessage} to the parent only inside a reading worker started by
 * ./isolated-reader.ts (its `workerData` carries {@link OCR_PROGRESS_FLAG}); anywhere else (the
 * main thread, a test runner's thread) it does nothing.
 */
export function reportOcrPages(pages: number): void {
  if (isMainThread || !parentPort || !(workerData as Record<string, unknown> | null)?.[OCR_PROGRESS_FLAG]) return;
  const message: OcrPagesMessage = { kind: 'ocr-pages', pages };
  parentPort.postMessage(message);
}

/**
 * The budget of a file read by OCR (ms): `baseMs` plus `pageMs` for each of its `pages`, the
 * addition at most {@link OCR_EXTRA_MAX_MS}; never less than `baseMs`.
 */
export function ocrBudgetMs(baseMs: number, pages: number, pageMs = OCR_PAGE_BUDGET_MS): number {
  return baseMs + Math.min(OCR_EXTRA_MAX_MS, Math.max(0, pages) * pageMs);
}

/** Seconds for a message: whole seconds, or one decimal below a whole number. */
function seconds(ms: number): string {
  return ms % 1000 ? (ms / 1000).toFixed(1) : String(ms / 1000);
}

/**
 * Why a file read by OCR is `timeout`: its `pages` pages were not read within `budgetMs`. Names
 * the file, says it was OCR, and what to do: a larger `--timeout-s`, or a version with a text layer.
 */
export function ocrTimeoutMessage(name: string, budgetMs: number, pages: number): string {
  const suggested = Math.ceil(Math.max(budgetMs * 2, 60 + pages * 40_000) / 1000 / 60) * 60;
  return `${name}：这是扫描件或图片，文字识别（OCR）${pages} 页超过 ${seconds(budgetMs)} 秒仍未完成，已停止（每页约需 7–9 秒，机器繁忙时更久）。请用更长的时间上限重新导入（如 npm run ingest -- --timeout-s ${suggested} …），或提供带文字层的 PDF、Word 或文本版本。`;
}
