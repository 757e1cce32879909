/**
 * 下载 CSV in Node, stage by stage (issue 15: 100,000 rows ≤ 1 s in the browser): the 依申请公开
 * view's CSV query (lib/query/views.ts + lib/csv/rate-parts.ts withRateParts, no filter) run by
 * DuckDB-WASM's own Node build over the facts of `.bench/ingest-<n>/facts/*.arrow` — the same
 * engine, SQL and Arrow result the dashboard gets — then written the dashboard's way
 * (lib/store/arrow-columns.ts arrowColumns → lib/csv viewColumnsToCsvBytes: papaparse a part of
 * 1,000 rows at a time, each part encoded at once → Blob) and, for
 * comparison, the earlier way (Arrow → one row object per row → viewRowsToCsv). Figures, not
 * pass/fail; the two texts are compared byte for byte and a difference is printed.
 *
 * Run alone: `flock /tmp/heavy.lock npx tsx tests/bench/bench-csv.ts [sizes]` (default 10000,100000;
 * sizes without an ingest folder are skipped). From run-bench.ts: `await benchCsv(work, sizes)`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import Papa from 'papaparse';
import { viewColumnsToCsvBytes, viewRowsToCsv } from '../../lib/csv';
import { withRateParts } from '../../lib/csv/rate-parts';
import { EMPTY_FILTER } from '../../lib/query/filters';
import { APPLICATIONS_VIEW, queryToSql } from '../../lib/query/views';
import { arrowColumns, type ArrowTableLike } from '../../lib/store/arrow-columns';
import { toSqlValue, type Row } from '../../lib/store/executor';
import * as facts from '../../lib/store/facts';
import { emptyFactsSql, FACT_COLUMNS, FACTS_TABLE } from '../../lib/store/facts';

/** One size's figures (ms: medians of `runs` runs; MB: UTF-8 bytes of the CSV ÷ 10⁶). */
export interface CsvBenchFigures {
  reports: number;
  rows: number;
  /** The CSV query in DuckDB-WASM (Node build, one connection). */
  queryMs: number;
  /** Arrow result → column arrays → CSV fields (lib/store/arrow-columns.ts arrowColumns + lib/csv viewColumnsToCsvBytes less unparse and encode). */
  arrowToFieldsMs: number;
  /** Inside papaparse's unparse (lib/csv viewColumnsToCsvBytes, a call per 1,000 rows). */
  unparseMs: number;
  /** Encoding papaparse's text as UTF-8 (TextEncoder, a call per part). */
  encodeMs: number;
  /** The parts → a Blob, as app/_lib/download-text.ts does. */
  blobMs: number;
  /** Arrow → CSV text → Blob, the dashboard's path after the query. */
  totalMs: number;
  /** The earlier path for comparison: Arrow → row objects, then viewRowsToCsv, then the Blob. */
  before: { arrowToRowsMs: number; rowsToCsvMs: number; totalMs: number };
  mb: number;
  /** Whether the two paths wrote the same text byte for byte. */
  identical: boolean;
}

/** A DuckDB-WASM connection of the Node build (synchronous `query` returning an apache-arrow Table). */
export interface WasmConnection {
  query: (sql: string) => ArrowTableLike & { batches: unknown[] };
  insertArrowFromIPCStream: (bytes: Uint8Array, options: { name: string; create: boolean }) => void;
  close: () => void;
}

/**
 * Opens DuckDB-WASM's Node build (the wasm files of node_modules, nothing fetched) — the engine the
 * dashboard runs, giving the same Arrow results. `registerFile` hands it a file's bytes under a
 * name for read_csv (as the browser's registerFileBuffer). Node only.
 */
export async function openWasmConnection(): Promise<{ conn: WasmConnection; registerFile: (name: string, bytes: Uint8Array) => void; close: () => void }> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = { mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' } };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect() as unknown as WasmConnection;
  const close = () => {
    conn.close();
    db.reset();
  };
  return { conn, registerFile: (name, bytes) => db.registerFileBuffer(name, bytes), close };
}

