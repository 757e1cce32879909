/**
 * The worker thread that reads files for the ingest (./isolated-reader.ts), one at a time, so that
 * a file that throws, overflows the stack, runs past its time budget or its memory budget ends
 * only its own reading: the main thread terminates this worker and starts another. Loaded by
 * ./ingest-worker-bootstrap.mjs (tsx). Posts `ready` once its modules are loaded, then answers each
 * task with the record (`record` mode: the sequential ingest keeps records) or with its CSV rows
 * (`rows` mode: the parallel ingest, which writes the text here and keeps only a summary).
 */
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportRecord, ReportStatus } from '../model/report-schema';
import type { AgencyAlias } from '../parse/agency-alias-table';
import { parseFailedMessage } from '../read/read-report';
import { partRowsOf, type PartRows, type WorkerReport } from './ingest-part-rows';
import { ingestFile } from './ingest-reports';

export type { WorkerReport } from './ingest-part-rows';

/** What a reading worker is started with: what to answer (`record` or `rows`), and for rows, the alias rows and where texts go. */
export interface WorkerSetup {
  mode: 'record' | 'rows';
  /** Rows of the alias table (lib/parse/agency-alias-table.ts) applied in `rows` mode; may be empty. */
  aliases: AgencyAlias[];
  /** Folder of `texts/REPORT_ID.txt` (`rows` mode). */
  textsDir?: string;
  /** This module compiled to JavaScript (./compile-ingest-worker.ts), loaded instead of the TypeScript through tsx; optional. */
  compiled?: string | null;
}

/** One file to read: its path, the name written to reports.csv, its index in file order. */
export interface ReadTask {
  file: string;
  name: string;
  index: number;
}

/** A worker's answer to a task: the record, its rows and summary, or why it failed (status and message). */
export type WorkerAnswer =
  | { kind: 'record'; index: number; record: ReportRecord }
  | { kind: 'rows'; index: number; rows: PartRows; report: WorkerReport }
  | { kind: 'failed'; index: number; status: ReportStatus; message: string };

/** Reads one task's file and answers as `setup.mode` says. Never throws (a throw is a `parse_failed` answer). */
async function answer(task: ReadTask, setup: WorkerSetup): Promise<WorkerAnswer> {
  try {
    const record = await ingestFile(task.file, task.name);
    if (setup.mode === 'record') return { kind: 'record', index: task.index, record };
    return { kind: 'rows', index: task.index, ...partRowsOf(record, task.index, setup.aliases, setup.textsDir!) };
  } catch (e) {
    return { kind: 'failed', index: task.index, status: 'parse_failed', message: parseFailedMessage(task.name, e) };
  }
}

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  if (setup.textsDir) mkdirSync(setup.textsDir, { recursive: true });
  port.on('message', (task: ReadTask) => {
    void answer(task, setup).then((a) => port.postMessage(a));
  });
  port.postMessage({ kind: 'ready' });
}
