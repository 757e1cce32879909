/**
 * `npm test`: builds data/build from data/seeds, then runs the unit, golden and SQL tests (vitest,
 * two workers: vitest.config.ts) while `next build` runs beside them (its output is shown after
 * vitest's), then the browser tests (Playwright + Chromium in two lanes; their results read from
 * the JSON file they write, not from their output) with lint and then the type check (`tsc
 * --noEmit`: `next build` skips it, next.config.js) beside them (their output shown after the
 * browser tests'), then one closing line `tests: N passed, M failed, K skipped` over all of them,
 * and how long each phase took. Exits non-zero when any test fails or a runner cannot start.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NEXT_BIN, nextBuildState } from './harness/next-server';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const json = path.join(mkdtempSync(path.join(tmpdir(), 'vitest-')), 'results.json');
const tally = { passed: 0, failed: 0, skipped: 0 };
/** Seconds each phase took, in the order they ended (printed before the closing line). */
const phases: string[] = [];

/** Runs `fn`, records its wall time (s) as phase `name`, and returns its value. */
async function timed<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Runs `cmd args` in the repository, output shown; resolves to its exit status (null when killed). */
function run(cmd: string, args: string[]): Promise<number | null> {
  return new Promise((res) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
    child.on('error', () => res(null));
    child.on('close', (code) => res(code));
  });
}

/** Runs `cmd args` in the repository with its output kept, not shown; resolves to its status and output. */
function runQuietly(cmd: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((res) => {
    const chunks: Buffer[] = [];
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (e) => res({ status: null, output: String(e) }));
    child.on('close', (status) => res({ status, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/**
 * `next build` when .next is missing or older than the sources, its output kept and returned
 * (printed by the caller when vitest is done, so the two do not interleave); `null` when the
 * build is current. The browser runner builds again, with the output shown, if this one failed.
 */
function nextBuildQuietly(): Promise<{ status: number | null; output: string } | null> {
  if (nextBuildState() === 'current') return Promise.resolve(null);
  return runQuietly(NEXT_BIN, ['build']);
}

/**
 * Lint, then the type check, each counted as one test, their output kept and printed by the
 * caller (they run beside the browser tests, whose waits leave CPU time over). Resolves to the
 * phase lines (`lint N s`, `tsc N s`) and the output.
 */
async function lintAndTypes(): Promise<{ phases: string[]; output: string }> {
  const out: string[] = [];
  const times: string[] = [];
  // The boundaries of lib/ and function lengths (eslint.config.mjs, `npm run lint`) count as one test.
  let started = Date.now();
  const lint = await runQuietly('npm', ['run', '--silent', 'lint']);
  times.push(`lint ${((Date.now() - started) / 1000).toFixed(1)} s`);
  out.push(`── lint (ran beside the browser tests) ──\n${lint.output}`);
  if (lint.status === 0) tally.passed += 1;
  else {
    out.push('tests: npm run lint failed (see above): fix the imports it names, or the table in eslint.config.mjs and lib/README.md');
    tally.failed += 1;
  }
  // The type check counts as one test: `next build` skips it (next.config.js typescript.ignoreBuildErrors, issue 15 cold start).
  started = Date.now();
  const types = await runQuietly('npx', ['tsc', '--noEmit', '-p', '.']);
  times.push(`tsc ${((Date.now() - started) / 1000).toFixed(1)} s`);
  out.push(`── tsc --noEmit (ran beside the browser tests) ──\n${types.output}`);
  if (types.status === 0) tally.passed += 1;
  else {
    out.push('tests: tsc --noEmit found type errors (see above): fix them; next build no longer checks types');
    tally.failed += 1;
  }
  return { phases: times, output: out.join('\n') };
}

/** Adds vitest's counts from its JSON report; a missing report or a failed run counts as one failure. */
function countVitest(status: number | null): void {
  try {
    const r = JSON.parse(readFileSync(json, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    tally.passed += r.numPassedTests;
    tally.failed += r.numFailedTests;
    tally.skipped += r.numPendingTests + r.numTodoTests;
    if (status !== 0 && r.numFailedTests === 0) tally.failed += 1;
  } catch {
    console.error('tests: vitest wrote no results (see its output above)');
    tally.failed += 1;
  }
}

/** Runs the browser tests (tests/browser/run-browser-tests.ts, BrowserResults; its default lanes) and adds their counts. */
async function runBrowserTests(): Promise<void> {
  const browserJson = path.join(path.dirname(json), 'browser-results.json');
  const browser = { status: await run('npx', ['tsx', 'tests/browser/run-browser-tests.ts', '--results', browserJson]) };
  let r: { passed: number; failed: number; skipped: number } | null = null;
  try {
    r = JSON.parse(readFileSync(browserJson, 'utf8')) as { passed: number; failed: number; skipped: number };
  } catch {
    r = null;
  }
  if (r) {
    tally.passed += r.passed;
    tally.failed += r.failed;
    tally.skipped += r.skipped;
  }
  if (!r || (browser.status !== 0 && r.failed === 0)) {
    console.error('tests: the browser tests did not finish (see their output above)');
    tally.failed += 1;
  }
}

async function main(): Promise<void> {
  // The SQL tests also run over the ingest of data/seeds (data/build), so build it first.
  const data = await timed('build:data', () => spawnSync('npm', ['run', 'build:data'], { cwd: root, stdio: 'inherit', env }));
  if (data.status !== 0) console.error('tests: npm run build:data failed (see above); the tests over data/build will be skipped');

  const build = timed('next build (beside vitest)', nextBuildQuietly);
  const unit = await timed('vitest', () => run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${json}`]));
  countVitest(unit);
  const built = await build;
  if (built) process.stdout.write(`\n── next build (ran beside vitest) ──\n${built.output}\n`);

  const checks = lintAndTypes();
  await timed('browser tests', runBrowserTests);
  const checked = await checks;
  process.stdout.write(`\n${checked.output}\n`);
  phases.push(...checked.phases.map((p) => `${p} (beside the browser tests)`));
  console.log(`\nphases: ${phases.join(', ')}`);
  console.log(`\ntests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  process.exitCode = tally.failed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(`tests: the runner itself failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  console.log(`\ntests: ${tally.passed} passed, ${tally.failed + 1} failed, ${tally.skipped} skipped`);
  process.exitCode = 1;
});
