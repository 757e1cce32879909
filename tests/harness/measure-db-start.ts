/**
 * `npx tsx tests/harness/measure-db-start.ts [LOADS]`: how long DuckDB takes to start on the first
 * and on repeat loads of the dashboard in one browser profile (the wasm code cache at work). Starts
 * `next start` on data/build (the build must exist), opens `/` LOADS times (default 3) in one
 * persistent Chromium profile, each in a new tab, and prints the page's `db-engine` and `db-total`
 * performance measures (ms, app/_lib/duckdb-browser.ts) per load. Exits 1 when a load fails.
 * PAUSE_MS=N waits N ms before closing each tab (time for Chromium to write its code cache);
 * KEEP_PROFILE=1 keeps the profile folder and prints it (look at `Default/Code Cache/wasm`: it
 * stays at 16 KB while the compiled wasm is not cached); CHROMIUM_JS_FLAGS='--liftoff-only' (or any V8
 * flags; harness/chromium.ts) compares how V8 compiles the wasm. Run it under `flock /tmp/heavy.lock`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureAppData } from './app-data';
import { artifact } from './artifacts';
import { DB_READY_MS, STEP_MS } from './bounded-waits';
import { launchProfile, newRequestLog } from './chromium';
import { startServer, stopServer } from './next-server';

/** Starts the server and the profile, loads the dashboard LOADS times, prints the timings. */
async function main(): Promise<void> {
  const loads = Number(process.argv[2] ?? 3);
  const data = ensureAppData();
  if (!data.ok) throw new Error(data.error);
  const server = await startServer(data.value, artifact('server-measure-db-start.log'));
  if (!server.ok) throw new Error(server.error);
  const dir = mkdtempSync(path.join(tmpdir(), 'measure-db-start-'));
  const context = await launchProfile(dir, newRequestLog(), STEP_MS);
  try {
    for (let i = 1; i <= loads; i++) {
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${server.value.url}/`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => performance.getEntriesByName('db-total').length > 0, undefined, { timeout: DB_READY_MS });
      const m = await page.evaluate(() => Object.fromEntries(['db-fetch', 'db-engine', 'db-total'].map((n) => [n, Math.round(performance.getEntriesByName(n)[0]?.duration ?? -1)])));
      console.log(`load ${i}: ${JSON.stringify(m)} (goto → db-total ${Date.now() - started} ms)`);
      if (process.env.PAUSE_MS) await new Promise((r) => setTimeout(r, Number(process.env.PAUSE_MS)));
      await page.close();
    }
  } finally {
    await context.close();
    if (process.env.KEEP_PROFILE) console.log(`profile kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
    stopServer(server.value);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
