/**
 * Recognizes which row of the form a printed row is, by its label — tolerant of OCR noise
 * (本生F新收 for 本年新收), labels wrapped over lines, group labels printed beside sub-items and
 * value lines whose label went missing — with the form's row order as a guide, not position alone.
 */
import { T3_ROWS, T3_OTHER_HANDLING } from '../model/form-layout';
import type { PrintedRow } from '../parse/tokenize-table-text';

/**
 * Normalizes a label for comparison: NFKC (full-width → half-width), then drops whitespace,
 * punctuation, quotes and brackets; keeps CJK, letters and digits.
 */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** A row the table may contain: key, canonical label, and distinctive keywords (normalized). */
interface RowPattern {
  /** A number unique among all patterns (the slot of this row in a printed row's score cache). */
  id: number;
  key: string;
  canonical: string;
  /** The canonical label's character pairs (precomputed). */
  canonicalPairs: ReadonlySet<string>;
  keywords: string[];
  /** Labels that match only when the whole last segment equals them (e.g. 3.其他). */
  exact?: RegExp;
}

const T3_KEYWORDS: Record<string, string[]> = {
  new_received: ['新收'],
  carried_over: ['上年结转', '结转政府'],
  granted: ['予以公开'],
  partially_granted: ['部分公开'],
  denied_state_secret: ['国家秘密'],
  denied_prohibited_by_law: ['禁止公开', '法律行政法规'],
  denied_security_stability: ['三安全', '一稳定', '危及'],
  denied_third_party: ['第三方'],
  denied_internal_affairs: ['内部事务'],
  denied_process_info: ['过程性'],
  denied_enforcement_file: ['执法案卷'],
  denied_admin_query: ['行政查询', '查询事项'],
  unable_not_held: ['不掌握'],
  unable_needs_creation: ['另行制作', '没有现成'],
  unable_unclear: ['仍不明确', '补正后申请'],
  not_processed_petition: ['信访', '举报投诉'],
  not_processed_duplicate: ['重复申请'],
  not_processed_publication: ['出版物'],
  not_processed_excessive: ['大量反复'],
  not_processed_confirmation: ['重新出具', '确认或'],
  other_overdue_amendment: ['不补正'],
  other_overdue_fee: ['收费通知', '缴纳费用'],
  other_other: [],
  total_processed: ['七总计'],
  carried_forward: ['结转下年', '继续办理'],
  other_handling: [],
};

const T3_EXACT: Record<string, RegExp> = {
  other_other: /^(3)?其他$/,
  total_processed: /^(七)?总计$/,
  other_handling: /^(六)?其他处理$/,
};

let patternCount = 0;

function pattern(key: string, label: string): RowPattern {
  const canonical = normalizeLabel(label);
  return { id: patternCount++, key, canonical, canonicalPairs: new Set(bigrams(canonical)), keywords: T3_KEYWORDS[key] ?? [], exact: T3_EXACT[key] };
}

/** The standard 25-row layout of table 三. */
export const T3_STANDARD_LAYOUT: readonly RowPattern[] = T3_ROWS.map((r) => pattern(r.key, r.label));
/** The 23-row variant with a single （六）其他处理 row instead of rows 21–23 (spec). */
export const T3_OTHER_HANDLING_LAYOUT: readonly RowPattern[] = [
  ...T3_STANDARD_LAYOUT.slice(0, 20),
  pattern(T3_OTHER_HANDLING.key, T3_OTHER_HANDLING.label),
  ...T3_STANDARD_LAYOUT.slice(23),
];

/** Score given to a value line with no label: it may be any row, if the order allows. */
const UNLABELED_SCORE = 0.3;
/** Cost of leaving a printed row unassigned (its numbers would be lost). */
const SKIP_PRINTED_COST = 0.5;

/** A printed row's label, normalized once for scoring against every form row. */
interface PreparedLabel {
  segments: string[];
  last: string;
  lastNoNumber: string;
  pairs: string[];
}

function prepareLabel(labels: readonly string[]): PreparedLabel | null {
  const segments = labels.map(normalizeLabel).filter((s) => s.replace(/\d/g, '').length > 0);
  if (segments.length === 0) return null;
  const last = segments[segments.length - 1];
  const lastNoNumber = last.replace(/^[0-9一二三四五六七八九十]+/, '');
  return { segments, last, lastNoNumber, pairs: bigrams(lastNoNumber) };
}

function preparedScore(p: PreparedLabel | null, row: RowPattern): number {
  if (!p) return UNLABELED_SCORE;
  if (row.exact && (row.exact.test(p.last) || row.exact.test(p.lastNoNumber))) return 1;
  if (row.keywords.some((k) => p.last.includes(k))) return 1;
  if (row.keywords.some((k) => p.segments.some((s) => s.includes(k)))) return 0.8;
  if (p.pairs.length === 0) return 0.05;
  let hits = 0;
  for (const pair of p.pairs) if (row.canonicalPairs.has(pair)) hits++;
  return 0.6 * (hits / p.pairs.length) * Math.min(1, p.pairs.length / 3);
}

/**
 * How well a printed row's label fits a form row, in [0, 1]: 1 for a distinctive keyword in the
 * row's own (last) label segment, 0.8 for one in an earlier segment (a wrapped fragment), else up
 * to 0.6 by the share of the label's character pairs found in the form's label; 0.3 for a value
 * line with no label (it may be any row, if the order allows).
 */
export function labelScore(labels: string[], row: RowPattern): number {
  return preparedScore(prepareLabel(labels), row);
}

/**
 * A printed label's preparation and its scores against every form row (a slot per pattern id,
 * NaN until computed). Reports print the same labels over and over, so these are kept across
 * reports (issue 15: labels were prepared and scored anew for every report).
 */
