import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../pipeline/ingest-reports';
import { cellRef } from '../model/cell-grid';
import type { ReportRecord } from '../model/report-schema';
import { isCheckFlag } from './apply-corrections';
import { liveIdentities } from './live-identities';
import { buildManualReport, isManualReport, manualEntryProblem, manualFormCells, type ManualReportInput } from './manual-report';
import { makeTranslate } from '../present/i18n/translate';
import { EN } from '../present/i18n/en';

const en = makeTranslate('en', EN);

const corpus = path.resolve(__dirname, '../../data/corpus');
const TODAY = '2026-11-30';

/** The numbers of a parsed record as a person would type them from the printed report (cells with a value). */
function typedFrom(record: ReportRecord): Map<string, number> {
  const form = new Set([...manualFormCells(), ...manualFormCells(true)]);
  const out = new Map<string, number>();
  for (const c of record.cells) if (c.value !== null && form.has(cellRef(c.table, c.row, c.column))) out.set(cellRef(c.table, c.row, c.column), c.value);
  return out;
}

/** A flag as a comparable line: rule, subject, expected, actual. */
const flagLine = (f: ReportRecord['flags'][number]) => `${f.rule} ${f.subject.join(';')} ${f.expected} ${f.actual}`;

describe('a report entered by hand: 淮安市洪泽区人民政府 2023 typed from the printed PDF (data/corpus)', () => {
  let parsed: ReportRecord;
  let manual: ReportRecord;
  let input: ManualReportInput;
  beforeAll(async () => {
    parsed = await ingestFile(path.join(corpus, 'hongze-district-government-2023.pdf'), 'hongze-district-government-2023.pdf');
    input = { agency: '淮安市洪泽区人民政府', year: 2023, publishedOn: parsed.report.published_on, values: typedFrom(parsed) };
    const r = await buildManualReport(input, TODAY);
    if (!r.ok) throw new Error(r.error);
    manual = r.value;
  });

  it('resolves the same agency identity and year, and is marked 手工录入', () => {
    expect(manual.report.agency_key).toBe(parsed.report.agency_key);
    expect(manual.report.agency_name).toBe(parsed.report.agency_name);
    expect(manual.report.year).toBe(2023);
    expect(manual.report.published_on).toBe(parsed.report.published_on);
    expect(manual.report.tables_found).toEqual(['t2', 't3', 't4']);
    expect(isManualReport(manual.report)).toBe(true);
    expect(isManualReport(parsed.report)).toBe(false);
    expect(manual.report.report_id).not.toBe(parsed.report.report_id);
  });

  it('has every typed cell with status manual and its value, the others missing', () => {
    const byRef = new Map(manual.cells.map((c) => [cellRef(c.table, c.row, c.column), c]));
    expect(byRef.get('t3.new_received.total')).toMatchObject({ status: 'manual', value: input.values.get('t3.new_received.total'), raw: null });
    for (const [ref, v] of input.values) expect(byRef.get(ref), ref).toMatchObject({ status: 'manual', value: v });
    for (const c of manual.cells) if (!input.values.has(cellRef(c.table, c.row, c.column))) expect(c).toMatchObject({ status: 'missing', value: null });
  });

  it('gives the identities the parsed report gives (the printed 表四 总计 0 broken the same way)', () => {
    const ids = (r: ReportRecord) => liveIdentities(r.cells).map((x) => `${x.rule} ${x.scope} ${x.totalSum} ${x.partsSum} ${x.difference}`);
    expect(ids(manual)).toEqual(ids(parsed));
    expect(ids(manual)).toContain('T4_TOTAL review 0 11 -11');
  });

  it('names the identities in English for the English editor (issue 10), the numbers unchanged', () => {
    const zh = liveIdentities(manual.cells);
    const english = liveIdentities(manual.cells, en);
    expect(english.map((x) => [x.rule, x.scope, x.difference])).toEqual(zh.map((x) => [x.rule, x.scope, x.difference]));
    expect(zh.find((x) => x.rule === 'T4_TOTAL' && x.scope === 'review')?.label).toBe('表四「行政复议」：总计 = 维持 + 纠正 + 其他 + 尚未审结');
    expect(english.find((x) => x.rule === 'T4_TOTAL' && x.scope === 'review')?.label).toBe('Table 4, “Administrative review”: total = upheld + corrected + other + pending');
    expect(english.find((x) => x.rule === 'T3_BALANCE' && x.scope === 'natural_person')?.label).toBe('Table 3, column “Natural persons”: I + II = III (7) total + IV');
    expect(english.find((x) => x.rule === 'T3_ROW_TOTAL' && x.scope === 'granted')?.label).toBe('Table 3, row “(1) Granted”: total = sum of the applicant columns');
    expect(english.filter((x) => /[\u3400-\u9fff]/.test(x.label))).toEqual([]);
  });

  it('raises the same flags as the parsed report (T4_TOTAL twice, PUBLICATION_DATE_UNKNOWN)', () => {
    const lines = (r: ReportRecord) => r.flags.map(flagLine).sort();
    expect(lines(manual)).toEqual(lines(parsed));
    expect(manual.flags.filter(isCheckFlag).map((f) => f.rule).sort()).toEqual(['PUBLICATION_DATE_UNKNOWN', 'T4_TOTAL', 'T4_TOTAL']);
  });
});

