/**
 * The coverage grid: its SQL on a real DuckDB over tests/fixtures (the five seed reports) and the
 * arrangement into agency × year, including a year with no report (a copy of seed 000 moved two
 * years on, so 临淄区科技局 has 2022 and 2024 but not 2023).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { buildCoverageGrid, coverageSql, yearHeading } from './coverage';
import { makeTranslate } from '../present/i18n/translate';
import { EN } from '../present/i18n/en';
import { EMPTY_FILTER } from './filters';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));

describe('coverage over tests/fixtures', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
  });
  afterAll(() => db?.close());

  it('one row per report with its error count; 文登 2022 has no tables and 3 errors', async () => {
    const rows = await db.exec(coverageSql(EMPTY_FILTER));
    expect(rows).toHaveLength(5);
    const wendeng = rows.find((r) => r.report_id === '6097eb29f1d289bb')!;
    expect(wendeng).toMatchObject({ agency: '威海市文登区科学技术局', year: 2022, status: 'partial', tables_found: null, errors: 3, warnings: 0, flags: 3 });
    const linzi = rows.find((r) => r.report_id === 'db5428ea704a808e')!;
    // All three tables read, but one 表二 cell lost: partial, with its CELL_MISSING warning.
    expect(linzi).toMatchObject({ status: 'partial', tables_found: 't2;t3;t4', errors: 0, warnings: 1, flags: 1 });
    expect(rows.find((r) => r.report_id === '5f1f485ee573df5d')).toMatchObject({ status: 'ok', errors: 0, flags: 0 });
  });

  it('arranges the reports into agency × year', async () => {
    const g = buildCoverageGrid(await db.exec(coverageSql(EMPTY_FILTER)));
    expect(g.years).toEqual(['2022', '2023']);
    expect(g.agencies).toHaveLength(5);
    expect(g.totals).toEqual({ reports: 5, gaps: 0, withErrors: 1 });
    const wendeng = g.agencies.find((a) => a.agency === '威海市文登区科学技术局')!;
    expect(wendeng.byYear['2023']).toBeUndefined();
    expect(wendeng.byYear['2022']).toEqual([
      expect.objectContaining({
        report_id: '6097eb29f1d289bb',
        statusLabel: '部分可读',
        readability: 'partial',
        tablesFound: [],
        tablesMissing: ['t2', 't3', 't4'],
        errors: 3,
      }),
    ]);
    const linzi = g.agencies.find((a) => a.agency === '淄博市临淄区人民政府办公室')!;
    expect(linzi.byYear['2023'][0]).toMatchObject({ readability: 'partial', tablesMissing: [], errors: 0, warnings: 1 });
    const linziKeji = g.agencies.find((a) => a.agency === '淄博市临淄区科技局')!;
    expect(linziKeji.byYear['2022'][0]).toMatchObject({ readability: 'full', statusLabel: '三张表均可读', tablesMissing: [] });
  });

  it('a year between two reports of an agency is a gap column; the filter applies', async () => {
    await db.exec(
      `INSERT INTO reports SELECT * REPLACE ('e000000000000001' AS report_id, 2024 AS year) FROM reports WHERE report_id = '5f1f485ee573df5d'`,
    );
    const g = buildCoverageGrid(await db.exec(coverageSql({ agencies: ['370305:科技局'], regions: [] })));
    expect(g.years).toEqual(['2022', '2023', '2024']);
    expect(Object.keys(g.agencies[0].byYear).sort()).toEqual(['2022', '2024']);
    expect(g.totals.gaps).toBe(1);
  });

  it('reports of unknown year get their own column', () => {
    const g = buildCoverageGrid([{ report_id: 'x', agency: null, region: null, year: null, status: 'unsupported_format', tables_found: null, source_file: '/data/in/a.xls', errors: 0 }]);
    expect(g.years).toEqual(['unknown']);
    expect(g.agencies[0].agency).toBe('（未识别机关：a.xls）');
    expect(g.agencies[0].byYear.unknown[0]).toMatchObject({ readability: 'unreadable', statusLabel: '格式暂不支持' });
    expect(yearHeading('unknown')).toBe('年度未知');
    expect(yearHeading('2022')).toBe('2022 年');
    expect(yearHeading('unknown', makeTranslate('en', EN))).toBe('year unknown');
    expect(yearHeading('2022', makeTranslate('en', EN))).toBe('2022');
  });
});
