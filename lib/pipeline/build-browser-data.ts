/**
 * The browser's data build, run after an ingest (by `npm run build:data`, and by the benchmark on
 * its ingests): next to reports.csv, cells.csv and flags.csv it writes
 *
 * - `facts/<year>.arrow` — the per-report facts the views read (lib/query/facts.ts FACT_COLUMNS,
 *   pivoted from cells with the same SQL the browser uses for uploads), one Arrow IPC stream per
 *   report year (`unknown.arrow` for reports without a year), numbers as Float64, flags as Bool;
 * - `cells-index.json` — report_id → the byte ranges of its rows in cells.csv, so the app can
 *   serve one report's cells (app/data/cells/[id]) without the browser loading all cells;
 * - `manifest.json` ({@link BrowserManifest}) — the partitions, the row counts and cells.csv's
 *   header; its presence tells the browser to load facts instead of cells.
 *
 * Node only (fs, @duckdb/node-api).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Bool, Float64, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { FACT_COLUMNS, FACTS_TABLE } from '../query/facts';
import { fileStart, openNodeDatabase } from '../query/node-duckdb';
import { readCsvHeader } from '../query/load';
import { CELLS_INDEX_FILE, MANIFEST_FILE, type BrowserManifest, type FactsPartition } from '../query/manifest';

export type { BrowserManifest };

/**
 * report_id → [start, end) byte ranges of its records in a CSV whose first field is report_id
 * (the header excluded). Quoted fields (with commas, quotes or newlines inside) are honoured.
 * Consecutive records of one report form one range.
 */
export function indexCsvByFirstField(bytes: Uint8Array): Record<string, Array<[number, number]>> {
  const index: Record<string, Array<[number, number]>> = {};
  const decoder = new TextDecoder();
  let i = 0;
  const n = bytes.length;
  // Skip the header record.
  let inQuotes = false;
  for (; i < n; i++) {
    const b = bytes[i];
    if (b === 0x22) inQuotes = !inQuotes;
    else if (b === 0x0a && !inQuotes) {
      i++;
      break;
    }
  }
  let lastId = '';
  let last: [number, number] | null = null;
  while (i < n) {
    const start = i;
    let firstEnd = -1;
    inQuotes = false;
    for (; i < n; i++) {
      const b = bytes[i];
      if (b === 0x22) inQuotes = !inQuotes;
      else if (!inQuotes && b === 0x2c && firstEnd < 0) firstEnd = i;
      else if (!inQuotes && b === 0x0a) {
        i++;
        break;
      }
    }
    const end = i;
    let id = decoder.decode(bytes.subarray(start, firstEnd < 0 ? end : firstEnd)).trim();
    if (id.startsWith('"') && id.endsWith('"')) id = id.slice(1, -1).replace(/""/g, '"');
    if (id === '') continue;
    if (last && id === lastId && last[1] === start) last[1] = end;
    else {
      last = [start, end];
      lastId = id;
      (index[id] ??= []).push(last);
    }
  }
  return index;
}

function arrowVector(type: string, values: unknown[]): Vector {
  if (type === 'DOUBLE') return vectorFromArray(values.map((v) => (typeof v === 'number' ? v : null)), new Float64());
  if (type === 'BOOLEAN') return vectorFromArray(values.map((v) => (v === null || v === undefined ? null : Boolean(v))), new Bool());
  return vectorFromArray(values.map((v) => (v === null || v === undefined ? null : String(v))), new Utf8());
}

/**
 * Writes facts/, cells-index.json and manifest.json into `dir` (which holds an ingest's three
 * CSVs), replacing earlier ones. Returns the manifest.
 * @throws Error when the CSVs cannot be loaded.
 */
export async function buildBrowserData(dir: string): Promise<BrowserManifest> {
  const opened = await openNodeDatabase(dir);
  if (!opened.ok) throw new Error(opened.error);
  const { exec, close } = opened.db;
  try {
    const factsDir = path.join(dir, 'facts');
    rmSync(factsDir, { recursive: true, force: true });
    mkdirSync(factsDir, { recursive: true });
    const years = (await exec(`SELECT DISTINCT CAST(year AS INTEGER) AS year FROM reports ORDER BY year NULLS LAST`)).map((r) => (typeof r.year === 'number' ? r.year : null));
    const facts: FactsPartition[] = [];
    for (const year of years) {
      const where = year === null ? 'r.year IS NULL' : `r.year = ${year}`;
      const rows = await exec(
        `SELECT f.* FROM ${FACTS_TABLE} f JOIN (SELECT DISTINCT report_id, year FROM reports) r ON r.report_id = f.report_id WHERE ${where} ORDER BY f.report_id`,
      );
      const table = new Table(Object.fromEntries(FACT_COLUMNS.map((c) => [c.name, arrowVector(c.type, rows.map((r) => r[c.name]))])));
      const bytes = tableToIPC(table, 'stream');
      const file = `facts/${year ?? 'unknown'}.arrow`;
      writeFileSync(path.join(dir, file), bytes);
      facts.push({ year, file, rows: rows.length, bytes: bytes.byteLength });
    }
    const count = async (t: string) => Number((await exec(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${t}`))[0]?.n ?? 0);
    const counts = { reports: await count('reports'), cells: await count('cells'), flags: await count('flags') };
    const header = readCsvHeader('cells', fileStart(path.join(dir, 'cells.csv'), 4096));
    if (!header.ok) throw new Error(header.error);
    writeFileSync(path.join(dir, CELLS_INDEX_FILE), JSON.stringify(indexCsvByFirstField(readFileSync(path.join(dir, 'cells.csv')))));
    const manifest: BrowserManifest = { format: 1, facts, counts, cellsHeader: [...header.header] };
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
    return manifest;
  } finally {
    close();
  }
}