/**
 * Loads `<dir>/*.arrow` (a data build's per-year facts) into `facts`, as the dashboard does
 * (lib/store/facts.ts emptyFactsSql, then each file inserted). Files written before a column was
 * added to FACT_COLUMNS are loaded as they are, the missing columns added empty and, when the
 * store has a renumbering statement for them (`renumberFactsSql`, the views' order), run.
 */
export function loadFactsFiles(conn: WasmConnection, dir: string): void {
  const files = readdirSync(dir).filter((x) => x.endsWith('.arrow')).sort();
  const bytes = (f: string) => new Uint8Array(readFileSync(path.join(dir, f)));
  try {
    conn.query(emptyFactsSql());
    for (const f of files) conn.insertArrowFromIPCStream(bytes(f), { name: FACTS_TABLE, create: false });
    return;
  } catch {
    // An older build: its own columns, then the missing ones.
  }
  conn.query(`DROP TABLE IF EXISTS ${FACTS_TABLE}`);
  files.forEach((f, i) => conn.insertArrowFromIPCStream(bytes(f), { name: FACTS_TABLE, create: i === 0 }));
  const have = new Set(tableToRowsBefore(conn.query(`SELECT column_name FROM information_schema.columns WHERE table_name = '${FACTS_TABLE}'`)).map((r) => String(r.column_name)));
  for (const c of FACT_COLUMNS.filter((x) => !have.has(x.name))) conn.query(`ALTER TABLE ${FACTS_TABLE} ADD COLUMN ${c.name} ${c.type}`);
  const renumber = (facts as Record<string, unknown>).renumberFactsSql;
  if (typeof renumber === 'function') conn.query(String(renumber()));
}

/** The earlier app/_lib/duckdb-browser.ts tableToRows, kept as the reference: one `get` and toSqlValue per cell. */
export function tableToRowsBefore(table: ArrowTableLike): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((n) => table.getChild(n));
  const rows: Row[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    names.forEach((n, j) => {
      row[n] = toSqlValue(cols[j]?.get(i));
    });
    rows.push(row);
  }
  return rows;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const since = (t: number) => performance.now() - t;

/** Time spent inside papaparse's unparse and TextEncoder's encode, summed while `run` runs (the functions wrapped for the while). */
function timeInside<T>(run: () => T): { value: T; unparseMs: number; encodeMs: number } {
  const unparse = Papa.unparse;
  const encode = TextEncoder.prototype.encode;
  let unparseMs = 0;
  let encodeMs = 0;
  Papa.unparse = ((...args: Parameters<typeof unparse>) => {
    const t0 = performance.now();
    const out = unparse(...args);
    unparseMs += since(t0);
    return out;
  }) as typeof unparse;
  TextEncoder.prototype.encode = function (this: TextEncoder, input?: string) {
    const t0 = performance.now();
    const out = encode.call(this, input);
    encodeMs += since(t0);
    return out;
  };
  try {
    return { value: run(), unparseMs, encodeMs };
  } finally {
    Papa.unparse = unparse;
    TextEncoder.prototype.encode = encode;
  }
}

/** The dashboard's path once: Arrow → columns → CSV bytes in parts → Blob; stage times and the bytes. */
function dashboardPath(table: ArrowTableLike): { bytes: Uint8Array[]; fieldsMs: number; unparseMs: number; encodeMs: number; blobMs: number; totalMs: number } {
  const t0 = performance.now();
  const inside = timeInside(() => viewColumnsToCsvBytes(arrowColumns(table), APPLICATIONS_VIEW.columns, { keys: false }));
  const t1 = performance.now();
  new Blob(inside.value, { type: 'text/csv;charset=utf-8' });
  const blobMs = since(t1);
  const csvMs = t1 - t0;
  return { bytes: inside.value, fieldsMs: csvMs - inside.unparseMs - inside.encodeMs, unparseMs: inside.unparseMs, encodeMs: inside.encodeMs, blobMs, totalMs: csvMs + blobMs };
}

