/**
 * Worker of the parallel ingest (ingest-parallel.ts): reads, parses and checks its share of the
 * files, appends their rows to its own part files, writes each report's text, and sends back
 * per report what the cross-year rules need and how many rows it wrote.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { crossYearInput, type CrossYearInput } from '../checks/cross-year-input';
import { readValues } from '../checks/duplicate-reports';
import { applyAgencyAliases, type AgencyAlias } from '../parse/agency-alias-table';
import { flagRows, RECORD_COLUMNS as CSV_COLUMNS, toCsv } from '../store/record-rows';
import { ingestFile } from './ingest-reports';

/** What the main thread sends: the files (with display names) and where to write. */
export interface WorkerJob {
  worker: number;
  files: Array<{ file: string; name: string; index: number }>;
  partsDir: string;
  textsDir: string;
  /** Rows of the alias table (lib/parse/agency-alias-table.ts) to apply to each report; may be empty. */
  aliases: AgencyAlias[];
}

/** Per-report result sent back: its global index, row counts and cross-year input (no text). */
export interface WorkerReport {
  index: number;
  cells: number;
  flags: number;
  input: CrossYearInput;
  /** The value of each read cell (lib/checks/duplicate-reports.ts readValues), for the duplicate test; dropped once it ran. */
  values?: Array<[string, number]>;
}

async function run(job: WorkerJob): Promise<void> {
  mkdirSync(job.partsDir, { recursive: true });
  mkdirSync(job.textsDir, { recursive: true });
  const part = (kind: string) => path.join(job.partsDir, `${String(job.worker).padStart(3, '0')}-${kind}.csv`);
  for (const kind of ['reports', 'cells', 'flags']) writeFileSync(part(kind), '');
  let batch: WorkerReport[] = [];
  let buf = { reports: '', cells: '', flags: '' };
  const flush = () => {
    appendFileSync(part('reports'), buf.reports);
    appendFileSync(part('cells'), buf.cells);
    appendFileSync(part('flags'), buf.flags);
    buf = { reports: '', cells: '', flags: '' };
    parentPort!.postMessage({ kind: 'batch', reports: batch });
    batch = [];
  };
  for (const { file, name, index } of job.files) {
    const read = await ingestFile(file, name);
    const rec = job.aliases.length ? { ...read, report: applyAgencyAliases(read.report, job.aliases) } : read;
    buf.reports += toCsv(CSV_COLUMNS.reports, [rec.report], false);
    buf.cells += toCsv(CSV_COLUMNS.cells, rec.cells, false);
    buf.flags += toCsv(CSV_COLUMNS.flags, flagRows(rec.flags), false);
    writeFileSync(path.join(job.textsDir, `${rec.report.report_id}.txt`), rec.text);
    batch.push({ index, cells: rec.cells.length, flags: rec.flags.length, input: crossYearInput(rec, false), values: [...readValues(rec.cells)] });
    if (batch.length >= 200) flush();
  }
  flush();
  parentPort!.postMessage({ kind: 'done' });
}

run(workerData as WorkerJob).catch((e: unknown) => parentPort!.postMessage({ kind: 'error', message: (e as Error).message }));
