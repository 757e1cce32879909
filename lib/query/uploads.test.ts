/** The SQL around uploads, run on DuckDB over tests/fixtures (all built in: origin 'embedded'). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { T3_COLUMNS } from '../model/form-layout';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { reportFromRow, cellFromRow } from '../store/record-rows';
import { countsByOriginSql, crossYearCellsSql, loadedReportsByIdSql, removeUploadsSql, reportsOfYearsSql } from './uploads';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));

describe('upload SQL', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
  });
  afterAll(() => db?.close());

  it('loadedReportsByIdSql finds loaded ids only; an empty list finds nothing', async () => {
    expect(await db.exec(loadedReportsByIdSql(['db5428ea704a808e', 'ffffffffffffffff']))).toEqual([
      { report_id: 'db5428ea704a808e', agency: '临淄区人民政府办公室', year: 2023, origin: 'embedded', source_file: 'data/seeds/004_7ffb10b0611b3e96.txt' },
    ]);
    expect(await db.exec(loadedReportsByIdSql([]))).toEqual([]);
  });

  it('reportsOfYearsSql gives readable reports of those years, which read back as Reports', async () => {
    const rows = await db.exec(reportsOfYearsSql([2023]));
    expect(rows.map((r) => r.report_id).sort()).toEqual(['3995c116d0ba2c65', 'db5428ea704a808e']);
    const linzi = reportFromRow(rows.find((r) => r.report_id === 'db5428ea704a808e')!);
    expect(linzi).toMatchObject({ agency: '临淄区人民政府办公室', year: 2023, tables_found: ['t2', 't3', 't4'], province: null });
    expect(await db.exec(reportsOfYearsSql([]))).toEqual([]);
  });

  it('crossYearCellsSql gives the cells the cross-year rules read', async () => {
    const cells = (await db.exec(crossYearCellsSql(['db5428ea704a808e']))).map(cellFromRow);
    const t3 = cells.filter((c) => c?.table === 't3');
    expect(t3.map((c) => `${c!.row}.${c!.column}`).sort()).toEqual(
      ['carried_forward', 'carried_over'].flatMap((r) => T3_COLUMNS.map((c) => `${r}.${c.key}`)).sort(),
    );
    expect(t3.find((c) => c!.row === 'carried_over' && c!.column === 'total')?.value).toBe(6);
    expect(cells.filter((c) => c?.table === 't2').map((c) => c!.row)).toEqual(expect.arrayContaining(['regulations', 'normative_documents']));
    expect(cells.some((c) => c?.table === 't4')).toBe(false);
  });

  it('countsByOriginSql counts reports, cells and flags per origin; removeUploadsSql leaves built-in rows', async () => {
    const before = await db.exec(countsByOriginSql());
    expect(before).toEqual([{ origin: 'embedded', reports: 5, cells: expect.any(Number), flags: expect.any(Number) }]);
    for (const sql of removeUploadsSql()) await db.exec(sql);
    expect(await db.exec(countsByOriginSql())).toEqual(before);
  });
});
