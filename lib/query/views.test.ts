/**
 * The view SQL is checked by running it in a real DuckDB (@duckdb/node-api) over CSV files, not by
 * comparing strings. Fixture values (tests/fixtures) are copied by hand from data/seeds:
 * 000 临淄区科技局 2022 (all zeros), 001 威海市文登区科学技术局 2022 (no tables), 002 二七区科技局
 * 2023 (all zeros), 003 运城市科学技术局 2022 (1 application, granted), 004 临淄区人民政府办公室
 * 2023 (27 new, 6 carried over, …; one 表二 cell missing).
 */
import { createFactsSql } from '../store/facts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Papa from 'papaparse';
import { formatRowCell } from '../present/format';
import { rowsToCsv } from '../csv';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import {
  APPLICATIONS_VIEW,
  COMPLIANCE_VIEW,
  PROACTIVE_VIEW,
  REVIEW_LITIGATION_VIEW,
  T2_OTHER_FORM_NOTE,
  VIEWS,
  VIEW_LINK_KEYS,
  filterOptionsFromRows,
  filterOptionsSql,
  pageSql,
  queryToSql,
  rowCountSql,
  withoutOrderBy,
} from './views';
import { EMPTY_FILTER, filterWhere, type FilterState } from './filters';
import { runQuery, type Row } from '../store/executor';
import { sqlString } from '../store/sql';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const BUILD = join(ROOT, 'data', 'build');

const byAgency = (rows: Row[], agency: string) => rows.filter((r) => r.agency === agency);
const one = (rows: Row[], agency: string): Row => {
  const found = byAgency(rows, agency);
  expect(found, `exactly one row for ${agency}`).toHaveLength(1);
  return found[0];
};

