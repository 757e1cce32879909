/**
 * 下载 CSV from columns (issue 15) writes exactly what it wrote from rows: for every view, per
 * report and grouped, in Chinese and English, with labels and with keys, the text of
 * viewColumnsToCsv and the bytes of viewColumnsToCsvBytes over DuckDB-WASM's Arrow result
 * (lib/store/arrow-columns.ts) equal viewRowsToCsv over the rows the dashboard built before
 * (one `get` + toSqlValue per cell). Run in DuckDB-WASM's Node build — the dashboard's engine —
 * over tests/fixtures (values copied from data/seeds) loaded the way the browser loads CSVs, and,
 * when it is there, over data/build's facts (the embedded data, `npm run build:data`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFactsFiles, openWasmConnection, tableToRowsBefore, type WasmConnection } from '../../tests/bench/bench-csv';
import { VIEWS, queryToSql, viewSetupSql, type ViewDef } from '../query/views';
import { GROUP_BY_CHOICES, groupedView } from '../query/group-totals';
import { EMPTY_FILTER } from '../query/filters';
import { arrowColumns, columnsToRows, type ArrowTableLike } from '../store/arrow-columns';
import { createFactsSql } from '../store/facts';
import { csvFileName, DATA_TABLES, loadTableSql, readCsvHeader } from '../store/load';
import { makeTranslate } from '../present/i18n/translate';
import { EN } from '../present/i18n/en';
import { BOM, viewColumnsToCsv, viewColumnsToCsvBytes, viewRowsToCsv } from './index';
import { withRateParts } from './rate-parts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const BUILD_FACTS = join(ROOT, 'data', 'build', 'facts');
const en = makeTranslate('en', EN);
const MODES = [
  { name: 'Chinese labels', keys: false, t: undefined },
  { name: 'English labels', keys: false, t: en },
  { name: 'keys', keys: true, t: undefined },
  { name: 'keys, English', keys: true, t: en },
] as const;

/** Every view and each of its grouped forms. */
const DEFS: ViewDef[] = VIEWS.flatMap((v) => [v, ...GROUP_BY_CHOICES.map((g) => groupedView(v, g.key)).filter((d): d is ViewDef => d !== null)]);

/** One view's CSV query in DuckDB-WASM: its Arrow result. */
const csvQuery = (conn: WasmConnection, def: ViewDef) => conn.query(queryToSql(withRateParts(def, def.query(EMPTY_FILTER))));

/** Both paths over one Arrow result; the rows' count, both rows and both texts (the bytes as bytes). */
function bothPaths(table: ArrowTableLike, def: ViewDef, keys: boolean, t: typeof en | undefined, partRows: number) {
  const rowsBefore = tableToRowsBefore(table);
  const columns = arrowColumns(table);
  const before = viewRowsToCsv(rowsBefore, def.columns, { keys }, t);
  const text = viewColumnsToCsv(columns, def.columns, { keys }, t);
  const bytes = Buffer.concat(viewColumnsToCsvBytes(columns, def.columns, { keys }, t, partRows));
  return { rows: table.numRows, rowsBefore, rowsNow: columnsToRows(columns), before, text, bytes };
}

