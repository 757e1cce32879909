/** OCR cells (issue 13) through the data files: status `ocr` and `confidence` in cells.csv, back from DuckDB; files without the column still load. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ReportRecord } from '../model/report-schema';
import { readReportText } from '../read/assemble-record';
import { markOcrCells } from '../read/ocr-cells';
import { toRow, type Row } from './executor';
import { DATA_TABLES, loadTableSql, readCsvHeader } from './load';
import { cellFromRow, recordsCsv } from './record-rows';

const seed = readFileSync(path.resolve(__dirname, '../../data/seeds/004_7ffb10b0611b3e96.txt'), 'utf8');
const printed: ReportRecord = readReportText(seed, '004.txt', 'db5428ea704a808e');
// The seed's printed cells as if read by OCR, every number with confidence 0.87.
const lines = [...new Map(printed.cells.map((c) => [`${c.table}.${c.row}`, printed.cells.filter((x) => x.table === c.table && x.row === c.row)])).values()].map((row) => ({
  line: '',
  numbers: row.filter((c) => c.status === 'reported').map((c) => ({ raw: c.raw ?? '', confidence: 0.87 })),
}));
const record = markOcrCells(printed, lines);

async function loadCells(csvText: Record<string, string>): Promise<Row[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'record-rows-ocr-'));
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const exec = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => toRow(r as Record<string, unknown>));
    for (const t of DATA_TABLES) {
      const file = path.join(dir, `${t}.csv`);
      writeFileSync(file, csvText[t]);
      const h = readCsvHeader(t, csvText[t]);
      if (!h.ok) throw new Error(h.error);
      await exec(loadTableSql(t, file, h.header));
    }
    return await exec('SELECT * FROM cells');
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('OCR cells in the data files', () => {
  it('write status ocr and the confidence to cells.csv and read them back from DuckDB', async () => {
    const ocr = record.cells.filter((c) => c.status === 'ocr');
    expect(ocr.length).toBeGreaterThan(100);
    expect(ocr.every((c) => c.confidence === 0.87)).toBe(true);
    const csv = recordsCsv([record]);
    expect(csv.cells.split('\n')[0]).toBe('report_id,table,row,column,value,status,raw,note,confidence');
    const back = (await loadCells(csv)).map(cellFromRow);
    expect(back.filter((c) => c?.status === 'ocr')).toEqual(ocr);
  });

  it('load a cells.csv written before the column existed, with confidence NULL', async () => {
    const csv = recordsCsv([printed]);
    const old = csv.cells
      .split('\n')
      .map((l) => l.replace(/,[^,]*$/, ''))
      .join('\n');
    expect(old.split('\n')[0]).toBe('report_id,table,row,column,value,status,raw,note');
    const rows = await loadCells({ ...csv, cells: old });
    expect(rows.length).toBe(printed.cells.length);
    expect(rows.every((r) => r.confidence === null)).toBe(true);
    expect(rows.map(cellFromRow).every((c) => c !== null && c.confidence === undefined)).toBe(true);
  });
});
