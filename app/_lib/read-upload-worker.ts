/**
 * The reader thread of uploads (a module Web Worker, started by ./upload-browser.ts with
 * `new Worker(new URL('./read-upload-worker.ts', import.meta.url), { type: 'module' })`, so Next
 * bundles it and serves it from the app): it answers each {@link UploadReadRequest} with the outcome
 * of the ingest's read path (lib/upload/read-upload-batch.ts answerReadRequest → readUploadedFile →
 * lib/read readReport) and posts it back; the page only receives finished records. A file that
 * loops, overflows or exhausts memory here leaves the page's thread free; the page ends this worker
 * when a file exceeds the time budget.
 *
 * pdf.js runs inside this worker without a worker of its own: its worker module is imported here,
 * which puts its message handler on `globalThis.pdfjsWorker`, and pdf.js then runs its parser
 * in-process (its "fake worker") — no further script is fetched. (Importing it also makes pdf.js
 * attach a handler to this worker's port and post one `ready` message of its own; the page ignores
 * messages that are not the upload protocol's, and pdf.js ignores ours.) Character maps and standard
 * fonts come from the app's /pdfjs/ routes (the request's options). A scanned PDF or an image is
 * read by OCR (lib/ocr/browser-scan-reader.ts: tesseract.js from the app's /ocr/ route, loaded
 * only for such a file); its page count is posted first (`upload-ocr-pages`) so that the page gives
 * the file a time budget that fits. No request goes to another host.
 */
import './zod-jitless'; // first: no eval probe under the CSP (./zod-jitless.ts)
import { answerReadRequest } from '@/lib/upload/answer-read-request';
import { browserScanReaderLoader } from '@/lib/ocr/browser-scan-reader';
import { isUploadReadRequest, READER_READY, type UploadOcrPages, type UploadReadReply } from '@/lib/upload/read-upload-batch';

/** This worker's global scope, as far as it is used here (the DOM's types describe a window). */
const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
  postMessage(message: UploadReadReply | UploadOcrPages | typeof READER_READY): void;
  location: { origin: string };
};

/** pdf.js's parser, loaded once into this worker on the first request (see the module comment). */
let pdfParser: Promise<unknown> | null = null;

scope.addEventListener('message', (e) => {
  const request = e.data;
  if (!isUploadReadRequest(request)) return;
  void (async () => {
    pdfParser ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').catch(() => null);
    await pdfParser;
    // A scan or an image is read by OCR here (lib/ocr/browser-scan-reader.ts, loaded only then); the page is told its pages to extend the file's time budget.
    const ocr = browserScanReaderLoader({ ...request.options.pdf, origin: scope.location.origin, onPages: (pages) => scope.postMessage({ kind: 'upload-ocr-pages', seq: request.seq, pages }) });
    const withOcr = { ...request, options: { ...request.options, ocr } } as typeof request & { file: File };
    scope.postMessage(await answerReadRequest(withOcr, (f) => f.arrayBuffer()));
  })();
});

scope.postMessage(READER_READY);
