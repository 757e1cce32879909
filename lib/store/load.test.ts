import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSV_COLUMNS, describeTableSql, insertTableSql, loadTableSql, readCsvHeader } from './load';
import { openNodeDatabase } from '../pipeline/node-duckdb';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));

describe('readCsvHeader', () => {
  it('accepts the contract header, with or without a BOM, with or without optional columns', () => {
    const names = CSV_COLUMNS.flags.map((c) => c.name);
    expect(readCsvHeader('flags', `${names.join(',')}\nx`)).toEqual({ ok: true, header: names });
    expect(readCsvHeader('flags', `\uFEFF${names.join(',')}\r\nx`)).toEqual({ ok: true, header: names });
    const withoutEvidence = names.filter((n) => n !== 'evidence');
    expect(readCsvHeader('flags', withoutEvidence.join(','))).toEqual({ ok: true, header: withoutEvidence });
  });
  it('names missing required columns, and says when the file is empty', () => {
    expect(readCsvHeader('reports', 'report_id,agency\n')).toEqual({
      ok: false,
      error: 'reports.csv 缺少约定的列：source_file、agency_printed、region、year、published_on、report_kind、tables_found、sections_found、status、status_message（表头为 report_id,agency）。',
    });
    expect(readCsvHeader('cells', '')).toEqual({ ok: false, error: 'cells.csv 是空文件（没有表头）。' });
  });
});

describe('openNodeDatabase + loadTableSql', () => {
  it('loads typed columns: empty fields are NULL, quoted "" stays an empty string, years are integers', async () => {
    const r = await openNodeDatabase(FIXTURES);
    if (!r.ok) throw new Error(r.error);
    const rows = await r.db.exec(
      `SELECT typeof(year) AS t_year, typeof(published_on) AS t_pub, CAST(published_on AS VARCHAR) AS pub, tables_found
       FROM reports WHERE report_id = '6097eb29f1d289bb'`,
    );
    expect(rows).toEqual([{ t_year: 'INTEGER', t_pub: 'DATE', pub: '2023-01-16', tables_found: null }]);
    const missing = await r.db.exec(
      `SELECT value, status, raw FROM cells WHERE report_id = 'db5428ea704a808e' AND "row" = 'normative_documents' AND "column" = 'repealed'`,
    );
    expect(missing).toEqual([{ value: null, status: 'missing', raw: null }]);
    const n = await r.db.exec('SELECT count(*)::INTEGER AS n FROM cells');
    expect(n[0].n).toBe(readFileSync(join(FIXTURES, 'cells.csv'), 'utf8').trim().split('\n').length - 1);
    r.db.close();
  });

  it('reads a file with a UTF-8 BOM and a quoted empty string', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'load-test-'));
    try {
      for (const f of ['reports.csv', 'cells.csv', 'flags.csv']) {
        let text = readFileSync(join(FIXTURES, f), 'utf8');
        if (f === 'cells.csv') text = text.replace('5f1f485ee573df5d,t2,regulations,issued,0,reported,0,', '5f1f485ee573df5d,t2,regulations,issued,,blank,"",');
        writeFileSync(join(dir, f), `\uFEFF${text}`);
      }
      const r = await openNodeDatabase(dir);
      if (!r.ok) throw new Error(r.error);
      const rows = await r.db.exec(`SELECT report_id, value, status, raw FROM cells WHERE report_id = '5f1f485ee573df5d' AND "row" = 'regulations' AND "column" = 'issued'`);
      expect(rows).toEqual([{ report_id: '5f1f485ee573df5d', value: null, status: 'blank', raw: '' }]);
      r.db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps columns by header name: reordered, extra and absent optional columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'load-test-'));
    try {
      copyFileSync(join(FIXTURES, 'reports.csv'), join(dir, 'reports.csv'));
      copyFileSync(join(FIXTURES, 'cells.csv'), join(dir, 'cells.csv'));
      // flags.csv from an older ingest: no evidence column, message first, plus an unknown column.
      const parsed = Papa.parse<Record<string, string>>(readFileSync(join(FIXTURES, 'flags.csv'), 'utf8'), { header: true, skipEmptyLines: true });
      const cols = ['message', 'report_id', 'rule', 'rule_version', 'severity', 'subject', 'expected', 'actual', 'difference', 'extra_note'];
      writeFileSync(join(dir, 'flags.csv'), Papa.unparse({ fields: cols, data: parsed.data.map((r) => cols.map((c) => (c === 'extra_note' ? 'x' : r[c]))) }));
      const r = await openNodeDatabase(dir);
      if (!r.ok) throw new Error(r.error);
      const rows = await r.db.exec(`SELECT rule, severity, message, evidence, extra_note, typeof(rule_version) AS t FROM flags WHERE rule = 'CELL_MISSING'`);
      expect(rows).toEqual([
        { rule: 'CELL_MISSING', severity: 'warning', message: '表二“行政规范性文件”行只印出 2 个数（应为 3 个），本年废止件数缺失。', evidence: null, extra_note: 'x', t: 'INTEGER' },
      ]);
      r.db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds origin = embedded to reports at load time; insertTableSql appends rows with origin = upload', async () => {
    const r = await openNodeDatabase(FIXTURES);
    if (!r.ok) throw new Error(r.error);
    const dir = mkdtempSync(join(tmpdir(), 'load-test-'));
    try {
      expect(await r.db.exec(`SELECT DISTINCT origin FROM reports`)).toEqual([{ origin: 'embedded' }]);
      // A further file with the contract columns plus one the table has (form_version is not in the
      // fixtures, so it is left out) — as the dashboard's uploads are.
      const text = 'report_id,source_file,agency,agency_printed,region,year,published_on,report_kind,tables_found,sections_found,status,status_message,form_version\n' +
        'ffffffffffffffff,up.txt,某局,某局,某地,2024,2025-01-20,department,t3,overview,partial,"未读到：表二, 表四",2021\n';
      const file = join(dir, 'up-reports.csv');
      writeFileSync(file, text);
      const h = readCsvHeader('reports', text);
      if (!h.ok) throw new Error(h.error);
      const columns = (await r.db.exec(describeTableSql('reports'))).map((x) => String(x.column_name));
      expect(columns.at(-1)).toBe('origin');
      await r.db.exec(insertTableSql('reports', file, h.header, columns));
      const rows = await r.db.exec(`SELECT origin, year, CAST(published_on AS VARCHAR) AS d, status_message, typeof(year) AS t FROM reports WHERE report_id = 'ffffffffffffffff'`);
      expect(rows).toEqual([{ origin: 'upload', year: 2024, d: '2025-01-20', status_message: '未读到：表二, 表四', t: 'INTEGER' }]);
      expect(await r.db.exec(`SELECT origin, CAST(count(*) AS INTEGER) AS n FROM reports GROUP BY origin ORDER BY origin`)).toEqual([
        { origin: 'embedded', n: 5 },
        { origin: 'upload', n: 1 },
      ]);
      // A column named origin in a data file never overrides the loader's.
      expect(loadTableSql('reports', 'x.csv', ['report_id', 'origin'])).toMatch(/CAST\('embedded' AS VARCHAR\) AS "origin" FROM/);
      expect(loadTableSql('reports', 'x.csv', ['report_id', 'origin']).match(/"origin"/g)).toHaveLength(1);
    } finally {
      r.db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing folder as data', async () => {
    const r = await openNodeDatabase('/nonexistent-dir-for-test');
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/找不到 .*reports\.csv。请先运行 npm run build:data。/) });
  });
});
