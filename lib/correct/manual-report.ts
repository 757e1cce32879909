/**
 * A report entered by hand (手工录入, issue 13): an agency, a year, optionally the publication date,
 * and the form's cells typed by a person → a full record through the same read path as every
 * other record — the form rendered as report text and read by the text parser, the normalizer and
 * the assembly (lib/read/assemble-record.ts readReportText: agency resolution, report row, reading
 * flags), then every cell set to what was typed (status `manual`, raw null) or, when left empty,
 * `missing` (never 0), and the single-report rules and the zod validation run on it
 * (./apply-corrections.ts recheckRecord, the corrections' own re-check). The 2021 form
 * (国办公开办函〔2021〕30号) only. The record's `source_file` starts with 手工录入, which is how
 * the page and its lists tell it from a file's upload.
 */
import { columnLabel, rowLabel, T2_ROWS, T3_COLUMNS, T3_OTHER_HANDLING, T3_ROWS, T4_COLUMNS, T4_ROWS, SECTION_HEADINGS, TABLE_LABELS, type FormKey } from '../model/form-layout';
import { cellRef } from '../model/cell-grid';
import type { Result } from '../model/result';
import type { Cell, Report, ReportRecord } from '../model/report-schema';
import { contentId } from '../read/content-id';
import { readReportText } from '../read/assemble-record';
import { MAX_CORRECTED_VALUE } from './correction';
import { readingFlags, recheckRecord } from './apply-corrections';
import { zhMessage, type MessageTranslate } from './message-text';

/** What a person entered: agency name as it should be printed, year, date (`YYYY-MM-DD` or null), typed cells (`table.row.column` → 件; 万元 for t2 fees.amount). */
export interface ManualReportInput {
  agency: string;
  year: number | null;
  publishedOn: string | null;
  values: ReadonlyMap<string, number>;
}

/** The start of a hand-entered report's `source_file` (and of its status message): 手工录入. */
export const MANUAL_SOURCE_PREFIX = '手工录入';

/** First year of the disclosure regulation's annual reports (条例 2008 年施行). */
const FIRST_YEAR = 2008;

/** Whether a report row was entered by hand (its `source_file` starts with 手工录入). */
export function isManualReport(report: Pick<Report, 'source_file'>): boolean {
  return report.source_file.startsWith(MANUAL_SOURCE_PREFIX);
}

/**
 * The rows of table 三 as entered: the form's 25 rows, or — `otherHandling` — the variant some
 * reports print (洪泽区 2023) with one row （六）其他处理 in place of the three 其他处理 sub-rows.
 */
function t3Rows(otherHandling: boolean): readonly FormKey[] {
  return otherHandling ? [...T3_ROWS.slice(0, 20), T3_OTHER_HANDLING, ...T3_ROWS.slice(23)] : T3_ROWS;
}

/** Whether typed values use the single （六）其他处理 row (any `t3.other_handling.*` cell). */
function usesOtherHandling(values: ReadonlyMap<string, number>): boolean {
  return [...values.keys()].some((ref) => ref.startsWith(`t3.${T3_OTHER_HANDLING.key}.`));
}

/**
 * Every cell of the 2021 form, `table.row.column`, in the form's order: 表二, 表三, 表四;
 * with `otherHandling`, table 三 has the single （六）其他处理 row instead of its three sub-rows.
 */
export function manualFormCells(otherHandling = false): string[] {
  return [
    ...T2_ROWS.flatMap((r) => r.columns.map((c) => cellRef('t2', r.key, c))),
    ...t3Rows(otherHandling).flatMap((r) => T3_COLUMNS.map((c) => cellRef('t3', r.key, c.key))),
    ...T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => cellRef('t4', r.key, c.key))),
  ];
}

/** A cell's name, e.g. `收到和处理政府信息公开申请情况（表三）「本年新收政府信息公开申请数量」「总计」` (in English with an English `t`). */
function cellName(ref: string, t: MessageTranslate): string {
  const [table, row, column] = ref.split('.') as [keyof typeof TABLE_LABELS, string, string];
  return t('{{table}}「{{row}}」「{{column}}」', { table: t(TABLE_LABELS[table]), row: t(rowLabel(table, row)), column: t(columnLabel(table, column)) });
}

