/**
 * flagText (issue 10): Chinese returns the stored message unchanged; English composes a sentence
 * per rule from the flag's fields. Real flags: the seeds of data/seeds read by the real ingest and
 * checked (with one misprint each for the arithmetic rules), and data/build/flags.csv when built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecord } from '../../../tests/seed-records';
import { withCell } from '../../../tests/check-test-kit';
import { checkT4Total } from '../../checks/check-t4-total';
import { checkT3Balance } from '../../checks/check-t3-balance';
import { checkDeadline } from '../../checks/check-deadline';
import { checkCellBlank } from '../../checks/check-cell-blank';
import { checkT2Values } from '../../checks/check-t2-values';
import { checkNarrativeMatch } from '../../checks/check-narrative-match';
import { checkCarryoverContinuity } from '../../checks/check-carryover-continuity';
import { implausibleFlags } from '../../normalize/flag-implausible-values';
import { readT2, readT3 } from '../../normalize/build-table-cells';
import { groupRows, tokenizeSection } from '../../parse/tokenize-table-text';
import { ingestFile } from '../../pipeline/ingest-reports';
import { flagValueText } from '../rule-catalogue';
import { readReportText } from '../../read/assemble-record';
import { readReport } from '../../read/read-report';
import { markOcrCells, withOcrVerdict } from '../../read/ocr-cells';
import { runChecks } from '../../checks/run-checks';
import { RULES } from '../../checks/rule-registry';
import { cellRefText, flagText, hasFlagSentence, subjectText } from './flag-text';
import { EN_RULES } from './en/rules';
import { EN_REVIEW } from './en/review';
import { makeTranslate, zhT, type Translate } from './translate';

/** This area's English (the form's labels are another helper's dictionary, en/form.ts). */
const EN = { ...EN_RULES, ...EN_REVIEW };
const en = makeTranslate('en', EN);
const HAN = /[\u3400-\u9fff]/;
const linzi = await seedRecord(SEEDS.linziOffice2023);

describe('flagText in Chinese', () => {
  it('is the stored message, unchanged, for every flag of the seeds', async () => {
    for (const name of Object.values(SEEDS)) {
      const record = runChecks(await seedRecord(name));
      for (const f of record.flags) expect(flagText(f, 'zh', zhT)).toBe(f.message);
    }
  });
});

