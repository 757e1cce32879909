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
 * Offsets refer to `text`. Never throws.
 */
export function proseSentences(text: string): ProseSentence[] {
  const out: ProseSentence[] = [];
  // Paragraph characters with their offsets in `text`.
  let chars: string[] = [];
  let offsets: number[] = [];
  const flush = () => {
    const para = chars.join('');
    for (const m of para.matchAll(/[^。！？；]+[。！？；]?/g)) {
      const raw = m[0];
      const lead = raw.length - raw.trimStart().length;
      const s = raw.trim();
      if (!s) continue;
      const from = (m.index ?? 0) + lead;
      out.push({ text: s.replace(/\s*\n\s*/g, ''), start: offsets[from], end: offsets[from + s.length - 1] + 1 });
    }
    chars = [];
    offsets = [];
  };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (isTableLine(line)) flush();
    else {
      const body = line.replace(/^#+\s*/, '');
      const skip = line.length - body.length;
      // A numbered heading or item (二、… （一）… 1.…) starts a new paragraph.
      if (/^\s*([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/.test(body)) flush();
      for (let i = 0; i < body.length; i++) {
        chars.push(body[i]);
        offsets.push(lineStart + skip + i);
      }
      // A short line with no comma and no closing stop is a heading: it ends the paragraph.
      if (!/[。！？；]\s*$/.test(body) && !/[，,]/.test(body) && body.trim().length < 40) flush();
    }
    lineStart += line.length + 1;
  }
  flush();
  return out;
}
