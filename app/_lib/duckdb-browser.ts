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
 * autoloading is switched off.
 *
 * Reports uploaded earlier in the same tab (./upload-store.ts, sessionStorage) are put back into
 * the tables right after the built data (lib/upload/add-uploads.ts restoreUploadedRecords), so a
 * reload or a report page keeps them.
 *
 * Import this module dynamically from client code only (it touches Worker and fetch).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { toSqlValue, errorMessage, type QueryExecutor, type Row } from '@/lib/store/executor';
import { createFactsSql, emptyFactsSql, FACTS_TABLE } from '@/lib/store/facts';
import { csvFileName, DATA_TABLES, describeTableSql, insertTableSql, loadTableSql, readCsvHeader, type CsvHeader, type DataTable } from '@/lib/store/load';
import { sqlString, sqlStringList } from '@/lib/store/sql';
import { MANIFEST_FILE, MANIFEST_FORMAT, type BrowserManifest } from '@/lib/store/manifest';
import { restoreUploadedRecords } from '@/lib/upload/add-uploads';
import { forgetUploadIds, keptUploads } from './upload-store';


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
 * the built data files (uploads not counted), a way to hand DuckDB more CSV text (for uploads),
 * and what became of the uploads kept in this tab when the database was opened.
 */
export interface BrowserDb {
  /** Runs SQL over every table; the first call waits until reports, flags and cells are loaded. */
  exec: QueryExecutor;
  /**
   * Runs SQL that reads only `facts` at once, even while reports.csv and flags.csv are still
   * loading (the dashboard's table views, row counts and filter choices).
   */
  execFacts: QueryExecutor;
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
  /** Uploads of this tab put back at open: how many, and a Chinese message when some could not be. */
  restored: { reports: number; problem: string | null };
}

/**
 * Outcome of starting the database. On failure, `error` says what went wrong and `hint` what to
 * do, both in Chinese, for the page to show as is.
 */
export type BrowserDbResult = { ok: true; db: BrowserDb } | { ok: false; error: string; hint: string };

let dbPromise: Promise<BrowserDbResult> | null = null;

/**
 * The page's database, started on first call; later calls (React StrictMode runs effects twice)
 * share the same promise. A failed start is forgotten so that calling again retries.
 */
export function getBrowserDb(): Promise<BrowserDbResult> {
  if (!dbPromise) {
    const p = openBrowserDb();
    dbPromise = p;
    void p.then((r) => {
      if (!r.ok && dbPromise === p) dbPromise = null;
    });
  }
  return dbPromise;
}

const DATA_HINT = '请在项目目录运行 npm run build:data 生成 data/build 下的数据文件，然后刷新页面。';

async function fetchData(
  table: DataTable,
): Promise<{ ok: true; bytes: Uint8Array; header: CsvHeader } | { ok: false; error: string; hint: string }> {
  const name = csvFileName(table);
  let res: Response;
  try {
    res = await fetch(`/data/${name}`, { cache: 'no-store' });
  } catch (e) {
    return { ok: false, error: `无法从服务器读取 ${name}：${errorMessage(e)}。`, hint: '请确认看板服务仍在运行（npm run start），然后刷新页面。' };
  }
  if (!res.ok) {
    const body = (await res.text().catch(() => '')).trim().split('\n')[0];
    return res.status === 404
      ? { ok: false, error: `服务器上还没有数据文件 ${name}（HTTP 404）：数据还没有生成。`, hint: DATA_HINT }
      : {
          ok: false,
          error: `服务器没能提供数据文件 ${name}（HTTP ${res.status}${body ? `：${body}` : ''}）。`,
          hint: '请查看运行看板的终端里的错误信息，然后刷新页面。',
        };
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const h = readCsvHeader(table, new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)));
  if (!h.ok) return { ok: false, error: h.error, hint: '数据文件与看板版本不一致。请重新运行 npm run build:data 后刷新页面。' };
  return { ok: true, bytes, header: h.header };
}

