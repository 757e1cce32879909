/**
 * Parquet beside an ingest's CSVs (issue 15: "the ingest writes Parquet beside the CSVs, partitioned
 * by year, so DuckDB, Spark or any lakehouse engine reads a national crawl directly"): `npm run
 * ingest -- --parquet …` (./ingest-cli.ts) writes, after the CSVs, `<out>/parquet/<table>/year=<Y>/*.parquet`
 * for reports, cells, flags and facts (one row per report with its ~40 numbers, lib/store/facts.ts —
 * the table the dashboard's views read), hive-partitioned by the report year (`year=NULL` for a
 * report whose year could not be read). cells and flags get their report's year as a column.
 *
 * Written by DuckDB (@duckdb/node-api, the same SQL that loads the CSVs for the tests, ./node-duckdb.ts):
 * the types are the data contract's (lib/store/load.ts), numbers stay DOUBLE (件, 万元), text UTF-8.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Result } from '../model/result';
import { sqlString } from '../store/sql';
import { openNodeDatabase } from './node-duckdb';

/** The tables written, in order, and the SELECT that gives each its `year` column. */
const PARQUET_TABLES: ReadonlyArray<{ name: string; select: string }> = [
  { name: 'reports', select: 'SELECT * FROM reports' },
  { name: 'facts', select: 'SELECT * FROM facts' },
  { name: 'cells', select: 'SELECT c.*, y.year FROM cells c LEFT JOIN (SELECT report_id, any_value(year) AS year FROM reports GROUP BY report_id) y USING (report_id)' },
  { name: 'flags', select: 'SELECT f.*, y.year FROM flags f LEFT JOIN (SELECT report_id, any_value(year) AS year FROM reports GROUP BY report_id) y USING (report_id)' },
];

/** What {@link writeParquet} wrote: per table the rows, and the seconds it took. */
export interface ParquetSummary {
  dir: string;
  rows: Record<string, number>;
  seconds: number;
}

/**
 * Writes `<dir>/parquet/` from `<dir>`'s reports.csv, cells.csv and flags.csv (replacing an older
 * `parquet/` folder). Never throws: `{ ok: false, error }` says in one sentence what failed (a CSV
 * missing or unreadable, a disk error) and what to do.
 */
export async function writeParquet(dir: string): Promise<Result<ParquetSummary>> {
  const t0 = performance.now();
  const out = join(resolve(dir), 'parquet');
  const opened = await openNodeDatabase(dir);
  if (!opened.ok) return { ok: false, error: `没能写出 Parquet：${opened.error}` };
  const { db } = opened;
  try {
    if (existsSync(out)) rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const rows: Record<string, number> = {};
    for (const t of PARQUET_TABLES) {
      const target = join(out, t.name);
      await db.exec(`COPY (${t.select}) TO ${sqlString(target)} (FORMAT parquet, PARTITION_BY (year), COMPRESSION zstd)`);
      const n = await db.exec(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${t.name}`);
      rows[t.name] = Number(n[0]?.n ?? 0);
    }
    return { ok: true, value: { dir: out, rows, seconds: (performance.now() - t0) / 1000 } };
  } catch (e) {
    return { ok: false, error: `没能在 ${out} 写出 Parquet（${e instanceof Error ? e.message : String(e)}）：请检查磁盘空间和写入权限后重新运行。` };
  } finally {
    db.close();
  }
}
