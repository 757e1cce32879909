/**
 * `npm run test:browser [-- SUITE… | --suite SUITE] [--results FILE]`: the browser tests of the
 * dashboard, by surface (./suites: views, filters-csv, review-chain, coverage-links, agency,
 * group-by, uploads, hygiene; all of them when none is named). Builds the data and the app when needed, starts
 * `next start` on a free port of 127.0.0.1 (../harness), and drives Debian's Chromium through
 * playwright-core: the tests share one browser profile per run, so its HTTP cache stays warm, and
 * every test opens fresh pages after the storage of the previous one was cleared
 * (browser-test-kit.ts SharedProfile), except the review chain, one ordered story on a profile
 * of its own. The uploads suite gets its own server on a seeds-only data build. Screenshots, downloads and server logs go to tests/browser/artifacts/ (gitignored).
 *
 * Environment: DATA_BUILD_DIR points the shared server and the checks at another data folder
 * (then `npm run build:data` is not run); BROWSER_RESULTS (or --results) names a JSON file for
 * the results (tests/run-all-tests.ts reads it). Prints `browser: N passed, M failed, K skipped`
 * last and exits 1 on any failure, 2 on an unknown suite name. Every wait is bounded; every
 * server is stopped.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

/** Every suite, in the order they run (hygiene last: it checks the run-wide logs). */
const SUITES: Suite[] = [viewsSuite, filtersCsvSuite, reviewChainSuite, coverageLinksSuite, agencySuite, sortCompareSuite, groupBySuite, regionsSuite, indicatorsPeersSuite, uploadsSuite, shareCsvSuite, layoutA11ySuite, printCardSuite, proofreadSuite, manualEntrySuite, ocrUploadSuite, hygieneSuite];

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

/** The arguments: suite names (positional or --suite NAME) and --results FILE. */
function parseArgs(argv: string[]): { ok: true; suites: SuiteName[]; resultsFile: string | null } | { ok: false; error: string } {
  const names: string[] = [];
  let resultsFile = process.env.BROWSER_RESULTS ?? null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--results') resultsFile = argv[++i] ?? null;
    else if (a.startsWith('--results=')) resultsFile = a.slice('--results='.length);
    else if (a === '--suite') names.push(...(argv[++i] ?? '').split(','));
    else if (a.startsWith('--suite=')) names.push(...a.slice('--suite='.length).split(','));
    else names.push(...a.split(','));
  }
  const unknown = names.filter((n) => !(SUITE_NAMES as readonly string[]).includes(n));
  if (unknown.length) return { ok: false, error: `unknown suite ${unknown.join(', ')}; the suites are ${SUITE_NAMES.join(', ')} (e.g. npm run test:browser -- uploads)` };
  const suites = names.length ? SUITE_NAMES.filter((n) => names.includes(n)) : [...SUITE_NAMES];
  return { ok: true, suites, resultsFile: resultsFile ? path.resolve(resultsFile) : null };
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

/** Runs the chosen suites; every server is stopped and every temporary folder removed at the end. */
async function run(names: SuiteName[]): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const chosen = SUITES.filter((s) => names.includes(s.name));
  const cleanups: Array<() => void> = [];
  const requests = newRequestLog();
  const consoleErrors: string[] = [];
  const servers = await startServers(chosen, cleanups);
  const profile = new SharedProfile(requests);
  try {
    for (const suite of chosen) {
      console.log(`${suite.name}${suite.ordered ? ' (one ordered story)' : ''}`);
      const server = servers[suite.server];
      if (!server) {
        record(suite.name, `${suite.name}: all tests`, 'skipped', 0, 'its server did not start (see the setup failure above)');
        continue;
      }
      const env = makeSuiteEnv(server, loadDataFiles(server.dataDir), profile, requests, consoleErrors);
      const opened = await suite.open(env);
      try {
        for (const t of opened.tests) await runTest(suite.name, t, env.endTest);
      } finally {
        await opened.close?.().catch(() => undefined);
      }
    }
  } finally {
    await profile.close();
    stopServer(servers.shared);
    stopServer(servers['seeds-only']);
    for (const c of cleanups) c();
  }
}

/** Writes the results file (when asked for) and the closing line; sets the exit code. */
function finish(resultsFile: string | null, suites: SuiteName[], extraFailure?: string): never {
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
const { suites, resultsFile } = args;
onInterrupt((sig) => finish(resultsFile, suites, `interrupted by ${sig}`));
run(suites).then(
  () => finish(resultsFile, suites),
  (e: unknown) => finish(resultsFile, suites, e instanceof Error ? (e.stack ?? e.message) : String(e)),
);
