/**
 * A flag's message in the UI's language (issue 10). Flags are written at ingest with a Chinese
 * `message`; in English the message is composed from the flag's fields — its rule's English name,
 * the cells it concerns (the form's labels through `t`), expected, printed (actual) and difference
 * — since the Chinese sentence cannot be looked up word for word. One sentence per rule of
 * lib/checks/rule-registry.ts (the parser's rules in lib/model/rule-metadata.ts), saying what is
 * wrong and what to do; a rule this version does not know gets its name and the numbers.
 *
 * Data stays out of the English sentence (agency names, quoted text): the row beside the message
 * names the agency, and the report page shows the evidence.
 */
import { columnLabel, rowLabel } from '../../model/form-layout';
import { describeCellRef, ruleLabel } from '../labels';
import type { Lang } from './lang';
import { zhT, type Translate } from './translate';

/** The fields of a flag a message is made from (a Flag of lib/model, or a ReportFlag/queue row of lib/query). */
export interface FlagTextInput {
  rule: string;
  /** The Chinese message written at ingest. */
  message: string;
  /** Cell references (`t3.row.col`), as an array or joined with `;`/`,`; null when none. */
  subject?: readonly string[] | string | null;
  expected?: number | string | null;
  actual?: number | string | null;
  difference?: number | null;
}

/** The subject as a list of references (an array, or a `;`/`,`-joined string); [] for none. */
export function subjectRefs(subject: FlagTextInput['subject']): string[] {
  if (!subject) return [];
  const list = typeof subject === 'string' ? subject.split(/[;,]/) : [...subject];
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * One reference of a flag's subject in words, in `lang`: lib/present/labels.ts describeCellRef —
 * Chinese `表三·本年新收政府信息公开申请数量·总计`, English `Table 3 · <row> · <column>` with the form's
 * labels through `t` (en/form.ts). Unknown references are kept as written. Never throws.
 */
export function cellRefText(ref: string, lang: Lang, t: Translate = zhT): string {
  return lang === 'zh' ? describeCellRef(ref) : describeCellRef(ref, t);
}

/**
 * The cells of a subject in words, joined (`；` in Chinese, `; ` in English); more than `max`
 * are cut to `max` and a count (`… 等 5 处` / `… and more (5 in all)`). '' for none.
 */
export function subjectText(subject: FlagTextInput['subject'], lang: Lang, t: Translate = zhT, max = 3): string {
  const refs = subjectRefs(subject);
  const sep = lang === 'zh' ? '；' : '; ';
  const words = refs.map((r) => cellRefText(r, lang, t));
  return refs.length > max ? t('{{cells}} 等 {{count}} 处', { cells: words.slice(0, max).join(sep), count: refs.length }) : words.join(sep);
}

/**
 * A value as English prints it: a whole number with thousands separators (`1,234`); text — and a
 * string that is not a safe integer written plainly (`1.5`, a 20-digit run, `2024-02-05`) — as
 * written, never rounded; `—` for none.
 */
function num(v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') {
    const n = Number(v);
    return Number.isSafeInteger(n) && String(n) === v.trim() ? n.toLocaleString('en-US') : v;
  }
  return Number.isSafeInteger(v) ? v.toLocaleString('en-US') : Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(v);
}

/** A value exactly as printed (no separators, no rounding): the printed text of a cell; `—` for none. */
function asPrinted(v: number | string | null | undefined): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

/** `n word` with the English plural: `1 case`, `2 cases`, `1 day` (`word` + `s`, or `many` when given). */
export function countOf(n: number | string | null | undefined, word: string, many = `${word}s`): string {
  return `${num(n)} ${Number(n) === 1 ? word : many}`;
}

/** `difference` as given, else actual − expected when both are numbers, else null. */
function diffOf(f: FlagTextInput): number | null {
  if (typeof f.difference === 'number') return f.difference;
  const e = Number(f.expected);
  const a = Number(f.actual);
  return f.expected !== null && f.expected !== undefined && f.actual !== null && f.actual !== undefined && Number.isFinite(e) && Number.isFinite(a) ? a - e : null;
}

