/**
 * The browser data build (./build-browser-data.ts) over a real ingest in which one year has no
 * facts: the unfilled official form (data/corpus/blank-template-2021-format.docx, status
 * `blank_form`, no year, left out of `facts`) beside seed 004 (临淄区人民政府办公室 2023). No
 * partition of 0 rows may be written or listed: its Arrow stream would have no record batch and so
 * no dictionaries, which DuckDB-WASM refuses ("IPC stream did not have the expected number (5) of
 * dictionaries").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataType, MessageHeader, MessageReader, tableFromIPC } from 'apache-arrow';
import { buildBrowserData, type BrowserManifest } from './build-browser-data';
import { ingestPaths } from './ingest-reports';
import { openNodeDatabaseOrThrow } from './node-duckdb';

/** The kinds of the IPC messages of an Arrow stream, in order (Schema, DictionaryBatch, RecordBatch …). */
function messageKinds(bytes: Uint8Array): string[] {
  const reader = new MessageReader(bytes);
  const kinds: string[] = [];
  for (const m of reader) {
    kinds.push(MessageHeader[m.headerType]);
    if (m.headerType !== MessageHeader.Schema) reader.readMessageBody(m.bodyLength);
  }
  return kinds;
}

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const BLANK_FORM = 'blank-template-2021-format.docx';
const LINZI_2023 = '004_7ffb10b0611b3e96.txt';

describe('buildBrowserData with a blank form (a report without facts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'browser-data-blank-'));
  const input = join(dir, 'in');
  const out = join(dir, 'out');
  let manifest: BrowserManifest;
  beforeAll(async () => {
    mkdirSync(input);
    copyFileSync(join(DATA, 'corpus', BLANK_FORM), join(input, BLANK_FORM));
    copyFileSync(join(DATA, 'seeds', LINZI_2023), join(input, LINZI_2023));
    await ingestPaths([input], out, input);
    manifest = await buildBrowserData(out);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ingests the blank form as blank_form without a year, and seed 004 as 2023', async () => {
    const db = await openNodeDatabaseOrThrow(out);
    try {
      const rows = await db.exec('SELECT source_file, status, CAST(year AS INTEGER) AS year FROM reports ORDER BY source_file');
      expect(rows).toEqual([
        { source_file: LINZI_2023, status: 'ok', year: 2023 },
        { source_file: BLANK_FORM, status: 'blank_form', year: null },
      ]);
      // The blank form has no facts row: only seed 004 is in the views.
      expect(await db.exec('SELECT CAST(count(*) AS INTEGER) AS n FROM facts')).toEqual([{ n: 1 }]);
    } finally {
      db.close();
    }
  });

  it('writes and lists only partitions with rows: no facts/unknown.arrow for the blank form', () => {
    // Both reports are counted (reports.csv keeps the blank form's row) …
    expect(manifest.counts.reports).toBe(2);
    // … but only 2023 has facts: seed 004, one row.
    expect(manifest.facts.map((p) => [p.year, p.file, p.rows])).toEqual([[2023, 'facts/2023.arrow', 1]]);
    expect(readdirSync(join(out, 'facts'))).toEqual(['2023.arrow']);
    expect(existsSync(join(out, 'facts', 'unknown.arrow'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toEqual(manifest);
  });

  it('every listed partition holds its rows in at least one record batch, with the dictionaries', () => {
    for (const part of manifest.facts) {
      const bytes = readFileSync(join(out, part.file));
      expect(bytes.byteLength).toBe(part.bytes);
      expect(part.rows).toBeGreaterThan(0);
      const table = tableFromIPC(bytes);
      expect(table.numRows).toBe(part.rows);
      expect(table.batches.length).toBeGreaterThan(0);
      // Each dictionary-encoded column (agency, agency_key, agency_name, region, origin, …) comes
      // with a dictionary batch before the record batch (an empty stream had the schema and an
      // empty record batch only: no dictionary batch at all).
      const dictionaryColumns = table.schema.fields.filter((f) => DataType.isDictionary(f.type)).map((f) => f.name);
      expect(dictionaryColumns).toEqual(expect.arrayContaining(['agency', 'agency_key', 'agency_name', 'region', 'origin']));
      const kinds = messageKinds(bytes);
      expect(kinds.filter((k) => k === 'DictionaryBatch')).toHaveLength(dictionaryColumns.length);
      expect(kinds.at(-1)).toBe('RecordBatch');
      const row = table.get(0)!.toJSON() as Record<string, unknown>;
      // 临淄区人民政府办公室 2023 (seed 004): 表三 本年新收 27, 办理结果总计 31.
      expect(row).toMatchObject({ agency_key: '370305:政府办公室', agency_name: '淄博市临淄区人民政府办公室', year: 2023, t3_new_received: 27, t3_total_processed: 31 });
    }
  });
});