/** Whether `date` is a real calendar date `YYYY-MM-DD`. */
function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** The first typed value no cell may hold, as a sentence in the language of `t`, or null. */
function valueProblem(values: ReadonlyMap<string, number>, t: MessageTranslate): string | null {
  const form = new Set(manualFormCells(usesOtherHandling(values)));
  for (const [ref, v] of values) {
    if (!form.has(ref)) return t('{{ref}} 不是 2021 年版表格中的单元格，请刷新页面后重新录入。', { ref });
    if (!Number.isFinite(v) || v < 0 || v > MAX_CORRECTED_VALUE)
      return t('{{cell}} 填的 {{value}} 不是表格能容纳的数（须为 0 至 12 位的非负数），请改正后再保存。', { cell: cellName(ref, t), value: v });
    if (ref !== 't2.fees.amount' && !Number.isInteger(v)) return t('{{cell}} 是件数，须为整数，请改正后再保存。', { cell: cellName(ref, t) });
  }
  return null;
}

/**
 * What keeps the input from being saved, as one Chinese sentence naming the required fields that
 * are missing (机关名称, 年度, at least one cell) or the first wrong value; null when it can be built.
 * @param today `YYYY-MM-DD` (UTC) to refuse a year or a publication date in the future
 * @param t the sentence's language (lib/present/i18n; Chinese by default)
 */
export function manualEntryProblem(input: ManualReportInput, today: string = new Date().toISOString().slice(0, 10), t: MessageTranslate = zhMessage): string | null {
  const thisYear = Number(today.slice(0, 4));
  const missing = [
    input.agency.trim() ? null : '机关名称',
    input.year === null ? '年度' : null,
    input.values.size ? null : '表格中至少一格数字',
  ].filter((x): x is string => x !== null);
  if (missing.length) return t('请填写{{fields}}后再保存。', { fields: missing.map((m) => t(m)).join(t('、')) });
  if (!Number.isInteger(input.year) || input.year! < FIRST_YEAR || input.year! > thisYear)
    return t('年度须是 {{from}} 至 {{to}} 之间的整数年份，请改正后再保存。', { from: FIRST_YEAR, to: thisYear });
  if (input.publishedOn !== null && !isCalendarDate(input.publishedOn))
    return t('发布日期「{{date}}」不是有效日期，请按 年-月-日 填写（如 2024-01-31）或留空。', { date: input.publishedOn });
  if (input.publishedOn !== null && input.publishedOn > today) return t('发布日期 {{date}} 晚于今天，请改正或留空。', { date: input.publishedOn });
  if (/[\r\n\t|]/.test(input.agency)) return t('机关名称中不能有换行、制表符或竖线，请改正后再保存。');
  return valueProblem(input.values, t);
}

/** The printed date line `2024年1月31日` of a `YYYY-MM-DD` date. */
function printedDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The form as report text in the seeds' tab-separated layout (lib/synth/render-report-text.ts
 * `tabs`): title, the six section headings, tables 二, 三 and 四, the date line. A cell not typed is
 * printed as `empty` (the reader needs a number in every field to place the others; the cell is
 * then set `missing` by {@link buildManualReport}, so nothing of `empty` survives).
 */
