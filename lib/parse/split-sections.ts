/**
 * Finds the six numbered sections of a report (2021 form, spec "The six sections") in its text.
 */
import type { SectionKey } from '../model/report-schema';

/** A section found in the text: its key, the heading line as printed and the body text. */
export interface Section {
  key: SectionKey;
  heading: string;
  /** 0-based line of the heading in the whole text. */
  line: number;
  /** The lines between this heading and the next found heading (or the end). */
  body: string;
}

/**
 * Heading patterns, in the form's order. A heading is a short line that starts with the section's
 * numeral and names its subject; the numeral alone is not enough, because table 三 has rows
 * such as 三、本年度办理结果 and 四、结转下年度继续办理.
 */
const HEADINGS: ReadonlyArray<{ key: SectionKey; pattern: RegExp }> = [
  { key: 'overview', pattern: /^[一1][、.．]\s*(总体情况|概述|总体)/ },
  { key: 'proactive', pattern: /^[二2][、.．].*主动公开/ },
  { key: 'applications', pattern: /^[三3][、.．].*(收到和处理|依申请|申请情况)/ },
  { key: 'review_litigation', pattern: /^[四4][、.．].*(行政复议|行政诉讼)/ },
  { key: 'problems', pattern: /^[五5][、.．].*(问题|改进)/ },
  { key: 'other', pattern: /^[六6][、.．].*(其他需要报告|其他事项)/ },
];

const MAX_HEADING_LENGTH = 40;

/**
 * Splits report text into its sections, in order. A section whose heading is not found is simply
 * absent from the result (the caller flags SECTION_MISSING / TABLE_MISSING); never throws.
 *
 * @returns the found sections in text order, and `preamble`: the text before the first heading
 *   (title and introduction).
 */
export function splitSections(text: string): { sections: Section[]; preamble: string } {
  const lines = text.split(/\r?\n/);
  const found: Array<{ key: SectionKey; line: number; heading: string }> = [];
  let from = 0;
  for (const { key, pattern } of HEADINGS) {
    for (let i = from; i < lines.length; i++) {
      const t = lines[i].trim().replace(/^#+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1');
      if (t.length > 0 && t.length <= MAX_HEADING_LENGTH && pattern.test(t)) {
        found.push({ key, line: i, heading: t });
        from = i + 1;
        break;
      }
    }
  }
  const sections = found.map((s, idx) => {
    const end = idx + 1 < found.length ? found[idx + 1].line : lines.length;
    return { ...s, body: lines.slice(s.line + 1, end).join('\n') };
  });
  const preambleEnd = found.length ? found[0].line : Math.min(lines.length, 20);
  return { sections, preamble: lines.slice(0, preambleEnd).join('\n') };
}
