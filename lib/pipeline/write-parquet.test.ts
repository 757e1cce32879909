/**
 * `npm run ingest -- --parquet` (./write-parquet.ts) over real rows: tests/fixtures' reports, cells
 * and flags (seed reports read by the pipeline). What DuckDB reads back from the Parquet files is
 * what the CSVs hold: the same rows, the same numbers, one folder per report year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from './node-duckdb';
import { writeParquet } from './write-parquet';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));

describe('writeParquet: the ingest’s tables as Parquet by report year', () => {
  let dir = '';
  let db: NodeDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parquet-'));
    for (const f of ['reports.csv', 'cells.csv', 'flags.csv']) copyFileSync(join(FIXTURES, f), join(dir, f));
    db = await openNodeDatabaseOrThrow(FIXTURES);
  }, 60_000);
  afterAll(() => {
    db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes reports, facts, cells and flags with every row and value, one year= folder per report year', async () => {
    const r = await writeParquet(dir);
    if (!r.ok) throw new Error(r.error);
    const read = (t: string) => `read_parquet('${join(dir, 'parquet', t)}/*/*.parquet', hive_partitioning = true)`;
    for (const t of ['reports', 'facts', 'cells', 'flags']) {
      const [csv] = await db.exec(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${t}`);
      const [pq] = await db.exec(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${read(t)}`);
      expect(pq.n, t).toBe(csv.n);
      expect(r.value.rows[t], t).toBe(csv.n);
    }
    expect(Number((await db.exec('SELECT count(*) AS n FROM cells'))[0].n)).toBeGreaterThan(100);
    // The same numbers: 本年新收 per report in facts, and every cell's value.
    const [a] = await db.exec(`SELECT CAST(sum(t3_new_received) AS DOUBLE) AS s, CAST(count(t3_new_received) AS INTEGER) AS n FROM facts`);
    const [b] = await db.exec(`SELECT CAST(sum(t3_new_received) AS DOUBLE) AS s, CAST(count(t3_new_received) AS INTEGER) AS n FROM ${read('facts')}`);
    expect(b).toEqual(a);
    const diff = await db.exec(
      `SELECT CAST(count(*) AS INTEGER) AS n FROM (SELECT report_id, "table", "row", "column", CAST(value AS DOUBLE) AS v, status FROM cells EXCEPT SELECT report_id, "table", "row", "column", CAST(value AS DOUBLE) AS v, status FROM ${read('cells')})`,
    );
    expect(diff[0].n).toBe(0);
    const years = (await db.exec('SELECT DISTINCT CAST(year AS VARCHAR) AS y FROM reports ORDER BY 1')).map((x) => `year=${x.y ?? 'NULL'}`);
    expect(readdirSync(join(dir, 'parquet', 'reports')).sort()).toEqual(years.sort());
  }, 60_000);

  it('says in a sentence what is missing when the folder has no CSVs', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'parquet-empty-'));
    try {
      const r = await writeParquet(empty);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/没能写出 Parquet：找不到 .*reports\.csv。请先运行/);
      expect(existsSync(join(empty, 'parquet'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
