/**
 * The ingest: files and folders → one validated record per file → reports.csv, cells.csv and
 * flags.csv. This is the only code (with the CLIs beside it) that touches the file system.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { markDuplicateReports } from '../checks/duplicate-reports';
import { runCrossReportChecks } from '../checks/run-checks';
import type { ReportRecord } from '../model/report-schema';
import { applyAgencyAliases, type AgencyAlias } from '../parse/agency-alias-table';
import type { ParseOptions } from '../parse/parse-report-bytes';
import { failedRecord } from '../read/assemble-record';
import { nameId } from '../read/content-id';
import { tooLargeMessage } from '../read/read-limits';
import { readReport } from '../read/read-report';
import { flagRows, RECORD_COLUMNS, recordsCsv, toCsv } from '../store/record-rows';

/** pdf.js's character maps and standard fonts from the installed pdfjs-dist, for PDFs in non-embedded CJK fonts. */
const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** What the ingest supplies to the format readers (Node paths of the pdf.js data folders). */
export const PARSE_OPTIONS: ParseOptions = {
  pdf: { cMapUrl: path.join(PDFJS_DIR, 'cmaps') + path.sep, standardFontDataUrl: path.join(PDFJS_DIR, 'standard_fonts') + path.sep },
};

/**
 * Column order of the three output files (the schema fields, in order; flags add `fingerprint`).
 * Defined with the record → row conversion in lib/store/record-rows.ts, shared with the dashboard's
 * uploads.
 */
export const CSV_COLUMNS = RECORD_COLUMNS;
export { flagRows, toCsv };

/**
 * Every file below the given paths (files as given; folders recursively, skipping dot-files and
 * MANIFEST/README files), sorted, with paths that do not exist returned separately.
 */
export function collectFiles(paths: readonly string[]): { files: string[]; notFound: string[] } {
  const files: string[] = [];
  const notFound: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || /^(MANIFEST|README)\b/i.test(name)) continue;
        walk(path.join(p, name));
      }
    } else if (st.isFile()) files.push(p);
  };
  for (const p of paths) {
    try {
      walk(p);
    } catch {
      notFound.push(p);
    }
  }
  return { files, notFound };
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
  const read = await readReport(bytes, displayName, PARSE_OPTIONS);
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
  outDir: string;
}

/**
 * Ingests every file below `paths` and writes reports.csv, cells.csv and flags.csv (UTF-8,
 * header row, no BOM) to `outDir`, creating it, plus `texts/REPORT_ID.txt` with each report's
 * text as read (for the report page). Duplicate files (same bytes) are kept as
 * separate rows with ids suffixed -2, -3…; a report read twice (same agency, year and numbers,
 * lib/checks/duplicate-reports.ts) gets status `duplicate` and is left out of the cross-year rules.
 *
 * @param relativeTo names in source_file are given relative to this folder when inside it.
 * @param aliases rows of the alias table (lib/parse/agency-alias-table.ts), applied to each report
 *   after its agency was resolved and before the cross-year rules; a report changed by a row names
 *   it in `agency_alias`.
 */
export async function ingestPaths(paths: readonly string[], outDir: string, relativeTo?: string, aliases: readonly AgencyAlias[] = []): Promise<IngestSummary> {
  const { files, notFound } = collectFiles(paths);
  const seen = new Map<string, number>();
  const records: ReportRecord[] = [];
  for (const f of files) {
    const name = relativeTo ? path.relative(relativeTo, f) : f;
    const rec = await ingestFile(f, name.startsWith('..') ? f : name);
    const n = (seen.get(rec.report.report_id) ?? 0) + 1;
    seen.set(rec.report.report_id, n);
    if (n === 1) {
      records.push(rec);
      continue;
    }
    const id = `${rec.report.report_id}-${n}`;
    records.push({
      ...rec,
      report: { ...rec.report, report_id: id },
      cells: rec.cells.map((c) => ({ ...c, report_id: id })),
      flags: rec.flags.map((x) => ({ ...x, report_id: id })),
    });
  }
  const checked = checkAcrossReports(aliases.length ? records.map((r) => ({ ...r, report: applyAgencyAliases(r.report, aliases) })) : records);
  mkdirSync(outDir, { recursive: true });
  const csv = recordsCsv(checked);
  for (const table of ['reports', 'cells', 'flags'] as const) writeFileSync(path.join(outDir, `${table}.csv`), csv[table]);
  const texts = path.join(outDir, 'texts');
  mkdirSync(texts, { recursive: true });
  for (const r of checked) writeFileSync(path.join(texts, `${r.report.report_id}.txt`), r.text);
  return { records: checked, notFound, outDir };
}