export function manualReportText(input: ManualReportInput, empty = '0'): string {
  const v = (ref: string) => (input.values.has(ref) ? String(input.values.get(ref)) : empty);
  const t2: string[] = ['信息内容\t本年制发件数\t本年废止件数\t现行有效件数'];
  for (const row of T2_ROWS) {
    if (row.key === 'licensing') t2.push('信息内容\t本年处理决定数量');
    if (row.key === 'fees') t2.push('信息内容\t本年收费金额（单位：万元）');
    t2.push([row.label, ...row.columns.map((c) => v(cellRef('t2', row.key, c)))].join('\t'));
  }
  const t3 = ['(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t申请人情况', ['', ...T3_COLUMNS.map((c) => c.label)].join('\t')];
  for (const row of t3Rows(usesOtherHandling(input.values))) t3.push([row.label, ...T3_COLUMNS.map((c) => v(cellRef('t3', row.key, c.key)))].join('\t'));
  const t4 = ['行政复议\t\t\t\t\t行政诉讼', T4_COLUMNS.map((c) => c.label).join('\t'), T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => v(cellRef('t4', r.key, c.key)))).join('\t')];
  return [
    input.agency.trim(),
    '',
    `${input.year}年政府信息公开工作年度报告`,
    '',
    SECTION_HEADINGS.overview,
    `本报告由人在看板中按国办公开办函〔2021〕30号的表格逐格录入（${MANUAL_SOURCE_PREFIX}），正文未录入。`,
    '',
    SECTION_HEADINGS.proactive,
    ...t2,
    '',
    SECTION_HEADINGS.applications,
    ...t3,
    '',
    SECTION_HEADINGS.review_litigation,
    ...t4,
    '',
    SECTION_HEADINGS.problems,
    '',
    SECTION_HEADINGS.other,
    '',
    ...(input.publishedOn ? [input.agency.trim(), printedDate(input.publishedOn)] : []),
  ].join('\n');
}

/** The record's cells as typed: `manual` with the number, or `missing` (value and raw null). */
function typedCells(cells: readonly Cell[], values: ReadonlyMap<string, number>): Cell[] {
  return cells.map((c) => {
    const v = values.get(cellRef(c.table, c.row, c.column));
    return v === undefined ? { ...c, value: null, status: 'missing', raw: null, note: null, confidence: null } : { ...c, value: v, status: 'manual', raw: null, note: null, confidence: null };
  });
}

/**
 * Builds the record of a hand-entered report. Never throws.
 * @returns ok with the validated record — `source_file` `手工录入 <agency> <year>年度`, id the
 *   SHA-256 prefix of the rendered text (the same entry twice has the same id), cells `manual` /
 *   `missing`, status `ok` when every cell was typed, else `partial` with a message counting the
 *   empty cells, the reading flags (AGENCY_UNRESOLVED) and the single-report rules' flags; or a
 *   Chinese sentence saying what to fill in or correct ({@link manualEntryProblem}), or that the
 *   form could not be read back (a defect of this tool). `t` is the language of that sentence
 *   (lib/present/i18n; Chinese by default); the record itself (status message) stays Chinese.
 */
export async function buildManualReport(input: ManualReportInput, today?: string, t: MessageTranslate = zhMessage): Promise<Result<ReportRecord, string>> {
  const problem = manualEntryProblem(input, today, t);
  if (problem) return { ok: false, error: problem };
  const text = manualReportText(input);
  const id = await contentId(new TextEncoder().encode(text));
  const name = `${MANUAL_SOURCE_PREFIX} ${input.agency.trim()} ${input.year}年度`;
  const read = readReportText(text, name, id);
  const r = read.report;
  const expected = manualFormCells(usesOtherHandling(input.values)).length;
  if (r.tables_found.length !== 3 || r.year !== input.year || read.cells.length !== expected) {
    return { ok: false, error: t('录入的表格没能按年报格式读回（读到 {{read}} 格，应为 {{expected}} 格）。这是本工具的缺陷，请报告。', { read: read.cells.length, expected }) };
  }
  const cells = typedCells(read.cells, input.values);
  const empty = cells.filter((c) => c.status === 'missing').length;
  const message = [`${MANUAL_SOURCE_PREFIX}：${cells.length - empty} 格由人填入`, empty ? `${empty} 格未填（缺失，不按 0 计）` : '', ...r.status_message.split('；').filter((m) => m.startsWith('机关名称'))].filter(Boolean).join('；');
  const record: ReportRecord = {
    report: { ...r, status: empty ? 'partial' : 'ok', status_message: message },
    cells,
    flags: readingFlags(read.flags).filter((f) => !f.rule.startsWith('CELL_') && f.rule !== 'TABLE_MISSING'),
    text: manualReportText(input, ''),
  };
  return recheckRecord(record);
}
