/**
 * The 指标 view's SQL run on a real DuckDB (@duckdb/node-api) over tests/fixtures (numbers copied
 * from data/seeds, see tests/fixtures/README.md), and the ranking rule (fewer than 30 cases: shown,
 * not ranked) on copies of seed 004's cells with changed numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { INDICATORS_VIEW, VIEW_LINK_KEYS, viewSetupSql } from './views';
import { insertFactsSql } from '../store/facts';
import { EMPTY_FILTER } from './filters';
import { INDICATORS } from '../present/indicators';
import { MIN_CASES } from '../model/rank-threshold';
import { SMALL_SAMPLE_NOTE } from '../present/rank-text';
import { formatRowCell } from '../present/format';
import type { Row } from '../store/executor';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));
const LINZI_2023 = 'db5428ea704a808e'; // 临淄区人民政府办公室 2023
const YUNCHENG_2022 = 'c0d392a57191d65c'; // 运城市科学技术局 2022
const ERQI_2023 = '3995c116d0ba2c65'; // 二七区科技局 2023

/**
 * The fixtures predate the level and agency_type columns of reports.csv: give their facts the
 * values the resolver gives the same reports in data/build/reports.csv (临淄区科技局 县·科技局,
 * 二七区科技局 县·科技局, 运城市科学技术局 市·科技局, 临淄区人民政府办公室 县·政府办公室), so that the
 * peer groups (同类同级同年) are the real ones. Copies of 004 made by a test get 004's.
 */
const KINDS_SQL =
  `UPDATE facts SET level = CASE WHEN report_id = '${YUNCHENG_2022}' THEN '市' ELSE '县' END, ` +
  `agency_type = CASE WHEN report_id IN ('5f1f485ee573df5d', '${ERQI_2023}', '${YUNCHENG_2022}') THEN '科技局' ELSE '政府办公室' END`;

/** After `facts` changed: the peer table made again (what the dashboard does after an upload). */
const refreshPeers = async (db: NodeDatabase) => {
  for (const sql of viewSetupSql()) await db.exec(sql);
};

const open = async (): Promise<NodeDatabase> => {
  const db = await openNodeDatabaseOrThrow(FIXTURES);
  await db.exec(KINDS_SQL);
  await refreshPeers(db);
  return db;
};

const byId = (rows: Row[], id: string) => {
  const found = rows.filter((r) => r.report_id === id);
  expect(found, id).toHaveLength(1);
  return found[0];
};
const col = (key: string) => INDICATORS_VIEW.columns.find((c) => c.key === key)!;

describe('指标 over tests/fixtures', () => {
  let db: NodeDatabase;
  let rows: Row[];
  beforeAll(async () => {
    db = await open();
    rows = await db.exec(INDICATORS_VIEW.sql(EMPTY_FILTER));
  });
  afterAll(() => db?.close());

  it('has one row per report with 表三 or 表四 and exactly the declared columns', () => {
    expect(Object.keys(rows[0])).toEqual([...INDICATORS_VIEW.columns.map((c) => c.key), ...VIEW_LINK_KEYS]);
    expect(rows.map((r) => r.report_id).sort()).toEqual(['3995c116d0ba2c65', '5f1f485ee573df5d', LINZI_2023, YUNCHENG_2022].sort());
  });

  it('临淄区人民政府办公室 2023: the four ratios from the printed numbers of seed 004', () => {
    const r = byId(rows, LINZI_2023);
    // 表三 总计: 7 granted + 1 partially granted of 31 processed; 27 new.
    expect(r.disclosure_rate).toBeCloseTo(8 / 31, 12);
    expect(r.disclosure_base).toBe(31);
    // 表四: 行政复议 2 pending only → nothing concluded → no ratio.
    expect(r.review_correction_rate).toBeNull();
    expect(r.review_correction_base).toBe(0);
    // 行政诉讼 (direct): 2 upheld + 1 other, none corrected.
    expect(r.litigation_correction_rate).toBe(0);
    expect(r.litigation_correction_base).toBe(3);
    // 争议率 = (复议总计 2 + 诉讼总计 3 + 0) / 27.
    expect(r.dispute_rate).toBeCloseTo(5 / 27, 12);
    expect(r.dispute_base).toBe(27);
  });

  it('ranks only ratios over at least 30 cases: 临淄 2023 is 1st; 运城 2022 (1 case) is shown but not ranked', () => {
    const linzi = byId(rows, LINZI_2023);
    expect(linzi.disclosure_rank).toBe(1);
    expect(linzi.dispute_rank).toBeNull(); // 27 new applications < 30
    expect(linzi.litigation_correction_rank).toBeNull();
    const yc = byId(rows, YUNCHENG_2022);
    expect(yc.disclosure_rate).toBe(1); // 1 granted of 1 (the natural-person cell was inferred)
    expect(yc.disclosure_rank).toBeNull();
    expect(formatRowCell(yc, col('disclosure_rank'))).toMatchObject({ text: SMALL_SAMPLE_NOTE, missing: false });
    expect(formatRowCell(linzi, col('disclosure_rank'))).toMatchObject({ text: '1', missing: false });
    expect(formatRowCell(linzi, col('disclosure_rate')).text).toBe('25.8%');
  });

  it('a ratio with a zero denominator is NULL and its rank reads 无法计算, not 样本不足', () => {
    const erqi = byId(rows, ERQI_2023); // all zeros
    expect(erqi.disclosure_rate).toBeNull();
    expect(erqi.disclosure_base).toBe(0);
    const rank = formatRowCell(erqi, col('disclosure_rank'));
    expect(rank.text).toBe('—');
    expect(rank.title).toContain('无法计算');
  });

  it('a region filter restricts the rows', async () => {
    const r = await db.exec(INDICATORS_VIEW.sql({ agencies: [], regions: ['淄博市临淄区'], yearFrom: 2023 }));
    expect(r.map((x) => x.report_id)).toEqual([LINZI_2023]);
  });

  it('every indicator has its formula on its rate column', () => {
    for (const ind of INDICATORS) expect(col(`${ind.key}_rate`).formula).toBe(ind.formula);
  });
});

