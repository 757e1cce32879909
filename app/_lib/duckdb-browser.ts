/**
 * DuckDB-WASM in the browser: one database per page, exposed as the same {@link QueryExecutor} the
 * Node tests use. With a browser data build (/data/manifest.json, lib/pipeline/build-browser-data.ts)
 * it loads reports.csv, flags.csv and the per-year facts partitions (Arrow IPC, table `facts`, which
 * the views read); `cells` starts empty and gets a report's rows from /data/cells/<id> when the
 * report page or an upload check needs them ({@link BrowserDb.ensureCells}). Without a manifest (an
 * older data folder) it loads all three CSVs served by app/data/[name]/route.ts and pivots `facts`
 * from `cells` itself (lib/store/facts.ts createFactsSql).
 *
 * The wasm and worker files are bundled with the app (`new URL(…, import.meta.url)` asset
 * modules), so nothing is fetched from a CDN or any other host. Only the `mvp` and `eh` bundles
 * are offered (no cross-origin isolation needed). Offline DuckDB-WASM has only its built-in CSV
 * reader, so the files are read with explicit column types (lib/store/load.ts), and extension
 * autoloading is switched off. Every SQL statement comes from lib/store.
 *
 * This module is the engine only: it knows nothing of uploads (./page-db.ts puts the uploads kept
 * in the tab back) nor of any feature. Import it dynamically from client code only (it touches
 * Worker and fetch).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import type { Result } from '@/lib/model/result';
import { errorMessage, type QueryExecutor, type Row } from '@/lib/store/executor';
import { arrowColumns, columnsToRows, type ArrowTableLike, type ResultColumns } from '@/lib/store/arrow-columns';
import { createFactsSql, emptyFactsSql, FACTS_TABLE } from '@/lib/store/facts';
import { csvFileName, DATA_TABLES, describeTableSql, insertTableSql, loadTableSql, readCsvHeader, type CsvHeader, type DataTable } from '@/lib/store/load';
import { MANIFEST_FILE, MANIFEST_FORMAT, type BrowserManifest } from '@/lib/store/manifest';
import { deleteReportCellsSql, embeddedReportIdsSql, engineSettingsSql, engineVersionSql, tableRowCountSql } from '@/lib/store/table-sql';
import { dataUrls, fetchData } from './data-urls';
import { zhT, type TranslateVars } from '@/lib/present/i18n/translate';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: {
    mainModule: new URL('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm', import.meta.url).href,
    mainWorker: new URL('@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js', import.meta.url).href,
  },
  eh: {
    mainModule: new URL('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm', import.meta.url).href,
    mainWorker: new URL('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js', import.meta.url).href,
  },
};

/**
 * A ready database: the executor, the DuckDB version, the row count of each table as loaded from
 * the built data files (uploads not counted), and a way to hand DuckDB more CSV text.
 */
export interface BrowserDb {
  /** Runs SQL over every table; the first call waits until reports, flags and cells are loaded. */
  exec: QueryExecutor;
  /**
   * Runs SQL that reads only `facts` at once, even while reports.csv and flags.csv are still
   * loading (views whose definition says `reads: 'facts'`, row counts and filter choices).
   */
  execFacts: QueryExecutor;
  /** {@link exec}'s result as columns, no row object per row (lib/store/arrow-columns.ts; 下载 CSV, issue 15). */
  execColumns: (sql: string) => Promise<ResultColumns>;
  /** {@link execFacts}'s result as columns. */
  execFactsColumns: (sql: string) => Promise<ResultColumns>;
  /** Loads reports, flags and cells if not loaded yet (the dashboard calls it after its first chart). */
  loadAll: () => Promise<void>;
  version: string;
  counts: Record<DataTable, number>;
  /** Registers CSV text as a file DuckDB can read_csv; resolves to the name to pass it. */
  registerCsv: (name: string, text: string) => Promise<string>;
  /**
   * Makes sure the `cells` rows of these built-in reports are loaded (fetched per report from
   * /data/cells/<id> the first time; a no-op for uploads and when all cells were loaded at open).
   */
  ensureCells: (reportIds: readonly string[]) => Promise<void>;
}

/**
 * A UI message as its Chinese template (the i18n key, lib/present/i18n/translate.ts) and its
 * variables, so that the page shows it in its own language: `t(text.key, text.vars)`.
 */
export interface UiText {
  key: string;
  vars?: TranslateVars;
}

/**
 * Why the database could not start: what went wrong and what to do (`hint`), both Chinese; `text`
 * holds both as {@link UiText}, for the page to show in its language (app/_components/DbStatus.tsx).
 */