/** The label of the first reference's row or column (English through `t`), or '' when it is not a cell. */
function part(f: FlagTextInput, which: 'row' | 'column', t: Translate): string {
  const [table, row, column] = (subjectRefs(f.subject)[0] ?? '').split('.');
  if (table !== 't2' && table !== 't3' && table !== 't4') return '';
  const key = which === 'row' ? row : column;
  return key ? t(which === 'row' ? rowLabel(table, key) : columnLabel(table, key)) : '';
}

type Compose = (f: FlagTextInput, t: Translate, cells: string) => string;

/** T3_BALANCE's gap as its Chinese message states it: first side − second side (expected − actual = −difference). */
function balanceGap(f: FlagTextInput): number | null {
  const d = diffOf(f);
  return d === null ? null : d === 0 ? 0 : -d;
}

/** The English name of the first reference's table (`Table 3`), or 'The table'. */
function tableOf(f: FlagTextInput): string {
  const m = /^(?:[0-9a-f]{16}(?:-\d+)?:)?t([234])\./.exec(subjectRefs(f.subject)[0] ?? '');
  return m ? `Table ${m[1]}` : 'The table';
}

/** The printed numbers a reading flag quotes (`（应有 7 个：1 2 3）`), as ` (printed: 1 2 3)`; '' when none or not plain digits. */
function quotedNumbers(message: string): string {
  const raw = /应有 \d+ 个：([^）]*)）/.exec(message)?.[1]?.trim();
  return raw && !/[\u3400-\u9fff]/.test(raw) ? ` (printed: ${raw})` : '';
}

/**
 * CELL_MISSING, by the reader's three cases (lib/normalize/build-table-cells.ts): a row printed
 * short (expected/actual = numbers due/read), rows not found at all (未读到), and a short row of
 * table 三 whose gap the identities cannot place (勾稽关系不足以确定).
 */
function cellMissingText(f: FlagTextInput, t: Translate, cells: string): string {
  const row = part(f, 'row', t);
  const gap = /只印出 (\d+) 个数字（应有 (\d+) 个/.exec(f.message);
  if (f.message.includes('勾稽关系不足以确定') && gap) {
    return `${tableOf(f)}, row "${row}": only ${countOf(gap[1], 'number')} printed (${gap[2]} due)${quotedNumbers(f.message)}; the form's identities are not enough to tell which cell is missing, so for now "${part(f, 'column', t)}" is marked missing, going by the layout. Check against the original.`;
  }
  if (f.expected !== null && f.expected !== undefined && f.expected !== '') {
    const lost = subjectRefs(f.subject).length;
    return `${tableOf(f)}, row "${row}": only ${countOf(f.actual, 'number')} read (${num(f.expected)} due)${quotedNumbers(f.message)}; filled in from left to right, the other ${countOf(lost, 'cell')} marked missing. Check against the original.`;
  }
  if (f.message.includes('未读到')) {
    const rows = [...new Set(subjectRefs(f.subject).map((r) => r.split('.').slice(0, 2).join('.')))];
    const names = rows.map((r) => `"${t(rowLabel(r.split('.')[0] as 't2' | 't3' | 't4', r.split('.')[1]))}"`);
    const shown = names.length > 4 ? `${names.slice(0, 3).join(', ')} and others, ${names.length} rows` : `${names.join(', ')}${names.length > 1 ? ` (${names.length} rows)` : ''}`;
    return `${tableOf(f)}: ${names.length > 1 ? 'rows' : 'row'} ${shown} not found; ${names.length > 1 ? 'their' : 'its'} cells are marked missing. Check against the original (expected if the original prints only part of the table).`;
  }
  return `${cells}: not read; marked missing. Check against the original.`;
}

/**
 * CELL_BLANK, by lib/checks/check-cell-blank.ts's cases: one blank cell whose value the identities
 * give, give conflicting values for (互相矛盾), or cannot determine; or a table with many blank cells
 * (the counts determined / should be 0 / undetermined read from the message).
 */
