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
 * fonts come from the app's /pdfjs/ routes (the request's options). No request goes to another host.
 */
import './zod-jitless'; // first: no eval probe under the CSP (./zod-jitless.ts)
import { answerReadRequest } from '@/lib/upload/answer-read-request';
import { isUploadReadRequest, READER_READY, type UploadReadReply } from '@/lib/upload/read-upload-batch';

/** This worker's global scope, as far as it is used here (the DOM's types describe a window). */
const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
  postMessage(message: UploadReadReply | typeof READER_READY): void;
};

/** pdf.js's parser, loaded once into this worker on the first request (see the module comment). */
let pdfParser: Promise<unknown> | null = null;

scope.addEventListener('message', (e) => {
  const request = e.data;
  if (!isUploadReadRequest(request)) return;
  void (async () => {
    pdfParser ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').catch(() => null);
    await pdfParser;
    scope.postMessage(await answerReadRequest(request as typeof request & { file: File }, (f) => f.arrayBuffer()));
  })();
});

scope.postMessage(READER_READY);
