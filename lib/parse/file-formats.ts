/**
 * The file endings the readers know, without the readers themselves (so that a page can name them
 * — e.g. a file picker's `accept` list — without loading pdf.js, mammoth or parse5).
 * parse-report-bytes.ts dispatches on them.
 */

/** File endings read as plain text or Markdown (UTF-8, UTF-16 or GB18030). */
export const TEXT_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown'];
/** File endings read by a format parser of their own. */
export const FORMAT_EXTENSIONS: readonly string[] = ['.pdf', '.html', '.htm', '.xhtml', '.docx'];
/** File endings this build recognizes but cannot read: old binary Word files. */
export const PLANNED_EXTENSIONS: readonly string[] = ['.doc', '.wps'];

/**
 * The ending of a file name, lower-cased with its dot (`report.PDF` → `.pdf`), or '' when the name
 * has none (`README`, `folder.d/file`).
 */
export function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name.toLowerCase());
  return m ? m[0] : '';
}
