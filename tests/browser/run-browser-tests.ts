/**
 * `npm run test:browser [-- SUITE… | --suite SUITE] [--results FILE] [--jobs N]`: the browser tests of the
 * dashboard, by surface (./suites: views, filters-csv, review-chain, coverage-links, agency,
 * group-by, uploads, hygiene; all of them when none is named). Builds the data and the app when needed, starts
 * `next start` on a free port of 127.0.0.1 (../harness), and drives Debian's Chromium through
 * playwright-core. The suites run in N lanes at once (--jobs, BROWSER_JOBS, default 2: the run
 * took 444 s instead of 631 s on the 2-core CI machine, more tests included), each lane a Chromium of its own
 * taking the longest suites first, then hygiene alone; a suite's lines are printed as one block
 * when it ends. The tests of a lane share one browser profile, so its HTTP cache stays warm, and
 * every test opens fresh pages after the storage of the previous one was cleared
 * (browser-test-kit.ts SharedProfile), except the review chain, one ordered story on a profile
 * of its own. The uploads suite gets its own server on a seeds-only data build. Screenshots, downloads and server logs go to tests/browser/artifacts/ (gitignored).
 *
 * Environment: DATA_BUILD_DIR points the shared server and the checks at another data folder
 * (then `npm run build:data` is not run); BROWSER_RESULTS (or --results) names a JSON file for
 * the results (tests/run-all-tests.ts reads it). Prints `browser: N passed, M failed, K skipped`
 * last and exits 1 on any failure, 2 on an unknown suite name or a bad --jobs. Every wait is bounded; every
 * server is stopped.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ensureAppData, buildSeedsOnlyData } from '../harness/app-data';
import { ARTIFACTS, artifact } from '../harness/artifacts';
import { withTimeout } from '../harness/bounded-waits';
import { newRequestLog } from '../harness/chromium';
import { ensureNextBuild, onInterrupt, startServer, stopServer, type AppServer } from '../harness/next-server';
import { makeSuiteEnv, SharedProfile, SUITE_NAMES, type Suite, type SuiteName, type TestCase } from './browser-test-kit';
import { loadDataFiles } from './data-files';
import { agencySuite } from './suites/agency';
import { coverageLinksSuite } from './suites/coverage-links';
import { filtersCsvSuite } from './suites/filters-csv';
import { groupBySuite } from './suites/group-by';
import { hygieneSuite } from './suites/hygiene';
import { indicatorsPeersSuite } from './suites/indicators-peers';
import { layoutA11ySuite } from './suites/layout-a11y';
import { reviewChainSuite } from './suites/review-chain';
import { regionsSuite } from './suites/regions';
import { sortCompareSuite } from './suites/sort-compare';
import { uploadsSuite } from './suites/uploads';
import { shareCsvSuite } from './suites/share-csv';
import { viewsSuite } from './suites/views';
import { printCardSuite } from './suites/print-card';
import { proofreadSuite } from './suites/proofread';
import { manualEntrySuite } from './suites/manual-entry';
import { ocrUploadSuite } from './suites/ocr-upload';
import { englishSuite } from './suites/english';
import { imageTablesSuite } from './suites/image-tables';

/** Every suite, in the order they run (hygiene last: it checks the run-wide logs). */
const SUITES: Suite[] = [viewsSuite, filtersCsvSuite, reviewChainSuite, coverageLinksSuite, agencySuite, sortCompareSuite, groupBySuite, regionsSuite, indicatorsPeersSuite, uploadsSuite, shareCsvSuite, layoutA11ySuite, printCardSuite, proofreadSuite, manualEntrySuite, ocrUploadSuite, englishSuite, imageTablesSuite, hygieneSuite];

/** One test's result, as written to the results file. */
export interface BrowserTestResult {
  suite: string;
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  /** Why it failed or was skipped. */
  message?: string;
}

/** The results file: counts and every test. */
export interface BrowserResults {
  passed: number;
  failed: number;
  skipped: number;
  suites: string[];
  tests: BrowserTestResult[];
}

const results: BrowserTestResult[] = [];
const count = (s: BrowserTestResult['status']) => results.filter((r) => r.status === s).length;

function record(suite: string, name: string, status: BrowserTestResult['status'], ms: number, message?: string): void {
  results.push({ suite, name, status, ms, message });
  if (status === 'passed') console.log(`  ✓ ${name} (${ms} ms)`);
  else if (status === 'skipped') console.log(`  - ${name}: skipped: ${message}`);
  else console.log(`  ✗ ${name}\n      ${(message ?? '').split('\n').join('\n      ')}`);
}

