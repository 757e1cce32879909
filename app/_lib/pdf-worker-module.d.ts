/**
 * Types of pdf.js's worker module, which pdfjs-dist ships without a declaration: imported by
 * ./read-upload-worker.ts for its side effect (it sets `globalThis.pdfjsWorker`, so pdf.js parses
 * in-process in the upload worker instead of starting a worker of its own).
 */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /** pdf.js's handler of a document's messages (opaque here). */
  export const WorkerMessageHandler: unknown;
}
