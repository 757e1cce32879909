/**
 * Issue 12's first "done when": one ingest of a folder holding a good report beside a DOCX bomb,
 * a 400-digit cell, a 1,000-deep nested HTML page (and one 5,000 divs deep), a 30,000-number row,
 * a UTF-8 file with one bad byte, a UTF-16 file without BOM, a dangling link and a FIFO exits 0
 * within a minute, gives every entry a row, and the good report's cells are exactly as when it is
 * read alone. The folder is built from the real seeds and corpus (./hostile-inputs.fixture.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReport } from '../read/read-report';
import { recordsCsv } from '../store/record-rows';
import { writeHostileFolder, type HostileFolder } from './hostile-inputs.fixture';
import { ingestPathsParallel } from './ingest-parallel';
import { ingestPaths, PARSE_OPTIONS } from './ingest-reports';

const root = path.resolve(__dirname, '../..');
const rowsOf = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
const readCsv = (file: string) => rowsOf(readFileSync(file, 'utf8'));

describe('one bad file never stops a batch', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'hostile-'));
  const out = path.join(work, 'out');
  let folder: HostileFolder;
  let stdout = '';
  let seconds = 0;
  let reports: Record<string, string>[] = [];

  beforeAll(() => {
    folder = writeHostileFolder(path.join(work, 'in'));
    const started = Date.now();
    // execFileSync throws on a non-zero exit: reaching the next line is "exit 0".
    stdout = execFileSync('npx', ['tsx', 'lib/pipeline/ingest-cli.ts', '--no-aliases', '--out', out, folder.dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    seconds = (Date.now() - started) / 1000;
    reports = readCsv(path.join(out, 'reports.csv'));
  }, 150_000);

  it('exits 0 within a minute and prints a summary by status', () => {
    expect(seconds).toBeLessThan(60);
    expect(stdout).toMatch(/ingest: 10 files → .*\(.*too_large 1.*read_error 2.*; skipped 2\)/);
  });

  it('gives every entry a row: reports.csv for the files, skipped.csv for the README and the dot-file', () => {
    const byFile = Object.fromEntries(reports.map((r) => [path.basename(r.source_file), r]));
    expect(Object.keys(byFile).sort()).toEqual(folder.rows);
    expect(readCsv(path.join(out, 'skipped.csv')).map((r) => path.basename(r.source_file))).toEqual(folder.skipped);
    expect(byFile['bomb.docx']).toMatchObject({ status: 'too_large' });
    expect(byFile['bomb.docx'].status_message).toMatch(/^.*bomb\.docx：Word 文件的压缩包解压后共约 500 MB，超过上限 100 MB.*请/);
    expect(byFile['dangling-link.txt']).toMatchObject({ status: 'read_error' });
    expect(byFile['dangling-link.txt'].status_message).toContain('指向的文件不存在');
    expect(byFile['fifo.txt']).toMatchObject({ status: 'read_error' });
    expect(byFile['fifo.txt'].status_message).toContain('管道');
    for (const r of reports) if (r.status !== 'ok' && r.status !== 'partial') expect(r.status_message, r.source_file).toContain(path.basename(r.source_file));
  });

  it('reads the deep pages, the damaged UTF-8 file and the BOM-less UTF-16 file as reports', () => {
    const byFile = Object.fromEntries(reports.map((r) => [path.basename(r.source_file), r]));
    expect(byFile['deep-tables.html']).toMatchObject({ agency: '测试市人民政府', tables_found: 't2;t3;t4' });
    expect(byFile['deep-divs.html']).toMatchObject({ agency: '上海市人民政府办公厅', tables_found: 't2;t3;t4' });
    expect(byFile['bad-byte.txt']).toMatchObject({ status: 'ok', agency: '临淄区人民政府办公室' });
    expect(byFile['utf16-no-bom.txt']).toMatchObject({ status: 'partial', agency: '威海市文登区科学技术局' });
    const replaced = readCsv(path.join(out, 'flags.csv')).filter((f) => f.rule === 'TEXT_BYTES_REPLACED');
    expect(replaced.map((f) => [f.report_id, f.actual])).toEqual([[byFile['bad-byte.txt'].report_id, '1']]);
  });

  it("keeps the good report's cells exactly as when it is read alone", async () => {
    const good = await readReport(new Uint8Array(readFileSync(path.join(folder.dir, folder.good))), folder.good, PARSE_OPTIONS);
    expect(good.ok).toBe(true);
    const alone = rowsOf(recordsCsv([good.ok ? good.value : good.error.record]).cells);
    const id = reports.find((r) => r.source_file.endsWith(folder.good))!.report_id;
    expect(alone.length).toBe(200);
    expect(readCsv(path.join(out, 'cells.csv')).filter((c) => c.report_id === id)).toEqual(alone);
  });

  it('the parallel ingest (the CLI above) writes the same rows from the same folder as the serial ingest', async () => {
    const par = path.join(work, 'par');
    const serial = path.join(work, 'serial');
    await ingestPaths([folder.dir], serial);
    await ingestPathsParallel([folder.dir], par, { workers: 2 });
    for (const f of ['reports.csv', 'cells.csv', 'flags.csv', 'skipped.csv']) expect(readFileSync(path.join(par, f), 'utf8'), f).toBe(readFileSync(path.join(serial, f), 'utf8'));
  }, 150_000);
});
