/**
 * Switches zod to its "jitless" mode in the browser, before any schema is built (imported first
 * by ../../instrumentation-client.ts for the pages and by ./read-upload-worker.ts for the upload
 * reader). zod 4 otherwise probes whether it may compile parsers with `new Function`; under the
 * app's Content-Security-Policy (no `'unsafe-eval'`, ./security-policy.ts) that probe is refused —
 * zod copes, but the browser reports a CSP violation on every page. Jitless parsing gives the same
 * results (a little slower, which the browser's few validations do not notice). Node (the ingest,
 * the tests) keeps the compiled parsers.
 */
import { config } from 'zod';

config({ jitless: true });
