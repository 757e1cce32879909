/**
 * `npm run bench`: benchmarks that print figures and write them to .bench/results.json (not
 * pass/fail tests). Sizes: BENCH_SIZES (default "10000,100000") reports for the ingest.
 * Scratch data (synthetic corpora, ingest outputs) goes to .bench/ (git-ignored), never data/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchPipeline } from './bench-pipeline';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const work = path.join(root, '.bench');
mkdirSync(work, { recursive: true });
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`bench: ${new Date().toISOString()} on ${machine}`);
const pipeline = await benchPipeline(work, sizes);
const results = { date: new Date().toISOString(), machine, pipeline };
writeFileSync(path.join(work, 'results.json'), JSON.stringify(results, null, 2));
console.log(`bench: figures written to ${path.relative(root, path.join(work, 'results.json'))}`);