interface LabelEntry {
  prepared: PreparedLabel | null;
  scores: Float64Array;
}

/** Label entries by the printed label segments (joined by U+0001); emptied when it grows past {@link LABEL_CACHE_SIZE}. */
const labelCache = new Map<string, LabelEntry>();
/** At most this many distinct printed labels are kept (a few MB); then the cache starts afresh. */
const LABEL_CACHE_SIZE = 20_000;

function labelEntry(labels: readonly string[]): LabelEntry {
  const key = labels.length === 1 ? labels[0] : labels.join('\u0001');
  let e = labelCache.get(key);
  if (!e) {
    if (labelCache.size >= LABEL_CACHE_SIZE) labelCache.clear();
    e = { prepared: prepareLabel(labels), scores: new Float64Array(patternCount).fill(NaN) };
    labelCache.set(key, e);
  }
  return e;
}

/**
 * Scores of printed rows against form rows, computed once per (printed label, form row): a
 * numbered slot per pattern id (no string key), shared by the two layouts' alignments and by
 * every report printing the same label.
 */
class ScoreTable {
  private readonly entries: LabelEntry[];
  constructor(printed: readonly PrintedRow[]) {
    this.entries = printed.map((p) => labelEntry(p.labels));
  }
  score(i: number, row: RowPattern): number {
    const e = this.entries[i];
    let v = e.scores[row.id];
    if (v !== v) {
      v = preparedScore(e.prepared, row);
      e.scores[row.id] = v;
    }
    return v;
  }
}

/** A printed row assigned to a form row key. */
export interface MatchedRow {
  key: string;
  printed: PrintedRow;
  score: number;
}

/**
 * Assigns printed rows to form rows by a monotonic alignment (rows keep the form's order) that
 * maximizes the total label score. Form rows may be left unassigned (lost rows); printed rows
 * may be left unassigned at a cost (returned in `unassigned`, so the caller can report them).
 *
 * @returns the assignments in order, the printed rows left out, and the total score.
 */
export function alignRows(
  printed: readonly PrintedRow[],
  layout: readonly RowPattern[],
  scores: ScoreTable = new ScoreTable(printed),
): { matched: MatchedRow[]; unassigned: PrintedRow[]; score: number } {
  const m = printed.length;
  const k = layout.length;
  const w = k + 1;
  // best[i*w+j]: best score using the first i printed rows and the first j form rows.
  const best = new Float64Array((m + 1) * w);
  const move = new Uint8Array((m + 1) * w);
  for (let i = 1; i <= m; i++) {
    best[i * w] = best[(i - 1) * w] - SKIP_PRINTED_COST;
    move[i * w] = 1;
  }
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= k; j++) {
      // 0: match; 1: printed row unassigned; 2: form row lost — the first of equal options wins.
      let v = best[(i - 1) * w + j - 1] + scores.score(i - 1, layout[j - 1]);
      let choice = 0;
      const skip = best[(i - 1) * w + j] - SKIP_PRINTED_COST;
      if (skip > v) {
        v = skip;
        choice = 1;
      }
      const lost = best[i * w + j - 1];
      if (lost > v) {
        v = lost;
        choice = 2;
      }
      best[i * w + j] = v;
      move[i * w + j] = choice;
    }
  }
  const matched: MatchedRow[] = [];
  const unassigned: PrintedRow[] = [];
  let i = m;
  let j = k;
  while (i > 0 || j > 0) {
    const choice = i === 0 ? 2 : j === 0 ? 1 : move[i * w + j];
    if (choice === 0) {
      matched.unshift({ key: layout[j - 1].key, printed: printed[i - 1], score: scores.score(i - 1, layout[j - 1]) });
      i--;
      j--;
    } else if (choice === 1) {
      unassigned.unshift(printed[i - 1]);
      i--;
    } else j--;
  }
  return { matched, unassigned, score: best[m * w + k] };
}

/**
 * The rows matched directly when printed in order: every printed row, one per form row of the
 * 25-row layout, with a label scoring 1 against its own row. That is the alignment alignRows
 * finds (the only one scoring 25, the most any alignment of 25 rows can score; the 23-row layout
 * scores at most 23), found without the dynamic programme. Null otherwise.
 */
function inOrder(printed: readonly PrintedRow[], layout: readonly RowPattern[], scores: ScoreTable): MatchedRow[] | null {
  if (printed.length !== layout.length) return null;
  for (let i = 0; i < printed.length; i++) if (scores.score(i, layout[i]) !== 1) return null;
  return printed.map((p, i) => ({ key: layout[i].key, printed: p, score: 1 }));
}

/**
 * Aligns printed table-三 rows with both layouts (25 rows; or 23 with a single 其他处理 row) and
 * keeps the better. The 23-row layout wins only when it scores strictly higher.
 */
export function alignT3Rows(printed: readonly PrintedRow[]): {
  layout: 'standard' | 'other_handling';
  matched: MatchedRow[];
  unassigned: PrintedRow[];
} {
  const scores = new ScoreTable(printed);
  const direct = inOrder(printed, T3_STANDARD_LAYOUT, scores);
  if (direct) return { layout: 'standard', matched: direct, unassigned: [] };
  const standard = alignRows(printed, T3_STANDARD_LAYOUT, scores);
  const variant = alignRows(printed, T3_OTHER_HANDLING_LAYOUT, scores);
  return variant.score > standard.score + 1e-9
    ? { layout: 'other_handling', matched: variant.matched, unassigned: variant.unassigned }
    : { layout: 'standard', matched: standard.matched, unassigned: standard.unassigned };
}
