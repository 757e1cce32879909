/**
 * Adding uploads to a real DuckDB (@duckdb/node-api) loaded with the ingest's output for seeds 000
 * and 004 (what the app serves), as the dashboard does in DuckDB-WASM: the rows land in reports/cells/flags with origin 'upload', the views show
 * them beside the built-in rows, duplicates and unreadable files are reported per file, and the
 * cross-year rules run against the built-in report of the same agency.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../pipeline/ingest-reports';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { uploadedReportCountSql } from '../query/uploads';
import { APPLICATIONS_VIEW, COMPLIANCE_VIEW, filterOptionsFromRows, filterOptionsSql } from '../query/views';
import { EMPTY_FILTER } from '../query/filters';
import { countsByOriginSql, removeUploadsSql } from '../query/uploads';
import { addUploadedReports, describeAddedRecord, insertRecords, restoreUploadedRecords, type UploadDb } from './add-uploads';
import { readUploadedFile } from './read-uploaded-file';
import { parseAgencyAliases } from '../parse/agency-alias-table';

const ROOT = path.resolve(__dirname, '../..');
const seed = (n: string) => readFileSync(path.join(ROOT, 'data', 'seeds', n));
const read = (b: Uint8Array) => async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const upload = (name: string, bytes: Uint8Array) => readUploadedFile(name, bytes.length, read(bytes));

/** Seed 004 retitled 2024: same agency as the built-in 临淄区人民政府办公室 2023 (结转下年度 2), 上年结转 6. */
const linzi2024 = new TextEncoder().encode(seed('004_7ffb10b0611b3e96.txt').toString('utf8').replace('2023年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告'));

