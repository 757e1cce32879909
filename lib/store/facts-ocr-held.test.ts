/**
 * An OCR reading the identities could not confirm is held out of the facts (issue 13: it waits
 * for a person; a wrong number would be a false accusation against an agency). The report is
 * 洪泽区 2023 (data/corpus) read as if by OCR with one digit misread — 表三 本年新收·自然人 21 read
 * as 27, as in lib/read/ocr-cells.test.ts —, its rows written as the ingest writes them and loaded
 * into DuckDB (@duckdb/node-api): the facts hold NULL for every cell OCR_UNCERTAIN names (with
 * 待核（OCR） in the notes), keep the cells it does not name, and count a cell again once a person
 * corrects it — or confirms the reading with the same value — in 校对 (lib/correct).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCorrection, type Correction } from '../correct/correction';
import { applyCorrectionsInDb, type CorrectionDb } from '../correct/corrections-in-db';
import type { ReportRecord } from '../model/report-schema';
import { ingestFile } from '../pipeline/ingest-reports';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { markOcrCells, withOcrVerdict } from '../read/ocr-cells';
import { deleteFactsSql, insertFactsSql, OCR_HELD_STATUS, shownCellStatus } from './facts';
import { CELL_STATUS_LABELS } from '../present/labels';
import { csvFileName, DATA_TABLES } from './load';
import { recordsCsv } from './record-rows';

const PDF = path.resolve(__dirname, '../../data/corpus/hongze-district-government-2023.pdf');
const misreadCell = (c: ReportRecord['cells'][number]) => c.table === 't3' && c.row === 'new_received' && c.column === 'natural_person';

function fix(id: string, cell: string, before: number, after: number, note: string): Correction {
  const r = makeCorrection({ report_id: id, cell, value_before: before, value_after: String(after), note }, new Date('2026-11-30T12:00:00Z'));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

let scanned: ReportRecord;
let id: string;
let data: string;
beforeAll(async () => {
  const hongze = await ingestFile(PDF, 'corpus/hongze-district-government-2023.pdf');
  const misread = markOcrCells({ ...hongze, flags: [], cells: hongze.cells.map((c) => (misreadCell(c) ? { ...c, value: 27, raw: '27' } : c)) }, []);
  scanned = withOcrVerdict(misread);
  id = scanned.report.report_id;
  data = mkdtempSync(path.join(tmpdir(), 'facts-ocr-held-'));
  const csv = recordsCsv([scanned]);
  for (const t of DATA_TABLES) writeFileSync(path.join(data, csvFileName(t)), csv[t]);
  mkdirSync(path.join(data, 'texts'));
  writeFileSync(path.join(data, 'texts', `${id}.txt`), scanned.text);
}, 60_000);
afterAll(() => rmSync(data, { recursive: true, force: true }));

describe('facts of OCR cells held for a person', () => {
  let db: NodeDatabase;
  let work: string;
  let cdb: CorrectionDb;
  beforeEach(async () => {
    db = await openNodeDatabaseOrThrow(data);
    work = mkdtempSync(path.join(tmpdir(), 'facts-ocr-held-csv-'));
    cdb = {
      exec: db.exec,
      registerCsv: async (name, text) => {
        const file = path.join(work, name);
        writeFileSync(file, text);
        return file;
      },
      reportText: async (rid) => readFileSync(path.join(data, 'texts', `${rid}.txt`), 'utf8'),
    };
  });
  afterEach(() => {
    db.close();
    rmSync(work, { recursive: true, force: true });
  });
  const facts = async () => (await db.exec(`SELECT * FROM facts WHERE report_id = '${id}'`))[0];
  const uncertain = (table: string) => scanned.flags.find((f) => f.rule === 'OCR_UNCERTAIN' && f.subject.some((s) => s.startsWith(`${table}.`)))!.subject;

  it('the record holds 表三 back: OCR_UNCERTAIN names the misread row (总计 too) and column, not 予以公开 or 办理结果总计·总计', () => {
    expect(uncertain('t3')).toEqual(expect.arrayContaining(['t3.new_received.total', 't3.new_received.natural_person', 't3.total_processed.natural_person']));
    expect(uncertain('t3')).not.toContain('t3.granted.total');
    expect(uncertain('t3')).not.toContain('t3.total_processed.total');
    expect(scanned.cells.find((c) => c.table === 't3' && c.row === 'new_received' && c.column === 'total')).toMatchObject({ status: 'ocr', value: 21 });
  });

  it('gives NULL for every named ocr cell (not the value read) and keeps the cells not named', async () => {
    const f = await facts();
    // 21 was read right, but the identities cannot tell: it waits like the misread 27 beside it.
    expect(f.t3_new_received).toBeNull();
    const value = (row: string) => scanned.cells.find((c) => c.table === 't3' && c.row === row && c.column === 'total')!.value;
    expect(f.t3_total_processed).toBe(value('total_processed'));
    expect(f.t3_total_processed).not.toBeNull();
    const granted = scanned.cells.find((c) => c.table === 't3' && c.row === 'granted' && c.column === 'total')!;
    expect(granted.status).toBe('ocr');
    expect(f.t3_granted).toBe(granted.value);
    // 表二 and 表四 have no identity that can accept an OCR cell: all held until a person looks.
    expect(uncertain('t4')).toContain('t4.review.total');
    expect(f.t4_review_total).toBeNull();
    expect(f.t2_regulations_issued).toBeNull();
    expect(String(f.t3_notes)).toContain('本年新收政府信息公开申请数量：待核（OCR）');
    expect(String(f.t3_notes)).toContain('予以公开：OCR识别');
    expect(String(f.t3_notes)).not.toContain('予以公开：待核');
    expect(f.has_t3).toBe(true);
  });

  it('gives the same row when one report’s facts are added as uploads add them', async () => {
    const all = await facts();
    await db.exec(deleteFactsSql([id]));
    await db.exec(insertFactsSql([id]));
    expect(await facts()).toEqual(all);
  });

  it('counts a cell again once a person corrects it (27 → 21: 表三 accepted) or confirms its reading with the same value', async () => {
    const review = scanned.cells.find((c) => c.table === 't4' && c.row === 'review' && c.column === 'upheld')!;
    expect((await facts()).t4_review_upheld).toBeNull();
    const r = await applyCorrectionsInDb(cdb, [fix(id, 't3.new_received.natural_person', 27, 21, '原图为21'), fix(id, 't4.review.upheld', review.value!, review.value!, '对照原图，识别无误')], new Map());
    expect(r).toMatchObject({ reports: [id], stale: [], problems: [] });
    expect(r.applied).toHaveLength(2);
    const f = await facts();
    expect(f.t3_new_received).toBe(21);
    expect(String(f.t3_notes)).not.toContain('待核');
    expect(f.t4_review_upheld).toBe(review.value);
    expect(f.t4_review_total).toBeNull(); // not confirmed: still waits
    const rules = (await db.exec(`SELECT rule, subject FROM flags WHERE report_id = '${id}' AND rule LIKE 'OCR_%' ORDER BY rule, subject`)).map((x) => [x.rule, String(x.subject).split(';')[0].slice(0, 3)]);
    expect(rules).toContainEqual(['OCR_READ', 't3']);
    expect(await db.exec(`SELECT status FROM cells WHERE report_id = '${id}' AND "table" = 't4' AND "row" = 'review' AND "column" = 'upheld'`)).toEqual([{ status: 'corrected' }]);
  });
});

describe('shownCellStatus', () => {
  it('shows an ocr cell named by OCR_UNCERTAIN as 待核（OCR）, and every other cell with its own status', () => {
    const flagRules = (ref: string) => scanned.flags.filter((f) => f.subject.includes(ref)).map((f) => f.rule);
    expect(shownCellStatus('ocr', flagRules('t3.new_received.total'))).toBe(OCR_HELD_STATUS);
    expect(CELL_STATUS_LABELS[OCR_HELD_STATUS]).toBe('待核（OCR）');
    expect(shownCellStatus('ocr', flagRules('t3.granted.total'))).toBe('ocr');
    expect(shownCellStatus('corrected', ['OCR_UNCERTAIN'])).toBe('corrected');
  });
});
