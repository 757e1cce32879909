/**
 * Writes a synthetic corpus to disk: DIR/reports/NNNN/*.txt (1,000 files a folder) and
 * DIR/truth.csv (file, agency, year, defect, expected_rules); or the layout benchmark's corpus
 * (writeLayoutCorpus). For scale tests and benchmarks only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { generateLayoutCorpus, type LayoutCorpusOptions } from '../synth/generate-layout-corpus';
import { generateSyntheticCorpus, type SynthOptions } from '../synth/generate-synthetic-corpus';

/** Writes the corpus; returns how many reports and injected defects it wrote. */
export function writeSyntheticCorpus(dir: string, opts: SynthOptions): { reports: number; defects: number } {
  const truth: Array<Record<string, string | number>> = [];
  let n = 0;
  for (const r of generateSyntheticCorpus(opts)) {
    const bucket = String(Math.floor(n / 1000)).padStart(4, '0');
    if (n % 1000 === 0) mkdirSync(path.join(dir, 'reports', bucket), { recursive: true });
    const file = path.join('reports', bucket, r.name);
    writeFileSync(path.join(dir, file), r.text);
    truth.push({ file, agency: r.agency, year: r.year, defect: r.defect ?? '', expected_rules: r.expectedRules.join(';') });
    n++;
  }
  writeFileSync(path.join(dir, 'truth.csv'), Papa.unparse(truth, { newline: '\n' }) + '\n');
  return { reports: n, defects: truth.filter((t) => t.defect).length };
}

/**
 * Writes the layout benchmark's corpus (issue 11): DIR/<family>/l000000.<ext> for each family
 * and report, and DIR/truth.csv — one row per file: `file, family, index, agency, year, fault`
 * (the arithmetic fault printed, or empty), then one column per cell of the three tables named
 * `table.row.column` (`t3.granted.total`) holding the value as printed (件; t2.fees.amount in 万元).
 *
 * @returns how many reports it wrote and how many carry an arithmetic fault
 */
export function writeLayoutCorpus(dir: string, opts: LayoutCorpusOptions): { reports: number; faults: number } {
  const truth: Array<Record<string, string | number>> = [];
  for (const family of opts.families) mkdirSync(path.join(dir, family), { recursive: true });
  for (const r of generateLayoutCorpus(opts)) {
    writeFileSync(path.join(dir, r.name), r.text);
    const row: Record<string, string | number> = { file: r.name, family: r.family, index: r.index, agency: r.agency, year: r.year, fault: r.fault ?? '' };
    for (const c of r.truth) row[`${c.table}.${c.row}.${c.column}`] = c.value;
    truth.push(row);
  }
  writeFileSync(path.join(dir, 'truth.csv'), Papa.unparse(truth, { newline: '\n' }) + '\n');
  return { reports: truth.length, faults: truth.filter((t) => t.fault).length };
}
