/**
 * A report read twice is counted once in the data the app queries, on the real DuckDB: an ingest of
 * seed 004 (临淄区人民政府办公室 2023) and the 2024 report of 平潭综合实验区公安局 embedded twice in
 * data/corpus (.html and .txt). reports.csv keeps both rows (the .txt as `duplicate`), but `facts`
 * (lib/store/facts.ts), coverage (lib/query/coverage.ts) and every sum over facts count it once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverageSql } from '../query/coverage';
import { EMPTY_FILTER } from '../query/filters';
import { ingestPaths } from './ingest-reports';
import { openNodeDatabaseOrThrow, type NodeDatabase } from './node-duckdb';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const HTML = 'pingtan-public-security-bureau-2024.html';
const TXT = 'pingtan-public-security-bureau-2024.txt';
const LINZI_2023 = '004_7ffb10b0611b3e96.txt';

describe('a report read twice in facts and coverage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dup-data-'));
  const input = join(dir, 'in');
  const out = join(dir, 'out');
  let db: NodeDatabase;
  beforeAll(async () => {
    mkdirSync(input);
    for (const f of [HTML, TXT]) copyFileSync(join(DATA, 'corpus', f), join(input, f));
    copyFileSync(join(DATA, 'seeds', LINZI_2023), join(input, LINZI_2023));
    await ingestPaths([input], out, input);
    db = await openNodeDatabaseOrThrow(out);
  }, 60_000);
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps both rows in reports.csv, the .txt as duplicate, and its cells in cells.csv', async () => {
    expect(await db.exec('SELECT source_file, status FROM reports ORDER BY source_file')).toEqual([
      { source_file: LINZI_2023, status: 'ok' },
      { source_file: HTML, status: 'ok' },
      { source_file: TXT, status: 'duplicate' },
    ]);
    // Both captures give 200 read cells (表二–表四): nothing of the duplicate is lost.
    const cells = await db.exec(
      "SELECT r.source_file, CAST(count(*) AS INTEGER) AS n FROM cells c JOIN reports r USING (report_id) WHERE c.status IN ('reported', 'inferred') AND r.source_file LIKE 'pingtan%' GROUP BY r.source_file ORDER BY r.source_file",
    );
    expect(cells).toEqual([
      { source_file: HTML, n: 200 },
      { source_file: TXT, n: 200 },
    ]);
  });

  it('gives facts one row per report counted, so a 2024 sum counts 平潭 once', async () => {
    const facts = await db.exec('SELECT r.source_file, CAST(f.year AS INTEGER) AS year FROM facts f JOIN reports r USING (report_id) ORDER BY r.source_file');
    expect(facts).toEqual([
      { source_file: LINZI_2023, year: 2023 },
      { source_file: HTML, year: 2024 },
    ]);
    // 平潭综合实验区公安局 2024 表三 本年新收 总计 8 (both captures print 8): the 2024 sum is 8, not 16.
    expect(await db.exec('SELECT CAST(sum(t3_new_received) AS INTEGER) AS n FROM facts WHERE year = 2024')).toEqual([{ n: 8 }]);
  });

  it('leaves the duplicate out of coverage', async () => {
    const rows = await db.exec(coverageSql(EMPTY_FILTER));
    expect(rows.map((r) => [r.source_file, r.status])).toEqual([
      [HTML, 'ok'],
      [LINZI_2023, 'ok'],
    ]);
  });
});
