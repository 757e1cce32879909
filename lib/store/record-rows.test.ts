/** Records → data-file rows (shared by the ingest and uploads) and DuckDB rows → model objects. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { flagFingerprint } from '../model/make-flag';
import { Cell, Flag, Report, type ReportRecord } from '../model/report-schema';
import { readReportText } from '../read/assemble-record';
import { runChecks } from '../checks/run-checks';
import { toRow } from './executor';
import { DATA_TABLES, loadTableSql, readCsvHeader } from './load';
import { cellFromRow, csvField, RECORD_COLUMNS, recordRows, recordsCsv, reportFromRow, toCsv } from './record-rows';

const seed = readFileSync(path.resolve(__dirname, '../../data/seeds/004_7ffb10b0611b3e96.txt'), 'utf8');
const record: ReportRecord = runChecks(readReportText(seed, '004.txt', 'db5428ea704a808e'));

describe('RECORD_COLUMNS', () => {
  it('are the schema fields in declaration order, flags plus fingerprint', () => {
    expect(RECORD_COLUMNS.reports).toEqual(Object.keys(Report.shape));
    expect(RECORD_COLUMNS.cells).toEqual(['report_id', 'table', 'row', 'column', 'value', 'status', 'raw', 'note', 'confidence']);
    expect(RECORD_COLUMNS.flags).toEqual([...Object.keys(Flag.shape), 'fingerprint']);
    expect(RECORD_COLUMNS.flags.at(-1)).toBe('fingerprint');
  });
});

describe('csvField and toCsv', () => {
  it('joins arrays with ;, writes null as empty, keeps numbers and text', () => {
    expect(csvField(['t2', 't3'])).toBe('t2;t3');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(96171.6)).toBe(96171.6);
    expect(csvField('a,b')).toBe('a,b');
  });
  it('quotes fields with commas and quotes, one header line, \\n line ends', () => {
    expect(toCsv(['a', 'b'], [{ a: 'x,y', b: 'say "hi"' }, { a: null, b: 3 }])).toBe('a,b\n"x,y","say ""hi"""\n,3\n');
    expect(toCsv(['a'], [], false)).toBe('');
  });
});

describe('recordRows', () => {
  it('gives one reports row, every cell and every flag with its fingerprint, in column order', () => {
    const rows = recordRows([record]);
    expect(rows.reports).toHaveLength(1);
    expect(Object.keys(rows.reports[0])).toEqual([...RECORD_COLUMNS.reports]);
    expect(rows.reports[0]).toMatchObject({ report_id: 'db5428ea704a808e', agency: '临淄区人民政府办公室', year: 2023, tables_found: 't2;t3;t4' });
    expect(rows.cells).toHaveLength(record.cells.length);
    expect(Object.keys(rows.cells[0])).toEqual([...RECORD_COLUMNS.cells]);
    const carried = rows.cells.find((c) => c.table === 't3' && c.row === 'carried_over' && c.column === 'total');
    expect(carried).toMatchObject({ value: 6, status: 'reported', raw: '6', note: '' });
    expect(rows.flags.map((f) => f.fingerprint)).toEqual(record.flags.map(flagFingerprint));
    expect(rows.flags.every((f) => Object.keys(f).join() === RECORD_COLUMNS.flags.join())).toBe(true);
  });

  it('round-trips through CSV and DuckDB (the dashboard loader) back to the same report and cells', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'record-rows-'));
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const csv = recordsCsv([record]);
      const exec = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => toRow(r as Record<string, unknown>));
      for (const t of DATA_TABLES) {
        const file = path.join(dir, `${t}.csv`);
        writeFileSync(file, csv[t]);
        const h = readCsvHeader(t, csv[t]);
        if (!h.ok) throw new Error(h.error);
        await exec(loadTableSql(t, file, h.header));
      }
      const [rep] = await exec(`SELECT * REPLACE (CAST(year AS INTEGER) AS year, CAST(published_on AS VARCHAR) AS published_on) FROM reports`);
      expect(rep.origin).toBe('embedded');
      expect(reportFromRow(rep)).toEqual(record.report);
      const cells = (await exec(`SELECT * FROM cells`)).map(cellFromRow);
      // As with the ingest's files: an empty `raw` (a blank cell) is written unquoted and reads back
      // as NULL; the status still says `blank`.
      expect(cells).toEqual(record.cells.map((c) => (c.raw === '' ? { ...c, raw: null } : c)));
      expect(record.cells.some((c) => c.status === 'blank')).toBe(true);
      const header = Papa.parse<string[]>(csv.flags).data[0];
      expect(header).toEqual([...RECORD_COLUMNS.flags]);
      expect(await exec('SELECT CAST(count(*) AS INTEGER) AS n FROM flags')).toEqual([{ n: record.flags.length }]);
    } finally {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reportFromRow and cellFromRow return null for rows that do not fit the schema', () => {
    expect(reportFromRow({ report_id: 'x', source_file: 'a.txt', status: 'nonsense' })).toBeNull();
    expect(cellFromRow({ report_id: 'x', table: 't9', row: 'a', column: 'b', value: 1, status: 'reported', raw: '1', note: null })).toBeNull();
    expect(Cell.safeParse(cellFromRow({ report_id: 'x', table: 't3', row: 'a', column: 'b', value: null, status: 'blank', raw: '', note: null })).success).toBe(true);
  });
});
