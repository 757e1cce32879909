/**
 * DEADLINE — a report for year Y must be published by 31 January of Y+1 (an agency's own
 * report) or by 31 March of Y+1 (a county-level or higher people's government's region-wide
 * report). Source: 《政府信息公开条例》第四十九条.
 */
import type { Flag, Report } from '../model/report-schema';
import { REGULATION_SOURCE } from '../model/rule-metadata';
import { ruleFlag, type SingleReportRule } from './rule';

/** The rule DEADLINE (see the file's docstring for what it checks and why). */
export const deadlineRule: SingleReportRule = {
  id: 'DEADLINE',
  version: 1,
  severity: 'error',
  scope: 'single',
  name: '未按时发布（条例第四十九条）',
  source: `${REGULATION_SOURCE}第四十九条`,
  formula: '各部门的报告：次年 1 月 31 日前发布；县级以上地方人民政府的报告：次年 3 月 31 日前发布',
  run: (record) => checkDeadline(record.report),
};

/** The legal deadline (YYYY-MM-DD) for a report of `year` and `kind`. */
export function deadlineFor(year: number, kind: Report['report_kind']): string {
  return kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

/**
 * One `error` flag when the publication date is after the deadline (`difference` = days late);
 * nothing when it is on time or when the date, year or kind is unknown (not evaluable). The date
 * is the one printed at the end of the report, or — when it prints none — the publication date of
 * the page that carried it (`published_on_source` `page`), which the message then names as such.
 */
export function checkDeadline(report: Report): Flag[] {
  if (!report.published_on || report.year === null || !report.report_kind) return [];
  const deadline = deadlineFor(report.year, report.report_kind);
  if (report.published_on <= deadline) return [];
  const days = Math.round((Date.parse(report.published_on) - Date.parse(deadline)) / 86_400_000);
  const who = report.report_kind === 'government' ? '人民政府年度报告，3月31日前' : '部门年度报告，1月31日前';
  return [
    ruleFlag(deadlineRule, {
      report_id: report.report_id,
      subject: ['published_on'],
      expected: deadline,
      actual: report.published_on,
      difference: days,
      message: `${report.published_on_source === 'page' ? '网页发布日期（报告未印日期）' : '发布日期'} ${report.published_on} 晚于《政府信息公开条例》第四十九条规定的期限 ${deadline}（${who}），逾期 ${days} 天。`,
    }),
  ];
}
