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
 * - BENCH_ONLY=pipeline or BENCH_ONLY=browser runs one of them; the other's figures already in
 *   results.json are kept.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBrowser } from './bench-browser';
import { benchFirstLoad } from './bench-first-load';
import { benchLayouts, layoutOptionsFromEnv } from './bench-layouts';
import { benchPipeline } from './bench-pipeline';
import { benchWideRows } from './bench-wide-rows';
import { buildBrowserDataFor } from './bench-data';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const work = path.join(root, '.bench');
mkdirSync(work, { recursive: true });
const sizesOf = (v: string) => v.split(',').map(Number).filter((n) => n > 0);
const sizes = sizesOf(process.env.BENCH_SIZES ?? '10000,100000');
const browserSizes = sizesOf(process.env.BENCH_BROWSER_SIZES ?? '1000,10000,100000,500000');
const only = process.env.BENCH_ONLY ?? '';
const label = process.env.BENCH_LABEL ?? 'current';

const resultsFile = path.join(work, 'results.json');
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`bench: ${new Date().toISOString()} on ${machine}`);
const firstLoad = !only || only === 'first-load' ? await benchFirstLoad(path.join(root, 'data', 'build')) : previous.firstLoad; // issue 15
if ('error' in Object(firstLoad)) console.error(`bench: first load not measured: ${(firstLoad as { error: string }).error}`);
if (!only || only === 'layouts') await benchLayouts(work, layoutOptionsFromEnv()); // issue 11: cells read per layout family → .bench/layouts.json
if (!only || only === 'layouts') await benchWideRows(); // issue 12: reading time of very wide rows (printed)
const pipeline = only === 'browser' || only === 'first-load' ? previous.pipeline : await benchPipeline(work, sizes);
const browser = { ...((previous.browser as Record<string, unknown> | undefined) ?? {}) };
if (only !== 'pipeline' && only !== 'first-load') {
  const fresh = await benchBrowser(work, browserSizes, buildBrowserDataFor(work));
  // Sizes measured before under the same label are kept unless measured again now.
  const before = ((browser[label] as { sizes?: Array<{ reports: number }> } | undefined)?.sizes ?? []).filter((x) => !browserSizes.includes(x.reports));
  browser[label] = { date: new Date().toISOString(), machine, sizes: [...before, ...fresh].sort((a, b) => a.reports - b.reports) };
}
const results = { date: new Date().toISOString(), machine, firstLoad, pipeline, browser };
writeFileSync(resultsFile, JSON.stringify(results, null, 2));
console.log(`bench: figures written to ${path.relative(root, resultsFile)}`);
