/**
 * The ingest on several cores (worker threads), for national-scale crawls: the same output as
 * ingestPaths (reports.csv, cells.csv, flags.csv, texts/) without holding every record in
 * memory. Each of `workers` slots reads its slice of the files one at a time in an isolated
 * worker thread (./isolated-reader.ts: a time and a memory budget per file, the worker replaced
 * after a failure) and appends each file's rows to the slot's part files;
 * the main thread runs the cross-year rules on compact inputs, then joins the parts in file
 * order, suffixing the ids of identical files (-2, -3…) and giving a readable copy status
 * `duplicate` naming the first copy, and a report read twice (same agency, year and numbers)
 * status `duplicate`, as ingestPaths does (its row is rewritten; the workers send each report's
 * read cell values for this, dropped once it ran).
 * The alias table's rows
 * (`opts.aliases`, lib/parse/agency-alias-table.ts) are applied by the workers to each report
 * before its rows are written, so the cross-year rules see the corrected identities.
 */
import { appendFileSync, closeSync, copyFileSync, createReadStream, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Papa from 'papaparse';
import { asCopy, asDuplicate, findDuplicates, identicalCopies } from '../checks/duplicate-reports';
import { crossYearFlags } from '../checks/run-checks';
import type { AgencyAlias } from '../parse/agency-alias-table';
import type { CrossYearInput } from '../checks/cross-year-input';
import { flagFingerprint } from '../model/make-flag';
import type { Flag } from '../model/report-schema';
import { failedRecord } from '../read/assemble-record';
import { nameId } from '../read/content-id';
import { collectInput, type InputEntry, type SkippedEntry } from './collect-input-files';
import { partRowsOf, type PartRows, type WorkerReport } from './ingest-part-rows';
import { CSV_COLUMNS, displayNameOf, flagRows, skippedCsv, toCsv, unreadRecord } from './ingest-reports';
import { isolatedReader, type IsolatedReader, type IsolationOptions } from './isolated-reader';

/** Result of a parallel ingest. */
export interface ParallelIngestSummary {
  reports: number;
  cells: number;
  flags: number;
  notFound: string[];
  /** Entries of the input folders not read (dot-files, README/MANIFEST), with the reason; also in skipped.csv. */
  skipped: SkippedEntry[];
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
 * What the join writes for the batch, in file order (lib/checks/duplicate-reports.ts, as
 * ingestPaths does): each report's id (`ids`: identical files get -2, -3…, identicalCopies), the
 * reports whose row is rewritten (`rewrite`, by index: a readable identical copy, status
 * `duplicate` naming the first copy, or a report read twice, acrossReports), the cross-year inputs
 * with those statuses and the cross-year flags of the counted reports.
 */
function batchVerdicts(results: WorkerReport[]): { ids: string[]; inputs: CrossYearInput[]; rewrite: Set<number>; cross: Map<string, Flag[]> } {
  const copies = identicalCopies(results.map((r) => r.input.report));
  const renamed = results.map((r, i) => {
    const { id, copyOf } = copies[i];
    if (id === r.input.report.report_id && !copyOf) return r.input;
    const report = { ...r.input.report, report_id: id };
    return { ...r.input, report: copyOf ? asCopy(report, copyOf) : report };
  });
  const { inputs, dups, cross } = acrossReports(renamed, results);
  const rewrite = new Set(copies.flatMap((c, i) => (c.copyOf || dups.has(c.id) ? [i] : [])));
  return { ids: copies.map((c) => c.id), inputs, rewrite, cross };
}

/**
 * A flags.csv row whose report_id was just given a copy's suffixed id, with the fingerprint of
 * that id (lib/model/make-flag.ts flagFingerprint, the last field), as ingestPaths computes it from
 * the renamed flag: the fingerprints of a batch stay unique. Returns the row unchanged if it does
 * not end in a fingerprint.
 */
function withOwnFingerprint(row: string): string {
  const fields = Papa.parse<string[]>(row, { header: false }).data[0] ?? [];
  const at = (c: string) => fields[CSV_COLUMNS.flags.indexOf(c)] ?? '';
  if (!/[0-9a-f]{16}$/.test(row) || fields.length !== CSV_COLUMNS.flags.length) return row;
  const subject = at('subject') ? at('subject').split(';') : [];
  return row.slice(0, -16) + flagFingerprint({ report_id: at('report_id'), rule: at('rule'), rule_version: Number(at('rule_version')), subject });
}

/**
 * The rows and summary of one entry: read by `reader` (its worker writes the text), or, for an
 * entry that cannot be opened or a reading the isolation ended, a failure record made here.
 */
async function entryRows(entry: InputEntry, name: string, index: number, reader: IsolatedReader, aliases: readonly AgencyAlias[], textsDir: string): Promise<{ rows: PartRows; report: WorkerReport }> {
  if (entry.problem) return partRowsOf(failedRecord(await nameId(name), name, 'read_error', `${name}：${entry.problem}。`), index, aliases, textsDir);
  const answer = await reader.read({ file: entry.path, name, index });
  if (answer.kind === 'rows') return answer;
  if (answer.kind === 'failed') return partRowsOf(await unreadRecord(entry.path, name, answer.status, answer.message), index, aliases, textsDir);
  throw new Error(`ingest: a reading worker answered ${answer.kind} in rows mode`);
}

/**
 * One worker's share: its slice of the entries read one at a time in its isolated reader (a file
 * that times out, exhausts memory or crashes the worker gets its failure row, and the reader
 * starts a new worker), each entry's rows appended to the slot's part files in order.
 */
async function readSlice(slot: number, slice: ReadonlyArray<{ entry: InputEntry; name: string; index: number }>, partsDir: string, textsDir: string, aliases: readonly AgencyAlias[], isolation: IsolationOptions, results: WorkerReport[]): Promise<void> {
  const part = (kind: string) => path.join(partsDir, `${String(slot).padStart(3, '0')}-${kind}.csv`);
  for (const kind of ['reports', 'cells', 'flags']) writeFileSync(part(kind), '');
  const reader = isolatedReader({ mode: 'rows', aliases: [...aliases], textsDir }, isolation);
  try {
    for (const { entry, name, index } of slice) {
      const { rows, report } = await entryRows(entry, name, index, reader, aliases, textsDir);
      for (const kind of ['reports', 'cells', 'flags'] as const) if (rows[kind]) appendFileSync(part(kind), rows[kind]);
      results[index] = report;
    }
  } finally {
    await reader.close();
  }
}

/**
 * Joins the slots' part files into reports.csv, cells.csv and flags.csv (header first) in worker
 * order (= file order), each row as `rowOf` gives it (ids of identical files suffixed, rewritten
 * report rows), the cross-year flags after the others. `n` is the number of slots. Returns the
 * number of cell and flag rows written.
 */
async function joinParts(
  outDir: string,
  partsDir: string,
  n: number,
  results: readonly WorkerReport[],
  rowOf: (kind: 'reports' | 'cells' | 'flags', row: string, index: number) => string,
  cross: Map<string, Flag[]>,
): Promise<{ cells: number; flags: number }> {
  let cellsTotal = 0;
  let flagsTotal = 0;
  const outputs = { reports: 'reports.csv', cells: 'cells.csv', flags: 'flags.csv' } as const;
  for (const kind of ['reports', 'cells', 'flags'] as const) {
    const fd = openSync(path.join(outDir, outputs[kind]), 'w');
    writeSync(fd, toCsv(CSV_COLUMNS[kind], []).trimEnd() + '\n');
    // `index`: the report the next row belongs to; `left`: its rows of this file still to come
    // (0: look up the next report with rows — a cell or flag row belongs to the first report after
    // the previous one's rows that has any).
    let index = 0;
    let left = 0;
    for (let w = 0; w < n; w++) {
      const rl = readline.createInterface({ input: createReadStream(path.join(partsDir, `${String(w).padStart(3, '0')}-${kind}.csv`)), crlfDelay: Infinity });
      let pending = '';
      for await (const line of rl) {
        // A quoted field may span lines: keep reading until the quotes balance.
        pending = pending ? `${pending}\n${line}` : line;
        if ((pending.match(/"/g) ?? []).length % 2 === 1) continue;
        const row = pending;
        pending = '';
        while (left === 0 && kind !== 'reports') {
          left = kind === 'cells' ? results[index].cells : results[index].flags;
          if (left === 0) index++;
        }
        writeSync(fd, rowOf(kind, row, index) + '\n');
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
  return { cells: cellsTotal, flags: flagsTotal };
}

/**
 * Ingests every file below `paths` with `workers` worker threads (default: the number of CPUs),
 * each file read in isolation (./isolated-reader.ts: a time and a memory budget per file; a file
 * past them gets a `timeout` / `too_large` / `parse_failed` row and the batch goes on), every
 * entry of the folders accounted for as ingestPaths does (read_error rows, skipped.csv).
 * @param opts.relativeTo names in source_file are given relative to this folder when inside it.
 * @param opts.aliases rows of the alias table, applied to each report's agency identity (a report
 *   changed by a row names it in `agency_alias`), as ingestPaths does; none by default.
 * @param opts.timeoutMs / opts.memoryMb the budgets of one file (defaults 30 s, 2,048 MB).
 * @throws Error only when a reading worker cannot be started (not for bad input, which becomes rows).
 */
export async function ingestPathsParallel(
  paths: readonly string[],
  outDir: string,
  opts: { workers?: number; relativeTo?: string; aliases?: readonly AgencyAlias[] } & IsolationOptions = {},
): Promise<ParallelIngestSummary> {
  const { entries, notFound, skipped } = collectInput(paths);
  const n = Math.max(1, Math.min(opts.workers ?? os.cpus().length, entries.length || 1));
  const partsDir = path.join(outDir, '.parts');
  const textsDir = path.join(outDir, 'texts');
  mkdirSync(partsDir, { recursive: true });
  mkdirSync(textsDir, { recursive: true });
  const named = entries.map((entry, index) => ({ entry, name: displayNameOf(entry.path, opts.relativeTo), index }));
  const per = Math.ceil(named.length / n);
  const results: WorkerReport[] = new Array(named.length);
  const isolation = { timeoutMs: opts.timeoutMs, memoryMb: opts.memoryMb };
  await Promise.all(Array.from({ length: n }, (_, w) => readSlice(w, named.slice(w * per, (w + 1) * per), partsDir, textsDir, opts.aliases ?? [], isolation, results)));
  writeFileSync(path.join(outDir, 'skipped.csv'), skippedCsv(skipped, (p) => displayNameOf(p, opts.relativeTo)));

  const { ids, inputs, rewrite, cross } = batchVerdicts(results);
  for (const [i, r] of results.entries()) {
    const text = path.join(textsDir, `${r.input.report.report_id}.txt`);
    if (ids[i] !== r.input.report.report_id && existsSync(text)) copyFileSync(text, path.join(textsDir, `${ids[i]}.txt`));
  }
  const rowOf = (kind: 'reports' | 'cells' | 'flags', row: string, i: number): string => {
    if (kind === 'reports' && rewrite.has(i)) return toCsv(CSV_COLUMNS.reports, [inputs[i].report], false).slice(0, -1);
    const orig = results[i].input.report.report_id;
    if (ids[i] === orig || !row.startsWith(orig)) return row;
    const renamed = ids[i] + row.slice(orig.length);
    return kind === 'flags' ? withOwnFingerprint(renamed) : renamed;
  };

  const totals = await joinParts(outDir, partsDir, n, results, rowOf, cross);
  rmSync(partsDir, { recursive: true, force: true });
  return { reports: results.length, cells: totals.cells, flags: totals.flags, notFound, skipped, workers: n, outDir, inputs };
}
