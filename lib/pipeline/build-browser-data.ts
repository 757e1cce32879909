/**
 * The browser's data build, run after an ingest (by `npm run build:data`, and by the benchmark on
 * its ingests): next to reports.csv, cells.csv and flags.csv it writes
 *
 * - `facts/<year>.arrow` — the per-report facts the views read (lib/store/facts.ts FACT_COLUMNS,
 *   pivoted from cells with the same SQL the browser uses for uploads, with each report's agency,
 *   region, year and origin), one Arrow IPC stream per report year that has facts (`unknown.arrow`
 *   for reports without a year; no file and no manifest entry for a year without facts rows, e.g.
 *   one whose only report is a `blank_form`), rows in the views' order (agency, year, report_id);
 *   numbers as Float64, the year as Int32, flags as Bool, agency/region/division/level/type/origin
 *   dictionary-encoded;
 * - `cells-index.json` — report_id → the byte ranges of its rows in cells.csv, so the app can
 *   serve one report's cells (app/data/cells/[id]) without the browser loading all cells;
 * - `first-pages.json` (lib/store/manifest.ts FirstPages) — the first page of every view without a
 *   filter, run with the views' SQL here, for the dashboard's first chart before its DuckDB is up;
 * - `manifest.json` ({@link BrowserManifest}) — the partitions, the row counts and cells.csv's
 *   header; its presence tells the browser to load facts instead of cells.
 *
 * Node only (fs, @duckdb/node-api).
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Bool, Dictionary, Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { FACT_COLUMNS, FACTS_TABLE } from '../store/facts';
import { fileStart, openNodeDatabase } from './node-duckdb';
import { readCsvHeader } from '../store/load';
import { EMPTY_FILTER } from '../query/filters';
import { FIRST_ROWS, pageSql, rowCountSql, VIEWS } from '../query/views';
import { CELLS_INDEX_FILE, FIRST_PAGES_FILE, MANIFEST_FILE, MANIFEST_FORMAT, type BrowserManifest, type FirstPages, type FactsPartition } from '../store/manifest';

export type { BrowserManifest };

/**
 * A streaming form of {@link indexCsvByFirstField}: feed the CSV's bytes in order, in chunks of
 * any size (`push`), then `finish()` for report_id → [start, end) byte ranges of its records (byte
 * offsets in the whole file; the header excluded). Quoted fields (commas, quotes or newlines
 * inside) are honoured; consecutive records of one report form one range. Memory is the index
 * plus one record, whatever the file's size (cells.csv is 6 GB at 500,000 reports).
 */
export function csvFirstFieldIndexer(): { push: (chunk: Uint8Array) => void; finish: () => Record<string, Array<[number, number]>> } {
  const index: Record<string, Array<[number, number]>> = {};
  const decoder = new TextDecoder();
  let offset = 0; // file offset of chunk[0]
  let inQuotes = false;
  let header = true;
  let recordStart = 0;
  let firstEnd = -1;
  let idBytes: number[] = [];
  let lastId = '';
  let last: [number, number] | null = null;
  const endRecord = (end: number) => {
    if (header) {
      header = false;
    } else {
      let id = decoder.decode(Uint8Array.from(idBytes)).trim();
      if (id.startsWith('"') && id.endsWith('"')) id = id.slice(1, -1).replace(/""/g, '"');
      if (id !== '') {
        if (last && id === lastId && last[1] === recordStart) last[1] = end;
        else {
          last = [recordStart, end];
          lastId = id;
          (index[id] ??= []).push(last);
        }
      }
    }
    recordStart = end;
    firstEnd = -1;
    idBytes = [];
    inQuotes = false;
  };
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b === 0x22) inQuotes = !inQuotes;
        else if (!inQuotes && b === 0x2c && firstEnd < 0) firstEnd = offset + i;
        else if (!inQuotes && b === 0x0a) {
          endRecord(offset + i + 1);
          continue;
        }
        if (firstEnd < 0 && !header) idBytes.push(b);
      }
      offset += chunk.length;
    },
    finish() {
      if (offset > recordStart) endRecord(offset);
      return index;
    },
  };
}

/**
 * report_id → [start, end) byte ranges of its records in a CSV whose first field is report_id
 * (the header excluded). Quoted fields (with commas, quotes or newlines inside) are honoured.
 * Consecutive records of one report form one range. For files of any size use
 * {@link csvFirstFieldIndexer} (or {@link indexCsvFile}).
 */
