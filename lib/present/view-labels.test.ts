/**
 * The views' cells and labels in English (issue 10) over real rows (tests/fixtures, values from
 * data/seeds): 单元格说明, 同类组, rank notes, cell references and column tooltips read in English;
 * in Chinese every text is what it was (lib/present/format.ts without `t`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { VIEWS, queryToSql } from '../query/views';
import { GROUP_BY_CHOICES, groupedView } from '../query/group-totals';
import { EMPTY_FILTER } from '../query/filters';
import { makeTranslate } from './i18n/translate';
import { EN } from './i18n/en';
import { cellRefText, formatRowCell } from './format';
import { columnDescriptionText, viewColumnHeader } from './view-labels';

const FIXTURES = join(fileURLToPath(new URL('../..', import.meta.url)), 'tests', 'fixtures');
const en = makeTranslate('en', EN);
const zhLike = makeTranslate('zh');
/** Han outside quotes “…” (a placeholder as printed) and outside the names the columns carry as printed. */
const HAN = /[\u3400-\u9fff]/;
const AS_PRINTED = new Set(['agency', 'region', 'evidence', 'message', 'expected', 'actual', 'report_id', 'fingerprint', 'group_name']);

describe('view cells in English over tests/fixtures', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(FIXTURES);
    for (const v of VIEWS) for (const s of v.setup ?? []) await db.exec(s);
  });
  afterAll(() => db?.close());

  it('every cell of every view reads in English (names as printed aside); Chinese unchanged by a Chinese t', async () => {
    let notes = 0;
    for (const v of VIEWS) {
      const rows = await db.exec(queryToSql(v.query(EMPTY_FILTER)));
      expect(rows.length, v.id).toBeGreaterThan(0);
      for (const r of rows) {
        for (const c of v.columns) {
          const zh = formatRowCell(r, c);
          expect(formatRowCell(r, c, zhLike), `${v.id} ${c.key}`).toEqual(zh);
          if (AS_PRINTED.has(c.key)) continue;
          const e = formatRowCell(r, c, en);
          if (c.key === 'cell_notes' && e.text !== '—') notes++;
          expect(e.text.replace(/“[^”]*”/g, ''), `${v.id} ${c.key}: ${zh.text}`).not.toMatch(HAN);
          if (e.title) expect(e.title, `${v.id} ${c.key} title`).not.toMatch(HAN);
        }
      }
    }
    expect(notes).toBeGreaterThan(0);
  });

  it('headers and their tooltips of every view and grouping in English', () => {
    for (const v of VIEWS) {
      for (const def of [v, ...GROUP_BY_CHOICES.map((g) => groupedView(v, g.key))]) {
        if (!def) continue;
        for (const c of def.columns.filter((x) => !x.companionOf)) {
          expect(viewColumnHeader(c, en), `${def.title} ${c.key}`).not.toMatch(HAN);
          expect(columnDescriptionText(c, en), `${def.title} ${c.key} description`).not.toMatch(HAN);
          expect(columnDescriptionText(c, zhLike)).toBe(c.description ?? '');
          expect(viewColumnHeader(c, zhLike)).toBe(c.unit ? `${c.label}（${c.unit}）` : c.label);
        }
      }
    }
  });

  it('cell references: table cells, text spans, sections and another report’s cells', () => {
    expect(cellRefText('t3.new_received.total', en)).toBe('Table 3 · New applications received this year · Total');
    expect(cellRefText('t3.new_received.total')).toBe('表三·本年新收政府信息公开申请数量·总计');
    expect(cellRefText('text:120-180', en)).not.toMatch(HAN);
    expect(cellRefText('section.problems', en)).not.toMatch(HAN);
    expect(cellRefText('0123456789abcdef:t3.carried_forward.total', en)).toBe('Table 3 · Carried forward to next year · Total of another report (0123456789abcdef)');
  });
});
