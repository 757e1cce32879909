/**
 * The ingest on several cores (worker threads) with flat memory, for national-scale crawls — what
 * `npm run ingest` runs (./ingest-cli.ts): the same output as ingestPaths (reports.csv, cells.csv,
 * flags.csv, texts/, skipped.csv) without holding the records in memory. Each of `workers` slots
 * takes the next file, reads it in an isolated worker thread (./isolated-reader.ts: a time and a
 * memory budget per file, the worker replaced after a failure; a file past them gets a `timeout`,
 * `too_large` or `parse_failed` row and the batch goes on), and the main thread appends each
 * file's cell and flag rows to cells.csv and flags.csv as soon as the files before it are written
 * (streamed in file order; at most {@link MAX_AHEAD} files wait for a slow one). No part files
 * and no final join: what stays in memory per report is what the steps across reports need — its
 * report row and cross-year input (the few cells and the prose digest the cross-year rules read);
 * the read cell values for the duplicate test go to a scratch file and are read back only for
 * the reports that share an agency and year with another.
 *
 * In file order, as ingestPaths does: identical files get ids suffixed -2, -3… and a readable copy
 * status `duplicate` naming the first copy (lib/checks/duplicate-reports.ts identicalCopies, decided
 * as each file is written); at the end, a report read twice (same agency, year and numbers) gets
 * status `duplicate` (findDuplicates), the cross-year flags of the counted reports are appended to
 * flags.csv, and reports.csv is written from the report rows kept (the only file written at the end,
 * one row per file). The alias table's rows (`opts.aliases`) are applied by the workers to each
 * report before its rows are written, so the cross-year rules see the corrected identities.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { asCopy, asDuplicate, findDuplicates, type DuplicateCandidate } from '../checks/duplicate-reports';
import { crossYearFlags } from '../checks/run-checks';
import type { CrossYearInput } from '../checks/cross-year-input';
import { flagFingerprint } from '../model/make-flag';
import type { Report } from '../model/report-schema';
import type { AgencyAlias } from '../parse/agency-alias-table';
import { failedRecord } from '../read/assemble-record';
import { nameId } from '../read/content-id';
import { compiledIngestWorker } from './compile-ingest-worker';
import { collectInput, type InputEntry, type SkippedEntry } from './collect-input-files';
import { partRowsOf, type PartRows, type WorkerReport } from './ingest-part-rows';
import { CSV_COLUMNS, displayNameOf, flagRows, skippedCsv, toCsv, unreadRecord } from './ingest-reports';
import { isolatedReader, type IsolatedReader, type IsolationOptions } from './isolated-reader';

/** At most this many files are read ahead of the first one not yet written (a slow file holds the others in memory). */
export const MAX_AHEAD = 512;

/** Rows written for one report (cross-year flags included): its cells, flags and error flags. */
export interface ReportRowCounts {
  cells: number;
  flags: number;
  errors: number;
}

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
  /** Cross-year inputs of every report, in file order, with the report rows as written (ids and statuses final). */
  inputs: CrossYearInput[];
  /** The rows written for each report, in file order. */
  counts: ReportRowCounts[];
}

/** One file's rows and summary, as read. */
type EntryResult = { rows: PartRows; report: WorkerReport };

/**
 * The rows and summary of one entry: read by `reader` (its worker writes the text), or, for an
 * entry that cannot be opened or a reading the isolation ended, a failure record made here.
 */
async function entryRows(entry: InputEntry, name: string, index: number, reader: IsolatedReader, aliases: readonly AgencyAlias[], textsDir: string): Promise<EntryResult> {
  if (entry.problem) return partRowsOf(failedRecord(await nameId(name), name, 'read_error', `${name}：${entry.problem}。`), index, aliases, textsDir);
  const answer = await reader.read({ file: entry.path, name, index });
  if (answer.kind === 'rows') return answer;
  if (answer.kind === 'failed') return partRowsOf(await unreadRecord(entry.path, name, answer.status, answer.message), index, aliases, textsDir);
  throw new Error(`ingest: a reading worker answered ${answer.kind} in rows mode`);
}

