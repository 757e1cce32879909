/**
 * A {@link QueryExecutor} backed by @duckdb/node-api (DuckDB 1.4.3, same engine as DuckDB-WASM
 * 1.32.0), for tests and command-line use. Loads reports/cells/flags.csv from a folder with the
 * same SQL the browser uses (./load.ts). Node only; the browser never imports this file.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { errorMessage, toRow, type QueryExecutor } from '../store/executor';
import { createFactsSql } from '../store/facts';
import { csvFileName, DATA_TABLES, loadTableSql, readCsvHeader, type CsvHeader, type DataTable } from '../store/load';
import { viewSetupSql } from '../query/views';

/** An open in-memory database with the three tables loaded, `facts` pivoted from them (./facts.ts) and the views' setup tables made (lib/query/views.ts viewSetupSql). Call `close()` when done. */
export interface NodeDatabase {
  exec: QueryExecutor;
  close: () => void;
}

/** The first `bytes` bytes of a file as UTF-8 text (a header line; the file may be gigabytes). */
export function fileStart(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Open an in-memory DuckDB and load `<dir>/{reports,cells,flags}.csv` into tables of the same
 * names. Returns `{ok: false, error}` (Chinese message) when a file is absent, its header lacks a
 * contract column, or DuckDB cannot read it; never throws.
 */
export async function openNodeDatabase(
  dir: string,
): Promise<{ ok: true; db: NodeDatabase } | { ok: false; error: string }> {
  const abs = resolve(dir);
  const headers = {} as Record<DataTable, CsvHeader>;
  for (const t of DATA_TABLES) {
    const file = join(abs, csvFileName(t));
    if (!existsSync(file)) return { ok: false, error: `找不到 ${file}。请先运行 npm run build:data。` };
    const h = readCsvHeader(t, fileStart(file, 4096));
    if (!h.ok) return { ok: false, error: h.error };
    headers[t] = h.header;
  }
  let instance: DuckDBInstance | null = null;
  try {
    instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const exec: QueryExecutor = async (sql) => {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((r) => toRow(r as Record<string, unknown>));
    };
    for (const t of DATA_TABLES) await exec(loadTableSql(t, join(abs, csvFileName(t)), headers[t]));
    await exec(createFactsSql());
    // Tables the views read beside the data (指标's peer statistics, lib/query/views.ts ViewDef.setup).
    for (const sql of viewSetupSql()) await exec(sql);
    const inst = instance;
    return {
      ok: true,
      db: {
        exec,
        close: () => {
          conn.closeSync();
          inst.closeSync();
        },
      },
    };
  } catch (e) {
    instance?.closeSync();
    return { ok: false, error: `DuckDB 无法读取 ${abs} 中的数据：${errorMessage(e)}` };
  }
}

/**
 * {@link openNodeDatabase} for tests and scripts: the database, or throws an Error with the
 * Chinese message when the data cannot be loaded.
 */
export async function openNodeDatabaseOrThrow(dir: string): Promise<NodeDatabase> {
  const r = await openNodeDatabase(dir);
  if (!r.ok) throw new Error(r.error);
  return r.db;
}
