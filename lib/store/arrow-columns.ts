/**
 * A DuckDB-WASM result (an apache-arrow 17 Table, as `conn.query` returns it in the browser) read
 * column by column into plain arrays of {@link SqlValue}, and those columns as row objects — the
 * one conversion behind the browser's {@link QueryExecutor} (app/_lib/duckdb-browser.ts) and the
 * 下载 CSV path (lib/csv viewColumnsToCsv, issue 15: 100,000 rows ≤ 1 s).
 *
 * Each value is exactly what `toSqlValue(vector.get(i))` gives (./executor.ts): numbers of an
 * Int8–Int32 or Float32/Float64 column and strings of a Utf8 column are read straight from each
 * record batch's buffers (its null bitmap checked only when the batch has nulls), with no lookup
 * of the batch per cell; any other type (Int64, dates, decimals, dictionaries, lists…) is read
 * with `vector.get(i)` and {@link toSqlValue}, as before. The types are structural (the fields of
 * apache-arrow's `Table`, `Vector` and `Data` this reads), so nothing here imports apache-arrow.
 */
import { toSqlValue, type Row, type SqlValue } from './executor';

/** One record batch of one column: the fields of apache-arrow's `Data` read here (buffers narrowed at run time). */
export interface ArrowChunkLike {
  /** Rows in this batch. */
  readonly length: number;
  /** Offset of the batch's first row in its null bitmap (the value buffers are already sliced to it). */
  readonly offset: number;
  readonly nullCount: number;
  readonly nullable: boolean;
  readonly nullBitmap?: unknown;
  readonly values?: unknown;
  readonly valueOffsets?: unknown;
  /** apache-arrow `Type` id: 2 Int, 3 Float, 5 Utf8 are read from the buffers. */
  readonly type: { readonly typeId: number };
}

/** A column of a result: its record batches and apache-arrow's own getter (row index over all batches). */
export interface ArrowVectorLike {
  readonly data: ReadonlyArray<ArrowChunkLike>;
  get(index: number): unknown;
}

/** A query result as DuckDB-WASM returns it: an apache-arrow `Table`. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: ReadonlyArray<{ readonly name: string }> };
  getChild(name: string): ArrowVectorLike | null;
}

/**
 * A result as columns: `names[j]` is the j-th select item's name, `columns[j]` its `numRows`
 * values (number — 件, 万元 or a ratio —, string, boolean or null for SQL NULL).
 */
export interface ResultColumns {
  readonly numRows: number;
  readonly names: readonly string[];
  readonly columns: ReadonlyArray<readonly SqlValue[]>;
}

/** apache-arrow's `Type` ids read straight from the buffers. */
const INT = 2;
const FLOAT = 3;
const UTF8 = 5;

/** The same decoder apache-arrow uses for Utf8 (util/utf8.ts: `new TextDecoder('utf-8')`). */
const utf8 = new TextDecoder('utf-8');

/** Numbers of an Int (≤ 32 bits) or Float (32/64 bits) batch as a typed array, else null (Int64, half floats…). */
function numberValues(chunk: ArrowChunkLike): ArrayLike<number> | null {
  const v = chunk.values;
  if (chunk.type.typeId === FLOAT) return v instanceof Float64Array || v instanceof Float32Array ? v : null;
  if (chunk.type.typeId !== INT) return null;
  const small = v instanceof Int32Array || v instanceof Int16Array || v instanceof Int8Array || v instanceof Uint32Array || v instanceof Uint16Array || v instanceof Uint8Array;
  return small ? (v as ArrayLike<number>) : null;
}

/** Whether row `i` of a batch with this null bitmap (null: no nulls) and offset holds a value — apache-arrow's `Data.getValid`. */
function isValid(bitmap: Uint8Array | null, offset: number, i: number): boolean {
  if (bitmap === null) return true;
  const pos = offset + i;
  return (bitmap[pos >> 3] & (1 << (pos & 7))) !== 0;
}

/** Utf8 strings of a batch into `out[start…]`; a row whose bytes equal the row before's reuses its string (names repeat down a sorted view). */
function readUtf8(chunk: ArrowChunkLike, bytes: Uint8Array, offsets: Int32Array, bitmap: Uint8Array | null, start: number, out: SqlValue[]): void {
  let prevFrom = -1;
  let prevTo = -1;
  let prev = '';
  for (let i = 0; i < chunk.length; i++) {
    if (!isValid(bitmap, chunk.offset, i)) {
      out[start + i] = null;
      continue;
    }
    const from = offsets[i];
    const to = offsets[i + 1];
    if (prevFrom < 0 || to - from !== prevTo - prevFrom || !sameBytes(bytes, from, prevFrom, to - from)) {
      prev = utf8.decode(bytes.subarray(from, to));
      prevFrom = from;
      prevTo = to;
    }
    out[start + i] = prev;
  }
}

/** Whether `bytes[a…a+n)` equals `bytes[b…b+n)`. */
function sameBytes(bytes: Uint8Array, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

/** One record batch's values into `out[start…start+length)`, as `toSqlValue(vector.get(start + i))` would give them. */
function readChunk(chunk: ArrowChunkLike, vector: ArrowVectorLike, start: number, out: SqlValue[]): void {
  const bitmap = chunk.nullable && chunk.nullCount > 0 && chunk.nullBitmap instanceof Uint8Array ? chunk.nullBitmap : null;
  const numbers = numberValues(chunk);
  if (numbers) {
    for (let i = 0; i < chunk.length; i++) out[start + i] = isValid(bitmap, chunk.offset, i) ? numbers[i] : null;
    return;
  }
  if (chunk.type.typeId === UTF8 && chunk.values instanceof Uint8Array && chunk.valueOffsets instanceof Int32Array) {
    readUtf8(chunk, chunk.values, chunk.valueOffsets, bitmap, start, out);
    return;
  }
  for (let i = 0; i < chunk.length; i++) out[start + i] = toSqlValue(vector.get(start + i));
}

/** The `numRows` values of one column (null throughout when the table has no such column). */
function readColumn(vector: ArrowVectorLike | null, numRows: number): SqlValue[] {
  const out = new Array<SqlValue>(numRows).fill(null);
  if (!vector) return out;
  let start = 0;
  for (const chunk of vector.data) {
    readChunk(chunk, vector, start, out);
    start += chunk.length;
  }
  return out;
}

/**
 * The result's columns, in select order: `columns[j]` holds `toSqlValue(table.getChild(names[j]).get(i))`
 * for every row i (bigint → number, NULL → null; a DATE as apache-arrow 17 gets it, ms since 1970).
 * Never throws for a table DuckDB-WASM returned.
 */
export function arrowColumns(table: ArrowTableLike): ResultColumns {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => readColumn(table.getChild(n), table.numRows));
  return { numRows: table.numRows, names, columns };
}

/** The rows of a columnar result: one object per row, keys in select order (a repeated name holds `getChild(name)`'s values, its first column, as apache-arrow gives it). */
export function columnsToRows(result: ResultColumns): Row[] {
  const { names, columns, numRows } = result;
  const rows = new Array<Row>(numRows);
  for (let i = 0; i < numRows; i++) {
    const row: Row = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = columns[j][i];
    rows[i] = row;
  }
  return rows;
}
