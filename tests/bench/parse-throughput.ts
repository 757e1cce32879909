/**
 * Parse throughput on one core (issue 15): the synthetic corpus's texts in memory, read by the
 * text path (lib/read readReportText: parse → normalize → assembly) and the single-report checks
 * (lib/checks runChecks), the way the ingest's workers read each text file; and each real document
 * of data/seeds and data/corpus through the whole read path (lib/read readReport, the format
 * readers included), per format. Prints one JSON line ({@link ParseThroughput}) on stdout.
 *
 * Run by ./bench-parse.ts twice: precompiled (bundled by esbuild, as a production build runs) and
 * under tsx (as `npm run …` scripts run). Alone: `npx tsx tests/bench/parse-throughput.ts [REPORTS]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runChecks } from '../../lib/checks/run-checks';
import { readReportText } from '../../lib/read/assemble-record';
import { readReport } from '../../lib/read/read-report';
import { generateSyntheticCorpus } from '../../lib/synth/generate-synthetic-corpus';

/** What one run measured. Seconds are wall-clock; `cpuSeconds` the process's CPU time over the same span (one thread). */
export interface ParseThroughput {
  reports: number;
  seconds: number;
  cpuSeconds: number;
  /** Synthetic reports per second of wall-clock time. */
  perSecond: number;
  /** Synthetic reports per second of CPU time (what one core does when the machine is shared). */
  perCpuSecond: number;
  /** The real documents by format (file ending): files, times each was read, milliseconds per reading (median of the files). */
  formats: Array<{ format: string; files: number; readings: number; msPerReport: number }>;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Reads `n` synthetic reports (after 300 to warm up) and times them. */
function synthetic(n: number): Pick<ParseThroughput, 'reports' | 'seconds' | 'cpuSeconds' | 'perSecond' | 'perCpuSecond'> {
  const texts = [...generateSyntheticCorpus({ reports: n, years: 5, seed: 'bench' })];
  for (const r of texts.slice(0, 300)) runChecks(readReportText(r.text, r.name, 'warm'));
  const c0 = cpuNow();
  const t0 = performance.now();
  for (let i = 0; i < texts.length; i++) runChecks(readReportText(texts[i].text, texts[i].name, `b${i}`));
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpuNow() - c0;
  return { reports: n, seconds, cpuSeconds, perSecond: Math.round(n / seconds), perCpuSecond: Math.round(n / cpuSeconds) };
}

/** Each real document read `readings` times with the whole read path; the median ms per reading of the files of each format. */
async function realFormats(root: string, readings: number): Promise<ParseThroughput['formats']> {
  const files = ['seeds', 'corpus'].flatMap((d) => {
    const dir = path.join(root, 'data', d);
    return readdirSync(dir).filter((f) => /\.(txt|md|html|pdf|docx)$/.test(f)).map((f) => path.join(dir, f));
  });
  const byFormat = new Map<string, number[]>();
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const name = path.basename(file);
    await readReport(bytes, name); // warm
    const t0 = performance.now();
    for (let i = 0; i < readings; i++) await readReport(bytes, name);
    const ms = (performance.now() - t0) / readings;
    const format = path.extname(file).slice(1);
    byFormat.set(format, [...(byFormat.get(format) ?? []), ms]);
  }
  return [...byFormat].map(([format, ms]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return { format, files: ms.length, readings, msPerReport: Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100 };
  });
}

/** Measures and returns the figures (synthetic: `reports` texts; real documents: `readings` each). */
export async function measureParseThroughput(root: string, reports: number, readings: number): Promise<ParseThroughput> {
  const s = synthetic(reports);
  return { ...s, formats: readings > 0 ? await realFormats(root, readings) : [] };
}

// Run as a script (bundled or under tsx): PARSE_BENCH_ROOT or the working directory is the project.
if (process.argv[1] && /parse-throughput\.(ts|mjs)$/.test(process.argv[1])) {
  const reports = Number(process.argv[2] ?? 10_000);
  const readings = Number(process.argv[3] ?? 5);
  const figures = await measureParseThroughput(process.env.PARSE_BENCH_ROOT ?? process.cwd(), reports, readings);
  console.log(JSON.stringify(figures));
}
