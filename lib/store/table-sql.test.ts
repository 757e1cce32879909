/** The opener's SQL, run on a real DuckDB over tests/fixtures (the five seed reports). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { deleteReportCellsSql, embeddedReportIdsSql, engineSettingsSql, engineVersionSql, tableRowCountSql } from './table-sql';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));
/** 临淄区人民政府办公室 2023 (seed 004): 200 cells. */
const LINZI_2023 = 'db5428ea704a808e';

describe('table-sql over the fixtures', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
  });
  afterAll(() => db?.close());

  it('settings run, the version is text, counts are the tables’ rows', async () => {
    for (const sql of engineSettingsSql()) await db.exec(sql);
    const [v] = await db.exec(engineVersionSql());
    expect(String(v.v)).toMatch(/^v\d+\.\d+/);
    expect(await db.exec(tableRowCountSql('reports'))).toEqual([{ n: 5 }]);
  });

  it('finds the built-in reports among ids, none for an empty list, and deletes one report’s cells only', async () => {
    const ids = (await db.exec(embeddedReportIdsSql([LINZI_2023, 'ffffffffffffffff']))).map((r) => r.report_id);
    expect(ids).toEqual([LINZI_2023]);
    expect(await db.exec(embeddedReportIdsSql([]))).toEqual([]);
    const before = Number((await db.exec(tableRowCountSql('cells')))[0].n);
    const own = Number((await db.exec(`SELECT CAST(count(*) AS INTEGER) AS n FROM cells WHERE report_id = '${LINZI_2023}'`))[0].n);
    expect(own).toBe(200);
    await db.exec(deleteReportCellsSql(LINZI_2023));
    expect((await db.exec(tableRowCountSql('cells')))[0].n).toBe(before - own);
  });
});
