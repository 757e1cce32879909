/**
 * The prose of a report — its text without table rows — cut into sentences with their offsets,
 * for the checks that read the narrative (NARRATIVE_MATCH, TEXT_REUSE).
 */

/** A sentence of the report's prose and where it stands in the text (UTF-16 offsets, end exclusive). */
export interface ProseSentence {
  text: string;
  start: number;
  end: number;
}

/** A sentence: up to and including its stop 。！？；. */
const SENTENCE = /[^。！？；]+[。！？；]?/g;
/** A numbered heading or item at a line's start: 二、… （一）… 1.… */
const NUMBERED = /^\s*([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/;

/** A line that is a table row (tab- or `|`-separated cells) or mostly numbers, not prose. */
function isTableLine(line: string): boolean {
  if (line.includes('\t') || /^\s*\|/.test(line)) return true;
  const t = line.replace(/\s+/g, '');
  if (!t) return true;
  const digits = (t.match(/\d/g) ?? []).length;
  return digits / t.length > 0.5;
}

/**
 * Splits the prose of `text` into sentences at 。！？；. Consecutive prose lines form one paragraph
 * (PDF conversions break sentences across lines); blank lines and table rows end a paragraph.
 * Offsets refer to `text`. Never throws. The result of the last text is kept and returned again
 * for the same text (the same array: callers must not change it).
 */
export function proseSentences(text: string): ProseSentence[] {
  // The checks (NARRATIVE_MATCH) and the cross-year digest read the same text one after the other.
  if (text === lastText && lastSentences) return lastSentences;
  const out = splitProse(text);
  lastText = text;
  lastSentences = out;
  return out;
}

/** The last text split and its sentences (shared by the callers: they must not change them). */
let lastText: string | null = null;
let lastSentences: ProseSentence[] | null = null;

function splitProse(text: string): ProseSentence[] {
  const out: ProseSentence[] = [];
  // The paragraph, and where each of its (non-empty) line bodies starts in it and in `text`.
  let para = '';
  let starts: number[] = [];
  let offsets: number[] = [];
  /** The offset in `text` of the paragraph's character at `p` (binary search over the bodies: no array per character, issue 15). */
  const offsetOf = (p: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return offsets[lo] + (p - starts[lo]);
  };
  const flush = () => {
    if (para) {
      for (const m of para.matchAll(SENTENCE)) {
        const raw = m[0];
        const lead = raw.length - raw.trimStart().length;
        const s = raw.trim();
        if (!s) continue;
        const from = (m.index ?? 0) + lead;
        out.push({ text: s.replace(/\s*\n\s*/g, ''), start: offsetOf(from), end: offsetOf(from + s.length - 1) + 1 });
      }
    }
    para = '';
    starts = [];
    offsets = [];
  };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (isTableLine(line)) flush();
    else {
      const body = line.replace(/^#+\s*/, '');
      const skip = line.length - body.length;
      // A numbered heading or item (二、… （一）… 1.…) starts a new paragraph.
      if (NUMBERED.test(body)) flush();
      if (body) {
        starts.push(para.length);
        offsets.push(lineStart + skip);
        para += body;
      }
      // A short line with no comma and no closing stop is a heading: it ends the paragraph.
      if (!/[。！？；]\s*$/.test(body) && !/[，,]/.test(body) && body.trim().length < 40) flush();
    }
    lineStart += line.length + 1;
  }
  flush();
  return out;
}
