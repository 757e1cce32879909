/**
 * The browser tests' own small framework: suites of named tests, assertions that say what
 * differed, and the environment a test gets — the shared server, the data files it serves, and
 * `freshPage()`, a new page (tab) of the lane's shared browser profile, closed after the test.
 *
 * Like a shared server fixture (datasette's tests/test_playwright.py), the profile is made once
 * per lane of the run (two lanes by default, `--jobs N`: run-browser-tests.ts), so its HTTP cache and compiled-JS
 * cache persist from test to test: the 35 MB DuckDB wasm and the app's scripts are read from disk
 * rather than fetched from the server again. Every test still starts from nothing the app keeps:
 * when a test ends its pages are closed (sessionStorage belongs to the tab and goes with it) and
 * the cookies, permissions, localStorage, IndexedDB, Cache Storage and service workers of every
 * origin the lane visited are cleared (CDP Storage.clearDataForOrigin), before the next test opens a page.
 * Init scripts and routes go on the page (`page.addInitScript`), never on the shared context.
 * Suites whose steps are one story (`ordered`) manage one persistent profile themselves with
 * `openProfile` (a Chromium of its own, which they may restart).
 *
 * Every page's console errors and every context's requests go to run-wide logs, which the
 * hygiene suite checks (no console errors, no request to any host but 127.0.0.1/localhost).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { STEP_MS } from '../harness/bounded-waits';
import { launchProfile, type RequestLog } from '../harness/chromium';
import type { AppServer } from '../harness/next-server';
import type { DataFiles } from './data-files';

/** The suites, by surface of the app; `npm run test:browser -- NAME` runs one. */
export const SUITE_NAMES = ['views', 'filters-csv', 'review-chain', 'coverage-links', 'agency', 'sort-compare', 'group-by', 'regions', 'indicators-peers', 'uploads', 'share-csv', 'layout-a11y', 'print-card', 'proofread', 'manual-entry', 'ocr-upload', 'english', 'image-tables', 'hygiene'] as const;
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
   * A new page of the lane's shared profile, closed when the current test ends; the test starts
   * with no cookies, localStorage, IndexedDB or sessionStorage (see the module comment), but with
   * the HTTP cache warm. `watchConsole: false` for pages whose errors are expected (a 404 on purpose).
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

/**
 * Storage types cleared between tests (CDP Storage.clearDataForOrigin): everything an origin
 * keeps except the HTTP cache and the code cache, which the profile shares across tests.
 */
const CLEARED_STORAGE = 'cookies,file_systems,indexeddb,local_storage,websql,service_workers,cache_storage,shared_storage,storage_buckets,interest_groups';

/**
 * One lane's shared browser profile: a Chromium on a temporary profile folder, launched on first
 * use (again if it died), whose pages the tests open and whose storage is cleared between them.
 */
export class SharedProfile {
  private context: Promise<BrowserContext> | null = null;
  private dir: string | null = null;
  /** Origins (`http://127.0.0.1:PORT`) the profile's pages requested since the last clear. */
  private readonly origins = new Set<string>();

  constructor(private readonly requests: RequestLog) {}

  /** The running context, launched (≤ 60 s) on first use or after Chromium went away. */
  private open(): Promise<BrowserContext> {
    if (!this.context) {
      this.dir = tempDir('browser-tests-profile-');
      const launched = launchProfile(this.dir, this.requests, STEP_MS);
      this.context = launched;
      launched.then(
        (c) => {
          c.on('close', () => { if (this.context === launched) this.context = null; });
          c.on('request', (r) => {
            const u = new URL(r.url());
            if (u.protocol === 'http:' || u.protocol === 'https:') this.origins.add(u.origin);
          });
        },
        () => { if (this.context === launched) this.context = null; },
      );
    }
    return this.context;
  }

  /** A new page (tab) of the profile. Rejects when Chromium cannot start. */
  async newPage(): Promise<Page> {
    return (await this.open()).newPage();
  }

  /**
   * Closes every page but the profile's first (blank) tab and clears what the visited origins
   * keep ({@link CLEARED_STORAGE}), cookies and granted permissions. Never throws; when clearing
   * fails the profile is closed, so the next test gets a new one.
   */
  async reset(): Promise<void> {
    const current = this.context;
    if (!current) return;
    const context = await current.catch(() => null);
    if (!context) return;
    try {
      const [keeper, ...rest] = context.pages();
      for (const p of rest) await p.close().catch(() => undefined);
      const blank = keeper ?? (await context.newPage());
      const cdp = await context.newCDPSession(blank);
      for (const origin of this.origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: CLEARED_STORAGE });
      await cdp.detach().catch(() => undefined);
      this.origins.clear();
      await context.clearCookies();
      await context.clearPermissions();
    } catch (e) {
      console.log(`    (the shared browser profile could not be cleared, so it is restarted: ${e instanceof Error ? e.message : String(e)})`);
      await this.close();
    }
  }

  /** Closes the profile's Chromium and deletes its folder (the runner calls it at the end of a lane). */
  async close(): Promise<void> {
    const c = this.context;
    const dir = this.dir;
    this.context = null;
    this.dir = null;
    if (c) await (await c.catch(() => null))?.close().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The runner's side of SuiteEnv: fresh pages are opened in the lane's shared `profile` and
 * closed after the test by `endTest()`, which then clears the profile's storage; console errors
 * and requests go to the given run-wide logs.
 */
export function makeSuiteEnv(server: AppServer, data: DataFiles, profile: SharedProfile, requests: RequestLog, consoleErrors: string[]): SuiteEnv & { endTest: () => Promise<void> } {
  let cleanups: Array<() => Promise<void> | void> = [];
  let usedProfile = false;
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
      usedProfile = true;
      const page = await profile.newPage();
      cleanups.push(() => page.close().catch(() => undefined));
      if (opts?.watchConsole !== false) watchConsole(page);
      return page;
    },
    endTest: async () => {
      const todo = cleanups.reverse();
      cleanups = [];
      for (const fn of todo) await fn();
      if (usedProfile) await profile.reset();
      usedProfile = false;
    },
  };
}