describe('views over tests/fixtures (values from data/seeds)', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
  });
  afterAll(() => db?.close());
  const run = (sql: string) => db.exec(sql);

  it('each view returns exactly its declared columns, in order, then the link columns (agency_key)', async () => {
    for (const v of VIEWS) {
      const rows = await run(v.sql(EMPTY_FILTER));
      expect(rows.length, v.id).toBeGreaterThan(0);
      expect(Object.keys(rows[0]), v.id).toEqual([...v.columns.map((c) => c.key), ...VIEW_LINK_KEYS]);
    }
  });

  it('依申请公开: 临淄区人民政府办公室 2023 has the numbers printed in seed 004', async () => {
    const r = one(await run(APPLICATIONS_VIEW.sql(EMPTY_FILTER)), '淄博市临淄区人民政府办公室');
    expect(r).toMatchObject({
      region: '淄博市临淄区',
      year: 2023,
      new_received: 27,
      carried_over: 6,
      granted: 7,
      partially_granted: 1,
      denied: 0,
      unable: 21,
      not_processed: 1,
      other: 1,
      total_processed: 31,
      carried_forward: 2,
      report_id: 'db5428ea704a808e',
    });
    expect(r.disclosure_rate).toBeCloseTo(8 / 31, 12);
    // The outcome groups add up to 总计, as the form requires.
    const parts = ['granted', 'partially_granted', 'denied', 'unable', 'not_processed', 'other'] as const;
    expect(parts.reduce((s, k) => s + (r[k] as number), 0)).toBe(31);
  });

  it('依申请公开: the rate is NULL when 办理结果总计 is 0, and 1 for 运城 (1 of 1 granted)', async () => {
    const rows = await run(APPLICATIONS_VIEW.sql(EMPTY_FILTER));
    expect(one(rows, '淄博市临淄区科技局').total_processed).toBe(0);
    expect(one(rows, '淄博市临淄区科技局').disclosure_rate).toBeNull();
    expect(one(rows, '运城市科学技术局')).toMatchObject({ new_received: 1, granted: 1, total_processed: 1, disclosure_rate: 1 });
  });

  it('a report without tables (文登) has no row in the table views, but its flags are in 合规', async () => {
    for (const v of [PROACTIVE_VIEW, APPLICATIONS_VIEW, REVIEW_LITIGATION_VIEW]) {
      const rows = await run(v.sql(EMPTY_FILTER));
      expect(byAgency(rows, '威海市文登区科学技术局'), v.id).toHaveLength(0);
      expect(rows.map((r) => r.agency).sort(), v.id).toEqual(
        ['淄博市临淄区人民政府办公室', '淄博市临淄区科技局', '郑州市二七区科技局', '运城市科学技术局'].sort(),
      );
    }
    const flags = byAgency(await run(COMPLIANCE_VIEW.sql(EMPTY_FILTER)), '威海市文登区科学技术局');
    expect(flags.map((f) => [f.rule, f.severity, f.subject])).toEqual([
      ['TABLE_MISSING', 'error', 't2'],
      ['TABLE_MISSING', 'error', 't3'],
      ['TABLE_MISSING', 'error', 't4'],
    ]);
    expect(flags[0].rule_label).toBe('表格缺失');
  });

  it('主动公开: the missing 表二 cell of seed 004 stays NULL (not 0) and is explained', async () => {
    const r = one(await run(PROACTIVE_VIEW.sql(EMPTY_FILTER)), '淄博市临淄区人民政府办公室');
    expect(r.normative_documents_issued).toBe(0);
    expect(r.normative_documents_repealed).toBeNull();
    expect(r.normative_documents_in_force).toBe(16);
    expect(r.fees_amount).toBe(0);
    expect(r.cell_notes).toBe('行政规范性文件·本年废止件数：缺失');
    const other = one(await run(PROACTIVE_VIEW.sql(EMPTY_FILTER)), '郑州市二七区科技局');
    expect(other.cell_notes).toBeNull();
  });

  it('复议诉讼: seed 004 review 2 pending; litigation 2 upheld + 1 other; correction rates', async () => {
    const r = one(await run(REVIEW_LITIGATION_VIEW.sql(EMPTY_FILTER)), '淄博市临淄区人民政府办公室');
    expect(r).toMatchObject({
      review_upheld: 0,
      review_corrected: 0,
      review_other: 0,
      review_pending: 2,
      review_total: 2,
      litigation_upheld: 2,
      litigation_corrected: 0,
      litigation_other: 1,
      litigation_pending: 0,
      litigation_total: 3,
    });
    expect(r.review_correction_rate).toBeNull(); // nothing concluded: 0/0
    expect(r.litigation_correction_rate).toBe(0); // 0 corrected of 3 concluded
  });

  it('合规: errors first, then warnings, then info; joined to agency and year', async () => {
    const rows = await run(COMPLIANCE_VIEW.sql(EMPTY_FILTER));
    expect(rows.map((r) => r.severity)).toEqual(['error', 'error', 'error', 'warning', 'info', 'info']);
    expect(rows[3]).toMatchObject({
      agency: '淄博市临淄区人民政府办公室',
      year: 2023,
      rule: 'CELL_MISSING',
      subject: 't2.normative_documents.repealed',
      evidence: '行政规范性文件\t0\t16',
    });
    expect(rows[0].evidence).toBeNull();
  });

  it('filters: region, agency and year bounds select the right reports in every view', async () => {
    const cases: Array<[FilterState, string[]]> = [
      [{ agencies: [], regions: ['淄博市临淄区'] }, ['淄博市临淄区人民政府办公室', '淄博市临淄区科技局']],
      [{ agencies: ['1408:科技局', '410103:科技局'], regions: [] }, ['郑州市二七区科技局', '运城市科学技术局']],
      [{ agencies: [], regions: [], yearFrom: 2023 }, ['淄博市临淄区人民政府办公室', '郑州市二七区科技局']],
      [{ agencies: [], regions: [], yearTo: 2022 }, ['淄博市临淄区科技局', '运城市科学技术局']],
      [{ agencies: [], regions: ['淄博市临淄区'], yearFrom: 2022, yearTo: 2022 }, ['淄博市临淄区科技局']],
      [{ agencies: ['不存在的机关'], regions: [] }, []],
    ];
    for (const [filter, agencies] of cases) {
      const rows = await run(APPLICATIONS_VIEW.sql(filter));
      expect(rows.map((r) => r.agency).sort(), JSON.stringify(filter)).toEqual([...agencies].sort());
    }
    const flags = await run(COMPLIANCE_VIEW.sql({ agencies: [], regions: ['威海市文登区'] }));
    expect(flags).toHaveLength(3);
  });

  it('filterWhere quotes names: a quote in a name is data, not SQL', async () => {
    // If quoting were wrong this would be a syntax error or match every report.
    const rows = await run(`SELECT count(*)::INTEGER AS n FROM reports WHERE ${filterWhere({ agencies: ["x' OR '1'='1"], regions: [] })}`);
    expect(rows[0].n).toBe(0);
    const echo = await run(`SELECT ${sqlString("临淄区'); DROP TABLE reports; --")} AS s`);
    expect(echo[0].s).toBe("临淄区'); DROP TABLE reports; --");
    expect((await run('SELECT count(*)::INTEGER AS n FROM reports'))[0].n).toBe(5);
  });

  it('filter options list every agency, region and year of reports.csv', async () => {
    const opts = filterOptionsFromRows(await run(filterOptionsSql()));
    expect(opts.agencies).toHaveLength(5);
    expect(opts.agencies).toContain('371003:科技局');
    expect(opts.agencyNames['371003:科技局']).toBe('威海市文登区科学技术局');
    expect(opts.regions).toEqual(expect.arrayContaining(['淄博市临淄区', '威海市文登区', '郑州市二七区', '运城市']));
    expect(opts.regions).toHaveLength(4);
    expect(opts.years).toEqual([2022, 2023]);
    expect(opts.agencyRegions['410103:科技局']).toEqual(['郑州市二七区']);
  });

  it('runQuery returns a failure as data', async () => {
    const r = await runQuery(run, 'SELECT * FROM no_such_table');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^查询失败：.*no_such_table/);
  });
});