export interface DbFailure {
  message: string;
  hint: string;
  text?: { message: UiText; hint: UiText };
}

/**
 * How to open: `deferTables` lets the page have the database as soon as the facts are in, with
 * reports.csv and flags.csv loaded on the first {@link BrowserDb.exec} or {@link BrowserDb.loadAll}
 * (only with a manifest; otherwise everything loads at open).
 */
export interface OpenOptions {
  deferTables: boolean;
}

let dbPromise: Promise<Result<BrowserDb, DbFailure>> | null = null;

/**
 * The page's database, started on first call; later calls (React StrictMode runs effects twice)
 * share the same promise, whatever their options. A failed start is forgotten so that calling
 * again retries.
 */
export function getBrowserDb(options: OpenOptions): Promise<Result<BrowserDb, DbFailure>> {
  if (!dbPromise) {
    const p = openBrowserDb(options);
    dbPromise = p;
    void p.then((r) => {
      if (!r.ok && dbPromise === p) dbPromise = null;
    });
  }
  return dbPromise;
}

const DATA_HINT: UiText = { key: '请在项目目录运行 npm run build:data 生成 data/build 下的数据文件，然后刷新页面。' };
const SERVER_HINT: UiText = { key: '请确认看板服务仍在运行（npm run start），然后刷新页面。' };
const SERVER_LOG_HINT: UiText = { key: '请查看运行看板的终端里的错误信息，然后刷新页面。' };

/** A message template (the Chinese text with `{{name}}` variables) and its variables. */
const ui = (key: string, vars?: TranslateVars): UiText => ({ key, vars });

/** A failed open: the Chinese message and hint, and both as {@link UiText}. */
const failure = (message: UiText, hint: UiText): { ok: false; error: DbFailure } => ({
  ok: false,
  error: { message: zhT(message.key, message.vars), hint: zhT(hint.key, hint.vars), text: { message, hint } },
});

/** One CSV data file's bytes and header, or why it cannot be had. */
async function fetchCsv(table: DataTable): Promise<Result<{ bytes: Uint8Array; header: CsvHeader }, DbFailure>> {
  const name = csvFileName(table);
  let res: Response;
  try {
    res = await fetchData(dataUrls.csv(table));
  } catch (e) {
    return failure(ui('无法从服务器读取 {{name}}：{{error}}。', { name, error: errorMessage(e) }), SERVER_HINT);
  }
  if (!res.ok) {
    const body = (await res.text().catch(() => '')).trim().split('\n')[0];
    return res.status === 404
      ? failure(ui('服务器上还没有数据文件 {{name}}（HTTP 404）：数据还没有生成。', { name }), DATA_HINT)
      : failure(
          body ? ui('服务器没能提供数据文件 {{name}}（HTTP {{status}}：{{body}}）。', { name, status: res.status, body }) : ui('服务器没能提供数据文件 {{name}}（HTTP {{status}}）。', { name, status: res.status }),
          SERVER_LOG_HINT,
        );
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const h = readCsvHeader(table, new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)));
  if (!h.ok) return failure(ui(h.error), ui('数据文件与看板版本不一致。请重新运行 npm run build:data 后刷新页面。'));
  return { ok: true, value: { bytes, header: h.header } };
}

/** A DuckDB-WASM result as row objects, read column by column from its Arrow batches (lib/store/arrow-columns.ts: the same values as `toSqlValue(vector.get(i))`). */
function tableToRows(table: ArrowTableLike): Row[] {
  return columnsToRows(arrowColumns(table));
}

/** manifest.json of the data build (lib/store/manifest.ts BrowserManifest), or null when the folder has none. */
async function fetchManifest(): Promise<Result<BrowserManifest | null, DbFailure>> {
  try {
    const res = await fetchData(dataUrls.manifest());
    if (res.status === 404) return { ok: true, value: null };
    if (!res.ok) return failure(ui('服务器没能提供 {{name}}（HTTP {{status}}）。', { name: MANIFEST_FILE, status: res.status }), SERVER_LOG_HINT);
    const manifest = (await res.json()) as BrowserManifest;
    if (manifest?.format !== MANIFEST_FORMAT) {
      return failure(
        ui('数据文件 {{name}} 是旧版本的看板生成的（格式 {{format}}，现在需要格式 {{needed}}），其中的 facts 文件这一版读不了。', {
          name: MANIFEST_FILE,
          format: String(manifest?.format),
          needed: MANIFEST_FORMAT,
        }),
        DATA_HINT,
      );
    }
    return { ok: true, value: manifest };
  } catch (e) {
    return failure(ui('无法从服务器读取 {{name}}：{{error}}。', { name: MANIFEST_FILE, error: errorMessage(e) }), SERVER_HINT);
  }
}

