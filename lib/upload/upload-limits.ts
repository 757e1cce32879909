/**
 * What an upload may be and how long it may take: the file endings and the time budget of reading
 * one file. Kept apart from the reader (./read-uploaded-file.ts, which loads the parsers) so that
 * the upload form can show them cheaply; the size limit, shared with the ingest, is
 * MAX_REPORT_BYTES in lib/read/read-limits.ts.
 */
import { FORMAT_EXTENSIONS, TEXT_EXTENSIONS } from '../parse/file-formats';

/** File endings of images an upload may be (read by OCR, issue 13: a scanned page, a screenshot or photo of a table). */
export const IMAGE_UPLOAD_EXTENSIONS: readonly string[] = ['.png', '.jpg', '.jpeg'];

/** File endings an upload may have (text and Markdown, PDF, HTML, .docx; PNG and JPEG images, read by OCR). */
export const UPLOAD_EXTENSIONS: readonly string[] = [...TEXT_EXTENSIONS, ...FORMAT_EXTENSIONS, ...IMAGE_UPLOAD_EXTENSIONS];

/**
 * Longest the browser reads one uploaded file (milliseconds): 30 s, the ingest's default budget per
 * file (issue 12). A file still being read after that is stopped (its reader thread is ended) and
 * gets a `timeout` row; the rest of the batch goes on in a new reader (./read-upload-batch.ts).
 */
export const UPLOAD_TIME_BUDGET_MS = 30_000;

/**
 * Time added to a file's budget per page read by OCR in the browser (milliseconds): 40 s — OCR
 * takes ~10–20 s a page in a browser worker (README, "Tables printed as images"). The reader
 * thread reports the pages before reading them (./read-upload-batch.ts); the budget is
 * UPLOAD_TIME_BUDGET_MS plus this a page, at most {@link UPLOAD_OCR_MAX_MS} more.
 */
export const UPLOAD_OCR_PAGE_MS = 40_000;

/** Most time OCR may add to one uploaded file's budget (milliseconds): 10 min. */
export const UPLOAD_OCR_MAX_MS = 600_000;
