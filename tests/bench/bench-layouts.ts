/**
 * The layout benchmark (issue 11, "A benchmark of layouts"): the same generated tables rendered in
 * every layout family met in real documents (lib/synth/layout-families.ts), each report read with
 * the real read path (lib/read readReport, as the ingest and uploads read) and scored cell by cell
 * against the generator's truth (lib/synth/score-layout-cells.ts). Prints per family the share
 * of cells right, the share shown `reported` that are wrong (must be 0), the share left missing
 * (of which ambiguous), and writes the figures with examples of wrong and missing cells to
 * .bench/layouts.json. Target: ≥ 99.9 % of cells right in every family and no wrong `reported` value.
 *
 * `npm run bench` runs it first (BENCH_LAYOUTS_PER_FAMILY, default 2000 reports a family;
 * BENCH_LAYOUTS=tabs,html_spans for some families). Alone:
 * `npx tsx tests/bench/bench-layouts.ts [--per-family N] [--layouts all|a,b] [--seed S] [--workers W]`.
 * Reports are split over worker threads (default: one per core).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readReport } from '../../lib/read/read-report';
import { layoutReport } from '../../lib/synth/generate-layout-corpus';
import { familyInfo, parseLayoutList, type LayoutFamily } from '../../lib/synth/layout-families';
import { addLayoutScore, emptyLayoutScore, percent, type LayoutScore } from '../../lib/synth/score-layout-cells';

/** Options of a run. */
export interface LayoutBenchOptions {
  families: LayoutFamily[];
  perFamily: number;
  seed: string;
  workers: number;
}

/** One family's figures. */
export interface LayoutFamilyResult {
  family: LayoutFamily;
  imitates: string;
  score: LayoutScore;
  /** Reports read per second in that family (all workers together). */
  reportsPerSecond: number;
}

interface Job {
  families: LayoutFamily[];
  perFamily: number;
  seed: string;
  stripe: number;
  stripes: number;
}

/** Reads the reports i ≡ stripe (mod stripes) of each family and scores them. */
async function runStripe(job: Job): Promise<Record<string, LayoutScore>> {
  const out: Record<string, LayoutScore> = {};
  for (const family of job.families) {
    const t0 = Date.now();
    const score = emptyLayoutScore();
    for (let i = job.stripe; i < job.perFamily; i += job.stripes) {
      const r = layoutReport(family, job.seed, i);
      const read = await readReport(new TextEncoder().encode(r.text), r.name.replace('/', '-'));
      const record = read.ok ? read.value : read.error.record;
      addLayoutScore(score, r.name, record.cells, record.flags, r.truth, read.ok);
    }
    out[family] = score;
    parentPort?.postMessage({ kind: 'family', family, score, ms: Date.now() - t0 });
  }
  parentPort?.postMessage({ kind: 'done' });
  return out;
}

function merge(a: LayoutScore, b: LayoutScore): LayoutScore {
  const n = (k: keyof LayoutScore) => (a[k] as number) + (b[k] as number);
  return {
    reports: n('reports'),
    cells: n('cells'),
    right: n('right'),
    wrongReported: n('wrongReported'),
    wrongOther: n('wrongOther'),
    missing: n('missing'),
    ambiguous: n('ambiguous'),
    failedReports: n('failedReports'),
    wrongExamples: [...a.wrongExamples, ...b.wrongExamples].slice(0, 20),
    missingExamples: [...a.missingExamples, ...b.missingExamples].slice(0, 20),
  };
}

