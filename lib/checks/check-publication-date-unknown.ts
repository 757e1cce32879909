/**
 * PUBLICATION_DATE_UNKNOWN — the report prints no date, so DEADLINE (条例第四十九条) cannot be
 * evaluated from the report itself. Severity info: the date may be known from the page that
 * published it.
 */
import { makeFlag } from '../model/make-flag';
import type { Flag, Report } from '../model/report-schema';

/** An `info` flag for a readable report with no printed publication date; nothing otherwise. */
export function checkPublicationDateUnknown(report: Report): Flag[] {
  if (report.published_on || (report.status !== 'ok' && report.status !== 'partial')) return [];
  return [
    makeFlag({
      report_id: report.report_id,
      rule: 'PUBLICATION_DATE_UNKNOWN',
      severity: 'info',
      subject: ['published_on'],
      message: '报告末尾未印发布日期，无法据报告本身判断是否按《政府信息公开条例》第四十九条按时发布；如需核查，请以发布网页的日期为准。',
    }),
  ];
}