/** Runs `fn` within `ms` as test `name` of `suite`, then `after` (cleanup, never failing the test twice). */
async function runTest(suite: string, t: TestCase, after: () => Promise<void>): Promise<void> {
  if (t.skip) return record(suite, t.name, 'skipped', 0, t.skip);
  const started = Date.now();
  try {
    await withTimeout(t.run(), t.ms ?? 180_000, t.name);
    record(suite, t.name, 'passed', Date.now() - started);
  } catch (e) {
    record(suite, t.name, 'failed', Date.now() - started, e instanceof Error ? e.message : String(e));
  } finally {
    await after().catch(() => undefined);
  }
}

/** Lanes when neither --jobs nor BROWSER_JOBS says: 2 (the CI machine has 2 cores; see README). */
const DEFAULT_JOBS = 2;

/** The arguments: suite names (positional or --suite NAME), --results FILE and --jobs N (lanes, ≥ 1). */
function parseArgs(argv: string[]): { ok: true; suites: SuiteName[]; resultsFile: string | null; jobs: number } | { ok: false; error: string } {
  const names: string[] = [];
  let resultsFile = process.env.BROWSER_RESULTS ?? null;
  let jobs = process.env.BROWSER_JOBS ?? String(DEFAULT_JOBS);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--results') resultsFile = argv[++i] ?? null;
    else if (a.startsWith('--results=')) resultsFile = a.slice('--results='.length);
    else if (a === '--jobs') jobs = argv[++i] ?? '';
    else if (a.startsWith('--jobs=')) jobs = a.slice('--jobs='.length);
    else if (a === '--suite') names.push(...(argv[++i] ?? '').split(','));
    else if (a.startsWith('--suite=')) names.push(...a.slice('--suite='.length).split(','));
    else names.push(...a.split(','));
  }
  if (!/^[1-9]\d*$/.test(jobs)) return { ok: false, error: `--jobs ${jobs} is not a whole number of lanes; give 1 or more (e.g. npm run test:browser -- --jobs 1)` };
  const unknown = names.filter((n) => !(SUITE_NAMES as readonly string[]).includes(n));
  if (unknown.length) return { ok: false, error: `unknown suite ${unknown.join(', ')}; the suites are ${SUITE_NAMES.join(', ')} (e.g. npm run test:browser -- uploads)` };
  const suites = names.length ? SUITE_NAMES.filter((n) => names.includes(n)) : [...SUITE_NAMES];
  return { ok: true, suites, resultsFile: resultsFile ? path.resolve(resultsFile) : null, jobs: Number(jobs) };
}

/** A setup step recorded as a test (`setup: …`); returns its value, or null when it failed. */
async function setupStep<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
  const started = Date.now();
  try {
    const v = await withTimeout(fn(), 40 * 60_000, name);
    record('setup', name, 'passed', Date.now() - started);
    return v;
  } catch (e) {
    record('setup', name, 'failed', Date.now() - started, e instanceof Error ? e.message : String(e));
    return null;
  }
}

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const built = (r: { ok: true } | { ok: false; error: string }) => {
  if (!r.ok) throw new Error(r.error);
};

/** Starts the servers the chosen suites need; null for one whose setup failed. */
async function startServers(chosen: Suite[], cleanups: Array<() => void>): Promise<Record<Suite['server'], AppServer | null>> {
  const servers: Record<Suite['server'], AppServer | null> = { shared: null, 'seeds-only': null };
  if (chosen.some((s) => s.server === 'shared')) {
    servers.shared = await setupStep('setup: data, build and server', async () => {
      const dir = unwrap(ensureAppData());
      built(ensureNextBuild('browser'));
      return unwrap(await startServer(dir, artifact('server.log')));
    });
  }
  if (chosen.some((s) => s.server === 'seeds-only')) {
    servers['seeds-only'] = await setupStep('setup: seeds-only data, build and server (uploads)', async () => {
      const dir = await buildSeedsOnlyData();
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      built(ensureNextBuild('browser'));
      return unwrap(await startServer(dir, artifact('server-uploads.log')));
    });
  }
  return servers;
}

/**
 * Seconds each suite took in a full run on the 2-core CI machine (one lane, 2026-11-30; english and
 * image-tables estimated): lanes take the longest suites first so that they end together. A
 * suite missing here counts 30 s.
 */
const SUITE_SECONDS: Partial<Record<SuiteName, number>> = {
  'layout-a11y': 91, uploads: 64, views: 49, 'indicators-peers': 41, 'share-csv': 34, 'ocr-upload': 34, 'print-card': 34,
  'sort-compare': 24, agency: 24, 'review-chain': 22, 'coverage-links': 21, 'group-by': 21, regions: 16, 'filters-csv': 14,
  'manual-entry': 13, proofread: 13, hygiene: 28, english: 30, 'image-tables': 15,
};
/** Suites that run alone after every lane has ended (hygiene checks the run-wide logs of all the others). */
const RUN_LAST: readonly SuiteName[] = ['hygiene'];

