import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../pipeline/ingest-reports';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { addUploadedReports, type UploadDb } from '../upload/add-uploads';
import { buildManualReport } from './manual-report';

const ROOT = path.resolve(__dirname, '../..');

/**
 * A hand-entered 2024 report of 淄博市临淄区人民政府办公室, whose 2023 report (seed 004: 结转下年度
 * 总计 2) is built in, added to the database like an upload.
 */
describe('a hand-entered report added like an upload (seed 004 built in)', () => {
  let data: string;
  let dir: string;
  let db: NodeDatabase;
  let udb: UploadDb;
  beforeAll(async () => {
    data = mkdtempSync(path.join(tmpdir(), 'manual-data-'));
    dir = mkdtempSync(path.join(tmpdir(), 'manual-csv-'));
    await ingestPaths([path.join(ROOT, 'data', 'seeds', '004_7ffb10b0611b3e96.txt')], data);
    db = await openNodeDatabaseOrThrow(data);
    udb = {
      exec: db.exec,
      registerCsv: async (name, text) => {
        const file = path.join(dir, name);
        writeFileSync(file, text);
        return file;
      },
      reportText: async (id) => readFileSync(path.join(data, 'texts', `${id}.txt`), 'utf8'),
    };
  });
  afterAll(() => {
    db.close();
    rmSync(data, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('is in reports, cells and facts with origin upload, its typed numbers, no 手工录入 notes, and checked across years', async () => {
    const values = new Map([
      ['t3.new_received.natural_person', 6],
      ['t3.new_received.total', 6],
      ['t3.carried_over.natural_person', 5],
      ['t3.carried_over.total', 5],
    ]);
    const built = await buildManualReport({ agency: '淄博市临淄区人民政府办公室', year: 2024, publishedOn: '2025-01-20', values }, '2026-11-30');
    if (!built.ok) throw new Error(built.error);
    const [r] = await addUploadedReports(udb, [{ ok: true, file: built.value.report.source_file, record: built.value }], 'manual-1');
    if (r.outcome !== 'added') throw new Error(r.message);
    const id = r.reportId;
    expect(r.message).toMatch(/^淄博市临淄区人民政府办公室 2024 年度；读到表二、表三、表四/);
    const carry = r.record.flags.find((f) => f.rule === 'CARRYOVER_CONTINUITY');
    expect(carry).toMatchObject({ expected: 2, actual: 5 });

    const [rep] = await db.exec(`SELECT origin, source_file, status FROM reports WHERE report_id = '${id}'`);
    expect(rep).toMatchObject({ origin: 'upload', source_file: '手工录入 淄博市临淄区人民政府办公室 2024年度', status: 'partial' });
    const cells = await db.exec(`SELECT "row", "column", status, value FROM cells WHERE report_id = '${id}' AND "table" = 't3' AND "row" = 'new_received' ORDER BY "column"`);
    expect(cells.find((c) => c.column === 'total')).toMatchObject({ status: 'manual', value: 6 });
    expect(cells.find((c) => c.column === 'commercial')).toMatchObject({ status: 'missing', value: null });
    const [facts] = await db.exec(`SELECT * FROM facts WHERE report_id = '${id}'`);
    expect(Number(facts.t3_new_received)).toBe(6);
    expect(Number(facts.t3_carried_over)).toBe(5);
    expect(facts.t3_granted ?? null).toBeNull();
    expect(String(facts.t3_notes ?? '')).not.toContain('手工录入');
    expect(String(facts.t3_notes ?? '')).toContain('缺失');
  });
});
