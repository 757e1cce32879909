/**
 * Which files an upload may be: its file endings. Kept apart from the reader
 * (./read-uploaded-file.ts, which loads the parsers) so that the upload form can show them cheaply;
 * the size limit, shared with the ingest, is MAX_REPORT_BYTES in lib/read/read-limits.ts.
 */
import { FORMAT_EXTENSIONS, TEXT_EXTENSIONS } from '../parse/file-formats';

/** File endings an upload may have (text and Markdown, PDF, HTML, .docx). */
export const UPLOAD_EXTENSIONS: readonly string[] = [...TEXT_EXTENSIONS, ...FORMAT_EXTENSIONS];
