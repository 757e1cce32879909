/**
 * The one query interface of lib/query: an async function from SQL text to plain row objects.
 *
 * The browser implements it with DuckDB-WASM (app/_lib/duckdb-browser.ts), the Node tests with
 * @duckdb/node-api (lib/pipeline/node-duckdb.ts); the SQL builders of this folder never know which.
 */
import type { Result } from '../model/result';

/** One cell value of a result: a number (件, 万元 or a ratio 0–1), a string, or SQL NULL. */
export type SqlValue = number | string | boolean | null;

/** One result row: column name → value. */
export type Row = Record<string, SqlValue>;

/**
 * Runs one SQL statement and resolves to its rows. May reject (syntax error, missing table…);
 * wrap calls in {@link runQuery} where a user would see the failure.
 */
export type QueryExecutor = (sql: string) => Promise<Row[]>;


/**
 * Convert a value coming out of a DuckDB client to a {@link SqlValue}: bigint → number (exact up
 * to 2^53, which counts of 件 never reach), Date → `YYYY-MM-DD`, undefined → null; objects that
 * are neither (lists, structs) become their JSON text. Queries should cast to DOUBLE/INTEGER/VARCHAR
 * so this is only a safety net.
 */
export function toSqlValue(v: unknown): SqlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && v !== null && typeof (v as { toString?: unknown }).toString === 'function') {
    const s = String(v);
    if (s !== '[object Object]') return s;
  }
  return JSON.stringify(v);
}

/** Apply {@link toSqlValue} to every field of a row object. */
export function toRow(obj: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toSqlValue(v);
  return out;
}

/** The message of anything thrown, as one line of text. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e);
}

/**
 * Run SQL through an executor and return the failure as data instead of throwing:
 * `{ok: true, value: rows}` or `{ok: false, error: '查询失败：<DuckDB message>'}`.
 */
export async function runQuery(exec: QueryExecutor, sql: string): Promise<Result<Row[]>> {
  try {
    return { ok: true, value: await exec(sql) };
  } catch (e) {
    return { ok: false, error: `查询失败：${errorMessage(e)}` };
  }
}
