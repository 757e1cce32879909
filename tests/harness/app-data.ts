/**
 * The data folders the app serves in the browser tests: the default data/build (made by
 * `npm run build:data` when missing), a folder given by DATA_BUILD_DIR, or a seeds-only build in
 * a temporary folder (the uploads suite: data/seeds and nothing else, whatever data/build holds).
 * Expected values are read from these files, never through the app.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { buildBrowserData } from '../../lib/pipeline/build-browser-data';
import { ingestPaths } from '../../lib/pipeline/ingest-reports';
import { CHILD_ENV, ROOT } from './next-server';

/** One row of reports.csv, cells.csv or flags.csv, by column name (values as written). */
export type CsvRow = Record<string, string>;

/** The rows of `name` (reports.csv, cells.csv, flags.csv) in folder `dir`, BOM stripped. */
export function csvRows(dir: string, name: string): CsvRow[] {
  const text = readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: true }).data;
}

/**
 * The folder the shared server serves: DATA_BUILD_DIR when set (it must hold reports.csv,
 * cells.csv and flags.csv; nothing is built), else data/build, built with `npm run build:data`
 * when a file (or manifest.json) is missing. Returns `{ ok: false, error }` with what to do.
 */
export function ensureAppData(): { ok: true; value: string } | { ok: false; error: string } {
  const custom = process.env.DATA_BUILD_DIR ? path.resolve(process.env.DATA_BUILD_DIR) : null;
  const dir = custom ?? path.join(ROOT, 'data', 'build');
  const files = ['reports.csv', 'cells.csv', 'flags.csv', ...(custom ? [] : ['manifest.json'])];
  const have = () => files.every((f) => existsSync(path.join(dir, f)));
  if (have()) return { ok: true, value: dir };
  if (custom) return { ok: false, error: `DATA_BUILD_DIR=${custom} lacks reports.csv, cells.csv or flags.csv; run npm run ingest -- --out ${custom} … first` };
  console.log('browser: data/build is missing; running npm run build:data …');
  const r = spawnSync('npm', ['run', 'build:data'], { cwd: ROOT, stdio: 'inherit', env: CHILD_ENV, timeout: 15 * 60_000 });
  return r.status === 0 && have() ? { ok: true, value: dir } : { ok: false, error: 'npm run build:data failed; see its output above' };
}

/**
 * Ingests data/seeds alone into a new temporary folder and adds the browser's data build
 * (facts, cells index, manifest.json), as `npm run build:data` does for data/build; source_file
 * names are relative to data/seeds as there. Returns the folder (the caller removes it).
 */
export async function buildSeedsOnlyData(): Promise<string> {
  const seeds = path.join(ROOT, 'data', 'seeds');
  const out = mkdtempSync(path.join(tmpdir(), 'seeds-only-data-'));
  await ingestPaths([seeds], out, seeds);
  await buildBrowserData(out);
  return out;
}
