/**
 * What a file may be to be read at all: its size limit. Kept apart from the readers (which load
 * pdf.js, mammoth and parse5) so that the upload form can name the limit cheaply.
 */

/** Largest file read (bytes): 20 MB, for the ingest and for uploads alike; larger files are not read. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/**
 * Why a file of `size` bytes is not read, or null when it may be: the message names the file, its
 * size in MB and the limit, and says what to do.
 */
export function tooLargeMessage(name: string, size: number): string | null {
  if (size <= MAX_REPORT_BYTES) return null;
  return `${name}：文件过大（${(size / 1048576).toFixed(1)} MB，上限 ${MAX_REPORT_BYTES / 1048576} MB），未读取。请确认这是单份年度报告，或删去其中的图片后再导入。`;
}
