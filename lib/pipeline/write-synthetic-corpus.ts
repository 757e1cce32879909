/**
 * Writes a synthetic corpus to disk: DIR/reports/NNNN/*.txt (1,000 files a folder) and
 * DIR/truth.csv (file, agency, year, defect, expected_rules). For scale tests only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
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