function tableToRows(table: { numRows: number; schema: { fields: Array<{ name: string }> }; getChild: (name: string) => { get: (i: number) => unknown } | null }): Row[] {
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

/** manifest.json of the data build (lib/pipeline/build-browser-data.ts BrowserManifest), or null when the folder has none. */
async function fetchManifest(): Promise<{ ok: true; manifest: BrowserManifest | null } | { ok: false; error: string; hint: string }> {
  try {
    const res = await fetch(`/data/${MANIFEST_FILE}`, { cache: 'no-store' });
    if (res.status === 404) return { ok: true, manifest: null };
    if (!res.ok) return { ok: false, error: `服务器没能提供 ${MANIFEST_FILE}（HTTP ${res.status}）。`, hint: '请查看运行看板的终端里的错误信息，然后刷新页面。' };
    const manifest = (await res.json()) as BrowserManifest;
    if (manifest?.format !== MANIFEST_FORMAT) {
      return {
        ok: false,
        error: `数据文件 ${MANIFEST_FILE} 是旧版本的看板生成的（格式 ${String(manifest?.format)}，现在需要格式 ${MANIFEST_FORMAT}），其中的 facts 文件这一版读不了。`,
        hint: DATA_HINT,
      };
    }
    return { ok: true, manifest };
  } catch (e) {
    return { ok: false, error: `无法从服务器读取 ${MANIFEST_FILE}：${errorMessage(e)}。`, hint: '请确认看板服务仍在运行（npm run start），然后刷新页面。' };
  }
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Starts the engine from the app's own static files: a Worker plus the instantiated wasm module. */
async function startEngine(): Promise<{ ok: true; db: duckdb.AsyncDuckDB } | { ok: false; error: string; hint: string }> {
  let worker: Worker | null = null;
  try {
    const bundle = await duckdb.selectBundle(BUNDLES);
    if (!bundle.mainWorker) throw new Error('no worker script for the selected bundle');
    worker = new Worker(bundle.mainWorker);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    return { ok: true, db };
  } catch (e) {
    worker?.terminate();
    return {
      ok: false,
      error: `浏览器无法启动 DuckDB-WASM 数据库：${errorMessage(e)}`,
      hint: '请使用较新版本的 Chrome、Edge 或 Firefox（需支持 WebAssembly 和 Web Worker），关闭会拦截脚本的插件后刷新页面。',
    };
  }
}

async function openBrowserDb(): Promise<BrowserDbResult> {
  // Timings for the benchmark (tests/bench/bench-browser.ts reads these performance measures).
  const tStart = performance.now();
  // 1. The engine (34 MB of wasm to compile) starts at once, while the data downloads.
  const enginePromise = startEngine();
  // 2. The data: with a manifest (npm run build:data) the views' facts come as Arrow partitions
  //    and cells are fetched per report on demand; without one (an older data folder) all of
  //    cells.csv is loaded and the facts are pivoted here. If the data is absent, say so.
  const m = await fetchManifest();
  if (!m.ok) {
    void enginePromise.then((e) => (e.ok ? e.db.terminate() : undefined));
    return m;
  }
  const manifest = m.manifest;
  const tables: readonly DataTable[] = manifest ? DATA_TABLES.filter((t) => t !== 'cells') : DATA_TABLES;
  const factsPromise = manifest ? Promise.all(manifest.facts.map((f) => fetchBytes(`/data/${f.file}`))).then((b) => ({ ok: true as const, b }), (e: unknown) => ({ ok: false as const, e })) : null;
  const files = await Promise.all(tables.map(fetchData));
  const facts = factsPromise ? await factsPromise : null;
  const tFetched = performance.now();
  performance.measure('db-fetch', { start: tStart, end: tFetched });
  const engine = await enginePromise;
  performance.measure('db-engine', { start: tStart, end: performance.now() });
  const failed = files.find((f) => !f.ok);
  const dataError = failed && !failed.ok ? failed : facts && !facts.ok ? { ok: false as const, error: `无法读取数据文件 facts：${errorMessage(facts.e)}`, hint: DATA_HINT } : null;
  if (!engine.ok || dataError) {
    if (engine.ok) await engine.db.terminate().catch(() => undefined);
    return dataError ?? (engine as { ok: false; error: string; hint: string });
  }
  const db = engine.db;
  const tReady = performance.now();

  // 3. The tables. With a manifest the facts go in first and the database is handed to the page
  //    at once: the four table views and the filter read only `facts`, so the first chart does
  //    not wait for reports.csv and flags.csv (about 30% of the load at 100,000 reports). Those
  //    load on the first query that may need them ({@link BrowserDb.exec}), or when the page asks
  //    ({@link BrowserDb.loadAll}, after its first chart). Without a manifest, or with uploads
  //    kept in this tab to put back, everything loads before the page gets the database.
  try {
    const conn = await db.connect();
    const run: QueryExecutor = async (sql) => tableToRows(await conn.query(sql));
    await run('SET autoinstall_known_extensions = false');
    await run('SET autoload_known_extensions = false');
    const counts = {} as Record<DataTable, number>;
    const loadedCells = new Set<string>();
    if (manifest && facts?.ok) {
      await run(emptyFactsSql());
      for (const bytes of facts.b) await conn.insertArrowFromIPCStream(bytes, { name: FACTS_TABLE, create: false });
      performance.measure('db-load-facts', { start: tReady, end: performance.now() });
      counts.reports = manifest.counts.reports;
      counts.cells = manifest.counts.cells;
      counts.flags = manifest.counts.flags;
    }
    const loadTables = async () => {
      const t0 = performance.now();
      for (const [i, table] of tables.entries()) {
        const f = files[i];
        if (!f.ok) throw new Error('unreachable');
        await db.registerFileBuffer(csvFileName(table), f.bytes);
        await run(loadTableSql(table, csvFileName(table), f.header));
        if (!manifest) {
          const n = await run(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`);
          counts[table] = Number(n[0]?.n ?? 0);
        }
        await db.dropFile(csvFileName(table)).catch(() => undefined);
      }
      if (manifest && facts?.ok) {
        // An empty cells table of the file's columns; a report's rows arrive with ensureCells.
        await db.registerFileBuffer('cells-header.csv', new TextEncoder().encode(`${manifest.cellsHeader.join(',')}\n`));
        await run(loadTableSql('cells', 'cells-header.csv', manifest.cellsHeader));
      } else {
        await run(createFactsSql());
      }
      performance.measure('db-load-tables', { start: t0, end: performance.now() });
    };
    let tablesLoaded: Promise<void> | null = null;
    const loadAll = () => (tablesLoaded ??= loadTables());
    const exec: QueryExecutor = async (sql) => {
      await loadAll();
      return run(sql);
    };
    const deferTables = Boolean(manifest && facts?.ok) && keptUploads().records.length === 0;
    if (!deferTables) await loadAll();
    performance.measure('db-load', { start: tReady, end: performance.now() });
    performance.measure('db-total', { start: tStart, end: performance.now() });
    const v = await run('SELECT version() AS v');
    let serial = 0;
    const registerCsv = async (name: string, text: string) => {
      const file = `${++serial}-${name}`;
      await db.registerFileBuffer(file, new TextEncoder().encode(text));
      return file;
    };
    const ensureCells = async (reportIds: readonly string[]) => {
      if (!manifest) return;
      const todo = [...new Set(reportIds)].filter((id) => !loadedCells.has(id));
      if (!todo.length) return;
      const embedded = new Set((await exec(`SELECT report_id FROM reports WHERE origin = 'embedded' AND report_id IN (${sqlStringList(todo)})`)).map((r) => String(r.report_id)));
      for (const id of todo) {
        loadedCells.add(id);
        if (!embedded.has(id)) continue;
        const text = await (await fetch(`/data/cells/${encodeURIComponent(id)}`, { cache: 'no-store' })).text();
        const h = readCsvHeader('cells', text);
        if (!h.ok || text.indexOf('\n') >= text.length - 1) continue;
        const file = await registerCsv(`cells-${id}.csv`, text);
        const cols = (await exec(describeTableSql('cells'))).map((r) => String(r.column_name));
        await exec(`DELETE FROM cells WHERE report_id = ${sqlString(id)}`);
        await exec(insertTableSql('cells', file, h.header, cols, 'embedded'));
        await db.dropFile(file).catch(() => undefined);
      }
    };
    const restored = await restoreKept(exec, registerCsv, ensureCells);
    return { ok: true, db: { exec, execFacts: run, loadAll, version: String(v[0]?.v ?? ''), counts, registerCsv, ensureCells, restored } };
  } catch (e) {
    await db.terminate().catch(() => undefined);
    return {
      ok: false,
      error: `数据文件无法载入数据库：${errorMessage(e)}`,
      hint: '数据文件可能不完整或格式有误。请重新运行 npm run build:data，然后刷新页面。',
    };
  }
}

/** Puts back the uploads kept in this tab's sessionStorage (see ./upload-store.ts). Never throws. */
async function restoreKept(exec: QueryExecutor, registerCsv: BrowserDb['registerCsv'], ensureCells: BrowserDb['ensureCells']): Promise<BrowserDb['restored']> {
  const kept = keptUploads();
  const dropped = kept.dropped ? `${kept.dropped} 份之前上传的报告来自旧版本的看板，无法恢复，已丢弃；如需要请重新上传。` : null;
  if (kept.records.length === 0) return { reports: 0, problem: dropped };
  const r = await restoreUploadedRecords({ exec, registerCsv, ensureCells, reportText: async () => null }, kept.records);
  if (!r.ok) {
    forgetUploadIds(kept.records.map((x) => x.report.report_id));
    return { reports: 0, problem: r.error };
  }
  // Kept uploads that the built data now holds are no longer uploads.
  forgetUploadIds(r.skipped);
  return { reports: r.restored.length, problem: dropped };
}
