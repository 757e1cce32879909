// Loads the TypeScript worker (ingest-worker.ts) in a worker thread: registers tsx's loader
// for this thread, then imports the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-worker.ts');
