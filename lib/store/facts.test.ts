/**
 * The per-report facts (./facts.ts) in a real DuckDB (@duckdb/node-api) over the fixtures
 * (tests/fixtures, values copied by hand from data/seeds; see ./views.test.ts), and the browser
 * data build that writes them as Arrow (lib/pipeline/build-browser-data.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { buildBrowserData, csvFirstFieldIndexer, indexCsvByFirstField, indexCsvFile } from '../pipeline/build-browser-data';
import { deleteFactsSql, FACT_COLUMNS, insertFactsSql } from './facts';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import type { Row } from './executor';
import { EMPTY_FILTER } from '../query/filters';
import type { FirstPages } from './manifest';
import { VIEWS } from '../query/views';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));
const LINZI_2023 = 'db5428ea704a808e';
const WENDENG_NO_TABLES = '6097eb29f1d289bb';

describe('facts pivoted from cells', () => {
  let db: NodeDatabase;
  let facts: Row[];
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
    facts = await db.exec('SELECT * FROM facts ORDER BY report_id');
  });
  afterAll(() => db?.close());

  it('has one row per report with the columns in order', async () => {
    expect(facts).toHaveLength(5);
    expect(Object.keys(facts[0])).toEqual(FACT_COLUMNS.map((c) => c.name));
  });

  it('holds seed 004’s 表三 总计 numbers and its missing 表二 cell as NULL with a note', () => {
    const f = facts.find((x) => x.report_id === LINZI_2023)!;
    expect(f).toMatchObject({
      has_t2: true,
      has_t3: true,
      has_t3_total: true,
      has_t4: true,
      t3_new_received: 27,
      t3_carried_over: 6,
      t3_granted: 7,
      t3_partially_granted: 1,
      t3_unable: 21,
      t3_total_processed: 31,
      t3_carried_forward: 2,
    });
    const t2Nulls = FACT_COLUMNS.filter((c) => c.name.startsWith('t2_') && c.type === 'DOUBLE' && f[c.name] === null);
    expect(t2Nulls).toHaveLength(1);
    expect(typeof f.t2_notes).toBe('string');
  });

  it('marks a report without tables as having none, all numbers NULL', () => {
    const f = facts.find((x) => x.report_id === WENDENG_NO_TABLES)!;
    expect(f).toMatchObject({ has_t2: false, has_t3: false, has_t3_total: false, has_t4: false, t3_new_received: null, t4_review_total: null });
  });

  it('gives the same row for one report (as uploads add them) as for all reports', async () => {
    await db.exec(deleteFactsSql([LINZI_2023]));
    expect(await db.exec(`SELECT * FROM facts WHERE report_id = '${LINZI_2023}'`)).toHaveLength(0);
    await db.exec(insertFactsSql([LINZI_2023]));
    expect(await db.exec(`SELECT * FROM facts WHERE report_id = '${LINZI_2023}'`)).toEqual([facts.find((x) => x.report_id === LINZI_2023)]);
    await db.exec(insertFactsSql([]));
    expect(await db.exec('SELECT count(*)::INTEGER AS n FROM facts')).toEqual([{ n: 5 }]);
  });
});

describe('indexCsvByFirstField', () => {
  it('finds each report’s rows by byte range, honouring quoted commas, quotes and newlines', () => {
    const text = 'report_id,raw\na,"x,1"\na,"say ""hi""\nnext line"\nb,2\n"c",3\na,4\n';
    const bytes = new TextEncoder().encode(text);
    const index = indexCsvByFirstField(bytes);
    const slice = (id: string) => index[id].map(([s, e]) => new TextDecoder().decode(bytes.subarray(s, e))).join('');
    expect(slice('a')).toBe('a,"x,1"\na,"say ""hi""\nnext line"\na,4\n');
    expect(index.a).toHaveLength(2);
    expect(slice('b')).toBe('b,2\n');
    expect(slice('c')).toBe('"c",3\n');
    // Fed in chunks of every size from 1 to 7 bytes (boundaries inside ids, quotes and records), the same index.
    for (let size = 1; size <= 7; size++) {
      const ix = csvFirstFieldIndexer();
      for (let i = 0; i < bytes.length; i += size) ix.push(bytes.subarray(i, i + size));
      expect(ix.finish()).toEqual(index);
    }
  });

  it('indexCsvFile reads a file in chunks and gives the index of its whole bytes (the fixtures’ cells.csv)', () => {
    const file = join(FIXTURES, 'cells.csv');
    const index = indexCsvFile(file);
    expect(index).toEqual(indexCsvByFirstField(readFileSync(file)));
    // 4 of the 5 fixture reports have cells (文登's tables were images).
    expect(Object.keys(index)).toHaveLength(4);
  });
});

describe('buildBrowserData over the fixtures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'browser-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one Arrow partition per report year holding the facts, the cells index and the manifest', async () => {
    for (const f of ['reports.csv', 'cells.csv', 'flags.csv']) copyFileSync(join(FIXTURES, f), join(dir, f));
    const manifest = await buildBrowserData(dir);
    expect(manifest.counts).toEqual({ reports: 5, cells: 800, flags: 6 });
    expect(manifest.facts.map((p) => [p.year, p.file, p.rows])).toEqual([
      [2022, 'facts/2022.arrow', 3],
      [2023, 'facts/2023.arrow', 2],
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    const t2023 = tableFromIPC(readFileSync(join(dir, 'facts/2023.arrow')));
    expect(t2023.schema.fields.map((f) => f.name)).toEqual(FACT_COLUMNS.map((c) => c.name));
    const rows = t2023.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    const linzi = rows.find((r) => r.report_id === LINZI_2023)!;
    expect(linzi).toMatchObject({ agency: '临淄区人民政府办公室', year: 2023, origin: 'embedded' });
    expect(linzi).toMatchObject({ has_t3: true, t3_new_received: 27, t3_total_processed: 31, t3_carried_forward: 2 });

    const cells = readFileSync(join(dir, 'cells.csv'));
    const index = JSON.parse(readFileSync(join(dir, 'cells-index.json'), 'utf8')) as Record<string, Array<[number, number]>>;
    const lines = index[LINZI_2023].map(([s, e]) => cells.subarray(s, e).toString('utf8')).join('').trim().split('\n');
    expect(lines).toHaveLength(200);
    expect(lines.every((l) => l.startsWith(`${LINZI_2023},`))).toBe(true);
    expect(index[WENDENG_NO_TABLES]).toBeUndefined();

    // first-pages.json: each view's first page and row count, as the views' SQL gives them here.
    const fp = JSON.parse(readFileSync(join(dir, 'first-pages.json'), 'utf8')) as FirstPages;
    expect(Object.keys(fp.views)).toEqual(VIEWS.map((v) => v.id));
    const db = await openNodeDatabaseOrThrow(dir);
    try {
      for (const v of VIEWS) {
        expect(fp.views[v.id].sql).toBe(v.sql(EMPTY_FILTER));
        const all = await db.exec(v.sql(EMPTY_FILTER));
        expect(fp.views[v.id].total).toBe(all.length);
        expect(fp.views[v.id].rows).toEqual(all.slice(0, fp.pageRows));
      }
    } finally {
      db.close();
    }
    const linziRow = fp.views.applications.rows.find((r) => r.report_id === LINZI_2023);
    expect(linziRow).toMatchObject({ agency: '淄博市临淄区人民政府办公室', year: 2023, new_received: 27, total_processed: 31, carried_forward: 2 });
  });
});
