/**
 * Pipeline benchmarks (figures, not pass/fail): parse throughput on one core, the parallel ingest
 * at 10,000 and 100,000 synthetic reports, the size of what it writes, and the checks scored
 * against the synthetic corpus's truth.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { runChecks } from '../../lib/checks/run-checks';
import { readReportText } from '../../lib/read/assemble-record';
import { ingestPathsParallel } from '../../lib/pipeline/ingest-parallel';
import { generateSyntheticCorpus } from '../../lib/synth/generate-synthetic-corpus';
import { scoreChecks, type RuleScore } from '../../lib/synth/score-checks';
import { writeSyntheticCorpus } from '../../lib/pipeline/write-synthetic-corpus';

/** Figures of the pipeline benchmarks. */
export interface PipelineFigures {
  parsePerSecondOneCore: number;
  parseReports: number;
  ingest: Array<{ reports: number; workers: number; seconds: number; perSecond: number; outputBytes: Record<string, number> }>;
  checkScores: RuleScore[];
}

function dirBytes(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return readdirSync(p).reduce((a, n) => a + dirBytes(path.join(p, n)), 0);
}

/** Runs the pipeline benchmarks under `work` (a scratch folder), printing as it goes. */
export async function benchPipeline(work: string, sizes: readonly number[]): Promise<PipelineFigures> {
  // 1. Parse throughput on one core: texts in memory, parse + single-report checks.
  const texts = [...generateSyntheticCorpus({ reports: 10_000, years: 5, seed: 'bench' })];
  for (const r of texts.slice(0, 300)) runChecks(readReportText(r.text, r.name, 'warm'));
  const t0 = performance.now();
  texts.forEach((r, i) => runChecks(readReportText(r.text, r.name, `b${i}`)));
  const parseSeconds = (performance.now() - t0) / 1000;
  const parsePerSecondOneCore = Math.round(texts.length / parseSeconds);
  console.log(`parse (one core): ${texts.length} reports in ${parseSeconds.toFixed(2)} s = ${parsePerSecondOneCore} reports/s`);

  // 2. The whole ingest with worker threads, from files to CSVs.
  const ingest: PipelineFigures['ingest'] = [];
  let checkScores: RuleScore[] = [];
  for (const n of sizes) {
    const corpus = path.join(work, `synth-${n}`);
    if (!existsSync(path.join(corpus, 'truth.csv'))) writeSyntheticCorpus(corpus, { reports: n, years: 5, seed: 'bench' });
    const out = path.join(work, `ingest-${n}`);
    const workers = os.cpus().length;
    const t1 = performance.now();
    const summary = await ingestPathsParallel([path.join(corpus, 'reports')], out, { workers, relativeTo: corpus });
    const seconds = (performance.now() - t1) / 1000;
    const outputBytes = Object.fromEntries(['reports.csv', 'cells.csv', 'flags.csv', 'texts'].map((f) => [f, dirBytes(path.join(out, f))]));
    ingest.push({ reports: summary.reports, workers, seconds, perSecond: Math.round(summary.reports / seconds), outputBytes });
    console.log(
      `ingest: ${summary.reports} reports, ${workers} workers, ${seconds.toFixed(1)} s (${Math.round(summary.reports / seconds)}/s); ` +
        Object.entries(outputBytes).map(([k, v]) => `${k} ${(v / 1048576).toFixed(1)} MB`).join(', '),
    );
    if (n === sizes[0]) {
      const truth = new Map(
        Papa.parse<Record<string, string>>(readFileSync(path.join(corpus, 'truth.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [
          r.file,
          r.expected_rules ? r.expected_rules.split(';') : [],
        ]),
      );
      const reports = Papa.parse<Record<string, string>>(readFileSync(path.join(out, 'reports.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
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
  return { parsePerSecondOneCore, parseReports: texts.length, ingest, checkScores };
}
