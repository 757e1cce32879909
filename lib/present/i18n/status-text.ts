/**
 * A report's `status_message` in the UI's language (issue 10). The message is written at ingest (or
 * upload) in Chinese and names files and report ids; in English it is composed from the report's
 * `status` (lib/model/report-schema.ts ReportStatus; names in lib/present/labels.ts
 * REPORT_STATUS_LABELS): what was wrong and what to do, in one or two sentences. The few facts
 * the Chinese message carries that are not data to keep as printed — the tables not read, a
 * duplicate's kept report id, whether OCR read it — are carried over; file and agency names are
 * left out (the page shows them beside the message).
 */
import { reportStatusLabel } from '../labels';
import type { Lang } from './lang';
import { zhT, type Translate } from './translate';

/** The English sentence of each report status (without the facts read from the message). */
const BY_STATUS: Record<string, string> = {
  ok: 'All three tables were read.',
  empty_file: 'The file is empty. Add the complete report file.',
  binary_file: 'This is not a text file the dashboard can read. Save the report as PDF, .docx or UTF-8 text and add it again.',
  unsupported_format: 'This file type is not supported. Save the report as PDF, .docx, HTML or UTF-8 text and add it again.',
  undecodable_text: 'The text cannot be decoded (neither UTF-8, UTF-16 nor GB18030). Save it as UTF-8 text and add it again.',
  not_a_report:
    'This does not look like a government information-disclosure annual report (no title or tables of the form were found). Check that the right file was chosen.',
  read_error: 'The file could not be opened (damaged or protected). Save a fresh copy as PDF, .docx or UTF-8 text and add it again.',
  no_text_layer:
    'A scan without a text layer, and OCR could not read its tables. Add a version with text (a PDF with text, .docx) or enter the tables by hand.',
  blank_form: "An unfilled blank form, not an agency's annual report; it is not counted. Use the annual report with its data filled in.",
  duplicate: 'The same report as another one already loaded (same agency, same year, same numbers); it is not counted again.',
  parse_failed: 'The report could not be parsed. Save it as PDF, .docx or UTF-8 text and add it again; if it still fails, report the file.',
  timeout:
    'Reading took too long and was stopped. Check that this is a complete annual report, or save it as PDF, .docx or UTF-8 text and add it again.',
  too_large: 'The file is over the reading limit. Add the annual report on its own (not a collection of documents), or split it.',
};

/** The tables a message names (`（表二）`, `表三`, …), as `Table 2` …, in the form's order. */
function tablesNamed(message: string): string[] {
  const names: Array<[string, string]> = [['表二', 'Table 2'], ['表三', 'Table 3'], ['表四', 'Table 4']];
  return names.filter(([k]) => message.includes(k)).map(([, en]) => en);
}

/** The English sentence of a `partial` report, from the tables and cells its message names. */
function partialText(message: string): string {
  const parts: string[] = [];
  const notRead = /未读到[:：]([^。；]*)/.exec(message);
  const tables = notRead ? tablesNamed(notRead[1]) : [];
  if (tables.length > 0) parts.push(`Partly read: ${tables.join(', ')} not found as readable text (perhaps printed as images).`);
  else parts.push('Partly read: some tables or cells could not be read.');
  if (message.includes('CELL_MISSING')) parts.push('Some cells are missing (see the CELL_MISSING flags).');
  if (message.includes('OCR')) parts.push('Tables were read by OCR; check the flagged cells against the image.');
  parts.push('The rest is counted; check the flags on the report page.');
  return parts.join(' ');
}

/**
 * A report's status message in `lang`: the stored Chinese `message`, unchanged, for `zh`; for
 * `en` an English sentence by `status` saying what was wrong and what to do ('' when the message
 * is empty, as for a report read in full). An unknown status gives its label (through `t`).
 * Never throws.
 */
export function statusText(status: string, message: string | null | undefined, lang: Lang, t: Translate = zhT): string {
  const msg = message ?? '';
  if (lang === 'zh') return msg;
  if (msg.trim() === '') return '';
  if (status === 'partial') return partialText(msg);
  if (status === 'duplicate') {
    const kept = /report_id\s*([0-9a-f]{16}(?:-\d+)?)/.exec(msg);
    return kept ? `${BY_STATUS.duplicate.replace('another one already loaded', `report ${kept[1]}`)}` : BY_STATUS.duplicate;
  }
  return BY_STATUS[status] ?? `${t(reportStatusLabel(status))}.`;
}
