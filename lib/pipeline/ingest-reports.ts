/**
 * The ingest: files and folders → one validated record per file → reports.csv, cells.csv and
 * flags.csv. This is the only code (with the CLIs beside it) that touches the file system.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { markDuplicateReports, markIdenticalCopies } from '../checks/duplicate-reports';
import { runCrossReportChecks } from '../checks/run-checks';
import type { ReportRecord, ReportStatus } from '../model/report-schema';
import { applyAgencyAliases, type AgencyAlias } from '../parse/agency-alias-table';
import { failedRecord } from '../read/assemble-record';
import { contentId, nameId } from '../read/content-id';
import { MAX_REPORT_BYTES, tooLargeMessage } from '../read/read-limits';
import { readReport, type ReadOptions } from '../read/read-report';
import { flagRows, RECORD_COLUMNS, recordsCsv, toCsv } from '../store/record-rows';
import { collectInput, type InputEntry, type SkippedEntry } from './collect-input-files';
import { isolatedReader, type IsolatedReader, type IsolationOptions } from './isolated-reader';
import { linkedFileReader } from './linked-files';

/** pdf.js's character maps and standard fonts from the installed pdfjs-dist, for PDFs in non-embedded CJK fonts. */
const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/**
 * What the ingest supplies to the format readers (Node paths of the pdf.js data folders) and the
 * OCR scan reader's loader for scans and image files (./ocr-node.ts, loaded only when needed).
 */
export const PARSE_OPTIONS: ReadOptions = {
  pdf: { cMapUrl: path.join(PDFJS_DIR, 'cmaps') + path.sep, standardFontDataUrl: path.join(PDFJS_DIR, 'standard_fonts') + path.sep },
  ocr: () => import('./ocr-node').then((m) => m.createNodeScanReader()),
};

/**
 * Column order of the three output files (the schema fields, in order; flags add `fingerprint`).
 * Defined with the record → row conversion in lib/store/record-rows.ts, shared with the dashboard's
 * uploads.
 */
export const CSV_COLUMNS = RECORD_COLUMNS;
export { flagRows, toCsv };

/**
 * Every readable file below the given paths (./collect-input-files.ts collectInput: files as
 * given, folders walked in sorted order, dot-files and README/MANIFEST files skipped), with paths
 * that do not exist returned separately. The ingest itself uses collectInput, which also returns
 * the entries that cannot be read and those skipped.
 */
export function collectFiles(paths: readonly string[]): { files: string[]; notFound: string[] } {
  const { files, notFound } = collectInput(paths);
  return { files, notFound };
}

/** The columns of skipped.csv: the entries of the input folders not read, and why. */
export const SKIPPED_COLUMNS = ['source_file', 'reason'] as const;

/** skipped.csv's text: one row per skipped entry (`source_file` as named in reports.csv, `reason` in Chinese). */
export function skippedCsv(skipped: readonly SkippedEntry[], displayName: (p: string) => string): string {
  return toCsv(SKIPPED_COLUMNS, skipped.map((s) => ({ source_file: displayName(s.path), reason: s.reason })));
}

/** The name written to reports.csv for `file`: relative to `relativeTo` when inside it, else the path as given. */
export function displayNameOf(file: string, relativeTo?: string): string {
  const name = relativeTo ? path.relative(relativeTo, file) : file;
  return name.startsWith('..') ? file : name;
}

/**
 * The record of a file the ingest could not read to the end — an entry that cannot be opened
 * (`read_error`), or a reading ended by the isolation (`timeout`, `too_large`, `parse_failed`):
 * no data, the status and the message. Its id is the content hash of the bytes when they can be
 * read (as a read report's), else the hash of the name. Never throws.
 */
export async function unreadRecord(file: string, name: string, status: ReportStatus, message: string): Promise<ReportRecord> {
  let id: string;
  try {
    id = statSync(file).isFile() && statSync(file).size <= MAX_REPORT_BYTES ? await contentId(new Uint8Array(readFileSync(file))) : await nameId(name);
  } catch {
    id = await nameId(name);
  }
  return failedRecord(id, name, status, message);
}

/** The record of one folder entry: read by `reader` in its worker, or, for an entry that cannot be read, a `read_error` naming the problem. */
async function entryRecord(entry: InputEntry, name: string, index: number, reader: IsolatedReader): Promise<ReportRecord> {
  if (entry.problem) return failedRecord(await nameId(name), name, 'read_error', `${name}：${entry.problem}。`);
  const answer = await reader.read({ file: entry.path, name, index });
  if (answer.kind === 'record') return answer.record;
  if (answer.kind === 'failed') return unreadRecord(entry.path, name, answer.status, answer.message);
  throw new Error(`ingest: a reading worker answered ${answer.kind} in record mode`);
}

/**
 * Reads, parses and checks one file: its bytes from the file system, then the one read path
 * (lib/read/read-report.ts readReport: size limit, content-hash id, parse, normalize, assembly,
 * checks, validation). Never throws: a file larger than MAX_REPORT_BYTES (lib/read/read-limits.ts)
 * is not read and, like a file that cannot be opened, yields a `read_error` record (its id the hash
 * of `displayName`) whose message names the file and says what to do.
 *
 * @param file the path to read
 * @param displayName the name written to reports.csv (`source_file`) and named in messages
 * @returns the record, whatever its status (failed records included: the ingest writes every file)
 */