describe('addUploadedReports', () => {
  let data: string;
  let db: NodeDatabase;
  let dir: string;
  let udb: UploadDb;
  beforeAll(async () => {
    data = mkdtempSync(path.join(tmpdir(), 'uploads-data-'));
    await ingestPaths([path.join(ROOT, 'data', 'seeds', '000_c5009f74879149c4.txt'), path.join(ROOT, 'data', 'seeds', '004_7ffb10b0611b3e96.txt')], data);
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));
  beforeEach(async () => {
    db = await openNodeDatabaseOrThrow(data);
    dir = mkdtempSync(path.join(tmpdir(), 'uploads-'));
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
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a readable report with origin upload, reports each bad file and duplicate, and keeps the built-in rows', async () => {
    const outcomes = [
      await upload('临淄2024.txt', linzi2024),
      await upload('scan.gif', new Uint8Array([0x47, 0x49, 0x46, 0x38])),
      await upload('notes.txt', new TextEncoder().encode('会议纪要\n\n一、会议时间：2023年3月1日\n')),
      await upload('000-again.txt', seed('000_c5009f74879149c4.txt')), // the bytes of a built-in report
      await upload('临淄2024-copy.txt', linzi2024),
    ];
    const results = await addUploadedReports(udb, outcomes, 'upload-1');
    expect(results.map((r) => [r.file, r.outcome])).toEqual([
      ['临淄2024.txt', 'added'],
      ['scan.gif', 'rejected'],
      ['notes.txt', 'rejected'],
      ['000-again.txt', 'duplicate'],
      ['临淄2024-copy.txt', 'duplicate'],
    ]);
    expect(results[1].message).toContain('不支持的文件类型');
    expect(results[2]).toMatchObject({ reason: 'not_a_report' });
    expect(results[3].message).toContain('看板内置数据中已有内容完全相同的报告（临淄区科技局 2022 年度');
    expect(results[4].message).toContain('与本次上传的 临淄2024.txt 内容完全相同');

    const added = results[0];
    if (added.outcome !== 'added') throw new Error(added.message);
    expect(added.message).toMatch(/^淄博市临淄区人民政府办公室 2024 年度；读到表二、表三、表四；检查结果 \d+ 条（错误 \d+/);

    expect(await db.exec(countsByOriginSql())).toEqual([
      { origin: 'embedded', reports: 2, cells: expect.any(Number), flags: expect.any(Number) },
      { origin: 'upload', reports: 1, cells: added.record.cells.length, flags: added.record.flags.length },
    ]);

    // The view shows it beside the built-in 2023 report, with the numbers printed in the file.
    const rows = (await db.exec(APPLICATIONS_VIEW.sql(EMPTY_FILTER))).filter((r) => r.agency === '淄博市临淄区人民政府办公室');
    expect(rows.map((r) => [r.year, r.origin, r.new_received, r.carried_over, r.total_processed])).toEqual([
      [2023, 'embedded', 27, 6, 31],
      [2024, 'upload', 27, 6, 31],
    ]);
    expect(await db.exec(APPLICATIONS_VIEW.sql({ ...EMPTY_FILTER, origin: 'upload' }))).toHaveLength(1);

    // Cross-year: 2024's 上年结转 6 against the built-in 2023's 结转下年度 2; its prose repeats 2023's.
    const flags = (await db.exec(COMPLIANCE_VIEW.sql({ ...EMPTY_FILTER, origin: 'upload' }))).map((r) => [r.rule, r.expected, r.actual, r.origin]);
    expect(flags).toContainEqual(['CARRYOVER_CONTINUITY', '2', '6', 'upload']);
    expect(flags.map((f) => f[0])).toContain('TEXT_REUSE');

    const opts = filterOptionsFromRows(await db.exec(filterOptionsSql()));
    expect(opts.hasUploads).toBe(true);
    expect(opts.uploadedAgencies).toEqual(['370305:政府办公室']);
    expect(opts.years).toEqual([2022, 2023, 2024]);
    expect(await db.exec(uploadedReportCountSql())).toEqual([{ n: 1 }]);

    // Uploading the same file again is a duplicate of the earlier upload.
    const again = await addUploadedReports(udb, [await upload('again.txt', linzi2024)], 'upload-2');
    expect(again[0]).toMatchObject({ outcome: 'duplicate' });
    expect(again[0].message).toContain('之前已上传过');

    // Removing the uploads leaves exactly the built-in data.
    for (const sql of removeUploadsSql()) await db.exec(sql);
    expect((await db.exec(countsByOriginSql())).map((r) => r.origin)).toEqual(['embedded']);
  });

  it('adds nothing when the database refuses the rows, and says so for each file', async () => {
    const broken: UploadDb = { ...udb, registerCsv: async () => path.join(dir, 'no-such-file.csv') };
    const results = await addUploadedReports(broken, [await upload('临淄2024.txt', linzi2024)], 'upload-x');
    expect(results[0]).toMatchObject({ outcome: 'rejected', reason: 'database' });
    expect(results[0].message).toContain('请刷新页面后重新上传');
    expect((await db.exec(countsByOriginSql())).map((r) => r.origin)).toEqual(['embedded']);
  });

  it('restoreUploadedRecords puts kept records back once, skipping ids already loaded', async () => {
    const first = await upload('临淄2024.txt', linzi2024);
    const builtIn = await upload('000.txt', seed('000_c5009f74879149c4.txt'));
    if (!first.ok || !builtIn.ok) throw new Error('seed not read');
    const r = await restoreUploadedRecords(udb, [first.record, builtIn.record, first.record]);
    expect(r).toEqual({ ok: true, restored: [first.record.report.report_id], skipped: [builtIn.record.report.report_id, first.record.report.report_id] });
    expect((await db.exec(countsByOriginSql())).map((x) => [x.origin, x.reports])).toEqual([
      ['embedded', 2],
      ['upload', 1],
    ]);
  });

  it('insertRecords restores kept records as they are (flags included)', async () => {
    const first = await upload('临淄2024.txt', linzi2024);
    if (!first.ok) throw new Error(first.message);
    expect(await insertRecords(udb, [first.record], 'restore')).toEqual({ ok: true });
    const n = await db.exec(`SELECT CAST(count(*) AS INTEGER) AS n FROM flags WHERE report_id = '${first.record.report.report_id}'`);
    expect(n[0].n).toBe(first.record.flags.length);
    expect(describeAddedRecord(first.record)).toContain('淄博市临淄区人民政府办公室 2024 年度');
  });

  it('applies the alias table before the duplicate and cross-year checks (平潭 filed under 平潭县; a split of 临淄)', async () => {
    // 平潭综合实验区 is no division of the 民政部 list (key ?:平潭综合实验区公安局); the table files it under 平潭县 (350128).
    const table = parseAgencyAliases('pattern,agency_key,agency_name,note\n/平潭综合实验区公安局$/,350128:公安局,福建省平潭综合实验区公安局,test\n');
    if (!table.ok) throw new Error(table.error);
    const pingtan = readFileSync(path.join(ROOT, 'data', 'corpus', 'pingtan-public-security-bureau-2024.txt'));
    const plain = await upload('pingtan.txt', pingtan);
    if (!plain.ok) throw new Error(plain.message);
    expect(plain.record.report.agency_key).toBe('?:平潭综合实验区公安局');
    const [added] = await addUploadedReports(udb, [plain], 'upload-aliases', table.value);
    if (added.outcome !== 'added') throw new Error(added.message);
    expect(added.record.report).toMatchObject({ agency_key: '350128:公安局', agency_name: '福建省平潭综合实验区公安局', agency_alias: 'agency-aliases.csv:2 /平潭综合实验区公安局$/' });
    expect(added.message.startsWith('福建省平潭综合实验区公安局 2024 年度；')).toBe(true);
    const fact = await db.exec(`SELECT agency_key, agency_name FROM facts WHERE report_id = '${added.reportId}'`);
    expect(fact).toEqual([{ agency_key: '350128:公安局', agency_name: '福建省平潭综合实验区公安局' }]);

    // A row that splits 临淄区人民政府办公室 off its resolved key: the 2024 upload is then not the
    // built-in 2023 report's successor, so CARRYOVER_CONTINUITY (6 vs 2 without the table, first test) is not evaluated.
    const split = parseAgencyAliases('pattern,agency_key,note\n临淄区人民政府办公室,?:拆分测试,test split\n');
    if (!split.ok) throw new Error(split.error);
    const [linzi] = await addUploadedReports(udb, [await upload('临淄2024.txt', linzi2024)], 'upload-split', split.value);
    if (linzi.outcome !== 'added') throw new Error(linzi.message);
    expect(linzi.record.report.agency_key).toBe('?:拆分测试');
    expect(linzi.record.flags.map((f) => f.rule)).not.toContain('CARRYOVER_CONTINUITY');
  });
});
