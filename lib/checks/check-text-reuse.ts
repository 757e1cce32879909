/**
 * TEXT_REUSE — the share of a report's prose repeated from the same agency's previous report.
 * Source: 国办公开办函〔2021〕30号 names 与往年内容雷同 as a defect; provincial assessment rules
 * penalize a report more than half of which repeats the previous year's.
 *
 * Sentences are compared after removing whitespace and replacing digits with #, so that a text
 * copied with only its years and figures updated still counts as repeated; numbered headings and
 * sentences under 12 characters are not compared.
 */
import type { Flag } from '../model/report-schema';
import { proseDigest, type CrossYearInput, type DigestSentence } from './cross-year-input';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import { ruleFlag, type CrossYearRule } from './rule';

/** The rule TEXT_REUSE (see the file's docstring for what it checks and why). */
export const textReuseRule: CrossYearRule = {
  id: 'TEXT_REUSE',
  version: 1,
  severity: 'warning',
  scope: 'cross-year',
  name: '与往年报告内容雷同',
  source: `${FORM_2021_SOURCE}列明的“与往年内容雷同”问题；各省考核办法`,
  formula: '与同一机关上一年度报告重复的正文比例 ≤ 50%（数字和年份不计）',
  run: checkTextReuse,
};

/** Share above which the rule is raised (more than half). */
export const TEXT_REUSE_THRESHOLD = 0.5;

/**
 * The share (0–1, by normalized characters) of `current`'s comparable sentences that also stand
 * in `previous`, and those repeated sentences (offsets in the current text).
 */
export function reusedShareOfDigests(current: readonly DigestSentence[], previous: readonly DigestSentence[]): { share: number; repeated: DigestSentence[] } {
  const before = new Set(previous.map((s) => s.hash));
  const total = current.reduce((a, s) => a + s.length, 0);
  const repeated = current.filter((s) => before.has(s.hash));
  const same = repeated.reduce((a, s) => a + s.length, 0);
  return { share: total ? same / total : 0, repeated };
}

/** {@link reusedShareOfDigests} on two texts. */
export function reusedShare(current: string, previous: string): { share: number; repeated: Array<DigestSentence & { text: string }> } {
  const r = reusedShareOfDigests(proseDigest(current), proseDigest(previous));
  return { share: r.share, repeated: r.repeated.map((s) => ({ ...s, text: current.slice(s.start, s.end) })) };
}

/**
 * A `warning` flag on the year-Y report when more than half of its prose repeats the Y−1 report of
 * the same agency; `actual` is the share (0–1), `expected` the threshold, `subject` the repeated
 * passages (`text:START-END`, at most 20), `evidence` the first three (when the text is at hand).
 * Nothing when either report has no prose or the years are not consecutive.
 */
export function checkTextReuse(current: CrossYearInput, previous: CrossYearInput): Flag[] {
  const y = current.report.year;
  if (y === null || previous.report.year !== y - 1 || !current.sentences.length || !previous.sentences.length) return [];
  const { share, repeated } = reusedShareOfDigests(current.sentences, previous.sentences);
  if (share <= TEXT_REUSE_THRESHOLD) return [];
  const pct = Math.round(share * 1000) / 10;
  return [
    ruleFlag(textReuseRule, {
      report_id: current.report.report_id,
      subject: repeated.slice(0, 20).map((s) => `text:${s.start}-${s.end}`),
      expected: TEXT_REUSE_THRESHOLD,
      actual: Math.round(share * 1000) / 1000,
      difference: Math.round((share - TEXT_REUSE_THRESHOLD) * 1000) / 1000,
      message: `正文 ${pct}% 的文字与 ${y - 1} 年报告相同（数字不计），超过一半，属"与往年内容雷同"。`,
      evidence: current.text ? repeated.slice(0, 3).map((s) => current.text!.slice(s.start, s.end)).join('\n') : null,
    }),
  ];
}
