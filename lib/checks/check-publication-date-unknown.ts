/**
 * PUBLICATION_DATE_UNKNOWN — the report prints no date, so DEADLINE (条例第四十九条) cannot be
 * evaluated from the report itself. Severity info: the date may be known from the page that
 * published it.
 */
import type { Flag, Report } from '../model/report-schema';
import { REGULATION_SOURCE } from '../model/rule-metadata';
import { ruleFlag, type SingleReportRule } from './rule';

/** The rule PUBLICATION_DATE_UNKNOWN (see the file's docstring for what it checks and why). */
export const publicationDateUnknownRule: SingleReportRule = {
  id: 'PUBLICATION_DATE_UNKNOWN',
  version: 1,
  severity: 'info',
  scope: 'single',
  name: '报告未印发布日期，无法核对发布期限',
  source: `${REGULATION_SOURCE}第四十九条（发布期限）`,
  formula: '报告末尾应印有发布日期（年月日），才能据报告本身核对发布期限',
  run: (record) => checkPublicationDateUnknown(record.report),
};

/** An `info` flag for a readable report with no printed publication date; nothing otherwise. */
export function checkPublicationDateUnknown(report: Report): Flag[] {
  if (report.published_on || (report.status !== 'ok' && report.status !== 'partial')) return [];
  return [
    ruleFlag(publicationDateUnknownRule, {
      report_id: report.report_id,
      subject: ['published_on'],
      message: '报告末尾未印发布日期，无法据报告本身判断是否按《政府信息公开条例》第四十九条按时发布；如需核查，请以发布网页的日期为准。',
    }),
  ];
}
