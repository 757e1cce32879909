/**
 * The layout families of the benchmark (issue 11): each is a way real documents print the three
 * tables, imitated from a real file of data/seeds or data/corpus (labels, punctuation, spacing).
 * The same generated tables are rendered in every family, so the bench can say per family how
 * many cells the read path gets right.
 */
import type { Result } from '../model/result';

/** A family key (used in file names, the CLI's --layouts and the bench's table). */
export type LayoutFamily =
  | 'tabs'
  | 'cell_per_line'
  | 'ocr_noisy'
  | 'markdown_row_groups'
  | 'flattened_t4'
  | 'html_spans'
  | 'pdf_columns'
  | 'one_line_spaced'
  | 'run_together'
  | 'partial_spacing'
  | 'full_width_digits'
  | 'cell_notes';

/** What a family is and which real document it imitates. */
export interface LayoutFamilyInfo {
  key: LayoutFamily;
  /** File ending the report is written with (`txt`, `md`, `html`). */
  ext: 'txt' | 'md' | 'html';
  /** The real document(s) it imitates. */
  imitates: string;
  /** One line: what is particular about it. */
  description: string;
}

/** Every family, in the order the bench prints them. */
export const LAYOUT_FAMILIES: readonly LayoutFamilyInfo[] = [
  { key: 'tabs', ext: 'txt', imitates: 'data/seeds/000, 002', description: 'tab-separated rows, group labels in their own fields' },
  { key: 'cell_per_line', ext: 'txt', imitates: 'data/seeds/004', description: 'one cell per line, each indented by a tab' },
  { key: 'ocr_noisy', ext: 'txt', imitates: 'data/seeds/003', description: 'OCR-noisy labels (本生F新收), labels split over fields, a value line without its label' },
  { key: 'markdown_row_groups', ext: 'txt', imitates: 'data/corpus/shuyang-county-government-2025.txt', description: 'a Markdown table per row group with placeholder headers (数据1…)' },
  { key: 'flattened_t4', ext: 'md', imitates: 'data/corpus/suqian-city-government-2025-excerpt.md', description: 'Markdown rows without headers; table 四 as one unlabeled row of 15 numbers' },
  { key: 'html_spans', ext: 'html', imitates: 'data/corpus/anonymized-city-government-2025.html', description: 'HTML tables with rowspan/colspan' },
  { key: 'pdf_columns', ext: 'txt', imitates: 'pdftotext -layout of data/corpus/huaian-city-government-2024.pdf', description: 'columns aligned by spaces, wrapped labels, page numbers and running headers inside table 三' },
  { key: 'one_line_spaced', ext: 'txt', imitates: 'data/corpus/pingtan-public-security-bureau-2024.txt', description: 'archive header block, the body on one line, cells separated by spaces' },
  { key: 'run_together', ext: 'txt', imitates: 'data/corpus/pingtan-public-security-bureau-2024.txt', description: 'archive header, one-line body, each row\'s digits run together, next label glued (00000002.其他…)' },
  { key: 'partial_spacing', ext: 'txt', imitates: 'data/corpus/pingtan-public-security-bureau-2024.txt', description: 'as run_together with about half of the gaps printed as a space (10 0 0 0 01)' },
  { key: 'full_width_digits', ext: 'txt', imitates: 'data/seeds/000 with full-width digits (１２)', description: 'tab-separated rows, numbers in full-width digits' },
  { key: 'cell_notes', ext: 'txt', imitates: 'data/corpus/shanghai-government-office-2025.md', description: 'tab-separated rows, table 二 cells with notes (22（其中修订16件）)' },
];

/** The family's metadata. */
export function familyInfo(key: LayoutFamily): LayoutFamilyInfo {
  return LAYOUT_FAMILIES.find((f) => f.key === key)!;
}

/**
 * Reads a --layouts argument: `all`, or family keys separated by commas.
 *
 * @returns the families in the bench's order, or an error sentence naming the unknown keys and the known ones
 */
export function parseLayoutList(arg: string): Result<LayoutFamily[], string> {
  const keys = arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (keys.length === 0 || keys.includes('all')) return { ok: true, value: LAYOUT_FAMILIES.map((f) => f.key) };
  const unknown = keys.filter((k) => !LAYOUT_FAMILIES.some((f) => f.key === k));
  if (unknown.length)
    return { ok: false, error: `unknown layout ${unknown.join(', ')}: use all or some of ${LAYOUT_FAMILIES.map((f) => f.key).join(', ')}` };
  return { ok: true, value: LAYOUT_FAMILIES.filter((f) => keys.includes(f.key)).map((f) => f.key) };
}
