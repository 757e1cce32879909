/**
 * Pipeline benchmarks (figures, not pass/fail; issue 15): parse throughput on one core
 * (./bench-parse.ts: precompiled and under tsx, and per format for the real documents), then
 * `npm run ingest` — the parallel ingest — at 10,000 and 100,000 synthetic reports on
 * BENCH_INGEST_WORKERS (default 2) worker threads, run as its own process so that its seconds and
 * peak memory (resident, worker threads included) are the command's own, the size of what it
 * writes, and the checks scored against the synthetic corpus's truth.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { scoreChecks, type RuleScore } from '../../lib/synth/score-checks';
import { writeSyntheticCorpus } from '../../lib/pipeline/write-synthetic-corpus';
import { benchParse, type ParseFigures } from './bench-parse';

/** Figures of the pipeline benchmarks. */
export interface PipelineFigures {
  /** Synthetic reports a second on one core, precompiled (wall-clock; see `parse` for CPU time and tsx). */
  parsePerSecondOneCore: number;
  parseReports: number;
  parse: ParseFigures;
  ingest: Array<{ reports: number; workers: number; seconds: number; perSecond: number; peakMb: number; outputBytes: Record<string, number> }>;
  checkScores: RuleScore[];
}

function dirBytes(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return readdirSync(p).reduce((a, n) => a + dirBytes(path.join(p, n)), 0);
}

/**
 * The folders of a synthetic corpus of `n` reports (1,000 a folder): .bench/synth-N, or the first
 * n/1,000 folders of a larger corpus already written (.bench/synth-100000), else written now.
 */
function corpusFolders(work: string, n: number): { corpus: string; folders: string[] } {
  const own = path.join(work, `synth-${n}`);
  const larger = path.join(work, 'synth-100000');
  if (!existsSync(path.join(own, 'truth.csv')) && n % 1000 === 0 && n < 100_000 && existsSync(path.join(larger, 'truth.csv'))) {
    const folders = readdirSync(path.join(larger, 'reports')).sort().slice(0, n / 1000);
    if (folders.length === n / 1000) return { corpus: larger, folders: folders.map((f) => path.join(larger, 'reports', f)) };
  }
  if (!existsSync(path.join(own, 'truth.csv'))) writeSyntheticCorpus(own, { reports: n, years: 5, seed: 'bench' });
  return { corpus: own, folders: [path.join(own, 'reports')] };
}

/**
 * Runs `npm run ingest` (the CLI through tsx, as npm runs it) in a process of its own, from the
 * corpus folder (source_file as in truth.csv: reports/0000/…); its seconds and peak memory from its
 * summary line.
 */
function runIngest(root: string, corpus: string, out: string, folders: string[], workers: number): { reports: number; seconds: number; peakMb: number } {
  rmSync(out, { recursive: true, force: true });
  const args = ['--import', 'tsx', path.join(root, 'lib/pipeline/ingest-cli.ts'), '--out', out, '--workers', String(workers), '--quiet', '--no-aliases'];
  const stdout = execFileSync(process.execPath, [...args, ...folders.map((f) => path.relative(corpus, f))], {
    cwd: corpus,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const m = /ingest: (\d+) files .* ([\d.]+) s, peak memory (\d+) MB/.exec(stdout);
  if (!m) throw new Error(`bench: the ingest printed no summary: ${stdout.slice(-500)}`);
  return { reports: Number(m[1]), seconds: Number(m[2]), peakMb: Number(m[3]) };
}

/** Runs the pipeline benchmarks under `work` (a scratch folder), printing as it goes. */
export async function benchPipeline(work: string, sizes: readonly number[]): Promise<PipelineFigures> {
  const root = path.resolve(work, '..');
  // 1. Parse throughput on one core: texts in memory, parse + single-report checks (./bench-parse.ts).
  const parse = await benchParse(work, Number(process.env.BENCH_PARSE_REPORTS ?? 10_000));

  // 2. `npm run ingest` (the parallel ingest) from files to CSVs, on BENCH_INGEST_WORKERS threads.
  const ingest: PipelineFigures['ingest'] = [];
  let checkScores: RuleScore[] = [];
  const workers = Number(process.env.BENCH_INGEST_WORKERS ?? 2);
  for (const n of sizes) {
    const { corpus, folders } = corpusFolders(work, n);
    // The browser bench reuses ingest-N of its own corpus (./bench-data.ts); a part of a larger corpus goes elsewhere.
    const out = path.join(work, corpus.endsWith(`synth-${n}`) ? `ingest-${n}` : `ingest-${n}-of-${path.basename(corpus).slice(6)}`);
    const run = runIngest(root, corpus, out, folders, workers);
    const outputBytes = Object.fromEntries(['reports.csv', 'cells.csv', 'flags.csv', 'texts'].map((f) => [f, dirBytes(path.join(out, f))]));
    ingest.push({ reports: run.reports, workers, seconds: run.seconds, perSecond: Math.round(run.reports / run.seconds), peakMb: run.peakMb, outputBytes });
    console.log(
      `ingest (npm run ingest): ${run.reports} reports, ${workers} workers, ${run.seconds.toFixed(1)} s (${Math.round(run.reports / run.seconds)}/s), peak memory ${run.peakMb} MB; ` +
        Object.entries(outputBytes).map(([k, v]) => `${k} ${(v / 1048576).toFixed(1)} MB`).join(', '),
    );
    if (n === Math.max(...sizes)) {
      // Scored on the largest corpus: a part of a corpus (its first folders) holds only some of the injected defects.
      const reports = Papa.parse<Record<string, string>>(readFileSync(path.join(out, 'reports.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
      const read = new Set(reports.map((r) => r.source_file));
      // The truth of the files ingested (a part of a larger corpus: its first folders).
      const truth = new Map(
        Papa.parse<Record<string, string>>(readFileSync(path.join(corpus, 'truth.csv'), 'utf8'), { header: true, skipEmptyLines: true })
          .data.filter((r) => read.has(r.file))
          .map((r) => [r.file, r.expected_rules ? r.expected_rules.split(';') : []]),
      );
      const fileOf = new Map(reports.map((r) => [r.report_id, r.source_file]));
      const flagged = new Map<string, Set<string>>();
      Papa.parse<Record<string, string>>(readFileSync(path.join(out, 'flags.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.forEach((f) => {
        const file = fileOf.get(f.report_id)!;
        flagged.set(file, (flagged.get(file) ?? new Set()).add(f.rule));
      });
      const rules = ['DEADLINE', 'T3_BALANCE', 'TABLE_MISSING', 'TEXT_REUSE', 'CELL_INFERRED', 'T3_OUTCOME_SUM', 'T3_ROW_TOTAL', 'T4_TOTAL', 'CARRYOVER_CONTINUITY', 'NARRATIVE_MATCH', 'CELL_MISSING', 'SECTION_MISSING'];
      checkScores = scoreChecks(truth, flagged, rules);
      for (const s of checkScores) {
        console.log(
          `checks: ${s.rule.padEnd(22)} precision ${s.precision === null ? '—' : s.precision.toFixed(3)}  recall ${s.recall === null ? '—' : s.recall.toFixed(3)}  (TP ${s.truePositives}, FP ${s.falsePositives}, FN ${s.falseNegatives})`,
        );
      }
    }
  }
  return { parsePerSecondOneCore: parse.precompiled.perSecond, parseReports: parse.precompiled.reports, parse, ingest, checkScores };
}
