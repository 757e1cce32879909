/**
 * `npm run bench`: benchmarks that print figures and write them to .bench/results.json (not
 * pass/fail tests). Scratch data (synthetic corpora, ingest outputs, browser data) goes to .bench/
 * (git-ignored), never data/.
 *
 * - Pipeline (./bench-pipeline.ts): BENCH_SIZES (default "10000,100000") reports for the ingest.
 *   Parse throughput on one core, precompiled and under tsx (./bench-parse.ts, BENCH_PARSE_REPORTS,
 *   default 10,000), then `npm run ingest` in a process of its own on BENCH_INGEST_WORKERS (default
 *   2) threads: seconds and peak memory (issue 15).
 * - Browser (./bench-browser.ts): BENCH_BROWSER_SIZES (default "1000,10000,100000,500000")
 *   reports in the dashboard; figures stored under BENCH_LABEL (default "current") so runs of two
 *   designs sit side by side in results.json (a size measured again replaces its earlier figures;
 *   other sizes under the label are kept). BENCH_FILTER_CHANGES (default 15) filter changes per view.
 * - Layouts (./bench-layouts.ts, issue 11): cells read right per layout family, BENCH_LAYOUTS_PER_FAMILY
 *   (default 2000) reports a family, BENCH_LAYOUTS (default all); runs first, skipped under
 *   BENCH_ONLY=pipeline|browser; alone: `npx tsx tests/bench/bench-layouts.ts --per-family N`.
 * - Wide rows (./bench-wide-rows.ts, issue 12): one row of 30,000 numbers, an HTML row of 100,000
 *   cells, 30,000 run-together digits — seconds to read each; runs with the layouts.
 * - First load (./bench-first-load.ts, issue 15): bytes on the wire until DuckDB is ready over
 *   data/build (the embedded data; run `npm run build:data` first), with the pre-compressed copies
 *   and with `Accept-Encoding: identity`; runs first, alone with BENCH_ONLY=first-load.
 * - Cold start (./bench-cold-start.ts, issue 15): the first `npm start` of a fresh clone (node_modules
 *   hard-linked, `npm install` excluded) until `/` answers, split into build:data, next build's
 *   phases and the server; BENCH_COLD_START_MODE=clone (HEAD, default) or worktree (the files on
 *   disk); ~30–60 s of both cores; alone with BENCH_ONLY=cold-start.
 * - CSV (./bench-csv.ts, issue 15, when that file exports `benchCsv(work, sizes)`): the 下载 CSV
 *   path at BENCH_SIZES reports in Node; alone with BENCH_ONLY=csv.
 * - Targets (./bench-targets.ts): at the end of every run, one table of issue 15's targets
 *   (target | size | figure | met / missed by N % or N×, or not measured) from the results,
 *   printed and written to .bench/targets.md; BENCH_ONLY=targets prints it from the last
 *   results.json without measuring anything.
 * - BENCH_ONLY=first-load|cold-start|layouts|pipeline|browser|csv runs that part alone; the other
 *   parts' figures already in results.json are kept.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchBrowser } from './bench-browser';
import { benchColdStart } from './bench-cold-start';
import { benchFirstLoad } from './bench-first-load';
import { benchLayouts, layoutOptionsFromEnv } from './bench-layouts';
import { benchPipeline } from './bench-pipeline';
import { printTargets } from './bench-targets';
import { benchWideRows } from './bench-wide-rows';
import { buildBrowserDataFor } from './bench-data';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const work = path.join(root, '.bench');
mkdirSync(work, { recursive: true });
const sizesOf = (v: string) => v.split(',').map(Number).filter((n) => n > 0);
const sizes = sizesOf(process.env.BENCH_SIZES ?? '10000,100000');
const browserSizes = sizesOf(process.env.BENCH_BROWSER_SIZES ?? '1000,10000,100000,500000');
const only = process.env.BENCH_ONLY ?? '';
const label = process.env.BENCH_LABEL ?? 'current';
/** Whether a part runs: every part without BENCH_ONLY, else the one named. */
const runs = (part: string) => !only || only === part;
const PARTS = ['first-load', 'cold-start', 'layouts', 'pipeline', 'browser', 'csv', 'targets'];
if (only && !PARTS.includes(only)) {
  console.error(`bench: BENCH_ONLY=${only} is not a part of the bench; use one of ${PARTS.join(', ')}, or leave it unset to run them all.`);
  process.exit(1);
}

const resultsFile = path.join(work, 'results.json');
const targetsFile = path.join(work, 'targets.md');
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};

/**
 * ./bench-csv.ts's `benchCsv(work, sizes)` when that file exists and exports it (a file without
 * the export is not imported: it could be a script that runs on import); null otherwise.
 */
async function loadBenchCsv(): Promise<((work: string, sizes: readonly number[]) => Promise<unknown>) | null> {
  const file = path.join(here, 'bench-csv.ts');
  if (!existsSync(file) || !/export\s+(async\s+)?function\s+benchCsv\b|export\s+const\s+benchCsv\b/.test(readFileSync(file, 'utf8'))) return null;
  const mod = (await import(pathToFileURL(file).href)) as { benchCsv?: (work: string, sizes: readonly number[]) => Promise<unknown> };
  return typeof mod.benchCsv === 'function' ? mod.benchCsv : null;
}

if (only === 'targets') {
  if (!existsSync(resultsFile)) {
    console.error(`bench: ${path.relative(root, resultsFile)} does not exist; run \`npm run bench\` first.`);
    process.exit(1);
  }
  printTargets(previous, targetsFile, label);
  process.exit(0);
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`bench: ${new Date().toISOString()} on ${machine}`);
const firstLoad = runs('first-load') ? await benchFirstLoad(path.join(root, 'data', 'build')) : previous.firstLoad; // issue 15
if ('error' in Object(firstLoad)) console.error(`bench: first load not measured: ${(firstLoad as { error: string }).error}`);
const coldStart = runs('cold-start') ? await benchColdStart() : previous.coldStart; // issue 15: the first `npm start` of a fresh clone
if (runs('layouts')) await benchLayouts(work, layoutOptionsFromEnv()); // issue 11: cells read per layout family → .bench/layouts.json
if (runs('layouts')) await benchWideRows(); // issue 12: reading time of very wide rows (printed)
const pipeline = runs('pipeline') ? await benchPipeline(work, sizes) : previous.pipeline;
const browser = { ...((previous.browser as Record<string, unknown> | undefined) ?? {}) };
if (runs('browser')) {
  const fresh = await benchBrowser(work, browserSizes, buildBrowserDataFor(work));
  // Sizes measured before under the same label are kept unless measured again now.
  const before = ((browser[label] as { sizes?: Array<{ reports: number }> } | undefined)?.sizes ?? []).filter((x) => !browserSizes.includes(x.reports));
  browser[label] = { date: new Date().toISOString(), machine, sizes: [...before, ...fresh].sort((a, b) => a.reports - b.reports) };
}
let csv = previous.csv;
if (runs('csv')) {
  const benchCsv = await loadBenchCsv();
  if (benchCsv) csv = await benchCsv(work, sizes);
  else console.log('bench: CSV export not measured in Node (tests/bench/bench-csv.ts has no benchCsv yet)');
}
const results = { date: new Date().toISOString(), machine, firstLoad, coldStart, pipeline, browser, csv };
writeFileSync(resultsFile, JSON.stringify(results, null, 2));
console.log(`bench: figures written to ${path.relative(root, resultsFile)}`);
printTargets(results, targetsFile, label);
