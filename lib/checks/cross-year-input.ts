/**
 * What the cross-year rules (CARRYOVER_CONTINUITY, IN_FORCE_CONTINUITY, TEXT_REUSE) need of a
 * report: its row, the few cells they compare and a digest of its prose — small enough to keep
 * for 100,000 reports in memory while the full records are streamed to disk.
 */
import type { Cell, Report, ReportRecord } from '../model/report-schema';
import { proseSentences } from './report-prose';

/** One comparable prose sentence: a 32-bit hash of its normalized text, its length and offsets. */
export interface DigestSentence {
  hash: number;
  /** Length of the normalized sentence (characters). */
  length: number;
  start: number;
  end: number;
}

/** A report as the cross-year rules see it. `text` is optional (used only for evidence). */
export interface CrossYearInput {
  report: Report;
  cells: Cell[];
  sentences: DigestSentence[];
  text: string | null;
}

/** Sentences shorter than this (after normalizing) are headings or boilerplate, not compared. */
export const MIN_SENTENCE = 12;
/** Numbered headings (（一）主动公开信息情况。, 二、主动公开政府信息情况) are the form's, not the author's. */
const HEADING = /^[（(]?[一二三四五六七八九十\d]+[)）、.．][^。]{0,24}[。]?$/;

/** Normalizes a sentence for comparison: no whitespace, every run of digits replaced by #. */
export function normalizeSentence(s: string): string {
  return s.replace(/\s+/g, '').replace(/\d+/g, '#');
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The comparable sentences of a text (not headings, at least MIN_SENTENCE characters), hashed. */
export function proseDigest(text: string): DigestSentence[] {
  const out: DigestSentence[] = [];
  for (const s of proseSentences(text)) {
    const n = normalizeSentence(s.text);
    if (n.length < MIN_SENTENCE || HEADING.test(s.text.trim())) continue;
    out.push({ hash: fnv1a(n), length: n.length, start: s.start, end: s.end });
  }
  return out;
}

/** The cells the cross-year rules read: t3 上年结转/结转下年度 and t2 规章/行政规范性文件. */
const CROSS_YEAR_CELL = (c: Cell) =>
  (c.table === 't3' && (c.row === 'carried_over' || c.row === 'carried_forward') && c.column === 'total') ||
  (c.table === 't2' && (c.row === 'regulations' || c.row === 'normative_documents'));

/**
 * The `table.row.column` refs of the record's OCR cells that an OCR_UNCERTAIN flag names: readings
 * the identities could not confirm, held for a person (lib/store/facts.ts keeps them out of the
 * views) — never compared across years either, so no cross-year flag rests on an unconfirmed reading.
 */
function heldOcrRefs(record: ReportRecord): Set<string> {
  const held = new Set<string>();
  for (const f of record.flags) if (f.rule === 'OCR_UNCERTAIN') for (const ref of f.subject) held.add(ref);
  return held;
}

/**
 * Builds the cross-year input of a record; keeps the text only when `keepText`. OCR cells held for
 * a person ({@link heldOcrRefs}) are left out, so the rules see them as missing (not evaluated).
 */
export function crossYearInput(record: ReportRecord, keepText = true): CrossYearInput {
  const held = heldOcrRefs(record);
  return {
    report: record.report,
    cells: record.cells.filter((c) => CROSS_YEAR_CELL(c) && !(c.status === 'ocr' && held.has(`${c.table}.${c.row}.${c.column}`))),
    sentences: proseDigest(record.text),
    text: keepText ? record.text : null,
  };
}