describe('CSV from columns = CSV from rows, over tests/fixtures in DuckDB-WASM', () => {
  let conn: WasmConnection;
  let close: () => void;
  beforeAll(async () => {
    const w = await openWasmConnection();
    conn = w.conn;
    close = w.close;
    for (const table of DATA_TABLES) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, csvFileName(table))));
      const h = readCsvHeader(table, new TextDecoder().decode(bytes.subarray(0, 4096)));
      if (!h.ok) throw new Error(h.error);
      w.registerFile(csvFileName(table), bytes);
      conn.query(loadTableSql(table, csvFileName(table), h.header));
    }
    conn.query(createFactsSql());
    for (const sql of viewSetupSql()) conn.query(sql);
  }, 60_000);
  afterAll(() => close?.());

  it('every view, per report and grouped, in all four modes: the same text and the same UTF-8 bytes', () => {
    let compared = 0;
    for (const def of DEFS) {
      const table = csvQuery(conn, def);
      for (const m of MODES) {
        for (const partRows of [1, 2, 1000]) {
          const r = bothPaths(table, def, m.keys, m.t, partRows);
          const what = `${def.title} (${m.name}, parts of ${partRows})`;
          expect(r.text, what).toBe(r.before);
          expect(r.bytes.equals(Buffer.from(r.before, 'utf8')), what).toBe(true);
          if (r.rows > 0) compared++;
        }
      }
    }
    // Real rows went through both paths (the fixtures' five reports in the per-report views).
    expect(compared).toBeGreaterThan(DEFS.length);
  });

  it('the rows read column by column are the rows read cell by cell (every value, every view)', () => {
    for (const def of DEFS) {
      const r = bothPaths(csvQuery(conn, def), def, false, undefined, 1000);
      expect(r.rowsNow, def.title).toStrictEqual(r.rowsBefore);
    }
  });

  it('the texts hold the real values: 依申请公开 of 临淄区人民政府办公室 2023 (seed 004) has 27 new, 25.8 %, 8 of 31', () => {
    const def = VIEWS.find((v) => v.title === '依申请公开')!;
    const r = bothPaths(csvQuery(conn, def), def, true, undefined, 2);
    expect(r.rows).toBe(4); // the fixtures' reports with 表三
    const lines = r.text.slice(BOM.length).split('\r\n');
    expect(lines).toHaveLength(r.rows + 1);
    const header = lines[0].split(',');
    const linzi = lines.find((l) => l.startsWith('淄博市临淄区人民政府办公室,') && l.includes(',2023,'))!.split(',');
    const at = (k: string) => linzi[header.indexOf(k)];
    expect([at('new_received'), at('disclosure_rate'), at('disclosure_rate_numerator'), at('disclosure_rate_denominator')]).toEqual(['27', '25.8', '8', '31']);
  });

  it('quotes, formula-like text, repeated and empty strings, NULLs and negatives: the same as papaparse wrote from rows', () => {
    // Values no view holds yet, through the same Arrow reader: a note starting with = or -, a comma
    // and a quote, spaces at the ends, repeats in a row (a string reused), '' against NULL, a BOM.
    const sql = `SELECT * FROM (VALUES
      ('=1+1', -3.0, 1, '甲'), ('=1+1', NULL, 2, '甲'), ('a,"b"', 0.0, NULL, '甲乙'), (' x ', 2.5, 4, ''),
      ('', NULL, 5, NULL), (NULL, -0.0, 6, '\uFEFF头'), ('@SUM(A1)', 1e21, 7, '\t制表'), ('@SUM(A1)', 1e-7, 8, '甲'))
      AS v(agency, disclosure_rate, year, cell_notes)`;
    const def = VIEWS.find((v) => v.title === '依申请公开')!;
    const table = conn.query(sql);
    for (const m of MODES) {
      const before = viewRowsToCsv(tableToRowsBefore(table), def.columns, { keys: m.keys }, m.t);
      expect(viewColumnsToCsv(arrowColumns(table), def.columns, { keys: m.keys }, m.t), m.name).toBe(before);
      expect(Buffer.concat(viewColumnsToCsvBytes(arrowColumns(table), def.columns, { keys: m.keys }, m.t, 3)).equals(Buffer.from(before, 'utf8')), m.name).toBe(true);
    }
    expect(columnsToRows(arrowColumns(table))).toStrictEqual(tableToRowsBefore(table));
    const text = viewColumnsToCsv(arrowColumns(table), def.columns, { keys: true });
    expect(text).toContain(`"'=1+1",`);
    expect(text).toContain(`"a,""b"""`);
  });

  it('no rows: the header and a CRLF, as before', () => {
    const def = VIEWS.find((v) => v.title === '依申请公开')!;
    const table = conn.query(`${queryToSql(withRateParts(def, def.query(EMPTY_FILTER)))} LIMIT 0`);
    const before = viewRowsToCsv(tableToRowsBefore(table), def.columns, { keys: false });
    expect(before.endsWith('\r\n')).toBe(true);
    expect(viewColumnsToCsv(arrowColumns(table), def.columns, { keys: false })).toBe(before);
    expect(Buffer.concat(viewColumnsToCsvBytes(arrowColumns(table), def.columns, { keys: false })).equals(Buffer.from(before, 'utf8'))).toBe(true);
  });
});

describe.skipIf(!existsSync(BUILD_FACTS))('CSV from columns = CSV from rows, over data/build facts (the embedded data)', () => {
  it('the four table views in Chinese and English', async () => {
    const { conn, close } = await openWasmConnection();
    try {
      loadFactsFiles(conn, BUILD_FACTS);
      for (const sql of viewSetupSql()) conn.query(sql);
      for (const def of VIEWS.filter((v) => v.reads === 'facts')) {
        const table = csvQuery(conn, def);
        for (const m of MODES) {
          const r = bothPaths(table, def, m.keys, m.t, 7);
          expect(r.rows, def.title).toBeGreaterThan(0);
          expect(r.text, `${def.title} (${m.name})`).toBe(r.before);
          expect(r.bytes.equals(Buffer.from(r.before, 'utf8')), `${def.title} (${m.name})`).toBe(true);
        }
      }
    } finally {
      close();
    }
  }, 60_000);
});
