/**
 * The reports a table view leaves out for want of its table (./unread-tables.ts), on the real
 * DuckDB over data/build (seeds + corpus): 威海市文登区科学技术局 2022 (seed 001: the report prints
 * only its title, no 表二/三/四) and any other report whose reports.csv row has no tables_found
 * (read from the file, since corpus readings improve); every other report has all three.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { EMPTY_FILTER } from './filters';
import { unreadTablesSql, viewTablesLabel, UNREAD_LIST_MAX } from './unread-tables';
import { APPLICATIONS_VIEW, PROACTIVE_VIEW, rowCountSql } from './views';

const BUILD = fileURLToPath(new URL('../../data/build', import.meta.url));
const WENDENG = '6097eb29f1d289bb';

describe('which views have a table', () => {
  it('the four table views name their tables; 合规 has none', () => {
    expect(viewTablesLabel('proactive')).toContain('主动公开');
    expect(viewTablesLabel('indicators')).toContain('、');
    expect(viewTablesLabel('compliance')).toBeNull();
    expect(unreadTablesSql('compliance', EMPTY_FILTER)).toBeNull();
    expect(unreadTablesSql('proactive', EMPTY_FILTER)).toContain(`LIMIT ${UNREAD_LIST_MAX}`);
  });
});

describe.skipIf(!existsSync(join(BUILD, 'reports.csv')))('left-out reports over data/build', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());

  it('主动公开, 依申请公开, 复议诉讼 and 指标 each leave out 文登 2022 and every report with no tables_found', async () => {
    const reports = Papa.parse<Record<string, string>>(readFileSync(join(BUILD, 'reports.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const none = reports.filter((r) => r.status !== 'blank_form' && !r.tables_found).map((r) => r.report_id);
    expect(none).toContain(WENDENG);
    for (const view of ['proactive', 'applications', 'review_litigation', 'indicators'] as const) {
      const rows = await db.exec(unreadTablesSql(view, EMPTY_FILTER)!);
      expect(rows.map((r) => r.report_id).sort(), view).toEqual([...none].sort());
      expect(rows.every((r) => r.n === none.length)).toBe(true);
    }
    const wd = (await db.exec(unreadTablesSql('proactive', EMPTY_FILTER)!)).find((r) => r.report_id === WENDENG)!;
    expect([wd.agency, wd.year]).toEqual(['威海市文登区科学技术局', 2022]);
  });

  it('the view plus the left-out reports are every report the filter keeps (blank form excluded)', async () => {
    const total = Number((await db.exec(`SELECT count(*) AS n FROM facts`))[0].n);
    for (const view of [PROACTIVE_VIEW, APPLICATIONS_VIEW]) {
      const shown = Number((await db.exec(rowCountSql(view.query(EMPTY_FILTER))))[0].n);
      const out = (await db.exec(unreadTablesSql(view.id, EMPTY_FILTER)!)).length;
      expect(shown + out, view.id).toBe(total);
    }
  });

  it('a filter applies: 江苏 reports (by agency) leave none out; 2022 leaves out only 文登', async () => {
    expect(await db.exec(unreadTablesSql('proactive', { agencies: ['320813:人民政府'], regions: [] })!)).toEqual([]);
    const y2022 = await db.exec(unreadTablesSql('proactive', { agencies: [], regions: [], yearFrom: 2022, yearTo: 2022 })!);
    expect(y2022.map((r) => r.report_id)).toEqual([WENDENG]);
  });
});