function cellBlankText(f: FlagTextInput, cells: string): string {
  if (subjectRefs(f.subject).length > 1) {
    const known = /其中 (\d+) 格可以确定（(\d+) 格应为 0/.exec(f.message);
    const rest = /其余 (\d+) 格不能确定/.exec(f.message)?.[1];
    const other = known ? Number(known[1]) - Number(known[2]) : 0;
    const found = known
      ? `by the form's identities ${num(known[1])} of them can be determined (${num(known[2])} should be 0${other ? `; ${num(other)} should be other numbers` : ''}), the other ${num(rest)} cannot`
      : "the form's identities cannot determine these cells";
    return `${cells}: printed blank (the table uses blanks in place of numbers, while the form asks for 0 where there is nothing); ${found}. Ask the agency whether the blank cells are 0 or left out, and to fill in 0 in future reports.`;
  }
  if (f.expected !== null && f.expected !== undefined && f.expected !== '') {
    return `${cells}: printed blank; the form's identities give ${num(f.expected)}. Check against the original and fill in ${num(f.expected)}.`;
  }
  return f.message.includes('互相矛盾')
    ? `${cells}: printed blank; the form's identities give conflicting values for it. Ask the agency for this cell's number.`
    : `${cells}: printed blank, and the form's identities cannot determine its value. Ask the agency whether this cell is 0 or left out.`;
}

/** T2_VALUES: the value as printed (from the message, else `actual`) and the clause of its column (Table 2's kinds, lib/model/form-layout.ts t2ColumnKind). */
function t2ValuesText(f: FlagTextInput, cells: string): string {
  const printed = /」为 (.+?)：/.exec(f.message)?.[1] ?? asPrinted(f.actual);
  const column = (subjectRefs(f.subject)[0] ?? '').split('.')[2] ?? '';
  const clause = column === 'amount' ? 'an amount cannot be negative' : column === 'items_change' ? 'a change must be a whole number' : 'a count must be a non-negative whole number';
  return `${cells}: printed as ${printed}; ${clause}.`;
}

/** Why a printed value cannot stand in a cell (lib/model/printed-number.ts implausibleReason), in English, from the Chinese message. */
function implausibleReasonText(message: string): string {
  const digits = /超过(\d+)位数字/.exec(message)?.[1];
  if (digits) return `has more than ${digits} digits`;
  if (message.includes('不是有限的数值')) return 'is not a finite number';
  if (message.includes('是负数')) return 'is negative';
  if (message.includes('件数不能有小数')) return 'has a fraction, in a count';
  return '';
}

/** VALUE_IMPLAUSIBLE: the printed text exactly as written (a long one cut, as the Chinese does), why it cannot stand, what was done. */
function implausibleText(f: FlagTextInput, cells: string): string {
  const printed = asPrinted(f.actual).replace(/…（共 (\d+) 个字符）$/, (_m, n: string) => `… (${n} characters in all)`);
  const why = implausibleReasonText(f.message);
  return `${cells}: printed as "${printed}"${why ? `, which ${why}` : ''}: not a value the table can hold. Marked invalid (left out of the identities); check against the original.`;
}

/**
 * The candidate readings a CELL_AMBIGUOUS message lists (`可能读作「1 2 35」或「12 3 5」等 7 种`), in
 * English: the readings as printed (an empty cell `blank`), then how many in all; or that none fits.
 */
function ambiguousReadings(message: string): string {
  const after = message.split('可能读作')[1];
  if (after === undefined) return message.includes('勾稽关系') ? 'no split fits the identities' : 'no reasonable reading';
  const list = (after.match(/「[^」]*」/g) ?? []).map((r) => `"${r.slice(1, -1).replace(/空/g, 'blank')}"`);
  const all = /^[^（）]*?等 (\d+) 种/.exec(after)?.[1];
  const more = all ? ` (${all} readings in all)` : /^[^（）]*?等多种/.test(after) ? ' and more' : '';
  return `possible readings ${list.join(' or ')}${more}`;
}

/**
 * CELL_AMBIGUOUS, by the reader's two cases: space-separated numbers that may be one number with a
 * thousands separator (lib/normalize/build-table-cells.ts), and digits run together that split
 * several ways (lib/normalize/read-run-together-rows.ts, with its note when the table's identities fail).
 */
