/**
 * 下载 CSV as the screen shows it (issue 10): labels with units, rates as percentages with their
 * numerator and denominator, empty ranks saying why — run on a real DuckDB over tests/fixtures
 * (values copied from data/seeds, tests/fixtures/README.md), per report and grouped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { APPLICATIONS_VIEW, INDICATORS_VIEW, REVIEW_LITIGATION_VIEW, PROACTIVE_VIEW, queryToSql, type ViewDef } from '../query/views';
import { groupedView } from '../query/group-totals';
import { EMPTY_FILTER } from '../query/filters';
import type { Row } from '../store/executor';
import { BOM, csvColumns, viewRowsToCsv } from './index';
import { DENOMINATOR_SUFFIX, NUMERATOR_SUFFIX, withRateParts } from './rate-parts';

const FIXTURES = join(fileURLToPath(new URL('../..', import.meta.url)), 'tests', 'fixtures');

/** The CSV parsed back: header and records keyed by header. */
function parse(csv: string): { header: string[]; rows: Record<string, string>[] } {
  expect(csv.startsWith(BOM)).toBe(true);
  const p = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  return { header: p.meta.fields ?? [], rows: p.data };
}

describe('view CSV over tests/fixtures', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
  });
  afterAll(() => db?.close());
  const both = async (def: ViewDef): Promise<{ view: Row[]; csv: Row[] }> => {
    const q = def.query(EMPTY_FILTER);
    return { view: await db.exec(queryToSql(q)), csv: await db.exec(queryToSql(withRateParts(def, q))) };
  };

  it('the CSV query returns exactly the rows of the view, in its order, plus the rate parts', async () => {
    for (const def of [APPLICATIONS_VIEW, REVIEW_LITIGATION_VIEW, INDICATORS_VIEW, PROACTIVE_VIEW, groupedView(APPLICATIONS_VIEW, 'province')!, groupedView(INDICATORS_VIEW, 'all')!]) {
      const { view, csv } = await both(def);
      expect(view.length, def.title).toBeGreaterThan(0);
      expect(csv.map((r) => Object.fromEntries(Object.keys(view[0]).map((k) => [k, r[k]]))), def.title).toEqual(view);
      for (const c of def.columns.filter((x) => x.format === 'rate' && !x.peers)) {
        for (const r of csv) {
          const n = r[`${c.key}${NUMERATOR_SUFFIX}`];
          const d = r[`${c.key}${DENOMINATOR_SUFFIX}`];
          if (r[c.key] === null) expect(d === null || n === null || d === 0, `${def.title} ${c.key}`).toBe(true);
          else expect(r[c.key], `${def.title} ${c.key}`).toBeCloseTo((n as number) / (d as number), 12);
        }
      }
    }
  });

  it('依申请公开: labels with units, the rate as shown (one decimal) with numerator and denominator', async () => {
    const { csv } = await both(APPLICATIONS_VIEW);
    const { header, rows } = parse(viewRowsToCsv(csv, APPLICATIONS_VIEW.columns, { keys: false }));
    expect(header).toContain('本年新收政府信息公开申请数量（件）');
    const i = header.indexOf('实质公开率（%）');
    expect(header.slice(i, i + 3)).toEqual(['实质公开率（%）', '实质公开率·分子（件）', '实质公开率·分母（件）']);
    // Seed 004 临淄区人民政府办公室 2023: 27 new; seed 003 运城市科学技术局 2022: 1 application, granted.
    const linzi = rows.find((r) => r['机关'] === '淄博市临淄区人民政府办公室')!;
    expect(linzi['本年新收政府信息公开申请数量（件）']).toBe('27');
    // (7 granted + 1 partial) ÷ 31 processed = 25.8 %, as the table shows it.
    expect([linzi['实质公开率（%）'], linzi['实质公开率·分子（件）'], linzi['实质公开率·分母（件）']]).toEqual(['25.8', '8', '31']);
    const yuncheng = rows.find((r) => r['机关'] === '运城市科学技术局')!;
    expect([yuncheng['实质公开率（%）'], yuncheng['实质公开率·分子（件）'], yuncheng['实质公开率·分母（件）']]).toEqual(['100.0', '1', '1']);
    // Seed 000 临淄区科技局 2022, all zeros: no rate (0 ÷ 0), both parts kept as 0.
    const zeros = rows.find((r) => r['机关'] === '淄博市临淄区科技局')!;
    expect([zeros['实质公开率（%）'], zeros['实质公开率·分子（件）'], zeros['实质公开率·分母（件）']]).toEqual(['', '0', '0']);
  });

  it('keys: the spec keys for programs, the same rows and values', async () => {
    const { csv } = await both(APPLICATIONS_VIEW);
    const labels = parse(viewRowsToCsv(csv, APPLICATIONS_VIEW.columns, { keys: false }));
    const keys = parse(viewRowsToCsv(csv, APPLICATIONS_VIEW.columns, { keys: true }));
    expect(keys.header).toEqual(csvColumns(APPLICATIONS_VIEW.columns, true).map((c) => c.header));
    expect(keys.header.slice(0, 5)).toEqual(['agency', 'region', 'year', 'origin', 'new_received']);
    expect(keys.header).toContain('disclosure_rate_numerator');
    expect(keys.rows.map((r) => Object.values(r))).toEqual(labels.rows.map((r) => Object.values(r)));
  });

  it('指标: an empty rank says why (样本不足30件 vs 无法计算), never an empty field', async () => {
    const { csv } = await both(INDICATORS_VIEW);
    const { rows } = parse(viewRowsToCsv(csv, INDICATORS_VIEW.columns, { keys: true }));
    const yuncheng = rows.find((r) => r.agency === '运城市科学技术局')!;
    expect([yuncheng.disclosure_rate, yuncheng.disclosure_base, yuncheng.disclosure_rank]).toEqual(['100.0', '1', '样本不足30件']);
    const zeros = rows.find((r) => r.agency === '淄博市临淄区科技局')!;
    expect([zeros.disclosure_rate, zeros.disclosure_rank, zeros.disclosure_pct]).toEqual(['', '无法计算', '无法计算']);
    for (const r of rows) for (const k of ['disclosure_rank', 'dispute_rank', 'review_correction_pct']) expect(r[k], `${r.agency} ${k}`).not.toBe('');
  });

  it('grouped: the summed parts beside the recomputed rate', async () => {
    const def = groupedView(APPLICATIONS_VIEW, 'all')!;
    const { csv } = await both(def);
    const { rows } = parse(viewRowsToCsv(csv, def.columns, { keys: true }));
    for (const r of rows) {
      const n = Number(r.disclosure_rate_numerator);
      const d = Number(r.disclosure_rate_denominator);
      expect(r.disclosure_rate, `${r.year}`).toBe(d > 0 ? ((n / d) * 100).toFixed(1) : '');
    }
  });
});
