/**
 * The browser tests' own small framework: suites of named tests, assertions that say what
 * differed, and the environment a test gets — the shared server, the data files it serves, and
 * `freshPage()`, a page in a new isolated context of one Chromium shared by the whole run, closed
 * after the test (so every test starts from nothing: no cookies, cache, IndexedDB or
 * sessionStorage). Suites whose steps are one story (`ordered`) manage one persistent profile
 * themselves with `openProfile` (a Chromium of its own, which they may restart).
 *
 * Every page's console errors and every context's requests go to run-wide logs, which the
 * hygiene suite checks (no console errors, no request to any host but 127.0.0.1/localhost).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { STEP_MS } from '../harness/bounded-waits';
import { launchChromium, launchProfile, newIsolatedContext, type RequestLog } from '../harness/chromium';
import type { AppServer } from '../harness/next-server';
import type { DataFiles } from './data-files';

/** The suites, by surface of the app; `npm run test:browser -- NAME` runs one. */
export const SUITE_NAMES = ['views', 'filters-csv', 'review-chain', 'coverage-links', 'agency', 'sort-compare', 'group-by', 'regions', 'indicators-peers', 'uploads', 'hygiene'] as const;
/** The name of one suite. */
export type SuiteName = (typeof SUITE_NAMES)[number];

/** One test: its name, its body and its time limit (ms, default 180 s); `skip` says why it does not run. */
export interface TestCase {
  name: string;
  run: () => Promise<void>;
  ms?: number;
  skip?: string;
}

/** What a suite's tests get from the runner. */
export interface SuiteEnv {
  /** The server this suite runs against (the shared one, or the uploads suite's seeds-only one). */
  server: AppServer;
  /** The data files that server serves (expected values come from here). */
  data: DataFiles;
  /** Run-wide request log (all contexts of all suites). */
  requests: RequestLog;
  /** Run-wide console errors (`URL :: text`) of the watched pages. */
  consoleErrors: string[];
  /**
   * A page in a new isolated context (empty storage) of the run's shared Chromium, closed when
   * the current test ends. `watchConsole:
   * false` for pages whose errors are expected (a 404 on purpose).
   */
  freshPage: (opts?: { watchConsole?: boolean }) => Promise<Page>;
  /** Chromium on profile folder `dir` (kept: the caller closes the context and deletes the folder). */
  openProfile: (dir: string) => Promise<BrowserContext>;
  /** Records the console errors of `page` into `consoleErrors`. */
  watchConsole: (page: Page) => void;
  /** Registers `fn` to run when the current test ends (pass or fail). */
  afterTest: (fn: () => Promise<void> | void) => void;
}

/**
 * A suite: its name, which server it needs, whether its tests are one ordered story, and its
 * tests (built once the environment exists); `close` runs after its last test.
 */
export interface Suite {
  name: SuiteName;
  server: 'shared' | 'seeds-only';
  ordered?: boolean;
  open: (env: SuiteEnv) => Promise<{ tests: TestCase[]; close?: () => Promise<void> }> | { tests: TestCase[]; close?: () => Promise<void> };
}

/** Throws `Error(message)` when `cond` is falsy. */
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** Throws `WHAT: expected E, got A` when `actual` and `expected` differ as JSON. */
export function assertEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** A new empty temporary folder whose name starts with `prefix`. */
export const tempDir = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix));

/** The run's shared Chromium (launched on first use, again if it has died), or null before. */
let shared: Promise<Browser> | null = null;

/** The run's shared Chromium, launched on first use; rejects when it cannot start within 60 s. */
function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    const launched = launchChromium();
    shared = launched;
    launched.then(
      (b) => b.on('disconnected', () => { if (shared === launched) shared = null; }),
      () => { if (shared === launched) shared = null; },
    );
  }
  return shared;
}

/** Closes the run's shared Chromium, if one was launched (the runner calls it once, at the end). */
export async function closeSharedBrowser(): Promise<void> {
  const b = shared;
  shared = null;
  if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
}

/**
 * The runner's side of SuiteEnv: fresh pages are opened in new isolated contexts of the shared
 * Chromium and closed after the test by `endTest()`; console errors and requests go to the given
 * run-wide logs.
 */
export function makeSuiteEnv(server: AppServer, data: DataFiles, requests: RequestLog, consoleErrors: string[]): SuiteEnv & { endTest: () => Promise<void> } {
  let cleanups: Array<() => Promise<void> | void> = [];
  const watchConsole = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()} :: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()} :: pageerror ${e.message}`));
  };
  const openProfile = (dir: string) => launchProfile(dir, requests, STEP_MS);
  return {
    server,
    data,
    requests,
    consoleErrors,
    watchConsole,
    openProfile,
    afterTest: (fn) => cleanups.push(fn),
    freshPage: async (opts) => {
      const context = await newIsolatedContext(await sharedBrowser(), requests, STEP_MS);
      cleanups.push(() => context.close().catch(() => undefined));
      const page = await context.newPage();
      if (opts?.watchConsole !== false) watchConsole(page);
      return page;
    },
    endTest: async () => {
      const todo = cleanups.reverse();
      cleanups = [];
      for (const fn of todo) await fn();
    },
  };
}