function cellAmbiguousText(f: FlagTextInput, cells: string): string {
  const readings = ambiguousReadings(f.message);
  if (f.message.includes('千位分隔')) {
    return `${cells}: ${countOf(f.actual, 'number')} printed (${num(f.expected)} due); some of the space-separated numbers may be one number with a thousands separator, and which ones to join cannot be told (${readings}); these cells are marked missing. Check the original and choose the reading.`;
  }
  const printed = /连写为「([^」]*)」/.exec(f.message)?.[1]?.replace(/\(空\)/g, '(blank)');
  const shown = printed && !/[\u3400-\u9fff]/.test(printed) ? ` as "${printed}"` : '';
  const fault = f.message.includes('无法分辨是原表有误还是拆分有误')
    ? "; the table's identities do not hold, and this row may be where the original's numbers are wrong, so it cannot be told whether the original or the split is wrong"
    : '';
  return `${cells}: digits printed run together${shown}; how to split them into ${countOf(f.expected, 'cell')} cannot be told (${readings}${fault}); these cells are marked missing. Check the original and choose the reading.`;
}

/** Why OCR cells could not be confirmed, by table (lib/read/ocr-cells.ts withOcrVerdict), from the Chinese message. */
function ocrUncertainWhy(message: string): string {
  if (message.includes('表二没有勾稽关系')) return 'Table 2 has no identity to check the OCR reading against';
  if (message.includes('分项和总计被同样误读')) {
    return "each cell of Table 4 is only in its row's total identity, which still holds when a part and the total are misread the same way, so it cannot confirm them";
  }
  return "the form's identities these cells are in do not hold, cannot be checked, or lack a number read";
}

/** The quantities NARRATIVE_MATCH compares (lib/checks/check-narrative-match.ts LABELS), by their Chinese. */
const NARRATIVE_QUANTITIES: Record<string, string> = {
  本年新收申请: 'new applications received this year',
  '办结（（七）总计）': 'applications completed (Table 3, III (7) total)',
  上年结转: 'applications carried over from the previous year',
  结转下年度继续办理: 'applications carried forward to next year',
  '予以公开及部分公开（三（一）+三（二））': 'granted and partially granted (Table 3, III (1) + III (2))',
  '不予公开（三（三））': 'denied (Table 3, III (3))',
  '无法提供（三（四））': 'unable to provide (Table 3, III (4))',
  '不予处理（三（五））': 'not processed (Table 3, III (5))',
  '其他处理（三（六））': 'other handling (Table 3, III (6))',
  行政复议总计: 'administrative review, total (Table 4)',
  '行政诉讼总计（直接起诉+复议后起诉）': 'administrative litigation, total (Table 4: direct suits + suits after review)',
};

/** NARRATIVE_MATCH: the quantity, the stated and the tabled count, and the table-side notes of the Chinese (上年结转 added; blank totals). */
function narrativeText(f: FlagTextInput): string {
  const m = /^正文称(.+?) -?\d+ 件，表格为 -?\d+ 件/.exec(f.message);
  const what = m ? (NARRATIVE_QUANTITIES[m[1]] ?? 'a count') : 'a count';
  const notes: string[] = [];
  const withCarried = /加上年结转 (\d+) 件为 (\d+) 件/.exec(f.message);
  if (withCarried) notes.push(`${countOf(withCarried[2], 'case')} with the ${num(withCarried[1])} carried over from the previous year`);
  if (f.message.includes('空白处按各类申请人之和计')) notes.push('blank totals counted as the sum of the applicant types');
  return `The text states ${what}: ${countOf(f.actual, 'case')}; the table gives ${countOf(f.expected, 'case')}${notes.length ? ` (${notes.join('; ')})` : ''}; the two disagree. Check the original and correct the text or the table.`;
}

/** DEADLINE: the date and where it comes from (printed, or the web page's when the report prints none), the deadline and whose it is, the days late. */
function deadlineText(f: FlagTextInput): string {
  const fromPage = f.message.startsWith('网页发布日期');
  const date = fromPage ? `The publishing web page is dated ${num(f.actual)} (the report prints no date)` : `Published on ${num(f.actual)}`;
  const who = f.message.includes('人民政府年度报告') ? "; a people's government's annual report: by 31 March" : f.message.includes('部门年度报告') ? "; a department's annual report: by 31 January" : '';
  return `${date}, after the deadline of Regulations Art. 49 (${num(f.expected)}${who}): ${countOf(f.difference, 'day')} late.`;
}