export async function ingestFile(file: string, displayName = file): Promise<ReportRecord> {
  let bytes: Uint8Array;
  try {
    const tooLarge = tooLargeMessage(displayName, statSync(file).size);
    if (tooLarge) return failedRecord(await nameId(displayName), displayName, 'read_error', tooLarge);
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    return failedRecord(await nameId(displayName), displayName, 'read_error', `${displayName}：无法读取文件（${(e as Error).message}）。请检查路径和读取权限。`);
  }
  // An HTML report's <img src> beside it in its folder can be read (tables printed as images, issue 13).
  const read = await readReport(bytes, displayName, { ...PARSE_OPTIONS, linkedFile: linkedFileReader(file) });
  return read.ok ? read.value : read.error.record;
}

/**
 * The steps that need every report (after the alias table): the reports read twice get status
 * `duplicate` (lib/checks/duplicate-reports.ts markDuplicateReports), then the cross-year rules run
 * on the others (a duplicate is never an agency's previous or current year). Same order; never throws.
 */
export function checkAcrossReports(records: readonly ReportRecord[]): ReportRecord[] {
  const marked = markDuplicateReports(records);
  const checked = new Map(runCrossReportChecks(marked.filter((r) => r.report.status !== 'duplicate')).map((r) => [r.report.report_id, r]));
  return marked.map((r) => checked.get(r.report.report_id) ?? r);
}

/** Summary of an ingest run. */
export interface IngestSummary {
  records: ReportRecord[];
  notFound: string[];
  /** Entries of the input folders not read (dot-files, README/MANIFEST), with the reason; also in skipped.csv. */
  skipped: SkippedEntry[];
  outDir: string;
}

/**
 * Ingests every file below `paths` and writes reports.csv, cells.csv and flags.csv (UTF-8,
 * header row, no BOM) to `outDir`, creating it, plus `texts/REPORT_ID.txt` with each report's
 * text as read (for the report page) and skipped.csv (the entries not read, and why). Each file
 * is read in isolation (./isolated-reader.ts: a worker thread with a time and a memory budget),
 * so a file that throws, hangs or exhausts memory gets a row (`parse_failed`, `timeout`,
 * `too_large`) and the batch goes on; an entry that cannot be opened (a dangling link, a FIFO, no
 * permission) gets a `read_error` row. Identical files (same bytes) are kept as separate rows
 * with ids suffixed -2, -3… in input order, and a readable copy gets status `duplicate` with a
 * message naming the first copy and its report_id (lib/checks/duplicate-reports.ts
 * markIdenticalCopies); a report read twice (same agency, year and numbers, markDuplicateReports)
 * gets status `duplicate` too. Duplicates keep their cells and flags in the CSVs, are left out of
 * the counted facts and of the cross-year rules.
 *
 * @param relativeTo names in source_file are given relative to this folder when inside it.
 * @param aliases rows of the alias table (lib/parse/agency-alias-table.ts), applied to each report
 *   after its agency was resolved and before the cross-year rules; a report changed by a row names
 *   it in `agency_alias`.
 * @param isolation the time and memory budgets of one file (defaults 30 s, 2,048 MB).
 * @throws Error only when no reading worker can be started (not for bad input, which becomes rows).
 */
export async function ingestPaths(
  paths: readonly string[],
  outDir: string,
  relativeTo?: string,
  aliases: readonly AgencyAlias[] = [],
  isolation: IsolationOptions = {},
): Promise<IngestSummary> {
  const { entries, notFound, skipped } = collectInput(paths);
  const read: ReportRecord[] = [];
  const reader = isolatedReader({ mode: 'record', aliases: [] }, isolation);
  try {
    for (const [index, entry] of entries.entries()) read.push(await entryRecord(entry, displayNameOf(entry.path, relativeTo), index, reader));
  } finally {
    await reader.close();
  }
  // Identical files: ids -2, -3…, and a readable copy is a `duplicate` of the first (issue 12).
  const records = markIdenticalCopies(read);
  const checked = checkAcrossReports(aliases.length ? records.map((r) => ({ ...r, report: applyAgencyAliases(r.report, aliases) })) : records);
  mkdirSync(outDir, { recursive: true });
  const csv = recordsCsv(checked);
  for (const table of ['reports', 'cells', 'flags'] as const) writeFileSync(path.join(outDir, `${table}.csv`), csv[table]);
  writeFileSync(path.join(outDir, 'skipped.csv'), skippedCsv(skipped, (p) => displayNameOf(p, relativeTo)));
  const texts = path.join(outDir, 'texts');
  mkdirSync(texts, { recursive: true });
  for (const r of checked) writeFileSync(path.join(texts, `${r.report.report_id}.txt`), r.text);
  return { records: checked, notFound, skipped, outDir };
}
