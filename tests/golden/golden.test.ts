/**
 * Golden tests driven by a folder: every `*.expected.json` below tests/golden names a report
 * (`source`: a path in this repo, or `corpus/NAME` for data/corpus, the public reports embedded in
 * the app) and the values read from
 * that report by a person — its metadata, every cell of every table (in the form's column order)
 * and the flags it must raise. Adding a fixture and its expected JSON adds a test.
 *
 * Cell notation: `N` reported (`N（note）` when the cell carries a note, e.g. `22（其中修订16件）`);
 * `_` printed empty (blank); `~N` lost in the layout and inferred as N; `?` missing; any other
 * text is a placeholder as printed (`/`, `—`, `无`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { T3_COLUMNS, T4_COLUMNS, t2Rows } from '../../lib/model/form-layout';
import type { Cell, FormVersion, TableKey } from '../../lib/model/report-schema';
import { ingestFile } from '../../lib/pipeline/ingest-reports';

const root = path.resolve(__dirname, '../..');
const corpus = path.resolve(root, 'data/corpus');

interface Expected {
  source: string;
  why?: string;
  report: Record<string, unknown>;
  tables: Partial<Record<TableKey, Record<string, string>>>;
  flags: Array<{ rule: string; subject: string[]; expected?: number | string }>;
}

function columnsOf(table: TableKey, row: string, version: FormVersion | null): string[] {
  if (table === 't3') return T3_COLUMNS.map((c) => c.key);
  if (table === 't4') return T4_COLUMNS.map((c) => c.key);
  return [...(t2Rows(version).find((r) => r.key === row)?.columns ?? [])];
}

/** Renders a row's cells in the golden notation (table 二 in the columns of the report's form version). */
function render(cells: Cell[], table: TableKey, row: string, version: FormVersion | null): string {
  return columnsOf(table, row, version)
    .map((col) => {
      const c = cells.find((x) => x.table === table && x.row === row && x.column === col);
      if (!c) return '(absent)';
      switch (c.status) {
        case 'reported':
          return c.note ? `${c.value}（${c.note}）` : String(c.value);
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
  describe(`golden: ${path.relative(__dirname, file)}`, () => {
    let record: Awaited<ReturnType<typeof ingestFile>> | null = null;
    beforeAll(async () => {
      record = await ingestFile(source, path.basename(source));
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
          expect(`${table}.${row}: ${render(cells, table, row, record!.report.form_version)}`).toBe(`${table}.${row}: ${want}`);
        }
      }
    });

    it('raises exactly the expected flags', () => {
      // A passage of the text (`text:START-END`) is compared as `text`: its offsets depend on how
      // the format's reader lays the text out, not on what the report says.
      const key = (f: { rule: string; subject: string[]; expected?: unknown }) =>
        `${f.rule} ${f.subject.map((s) => (s.startsWith('text:') ? 'text' : s)).sort().join(',')}${f.expected !== undefined && f.expected !== null ? ` =${f.expected}` : ''}`;
      const wantKeys = expected.flags.map(key).sort();
      const got = record!.flags.map((f) =>
        key({ rule: f.rule, subject: f.subject, expected: expected.flags.some((w) => w.rule === f.rule && w.expected !== undefined) ? f.expected : undefined }),
      );
      expect(got.sort()).toEqual(wantKeys);
    });
  });
}