describe('flagText in English', () => {
  it('has a sentence for every registered rule', () => {
    expect(RULES.filter((r) => !hasFlagSentence(r.id)).map((r) => r.id)).toEqual([]);
  });
  it('T4_TOTAL on 临淄区政府办 2023 with 行政复议 总计 misprinted as 3: the numbers and what to do', () => {
    const [f] = checkT4Total(linzi.report.report_id, withCell(linzi.cells, 't4', 'review', 'total', { value: 3 }));
    const s = flagText(f, 'en', en);
    expect(s).toContain('Table 4');
    expect(s).toContain('the printed total is 3');
    expect(s).toContain('pending = 2');
    expect(s).toContain('(difference 1)');
    expect(s).toMatch(/Check the row against the original\.$/);
    expect(flagText(f, 'zh', zhT)).toBe(f.message);
  });
  it('T3_BALANCE with 本年新收 总计 misprinted (27 → 30): both sides and the difference', () => {
    const flags = checkT3Balance(linzi.report.report_id, withCell(linzi.cells, 't3', 'new_received', 'total', { value: 30 }));
    expect(flags).toHaveLength(1);
    const s = flagText(flags[0], 'en', en);
    expect(s).toContain('new this year + carried over = 36');
    expect(s).toContain('total handled + carried forward = 33');
    // The gap the way the Chinese states it: 第一项+第二项 − (第三项+第四项) = 3 (R1 S5).
    expect(flags[0].message).toContain('第一项+第二项 − (第三项+第四项) = 3');
    expect(s).toContain('(new this year + carried over) − (total handled + carried forward) = 3.');
    // A misread digit can cause it: no blame on the agency (R1 M2).
    expect(s).not.toMatch(/agency/i);
    expect(s).toMatch(/Check the table against the original\.$/);
  });
  it('the seeds\' own flags: a sentence in English with no Chinese outside the form\'s labels', async () => {
    const seen = new Set<string>();
    for (const name of Object.values(SEEDS)) {
      const record = runChecks(await seedRecord(name));
      for (const f of record.flags) {
        seen.add(f.rule);
        const s = flagText(f, 'en', withFormLabels);
        expect(s, `${f.rule}: ${s}`).not.toMatch(HAN);
        expect(s.length).toBeGreaterThan(20);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });
  it('a rule this version does not know: its id and the numbers', () => {
    expect(flagText({ rule: 'NEW_RULE', message: '新规则', subject: null, expected: 5, actual: 7, difference: 2 }, 'en', en)).toBe(
      'NEW_RULE; expected 5; printed 7; difference 2.',
    );
  });
});

/** `en`, with a stand-in (`LABEL`) for each form label still Chinese (their English is en/form.ts, another area's). */
const withFormLabels: Translate = (zh, vars) => {
  const s = en(zh, vars);
  return HAN.test(s) ? 'LABEL' : s;
};

describe('cell references in English', () => {
  it('names the table and keeps the form labels for t', () => {
    expect(cellRefText('t4.review.total', 'en', makeTranslate('en', { ...EN, 表四: 'Table 4', 行政复议: 'Administrative review', 总计: 'Total' }))).toBe(
      'Table 4 · Administrative review · Total',
    );
    expect(cellRefText('t3.new_received.total', 'zh', zhT)).toBe('表三·本年新收政府信息公开申请数量·总计');
  });
  it('cuts more than three cells to three and a count', () => {
    const subject = 't4.review.total;t4.review.upheld;t4.review.corrected;t4.review.other;t4.review.pending';
    expect(subjectText(subject, 'zh', zhT)).toMatch(/ 等 5 处$/);
    expect(subjectText(subject, 'en', en)).toMatch(/ and more \(5 in all\)$/);
  });
});

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FLAGS_CSV = join(ROOT, 'data/build/flags.csv');

describe.skipIf(!existsSync(FLAGS_CSV))('the flags of data/build', () => {
  const rows = Papa.parse<Record<string, string>>(readFileSync(FLAGS_CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const flag = (r: Record<string, string>) => ({
    rule: r.rule,
    message: r.message,
    subject: r.subject,
    expected: r.expected === '' ? null : r.expected,
    actual: r.actual === '' ? null : r.actual,
    difference: r.difference === '' ? null : Number(r.difference),
  });
  it('Chinese: the message as stored; English: a sentence per flag without the agency name', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(flagText(flag(r), 'zh')).toBe(r.message);
      const s = flagText(flag(r), 'en', en);
      expect(s).not.toBe(r.message);
      if (r.rule === 'AGENCY_UNRESOLVED') expect(s).not.toContain(r.actual);
    }
  });
  it('NARRATIVE_MATCH: the stated and the tabled numbers', () => {
    const r = rows.find((x) => x.rule === 'NARRATIVE_MATCH');
    if (!r) return;
    const s = flagText(flag(r), 'en', en);
    expect(s).toMatch(new RegExp(`^The text states [a-z][^:]*: ${r.actual} cases?; the table gives ${r.expected} cases?`));
    if (r.message.includes('空白处按各类申请人之和计')) expect(s).toContain('(blank totals counted as the sum of the applicant types)');
  });
  it('CELL_MISSING for rows not found (未读到): says the rows were not found, not that a row was short (R1 S1)', () => {
    const r = rows.find((x) => x.rule === 'CELL_MISSING' && x.message.includes('未读到'));
    if (!r) return;
    const s = flagText(flag(r), 'en', en);
    expect(s).toMatch(/^Table [234]: rows? .* not found; (their|its) cells are marked missing\./);
    expect(s).toContain('expected if the original prints only part of the table');
    expect(s).not.toContain('fewer numbers');
  });
  it('PUBLICATION_DATE_UNKNOWN: what to do', () => {
    const r = rows.find((x) => x.rule === 'PUBLICATION_DATE_UNKNOWN');
    if (!r) return;
    expect(flagText(flag(r), 'en', en)).toMatch(/Regulations Art\. 49.*use the date of the publishing web page\.$/);
  });
});

/** The reader's rows of a table's text (as lib/normalize/build-table-cells.test.ts makes them). */
const tableRows = (text: string, columns: number) => groupRows(tokenizeSection(text), columns);
const corpusFile = (name: string) => join(ROOT, 'data/corpus', name);

describe('flagText in English says what the Chinese says (R1 review)', () => {
  it('VALUE_IMPLAUSIBLE: the printed value exactly as printed, never rounded or given separators (M1)', () => {
    const raw = '12345678901234567890';
    const cells = withCell(linzi.cells, 't3', 'granted', 'total', { value: null, status: 'invalid', raw });
    const [f] = implausibleFlags(linzi.report.report_id, cells.filter((c) => c.table === 't3')).flags;
    expect(f.message).toContain(`印出「${raw.slice(0, 24)}」`);
    const s = flagText(f, 'en', en);
    expect(s).toContain(`"${raw}"`);
    expect(s).toContain('which has more than 12 digits');
    expect(s).not.toMatch(/\d,\d/);
    // A value the quoting cut keeps its cut and its length in English.
    const long = '9'.repeat(30);
    const [g] = implausibleFlags('r', withCell(linzi.cells, 't3', 'granted', 'total', { value: null, status: 'invalid', raw: long }).filter((c) => c.table === 't3')).flags;
    expect(flagText(g, 'en', en)).toContain(`"${'9'.repeat(24)}… (30 characters in all)"`);
  });
  it('DEADLINE: keeps the hedge when the date is the web page\'s, names the deadline, 1 day / N days (M3)', () => {
    const report = { ...linzi.report, year: 2023, report_kind: 'government' as const };
    const [page] = checkDeadline({ ...report, published_on: '2024-04-05', published_on_source: 'page' });
    expect(page.message.startsWith('网页发布日期（报告未印日期）')).toBe(true);
    expect(flagText(page, 'en', en)).toBe(
      "The publishing web page is dated 2024-04-05 (the report prints no date), after the deadline of Regulations Art. 49 (2024-03-31; a people's government's annual report: by 31 March): 5 days late.",
    );
    const [printed] = checkDeadline({ ...report, report_kind: 'department', published_on: '2024-02-01', published_on_source: 'printed' });
    expect(printed.message.startsWith('发布日期')).toBe(true);
    expect(flagText(printed, 'en', en)).toBe(
      "Published on 2024-02-01, after the deadline of Regulations Art. 49 (2024-01-31; a department's annual report: by 31 January): 1 day late.",
    );
  });
  it('CELL_MISSING: a short row, rows not found, and a gap the identities cannot place each get their own cause (S1)', () => {
    const t2 = readT2('r', tableRows('| 规章 | 22 |\n| 行政规范性文件 | 34 | 1 | 189 |', 3), '2021');
    const short = t2.flags.find((f) => f.message.includes('行只读到'))!;
    expect(flagText(short, 'en', withFormLabels)).toBe(
      'Table 2, row "LABEL": only 1 number read (3 due) (printed: 22); filled in from left to right, the other 2 cells marked missing. Check against the original.',
    );
    const notFound = t2.flags.find((f) => f.message.includes('未读到'))!;
    expect(flagText(notFound, 'en', withFormLabels)).toBe(
      'Table 2: rows "LABEL", "LABEL", "LABEL", "LABEL" (4 rows) not found; their cells are marked missing. Check against the original (expected if the original prints only part of the table).',
    );
    const t3 = readT3('r', tableRows('| 一、本年新收政府信息公开申请数量 | 3746 | 63 | 0 | 0 | 19 | 3830 |', 7));
    const gap = t3.flags.find((f) => f.message.includes('勾稽关系不足以确定'))!;
    expect(flagText(gap, 'en', withFormLabels)).toBe(
      'Table 3, row "LABEL": only 6 numbers printed (7 due) (printed: 3746 63 0 0 19 3830); the form\'s identities are not enough to tell which cell is missing, so for now "LABEL" is marked missing, going by the layout. Check against the original.',
    );
    const manyRows = t3.flags.find((f) => f.message.includes('未读到'))!;
    expect(flagText(manyRows, 'en', withFormLabels)).toMatch(/^Table 3: rows "LABEL", "LABEL", "LABEL" and others, 24 rows not found;/);
  });
  it('CELL_BLANK: undetermined, conflicting (ask for the number, not whether it is 0) and the per-table counts (S2)', async () => {
    const [one] = checkCellBlank(linzi);
    expect(flagText(one, 'en', withFormLabels)).toBe(
      'LABEL · LABEL · LABEL: printed blank, and the form\'s identities cannot determine its value. Ask the agency whether this cell is 0 or left out.',
    );
    const science = await ingestFile(corpusFile('shanghai-science-commission-2024.md'), 'shanghai-science-commission-2024.md');
    const cells = science.cells.map((c) => (c.table === 't3' && c.row === 'carried_forward' && c.column === 'natural_person' ? { ...c, value: 2, raw: '2' } : c));
    const [conflict] = checkCellBlank({ ...science, cells });
    expect(conflict.message).toContain('互相矛盾');
    const s = flagText(conflict, 'en', withFormLabels);
    expect(s).toContain("the form's identities give conflicting values for it. Ask the agency for this cell's number.");
    expect(s).not.toContain('is 0 or left out');
    const [determined] = checkCellBlank(science);
    expect(flagText(determined, 'en', withFormLabels)).toBe("LABEL · LABEL · LABEL: printed blank; the form's identities give 1. Check against the original and fill in 1.");
    const trial = await ingestFile(corpusFile('shanghai-government-office-2019-condensed.html'), 'shanghai-government-office-2019-condensed.html');
    const t3 = checkCellBlank(trial).find((f) => f.subject[0].startsWith('t3.'))!;
    const m = /有 (\d+) 格印为空白.*其中 (\d+) 格可以确定（(\d+) 格应为 0.*其余 (\d+) 格不能确定/.exec(t3.message)!;
    const t = flagText(t3, 'en', withFormLabels);
    expect(t).toContain(`${m[1]} cells of Table 3: printed blank`);
    expect(t).toContain(`${m[2]} of them can be determined (${m[3]} should be 0`);
    expect(t).toContain(`the other ${m[4]} cannot`);
  });
  it('T2_VALUES: the clause of the column (a change may be negative) and the value as printed (S3)', () => {
    // The 2019 trial form's 本年增/减 (items_change) may be negative; a fraction is the fault.
    const t2Cell = linzi.cells.find((c) => c.table === 't2')!;
    const [change] = checkT2Values('r', [{ ...t2Cell, row: 'licensing', column: 'items_change', value: -1.5, raw: '-1.5' }]);
    expect(change.message).toContain('增减数应为整数');
    expect(flagText(change, 'en', withFormLabels)).toBe('LABEL · LABEL · LABEL: printed as -1.5; a change must be a whole number.');
    const [count] = checkT2Values('r', withCell(linzi.cells, 't2', 'regulations', 'issued', { value: 1.123456, raw: '1.123456' }));
    expect(flagText(count, 'en', withFormLabels)).toBe('LABEL · LABEL · LABEL: printed as 1.123456; a count must be a non-negative whole number.');
    expect(flagText({ ...count, message: '' }, 'en', withFormLabels)).toContain('printed as 1.123456;');
  });
  it('NARRATIVE_MATCH: names the quantity and keeps the note on blank totals (S4)', () => {
    const text = `${linzi.text}\n本机关全年予以公开及部分公开申请 99 件。`;
    const flags = checkNarrativeMatch(linzi.report, linzi.cells, text).filter((f) => f.message.includes('予以公开及部分公开'));
    expect(flags).toHaveLength(1);
    const s = flagText(flags[0], 'en', en);
    expect(s).toMatch(/^The text states granted and partially granted \(Table 3, III \(1\) \+ III \(2\)\): 99 cases; the table gives \d+ cases?; the two disagree\./);
    const blank = { ...flags[0], message: flags[0].message.replace('，二者不一致', '（总计列空白处按各类申请人之和计），二者不一致') };
    expect(flagText(blank, 'en', en)).toContain('(blank totals counted as the sum of the applicant types)');
  });
  it('CELL_AMBIGUOUS: digits run together vs. spaced thousands, each with its readings (real 平潭 and 上海 texts)', async () => {
    const capture = readFileSync(corpusFile('pingtan-public-security-bureau-2024.txt'), 'utf8');
    const run = readReportText(capture.replace('规章000', '规章1235'), 'pingtan.txt', 'pt').flags.find((f) => f.rule === 'CELL_AMBIGUOUS')!;
    expect(run.message).toContain('「1 2 35」或「1 23 5」或「12 3 5」');
    expect(flagText(run, 'en', withFormLabels)).toBe(
      '3 cells of Table 2: digits printed run together as "1235"; how to split them into 3 cells cannot be told (possible readings "1 2 35" or "1 23 5" or "12 3 5"); these cells are marked missing. Check the original and choose the reading.',
    );
    const shanghai = readFileSync(corpusFile('shanghai-government-office-2025.md'), 'utf8').replace(
      '| 一、本年新收政府信息公开申请数量 | 1259 | 36 | 0 | 0 | 0 | 0 | 1295 |',
      '一、本年新收政府信息公开申请数量 1 259 36 100 0 0 0 1 295',
    );
    const out = await readReport(new TextEncoder().encode(shanghai), 'shanghai-government-office-2025.md');
    const record = out.ok ? out.value : out.error.record;
    const spaced = record.flags.find((f) => f.rule === 'CELL_AMBIGUOUS' && f.subject.includes('t3.new_received.total'))!;
    expect(spaced.message).toContain('千位分隔');
    const s = flagText(spaced, 'en', withFormLabels);
    expect(s).toMatch(/^7 cells of Table 3: 9 numbers printed \(7 due\); some of the space-separated numbers may be one number with a thousands separator/);
    expect(s).toContain('"1,259 36 100 0 0 0 1,295"');
    expect(s).not.toMatch(HAN);
  });
  it('OCR_READ and OCR_UNCERTAIN: the count of cells and why each table could not be confirmed', () => {
    const flags = withOcrVerdict(markOcrCells({ ...linzi, flags: [] }, [])).flags;
    const texts = flags.map((f) => flagText(f, 'en', withFormLabels));
    // 临淄区政府办 2023 as if OCR had read it: 表二 (no identity) and 表四 held back, 表三 accepted.
    expect(flags.map((f) => f.rule)).toEqual(['OCR_UNCERTAIN', 'OCR_READ', 'OCR_UNCERTAIN']);
    expect(flags.length).toBeGreaterThan(0);
    for (const [i, f] of flags.entries()) {
      if (f.message.includes('表二没有勾稽关系')) expect(texts[i]).toContain('(Table 2 has no identity to check the OCR reading against)');
      if (f.message.includes('分项和总计被同样误读')) expect(texts[i]).toContain("each cell of Table 4 is only in its row's total identity");
      if (f.rule === 'OCR_READ') expect(texts[i]).toMatch(new RegExp(`read by OCR \\(${/读出 (\d+) 格/.exec(f.message)![1]} cells\\)`));
      expect(texts[i]).not.toMatch(HAN);
    }
  });
  it('plurals: 1 case, 1 day, 1 number', () => {
    const one = { rule: 'CARRYOVER_CONTINUITY', message: '', subject: ['t3.carried_over.total'], expected: 1, actual: 2 };
    expect(flagText(one, 'en', en)).toContain('"carried forward to next year" as 1 case;');
    expect(flagText(one, 'en', en)).toContain('"carried over" as 2 cases,');
    expect(flagValueText('CELL_INFERRED', 't3.granted.natural_person', 'expected', '1', en)).toBe('1 case');
  });
});
