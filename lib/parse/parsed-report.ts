/**
 * What parsing hands on: a file's text read into sections, metadata and the printed rows of its
 * three tables — or why nothing usable could be read. Parsing stops here; the printed rows become
 * the form's cells in lib/normalize, and lib/read assembles the record (report row, cells, flags).
 */
import type { Result } from '../model/result';
import type { FormVersion, ReportStatus, SectionKey, TableKey } from '../model/report-schema';
import type { EmbeddedImage } from './embedded-images';
import type { PageMetadata } from './read-page-metadata';
import type { ReportMetadata } from './read-report-metadata';
import type { PrintedRow } from './tokenize-table-text';

/** The printed rows of one table (二 `t2`, 三 `t3`, 四 `t4`) under its section. */
export interface PrintedTable {
  table: TableKey;
  /** Whether the report has the section the table belongs under (二、主动公开… / 三、… / 四、…). */
  sectionFound: boolean;
  /** The section's rows as printed (labels and values); empty when the section is absent. */
  rows: PrintedRow[];
  /**
   * Whether the text ran on without line breaks (reline-running-text.ts), so a printed number may
   * be several cells run together (`0000000`, `10 0 0 0 01`): lib/normalize then splits the digit
   * runs by the form's identities (solve-run-together.ts) instead of reading each as one number.
   */
  runTogether: boolean;
}

/** A text read as far as parsing goes. */
export interface ParsedText {
  /** The text as read (tables one row per line), kept for the report page and the prose checks. */
  text: string;
  /** Keys of the sections found, in the order printed. */
  sectionsFound: SectionKey[];
  /** Who published the report, for which year, and when (read-report-metadata.ts). */
  metadata: ReportMetadata;
  /** What the page or capture that carried the report says about it (read-page-metadata.ts); all null for a plain file. */
  page: PageMetadata;
  /**
   * Whether the text reads as an annual disclosure report: 政府信息公开工作年度报告 (or the like)
   * in its first 3,000 characters, and two sections or a year.
   */
  looksLikeReport: boolean;
  /** The table format (国办公开办函〔2019〕60号 `2019`, 〔2021〕30号 `2021`), null when unknown or not a report. */
  formVersion: FormVersion | null;
  /** The tables t2, t3, t4 in that order; empty when the text does not look like a report. */
  tables: PrintedTable[];
  /**
   * How many invalid byte sequences of a UTF-8 file were read as U+FFFD (decode-report-bytes.ts);
   * absent or 0 when the bytes decoded cleanly (lib/read raises TEXT_BYTES_REPLACED otherwise).
   */
  replacedBytes?: number;
  /**
   * The images inside the report (an HTML page's `<img>`, a Word file's pictures; ./embedded-images.ts),
   * in document order; absent when it has none. lib/read OCRs them for a table missing from the text.
   */
  images?: EmbeddedImage[];
}

/**
 * Why a file yielded no text: the report status it gets (`empty_file`, `binary_file`,
 * `undecodable_text`, `no_text_layer`, `read_error`, `unsupported_format`) and the message for the
 * user — naming the file and saying what to do, in one sentence.
 */
export interface ParseFailure {
  status: ReportStatus;
  message: string;
}

/** The outcome of parsing one file. Never an exception. */
export type ParseResult = Result<ParsedText, ParseFailure>;

/** A failed {@link ParseResult}. */
export function parseFailure(status: ReportStatus, message: string): ParseResult {
  return { ok: false, error: { status, message } };
}
