/**
 * Puts line breaks back into a report whose body runs on without them — the text a web archive or a
 * browser copy captures from a portal page: the whole body on one line, table rows one after the
 * other, cells run together (`一、本年新收政府信息公开申请数量 8 0 0 0 0 0 8二、上年结转政府信息公开
 * 申请数量 0000000三、本年度办理结果 …`), a row label's numeral glued to the digits before it
 * (`00000002.其他法律行政法规禁止公开`).
 *
 * The breaks are placed by the form's wording, not by the file: before and after each of the six
 * section headings of the form (一、总体情况 … 六、其他需要报告的事项), and inside the three table
 * sections between a run of digits and the label text that follows it. The digits themselves are
 * left as printed (`0000000`, `10 0 0 0 01`): how a run splits into cells is decided in
 * lib/normalize (solve-run-together.ts), with the form's identities.
 */

import { hasLineAtLeast, splitLines } from './text-lines';

/**
 * The six section headings of the 2021 form as they appear inside running text, with the numeral
 * the form gives them, in the wordings reports print (三、收到和处理政府信息申请情况 without 公开,
 * 四、政府信息公开行政复议和行政诉讼情况, 五、政府信息公开工作存在的主要问题…); the problems heading
 * takes the words printed after 存在的主要问题 up to the first digit or bracket
 * (`五、存在的主要问题及明年工作计划2024年…`).
 */
const INLINE_HEADINGS: ReadonlyArray<{ numeral: string; words: RegExp }> = [
  { numeral: '一', words: /^总体情况/ },
  { numeral: '二', words: /^主动公开政府信息(情况)?/ },
  { numeral: '三', words: /^收到和处理政府信息(公开)?申请(情况)?/ },
  { numeral: '四', words: /^(政府信息公开)?行政复议[、，,和及]?\s*行政诉讼(情况)?/ },
  { numeral: '五', words: /^(政府信息公开工作)?(存在的?主要问题|存在问题|主要问题)[^\d（(。；;，,\s]{0,16}/ },
  { numeral: '六', words: /^其他需要报告的事项/ },
];

/** The numerals of the table sections (二 主动公开, 三 依申请公开, 四 复议诉讼). */
const TABLE_NUMERALS: ReadonlySet<string> = new Set(['二', '三', '四']);

/** A line this long holding two or more section headings inside it is running text. */
const RUNNING_LINE = 300;

/** Where the form's section headings stand inside a line: start and end offsets, in order. */
function inlineHeadings(line: string): Array<{ start: number; end: number; numeral: string }> {
  const out: Array<{ start: number; end: number; numeral: string }> = [];
  for (const m of line.matchAll(/([一二三四五六七八九十])\s*[、.．]\s*/g)) {
    const rest = line.slice((m.index ?? 0) + m[0].length);
    // By the form's numeral first; a table section also under another (Shanghai layouts number
    // the appended tables 一、主动公开政府信息情况, 二、收到和处理…, 三、…行政复议…).
    const h =
      INLINE_HEADINGS.find((x) => x.numeral === m[1] && x.words.test(rest)) ??
      INLINE_HEADINGS.find((x) => TABLE_NUMERALS.has(x.numeral) && x.words.test(rest));
    if (!h) continue;
    const words = h.words.exec(rest) as RegExpExecArray;
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length + words[0].length, numeral: h.numeral });
  }
  // Keep the headings in the form's order (一 before 二 …): a numeral met out of order is a row label.
  const kept: typeof out = [];
  const rank = (numeral: string) => INLINE_HEADINGS.findIndex((x) => x.numeral === numeral);
  for (const h of out) if (!kept.length || rank(h.numeral) > rank(kept[kept.length - 1].numeral)) kept.push(h);
  return kept;
}

/**
 * Column headings of table 二 (2021 form: 本年制发件数 … 本年收费金额（单位：万元）; 2019 trial
 * form: 新制作数量 … 采购总金额), after which the next row's label starts.
 */
