/**
 * `npm run ingest -- --out DIR [--aliases FILE | --no-aliases] [--corrections FILE] [--workers N] [--quiet] [--parquet] [--timeout-s N] [--memory-mb N] PATH...`:
 * parses every report below the given files and folders and writes reports.csv, cells.csv,
 * flags.csv and skipped.csv to DIR. It runs the parallel ingest (./ingest-parallel.ts): `--workers`
 * reading threads (default one per CPU), rows streamed to the files in file order, memory flat in
 * the number of files (issue 15), its summary line giving the seconds and the peak memory; `--quiet`
 * prints only the summary; with `--corrections` it runs the serial ingest
 * (./ingest-reports.ts ingestPaths), whose records stay in memory for the corrections. Each file is read in isolation (./isolated-reader.ts): a file
 * that runs past `--timeout-s` (default 30) or needs more heap than `--memory-mb` (default 2048),
 * or whose reader crashes, gets a row (`timeout`, `too_large`, `parse_failed`) and the batch goes
 * on. The alias table (lib/parse/agency-alias-table.ts) is `--aliases FILE`, by default the
 * project's data/agency-aliases.csv when present; it is applied to the agency identities before
 * the cross-year rules and copied to DIR/agency-aliases.csv (./alias-file.ts). Prints one line per
 * file, the entries skipped, which alias rows were applied, and a summary by status; exits 2 on
 * bad arguments (with usage), a bad `--aliases` table or when no given path exists, 0 when it wrote
 * its outputs — a file that cannot be read is a row in reports.csv with its reason, not a failed run.
 * `--corrections FILE` (a CSV of 导出校对, lib/correct) applies the corrections to the records read and
 * checks them again (./corrections-file.ts); a bad FILE stops it with one sentence and exit code 2,
 * a stale correction (its value_before is not the value read) is printed and not applied.
 * `--parquet` then writes DIR/parquet/ (./write-parquet.ts: reports, cells, flags and facts, partitioned
 * by report year, for DuckDB, Spark or any engine that reads Parquet); exit 1 if that fails (the CSVs stay).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENCY_ALIAS_FILE } from '../parse/agency-alias-table';
import { aliasSummary, readAliasFile, writeAliasCopy, type AliasTable } from './alias-file';
import { applyCorrectionsToRecords, correctionsSummaryText, readCorrectionsFile, rewriteRecordsCsv } from './corrections-file';
import { ingestPathsParallel, type ParallelIngestSummary } from './ingest-parallel';
import { ingestPaths, type IngestSummary } from './ingest-reports';
import type { IsolationOptions } from './isolated-reader';
import { writeParquet } from './write-parquet';

const USAGE =
  'usage: npm run ingest -- --out DIR [--aliases FILE | --no-aliases] [--corrections FILE] [--workers N] [--quiet] [--parquet] [--timeout-s N] [--memory-mb N] PATH...   (PATH: report files or folders; ' +
  `FILE: the alias table, default data/${AGENCY_ALIAS_FILE} when present; --workers: reading threads, default one per CPU; --quiet: the summary only, no line per file; --parquet: also DIR/parquet/<table>/year=<Y>/ for reports, cells, flags and facts; the budgets of one file, default 30 s and 2048 MB)`;

/** The project's default alias table, data/agency-aliases.csv. */
const DEFAULT_ALIASES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data', AGENCY_ALIAS_FILE);

/**
 * The alias table the arguments ask for: `--aliases FILE` (must exist and parse), `--no-aliases`
 * (none), else the default table when present (a bad default is reported and skipped, as
 * build:data does). Returns an error message (exit 2) for a bad `--aliases` table.
 */
function chooseAliases(file: string | null | false): { table: AliasTable | null } | { error: string } {
  if (file === false) return { table: null };
  const read = file ? readAliasFile(file) : readAliasFile(DEFAULT_ALIASES, { label: `data/${AGENCY_ALIAS_FILE}`, optional: true });
  if (read.ok) return { table: read.value };
  if (file) return { error: read.error };
  console.error(`ingest: ${read.error}`);
  return { table: null };
}