/** The English sentence of each identity rule (expected = the parts' sum, actual = the printed total side). */
const IDENTITY: Record<string, Compose> = {
  T3_BALANCE: (f, t) =>
    `Table 3, column "${part(f, 'column', t)}": new this year + carried over = ${num(f.expected)}; total handled + carried forward = ${num(f.actual)}; (new this year + carried over) − (total handled + carried forward) = ${num(balanceGap(f))}. Check the table against the original.`,
  T3_OUTCOME_SUM: (f, t) =>
    `Table 3, column "${part(f, 'column', t)}": the printed total is ${num(f.actual)}, but outcomes (1) to (6) add up to ${num(f.expected)} (difference ${num(diffOf(f))}). Check the table against the original.`,
  T3_ROW_TOTAL: (f, t) =>
    `Table 3, row "${part(f, 'row', t)}": the printed total is ${num(f.actual)}, but the applicant types add up to ${num(f.expected)} (difference ${num(diffOf(f))}). Check the row against the original.`,
  T4_TOTAL: (f, t) =>
    `Table 4, "${part(f, 'row', t)}": the printed total is ${num(f.actual)}, but upheld + corrected + other result + pending = ${num(f.expected)} (difference ${num(diffOf(f))}). Check the row against the original.`,
};

/** The English sentence of every other rule. */
const SENTENCES: Record<string, Compose> = {
  ...IDENTITY,
  SECTION_MISSING: (_f, _t, cells) => `${capitalized(cells) || 'A section'} not found (required by Regulations Art. 50); if it appears under another heading, check against the original.`,
  CELL_BLANK: (f, _t, cells) => cellBlankText(f, cells),
  T2_VALUES: (f, _t, cells) => t2ValuesText(f, cells),
  NARRATIVE_MATCH: (f) => narrativeText(f),
  DEADLINE: (f) => deadlineText(f),
  PUBLICATION_DATE_UNKNOWN: () =>
    'The report prints no publication date at its end, so whether it was published on time (Regulations Art. 49) cannot be judged from the report itself; to check, use the date of the publishing web page.',
  CARRYOVER_CONTINUITY: (f) =>
    `This year's report gives "carried over" as ${countOf(f.actual, 'case')}, while the previous year's report gives "carried forward to next year" as ${countOf(f.expected, 'case')}; the two should be equal.`,
  IN_FORCE_CONTINUITY: (f, t) =>
    `"${part(f, 'row', t)}": ${num(f.actual)} in force, while last year's in force + issued this year − repealed this year = ${inForceTerms(f.message)}${num(f.expected)} (documents that expire on their own cause differences; please check).`,
  TEXT_REUSE: (f) => {
    const pct = (v: number | string | null | undefined) => (Number.isFinite(Number(v)) && v !== null && v !== '' ? `${(Number(v) * 100).toFixed(1)}%` : '—');
    return `${pct(f.actual)} of the text is the same as the previous year's report (numbers not counted), more than the threshold of ${pct(f.expected)}: "the same content as in previous years".`;
  },
  TABLE_MISSING: (f, _t, cells) =>
    f.message.includes('找不到章节')
      ? `${cells || 'A table'}: its section was not found, so its cells are left unfilled.`
      : `${cells || 'A table'}: no readable table data under its section (perhaps published as an image), so its cells are left unfilled.`,
  CELL_MISSING: (f, t, cells) => cellMissingText(f, t, cells),
  CELL_INFERRED: (f, _t, cells) =>
    `${cells}: not printed; inferred as ${num(f.expected)} from the row total and the identities of Table 3 (an inferred value, not printed in the original).`,
  CELL_AMBIGUOUS: (f, _t, cells) => cellAmbiguousText(f, cells),
  VALUE_IMPLAUSIBLE: (f, _t, cells) => implausibleText(f, cells),
  AGENCY_UNRESOLVED: (f) =>
    f.message.includes('有多个同名行政区划')
      ? "A place name in the agency's name belongs to several divisions of the Ministry of Civil Affairs list, and the text does not say which, so its region is unknown; the name is kept as printed."
      : "The agency's name does not begin with any province, city or county name of the Ministry of Civil Affairs list, so its region is unknown; the name is kept as printed.",
  TEXT_BYTES_REPLACED: (f) =>
    `The file has ${f.actual !== null && f.actual !== undefined && f.actual !== '' ? `${num(f.actual)} ` : ''}invalid UTF-8 byte sequences, read as �; a character or digit may be missing there. Check against the original, or get the file again.`,
  OCR_READ: (f, _t, cells) => {
    const n = /读出 (\d+) 格/.exec(f.message)?.[1];
    return `${cells || 'A table'}: read by OCR${n ? ` (${countOf(n, 'cell')})` : ''}, and every identity of the form holds, so the reading is accepted. If in doubt, check against the image.`;
  },
  OCR_UNCERTAIN: (f, _t, cells) =>
    `Read by OCR, but ${cells || 'some cells'} could not be confirmed (${ocrUncertainWhy(f.message)}). Check these numbers against the image and correct or confirm them in the proof-reading editor.`,
};