const COLUMN_HEADINGS =
  /(本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额(?:[（(]单位[:：]?\s*万元[)）])?|新制作数量|新公开数量|对外公开总数量|上一年项目数量|本年增\/减|处理决定数量|采购项目数量|采购总金额(?:[（(]单位[:：]?\s*万元[)）])?)[ \t\u3000]*(?=[\u4e00-\u9fff])/g;

/**
 * A note printed in a cell right after its number (`22（其中修订16件）`, `55（含自然失效29件）`): a
 * bracket holding an Arabic digit or opening with 其中/含/包括/另有/注. A row label's bracket holds a
 * Chinese numeral (`（二）部分公开`) and is not a note.
 */
const CELL_NOTE = '[（(](?:(?:其中|含|包括|另有|注)[^（()）]{0,24}|[^（()）]{0,24}\\d[^（()）]{0,24})[)）]';

/** A digit followed by label text (not a count's unit, not the cell's note): where a row ends. */
const DIGITS_THEN_LABEL = new RegExp(
  `(\\d)[ \\t\\u3000]*(?=[\\u4e00-\\u9fff（(“"])(?!\\d*[年月日件个条项次人余万元家场篇期份名])(?!${CELL_NOTE})`,
  'g',
);

/**
 * Inside a table section of running text: a break after a column heading of table 二; a break between a run of digits and the label that
 * follows it. A single digit directly before `.`/`．` and a CJK character is the next row's
 * numeral (`00000002.其他法律…` → `0000000` / `2.其他法律…`); a number's note stays with it
 * (`22（其中修订16件）`); a year glued to the last cells
 * (`02025年`) is prose and goes to its own line; a label glued to the digits after it gets a space
 * (`规章000` → `规章 000`).
 */
export function relineTableText(body: string): string {
  return body
    .replace(COLUMN_HEADINGS, '$1\n')
    .replace(/(\d)((?:19|20)\d{2}年)/g, '$1\n$2')
    .replace(/(\d)(\d[.．](?=[\u4e00-\u9fff“"（(]))/g, '$1\n$2')
    .replace(DIGITS_THEN_LABEL, '$1\n')
    .replace(/([\u4e00-\u9fff）)”"])(?=\d+(?![\d.．]*[\u4e00-\u9fff“"]))/g, '$1 ');
}

/**
 * Relines running text. A text is running when one of its lines is long (300 characters or more)
 * and holds two or more of the form's section headings inside it; other texts are returned
 * unchanged. Never throws.
 *
 * @returns the text with each section heading on a line of its own and, in the table sections
 *   (二, 三, 四), each printed row on its own line (label, then its digits as printed); `running`
 *   says whether anything was relined (its tables' cells may be run together).
 */
export function relineRunningText(text: string): { text: string; running: boolean } {
  // No line long enough to run on: the text as the loop below would give it back (\r\n as \n).
  if (!hasLineAtLeast(text, RUNNING_LINE)) return { text: text.includes('\r') ? splitLines(text).join('\n') : text, running: false };
  const lines = splitLines(text);
  let running = false;
  const out: string[] = [];
  for (const line of lines) {
    const headings = line.length >= RUNNING_LINE ? inlineHeadings(line) : [];
    if (headings.length < 2) {
      out.push(line);
      continue;
    }
    running = true;
    let pos = 0;
    let tableSection = false;
    const push = (part: string) => {
      const t = tableSection ? relineTableText(part) : part;
      for (const l of t.split('\n')) if (l.trim()) out.push(l.trim());
    };
    for (const h of headings) {
      push(line.slice(pos, h.start));
      out.push(line.slice(h.start, h.end).trim());
      pos = h.end;
      tableSection = TABLE_NUMERALS.has(h.numeral);
    }
    push(line.slice(pos));
  }
  return { text: out.join('\n'), running };
}
