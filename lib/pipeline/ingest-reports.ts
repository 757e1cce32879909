/**
 * The ingest: files and folders → one validated record per file → reports.csv, cells.csv and
 * flags.csv. This is the only code (with the CLIs beside it) that touches the file system.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runChecks, runCrossReportChecks } from '../checks/run-checks';
import { ReportRecord } from '../model/report-schema';
import { failedRecord, parseReportBytes, type ParseOptions } from '../parse/parse-report-bytes';
import { flagRows, RECORD_COLUMNS, recordsCsv, toCsv } from '../store/record-rows';

/** pdf.js's character maps and standard fonts from the installed pdfjs-dist, for PDFs in non-embedded CJK fonts. */
const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** What the ingest supplies to the format readers (Node paths of the pdf.js data folders). */
export const PARSE_OPTIONS: ParseOptions = {
  pdf: { cMapUrl: path.join(PDFJS_DIR, 'cmaps') + path.sep, standardFontDataUrl: path.join(PDFJS_DIR, 'standard_fonts') + path.sep },
};

/** Largest file the ingest reads (bytes); larger ones get a `read_error` record. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Column order of the three output files (the schema fields, in order; flags add `fingerprint`).
 * Defined with the record → row conversion in lib/store/record-rows.ts, shared with the dashboard's
 * uploads.
 */
export const CSV_COLUMNS = RECORD_COLUMNS;
export { flagRows, toCsv };

/** Stable report id: the first 16 hex digits of the SHA-256 of the file's bytes. */
export function reportIdFor(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

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
 * Reads, parses and checks one file. Never throws: an unreadable file yields a `read_error`
 * record. The record is validated against the zod schemas; a record that fails validation (a
 * bug, not bad input) is replaced by a `read_error` record naming the problem.
 */
export async function ingestFile(file: string, displayName = file): Promise<ReportRecord> {
  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      return failedRecord(
        createHash('sha256').update(displayName).digest('hex').slice(0, 16),
        displayName,
        'read_error',
        `${displayName}：文件过大（${(size / 1048576).toFixed(1)} MB，上限 20 MB），未读取。请确认这是单份年度报告。`,
      );
    }
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    return failedRecord(
      createHash('sha256').update(displayName).digest('hex').slice(0, 16),
      displayName,
      'read_error',
      `${displayName}：无法读取文件（${(e as Error).message}）。请检查路径和读取权限。`,
    );
  }
  const id = reportIdFor(bytes);
  const record = runChecks(await parseReportBytes(bytes, displayName, id, PARSE_OPTIONS));
  const valid = ReportRecord.safeParse(record);
  if (valid.success) return valid.data;
  return failedRecord(id, displayName, 'read_error', `${displayName}：解析结果未通过数据校验（${valid.error.issues[0]?.message}）。这是本工具的缺陷，请报告此文件。`);
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
 * separate rows with ids suffixed -2, -3….
 *
 * @param relativeTo names in source_file are given relative to this folder when inside it.
 */
export async function ingestPaths(paths: readonly string[], outDir: string, relativeTo?: string): Promise<IngestSummary> {
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
  const checked = runCrossReportChecks(records);
  mkdirSync(outDir, { recursive: true });
  const csv = recordsCsv(checked);
  for (const table of ['reports', 'cells', 'flags'] as const) writeFileSync(path.join(outDir, `${table}.csv`), csv[table]);
  const texts = path.join(outDir, 'texts');
  mkdirSync(texts, { recursive: true });
  for (const r of checked) writeFileSync(path.join(texts, `${r.report.report_id}.txt`), r.text);
  return { records: checked, notFound, outDir };
}
