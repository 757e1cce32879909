/**
 * What an upload may be and how long it may take: the file endings and the time budget of reading
 * one file. Kept apart from the reader (./read-uploaded-file.ts, which loads the parsers) so that
 * the upload form can show them cheaply; the size limit, shared with the ingest, is
 * MAX_REPORT_BYTES in lib/read/read-limits.ts.
 */
import { FORMAT_EXTENSIONS, TEXT_EXTENSIONS } from '../parse/file-formats';

/** File endings an upload may have (text and Markdown, PDF, HTML, .docx). */
export const UPLOAD_EXTENSIONS: readonly string[] = [...TEXT_EXTENSIONS, ...FORMAT_EXTENSIONS];

/**
 * Longest the browser reads one uploaded file (milliseconds): 30 s, the ingest's default budget per
 * file (issue 12). A file still being read after that is stopped (its reader thread is ended) and
 * gets a `timeout` row; the rest of the batch goes on in a new reader (./read-upload-batch.ts).
 */
export const UPLOAD_TIME_BUDGET_MS = 30_000;
