/** csvRowsText writes what toCsv (papaparse) writes: on real records and on fields papaparse must quote. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../read/read-report';
import { flagRows, RECORD_COLUMNS, toCsv } from '../store/record-rows';
import { csvRowsText } from './csv-rows-text';

const root = path.resolve(__dirname, '../..');

describe('csvRowsText', () => {
  it('equals toCsv without header for the reports, cells and flags of every seed and corpus report', async () => {
    const files = ['seeds', 'corpus'].flatMap((d) =>
      readdirSync(path.join(root, 'data', d))
        .filter((f) => /\.(txt|md|html)$/.test(f))
        .map((f) => path.join(root, 'data', d, f)),
    );
    expect(files.length).toBeGreaterThan(10);
    let cells = 0;
    for (const file of files) {
      const read = await readReport(new Uint8Array(readFileSync(file)), path.basename(file));
      const rec = read.ok ? read.value : read.error.record;
      cells += rec.cells.length;
      expect(csvRowsText(RECORD_COLUMNS.reports, [rec.report])).toBe(toCsv(RECORD_COLUMNS.reports, [rec.report], false));
      expect(csvRowsText(RECORD_COLUMNS.cells, rec.cells)).toBe(toCsv(RECORD_COLUMNS.cells, rec.cells, false));
      expect(csvRowsText(RECORD_COLUMNS.flags, flagRows(rec.flags))).toBe(toCsv(RECORD_COLUMNS.flags, flagRows(rec.flags), false));
    }
    expect(cells).toBeGreaterThan(1000);
  }, 60_000);

  it('quotes exactly the fields papaparse quotes', () => {
    const tricky = ['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', '\ufeffbom', ' lead', 'trail ', ' ', '', 'plain', '=1+2', '-3', "it's", '表三「本年新收」行', 0, -0, 1.5, 1e21, null, undefined, ['t3.a', 't3.b'], []];
    const rows = tricky.map((v, i) => ({ a: v, b: i, c: tricky[tricky.length - 1 - i] }));
    expect(csvRowsText(['a', 'b', 'c'], rows)).toBe(toCsv(['a', 'b', 'c'], rows, false));
    expect(csvRowsText(['a'], [])).toBe('');
  });
});
