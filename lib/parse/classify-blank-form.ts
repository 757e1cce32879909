/**
 * The unfilled official form (国办公开办函〔2021〕30号's template, or the 2019 trial one) is no
 * agency's report: a file whose tables were found but whose every cell is printed empty, and whose
 * title names no agency, gets status `blank_form` and a message saying so. Its cells are kept
 * (nothing is lost), but the views leave it out (lib/store/facts.ts) and an upload of it is
 * refused with the message (lib/upload).
 */
import type { ReportRecord } from '../model/report-schema';

/** The message of a `blank_form` record (one sentence: what it is, what to do), naming the file. */
export function blankFormMessage(sourceFile: string): string {
  return `${sourceFile}：这是未填写的空白年报表格（各表格单元格均为空白，标题中没有机关名称），不是某个机关的年报，未计入统计；请改用填好数据的年度报告。`;
}

/**
 * Whether a parsed record is the unfilled form: no agency read, at least one table found, at
 * least one cell, and every cell `blank` (printed empty — not 0, not a placeholder). A report of a
 * named agency with empty tables is not a blank form (it stays `partial`, its blanks are facts).
 */
export function isBlankForm(record: ReportRecord): boolean {
  const { report, cells } = record;
  return report.agency === null && report.tables_found.length > 0 && cells.length > 0 && cells.every((c) => c.status === 'blank');
}

/**
 * The record with status `blank_form` and {@link blankFormMessage} when {@link isBlankForm}; else
 * the record unchanged. Pure, never throws.
 */
export function classifyBlankForm(record: ReportRecord): ReportRecord {
  if (!isBlankForm(record)) return record;
  return { ...record, report: { ...record.report, status: 'blank_form', status_message: blankFormMessage(record.report.source_file) } };
}
