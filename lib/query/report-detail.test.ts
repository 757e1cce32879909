/**
 * The report page's SQL on a real DuckDB over data/build (the ingest of data/seeds; skipped when
 * not built) and tests/fixtures, and the conversion of its rows into cells and flags. The page's
 * arrangement of them is tested in lib/present/report-layout.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { agencyReportsSql, flagsFromRows, reportFlagsSql, reportSql } from './report-detail';
import { rowFingerprint } from '../review/decisions';

const WENDENG = '6097eb29f1d289bb'; // 威海市文登区科学技术局 2022, tables printed as images
const YUNCHENG = 'c0d392a57191d65c'; // 运城市科学技术局 2022
const BUILD = fileURLToPath(new URL('../../data/build', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));

describe.skipIf(!existsSync(join(BUILD, 'flags.csv')))('report page data over data/build', () => {
  let db: NodeDatabase | undefined;
  afterAll(() => db?.close());
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  const exec = (sql: string) => db!.exec(sql);

  it('reads the report row with the date as text and extra columns kept', async () => {
    const [r] = await exec(reportSql(WENDENG));
    expect(r).toMatchObject({ report_id: WENDENG, agency: '威海市文登区科学技术局', year: 2022, published_on: '2023-01-16', status: 'partial' });
    expect(await exec(reportSql('0000000000000000'))).toEqual([]);
    expect(await exec(reportSql("x' OR '1'='1"))).toEqual([]);
  });

  it('lists the same agency\'s reports by year', async () => {
    const rows = await exec(agencyReportsSql('运城市科学技术局'));
    expect(rows.map((r) => [r.report_id, r.year])).toEqual([[YUNCHENG, 2022]]);
    expect(['ok', 'partial']).toContain(rows[0].status);
    // By agency_key: the fixtures' 运城市科学技术局 2022 has the key 1408:科技局 (tests/fixtures/reports.csv).
    const byKey = await exec(agencyReportsSql('运城市科技局（另一种写法）', '1408:科技局'));
    expect(byKey.map((r) => [r.report_id, r.year])).toEqual([[YUNCHENG, 2022]]);
  });
});

describe('report flags over tests/fixtures', () => {
  it('reads each flag of the fixtures with its fingerprint and evidence', async () => {
    const db = await openNodeDatabaseOrThrow(FIXTURES);
    try {
      const flags = flagsFromRows(await db.exec(reportFlagsSql('db5428ea704a808e')), rowFingerprint);
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ rule: 'CELL_MISSING', severity: 'warning', evidence: '行政规范性文件\t0\t16', fingerprint: 'e86558c9ced933b3' });
    } finally {
      db.close();
    }
  });
});
