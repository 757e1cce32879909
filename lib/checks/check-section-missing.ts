/**
 * SECTION_MISSING — one of the six sections the form requires is absent (一 总体情况 … 六 其他需要
 * 报告的事项). Source: 条例第五十条 (required contents) and the 2021 form's outline.
 */
import { SECTION_HEADINGS } from '../model/form-layout';
import { makeFlag } from '../model/make-flag';
import type { Flag, Report, SectionKey } from '../model/report-schema';


/** One `warning` flag per section whose heading was not found in a readable report. */
export function checkSectionMissing(report: Report): Flag[] {
  if (report.status !== 'ok' && report.status !== 'partial') return [];
  return (Object.keys(SECTION_HEADINGS) as SectionKey[])
    .filter((k) => !report.sections_found.includes(k))
    .map((k) =>
      makeFlag({
        report_id: report.report_id,
        rule: 'SECTION_MISSING',
        severity: 'warning',
        subject: [`section.${k}`],
        message: `未找到章节「${SECTION_HEADINGS[k]}」（条例第五十条要求的内容）；若该章节以其他标题出现，请对照原文核实。`,
      }),
    );
}
