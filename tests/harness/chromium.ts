/**
 * Debian's Chromium (/usr/bin/chromium) driven by playwright-core, the same way for the browser
 * tests and the benchmark: headless, no sandbox, no GPU, no QUIC and none of Chromium's own
 * background traffic, so that every request seen comes from the page. `guardRequests` records
 * every request to a host other than 127.0.0.1/localhost (the app must make none).
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install -y chromium fonts-noto-cjk`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Command-line switches of every launch. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The desktop viewport of the tests and the benchmark (CSS px). */
export const DESKTOP = { width: 1360, height: 900 };

/** What the request guard saw. */
export interface RequestLog {
  /** Full URLs of requests to any host but 127.0.0.1/localhost (blob: and data: excepted). */
  foreign: string[];
  /** `origin + path` of requests to the app's /data/ routes (what the page loads). */
  data: string[];
}

/** An empty request log. */
export const newRequestLog = (): RequestLog => ({ foreign: [], data: [] });

/** Records every request of `context` (all its pages) into `log`. */
export function guardRequests(context: BrowserContext, log: RequestLog): void {
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'blob:' || u.protocol === 'data:') return;
    if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') log.foreign.push(req.url());
    else if (u.pathname.startsWith('/data/')) log.data.push(`${u.origin}${u.pathname}`);
  });
}

/** Chromium without a profile (the benchmark: one context per size). Rejects when it cannot start within 60 s. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** The options every test context shares: desktop viewport, locale zh-CN, downloads accepted. */
const CONTEXT_OPTIONS = { acceptDownloads: true, viewport: DESKTOP, locale: 'zh-CN' } as const;

/** Sets `stepMs` as every action's default timeout of `context` and records its requests into `log`. */
function prepareContext(context: BrowserContext, log: RequestLog, stepMs: number): BrowserContext {
  context.setDefaultTimeout(stepMs);
  guardRequests(context, log);
  return context;
}

/**
 * A new isolated context of the running `browser` (no profile folder: its own empty cookies,
 * cache, IndexedDB, localStorage and sessionStorage, gone when it is closed), with the same
 * viewport, locale, downloads, `stepMs` timeout and request log as `launchProfile`. Some 0.3 s
 * instead of the 1–2 s of a new Chromium process. Rejects when the browser has closed.
 */
export async function newIsolatedContext(browser: Browser, log: RequestLog, stepMs: number): Promise<BrowserContext> {
  return prepareContext(await browser.newContext(CONTEXT_OPTIONS), log, stepMs);
}

/**
 * The V8 flags of the test profiles (`--js-flags=…`; the benchmark's `launchChromium` runs
 * without, as users do): CHROMIUM_JS_FLAGS when set (empty for none), else TEST_JS_FLAGS.
 */
function testJsFlags(): string[] {
  const flags = process.env.CHROMIUM_JS_FLAGS ?? TEST_JS_FLAGS;
  return flags ? [`--js-flags=${flags}`] : [];
}
/** The V8 flags the browser tests run with unless CHROMIUM_JS_FLAGS says otherwise. */
export const TEST_JS_FLAGS = '';

/**
 * Chromium with the persistent profile in folder `profile` (IndexedDB survives reloads and a
 * restart on the same folder), desktop viewport, locale zh-CN, downloads accepted, `stepMs` as
 * every action's default timeout, requests recorded into `log`. Rejects when Chromium cannot
 * start within 60 s.
 */
export async function launchProfile(profile: string, log: RequestLog, stepMs: number): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    ...CONTEXT_OPTIONS,
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...testJsFlags()],
    timeout: 60_000,
  });
  return prepareContext(context, log, stepMs);
}