export function indexCsvByFirstField(bytes: Uint8Array): Record<string, Array<[number, number]>> {
  const ix = csvFirstFieldIndexer();
  ix.push(bytes);
  return ix.finish();
}

/** {@link indexCsvByFirstField} of a file read in 16 MB chunks. @throws Error when the file cannot be read. */
export function indexCsvFile(file: string): Record<string, Array<[number, number]>> {
  const ix = csvFirstFieldIndexer();
  const fd = openSync(file, 'r');
  try {
    const buf = new Uint8Array(16 * 2 ** 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      ix.push(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return ix.finish();
}

/** Columns written dictionary-encoded (few distinct values, repeated on many rows). */
const DICTIONARY_COLUMNS = new Set(['agency', 'agency_key', 'agency_name', 'region', 'province', 'city', 'county', 'level', 'agency_type', 'origin']);

function arrowVector(name: string, type: string, values: unknown[]): Vector {
  if (type === 'DOUBLE') return vectorFromArray(values.map((v) => (typeof v === 'number' ? v : null)), new Float64());
  if (type === 'INTEGER') return vectorFromArray(values.map((v) => (typeof v === 'number' ? v : null)), new Int32());
  if (type === 'BOOLEAN') return vectorFromArray(values.map((v) => (v === null || v === undefined ? null : Boolean(v))), new Bool());
  const strings = values.map((v) => (v === null || v === undefined ? null : String(v)));
  if (DICTIONARY_COLUMNS.has(name)) return vectorFromArray(strings, new Dictionary(new Utf8(), new Int32()));
  return vectorFromArray(strings, new Utf8());
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
    // The years of the facts, not of reports.csv: a report with no facts row (a blank_form, left out
    // of the views) must not make a partition of 0 rows — such an Arrow stream has no record batch and
    // so no dictionaries, and DuckDB-WASM refuses it ("IPC stream did not have the expected number
    // (5) of dictionaries").
    const years = (await exec(`SELECT DISTINCT CAST(year AS INTEGER) AS year FROM ${FACTS_TABLE} ORDER BY year NULLS LAST`)).map((r) => (typeof r.year === 'number' ? r.year : null));
    const facts: FactsPartition[] = [];
    for (const year of years) {
      const where = year === null ? 'f.year IS NULL' : `f.year = ${year}`;
      const rows = await exec(
        `SELECT f.* FROM ${FACTS_TABLE} f WHERE ${where} ORDER BY f.agency, f.year, f.report_id`,
      );
      if (rows.length === 0) continue; // never written, never listed (see above)
      const table = new Table(Object.fromEntries(FACT_COLUMNS.map((c) => [c.name, arrowVector(c.name, c.type, rows.map((r) => r[c.name]))])));
      const bytes = tableToIPC(table, 'stream');
      const file = `facts/${year ?? 'unknown'}.arrow`;
      writeFileSync(path.join(dir, file), bytes);
      facts.push({ year, file, rows: rows.length, bytes: bytes.byteLength });
    }
    const count = async (t: string) => Number((await exec(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${t}`))[0]?.n ?? 0);
    const counts = { reports: await count('reports'), cells: await count('cells'), flags: await count('flags') };
    const header = readCsvHeader('cells', fileStart(path.join(dir, 'cells.csv'), 4096));
    if (!header.ok) throw new Error(header.error);
    writeFileSync(path.join(dir, CELLS_INDEX_FILE), JSON.stringify(indexCsvFile(path.join(dir, 'cells.csv'))));
    // The first page of each view without a filter, for the first chart before DuckDB-WASM is up.
    const firstPages: FirstPages = { format: MANIFEST_FORMAT, pageRows: FIRST_ROWS, views: {} };
    for (const v of VIEWS) {
      const sql = v.sql(EMPTY_FILTER);
      const rows = await exec(pageSql(v.query(EMPTY_FILTER), FIRST_ROWS, 0));
      const total = Number((await exec(rowCountSql(v.query(EMPTY_FILTER))))[0]?.n ?? 0);
      firstPages.views[v.id] = { sql, total, rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, x]) => [k, typeof x === 'number' && !Number.isFinite(x) ? null : (x as string | number | boolean | null)]))) };
    }
    writeFileSync(path.join(dir, FIRST_PAGES_FILE), JSON.stringify(firstPages));
    const manifest: BrowserManifest = { format: MANIFEST_FORMAT, facts, counts, cellsHeader: [...header.header] };
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
    return manifest;
  } finally {
    close();
  }
}
