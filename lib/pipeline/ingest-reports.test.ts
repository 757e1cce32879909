/**
 * The ingest end to end on the seed folder and on bad input: every file gets a reports.csv row,
 * bad files get a status and a message naming them, and the batch goes on.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { Cell, Flag, Report, type ReportRecord } from '../model/report-schema';
import { CSV_COLUMNS, ingestPaths } from './ingest-reports';
import { openNodeDatabaseOrThrow } from './node-duckdb';

const root = path.resolve(__dirname, '../..');
const seeds = path.join(root, 'data', 'seeds');

function readCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

describe('ingestPaths on data/seeds', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'ingest-'));
  let records: ReportRecord[] = [];
  beforeAll(async () => {
    records = (await ingestPaths([seeds], out, seeds)).records;
  });

  it('writes one reports.csv row per file, with the schema columns', () => {
    const rows = readCsv(path.join(out, 'reports.csv'));
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS.reports]);
    expect(rows.map((r) => `${r.agency} ${r.year}`)).toEqual([
      '临淄区科技局 2022',
      '威海市文登区科学技术局 2022',
      '二七区科技局 2023',
      '运城市科学技术局 2022',
      '临淄区人民政府办公室 2023',
    ]);
    expect(rows.map((r) => r.tables_found)).toEqual(['t2;t3;t4', '', 't2;t3;t4', 't2;t3;t4', 't2;t3;t4']);
  });

  it('writes every cell with its status: 4 reports × (10 + 175 + 15) cells', () => {
    const cells = readCsv(path.join(out, 'cells.csv'));
    expect(cells).toHaveLength(4 * 200);
    const lost = cells.filter((c) => c.status === 'inferred').map((c) => `${c.row}.${c.column}=${c.value}`);
    expect(lost).toEqual(['granted.natural_person=1', 'partially_granted.natural_person=0', 'carried_forward.natural_person=0']);
    const blank = cells.filter((c) => c.status === 'blank');
    expect(blank).toMatchObject([{ table: 't2', row: 'normative_documents', column: 'repealed', value: '' }]);
  });

  it('validates what it wrote against the schemas', () => {
    for (const r of records) {
      expect(Report.safeParse(r.report).success).toBe(true);
      r.cells.forEach((c) => expect(Cell.safeParse(c).success).toBe(true));
      r.flags.forEach((f) => expect(Flag.safeParse(f).success).toBe(true));
    }
  });

  it('raises TABLE_MISSING for 文登, CELL_INFERRED for 运城, no identity flag, and a stable fingerprint per flag', () => {
    const flags = readCsv(path.join(out, 'flags.csv'));
    expect(flags.map((f) => f.rule).sort()).toEqual([
      'CELL_BLANK', // 004: 表二 行政规范性文件 本年废止 printed empty
      'CELL_INFERRED',
      'CELL_INFERRED',
      'CELL_INFERRED',
      'PUBLICATION_DATE_UNKNOWN',
      'PUBLICATION_DATE_UNKNOWN',
      'PUBLICATION_DATE_UNKNOWN',
      'TABLE_MISSING',
      'TABLE_MISSING',
      'TABLE_MISSING',
    ]);
    expect(new Set(flags.map((f) => f.fingerprint)).size).toBe(flags.length);
    flags.forEach((f) => expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/));
  });
});

describe('bad input never crashes and is never dropped', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bad-'));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(path.join(dir, 'minutes.txt'), '会议纪要\n\n一、会议时间：2023年3月1日\n二、参会人员：略\n');
  writeFileSync(path.join(dir, 'report.pdf'), '%PDF-1.7\n');
  copyFileSync(path.join(seeds, '004_7ffb10b0611b3e96.txt'), path.join(dir, 'z-good.txt'));
  const out = mkdtempSync(path.join(tmpdir(), 'bad-out-'));

  it('gives each bad file a row whose status and message say what was wrong, and goes on', async () => {
    const { records } = await ingestPaths([dir], out, dir);
    const byFile = Object.fromEntries(records.map((r) => [r.report.source_file, r.report]));
    expect(byFile['empty.txt']).toMatchObject({ status: 'empty_file' });
    // A truncated PNG: since issue 13 images go to OCR, whose decoder refuses it (it used to crash the process in @napi-rs/canvas).
    expect(byFile['image.txt']).toMatchObject({ status: 'read_error' });
    expect(byFile['image.txt'].status_message).toMatch(/图片.*OCR.*无法解码/);
    expect(byFile['minutes.txt']).toMatchObject({ status: 'not_a_report' });
    expect(byFile['report.pdf']).toMatchObject({ status: 'read_error' });
    expect(byFile['z-good.txt']).toMatchObject({ status: 'ok', agency: '临淄区人民政府办公室' });
    for (const name of ['empty.txt', 'image.txt', 'minutes.txt', 'report.pdf']) {
      expect(byFile[name].status_message).toContain(name);
    }
    expect(readCsv(path.join(out, 'reports.csv'))).toHaveLength(5);
  });

  it('the CLI prints one line per file and a summary, without a stack trace', () => {
    const cliOut = mkdtempSync(path.join(tmpdir(), 'cli-'));
    const stdout = execFileSync('npx', ['tsx', 'lib/pipeline/ingest-cli.ts', '--out', cliOut, dir, path.join(dir, 'nope.txt')], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(stdout).toMatch(/ingest: 5 files/);
    expect(stdout).toMatch(/empty_file\s+\S*empty\.txt/);
    expect(stdout).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('the CLI explains a missing --out', () => {
    let err = '';
    try {
      execFileSync('npx', ['tsx', 'lib/pipeline/ingest-cli.ts', seeds], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      err = String((e as { stderr: string }).stderr);
    }
    expect(err).toContain('missing --out DIR');
  });
});

describe('identical files in one ingest (issue 12)', () => {
  // Seed 004 (临淄区人民政府办公室 2023) three times, seed 001 (文登 2022: no table read, so never a
  // duplicate by its numbers) twice, and an empty file twice.
  const dir = mkdtempSync(path.join(tmpdir(), 'copies-'));
  for (const name of ['a-linzi.txt', 'b-linzi.txt', 'c-linzi.txt']) copyFileSync(path.join(seeds, '004_7ffb10b0611b3e96.txt'), path.join(dir, name));
  for (const name of ['d-wendeng.txt', 'e-wendeng.txt']) copyFileSync(path.join(seeds, '001_8a13ebfd976f8452.txt'), path.join(dir, name));
  for (const name of ['f-empty.txt', 'g-empty.txt']) writeFileSync(path.join(dir, name), '');
  const out = mkdtempSync(path.join(tmpdir(), 'copies-out-'));
  let records: ReportRecord[] = [];
  beforeAll(async () => {
    records = (await ingestPaths([dir], out, dir)).records;
  }, 60_000);

  it('gives the later copies ids -2, -3 and status duplicate naming the first copy and its id', () => {
    const [first, ...copies] = records.slice(0, 3).map((r) => r.report);
    expect(first).toMatchObject({ source_file: 'a-linzi.txt', status: 'ok', agency: '临淄区人民政府办公室', year: 2023 });
    expect(first.report_id).toMatch(/^[0-9a-f]{16}$/);
    expect(copies.map((r) => [r.source_file, r.report_id, r.status])).toEqual([
      ['b-linzi.txt', `${first.report_id}-2`, 'duplicate'],
      ['c-linzi.txt', `${first.report_id}-3`, 'duplicate'],
    ]);
    for (const r of copies) expect(r.status_message).toBe(`与 a-linzi.txt（report_id ${first.report_id}）内容完全相同（同一文件的副本），未重复计入统计。`);
    // 文登's copy has too few read cells to be matched by its numbers: it is a duplicate by its bytes.
    const [wendeng, wendengCopy] = records.slice(3, 5).map((r) => r.report);
    expect(wendeng).toMatchObject({ source_file: 'd-wendeng.txt', agency: '威海市文登区科学技术局', year: 2022 });
    expect(wendeng.status).not.toBe('duplicate');
    expect(wendengCopy).toMatchObject({ report_id: `${wendeng.report_id}-2`, status: 'duplicate' });
    expect(wendengCopy.status_message).toContain(`d-wendeng.txt（report_id ${wendeng.report_id}）`);
    // A copy of a file that could not be read keeps its own status and message.
    expect(records.slice(5).map((r) => [r.report.source_file, r.report.status])).toEqual([
      ['f-empty.txt', 'empty_file'],
      ['g-empty.txt', 'empty_file'],
    ]);
    expect(records[6].report.report_id).toBe(`${records[5].report.report_id}-2`);
  });

  it('keeps every copy\'s cells and flags under its own id, with unique flag fingerprints', () => {
    const cells = readCsv(path.join(out, 'cells.csv'));
    const id = records[0].report.report_id;
    for (const r of [id, `${id}-2`, `${id}-3`]) expect(cells.filter((c) => c.report_id === r)).toHaveLength(200);
    const flags = readCsv(path.join(out, 'flags.csv'));
    expect(flags.filter((f) => f.report_id === `${id}-3`).map((f) => f.rule)).toEqual(flags.filter((f) => f.report_id === id).map((f) => f.rule));
    expect(new Set(flags.map((f) => f.fingerprint)).size).toBe(flags.length);
    expect(readFileSync(path.join(out, 'texts', `${id}-3.txt`), 'utf8')).toBe(records[0].text);
  });

  it('counts the report once in facts', async () => {
    const db = await openNodeDatabaseOrThrow(out);
    try {
      expect(await db.exec("SELECT CAST(count(*) AS INTEGER) AS n FROM facts f JOIN reports r USING (report_id) WHERE r.source_file LIKE '%linzi%'")).toEqual([{ n: 1 }]);
      expect(await db.exec("SELECT CAST(count(*) AS INTEGER) AS n FROM reports WHERE status = 'duplicate'")).toEqual([{ n: 3 }]);
    } finally {
      db.close();
    }
  });
});