/**
 * The facts partitions listed in the manifest, all or the first failure. A partition of 0 rows is
 * skipped: its Arrow stream has no record batch and so no dictionaries, which DuckDB-WASM refuses
 * ("IPC stream did not have the expected number of dictionaries"), and there is nothing to insert.
 */
async function fetchFacts(manifest: BrowserManifest): Promise<Result<Uint8Array[], DbFailure>> {
  try {
    const parts = await Promise.all(
      manifest.facts.filter((part) => part.rows > 0).map(async (part) => {
        const res = await fetchData(dataUrls.factsPartition(part));
        if (!res.ok) throw new Error(`${part.file}: HTTP ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      }),
    );
    return { ok: true, value: parts };
  } catch (e) {
    return failure(ui('无法读取数据文件 facts：{{error}}', { error: errorMessage(e) }), DATA_HINT);
  }
}

/** Starts the engine from the app's own static files: a Worker plus the instantiated wasm module. */
async function startEngine(): Promise<Result<duckdb.AsyncDuckDB, DbFailure>> {
  let worker: Worker | null = null;
  try {
    const bundle = await duckdb.selectBundle(BUNDLES);
    if (!bundle.mainWorker) throw new Error('no worker script for the selected bundle');
    worker = new Worker(bundle.mainWorker);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    return { ok: true, value: db };
  } catch (e) {
    worker?.terminate();
    return failure(
      ui('浏览器无法启动 DuckDB-WASM 数据库：{{error}}', { error: errorMessage(e) }),
      ui('请使用较新版本的 Chrome、Edge 或 Firefox（需支持 WebAssembly 和 Web Worker），关闭会拦截脚本的插件后刷新页面。'),
    );
  }
}

/** The data files of one open: the manifest (null: an older data folder), the CSVs to load, the facts partitions. */
interface DataFiles {
  manifest: BrowserManifest | null;
  tables: readonly DataTable[];
  csv: Array<{ bytes: Uint8Array; header: CsvHeader }>;
  facts: Uint8Array[] | null;
}

/** Downloads every data file the open needs (in parallel), or the first failure. */
async function fetchDataFiles(): Promise<Result<DataFiles, DbFailure>> {
  const m = await fetchManifest();
  if (!m.ok) return m;
  const manifest = m.value;
  const tables: readonly DataTable[] = manifest ? DATA_TABLES.filter((t) => t !== 'cells') : DATA_TABLES;
  const factsPromise = manifest ? fetchFacts(manifest) : null;
  const csv = await Promise.all(tables.map(fetchCsv));
  const facts = factsPromise ? await factsPromise : null;
  const failed = csv.find((f) => !f.ok) ?? (facts && !facts.ok ? facts : null);
  if (failed && !failed.ok) return failed;
  return {
    ok: true,
    value: { manifest, tables, csv: csv.map((f) => (f.ok ? f.value : { bytes: new Uint8Array(), header: [] })), facts: facts?.ok ? facts.value : null },
  };
}

async function openBrowserDb(options: OpenOptions): Promise<Result<BrowserDb, DbFailure>> {
  // Timings for the benchmark (tests/bench/bench-browser.ts reads these performance measures).
  const tStart = performance.now();
  // 1. The engine (34 MB of wasm to compile) starts at once, while the data downloads.
  const enginePromise = startEngine();
  // 2. The data: with a manifest (npm run build:data) the views' facts come as Arrow partitions
  //    and cells are fetched per report on demand; without one (an older data folder) all of
  //    cells.csv is loaded and the facts are pivoted here. If the data is absent, say so.
  const files = await fetchDataFiles();
  performance.measure('db-fetch', { start: tStart, end: performance.now() });
  if (!files.ok) {
    void enginePromise.then((e) => (e.ok ? e.value.terminate() : undefined));
    return files;
  }
  const engine = await enginePromise;
  performance.measure('db-engine', { start: tStart, end: performance.now() });
  if (!engine.ok) return engine;
  try {
    const db = await loadDatabase(engine.value, files.value, options);
    performance.measure('db-total', { start: tStart, end: performance.now() });
    return { ok: true, value: db };
  } catch (e) {
    await engine.value.terminate().catch(() => undefined);
    return failure(ui('数据文件无法载入数据库：{{error}}', { error: errorMessage(e) }), ui('数据文件可能不完整或格式有误。请重新运行 npm run build:data，然后刷新页面。'));
  }
}

/**
 * 3. The tables. With a manifest the facts go in first and the database is handed to the page at
 * once: the four table views and the filter read only `facts`, so the first chart does not wait
 * for reports.csv and flags.csv (about 30% of the load at 100,000 reports). Those load on the
 * first query that may need them ({@link BrowserDb.exec}), or when the page asks
 * ({@link BrowserDb.loadAll}, after its first chart). Without a manifest, or when the caller does
 * not defer them, everything loads before the page gets the database. Throws on a load failure
 * (the caller turns it into a {@link DbFailure}).
 */
async function loadDatabase(db: duckdb.AsyncDuckDB, files: DataFiles, options: OpenOptions): Promise<BrowserDb> {
  const tReady = performance.now();
  const { manifest, facts } = files;
  const conn = await db.connect();
  const run: QueryExecutor = async (sql) => tableToRows(await conn.query(sql));
  for (const sql of engineSettingsSql()) await run(sql);
  const counts = {} as Record<DataTable, number>;
  if (manifest && facts) {
    await run(emptyFactsSql());
    for (const bytes of facts) await conn.insertArrowFromIPCStream(bytes, { name: FACTS_TABLE, create: false });
    performance.measure('db-load-facts', { start: tReady, end: performance.now() });
    Object.assign(counts, manifest.counts);
  }
  let tablesLoaded: Promise<void> | null = null;
  const loadAll = () => (tablesLoaded ??= loadTables(db, run, files, counts));
  const exec: QueryExecutor = async (sql) => {
    await loadAll();
    return run(sql);
  };
  if (!(manifest && facts && options.deferTables)) await loadAll();
  performance.measure('db-load', { start: tReady, end: performance.now() });
  const v = await run(engineVersionSql());
  let serial = 0;
  const registerCsv = async (name: string, text: string) => {
    const file = `${++serial}-${name}`;
    await db.registerFileBuffer(file, new TextEncoder().encode(text));
    return file;
  };
  const ensureCells = manifest ? cellsOnDemand(db, exec, registerCsv) : async () => undefined;
  const runColumns = async (sql: string) => arrowColumns(await conn.query(sql));
  const execColumns = async (sql: string) => {
    await loadAll();
    return runColumns(sql);
  };
  return { exec, execFacts: run, execColumns, execFactsColumns: runColumns, loadAll, version: String(v[0]?.v ?? ''), counts, registerCsv, ensureCells };
}

/** Loads the CSV tables (and, without a manifest, pivots the facts; with one, an empty `cells`). */
async function loadTables(db: duckdb.AsyncDuckDB, run: QueryExecutor, files: DataFiles, counts: Record<DataTable, number>): Promise<void> {
  const t0 = performance.now();
  const { manifest, facts } = files;
  for (const [i, table] of files.tables.entries()) {
    await db.registerFileBuffer(csvFileName(table), files.csv[i].bytes);
    await run(loadTableSql(table, csvFileName(table), files.csv[i].header));
    if (!manifest) counts[table] = Number((await run(tableRowCountSql(table)))[0]?.n ?? 0);
    await db.dropFile(csvFileName(table)).catch(() => undefined);
  }
  if (manifest && facts) {
    // An empty cells table of the file's columns; a report's rows arrive with ensureCells.
    await db.registerFileBuffer('cells-header.csv', new TextEncoder().encode(`${manifest.cellsHeader.join(',')}\n`));
    await run(loadTableSql('cells', 'cells-header.csv', manifest.cellsHeader));
  } else {
    await run(createFactsSql());
  }
  performance.measure('db-load-tables', { start: t0, end: performance.now() });
}

/** {@link BrowserDb.ensureCells} with a manifest: each built-in report's cells fetched once from /data/cells/<id>. */
function cellsOnDemand(db: duckdb.AsyncDuckDB, exec: QueryExecutor, registerCsv: BrowserDb['registerCsv']): BrowserDb['ensureCells'] {
  const loaded = new Set<string>();
  return async (reportIds) => {
    const todo = [...new Set(reportIds)].filter((id) => !loaded.has(id));
    if (!todo.length) return;
    const embedded = new Set((await exec(embeddedReportIdsSql(todo))).map((r) => String(r.report_id)));
    for (const id of todo) {
      loaded.add(id);
      if (!embedded.has(id)) continue;
      const text = await (await fetchData(dataUrls.reportCells(id))).text();
      const h = readCsvHeader('cells', text);
      if (!h.ok || text.indexOf('\n') >= text.length - 1) continue;
      const file = await registerCsv(`cells-${id}.csv`, text);
      const cols = (await exec(describeTableSql('cells'))).map((r) => String(r.column_name));
      await exec(deleteReportCellsSql(id));
      await exec(insertTableSql('cells', file, h.header, cols, 'embedded'));
      await db.dropFile(file).catch(() => undefined);
    }
  };
}
