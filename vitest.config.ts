import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
const ROOT = fileURLToPath(new URL('.', import.meta.url));

/**
 * Test files of more than ~8 s (a full run on the 2-core CI machine, 2026-11-30), longest first,
 * from the repository's root; they start before every other file (see SlowFirstSequencer).
 */
const SLOW_FIRST: readonly string[] = [
  'lib/pipeline/isolated-reader-ocr-budget.test.ts',
  'tests/golden/scans/scans.test.ts',
  'lib/read/read-scanned-report.test.ts',
  'tests/fuzz/fuzz.test.ts',
  'lib/pipeline/ocr-node.test.ts',
  'lib/upload/read-upload-batch.test.ts',
  'lib/pipeline/alias-file.test.ts',
  'lib/pipeline/ingest-reports.test.ts',
  'lib/pipeline/isolated-reader.test.ts',
  'lib/query/views.test.ts',
  'lib/present/report-card.test.ts',
];

/**
 * Vitest's order with the SLOW_FIRST files moved to the front. Vitest orders by the durations of
 * the last run when it has them (node_modules/.vite/vitest), else by file size, larger first: in
 * a fresh clone that started the 28 s fuzz run and the 23 s OCR test among the last of 117 files,
 * and one worker ran on alone at the end. Which tests run, and how, does not change.
 */
class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = SLOW_FIRST.indexOf(path.relative(ROOT, f.moduleId).split(path.sep).join('/'));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return ordered.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
  }
}

// Unit, golden and SQL tests only. Browser specs live in tests/browser and run through
// `npm run test:browser` (Playwright driving Debian's Chromium), never through vitest.
export default defineConfig({
  resolve: { alias: { '@': ROOT } },
  test: {
    include: ['lib/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    testTimeout: 60_000,
    // Two workers, not vitest's default of cores − 1 (one on the 2-core CI machine, which left the
    // second core idle once `next build` beside vitest was done: tests/run-all-tests.ts). Each
    // test file keeps its own module state (isolate, the default): without it imports took ~75 %
    // less time, but a module's state (e.g. the i18n language) would carry from file to file.
    maxWorkers: 2,
    // The longest files start first, so that the two workers end together (in fresh clones too).
    sequence: { sequencer: SlowFirstSequencer },
  },
});