/** The English sentence for a rule this version does not know: its name (or id) and the numbers. */
function fallback(f: FlagTextInput, t: Translate, cells: string): string {
  const parts = [t(ruleLabel(f.rule))];
  if (cells) parts.push(cells);
  if (f.expected !== null && f.expected !== undefined && f.expected !== '') parts.push(`expected ${num(f.expected)}`);
  if (f.actual !== null && f.actual !== undefined && f.actual !== '') parts.push(`printed ${num(f.actual)}`);
  if (f.difference !== null && f.difference !== undefined) parts.push(`difference ${num(f.difference)}`);
  return `${parts.join('; ')}.`;
}

/** IN_FORCE_CONTINUITY's terms as its Chinese message gives them (`上年现行有效 5 + 本年制发 2 − 本年废止 1`): `5 + 2 − 1 = `, or '' when not found. */
function inForceTerms(message: string): string {
  const m = /上年现行有效 (-?\d+) \+ 本年制发 (-?\d+) − 本年废止 (-?\d+)/.exec(message);
  return m ? `${m[1]} + ${m[2]} − ${m[3]} = ` : '';
}

/** `s` with its first letter in upper case (a sentence that starts with a cell's words). */
function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whether `rule` has its own English sentence in {@link flagText} (every registered rule has; rule-text.test.ts checks). */
export function hasFlagSentence(rule: string): boolean {
  return rule in SENTENCES;
}

/**
 * The cells a sentence names: the one cell in words, or for several `N cells of Table 3` (the
 * queue's 涉及 column lists them beside the message); '' for none.
 */
function cellsPhrase(subject: FlagTextInput['subject'], lang: Lang, t: Translate): string {
  const refs = subjectRefs(subject);
  if (refs.length <= 1) return subjectText(refs, lang, t);
  const tables = [...new Set(refs.map((r) => /^(?:[0-9a-f]{16}(?:-\d+)?:)?(t[234])\b/.exec(r)?.[1] ?? ''))];
  const names: Record<string, string> = { t2: 'Table 2', t3: 'Table 3', t4: 'Table 4' };
  return tables.length === 1 && names[tables[0]] ? `${refs.length} cells of ${names[tables[0]]}` : `${refs.length} cells`;
}

/**
 * The flag's message in `lang`: the stored Chinese message, unchanged, for `zh`; for `en` the
 * rule's English sentence built from the flag's fields (cells through `t`, numbers in en-US).
 * Never throws (a malformed field prints as written or `—`).
 */
export function flagText(flag: FlagTextInput, lang: Lang, t: Translate = zhT): string {
  if (lang === 'zh') return flag.message;
  const compose = SENTENCES[flag.rule];
  return compose ? compose(flag, t, cellsPhrase(flag.subject, lang, t)) : fallback(flag, t, subjectText(flag.subject, lang, t, 4));
}