describe('group sums and the single （六）其他处理 row (synthetic report added to a copy of the fixtures)', () => {
  // A made-up report, clearly not from a seed: it prints the single other_handling row (23-row
  // layout) and leaves one 不予公开 cell as a placeholder.
  const dir = mkdtempSync(join(tmpdir(), 'views-test-'));
  const id = 'synthetic0000001';
  let db: NodeDatabase;
  beforeAll(async () => {
    for (const f of ['reports.csv', 'cells.csv', 'flags.csv']) copyFileSync(join(FIXTURES, f), join(dir, f));
    appendFileSync(join(dir, 'reports.csv'), `${id},synthetic.txt,合成测试机关,合成测试机关,测试区,2021,,department,t3,,partial,,?:合成测试机关,合成测试机关,\n`);
    const cell = (row: string, value: number | null, status = 'reported', raw: string | null = value === null ? null : String(value)) =>
      `${id},t3,${row},total,${value ?? ''},${status},${raw ?? ''},\n`;
    appendFileSync(
      join(dir, 'cells.csv'),
      [
        cell('new_received', 10),
        cell('carried_over', 0),
        cell('granted', 4),
        cell('partially_granted', 1),
        cell('denied_state_secret', 0),
        cell('denied_third_party', null, 'placeholder', '/'),
        cell('unable_not_held', 2),
        cell('not_processed_duplicate', 1),
        cell('other_handling', 2),
        cell('total_processed', 10),
        cell('carried_forward', 0),
      ].join(''),
    );
    db = await openNodeDatabaseOrThrow(dir);
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('other = other_handling when rows 21–23 are absent; a placeholder makes its group NULL', async () => {
    const rows = await db.exec(APPLICATIONS_VIEW.sql({ agencies: ['?:合成测试机关'], regions: [] }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ granted: 4, partially_granted: 1, unable: 2, not_processed: 1, other: 2, total_processed: 10 });
    expect(rows[0].denied).toBeNull();
    expect(rows[0].disclosure_rate).toBeCloseTo(0.5, 12);
    expect(rows[0].cell_notes).toBe('不予公开·保护第三方合法权益：占位符“/”');
  });
});

describe('主动公开 for a 表二 of another form version (synthetic report added to a copy of the fixtures)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'views-t2-'));
  const id = 'synthetic0002019';
  let db: NodeDatabase;
  beforeAll(async () => {
    for (const f of ['reports.csv', 'cells.csv', 'flags.csv']) copyFileSync(join(FIXTURES, f), join(dir, f));
    appendFileSync(join(dir, 'reports.csv'), `${id},synthetic.txt,合成试行格式机关,合成试行格式机关,测试区,2019,,department,t2,,ok,,?:合成试行格式机关,合成试行格式机关,\n`);
    appendFileSync(join(dir, 'cells.csv'), `${id},t2,regulations,new_made,3,reported,3,\n${id},t2,licensing,decisions,5,reported,5,\n`);
    db = await openNodeDatabaseOrThrow(dir);
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the cells that share a 2021 key, leaves the rest NULL, and only notes when none match', async () => {
    const rows = await db.exec(PROACTIVE_VIEW.sql({ agencies: ['?:合成试行格式机关'], regions: [] }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ licensing_decisions: 5, regulations_issued: null, fees_amount: null, cell_notes: null });
    await db.exec(`DELETE FROM cells WHERE report_id = '${id}' AND "row" = 'licensing'`);
    await db.exec(createFactsSql()); // the views read the facts pivoted from cells
    const again = await db.exec(PROACTIVE_VIEW.sql({ agencies: ['?:合成试行格式机关'], regions: [] }));
    expect(again[0]).toMatchObject({ regulations_issued: null, licensing_decisions: null, cell_notes: T2_OTHER_FORM_NOTE });
  });
});

describe.skipIf(!existsSync(join(BUILD, 'cells.csv')))('views over data/build (the ingest of data/seeds)', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());
  const fromSeed = (rows: Row[], seed: string, reports: Row[]) => {
    const ids = reports.filter((r) => String(r.source_file).includes(seed)).map((r) => r.report_id);
    return rows.filter((r) => ids.includes(r.report_id));
  };

  it('every view runs and has its declared columns', async () => {
    for (const v of VIEWS) {
      const rows = await db.exec(v.sql(EMPTY_FILTER));
      if (rows.length > 0) expect(Object.keys(rows[0]), v.id).toEqual([...v.columns.map((c) => c.key), ...VIEW_LINK_KEYS]);
    }
  });

  it('seed 004 (临淄区人民政府办公室 2023) reads as printed in 表三 and 表四', async () => {
    const reports = await db.exec('SELECT report_id, source_file FROM reports');
    const t3 = fromSeed(await db.exec(APPLICATIONS_VIEW.sql(EMPTY_FILTER)), '004_7ffb10b0611b3e96', reports);
    expect(t3).toHaveLength(1);
    expect(t3[0]).toMatchObject({ year: 2023, new_received: 27, carried_over: 6, granted: 7, partially_granted: 1, unable: 21, total_processed: 31, carried_forward: 2 });
    const t4 = fromSeed(await db.exec(REVIEW_LITIGATION_VIEW.sql(EMPTY_FILTER)), '004_7ffb10b0611b3e96', reports);
    expect(t4[0]).toMatchObject({ review_pending: 2, review_total: 2, litigation_upheld: 2, litigation_other: 1, litigation_total: 3 });
  });

  it('seed 001 (文登, no tables) has no 表三 row and has TABLE_MISSING flags', async () => {
    const reports = await db.exec('SELECT report_id, source_file FROM reports');
    expect(fromSeed(await db.exec(APPLICATIONS_VIEW.sql(EMPTY_FILTER)), '001_8a13ebfd976f8452', reports)).toHaveLength(0);
    const flags = fromSeed(await db.exec(COMPLIANCE_VIEW.sql(EMPTY_FILTER)), '001_8a13ebfd976f8452', reports);
    expect(flags.some((f) => f.rule === 'TABLE_MISSING')).toBe(true);
  });

  it('合规 carries each report\'s 发布日期 and 发布日期来源 as reports.csv has them (issue 11), in the table and the CSV', async () => {
    // reports.csv read as text, apart from DuckDB.
    const parsed = Papa.parse<Record<string, string>>(readFileSync(join(BUILD, 'reports.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    const csv = new Map(parsed.data.map((r) => [r.report_id, r]));
    const rows = await db.exec(COMPLIANCE_VIEW.sql(EMPTY_FILTER));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const want = csv.get(String(r.report_id))!;
      expect([r.published_on, r.published_on_source], String(r.report_id)).toEqual([want.published_on || null, want.published_on_source || null]);
    }
    // Both sources occur among the flagged reports: 平潭综合实验区公安局 2024 prints no date, its
    // portal page gives 2025-01-20 (page); 运城市科学技术局 2022 prints 2023-01-17 (printed).
    const col = COMPLIANCE_VIEW.columns.find((c) => c.key === 'published_on_source')!;
    const page = rows.find((r) => r.published_on_source === 'page' && r.agency === '平潭综合实验区公安局');
    expect(page).toMatchObject({ published_on: '2025-01-20', year: 2024 });
    expect(formatRowCell(page!, col).text).toBe('取自发布页面');
    const printed = rows.find((r) => r.agency === '运城市科学技术局');
    expect(printed).toMatchObject({ published_on: '2023-01-17', published_on_source: 'printed' });
    expect(formatRowCell(printed!, col).text).toBe('印于报告');
    // The column sits next to the date, and 下载 CSV writes the keys as the data files do.
    const keys = COMPLIANCE_VIEW.columns.map((c) => c.key);
    expect(keys.slice(keys.indexOf('published_on'), keys.indexOf('published_on') + 2)).toEqual(['published_on', 'published_on_source']);
    const text = rowsToCsv(rows.filter((r) => r === page), keys);
    expect(text.split('\r\n')[1]).toContain(',2025-01-20,page,');
  });
});

describe('pageSql and rowCountSql over the fixtures', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
  });
  afterAll(() => db?.close());

  it('pages through a view in its own order and counts all its rows', async () => {
    for (const v of VIEWS) {
      const all = await db.exec(v.sql(EMPTY_FILTER));
      expect(await db.exec(rowCountSql(v.query(EMPTY_FILTER)))).toEqual([{ n: all.length }]);
      const pages = [...(await db.exec(pageSql(v.query(EMPTY_FILTER), 2, 0))), ...(await db.exec(pageSql(v.query(EMPTY_FILTER), 2, 2))), ...(await db.exec(pageSql(v.query(EMPTY_FILTER), 100, 4)))];
      expect(pages).toEqual(all);
    }
    const applications = await db.exec(APPLICATIONS_VIEW.sql(EMPTY_FILTER));
    expect(applications.length).toBeGreaterThan(2);
    expect(await db.exec(pageSql(APPLICATIONS_VIEW.query(EMPTY_FILTER), 1, 1))).toEqual([applications[1]]);
  });

  it('drops only the final ORDER BY: every view without it returns the same rows (indicator ranks unchanged)', async () => {
    const key = (r: Record<string, unknown>) => JSON.stringify(r);
    for (const v of VIEWS) {
      const sql = v.sql({ agencies: [], regions: [], yearFrom: 2022 });
      const unordered = queryToSql(withoutOrderBy(v.query({ agencies: [], regions: [], yearFrom: 2022 })));
      expect(unordered).not.toBe(sql);
      expect(unordered).not.toMatch(/\sORDER BY [^()]*$/);
      const all = (await db.exec(sql)).map(key).sort();
      expect(all.length).toBeGreaterThan(0);
      expect((await db.exec(unordered)).map(key).sort()).toEqual(all);
    }
    expect(queryToSql(withoutOrderBy({ select: ['1'] }))).toBe('SELECT 1');
  });
});
