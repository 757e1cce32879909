/**
 * The benchmark's comparison engine: SQLite (npm `sql.js`, a devDependency) loaded in the page
 * with the same data the dashboard's DuckDB holds, so tests/bench/bench-browser.ts can run the same
 * view SQL on both. Benchmark code, not the product's: nothing imports sql.js, so it is in no
 * bundle; the page loads its script and wasm from app/sqljs/[name] (served from node_modules when
 * the dev dependencies are installed, a 404 otherwise) only in bench mode (`?bench=1`, ./bench-hooks.ts).
 * Import dynamically from client code only.
 */
import type { SqlJsStatic } from 'sql.js';
import Papa from 'papaparse';
import { tableFromIPC } from 'apache-arrow';
import { createFactsSql, FACT_COLUMNS, FACTS_TABLE } from '@/lib/store/facts';
import { CSV_COLUMNS, DATA_TABLES, ORIGIN_COLUMN } from '@/lib/store/load';
import type { BrowserManifest } from '@/lib/store/manifest';
import { dataUrls, fetchData } from '../data-urls';

/** sql.js's browser script, as app/sqljs/[name]/route.ts serves it (it defines the global `initSqlJs`). */
const SQLJS_SCRIPT = '/sqljs/sql-wasm.js';
/** sql.js's wasm, as app/sqljs/[name]/route.ts serves it. */
const SQLJS_WASM = '/sqljs/sql-wasm.wasm';

/** Loads sql.js's script once (a `<script>` element) and resolves to its `initSqlJs`; rejects when it cannot be served. */
function loadSqlJsScript(): Promise<(config: { locateFile: () => string }) => Promise<SqlJsStatic>> {
  const w = window as unknown as { initSqlJs?: (config: { locateFile: () => string }) => Promise<SqlJsStatic> };
  if (w.initSqlJs) return Promise.resolve(w.initSqlJs);
  return new Promise((resolve, reject) => {
    const el = document.createElement('script');
    el.src = SQLJS_SCRIPT;
    el.onload = () => (w.initSqlJs ? resolve(w.initSqlJs) : reject(new Error(`${SQLJS_SCRIPT} did not define initSqlJs`)));
    el.onerror = () => reject(new Error(`${SQLJS_SCRIPT} could not be loaded (sql.js is a devDependency: run npm install)`));
    document.head.appendChild(el);
  });
}

/** A loaded sql.js database: runs one SQL text, returning row count and milliseconds. */
export interface SqlJsBench {
  loadMs: number;
  run: (sql: string) => { rows: number; ms: number };
}

const SQLITE_TYPES: Record<string, string> = { VARCHAR: 'TEXT', INTEGER: 'INTEGER', DOUBLE: 'REAL', DATE: 'TEXT' };

/**
 * Starts sql.js and loads the data the dashboard's DuckDB loads: with a manifest (browser data
 * build), reports.csv and flags.csv plus the facts partitions (Arrow, read with apache-arrow);
 * without, all three CSVs and the facts pivoted with lib/store/facts.ts createFactsSql. Tables and
 * columns as in DuckDB (reports gets `origin` = 'embedded'), values typed as lib/store/load.ts
 * CSV_COLUMNS says; an empty field is NULL.
 */
export async function openSqlJsBench(): Promise<SqlJsBench> {
  const t0 = performance.now();
  const initSqlJs = await loadSqlJsScript();
  const SQL = await initSqlJs({ locateFile: () => SQLJS_WASM });
  const db = new SQL.Database();
  const res = await fetchData(dataUrls.manifest());
  const manifest = res.ok ? ((await res.json()) as BrowserManifest) : null;
  for (const table of DATA_TABLES) {
    if (manifest && table === 'cells') continue;
    const cols = [...CSV_COLUMNS[table]];
    const text = await (await fetchData(dataUrls.csv(table))).text();
    const all = [...cols.map((c) => `"${c.name}" ${SQLITE_TYPES[c.type]}`), ...(table === 'reports' ? [`"${ORIGIN_COLUMN}" TEXT`] : [])];
    db.run(`CREATE TABLE ${table} (${all.join(', ')})`);
    const stmt = db.prepare(
      `INSERT INTO ${table} VALUES (${cols.map(() => '?').join(', ')}${table === 'reports' ? ", 'embedded'" : ''})`,
    );
    db.run('BEGIN');
    let header: string[] | null = null;
    let index: number[] = [];
    Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
      step: (res) => {
        const row = res.data;
        if (!header) {
          header = row;
          index = cols.map((c) => header!.indexOf(c.name));
          return;
        }
        stmt.run(
          cols.map((c, j) => {
            const v = index[j] >= 0 ? row[index[j]] : '';
            if (v === '' || v === undefined) return null;
            return c.type === 'INTEGER' || c.type === 'DOUBLE' ? Number(v) : v;
          }),
        );
      },
    });
    db.run('COMMIT');
    stmt.free();
  }
  if (manifest) {
    const types: Record<string, string> = { VARCHAR: 'TEXT', DOUBLE: 'REAL', BOOLEAN: 'INTEGER', INTEGER: 'INTEGER' };
    db.run(`CREATE TABLE ${FACTS_TABLE} (${FACT_COLUMNS.map((c) => `"${c.name}" ${types[c.type]}`).join(', ')})`);
    const stmt = db.prepare(`INSERT INTO ${FACTS_TABLE} VALUES (${FACT_COLUMNS.map(() => '?').join(', ')})`);
    db.run('BEGIN');
    for (const part of manifest.facts) {
      const t = tableFromIPC(new Uint8Array(await (await fetchData(dataUrls.factsPartition(part))).arrayBuffer()));
      const cols = FACT_COLUMNS.map((c) => t.getChild(c.name));
      for (let i = 0; i < t.numRows; i++) {
        stmt.run(
          cols.map((col) => {
            const v = col?.get(i) as unknown;
            return v === null || v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : (v as number | string);
          }),
        );
      }
    }
    db.run('COMMIT');
    stmt.free();
  } else {
    db.run(createFactsSql());
  }
  const loadMs = performance.now() - t0;
  return {
    loadMs,
    run: (sql) => {
      const t = performance.now();
      const res = db.exec(sql);
      return { rows: res[0]?.values.length ?? 0, ms: performance.now() - t };
    },
  };
}
