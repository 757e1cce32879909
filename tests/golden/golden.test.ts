/**
 * Golden tests driven by a folder: every `*.expected.json` below tests/golden names a report
 * (`source`: a path in this repo, or `corpus/NAME` for ../shared/corpus) and the values read from
 * that report by a person — its metadata, every cell of every table (in the form's column order)
 * and the flags it must raise. Adding a fixture and its expected JSON adds a test.
 *
 * Cell notation: `N` reported; `_` printed empty (blank); `~N` lost in the layout and inferred
 * as N; `?` missing; any other text is a placeholder as printed (`/`, `—`, `无`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { T2_ROWS, T3_COLUMNS, T4_COLUMNS } from '../../lib/model/form-layout';
import type { Cell, TableKey } from '../../lib/model/report-schema';
import { ingestFile } from '../../lib/pipeline/ingest-reports';

const root = path.resolve(__dirname, '../..');
const corpus = path.resolve(root, '../shared/corpus');

interface Expected {
  source: string;
  why?: string;
  report: Record<string, unknown>;
  tables: Partial<Record<TableKey, Record<string, string>>>;
  flags: Array<{ rule: string; subject: string[]; expected?: number | string }>;
}

function columnsOf(table: TableKey, row: string): string[] {
  if (table === 't3') return T3_COLUMNS.map((c) => c.key);
  if (table === 't4') return T4_COLUMNS.map((c) => c.key);
  return [...(T2_ROWS.find((r) => r.key === row)?.columns ?? [])];
}

/** Renders a row's cells in the golden notation. */
function render(cells: Cell[], table: TableKey, row: string): string {
  return columnsOf(table, row)
    .map((col) => {
      const c = cells.find((x) => x.table === table && x.row === row && x.column === col);
      if (!c) return '(absent)';
      switch (c.status) {
        case 'reported':
          return String(c.value);
        case 'blank':
          return '_';
        case 'inferred':
          return `~${c.value}`;
        case 'missing':
          return '?';
        default:
          return c.raw ?? '';
      }
    })
    .join(' ');
}

function fixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtures(path.join(dir, e.name)) : e.name.endsWith('.expected.json') ? [path.join(dir, e.name)] : [],
  );
}

for (const file of fixtures(__dirname)) {
  const expected = JSON.parse(readFileSync(file, 'utf8')) as Expected;
  const source = expected.source.startsWith('corpus/')
    ? path.join(corpus, expected.source.slice('corpus/'.length))
    : path.join(root, expected.source);
  const present = existsSync(source);
  describe.skipIf(!present)(`golden: ${path.relative(__dirname, file)}${present ? '' : ' (skipped: corpus not present)'}`, () => {
    let record: Awaited<ReturnType<typeof ingestFile>> | null = null;
    beforeAll(async () => {
      if (present) record = await ingestFile(source, path.basename(source));
    });

    it('reads the metadata', () => {
      const got = Object.fromEntries(Object.keys(expected.report).map((k) => [k, (record!.report as Record<string, unknown>)[k]]));
      expect(got).toEqual(expected.report);
    });

    it('reads every cell as printed', () => {
      const cells = record!.cells;
      const tables = Object.keys(expected.tables) as TableKey[];
      expect([...new Set(cells.map((c) => c.table))].sort()).toEqual([...tables].sort());
      for (const table of tables) {
        const rows = expected.tables[table]!;
        const gotRows = [...new Set(cells.filter((c) => c.table === table).map((c) => c.row))];
        expect(gotRows.sort()).toEqual(Object.keys(rows).sort());
        for (const [row, want] of Object.entries(rows)) {
          expect(`${table}.${row}: ${render(cells, table, row)}`).toBe(`${table}.${row}: ${want}`);
        }
      }
    });

    it('raises exactly the expected flags', () => {
      const key = (f: { rule: string; subject: string[]; expected?: unknown }) =>
        `${f.rule} ${[...f.subject].sort().join(',')}${f.expected !== undefined && f.expected !== null ? ` =${f.expected}` : ''}`;
      const wantKeys = expected.flags.map(key).sort();
      const got = record!.flags.map((f) =>
        key({ rule: f.rule, subject: f.subject, expected: expected.flags.some((w) => w.rule === f.rule && w.expected !== undefined) ? f.expected : undefined }),
      );
      expect(got.sort()).toEqual(wantKeys);
    });
  });
}