/** A positive number given to `flag`, or an error message naming the flag. */
function positive(flag: string, value: string | undefined): number | string {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : `${flag} needs a positive number, got ${value ?? 'nothing'}`;
}

/** Prints one line per record, the skipped entries, and the summary by status (with the cells and flags written). */
function report(records: IngestSummary['records'], skipped: IngestSummary['skipped'], out: string): void {
  for (const { report, flags } of records) {
    const errors = flags.filter((f) => f.severity === 'error').length;
    const what = report.agency ? `${report.agency} ${report.year ?? '?'}` : '';
    console.log(`${report.status.padEnd(18)} ${report.source_file}  ${what}  tables=${report.tables_found.join(',') || '-'} flags=${flags.length} errors=${errors}${report.status_message ? '  ' + report.status_message : ''}`);
  }
  for (const s of skipped) console.log(`${'skipped'.padEnd(18)} ${s.path}  ${s.reason}`);
  const byStatus = new Map<string, number>();
  for (const r of records) byStatus.set(r.report.status, (byStatus.get(r.report.status) ?? 0) + 1);
  console.log(
    `ingest: ${records.length} files → ${path.resolve(out)} (${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}${skipped.length ? `; skipped ${skipped.length}` : ''}); ` +
      `${records.reduce((a, r) => a + r.cells.length, 0)} cells, ${records.reduce((a, r) => a + r.flags.length, 0)} flags`,
  );
}

/** Prints one line per file (its final status, after the steps across reports), the skipped entries and the summary by status, for the parallel ingest. */
function reportParallel(summary: ParallelIngestSummary, out: string, quiet: boolean, seconds: number): void {
  const byStatus = new Map<string, number>();
  summary.inputs.forEach(({ report }, i) => {
    const { cells, flags, errors } = summary.counts[i];
    byStatus.set(report.status, (byStatus.get(report.status) ?? 0) + 1);
    if (quiet) return;
    const what = report.agency ? `${report.agency} ${report.year ?? '?'}` : '';
    console.log(`${report.status.padEnd(18)} ${report.source_file}  ${what}  tables=${report.tables_found.join(',') || '-'} cells=${cells} flags=${flags} errors=${errors}${report.status_message ? '  ' + report.status_message : ''}`);
  });
  if (!quiet) for (const s of summary.skipped) console.log(`${'skipped'.padEnd(18)} ${s.path}  ${s.reason}`);
  // Peak resident memory of the whole process, worker threads included (getrusage: KiB on Linux).
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `ingest: ${summary.reports} files → ${path.resolve(out)} (${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}${summary.skipped.length ? `; skipped ${summary.skipped.length}` : ''}); ` +
      `${summary.cells} cells, ${summary.flags} flags; ${summary.workers} worker thread(s), ${seconds.toFixed(1)} s, peak memory ${peakMb} MB`,
  );
}

/** `npm run ingest` by default: the parallel ingest (./ingest-parallel.ts) on `workers` threads, outputs streamed, then the alias copy and the printed summary. */
async function ingestParallel(paths: string[], out: string, aliases: AliasTable | null, isolation: IsolationOptions, workers: number, quiet: boolean): Promise<number> {
  const t0 = performance.now();
  const summary = await ingestPathsParallel(paths, out, { workers, aliases: aliases?.rows ?? [], ...isolation });
  writeAliasCopy(out, aliases);
  for (const p of summary.notFound) console.error(`ingest: ${p}: no such file or folder (skipped)`);
  reportParallel(summary, out, quiet, (performance.now() - t0) / 1000);
  if (aliases) console.log(`ingest: ${aliasSummary(aliases, summary.inputs.map((x) => x.report))}`);
  return summary.notFound.length && summary.reports === 0 ? 2 : 0;
}