/** The CSV rows of a text of rows (each ending in a newline; a quoted field may hold newlines). */
function csvRows(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    pending = pending ? `${pending}\n${line}` : line;
    if ((pending.match(/"/g) ?? []).length % 2 === 1) continue;
    if (pending) out.push(pending);
    pending = '';
  }
  return out;
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

/** A copy's rows with its suffixed id in place of the id as read (flags with their own fingerprint). */
function renamedRows(text: string, from: string, to: string, flags: boolean): string {
  if (!text) return text;
  return csvRows(text)
    .map((row) => {
      if (!row.startsWith(from)) return row;
      const renamed = to + row.slice(from.length);
      return flags ? withOwnFingerprint(renamed) : renamed;
    })
    .map((r) => `${r}\n`)
    .join('');
}

/** The duplicate test's group of a report (findDuplicates: a readable report with an agency_key and a year), or null. */
const duplicateGroup = (r: Report): string | null => ((r.status === 'ok' || r.status === 'partial') && r.agency_key && r.year !== null ? `${r.agency_key}|${r.year}` : null);

/**
 * Writes the reports in file order as they arrive: cell and flag rows appended to the open
 * files, identical copies renamed and marked as they are written, each report's cross-year input
 * and counts kept, its read values spilled to a scratch file (offsets kept) for the duplicate test.
 */
class OrderedWriter {
  readonly inputs: CrossYearInput[] = [];
  readonly counts: ReportRowCounts[] = [];
  /** The next index to write; results of later indices wait in `waiting`. */
  next = 0;
  cells = 0;
  flags = 0;
  private readonly waiting = new Map<number, EntryResult>();
  private readonly seen = new Map<string, number>();
  private readonly firstReadable = new Map<string, Pick<Report, 'source_file' | 'report_id'>>();
  /** Per report: where its read values start in the scratch file and how many bytes (0: not a duplicate candidate). */
  private readonly spillAt: number[] = [];
  private readonly spillLength: number[] = [];
  private spillEnd = 0;
  readonly groups = new Map<string, number>();
  private wake: Array<() => void> = [];
  /** Set when a slot failed (no reading worker could start): the other slots stop instead of waiting for room. */
  private failure: Error | null = null;

  constructor(
    private readonly fds: { cells: number; flags: number; spill: number },
    private readonly textsDir: string,
  ) {}

  /** Takes the result of file `index` and writes every result that is now next in order. */
  put(index: number, result: EntryResult): void {
    this.waiting.set(index, result);
    for (let r = this.waiting.get(this.next); r; r = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.write(r);
      this.next++;
    }
    this.wakeAll();
  }

  /** Stops every slot waiting for room: `e` is thrown there. */
  abort(e: Error): void {
    this.failure = e;
    this.wakeAll();
  }

  private wakeAll(): void {
    const woken = this.wake;
    this.wake = [];
    for (const w of woken) w();
  }

  /** Resolves once file `index` may be read (no more than MAX_AHEAD files ahead of the next to write). */
  async room(index: number): Promise<void> {
    while (index - this.next >= MAX_AHEAD && !this.failure) await new Promise<void>((resolve) => this.wake.push(resolve));
    if (this.failure) throw this.failure;
  }

  /** The ids of identical files (identicalCopies, decided in file order): the id to write and the first readable copy, if this is one. */
  private verdict(r: Report): { id: string; copyOf: Pick<Report, 'source_file' | 'report_id'> | null } {
    const n = (this.seen.get(r.report_id) ?? 0) + 1;
    this.seen.set(r.report_id, n);
    const id = n === 1 ? r.report_id : `${r.report_id}-${n}`;
    if (r.status !== 'ok' && r.status !== 'partial') return { id, copyOf: null };
    const first = this.firstReadable.get(r.report_id);
    if (first) return { id, copyOf: first };
    this.firstReadable.set(r.report_id, { source_file: r.source_file, report_id: id });
    return { id, copyOf: null };
  }

  private write({ rows, report }: EntryResult): void {
    let { input } = report;
    let { cells, flags } = rows;
    const orig = input.report.report_id;
    const { id, copyOf } = this.verdict(input.report);
    if (id !== orig || copyOf) {
      const renamed = { ...input.report, report_id: id };
      input = { ...input, report: copyOf ? asCopy(renamed, copyOf) : renamed };
      if (id !== orig) {
        cells = renamedRows(cells, orig, id, false);
        flags = renamedRows(flags, orig, id, true);
        const text = path.join(this.textsDir, `${orig}.txt`);
        if (existsSync(text)) copyFileSync(text, path.join(this.textsDir, `${id}.txt`));
      }
    }
    if (cells) writeSync(this.fds.cells, cells);
    if (flags) writeSync(this.fds.flags, flags);
    this.cells += report.cells;
    this.flags += report.flags;
    this.spill(input.report, report.values);
    this.inputs.push(input);
    this.counts.push({ cells: report.cells, flags: report.flags, errors: report.errors });
  }

  /** Spills a duplicate candidate's read values (JSON) to the scratch file and counts its group. */
  private spill(r: Report, values: Array<[string, number]> | undefined): void {
    const group = duplicateGroup(r);
    if (!group || !values) {
      this.spillAt.push(0);
      this.spillLength.push(0);
      return;
    }
    const bytes = Buffer.from(JSON.stringify(values));
    writeSync(this.fds.spill, bytes);
    this.spillAt.push(this.spillEnd);
    this.spillLength.push(bytes.length);
    this.spillEnd += bytes.length;
    this.groups.set(group, (this.groups.get(group) ?? 0) + 1);
  }

  /** The read values of report `i` back from the scratch file. */
  values(i: number): Map<string, number> {
    const buf = Buffer.alloc(this.spillLength[i]);
    readSync(this.fds.spill, buf, 0, buf.length, this.spillAt[i]);
    return new Map(JSON.parse(buf.toString('utf8')) as Array<[string, number]>);
  }
}

/**
 * The reports read twice (findDuplicates over the reports that share an agency and year with
 * another, their values read back from the scratch file) given status `duplicate` and a message
 * naming the report kept, in `writer.inputs`.
 */
function markReadTwice(writer: OrderedWriter): void {
  const candidates: DuplicateCandidate[] = [];
  const at: number[] = [];
  writer.inputs.forEach((input, i) => {
    const group = duplicateGroup(input.report);
    if (group && (writer.groups.get(group) ?? 0) >= 2) {
      candidates.push({ report: input.report, values: writer.values(i) });
      at.push(i);
    }
  });
  const found = findDuplicates(candidates);
  for (const i of at) {
    const kept = found.get(writer.inputs[i].report.report_id);
    if (kept) writer.inputs[i] = { ...writer.inputs[i], report: asDuplicate(writer.inputs[i].report, kept) };
  }
}

/** Writes reports.csv (header, then one row per report in file order, in chunks) from the report rows kept. */
function writeReportsCsv(file: string, inputs: readonly CrossYearInput[]): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, toCsv(CSV_COLUMNS.reports, []).trimEnd() + '\n');
    for (let i = 0; i < inputs.length; i += 1000) {
      writeSync(fd, toCsv(CSV_COLUMNS.reports, inputs.slice(i, i + 1000).map((x) => x.report), false));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The steps across reports, after every file was written: reports read twice marked (markReadTwice),
 * the cross-year flags of the counted reports appended to flags.csv (in file order of their report),
 * their counts added.
 */
function acrossReports(writer: OrderedWriter, flagsFd: number): void {
  markReadTwice(writer);
  const cross = crossYearFlags(writer.inputs.filter((input) => input.report.status !== 'duplicate'));
  const indexOf = new Map(writer.inputs.map((input, i) => [input.report.report_id, i]));
  for (const [id, flags] of cross) {
    writeSync(flagsFd, toCsv(CSV_COLUMNS.flags, flagRows(flags), false));
    writer.flags += flags.length;
    const c = writer.counts[indexOf.get(id)!];
    c.flags += flags.length;
    c.errors += flags.filter((f) => f.severity === 'error').length;
  }
}

/**
 * Ingests every file below `paths` with `workers` worker threads (default: the number of CPUs),
 * each file read in isolation (./isolated-reader.ts: a time and a memory budget per file; a file
 * past them gets a `timeout` / `too_large` / `parse_failed` row and the batch goes on), every
 * entry of the folders accounted for as ingestPaths does (read_error rows, skipped.csv); the rows
 * streamed to the output files in file order (see the file's comment). Memory stays flat in the
 * files' size: per report only its report row and cross-year input are kept.
 * @param opts.relativeTo names in source_file are given relative to this folder when inside it.
 * @param opts.aliases rows of the alias table, applied to each report's agency identity (a report
 *   changed by a row names it in `agency_alias`), as ingestPaths does; none by default.
 * @param opts.timeoutMs / opts.memoryMb the budgets of one file (defaults 30 s, 2,048 MB).
 * @param opts.compiled false: the workers run the TypeScript through tsx; by default they run it
 *   compiled by esbuild when it can be (./compile-ingest-worker.ts), ~1.25× faster.
 * @throws Error only when a reading worker cannot be started (not for bad input, which becomes rows).
 */
export async function ingestPathsParallel(
  paths: readonly string[],
  outDir: string,
  opts: { workers?: number; relativeTo?: string; aliases?: readonly AgencyAlias[]; compiled?: boolean } & IsolationOptions = {},
): Promise<ParallelIngestSummary> {
  const { entries, notFound, skipped } = collectInput(paths);
  const n = Math.max(1, Math.min(opts.workers ?? os.cpus().length, entries.length || 1));
  const textsDir = path.join(outDir, 'texts');
  mkdirSync(textsDir, { recursive: true });
  const spillFile = path.join(outDir, '.duplicate-values.tmp');
  const fds = { cells: openSync(path.join(outDir, 'cells.csv'), 'w'), flags: openSync(path.join(outDir, 'flags.csv'), 'w'), spill: openSync(spillFile, 'w+') };
  const writer = new OrderedWriter(fds, textsDir);
  try {
    writeSync(fds.cells, toCsv(CSV_COLUMNS.cells, []).trimEnd() + '\n');
    writeSync(fds.flags, toCsv(CSV_COLUMNS.flags, []).trimEnd() + '\n');
    const aliases = opts.aliases ?? [];
    const isolation = { timeoutMs: opts.timeoutMs, memoryMb: opts.memoryMb };
    const compiled = opts.compiled === false ? null : await compiledIngestWorker();
    let taken = 0;
    const slot = async (): Promise<void> => {
      const reader = isolatedReader({ mode: 'rows', aliases: [...aliases], textsDir, compiled }, isolation);
      try {
        for (let i = taken++; i < entries.length; i = taken++) {
          await writer.room(i);
          const name = displayNameOf(entries[i].path, opts.relativeTo);
          writer.put(i, await entryRows(entries[i], name, i, reader, aliases, textsDir));
        }
      } catch (e) {
        writer.abort(e as Error);
        throw e;
      } finally {
        await reader.close();
      }
    };
    await Promise.all(Array.from({ length: n }, slot));
    acrossReports(writer, fds.flags);
  } finally {
    for (const fd of Object.values(fds)) closeSync(fd);
    rmSync(spillFile, { force: true });
  }
  writeReportsCsv(path.join(outDir, 'reports.csv'), writer.inputs);
  writeFileSync(path.join(outDir, 'skipped.csv'), skippedCsv(skipped, (p) => displayNameOf(p, opts.relativeTo)));
  return { reports: writer.inputs.length, cells: writer.cells, flags: writer.flags, notFound, skipped, workers: n, outDir, inputs: writer.inputs, counts: writer.counts };
}