/** Runs every family over the workers (each worker a stripe of every family); resolves with the merged figures in the families' order. */
async function runAll(opts: LayoutBenchOptions): Promise<LayoutFamilyResult[]> {
  const self = pathToFileURL(fileURLToPath(import.meta.url)).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(self)}); });`;
  const scores = new Map<LayoutFamily, LayoutScore>();
  const ms = new Map<LayoutFamily, number>();
  await Promise.all(
    Array.from({ length: opts.workers }, (_, stripe) => {
      const job: Job = { families: opts.families, perFamily: opts.perFamily, seed: opts.seed, stripe, stripes: opts.workers };
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(boot, { eval: true, workerData: job });
        worker.on('message', (m: { kind: string; family: LayoutFamily; score: LayoutScore; ms: number }) => {
          if (m.kind === 'done') return resolve();
          scores.set(m.family, merge(scores.get(m.family) ?? emptyLayoutScore(), m.score));
          ms.set(m.family, Math.max(ms.get(m.family) ?? 0, m.ms));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code !== 0 ? reject(new Error(`layout bench worker exited with ${code}`)) : resolve()));
      });
    }),
  );
  return opts.families.map((family) => {
    const score = scores.get(family) ?? emptyLayoutScore();
    return { family, imitates: familyInfo(family).imitates, score, reportsPerSecond: score.reports / Math.max((ms.get(family) ?? 0) / 1000, 0.001) };
  });
}

/** The table printed: one line per family. */
export function layoutTable(results: readonly LayoutFamilyResult[]): string {
  const head = ['family', 'reports', 'cells', 'right', 'wrong reported', 'wrong other', 'missing', '(ambiguous)', 'failed reports', 'reports/s'];
  const rows = results.map(({ family, score: s, reportsPerSecond }) => [
    family,
    String(s.reports),
    String(s.cells),
    percent(s.right, s.cells, 3),
    percent(s.wrongReported, s.cells, 3),
    percent(s.wrongOther, s.cells, 3),
    percent(s.missing, s.cells, 3),
    percent(s.ambiguous, s.cells, 3),
    String(s.failedReports),
    reportsPerSecond.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/**
 * Runs the benchmark, prints its table and the families that miss the target (≥ 99.9 % right, no
 * wrong `reported`), and writes `work/layouts.json`.
 *
 * @returns the per-family figures
 */
export async function benchLayouts(work: string, opts: LayoutBenchOptions): Promise<LayoutFamilyResult[]> {
  console.log(`bench layouts: ${opts.families.length} families × ${opts.perFamily} reports (seed ${opts.seed}, ${opts.workers} workers)`);
  const t0 = Date.now();
  const results = await runAll(opts);
  console.log(layoutTable(results));
  for (const r of results) {
    const s = r.score;
    if (s.wrongReported === 0 && s.right / s.cells >= 0.999) continue;
    console.log(`  ${r.family} misses the target: e.g. ${[...s.wrongExamples.slice(0, 2), ...s.missingExamples.slice(0, 2)].join('; ')}`);
  }
  console.log(`bench layouts: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  mkdirSync(work, { recursive: true });
  writeFileSync(path.join(work, 'layouts.json'), JSON.stringify({ date: new Date().toISOString(), ...opts, results }, null, 2));
  return results;
}

/** Options from the environment of `npm run bench` (BENCH_LAYOUTS, BENCH_LAYOUTS_PER_FAMILY). */
export function layoutOptionsFromEnv(): LayoutBenchOptions {
  const families = parseLayoutList(process.env.BENCH_LAYOUTS ?? 'all');
  if (!families.ok) throw new Error(`BENCH_LAYOUTS: ${families.error}`);
  return { families: families.value, perFamily: Number(process.env.BENCH_LAYOUTS_PER_FAMILY ?? 2000), seed: process.env.BENCH_LAYOUTS_SEED ?? 'layouts', workers: Math.max(1, os.cpus().length) };
}

function cli(argv: string[]): LayoutBenchOptions | string {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) args.set(argv[i].replace(/^--/, ''), argv[i + 1]);
  const families = parseLayoutList(args.get('layouts') ?? 'all');
  if (!families.ok) return families.error;
  const perFamily = Number(args.get('per-family') ?? 2000);
  const workers = Number(args.get('workers') ?? os.cpus().length);
  if (!Number.isInteger(perFamily) || perFamily <= 0 || !Number.isInteger(workers) || workers <= 0) return '--per-family and --workers take a whole number above 0';
  return { families: families.value, perFamily, seed: args.get('seed') ?? 'layouts', workers };
}

if (!isMainThread && workerData && (workerData as Job).stripes) {
  await runStripe(workerData as Job);
} else if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const opts = cli(process.argv.slice(2));
  if (typeof opts === 'string') {
    console.error(`bench-layouts: ${opts}`);
    process.exitCode = 2;
  } else await benchLayouts(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.bench'), opts);
}