/** Where console output of a suite running in a lane goes until the suite ends (then it is printed as one block). */
const suiteOutput = new AsyncLocalStorage<string[]>();
/** Output buffers of the suites running now (flushed by `finish` when the run is interrupted). */
const openBuffers = new Set<string[]>();
for (const method of ['log', 'error', 'warn'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    const buffer = suiteOutput.getStore();
    if (buffer) buffer.push(format(...args));
    else original(...args);
  };
}

/** Prints and empties `buffer` (a suite's output); `console.log` of a suite's context would buffer it again. */
function flush(buffer: string[]): void {
  openBuffers.delete(buffer);
  if (buffer.length) process.stdout.write(`${buffer.join('\n')}\n`);
  buffer.length = 0;
}

/** What every suite of the run shares: its servers and its run-wide logs. */
interface RunContext {
  servers: Record<Suite['server'], AppServer | null>;
  requests: ReturnType<typeof newRequestLog>;
  consoleErrors: string[];
}

/** Runs every test of `suite` on `profile` (one lane's shared browser profile). */
async function runSuite(suite: Suite, profile: SharedProfile, run: RunContext): Promise<void> {
  console.log(`${suite.name}${suite.ordered ? ' (one ordered story)' : ''}`);
  const server = run.servers[suite.server];
  if (!server) {
    record(suite.name, `${suite.name}: all tests`, 'skipped', 0, 'its server did not start (see the setup failure above)');
    return;
  }
  const env = makeSuiteEnv(server, loadDataFiles(server.dataDir), profile, run.requests, run.consoleErrors);
  const opened = await suite.open(env);
  try {
    for (const t of opened.tests) await runTest(suite.name, t, env.endTest);
  } finally {
    await opened.close?.().catch(() => undefined);
  }
}

/**
 * One lane: takes the next suite from `queue` until it is empty, each on the lane's own shared
 * profile (its own Chromium); with more than one lane a suite's output is held and printed
 * as one block when it ends, so lanes do not interleave their lines.
 */
async function runLane(queue: Suite[], profile: SharedProfile, run: RunContext, buffered: boolean): Promise<void> {
  for (let suite = queue.shift(); suite; suite = queue.shift()) {
    if (!buffered) {
      await runSuite(suite, profile, run);
      continue;
    }
    const buffer: string[] = [];
    openBuffers.add(buffer);
    try {
      await suiteOutput.run(buffer, () => runSuite(suite!, profile, run));
    } finally {
      flush(buffer);
    }
  }
}

/**
 * Runs the chosen suites: with `jobs` > 1 in that many lanes at once (each lane its own Chromium,
 * taking the longest suites first), then the RUN_LAST suites alone; with `jobs` 1 one after
 * the other in SUITES order. Every server is stopped and every temporary folder removed at the end.
 */
async function run(names: SuiteName[], jobs: number): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const chosen = SUITES.filter((s) => names.includes(s.name));
  const cleanups: Array<() => void> = [];
  const requests = newRequestLog();
  const ctx: RunContext = { servers: await startServers(chosen, cleanups), requests, consoleErrors: [] };
  const early = chosen.filter((s) => !RUN_LAST.includes(s.name));
  const lanes = Math.max(1, Math.min(jobs, early.length));
  const profiles = Array.from({ length: lanes }, () => new SharedProfile(requests));
  try {
    const queue = lanes > 1 ? [...early].sort((a, b) => (SUITE_SECONDS[b.name] ?? 30) - (SUITE_SECONDS[a.name] ?? 30)) : early;
    if (lanes > 1) console.log(`browser: ${early.length} suites in ${lanes} lanes (each suite's lines are printed when it ends)`);
    await Promise.all(profiles.map((p) => runLane(queue, p, ctx, lanes > 1)));
    await runLane(chosen.filter((s) => RUN_LAST.includes(s.name)), profiles[0], ctx, false);
  } finally {
    for (const p of profiles) await p.close();
    stopServer(ctx.servers.shared);
    stopServer(ctx.servers['seeds-only']);
    for (const c of cleanups) c();
  }
}

/** Writes the results file (when asked for) and the closing line; sets the exit code. */
function finish(resultsFile: string | null, suites: SuiteName[], extraFailure?: string): never {
  for (const b of [...openBuffers]) flush(b);
  if (extraFailure) record('runner', 'runner', 'failed', 0, extraFailure);
  const out: BrowserResults = { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), suites, tests: results };
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(out, null, 2));
  console.log(`browser: ${out.passed} passed, ${out.failed} failed, ${out.skipped} skipped`);
  process.exit(out.failed > 0 ? 1 : 0);
}

const args = parseArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`browser: ${args.error}`);
  process.exit(2);
}
const { suites, resultsFile, jobs } = args;
onInterrupt((sig) => finish(resultsFile, suites, `interrupted by ${sig}`));
run(suites, jobs).then(
  () => finish(resultsFile, suites),
  (e: unknown) => finish(resultsFile, suites, e instanceof Error ? (e.stack ?? e.message) : String(e)),
);