describe('manual entry: required fields and empty cells', () => {
  it('names every missing required field in one sentence', () => {
    expect(manualEntryProblem({ agency: ' ', year: null, publishedOn: null, values: new Map() }, TODAY)).toBe('请填写机关名称、年度、表格中至少一格数字后再保存。');
    expect(manualEntryProblem({ agency: '某某县人民政府', year: 2031, publishedOn: null, values: new Map([['t3.new_received.total', 1]]) }, TODAY)).toMatch(/年度须是 2008 至 2026/);
    expect(manualEntryProblem({ agency: '某某县人民政府', year: 2024, publishedOn: '2025-02-30', values: new Map([['t3.new_received.total', 1]]) }, TODAY)).toMatch(/不是有效日期/);
    expect(manualEntryProblem({ agency: '某某县人民政府', year: 2024, publishedOn: null, values: new Map([['t3.new_received.total', 1.5]]) }, TODAY)).toMatch(/须为整数/);
  });

  it('says the same in English (issue 10)', () => {
    const one = new Map([['t3.new_received.total', 1]]);
    expect(manualEntryProblem({ agency: ' ', year: null, publishedOn: null, values: new Map() }, TODAY, en)).toBe('Fill in Agency name, Year, at least one number in the tables, then save.');
    expect(manualEntryProblem({ agency: '某某县人民政府', year: 2031, publishedOn: null, values: one }, TODAY, en)).toBe('The year must be a whole year from 2008 to 2026; correct it, then save.');
    expect(manualEntryProblem({ agency: '某某县人民政府', year: 2024, publishedOn: '2025-02-30', values: one }, TODAY, en)).toMatch(/^The publication date “2025-02-30” is not a valid date/);
    expect(manualEntryProblem({ agency: '某某县人民政府', year: 2024, publishedOn: null, values: new Map([['t3.new_received.total', 1.5]]) }, TODAY, en)).toBe(
      'Applications for government information received and handled (Table 3), “I. New applications received this year”, “Total” is a count of cases and must be a whole number; correct it, then save.',
    );
  });

  it('keeps an empty input missing (never 0) and the report partial; a filled row total is checked', async () => {
    const values = new Map([
      ['t3.new_received.natural_person', 5],
      ['t3.new_received.commercial', 2],
      ['t3.new_received.research', 0],
      ['t3.new_received.social_welfare', 0],
      ['t3.new_received.legal_service', 0],
      ['t3.new_received.other_org', 0],
      ['t3.new_received.total', 8],
    ]);
    const r = await buildManualReport({ agency: '淮安市洪泽区人民政府', year: 2024, publishedOn: null, values }, TODAY);
    if (!r.ok) throw new Error(r.error);
    const rec = r.value;
    expect(rec.report.status).toBe('partial');
    expect(rec.report.status_message).toMatch(/^手工录入：7 格由人填入；\d+ 格未填（缺失，不按 0 计）/);
    expect(rec.cells.find((c) => c.row === 'carried_over' && c.column === 'research')).toMatchObject({ status: 'missing', value: null });
    expect(rec.cells.filter((c) => c.value === 0).length).toBe(4);
    expect(rec.flags.some((f) => f.rule === 'PUBLICATION_DATE_UNKNOWN')).toBe(true);
    expect(rec.flags.filter((f) => f.rule === 'T3_ROW_TOTAL').map((f) => `${f.expected} ${f.actual}`)).toEqual(['7 8']);
  });

  it('takes a publication date typed in as the printed date, so DEADLINE is evaluated (人民政府的报告：3月31日前，条例第四十九条)', async () => {
    const values = new Map([['t3.new_received.total', 3]]);
    const r = await buildManualReport({ agency: '淮安市洪泽区人民政府', year: 2024, publishedOn: '2025-04-10', values }, TODAY);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.report).toMatchObject({ published_on: '2025-04-10', published_on_source: 'printed' });
    expect(r.value.flags.find((f) => f.rule === 'DEADLINE')).toMatchObject({ expected: '2025-03-31', actual: '2025-04-10' });
    expect(r.value.flags.some((f) => f.rule === 'PUBLICATION_DATE_UNKNOWN')).toBe(false);
  });
});
