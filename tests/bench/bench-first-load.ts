/**
 * The first load's transferred bytes (issue 15, target ≤ 8 MB with the embedded data): the
 * dashboard opened in a fresh Chromium context with an empty cache, until DuckDB is ready and
 * reports.csv and flags.csv are loaded; every response's bytes on the wire (the page's and its
 * workers': headers + body as sent, compressed when it was) summed, and
 * the largest responses listed with their Content-Encoding. Measured twice: as Chromium asks
 * (`Accept-Encoding: gzip, deflate, br, zstd`: the pre-compressed copies, app/_lib/precompressed-file.ts)
 * and with `Accept-Encoding: identity` (everything as stored: the figure before issue 15).
 * Before measuring, the `.br`/`.gz` copies of .next/static and the data folder are brought up to
 * date (lib/pipeline/precompress-assets.ts), as `npm start` does.
 *
 * Run by `npm run bench` (BENCH_ONLY=first-load for this alone) over data/build, or alone:
 * `npx tsx tests/bench/bench-first-load.ts [DATA_DIR]`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { precompressFolder } from '../../lib/pipeline/precompress-assets';
import { launchChromium, newIsolatedContext, newRequestLog } from '../harness/chromium';
import { ensureNextBuild, ROOT, startServer, stopServer } from '../harness/next-server';

/** One response of a load: path, bytes on the wire, Content-Encoding. */
export interface LoadedResponse {
  path: string;
  bytes: number;
  encoding: string;
}

/** The figures of one load. */
export interface FirstLoadFigures {
  /** The Accept-Encoding the page sent (`browser default` or `identity`). */
  acceptEncoding: string;
  requests: number;
  /** Bytes on the wire until DuckDB had every table (headers included). */
  bytes: number;
  /** Navigation → reports and flags loaded (ms). */
  readyMs: number;
  /** The five largest responses. */
  largest: LoadedResponse[];
}

/**
 * Opens the dashboard once in `context` (a fresh one: empty cache) with the given Accept-Encoding
 * override and sums what came over the wire: Playwright's `requestfinished` events of the context
 * cover the page and its workers (DuckDB's worker fetches the wasm), `request.sizes()` gives the
 * bytes as received (body encoded, headers included).
 */
async function measureLoad(context: BrowserContext, url: string, acceptEncoding: string | null): Promise<FirstLoadFigures> {
  if (acceptEncoding) await context.setExtraHTTPHeaders({ 'Accept-Encoding': acceptEncoding });
  const pending: Array<Promise<LoadedResponse>> = [];
  context.on('requestfinished', (req) => {
    pending.push(
      (async () => {
        const [sizes, res] = await Promise.all([req.sizes(), req.response()]);
        const encoding = (await res?.allHeaders())?.['content-encoding'] ?? '';
        return { path: new URL(req.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize, encoding };
      })(),
    );
  });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${url}/`, { waitUntil: 'commit', timeout: 60_000 });
  await page.waitForSelector('[data-testid="db-summary"], [data-testid="db-error"]', { timeout: 300_000 });
  const err = await page.$('[data-testid="db-error"]');
  if (err) throw new Error(`page error: ${(await err.innerText()).replace(/\s+/g, ' ').slice(0, 300)}`);
  await page.waitForFunction(() => performance.getEntriesByName('db-load-tables').length > 0, undefined, { timeout: 300_000, polling: 50 });
  const readyMs = Date.now() - t0;
  await page.waitForTimeout(500); // the last requestfinished events
  const done = await Promise.all(pending);
  await page.close();
  const largest = [...done].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  return { acceptEncoding: acceptEncoding ?? 'browser default', requests: done.length, bytes: done.reduce((s, r) => s + r.bytes, 0), readyMs, largest };
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(2)} MB`;

/**
 * Measures the first load over `dataDir` with and without compression; prints one line per load
 * and its largest responses. Resolves to the two figures, or `{ error }` when the build, the server
 * or the page failed.
 */
export async function benchFirstLoad(dataDir: string): Promise<{ loads: FirstLoadFigures[] } | { error: string }> {
  const built = ensureNextBuild('bench-first-load');
  if (!built.ok) return { error: built.error };
  for (const dir of [path.join(ROOT, '.next', 'static'), dataDir]) {
    const s = await precompressFolder(dir);
    console.log(`bench-first-load: ${path.relative(ROOT, dir) || dir}: ${s.files} files, ${s.written} compressed now (${(s.ms / 1000).toFixed(1)} s)`);
  }
  // `npm start`'s server (app/_server/serve-app.ts: lets the compressed copies out with their Content-Encoding).
  const started = await startServer(dataDir);
  if (!started.ok) return { error: started.error };
  const server = started.value;
  const browser = await launchChromium();
  try {
    const loads: FirstLoadFigures[] = [];
    for (const ae of [null, 'identity']) {
      const context = await newIsolatedContext(browser, newRequestLog(), 300_000);
      try {
        const f = await measureLoad(context, server.url, ae);
        loads.push(f);
        console.log(`bench-first-load: first load (${f.acceptEncoding}) ${mb(f.bytes)} in ${f.requests} responses, ready after ${f.readyMs} ms; largest: ${f.largest.map((r) => `${r.path.replace(/^.*\//, '')} ${mb(r.bytes)}${r.encoding ? ` ${r.encoding}` : ''}`).join(', ')}`);
      } finally {
        await context.close();
      }
    }
    return { loads };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  } finally {
    await browser.close();
    stopServer(server);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await benchFirstLoad(path.resolve(process.argv[2] ?? path.join(ROOT, 'data', 'build')));
  if ('error' in r) {
    console.error(`bench-first-load: ${r.error}`);
    process.exitCode = 1;
  }
}
