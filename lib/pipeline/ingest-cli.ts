/**
 * `npm run ingest -- --out DIR PATH...`: parses every report below the given files and folders
 * and writes reports.csv, cells.csv and flags.csv to DIR. Prints one line per file and a
 * summary; exits 2 on bad arguments (with usage), 0 otherwise — a file that cannot be read is a
 * row in reports.csv with its reason, not a failed run.
 */
import path from 'node:path';
import { ingestPaths } from './ingest-reports';

const USAGE = 'usage: npm run ingest -- --out DIR PATH...   (PATH: report files or folders)';

async function main(argv: string[]): Promise<number> {
  let out: string | null = null;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i] ?? null;
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(USAGE);
      return 0;
    } else paths.push(argv[i]);
  }
  if (!out || paths.length === 0) {
    console.error(`ingest: ${!out ? 'missing --out DIR' : 'no input PATH given'}\n${USAGE}`);
    return 2;
  }
  const { records, notFound } = await ingestPaths(paths, out);
  for (const p of notFound) console.error(`ingest: ${p}: no such file or folder (skipped)`);
  for (const { report, flags } of records) {
    const errors = flags.filter((f) => f.severity === 'error').length;
    const what = report.agency ? `${report.agency} ${report.year ?? '?'}` : '';
    console.log(`${report.status.padEnd(18)} ${report.source_file}  ${what}  tables=${report.tables_found.join(',') || '-'} flags=${flags.length} errors=${errors}${report.status_message ? '  ' + report.status_message : ''}`);
  }
  const byStatus = new Map<string, number>();
  for (const r of records) byStatus.set(r.report.status, (byStatus.get(r.report.status) ?? 0) + 1);
  console.log(
    `ingest: ${records.length} files → ${path.resolve(out)} (${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}); ` +
      `${records.reduce((a, r) => a + r.cells.length, 0)} cells, ${records.reduce((a, r) => a + r.flags.length, 0)} flags`,
  );
  return notFound.length && records.length === 0 ? 2 : 0;
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
