/**
 * The ingest's reading worker (./ingest-worker.ts) compiled once per process into one ES module
 * by esbuild (the bundler tsx itself runs on), so that the worker threads run plain JavaScript
 * instead of TypeScript through tsx's loader: tsx's per-function wrappers cost ~1.25× in parsing
 * (issue 15, tests/bench/bench-parse.ts). The module is written under the project's
 * node_modules/.cache (so that pdf.js, left out of the bundle, resolves from there) and removed
 * when the process exits. When esbuild is not there or the build fails, the workers run the
 * TypeScript through tsx as before (./ingest-worker-bootstrap.mjs). Modules left by a process
 * that was killed are removed by the next build.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let compiled: Promise<string | null> | null = null;

/** Whether process `pid` is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the compiled workers left by processes that ended without removing theirs (killed). */
function removeStale(dir: string): void {
  for (const f of readdirSync(dir)) {
    const pid = /^ingest-worker-(\d+)-\d+\.mjs$/.exec(f)?.[1];
    if (pid && Number(pid) !== process.pid && !alive(Number(pid))) rmSync(path.join(dir, f), { force: true });
  }
}

/** Bundles ./ingest-worker.ts; the file's path, or null when esbuild is unavailable or fails. */
async function build(): Promise<string | null> {
  try {
    const esbuild = await import('esbuild');
    const dir = path.resolve(here, '../../node_modules/.cache/gov-disclosure-reports');
    mkdirSync(dir, { recursive: true });
    removeStale(dir);
    const outfile = path.join(dir, `ingest-worker-${process.pid}-${Date.now()}.mjs`);
    await esbuild.build({
      entryPoints: [path.join(here, 'ingest-worker.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // OCR (./ocr-node.ts): tesseract.js starts its own worker script by path and @napi-rs/canvas is a native module, so both stay packages.
      external: ['pdfjs-dist', 'pdfjs-dist/*', 'tesseract.js', '@napi-rs/canvas'],
      logLevel: 'silent',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
    process.once('exit', () => rmSync(outfile, { force: true }));
    return outfile;
  } catch {
    return null;
  }
}

/**
 * The compiled worker module's path (built on the first call of the process, then reused), or
 * null: run the TypeScript worker through tsx. Never throws.
 */
export function compiledIngestWorker(): Promise<string | null> {
  compiled ??= build();
  return compiled;
}
