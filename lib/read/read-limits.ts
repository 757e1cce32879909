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

/** Time a file may take to be read (ms), in the ingest (lib/pipeline: each file in a worker thread): 30 s; a file that takes longer gets status `timeout`. */
export const READ_TIME_BUDGET_MS = 30_000;

/** Heap a worker reading one file may use (MB, worker `resourceLimits.maxOldGenerationSizeMb`): 2,048; a file that needs more gets status `too_large`. */
export const READ_MEMORY_BUDGET_MB = 2048;

/** Why a file is `timeout`: reading it took longer than `budgetMs`. Names the file and says what to do. */
export function timeoutMessage(name: string, budgetMs: number): string {
  return `${name}：读取超过 ${budgetMs % 1000 ? (budgetMs / 1000).toFixed(1) : budgetMs / 1000} 秒仍未完成，已停止（文件可能过大或结构异常）。请确认这是单份年度报告，或另存为 PDF、.docx 或 UTF-8 文本后再导入。`;
}

/** Why a file is `too_large` for memory: reading it needed more than `budgetMb` of memory. Names the file and says what to do. */
export function memoryMessage(name: string, budgetMb: number): string {
  return `${name}：读取所需内存超过上限（${budgetMb} MB），已停止。请确认这是单份年度报告，或删去其中的图片、拆分后再导入。`;
}
