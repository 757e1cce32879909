/**
 * Peer groups of the 指标 view (./indicator-peers.ts) on a real DuckDB: a synthetic peer group big
 * enough for quartiles and percentiles — copies of seed 004 (临淄区人民政府办公室 2023, 表三 总计:
 * 7 予以公开 + 1 部分公开 of 31 processed) with changed 予以公开, built in the test — and the real data
 * of data/build (seeds + corpus), whose peer groups are all smaller than MIN_PEERS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { INDICATORS_VIEW, viewSetupSql } from './views';
import { PEERS_TABLE, peersTableSql } from './indicator-peers';
import { insertFactsSql } from '../store/facts';
import { EMPTY_FILTER } from './filters';
import { MIN_PEERS } from '../model/rank-threshold';
import { FEW_PEERS_NOTE, NO_PEER_GROUP_NOTE, SMALL_SAMPLE_NOTE } from '../present/rank-text';
import { formatRowCell } from '../present/format';
import type { Row } from '../store/executor';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));
const BUILD = fileURLToPath(new URL('../../data/build', import.meta.url));
const LINZI_2023 = 'db5428ea704a808e'; // 临淄区人民政府办公室 2023 (seed 004)

const byId = (rows: Row[], id: string) => {
  const found = rows.filter((r) => r.report_id === id);
  expect(found, id).toHaveLength(1);
  return found[0];
};
const col = (key: string) => INDICATORS_VIEW.columns.find((c) => c.key === key)!;
const text = (row: Row, key: string) => formatRowCell(row, col(key)).text;

describe('a synthetic peer group of six 县级政府办公室 2023 (copies of seed 004)', () => {
  let db: NodeDatabase;
  let rows: Row[];
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
    // A copy of 004 with its own agency_key, 予以公开 (and 办理结果总计) changed, and a level/type.
    const copy = async (id: string, year: number, granted: number, level: string | null, type: string, processed = 31) => {
      await db.exec(
        `INSERT INTO reports SELECT * REPLACE ('${id}' AS report_id, '合成${id}' AS agency, 'syn:${id}' AS agency_key, '合成${id}' AS agency_name, ${year} AS year) FROM reports WHERE report_id = '${LINZI_2023}'`,
      );
      await db.exec(`INSERT INTO cells SELECT * REPLACE ('${id}' AS report_id) FROM cells WHERE report_id = '${LINZI_2023}'`);
      await db.exec(`UPDATE cells SET value = ${granted} WHERE report_id = '${id}' AND "table" = 't3' AND "row" = 'granted' AND "column" = 'total'`);
      await db.exec(`UPDATE cells SET value = ${processed} WHERE report_id = '${id}' AND "table" = 't3' AND "row" = 'total_processed' AND "column" = 'total'`);
      await db.exec(insertFactsSql([id]));
      await db.exec(`UPDATE facts SET level = ${level === null ? 'NULL' : `'${level}'`}, agency_type = '${type}' WHERE report_id = '${id}'`);
    };
    // 004 itself: 县级政府办公室 (data/build/reports.csv), 实质公开率 8/31.
    await db.exec(`UPDATE facts SET level = '县', agency_type = '政府办公室' WHERE report_id = '${LINZI_2023}'`);
    // Five peers: 予以公开 2, 4, 10, 13, 19 (+ 1 部分公开) of 31 → 3/31, 5/31, 11/31, 14/31, 20/31.
    await copy('a000000000000001', 2023, 2, '县', '政府办公室');
    await copy('a000000000000002', 2023, 4, '县', '政府办公室');
    await copy('a000000000000003', 2023, 10, '县', '政府办公室');
    await copy('a000000000000004', 2023, 13, '县', '政府办公室');
    await copy('a000000000000005', 2023, 19, '县', '政府办公室');
    // Not peers: 29 processed (< 30, shown, not counted); 市级 (another level); a 科技局 (another
    // type); 2022 (another year); a level the resolver did not find (no group).
    await copy('b000000000000001', 2023, 28, '县', '政府办公室', 29);
    await copy('b000000000000002', 2023, 30, '市', '政府办公室');
    await copy('b000000000000003', 2023, 30, '县', '科技局');
    await copy('b000000000000004', 2022, 30, '县', '政府办公室');
    await copy('b000000000000005', 2023, 30, null, '政府办公室');
    // The peer statistics are made once per data load: again now that facts changed.
    for (const sql of viewSetupSql()) await db.exec(sql);
    rows = await db.exec(INDICATORS_VIEW.sql(EMPTY_FILTER));
  });
  afterAll(() => db?.close());

  it('quartiles are quantile_cont over the six ratios ≥ 30 cases, in 31sts: 3, 5, 8, 11, 14, 20', () => {
    const r = byId(rows, LINZI_2023);
    expect(r.disclosure_peers).toBe(6);
    // P25 at position 1.25: 5 + 0.25 × (8 − 5) = 5.75; median (8 + 11) / 2 = 9.5; P75 at 3.75: 11 + 0.75 × (14 − 11) = 13.25.
    expect(r.disclosure_p25).toBeCloseTo(5.75 / 31, 12);
    expect(r.disclosure_p50).toBeCloseTo(9.5 / 31, 12);
    expect(r.disclosure_p75).toBeCloseTo(13.25 / 31, 12);
    // Every member of the group sees the same quartiles.
    expect(byId(rows, 'a000000000000005').disclosure_p50).toBeCloseTo(9.5 / 31, 12);
  });

  it('004 is 4th of 6 and at P40 (2 of the 5 others lower); the lowest P0, the highest P100', () => {
    const r = byId(rows, LINZI_2023);
    expect(r.disclosure_rank).toBe(4);
    expect(r.disclosure_pct).toBeCloseTo(2 / 5, 12);
    expect(text(r, 'disclosure_pct')).toBe('P40');
    expect(formatRowCell(r, col('disclosure_rank')).title).toContain('6 份报告中');
    expect(byId(rows, 'a000000000000001').disclosure_pct).toBe(0);
    expect(byId(rows, 'a000000000000005').disclosure_pct).toBe(1);
    expect(byId(rows, 'a000000000000005').disclosure_rank).toBe(1);
  });

  it('under 30 cases: shown, not ranked, not a peer; its row still shows the group', () => {
    const r = byId(rows, 'b000000000000001');
    expect(r.disclosure_rate).toBeCloseTo(29 / 29, 12);
    expect(r.disclosure_rank).toBeNull();
    expect(r.disclosure_pct).toBeNull();
    expect(text(r, 'disclosure_pct')).toBe(SMALL_SAMPLE_NOTE);
    expect(r.disclosure_peers).toBe(6);
    expect(r.disclosure_p50).toBeCloseTo(9.5 / 31, 12);
  });

  it(`another level, type or year is its own group of one: ranked 1st, but fewer than ${MIN_PEERS} peers → ${FEW_PEERS_NOTE}`, () => {
    for (const id of ['b000000000000002', 'b000000000000003', 'b000000000000004']) {
      const r = byId(rows, id);
      expect(r.disclosure_peers, id).toBe(1);
      expect(r.disclosure_rank, id).toBe(1);
      expect(r.disclosure_pct, id).toBeNull();
      expect(r.disclosure_p50, id).toBeNull();
      expect(text(r, 'disclosure_pct')).toBe(FEW_PEERS_NOTE);
      expect(text(r, 'disclosure_p50')).toBe(FEW_PEERS_NOTE);
    }
    expect(byId(rows, 'b000000000000002').peer_group).toBe('市级政府办公室·2023年');
    expect(byId(rows, LINZI_2023).peer_group).toBe('县级政府办公室·2023年');
  });

  it('an unknown level has no group: no rank, no peers, the cells say 无同类组', () => {
    const r = byId(rows, 'b000000000000005');
    expect(r.peer_group).toBe('未识别层级或类型');
    expect(r.disclosure_rate).toBeCloseTo(31 / 31, 12);
    expect([r.disclosure_rank, r.disclosure_pct, r.disclosure_p25, r.disclosure_peers]).toEqual([null, null, null, null]);
    expect(text(r, 'disclosure_rank')).toBe(NO_PEER_GROUP_NOTE);
    expect(text(r, 'disclosure_pct')).toBe(NO_PEER_GROUP_NOTE);
    expect(text(r, 'disclosure_p75')).toBe(NO_PEER_GROUP_NOTE);
  });

  it('a filter narrows the rows, never the peers: 004 alone keeps rank 4 of 6 and P40', async () => {
    const only = await db.exec(INDICATORS_VIEW.sql({ agencies: ['370305:政府办公室'], regions: [] }));
    expect(only.map((r) => r.report_id)).toEqual([LINZI_2023]);
    expect(only[0].disclosure_rank).toBe(4);
    expect(only[0].disclosure_pct).toBeCloseTo(0.4, 12);
    expect(only[0].disclosure_peers).toBe(6);
  });

  it('a filter change reads the peer table made at load: no quantile, window or group in the view\'s SQL', () => {
    expect(INDICATORS_VIEW.setup).toEqual([peersTableSql()]);
    const sql = INDICATORS_VIEW.sql({ agencies: [], regions: [], yearFrom: 2023, yearTo: 2023 });
    expect(sql).toContain(`JOIN ${PEERS_TABLE} p ON p.report_id = f.report_id`);
    expect(sql).not.toMatch(/quantile_cont|OVER \(|GROUP BY/);
  });

  // Last in this block: it changes the data the tests above read.
  it('a report added to facts becomes a peer when the setup runs again (as after an upload), not before', async () => {
    // A seventh peer: a copy of a000000000000005 (20/31, the highest).
    await db.exec(`INSERT INTO facts SELECT * REPLACE ('a000000000000006' AS report_id, 'syn:a000000000000006' AS agency_key) FROM facts WHERE report_id = 'a000000000000005'`);
    const before = await db.exec(INDICATORS_VIEW.sql(EMPTY_FILTER));
    expect(before.some((r) => r.report_id === 'a000000000000006')).toBe(false);
    expect(byId(before, LINZI_2023).disclosure_peers).toBe(6);
    for (const sql of viewSetupSql()) await db.exec(sql);
    const after = await db.exec(INDICATORS_VIEW.sql(EMPTY_FILTER));
    // Ratios 3, 5, 8, 11, 14, 20, 20 (31sts): 004 is 5th of 7, 2 of the 6 others lower → P33; the two 20s tie at 1.
    const r = byId(after, LINZI_2023);
    expect([r.disclosure_peers, r.disclosure_rank]).toEqual([7, 5]);
    expect(r.disclosure_pct).toBeCloseTo(2 / 6, 12);
    expect(r.disclosure_p50).toBeCloseTo(11 / 31, 12);
    expect([byId(after, 'a000000000000005').disclosure_rank, byId(after, 'a000000000000006').disclosure_rank]).toEqual([1, 1]);
  });
});

describe.skipIf(!existsSync(join(BUILD, 'reports.csv')))('peer groups over data/build (seeds + corpus): every group is smaller than 5', () => {
  let db: NodeDatabase;
  let rows: Row[];
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
    rows = await db.exec(INDICATORS_VIEW.sql(EMPTY_FILTER));
  });
  afterAll(() => db?.close());

  const find = (agency: string, year: number) => {
    const r = rows.filter((x) => x.agency === agency && x.year === year);
    expect(r, `${agency} ${year}`).toHaveLength(1);
    return r[0];
  };

  it('淮安市洪泽区人民政府 2024: 县级人民政府·2024年, 59 of 95 disclosed, alone in its group → rank 1, too few peers', () => {
    const r = find('淮安市洪泽区人民政府', 2024);
    expect(r.peer_group).toBe('县级人民政府·2024年');
    // 表三 总计: 办理结果总计 95; (予以公开 + 部分公开) / 95 = 0.6210526… (59 / 95).
    expect(r.disclosure_base).toBe(95);
    expect(r.disclosure_rate).toBeCloseTo(59 / 95, 12);
    expect(r.disclosure_rank).toBe(1);
    expect(r.disclosure_peers).toBe(1);
    expect(r.disclosure_pct).toBeNull();
    expect(text(r, 'disclosure_pct')).toBe(FEW_PEERS_NOTE);
    expect(text(r, 'disclosure_p25')).toBe(FEW_PEERS_NOTE);
  });

  it('洪泽区 2023 (21 cases) is shown, not ranked; its group 县级人民政府·2023年 has 0 ranked peers', () => {
    const r = find('淮安市洪泽区人民政府', 2023);
    expect(r.disclosure_base).toBe(21);
    expect(r.disclosure_rank).toBeNull();
    expect(r.disclosure_peers).toBe(0);
    expect(text(r, 'disclosure_rank')).toBe(SMALL_SAMPLE_NOTE);
  });

  it('测试市人民政府 (no level resolved) has no peer group', () => {
    const r = find('测试市人民政府', 2025);
    expect(r.peer_group).toBe('未识别层级或类型');
    expect(r.disclosure_peers).toBeNull();
    expect(text(r, 'disclosure_rank')).toBe(NO_PEER_GROUP_NOTE);
  });

  it('the peer table has one row per counted report with 表三 or 表四, and the unfiltered view shows each once', async () => {
    const [t] = await db.exec(
      `SELECT CAST(count(*) AS INTEGER) AS n, CAST(count(DISTINCT report_id) AS INTEGER) AS ids, ` +
        `CAST((SELECT count(*) FROM facts WHERE has_t3 OR has_t4) AS INTEGER) AS facts FROM ${PEERS_TABLE}`,
    );
    expect(t.n).toBe(t.facts);
    expect(t.ids).toBe(t.facts);
    expect(rows).toHaveLength(t.facts as number);
  });

  it('no row has a percentile or quartile: every group has fewer than MIN_PEERS ranked reports', () => {
    for (const r of rows) {
      for (const k of ['disclosure', 'review_correction', 'litigation_correction', 'dispute']) {
        if (typeof r[`${k}_peers`] === 'number') expect(r[`${k}_peers`] as number).toBeLessThan(MIN_PEERS);
        expect(r[`${k}_pct`]).toBeNull();
        expect(r[`${k}_p50`]).toBeNull();
      }
    }
  });
});
