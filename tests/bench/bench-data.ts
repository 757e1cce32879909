/**
 * Scratch data of the browser benchmark: a synthetic corpus of N reports (.bench/synth-N) and its
 * parallel ingest (.bench/ingest-N), each reused when already present. Run directly
 * (`tsx tests/bench/bench-data.ts 1000,10000`) to prepare sizes ahead of `npm run bench`.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBrowserData } from '../../lib/pipeline/build-browser-data';
import { FIRST_PAGES_FILE, MANIFEST_FORMAT } from '../../lib/store/manifest';
import { ingestPathsParallel } from '../../lib/pipeline/ingest-parallel';
import { writeSyntheticCorpus } from '../../lib/pipeline/write-synthetic-corpus';

/** How long preparing one size took (0 when reused), and where its ingest is. */
export interface BenchData {
  reports: number;
  ingestDir: string;
  generateSeconds: number;
  ingestSeconds: number;
}

/**
 * Makes sure `.bench/synth-N` and `.bench/ingest-N` exist under `work` (the ingest is complete
 * when its flags.csv exists: the parallel ingest writes it last), generating what is missing.
 */
export async function prepareBenchData(work: string, n: number): Promise<BenchData> {
  const corpus = path.join(work, `synth-${n}`);
  const out = path.join(work, `ingest-${n}`);
  let generateSeconds = 0;
  let ingestSeconds = 0;
  const done = existsSync(path.join(out, 'flags.csv')) && existsSync(path.join(out, 'reports.csv')) && existsSync(path.join(out, 'cells.csv'));
  if (!done) {
    const reportsDir = path.join(corpus, 'reports');
    const buckets = existsSync(reportsDir) ? readdirSync(reportsDir).length : 0;
    if (buckets < Math.ceil(n / 1000)) {
      rmSync(corpus, { recursive: true, force: true });
      const t0 = performance.now();
      writeSyntheticCorpus(corpus, { reports: n, years: 5, seed: 'bench' });
      generateSeconds = (performance.now() - t0) / 1000;
    }
    const t1 = performance.now();
    await ingestPathsParallel([reportsDir], out, { workers: os.cpus().length, relativeTo: corpus });
    ingestSeconds = (performance.now() - t1) / 1000;
  }
  return { reports: n, ingestDir: out, generateSeconds, ingestSeconds };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  for (const n of (process.argv[2] ?? '1000,10000').split(',').map(Number)) {
    const d = await prepareBenchData(path.join(root, '.bench'), n);
    console.log(`bench data ${n}: generate ${d.generateSeconds.toFixed(1)} s, ingest ${d.ingestSeconds.toFixed(1)} s → ${d.ingestDir}`);
  }
}

/**
 * The browser data build the benchmark serves for an ingest folder: lib/pipeline/build-browser-data.ts
 * run on the ingest folder itself (skipped when its manifest is newer than cells.csv and of the current
 * MANIFEST_FORMAT, and first-pages.json is there), which is then
 * the folder the app reads (DATA_BUILD_DIR).
 */
export function buildBrowserDataFor(_work: string): (ingestDir: string) => Promise<string> {
  return async (ingestDir) => {
    const manifest = path.join(ingestDir, 'manifest.json');
    const stale =
      !existsSync(manifest) ||
      !existsSync(path.join(ingestDir, FIRST_PAGES_FILE)) ||
      statSync(manifest).mtimeMs < statSync(path.join(ingestDir, 'cells.csv')).mtimeMs ||
      (JSON.parse(readFileSync(manifest, 'utf8')) as { format?: number }).format !== MANIFEST_FORMAT;
    if (stale) {
      const t0 = performance.now();
      await buildBrowserData(ingestDir);
      console.log(`bench data: browser data build of ${ingestDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    return ingestDir;
  };
}