async function main(argv: string[]): Promise<number> {
  let out: string | null = null;
  let aliasFile: string | null | false = null;
  let correctionsFile: string | null = null;
  let workers = os.cpus().length;
  let quiet = false;
  let parquet = false;
  const isolation: IsolationOptions = {};
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--workers') {
      const w = positive('--workers', argv[++i]);
      if (typeof w === 'string') {
        console.error(`ingest: ${w}\n${USAGE}`);
        return 2;
      }
      workers = Math.round(w);
    } else if (argv[i] === '--timeout-s' || argv[i] === '--memory-mb') {
      const n = positive(argv[i], argv[++i]);
      if (typeof n === 'string') {
        console.error(`ingest: ${n}\n${USAGE}`);
        return 2;
      }
      if (argv[i - 1] === '--timeout-s') isolation.timeoutMs = n * 1000;
      else isolation.memoryMb = Math.round(n);
    } else if (argv[i] === '--out') out = argv[++i] ?? null;
    else if (argv[i] === '--aliases') aliasFile = argv[++i] || null;
    else if (argv[i] === '--no-aliases') aliasFile = false;
    else if (argv[i] === '--quiet') quiet = true;
    else if (argv[i] === '--parquet') parquet = true;
    else if (argv[i] === '--corrections') correctionsFile = argv[++i] ?? '';
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(USAGE);
      return 0;
    } else paths.push(argv[i]);
  }
  if (!out || paths.length === 0) {
    console.error(`ingest: ${!out ? 'missing --out DIR' : 'no input PATH given'}\n${USAGE}`);
    return 2;
  }
  const aliases = chooseAliases(aliasFile);
  if ('error' in aliases) {
    console.error(`ingest: ${aliases.error}`);
    return 2;
  }
  const corrections = correctionsFile === null ? null : readCorrectionsFile(correctionsFile);
  if (corrections && !corrections.ok) {
    console.error(`ingest: ${corrections.error}`);
    return 2;
  }
  // The parallel ingest with flat memory by default (issue 15); corrections need the records in memory: the serial ingest.
  if (!corrections) {
    const code = await ingestParallel(paths, out, aliases.table, isolation, workers, quiet);
    return parquet && code === 0 ? withParquet(out) : code;
  }
  const ingested = await ingestPaths(paths, out, undefined, aliases.table?.rows ?? [], isolation);
  const { notFound, skipped } = ingested;
  let records = ingested.records;
  if (corrections?.ok) {
    const applied = applyCorrectionsToRecords(records, corrections.value);
    records = applied.records;
    rewriteRecordsCsv(out, records);
    console.log(correctionsSummaryText(applied, `ingest: --corrections ${correctionsFile}`));
  }
  writeAliasCopy(out, aliases.table);
  for (const p of notFound) console.error(`ingest: ${p}: no such file or folder (skipped)`);
  report(records, skipped, out);
  if (aliases.table) console.log(`ingest: ${aliasSummary(aliases.table, records.map((r) => r.report))}`);
  const code = notFound.length && records.length === 0 ? 2 : 0;
  return parquet && code === 0 ? withParquet(out) : code;
}

/** `--parquet`: writes `<out>/parquet/` after the CSVs (./write-parquet.ts) and says what it wrote; 1 when it could not (the CSVs stay). */
async function withParquet(out: string): Promise<number> {
  const r = await writeParquet(out);
  if (!r.ok) {
    console.error(`ingest: ${r.error}`);
    return 1;
  }
  console.log(`ingest: Parquet by year in ${r.value.dir} (${Object.entries(r.value.rows).map(([t, n]) => `${t} ${n} rows`).join(', ')}) in ${r.value.seconds.toFixed(1)} s`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`ingest: unexpected failure: ${(e as Error).message}. Please report this with the command you ran.`);
    process.exitCode = 1;
  },
);
