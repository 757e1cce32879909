/**
 * What an upload may be: its size limit and file endings. Kept apart from the reader
 * (./read-uploaded-file.ts, which loads the parsers) so that the upload form can show them cheaply.
 */
import { FORMAT_EXTENSIONS, TEXT_EXTENSIONS } from '../parse/file-formats';

/** Largest upload read (bytes): 20 MB, as in the issue and the ingest. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** File endings an upload may have (text and Markdown, PDF, HTML, .docx). */
export const UPLOAD_EXTENSIONS: readonly string[] = [...TEXT_EXTENSIONS, ...FORMAT_EXTENSIONS];
