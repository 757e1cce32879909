/**
 * TEXT_REUSE — the share of a report's prose repeated from the same agency's previous report.
 * Source: 国办公开办函〔2021〕30号 names 与往年内容雷同 as a defect; provincial assessment rules
 * penalize a report more than half of which repeats the previous year's.
 *
 * Sentences are compared after removing whitespace and replacing digits with #, so that a text
 * copied with only its years and figures updated still counts as repeated.
 */
import { makeFlag } from '../model/make-flag';
import type { Flag, ReportRecord } from '../model/report-schema';
import { proseSentences } from './report-prose';

/** Share above which the rule is raised (more than half). */
export const TEXT_REUSE_THRESHOLD = 0.5;
/** Sentences shorter than this (after normalizing) are headings or boilerplate, not compared. */
const MIN_SENTENCE = 12;

const norm = (s: string) => s.replace(/\s+/g, '').replace(/\d+/g, '#');
/** Numbered headings (（一）主动公开信息情况。, 二、主动公开政府信息情况) are the form's, not the author's. */
const HEADING = /^[（(]?[一二三四五六七八九十\d]+[)）、.．][^。]{0,24}[。]?$/;
const comparable = (s: string) => norm(s).length >= MIN_SENTENCE && !HEADING.test(s.trim());

/**
 * The share (0–1, by characters) of `current`'s prose sentences that also stand in `previous`,
 * and the repeated sentences with their offsets in `current`.
 */
export function reusedShare(current: string, previous: string): { share: number; repeated: Array<{ text: string; start: number; end: number }> } {
  const before = new Set(proseSentences(previous).filter((s) => comparable(s.text)).map((s) => norm(s.text)));
  const sentences = proseSentences(current).filter((s) => comparable(s.text));
  const total = sentences.reduce((a, s) => a + norm(s.text).length, 0);
  const repeated = sentences.filter((s) => before.has(norm(s.text)));
  const same = repeated.reduce((a, s) => a + norm(s.text).length, 0);
  return { share: total ? same / total : 0, repeated };
}

/**
 * A `warning` flag on the year-Y report when more than half of its prose repeats the Y−1 report of
 * the same agency; `actual` is the share (0–1), `expected` the threshold, `evidence` the first
 * repeated sentences. Nothing when either text is empty or the years are not consecutive.
 */
export function checkTextReuse(current: ReportRecord, previous: ReportRecord): Flag[] {
  const y = current.report.year;
  if (y === null || previous.report.year !== y - 1 || !current.text || !previous.text) return [];
  const { share, repeated } = reusedShare(current.text, previous.text);
  if (share <= TEXT_REUSE_THRESHOLD) return [];
  const pct = Math.round(share * 1000) / 10;
  return [
    makeFlag({
      report_id: current.report.report_id,
      rule: 'TEXT_REUSE',
      severity: 'warning',
      subject: repeated.slice(0, 20).map((s) => `text:${s.start}-${s.end}`),
      expected: TEXT_REUSE_THRESHOLD,
      actual: Math.round(share * 1000) / 1000,
      difference: Math.round((share - TEXT_REUSE_THRESHOLD) * 1000) / 1000,
      message: `正文 ${pct}% 的文字与 ${y - 1} 年报告相同（数字不计），超过一半，属"与往年内容雷同"。`,
      evidence: repeated.slice(0, 3).map((s) => s.text).join('\n'),
    }),
  ];
}
