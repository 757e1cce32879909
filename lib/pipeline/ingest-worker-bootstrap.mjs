// Loads the ingest's reading worker in a worker thread: the compiled module when the main thread
// built one (workerData.compiled, ./compile-ingest-worker.ts: plain JavaScript, no loader in the
// way), else the TypeScript (ingest-worker.ts) through tsx's loader, registered for this thread.
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';

if (workerData?.compiled) {
  await import(pathToFileURL(workerData.compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./ingest-worker.ts');
}
