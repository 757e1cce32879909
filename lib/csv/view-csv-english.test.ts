/**
 * 下载 CSV in English (issue 10, "English" and "CSV"): the header row is the screen's labels with
 * units in English, the rate parts and the empty ranks' reasons too; the keys mode and every value
 * are the same as in Chinese. Run on a real DuckDB over tests/fixtures (values copied from
 * data/seeds, tests/fixtures/README.md), per report and grouped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { VIEWS, APPLICATIONS_VIEW, INDICATORS_VIEW, queryToSql, type ViewDef } from '../query/views';
import { GROUP_BY_CHOICES, groupedView } from '../query/group-totals';
import { EMPTY_FILTER } from '../query/filters';
import type { Row } from '../store/executor';
import { makeTranslate } from '../present/i18n/translate';
import { EN } from '../present/i18n/en';
import { BOM, csvColumns, csvDownloadName, viewRowsToCsv } from './index';
import { withRateParts } from './rate-parts';

const FIXTURES = join(fileURLToPath(new URL('../..', import.meta.url)), 'tests', 'fixtures');
const en = makeTranslate('en', EN);
const HAN = /[\u3400-\u9fff]/;

function parse(csv: string): { header: string[]; rows: Record<string, string>[] } {
  expect(csv.startsWith(BOM)).toBe(true);
  const p = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  return { header: p.meta.fields ?? [], rows: p.data };
}

describe('English CSV headers (pure)', () => {
  it('every view, per report and grouped by each choice: English headers with units, no Chinese', () => {
    for (const v of VIEWS) {
      for (const def of [v, ...GROUP_BY_CHOICES.map((g) => groupedView(v, g.key)).filter((d): d is ViewDef => d !== null)]) {
        const headers = csvColumns(def.columns, false, en).map((c) => c.header);
        expect(headers.filter((h) => HAN.test(h)), def.title).toEqual([]);
        expect(new Set(headers).size, `${def.title}: distinct headers`).toBe(headers.length);
        // The keys mode does not depend on the language.
        expect(csvColumns(def.columns, true, en).map((c) => c.header), def.title).toEqual(csvColumns(def.columns, true).map((c) => c.header));
      }
    }
  });

  it('names the units: (cases), (10,000 yuan), (%), (reports), (cells)', () => {
    const headers = (def: ViewDef) => csvColumns(def.columns, false, en).map((c) => c.header);
    expect(headers(APPLICATIONS_VIEW)).toContain('New applications received this year (cases)');
    const app = headers(APPLICATIONS_VIEW);
    const i = app.indexOf('Substantive disclosure rate (%)');
    expect(app.slice(i, i + 3)).toEqual(['Substantive disclosure rate (%)', 'Substantive disclosure rate · numerator (cases)', 'Substantive disclosure rate · denominator (cases)']);
    expect(headers(VIEWS[0]).some((h) => h.endsWith('(10,000 yuan)'))).toBe(true);
    const grouped = headers(groupedView(APPLICATIONS_VIEW, 'province')!);
    expect(grouped).toContain('Reports (reports)');
    expect(grouped).toContain('Missing cells (cells)');
  });

  it('Chinese stays as it was (labels with full-width units)', () => {
    expect(csvColumns(APPLICATIONS_VIEW.columns, false).map((c) => c.header)).toContain('本年新收政府信息公开申请数量（件）');
  });

  it('file names in English keep the names as printed', () => {
    const filter = { ...EMPTY_FILTER, regions: ['淄博市临淄区'], yearFrom: 2022, yearTo: 2023 };
    expect(csvDownloadName(APPLICATIONS_VIEW.title, filter)).toBe('依申请公开_淄博市临淄区_2022-2023.csv');
    expect(csvDownloadName(APPLICATIONS_VIEW.title, filter, en)).toBe('Disclosure-on-request_淄博市临淄区_2022-2023.csv');
    expect(csvDownloadName(groupedView(APPLICATIONS_VIEW, 'province')!.title, EMPTY_FILTER, en)).not.toMatch(HAN);
  });
});

describe('English CSV over tests/fixtures', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
  });
  afterAll(() => db?.close());
  const rowsOf = async (def: ViewDef): Promise<Row[]> => db.exec(queryToSql(withRateParts(def, def.query(EMPTY_FILTER))));

  it('依申请公开: the same values as the Chinese CSV under English headers', async () => {
    const csv = await rowsOf(APPLICATIONS_VIEW);
    const zh = parse(viewRowsToCsv(csv, APPLICATIONS_VIEW.columns, { keys: false }));
    const eng = parse(viewRowsToCsv(csv, APPLICATIONS_VIEW.columns, { keys: false }, en));
    expect(eng.header.length).toBe(zh.header.length);
    expect(eng.rows.map((r) => Object.values(r))).toEqual(zh.rows.map((r) => Object.values(r)));
    // Seed 004 临淄区人民政府办公室 2023: (7 + 1) ÷ 31 = 25.8 %.
    const linzi = eng.rows.find((r) => r.Agency === '淄博市临淄区人民政府办公室')!;
    expect([linzi['New applications received this year (cases)'], linzi['Substantive disclosure rate (%)'], linzi['Substantive disclosure rate · numerator (cases)']]).toEqual(['27', '25.8', '8']);
  });

  it('指标: an empty rank says why in English (too few cases vs cannot be computed)', async () => {
    const csv = await rowsOf(INDICATORS_VIEW);
    const zh = parse(viewRowsToCsv(csv, INDICATORS_VIEW.columns, { keys: true }));
    const eng = parse(viewRowsToCsv(csv, INDICATORS_VIEW.columns, { keys: true }, en));
    const yuncheng = eng.rows.find((r) => r.agency === '运城市科学技术局')!;
    expect(yuncheng.disclosure_rank).toBe(en('样本不足30件'));
    expect(yuncheng.disclosure_rank).not.toMatch(HAN);
    const zeros = eng.rows.find((r) => r.agency === '淄博市临淄区科技局')!;
    expect([zeros.disclosure_rank, zeros.disclosure_pct]).toEqual(['Cannot be computed', 'Cannot be computed']);
    // Every other field is the Chinese CSV's, and every reason is English.
    for (const [i, r] of eng.rows.entries()) {
      for (const k of ['disclosure_rank', 'dispute_rank', 'review_correction_pct', 'disclosure_rate', 'disclosure_base']) {
        const z = zh.rows[i][k];
        if (HAN.test(z)) expect(r[k], `${r.agency} ${k}`).not.toMatch(HAN);
        else expect(r[k], `${r.agency} ${k}`).toBe(z);
      }
    }
  });

  it('every view: text cells that are vocabulary (notes, peer group, rule, group name, 合规 message) are English; data as printed stays', async () => {
    const printed = new Set(['agency', 'agency_name', 'region', 'province', 'city', 'county', 'evidence', 'group_key', 'expected', 'actual', 'subject', 'source_file']);
    for (const v of VIEWS) {
      const defs = [{ def: v, by: '' }, ...GROUP_BY_CHOICES.map((g) => ({ def: groupedView(v, g.key), by: g.key as string }))];
      for (const { def, by } of defs) {
        if (!def) continue;
        const rows = await rowsOf(def);
        const eng = parse(viewRowsToCsv(rows, def.columns, { keys: true }, en));
        for (const [i, r] of eng.rows.entries()) {
          for (const [k, val] of Object.entries(r)) {
            if (printed.has(k)) continue;
            // A group named after an agency, a city or a county keeps its printed name (provinces and 全部 are English).
            if (k === 'group_name' && by !== 'province' && by !== 'all') continue;
            expect(val, `${def.title} row ${i} ${k}`).not.toMatch(HAN);
          }
        }
      }
    }
  });
});

