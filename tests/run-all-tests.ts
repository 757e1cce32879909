/**
 * `npm test`: builds data/build from data/seeds, runs the unit, golden and SQL tests (vitest), then the browser tests (Playwright +
 * Chromium; their results read from the JSON file they write, not from their output), then one closing line `tests: N passed, M failed, K skipped` over both.
 * Exits non-zero when any test fails or a runner cannot start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const json = path.join(mkdtempSync(path.join(tmpdir(), 'vitest-')), 'results.json');

// The SQL tests also run over the ingest of data/seeds (data/build), so build it first.
const data = spawnSync('npm', ['run', 'build:data'], { cwd: root, stdio: 'inherit', env });
if (data.status !== 0) console.error('tests: npm run build:data failed (see above); the tests over data/build will be skipped');

const unit = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${json}`], { cwd: root, stdio: 'inherit', env });
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const r = JSON.parse(readFileSync(json, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
} catch {
  console.error('tests: vitest wrote no results (see its output above)');
  failed += 1;
}
if (unit.status !== 0 && failed === 0) failed += 1;

// The boundaries of lib/ and function lengths (eslint.config.mjs, `npm run lint`) count as one test.
const lint = spawnSync('npm', ['run', '--silent', 'lint'], { cwd: root, stdio: 'inherit', env });
if (lint.status === 0) passed += 1;
else {
  console.error('tests: npm run lint failed (see above): fix the imports it names, or the table in eslint.config.mjs and lib/README.md');
  failed += 1;
}

// The browser tests write their results as JSON (tests/browser/run-browser-tests.ts, BrowserResults).
const browserJson = path.join(path.dirname(json), 'browser-results.json');
const browser = spawnSync('npx', ['tsx', 'tests/browser/run-browser-tests.ts', '--results', browserJson], { cwd: root, env, stdio: 'inherit' });
let browserResults: { passed: number; failed: number; skipped: number } | null = null;
try {
  browserResults = JSON.parse(readFileSync(browserJson, 'utf8')) as { passed: number; failed: number; skipped: number };
} catch {
  browserResults = null;
}
if (browserResults) {
  passed += browserResults.passed;
  failed += browserResults.failed;
  skipped += browserResults.skipped;
}
if (!browserResults || (browser.status !== 0 && browserResults.failed === 0)) {
  console.error('tests: the browser tests did not finish (see their output above)');
  failed += 1;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed ? 1 : 0;
