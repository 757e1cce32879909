/**
 * Corrections applied to a real DuckDB (@duckdb/node-api) loaded with the ingest's output for
 * 洪泽区人民政府 2023 (data/corpus) and seed 004, as the dashboard applies them to its page DuckDB:
 * the cell is `corrected` in `cells`, the view's fact (facts.t4_review_total) carries the corrected
 * value, the T4_TOTAL flag of 行政复议 is gone while the others stay, a second correction of the
 * same cell in one session is not stale, and a stale correction leaves the data unchanged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../pipeline/ingest-reports';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { makeCorrection, type Correction } from './correction';
import { applyCorrectionsInDb, type CorrectionDb, type OriginalCells } from './corrections-in-db';

const ROOT = path.resolve(__dirname, '../..');
const HONGZE = '94a211353fb046b7';

function correction(before: number | null, after: number, at = '2026-11-30T12:00:00Z'): Correction {
  const r = makeCorrection({ report_id: HONGZE, cell: 't4.review.total', value_before: before, value_after: after, note: '总计印为0，按各栏之和应为11' }, new Date(at));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('applyCorrectionsInDb', () => {
  let data: string;
  let db: NodeDatabase;
  let dir: string;
  let cdb: CorrectionDb;
  let originals: OriginalCells;
  beforeAll(async () => {
    data = mkdtempSync(path.join(tmpdir(), 'corrections-data-'));
    await ingestPaths([path.join(ROOT, 'data/corpus/hongze-district-government-2023.pdf'), path.join(ROOT, 'data/seeds/004_7ffb10b0611b3e96.txt')], data);
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));
  beforeEach(async () => {
    db = await openNodeDatabaseOrThrow(data);
    await db.exec('INSERT INTO facts SELECT * FROM (' + (await import('../store/facts')).factsSelectSql() + ')');
    dir = mkdtempSync(path.join(tmpdir(), 'corrections-'));
    originals = new Map();
    cdb = {
      exec: db.exec,
      registerCsv: async (name, text) => {
        const file = path.join(dir, name);
        writeFileSync(file, text);
        return file;
      },
      reportText: async (id) => readFileSync(path.join(data, 'texts', `${id}.txt`), 'utf8'),
    };
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cell = async () => (await db.exec(`SELECT CAST(value AS DOUBLE) AS value, status, raw FROM cells WHERE report_id = '${HONGZE}' AND "table" = 't4' AND "row" = 'review' AND "column" = 'total'`))[0];
  const fact = async () => (await db.exec(`SELECT t4_review_total FROM facts WHERE report_id = '${HONGZE}'`))[0].t4_review_total;
  const t4Flags = async () => (await db.exec(`SELECT subject FROM flags WHERE report_id = '${HONGZE}' AND rule = 'T4_TOTAL' ORDER BY subject`)).map((r) => String(r.subject).split(';')[0]);

  it('the loaded data holds the misprint: 总计 0, fact 0, two T4_TOTAL flags', async () => {
    expect(await cell()).toEqual({ value: 0, status: 'reported', raw: '0' });
    expect(await fact()).toBe(0);
    expect(await t4Flags()).toEqual(['t4.litigation_after_review.total', 't4.review.total']);
  });

  it('replaces the cell, the fact and the flags of the corrected report, and nothing else', async () => {
    const before = await db.exec(`SELECT count(*)::INTEGER AS n FROM cells`);
    const otherFlags = await db.exec(`SELECT count(*)::INTEGER AS n FROM flags WHERE report_id <> '${HONGZE}'`);
    const r = await applyCorrectionsInDb(cdb, [correction(0, 11)], originals);
    expect(r).toMatchObject({ reports: [HONGZE], stale: [], notLoaded: [], problems: [] });
    expect(await cell()).toEqual({ value: 11, status: 'corrected', raw: '0' });
    expect(await fact()).toBe(11);
    expect(await t4Flags()).toEqual(['t4.litigation_after_review.total']);
    expect(await db.exec(`SELECT count(*)::INTEGER AS n FROM cells`)).toEqual(before);
    expect(await db.exec(`SELECT count(*)::INTEGER AS n FROM flags WHERE report_id <> '${HONGZE}'`)).toEqual(otherFlags);
  });

  it('applies a later correction of the same cell in the same session from the value read (not stale)', async () => {
    await applyCorrectionsInDb(cdb, [correction(0, 11)], originals);
    const r = await applyCorrectionsInDb(cdb, [correction(0, 12, '2026-11-30T12:05:00Z')], originals);
    expect(r.stale).toEqual([]);
    expect(await cell()).toMatchObject({ value: 12, status: 'corrected' });
    expect(await t4Flags()).toEqual(['t4.litigation_after_review.total', 't4.review.total']);
  });

  it('keeps the OCR confidence of the cells it does not correct', async () => {
    const where = `WHERE report_id = '${HONGZE}' AND "table" = 't3' AND "row" = 'new_received' AND "column" = 'natural_person'`;
    await db.exec(`UPDATE cells SET status = 'ocr', confidence = 0.93 ${where}`);
    await applyCorrectionsInDb(cdb, [correction(0, 11)], originals);
    expect(await db.exec(`SELECT status, CAST(confidence AS DOUBLE) AS confidence FROM cells ${where}`)).toEqual([{ status: 'ocr', confidence: 0.93 }]);
  });

  it('reports a stale correction and a report not loaded, changing nothing', async () => {
    const r = await applyCorrectionsInDb(cdb, [correction(5, 11), { ...correction(0, 1), report_id: '0123456789abcdef' }], originals);
    expect(r.stale).toHaveLength(1);
    expect(r.notLoaded).toHaveLength(1);
    expect(await cell()).toEqual({ value: 0, status: 'reported', raw: '0' });
    expect(await fact()).toBe(0);
  });
});
