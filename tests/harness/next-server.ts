/**
 * The app's server for the browser tests and the benchmark: `next build` when there is no build
 * or app/, lib/ or the config changed since the last one, then the app's server (app/_server/serve-app.ts, as `npm start`) on a free port of
 * 127.0.0.1 with DATA_BUILD_DIR pointing at the data folder to serve. Servers run in their own
 * process group and are stopped by `stopServer`, on exit, and on Ctrl-C / SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './bounded-waits';

/** The repository's root folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The `next` binary of node_modules. */
export const NEXT_BIN = path.join(ROOT, 'node_modules', '.bin', 'next');
/** tsx, which runs `npm start`'s server (app/_server/serve-app.ts: Next behind a Node server that lets pre-compressed files out). */
const TSX_BIN = path.join(ROOT, 'node_modules', '.bin', 'tsx');
/** The server `npm start` runs, so the tests see what users get (pre-compressed answers included). */
const SERVE_APP = path.join(ROOT, 'app', '_server', 'serve-app.ts');
/** The environment of every child process (Next.js telemetry off). */
export const CHILD_ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/** Latest modification time (ms since the epoch) of the files below `p`, skipping `*.test.ts`; 0 when absent. */
function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).filter((n) => !n.endsWith('.test.ts')).map((n) => newest(path.join(p, n))));
}

/**
 * Whether .next holds a build of the current sources: `current` when .next/BUILD_ID is at least
 * as new as every file of app/, lib/, next.config.js and package.json (tests excepted), `stale`
 * when it is older, `missing` when there is none.
 */
export function nextBuildState(): 'current' | 'stale' | 'missing' {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'missing';
  const sourcesAt = Math.max(...['app', 'lib', 'next.config.js', 'package.json'].map((p) => newest(path.join(ROOT, p))));
  return statSync(buildId).mtimeMs >= sourcesAt ? 'current' : 'stale';
}

/**
 * Runs `next build` (output shown) when .next/BUILD_ID is missing or older than app/, lib/,
 * next.config.js or package.json. Returns `{ ok: false, error }` when the build fails.
 * `who` prefixes the progress line (e.g. `browser`, `bench-browser`).
 */
export function ensureNextBuild(who: string): { ok: true } | { ok: false; error: string } {
  const state = nextBuildState();
  if (state === 'current') return { ok: true };
  console.log(state === 'stale' ? `${who}: sources changed since the last build; running next build …` : `${who}: no build yet; running next build …`);
  const r = spawnSync(NEXT_BIN, ['build'], { cwd: ROOT, stdio: 'inherit', env: CHILD_ENV, timeout: 20 * 60_000 });
  return r.status === 0 ? { ok: true } : { ok: false, error: 'next build failed; see its output above, fix the error and run again' };
}

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

/** A running app server: its base URL (`http://127.0.0.1:PORT`, no trailing slash) and process. */
export interface AppServer {
  url: string;
  proc: ChildProcess;
  dataDir: string;
}

/** Servers started by this process, stopped on exit and on Ctrl-C / SIGTERM. */
const running = new Set<AppServer>();
let hooked = false;

let interruptCallback: (sig: string) => void = () => process.exit(1);

/**
 * Stops every running server on SIGINT/SIGTERM, then calls `cb(signal)` (which should print a
 * closing line and exit). Installed once; a later call replaces the callback.
 */
export function onInterrupt(cb: (sig: string) => void): void {
  interruptCallback = cb;
  hookSignals();
}

function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      for (const s of running) stopServer(s);
      interruptCallback(sig);
    });
  }
  process.on('exit', () => {
    for (const s of running) stopServer(s);
  });
}

/**
 * Starts the app's server (`npm start`'s app/_server/serve-app.ts) on a free port of 127.0.0.1 serving `dataDir` (DATA_BUILD_DIR) and waits
 * (≤ 60 s) until `/` answers 200. Output goes to `logFile` when given, else nowhere. Returns
 * `{ ok: false, error }` when the server exits or does not answer in time (then it is stopped).
 */
export async function startServer(dataDir: string, logFile?: string): Promise<{ ok: true; value: AppServer } | { ok: false; error: string }> {
  hookSignals();
  const port = await freePort();
  const proc = spawn(TSX_BIN, [SERVE_APP, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...CHILD_ENV, DATA_BUILD_DIR: dataDir },
    detached: true,
    stdio: ['ignore', logFile ? 'pipe' : 'ignore', logFile ? 'pipe' : 'ignore'],
  });
  if (logFile) {
    const log = createWriteStream(logFile);
    proc.stdout?.pipe(log);
    proc.stderr?.pipe(log);
  }
  const server: AppServer = { url: `http://127.0.0.1:${port}`, proc, dataDir };
  running.add(server);
  const where = logFile ? `; see ${logFile}` : '';
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) {
      running.delete(server);
      return { ok: false, error: `the app server exited with ${proc.exitCode}${where}` };
    }
    try {
      const r = await fetch(`${server.url}/`, { signal: AbortSignal.timeout(5_000) });
      if (r.ok) return { ok: true, value: server };
    } catch {
      // not up yet
    }
    await sleep(300);
  }
  stopServer(server);
  return { ok: false, error: `the app server did not answer on ${server.url} within 60 s${where}` };
}

/** Stops a server started by `startServer` (its whole process group). Safe to call twice or with null. */
export function stopServer(s: AppServer | null | undefined): void {
  if (!s) return;
  running.delete(s);
  if (!s.proc.pid || s.proc.exitCode !== null) return;
  try {
    process.kill(-s.proc.pid, 'SIGTERM'); // the whole process group we started (detached)
  } catch {
    // already gone
  }
}
