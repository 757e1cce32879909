/**
 * The ingest on several cores (worker threads), for national-scale crawls: the same output as
 * ingestPaths (reports.csv, cells.csv, flags.csv, texts/) without holding every record in
 * memory. Workers parse and check disjoint slices of the files and stream rows to part files;
 * the main thread runs the cross-year rules on compact inputs, then joins the parts in file
 * order, suffixing duplicate report ids (-2, -3…) as ingestPaths does, and giving a report read
 * twice (same agency, year and numbers) status `duplicate` as ingestPaths does (its row is
 * rewritten; the workers send each report's read cell values for this, dropped once it ran).
 * The alias table's rows
 * (`opts.aliases`, lib/parse/agency-alias-table.ts) are applied by the workers to each report
 * before its rows are written, so the cross-year rules see the corrected identities.
 */
import { closeSync, createReadStream, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Worker } from 'node:worker_threads';
import { asDuplicate, findDuplicates } from '../checks/duplicate-reports';
import { crossYearFlags } from '../checks/run-checks';
import type { AgencyAlias } from '../parse/agency-alias-table';
import type { CrossYearInput } from '../checks/cross-year-input';
import type { Flag } from '../model/report-schema';
import { CSV_COLUMNS, collectFiles, flagRows, toCsv } from './ingest-reports';
import type { WorkerJob, WorkerReport } from './ingest-worker';

/** Result of a parallel ingest. */
export interface ParallelIngestSummary {
  reports: number;
  cells: number;
  flags: number;
  notFound: string[];
  workers: number;
  outDir: string;
  /** Cross-year inputs of every report, in file order (for callers that score or index them). */
  inputs: CrossYearInput[];
}

/**
 * The steps that need every report, as ingestPaths's checkAcrossReports: the reports read twice
 * (lib/checks/duplicate-reports.ts findDuplicates, on the cell values the workers sent, which are
 * dropped from `results` here) get status `duplicate` and a message naming the report kept (the
 * caller rewrites their reports.csv rows; `dups` holds their ids); then the cross-year flags of the
 * others (`cross`, by report id). `inputs` in the order of `renamed`.
 */
function acrossReports(renamed: CrossYearInput[], results: WorkerReport[]): { inputs: CrossYearInput[]; dups: Set<string>; cross: Map<string, Flag[]> } {
  const found = findDuplicates(renamed.map((input, i) => ({ report: input.report, values: new Map(results[i].values ?? []) })));
  for (const r of results) delete r.values;
  const inputs = renamed.map((input) => {
    const kept = found.get(input.report.report_id);
    return kept ? { ...input, report: asDuplicate(input.report, kept) } : input;
  });
  return { inputs, dups: new Set(found.keys()), cross: crossYearFlags(inputs.filter((input) => input.report.status !== 'duplicate')) };
}

/**
 * Ingests every file below `paths` with `workers` worker threads (default: the number of CPUs).
 * @param opts.relativeTo names in source_file are given relative to this folder when inside it.
 * @param opts.aliases rows of the alias table, applied to each report's agency identity (a report
 *   changed by a row names it in `agency_alias`), as ingestPaths does; none by default.
 * @throws Error only when a worker itself crashes (not for bad input, which becomes rows).
 */
export async function ingestPathsParallel(
  paths: readonly string[],
  outDir: string,
  opts: { workers?: number; relativeTo?: string; aliases?: readonly AgencyAlias[] } = {},
): Promise<ParallelIngestSummary> {
  const { files, notFound } = collectFiles(paths);
  const n = Math.max(1, Math.min(opts.workers ?? os.cpus().length, files.length || 1));
  const partsDir = path.join(outDir, '.parts');
  const textsDir = path.join(outDir, 'texts');
  mkdirSync(outDir, { recursive: true });
  const named = files.map((file, index) => {
    const name = opts.relativeTo ? path.relative(opts.relativeTo, file) : file;
    return { file, name: name.startsWith('..') ? file : name, index };
  });
  const per = Math.ceil(named.length / n);
  const results: WorkerReport[] = new Array(named.length);
  await Promise.all(
    Array.from({ length: n }, (_, w) => {
      const job: WorkerJob = { worker: w, files: named.slice(w * per, (w + 1) * per), partsDir, textsDir, aliases: [...(opts.aliases ?? [])] };
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./ingest-worker-bootstrap.mjs', import.meta.url), { workerData: job });
        worker.on('message', (m: { kind: string; reports?: WorkerReport[]; message?: string }) => {
          if (m.kind === 'batch') for (const r of m.reports!) results[r.index] = r;
          else if (m.kind === 'done') resolve();
          else if (m.kind === 'error') reject(new Error(`ingest worker ${w} failed: ${m.message}`));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ingest worker ${w} exited with ${code}`))));
      });
    }),
  );

  // Duplicate ids (identical files) get -2, -3… in file order, as in ingestPaths.
  const seen = new Map<string, number>();
  const ids = results.map((r) => {
    const id = r.input.report.report_id;
    const k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    return k === 1 ? id : `${id}-${k}`;
  });
  const { inputs, dups, cross } = acrossReports(results.map((r, i) => (ids[i] === r.input.report.report_id ? r.input : { ...r.input, report: { ...r.input.report, report_id: ids[i] } })), results);

  // Join the parts in worker order (= file order), rewriting duplicate ids.
  let cellsTotal = 0;
  let flagsTotal = 0;
  const outputs = { reports: 'reports.csv', cells: 'cells.csv', flags: 'flags.csv' } as const;
  for (const kind of ['reports', 'cells', 'flags'] as const) {
    const fd = openSync(path.join(outDir, outputs[kind]), 'w');
    writeSync(fd, toCsv(CSV_COLUMNS[kind], []).trimEnd() + '\n');
    let index = 0;
    let left = -1;
    for (let w = 0; w < n; w++) {
      const rl = readline.createInterface({ input: createReadStream(path.join(partsDir, `${String(w).padStart(3, '0')}-${kind}.csv`)), crlfDelay: Infinity });
      let pending = '';
      for await (const line of rl) {
        // A quoted field may span lines: keep reading until the quotes balance.
        pending = pending ? `${pending}\n${line}` : line;
        if ((pending.match(/"/g) ?? []).length % 2 === 1) continue;
        const row = pending;
        pending = '';
        if (kind === 'reports') left = 0;
        while (left === 0 && kind !== 'reports') {
          left = kind === 'cells' ? results[index].cells : results[index].flags;
          if (left === 0) index++;
        }
        const orig = results[index].input.report.report_id;
        const rewritten = kind === 'reports' && dups.has(ids[index]) ? toCsv(CSV_COLUMNS.reports, [inputs[index].report], false).slice(0, -1) : null;
        writeSync(fd, (rewritten ?? (ids[index] !== orig && row.startsWith(orig) ? ids[index] + row.slice(orig.length) : row)) + '\n');
        if (kind === 'reports') index++;
        else if (--left === 0) index++;
        if (kind === 'cells') cellsTotal++;
        if (kind === 'flags') flagsTotal++;
      }
    }
    if (kind === 'flags') {
      for (const [, flags] of cross) {
        writeSync(fd, toCsv(CSV_COLUMNS.flags, flagRows(flags), false));
        flagsTotal += flags.length;
      }
    }
    closeSync(fd);
  }
  rmSync(partsDir, { recursive: true, force: true });
  return { reports: results.length, cells: cellsTotal, flags: flagsTotal, notFound, workers: n, outDir, inputs };
}
