/**
 * The report page's arrangement on real data: the form's tables of 运城 2022 and 文登 2022 as
 * data/build holds them (the ingest of data/seeds; skipped when not built), what each flag
 * highlights (data/build and tests/fixtures), and the text cut at passage boundaries (offsets from
 * the real report text). The rows are read with lib/query/report-detail.ts's SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { cellsFromRows, flagsFromRows, reportCellsSql, reportFlagsSql, reportSql } from '../query/report-detail';
import { buildFormTables, evidenceMarks, flagHighlights, publicationLine, rowMarks, textSegments } from './report-layout';
import { rowFingerprint } from '../review/decisions';
import { T3_COLUMNS, T3_ROWS } from '../model/form-layout';
import { makeTranslate } from './i18n/translate';
import { EN } from './i18n/en';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD = join(ROOT, 'data', 'build');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const YUNCHENG = 'c0d392a57191d65c'; // 运城市科学技术局 2022
const WENDENG = '6097eb29f1d289bb'; // 威海市文登区科学技术局 2022, tables printed as images

describe.skipIf(!existsSync(join(BUILD, 'flags.csv')))('report page layout over data/build', () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabaseOrThrow(BUILD);
  });
  afterAll(() => db?.close());

  it('运城 2022: 表三 has 25 rows × 7 columns, the three unprinted natural-person cells inferred and flagged', async () => {
    const cells = cellsFromRows(await db.exec(reportCellsSql(YUNCHENG)));
    const [report] = await db.exec(reportSql(YUNCHENG));
    const tables = buildFormTables(cells, String(report.tables_found).split(';'), null);
    const t3 = tables.find((t) => t.table === 't3')!;
    expect(t3.found).toBe(true);
    expect(t3.groups[0].rows.map((r) => r.label)).toEqual(T3_ROWS.map((r) => r.label));
    expect(t3.groups[0].columns.map((c) => c.label)).toEqual(T3_COLUMNS.map((c) => c.label));
    expect(t3.groups[0].rows.every((r) => r.cells.length === 7 && r.cells.every((s) => s.cell !== null))).toBe(true);
    expect(t3.extra).toEqual([]);
    const inferred = t3.groups[0].rows.flatMap((r) => r.cells).filter((s) => s.cell?.status === 'inferred');
    expect(inferred.map((s) => s.ref).sort()).toEqual(['t3.carried_forward.natural_person', 't3.granted.natural_person', 't3.partially_granted.natural_person']);
    expect(inferred.find((s) => s.ref === 't3.granted.natural_person')!.cell!.value).toBe(1);

    const flags = flagsFromRows(await db.exec(reportFlagsSql(YUNCHENG)), rowFingerprint);
    const h = flagHighlights(flags);
    expect([...h.cells.keys()].sort()).toEqual(inferred.map((s) => s.ref).sort());
    expect(h.cells.get('t3.granted.natural_person')).toEqual(['435fdabe51f789c0']);
  });

  it('文登 2022: no table read; TABLE_MISSING points at the three tables, the printed date is not flagged', async () => {
    const [report] = await db.exec(reportSql(WENDENG));
    const tables = buildFormTables(cellsFromRows(await db.exec(reportCellsSql(WENDENG))), report.tables_found ? String(report.tables_found).split(';') : [], null);
    expect(tables.map((t) => t.found)).toEqual([false, false, false]);
    // 表二 in the form's blocks: 第（一）项 (2 rows × 3), 第（五）项, 第（六）项 (2 rows), 第（八）项.
    expect(tables[0].groups.map((g) => [g.heading, g.rows.length, g.columns.length])).toEqual([
      ['第二十条第（一）项', 2, 3],
      ['第二十条第（五）项', 1, 1],
      ['第二十条第（六）项', 2, 1],
      ['第二十条第（八）项', 1, 1],
    ]);
    const h = flagHighlights(flagsFromRows(await db.exec(reportFlagsSql(WENDENG)), rowFingerprint));
    expect([...h.tables.keys()].sort()).toEqual(['t2', 't3', 't4']);
    expect(h.publishedOn).toEqual([]);
  });

  it('a report without a printed date: PUBLICATION_DATE_UNKNOWN points at the date', async () => {
    const flags = flagsFromRows(await db.exec(reportFlagsSql('5f1f485ee573df5d')), rowFingerprint);
    expect(flags.map((f) => f.rule)).toContain('PUBLICATION_DATE_UNKNOWN');
    expect(flagHighlights(flags).publishedOn).toEqual(['02024ba5f344021b']);
  });

  it('发布日期 says when it comes from the publishing page, with the 原文链接 (平潭综合实验区公安局 2024, issue 11)', async () => {
    const [pingtan] = await db.exec(reportSql('9adfb469b5f82d00'));
    expect(publicationLine(pingtan)).toEqual({
      date: '2025-01-20',
      note: '（取自发布页面）',
      title: expect.stringContaining('发布它的网页'),
      sourceUrl: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqgaj/zfxxgknb/202501/t20250120_96806.htm',
    });
    // 运城 2022 prints its date: no note, no page address; 临淄区科技局 2022 has none at all.
    const [yuncheng] = await db.exec(reportSql(YUNCHENG));
    expect(publicationLine(yuncheng)).toMatchObject({ date: '2023-01-17', note: null, title: '报告正文印出的发布日期。', sourceUrl: null });
    const [linzi] = await db.exec(reportSql('5f1f485ee573df5d'));
    expect(publicationLine(linzi)).toMatchObject({ date: '未印出', note: null, sourceUrl: null });
    // In English (issue 10): the same facts, the words translated, the address kept.
    const en = makeTranslate('en', EN);
    expect(publicationLine(pingtan, en)).toMatchObject({ date: '2025-01-20', note: ' (from the publication page)', sourceUrl: publicationLine(pingtan).sourceUrl });
    expect(publicationLine(linzi, en)).toMatchObject({ date: 'not printed', note: null, title: 'The report prints no publication date, and its web page gives none.' });
  });
});

describe('publicationLine', () => {
  it('makes a link only of an absolute http(s) address', () => {
    const at = (source_url: unknown) => publicationLine({ published_on: '2025-01-20', published_on_source: 'page', source_url }).sourceUrl;
    expect(at('http://www.gov.cn/a b.htm')).toBe('http://www.gov.cn/a%20b.htm');
    expect(at(' https://www.gov.cn/x.htm ')).toBe('https://www.gov.cn/x.htm');
    for (const bad of ['javascript:alert(1)', '/zwgk/x.htm', 'www.gov.cn/x.htm', 'ftp://gov.cn/x', '', null, 42]) expect(at(bad), String(bad)).toBeNull();
  });

  it('says the date and where it comes from in English (issue 10)', () => {
    const en = makeTranslate('en', EN);
    expect(publicationLine({ published_on: '2025-01-20', published_on_source: 'page', source_url: null }, en)).toEqual({
      date: '2025-01-20',
      note: ' (from the publication page)',
      title: 'The report prints no publication date; this is the date of the web page it was published on.',
      sourceUrl: null,
    });
    expect(publicationLine({ published_on: null }, en)).toMatchObject({ date: 'not printed', note: null, title: 'The report prints no publication date, and its web page gives none.' });
    expect(publicationLine({ published_on: '2023-01-17', published_on_source: 'printed' }, en).title).toBe('The publication date printed in the report.');
  });

  it('a source without a date says nothing; a date without a source is shown without a note', () => {
    expect(publicationLine({ published_on: null, published_on_source: 'page' })).toMatchObject({ date: '未印出', note: null });
    expect(publicationLine({ published_on: '2023-01-17', published_on_source: null })).toMatchObject({ date: '2023-01-17', note: null, title: '发布日期（数据文件没有记录其来源）。' });
  });
});

describe('buildFormTables on a report printing the single （六）其他处理 row', () => {
  it('puts other_handling in place of rows 21–23', () => {
    const cells = cellsFromRows([
      { table: 't3', row: 'other_handling', column: 'total', value: 2, status: 'reported', raw: '2', note: null },
      { table: 't3', row: 'granted', column: 'total', value: 4, status: 'reported', raw: '4', note: null },
      { table: 't9', row: 'x', column: 'y', value: 1, status: 'reported', raw: '1', note: null },
    ]);
    const t3 = buildFormTables(cells, ['t3'], '2021')[1];
    const keys = t3.groups[0].rows.map((r) => r.key);
    expect(keys).toHaveLength(23);
    expect(keys.slice(19, 22)).toEqual(['not_processed_confirmation', 'other_handling', 'total_processed']);
    expect(t3.groups[0].rows[20].cells[6].cell?.value).toBe(2);
  });
  it('keeps cells the layout does not know as extra', () => {
    const cells = cellsFromRows([{ table: 't4', row: 'review', column: 'withdrawn', value: 1, status: 'reported', raw: '1', note: null }]);
    expect(buildFormTables(cells, ['t4'], null)[2].extra).toHaveLength(1);
  });
});

describe('flagHighlights over tests/fixtures', () => {
  it('maps each flag of the fixtures to its cells and tables', async () => {
    const db = await openNodeDatabaseOrThrow(FIXTURES);
    try {
      const flags = flagsFromRows(await db.exec(reportFlagsSql('db5428ea704a808e')), rowFingerprint);
      expect([...flagHighlights(flags).cells]).toEqual([['t2.normative_documents.repealed', ['e86558c9ced933b3']]]);
    } finally {
      db.close();
    }
  });
  it('reads passages, sections and cells of another report', () => {
    const h = flagHighlights([
      { fingerprint: 'a', subject: 't3.carried_over.total;5f1f485ee573df5d:t3.carried_forward.total' },
      { fingerprint: 'b', subject: 'section.problems;text:3-9;text:12-20' },
      { fingerprint: 'c', subject: 'agency' },
    ]);
    expect(h.agency).toEqual(['c']);
    expect([...h.cells.keys()]).toEqual(['t3.carried_over.total']);
    expect(h.otherReports).toEqual([{ flag: 'a', report: '5f1f485ee573df5d', ref: 't3.carried_forward.total' }]);
    expect([...h.sections]).toEqual([['problems', ['b']]]);
    expect(h.text).toEqual([
      { start: 3, end: 9, flag: 'b' },
      { start: 12, end: 20, flag: 'b' },
    ]);
  });
});

describe('textSegments', () => {
  const text = existsSync(join(BUILD, 'texts', `${YUNCHENG}.txt`))
    ? readFileSync(join(BUILD, 'texts', `${YUNCHENG}.txt`), 'utf8')
    : readFileSync(join(__dirname, '../../data/seeds/003_6424f50ad3d5c809.txt'), 'utf8');
  const sentence = '收到市政府办转至我单位的信息公开申请1份';
  const at = text.indexOf(sentence);

  it('cuts the real report text at a passage, and the pieces join back to the text', () => {
    expect(at).toBeGreaterThan(0);
    const segs = textSegments(text, [{ start: at, end: at + sentence.length, flag: 'f1' }]);
    expect(segs).toHaveLength(3);
    expect(segs[1]).toEqual({ start: at, end: at + sentence.length, text: sentence, flags: ['f1'], kinds: ['passage'] });
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });
  it('overlapping passages of two flags make a segment with both', () => {
    const segs = textSegments(text, [
      { start: at, end: at + 10, flag: 'f1' },
      { start: at + 5, end: at + 15, flag: 'f2' },
    ]);
    expect(segs.filter((s) => s.flags.length > 0).map((s) => [s.text, s.flags])).toEqual([
      [sentence.slice(0, 5), ['f1']],
      [sentence.slice(5, 10), ['f1', 'f2']],
      [sentence.slice(10, 15), ['f2']],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });
  it('clamps marks beyond the text and ignores empty ones', () => {
    expect(textSegments('abc', [{ start: 2, end: 99, flag: 'x' }, { start: 1, end: 1, flag: 'y' }])).toEqual([
      { start: 0, end: 2, text: 'ab', flags: [], kinds: [] },
      { start: 2, end: 3, text: 'c', flags: ['x'], kinds: ['passage'] },
    ]);
    expect(textSegments('', [])).toEqual([{ start: 0, end: 0, text: '', flags: [], kinds: [] }]);
    expect(textSegments('abcd', [{ start: 0, end: 4, flag: 'x', kind: 'row' }, { start: 1, end: 2, flag: 'x' }]).map((g) => g.kinds)).toEqual([
      ['row'],
      ['passage', 'row'],
      ['row'],
    ]);
  });
});

describe('evidenceMarks', () => {
  const text = existsSync(join(BUILD, 'texts', `${YUNCHENG}.txt`)) ? readFileSync(join(BUILD, 'texts', `${YUNCHENG}.txt`), 'utf8') : '';
  it.skipIf(!text)('finds a printed row quoted as evidence in the real text; skips flags with their own passages or no match', () => {
    const row = '行政处罚\t0';
    const at = text.indexOf(row);
    expect(at).toBeGreaterThan(0);
    expect(
      evidenceMarks(text, [
        { fingerprint: 'a', subject: 't2.penalty.decisions', evidence: row },
        { fingerprint: 'b', subject: 'text:1-5', evidence: row },
        { fingerprint: 'c', subject: 't2', evidence: '不在原文中的句子' },
        { fingerprint: 'd', subject: 't2', evidence: null },
      ]),
    ).toEqual([{ start: at, end: at + row.length, flag: 'a', kind: 'evidence' }]);
  });
});

describe.skipIf(!existsSync(join(BUILD, 'texts', `${YUNCHENG}.txt`)))('rowMarks on the real text of 运城 2022', () => {
  it('finds the printed rows of the three CELL_INFERRED cells (the rows printed with 6 numbers)', async () => {
    const text = readFileSync(join(BUILD, 'texts', `${YUNCHENG}.txt`), 'utf8');
    const db = await openNodeDatabaseOrThrow(BUILD);
    try {
      const flags = flagsFromRows(await db.exec(reportFlagsSql(YUNCHENG)), rowFingerprint).filter((f) => f.rule === 'CELL_INFERRED');
      const marks = rowMarks(text, flags);
      expect(marks).toHaveLength(3);
      const lines = marks.map((m) => text.slice(m.start, m.end));
      expect(lines.map((l) => l.split('\t')[0].replace(/\s/g, '')).sort()).toEqual(['(一)予以公开', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '四、结转下年度继续办理'].sort());
      // Each line holds six numbers: the seventh (自然人) is the one inferred.
      for (const l of lines) expect(l.split('\t').filter((x) => /^\d+$/.test(x.trim()))).toHaveLength(6);
      expect(marks.every((m) => m.kind === 'row')).toBe(true);
    } finally {
      db.close();
    }
  });
  it('marks nothing for a row it cannot find, nor for cells of other reports', () => {
    expect(rowMarks('规章 没有数字的一行', [{ fingerprint: 'a', subject: 't2.regulations.issued' }])).toEqual([]);
    expect(rowMarks('规章\t1\t2\t3', [{ fingerprint: 'a', subject: '5f1f485ee573df5d:t2.regulations.issued' }])).toEqual([]);
    expect(rowMarks('规章\t1\t2\t3', [{ fingerprint: 'a', subject: 't2.regulations.issued;t2.regulations.repealed' }])).toEqual([
      { start: 0, end: 8, flag: 'a', kind: 'row' }, // one mark for the two cells of the same row
    ]);
  });
});