/** Times both paths `runs` times over one Arrow result; medians. */
function timePaths(table: ArrowTableLike, runs: number): Omit<CsvBenchFigures, 'reports' | 'queryMs'> {
  const now: Array<ReturnType<typeof dashboardPath>> = [];
  const t = { rows: [] as number[], csv: [] as number[], total: [] as number[] };
  let before = '';
  for (let k = 0; k < runs; k++) {
    now.push(dashboardPath(table));
    const b0 = performance.now();
    const rows = tableToRowsBefore(table);
    const b1 = performance.now();
    before = viewRowsToCsv(rows, APPLICATIONS_VIEW.columns, { keys: false });
    t.rows.push(b1 - b0);
    t.csv.push(since(b1));
    new Blob([before], { type: 'text/csv;charset=utf-8' });
    t.total.push(since(b0));
  }
  const bytes = Buffer.concat(now[0].bytes);
  const of = (k: 'fieldsMs' | 'unparseMs' | 'encodeMs' | 'blobMs' | 'totalMs') => median(now.map((x) => x[k]));
  return {
    rows: table.numRows,
    arrowToFieldsMs: of('fieldsMs'),
    unparseMs: of('unparseMs'),
    encodeMs: of('encodeMs'),
    blobMs: of('blobMs'),
    totalMs: of('totalMs'),
    before: { arrowToRowsMs: median(t.rows), rowsToCsvMs: median(t.csv), totalMs: median(t.total) },
    mb: bytes.length / 1e6,
    identical: bytes.equals(Buffer.from(before, 'utf8')),
  };
}

/**
 * For each size with `<work>/ingest-<n>/facts/*.arrow`: the 依申请公开 CSV query in DuckDB-WASM and
 * the CSV written from its Arrow result, stage by stage (see {@link CsvBenchFigures}); printed and
 * returned. Sizes without facts are skipped with a line saying so. Takes ~15 s of CPU at 100,000.
 */
export async function benchCsv(work: string, sizes: number[], runs = 3): Promise<CsvBenchFigures[]> {
  const out: CsvBenchFigures[] = [];
  for (const n of sizes) {
    const dir = path.join(work, `ingest-${n}`, 'facts');
    if (!existsSync(dir)) {
      console.log(`  csv ${n}: no ${dir} (run the pipeline bench first); skipped`);
      continue;
    }
    const { conn, close } = await openWasmConnection();
    try {
      loadFactsFiles(conn, dir);
      const sql = queryToSql(withRateParts(APPLICATIONS_VIEW, APPLICATIONS_VIEW.query(EMPTY_FILTER)));
      const q: number[] = [];
      let table = conn.query(sql);
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        table = conn.query(sql);
        q.push(since(t0));
      }
      const f: CsvBenchFigures = { reports: n, queryMs: median(q), ...timePaths(table, runs) };
      const ms = (x: number) => `${x.toFixed(0)} ms`;
      console.log(
        `  csv ${n} reports: ${f.rows} rows, ${f.mb.toFixed(1)} MB; query ${ms(f.queryMs)} (DuckDB-WASM in Node); Arrow→fields ${ms(f.arrowToFieldsMs)}, unparse ${ms(f.unparseMs)}, UTF-8 ${ms(f.encodeMs)}, Blob ${ms(f.blobMs)}, total ${ms(f.totalMs)} ` +
          `(before: Arrow→rows ${ms(f.before.arrowToRowsMs)}, rows→CSV ${ms(f.before.rowsToCsvMs)}, total ${ms(f.before.totalMs)}); same text: ${f.identical ? 'yes' : 'NO'}`,
      );
      out.push(f);
    } finally {
      close();
    }
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number).filter((x) => x > 0);
  await benchCsv(path.join(root, '.bench'), sizes);
}