describe('ranking within the peer group (copies of seed 004 with changed numbers: all 县级政府办公室)', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await open();
    // Three made-up reports built from seed 004's cells: B (2023) grants 15 instead of 7,
    // C (2023) processed 29 (< 30), D (2022) as 004 but in 2022.
    const copy = async (id: string, agency: string, year: number, changes: Record<string, number>) => {
      await db.exec(
        `INSERT INTO reports SELECT * REPLACE ('${id}' AS report_id, '${agency}' AS agency, ${year} AS year) FROM reports WHERE report_id = '${LINZI_2023}'`,
      );
      await db.exec(`INSERT INTO cells SELECT * REPLACE ('${id}' AS report_id) FROM cells WHERE report_id = '${LINZI_2023}'`);
      for (const [row, v] of Object.entries(changes)) {
        await db.exec(`UPDATE cells SET value = ${v} WHERE report_id = '${id}' AND "table" = 't3' AND "row" = '${row}' AND "column" = 'total'`);
      }
      // The views read the facts pivoted from cells: add the copy's (a 县级政府办公室, as 004).
      await db.exec(insertFactsSql([id]));
      await db.exec(KINDS_SQL);
      await refreshPeers(db);
    };
    await copy('b000000000000001', '合成对照机关乙', 2023, { granted: 15 });
    await copy('c000000000000001', '合成对照机关丙', 2023, { granted: 29, total_processed: 29 });
    await copy('d000000000000001', '合成对照机关丁', 2022, {});
    // E (2023) as 004, but granting 6 instead of 7: below 004, after a tie (see the last test).
    await copy('e000000000000001', '合成对照机关戊', 2023, { granted: 6 });
    // F (2023) exactly as 004: the same ratio, a tie.
    await copy('f000000000000001', '合成对照机关己', 2023, {});
  });
  afterAll(() => db?.close());

  it('ranks by ratio, highest first, per year and peer group; under 30 cases is not ranked even with the highest ratio', async () => {
    const rows = await db.exec(INDICATORS_VIEW.sql(EMPTY_FILTER));
    const rank = (id: string) => byId(rows, id).disclosure_rank;
    expect(byId(rows, 'b000000000000001').disclosure_rate).toBeCloseTo(16 / 31, 12);
    expect(rank('b000000000000001')).toBe(1);
    expect(rank(LINZI_2023)).toBe(2);
    expect(byId(rows, 'c000000000000001').disclosure_rate).toBeCloseTo(30 / 29, 12);
    expect(byId(rows, 'c000000000000001').disclosure_base).toBeLessThan(MIN_CASES);
    expect(rank('c000000000000001')).toBeNull();
    expect(rank('d000000000000001')).toBe(1); // alone in 2022 with ≥ 30 cases
  });

  it('ties share a rank and the next rank skips, as SQL rank() does (B 1, 004 and F 2, E 4)', async () => {
    const rows = await db.exec(INDICATORS_VIEW.sql(EMPTY_FILTER));
    const rank = (id: string) => byId(rows, id).disclosure_rank;
    expect(byId(rows, 'f000000000000001').disclosure_rate).toBe(byId(rows, LINZI_2023).disclosure_rate);
    expect([rank('b000000000000001'), rank(LINZI_2023), rank('f000000000000001'), rank('e000000000000001')]).toEqual([1, 2, 2, 4]);
    // The same ranks as rank() over every row of the view within its peer group (year, level,
    // agency_type), for all four indicators.
    for (const key of ['disclosure', 'review_correction', 'litigation_correction', 'dispute']) {
      const ref = await db.exec(
        `SELECT v.report_id, CASE WHEN ${key}_rate IS NOT NULL AND ${key}_base >= ${MIN_CASES} THEN CAST(rank() OVER (PARTITION BY v.year, f.level, f.agency_type, (${key}_rate IS NOT NULL AND ${key}_base >= ${MIN_CASES}) ORDER BY ${key}_rate DESC) AS INTEGER) END AS r FROM (${INDICATORS_VIEW.sql(EMPTY_FILTER)}) v JOIN facts f USING (report_id)`,
      );
      for (const x of ref) expect(byId(rows, String(x.report_id))[`${key}_rank`]).toBe(x.r);
    }
  });
});
