/**
 * Hostile uploads built by the tests (issue 12), never stored in the repository: an HTML page
 * nested thousands of elements deep, and a "zip bomb" .docx — a small package whose
 * word/document.xml inflates to hundreds of MB (the case: 528 KB → 500 MB).
 */

/**
 * An HTML page whose body nests `depth` elements — `div`s, or tables (`<table><tr><td>` per level)
 * — around one line of text that is no report (the reader must walk it without overflowing its
 * stack and say what the page is not).
 */
export function deeplyNestedHtml(depth: number, kind: 'div' | 'table'): string {
  const [open, close] = kind === 'div' ? ['<div>', '</div>'] : ['<table><tr><td>', '</td></tr></table>'];
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>嵌套网页</title></head><body>${open.repeat(depth)}这是一个嵌套很深的网页。${close.repeat(depth)}</body></html>`;
}

/**
 * The .docx zip bomb, built by the ingest's hostile-folder fixture (lib/pipeline/hostile-inputs.fixture.ts:
 * a valid Word package whose word/document.xml inflates to `megabytes` MB, ~330:1, with honest
 * sizes and CRC-32 in its central directory).
 */
export { docxBomb } from '../../lib/pipeline/hostile-inputs.fixture';
