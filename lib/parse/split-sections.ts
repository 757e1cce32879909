/**
 * Finds the six numbered sections of a report (2021 form, spec "The six sections") in its text.
 *
 * A heading is a short line that starts with a numeral (一、 … 十、) and names its section's
 * subject. Headings are recognized by subject, not by numeral alone: table 三 has rows such as
 * 三、本年度办理结果 and 四、结转下年度继续办理, and some reports (Shanghai layouts) number their own
 * body sections differently and append the tables with a numbering of their own (一、主动公开政府
 * 信息情况 after 六、政府信息公开平台建设). Where a subject is named by several headings, the table
 * sections take the one followed by table data, the others the one with the form's own numeral.
 */
import type { SectionKey } from '../model/report-schema';
import { splitLines } from './text-lines';

/** A section found in the text: its key, the heading line as printed and the body text. */
export interface Section {
  key: SectionKey;
  heading: string;
  /** 0-based line of the heading in the whole text. */
  line: number;
  /** The lines between this heading and the next heading (or the end). */
  body: string;
}

/** The form's sections in order, with the numeral the form gives them and their subject. */
const SUBJECTS: ReadonlyArray<{ key: SectionKey; numeral: string; digit: string; subject: RegExp }> = [
  { key: 'overview', numeral: '一', digit: '1', subject: /^(总体情况|概述|总体)/ },
  { key: 'proactive', numeral: '二', digit: '2', subject: /主动公开/ },
  { key: 'applications', numeral: '三', digit: '3', subject: /收到和处理|依申请|申请情况/ },
  { key: 'review_litigation', numeral: '四', digit: '4', subject: /行政复议|行政诉讼/ },
  { key: 'problems', numeral: '五', digit: '5', subject: /问题|改进/ },
  { key: 'other', numeral: '六', digit: '6', subject: /其他需要报告|其他事项/ },
];

const TABLE_SECTIONS: ReadonlySet<SectionKey> = new Set(['proactive', 'applications', 'review_litigation']);

/** 一、 … 十、 (any), or an Arabic digit (only the form's own, so 1. 2. list items are not headings). */
const NUMERAL = /^([一二三四五六七八九十]{1,3}|\d)\s*[、.．]\s*/;

/**
 * A sub-heading that starts the problems section when its own heading is missing (Shanghai
 * layouts where the tables are printed between 四 and the problems: （一）主要问题,
 * （一）2024 年工作中存在问题的改进情况).
 */
const PROBLEMS_SUBHEADING = /^[（(][一二][)）].{0,24}(存在的?主要问题|主要问题|存在问题|改进情况)/;

const MAX_HEADING_LENGTH = 40;

function cleanLine(line: string): string {
  return line.trim().replace(/^#+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1').trim();
}

/** A heading candidate: which section it may open, and whether it carries the form's numeral. */
interface Candidate {
  key: SectionKey;
  line: number;
  heading: string;
  formNumeral: boolean;
}

/** What a heading line starts with, before cleanLine: white space, `#`, `*`, then a numeral (a fast test, issue 15). */
const MAY_BE_HEADING = /^[\s#*]*[一二三四五六七八九十\d]/;

function candidatesOf(line: string, index: number): Candidate[] {
  if (!MAY_BE_HEADING.test(line)) return [];
  const t = cleanLine(line);
  if (!t || t.length > MAX_HEADING_LENGTH || t.includes('\t') || t.startsWith('|')) return [];
  const m = NUMERAL.exec(t);
  if (!m) return [];
  const rest = t.slice(m[0].length);
  const out: Candidate[] = [];
  for (const s of SUBJECTS) {
    const formNumeral = m[1] === s.numeral || m[1] === s.digit;
    if (/^\d$/.test(m[1]) && !formNumeral) continue;
    if (s.subject.test(rest)) out.push({ key: s.key, line: index, heading: t, formNumeral });
  }
  // A line naming two subjects belongs to the one whose numeral it carries, else the first.
  const own = out.find((c) => c.formNumeral);
  return own ? [own] : out.slice(0, 1);
}

/** How much table data follows a heading: numeric fields in tab- or |-separated lines, and number-only lines. */
function tableScore(lines: readonly string[]): number {
  let n = 0;
  for (const l of lines) {
    const fields = l.includes('\t') || l.trim().startsWith('|') ? l.split(/[\t|]/) : [l];
    if (fields.length < 2 && !/^\s*[\d.,]+\s*$/.test(l)) continue;
    n += fields.filter((f) => /^\s*\d[\d,]*(\.\d+)?\s*$/.test(f)).length;
  }
  return n;
}

/**
 * Splits report text into its sections. A section whose heading is not found is simply absent
 * from the result (the caller flags TABLE_MISSING; the checks flag SECTION_MISSING); never throws.
 *
 * @returns the found sections in text order (each body runs to the next heading of any section,
 *   chosen or not), and `preamble`: the text before the first heading (title and introduction).
 */
export function splitSections(text: string): { sections: Section[]; preamble: string } {
  const lines = splitLines(text);
  const candidates = lines.flatMap((l, i) => candidatesOf(l, i));
  const boundaries = [...new Set(candidates.map((c) => c.line))].sort((a, b) => a - b);
  const bodyEnd = (line: number, extra: readonly number[] = []) =>
    [...boundaries, ...extra, lines.length].filter((b) => b > line).sort((a, b) => a - b)[0];

  const chosen: Candidate[] = [];
  for (const { key } of SUBJECTS) {
    const own = candidates.filter((c) => c.key === key);
    if (!own.length) continue;
    if (TABLE_SECTIONS.has(key)) {
      const scored = own.map((c) => ({ c, score: tableScore(lines.slice(c.line + 1, bodyEnd(c.line))) }));
      const best = Math.max(...scored.map((s) => s.score));
      const top = scored.filter((s) => s.score === best);
      chosen.push((top.find((s) => s.c.formNumeral) ?? top[0]).c);
    } else {
      chosen.push(own.find((c) => c.formNumeral) ?? own[0]);
    }
  }
  // Fallback: the problems section's own heading is missing but its first sub-heading is there,
  // after the last table section.
  const extra: number[] = [];
  if (!chosen.some((c) => c.key === 'problems')) {
    const after = Math.max(-1, ...chosen.filter((c) => TABLE_SECTIONS.has(c.key)).map((c) => c.line));
    const i = lines.findIndex((l, idx) => idx > after && after >= 0 && PROBLEMS_SUBHEADING.test(cleanLine(l)));
    if (i >= 0) {
      chosen.push({ key: 'problems', line: i, heading: cleanLine(lines[i]), formNumeral: false });
      extra.push(i);
    }
  }
  chosen.sort((a, b) => a.line - b.line);
  const sections = chosen.map((c) => ({
    key: c.key,
    heading: c.heading,
    line: c.line,
    body: lines.slice(c.line + 1, bodyEnd(c.line, extra)).join('\n'),
  }));
  const preambleEnd = sections.length ? sections[0].line : Math.min(lines.length, 20);
  return { sections, preamble: lines.slice(0, preambleEnd).join('\n') };
}
