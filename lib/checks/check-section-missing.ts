/**
 * SECTION_MISSING — one of the six sections the form requires is absent (一 总体情况 … 六 其他需要
 * 报告的事项). Source: 条例第五十条 (required contents) and the 2021 form's outline.
 */
import { SECTION_HEADINGS } from '../model/form-layout';
import type { Flag, Report, SectionKey } from '../model/report-schema';
import { FORM_2021_SOURCE, REGULATION_SOURCE } from '../model/rule-metadata';
import { ruleFlag, type SingleReportRule } from './rule';

/** The rule SECTION_MISSING (see the file's docstring for what it checks and why). */
export const sectionMissingRule: SingleReportRule = {
  id: 'SECTION_MISSING',
  version: 1,
  severity: 'warning',
  scope: 'single',
  name: '报告缺少规定的部分（条例第五十条）',
  source: `${REGULATION_SOURCE}第五十条；${FORM_2021_SOURCE}的报告提纲`,
  formula: '报告应有六个部分：总体情况、主动公开、收到和处理申请、行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项',
  run: (record) => checkSectionMissing(record.report),
};


/** One `warning` flag per section whose heading was not found in a readable report. */
export function checkSectionMissing(report: Report): Flag[] {
  if (report.status !== 'ok' && report.status !== 'partial') return [];
  return (Object.keys(SECTION_HEADINGS) as SectionKey[])
    .filter((k) => !report.sections_found.includes(k))
    .map((k) =>
      ruleFlag(sectionMissingRule, {
        report_id: report.report_id,
        subject: [`section.${k}`],
        message: `未找到章节「${SECTION_HEADINGS[k]}」（条例第五十条要求的内容）；若该章节以其他标题出现，请对照原文核实。`,
      }),
    );
}
