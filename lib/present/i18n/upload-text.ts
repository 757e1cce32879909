/**
 * The 说明 of an uploaded file's row (lib/upload/add-uploads.ts UploadFileResult) in the UI's language
 * (issue 10). The results are made in Chinese — in the reader thread, from the report's own
 * status_message — and shown as they are in Chinese; in English the sentence is composed from the
 * result's fields: its outcome, the reason it was not added (a refusal of lib/upload/upload-outcomes.ts, a
 * report status of lib/model/report-schema.ts, or `database`), and for an added report its year,
 * the tables read and its flags by severity. File and agency names are left out of the English
 * sentence (the row shows the file name beside it, marked as data). The numbers of a refusal (the
 * file types, the size limit, the seconds) are read from its Chinese message, which lib/upload writes
 * from its constants (lib/present may not import lib/upload or lib/read).
 */
import type { Flag, Report } from '../../model/report-schema';
import type { Lang } from './lang';
import { statusText } from './status-text';
import { zhT, type Translate } from './translate';

/** The fields of an upload result (lib/upload/add-uploads.ts UploadFileResult) the sentence is made from. */
export type UploadResultFields =
  | { outcome: 'added'; reportId: string; message: string; record: { report: Pick<Report, 'year' | 'tables_found' | 'status' | 'status_message'>; flags: ReadonlyArray<Pick<Flag, 'severity'>> } }
  | { outcome: 'duplicate'; reportId: string; message: string }
  | { outcome: 'rejected'; reportId: string | null; reason: string; message: string };

/** `unsupported_type` in English, with the accepted endings read from the Chinese message (`可上传 .txt .md …（`). */
function unsupportedText(message: string): string {
  const list = /可上传 ([^（]+)（/.exec(message)?.[1]?.trim();
  return `Unsupported file type, not added. Upload ${list ?? 'a report as PDF, .docx, HTML or text'} (scans and images are read by OCR); save an old Word .doc as .docx.`;
}

/** `too_large` in English, with the size and the limit read from the Chinese message (`（21.0 MB，上限 20 MB）`). */
function tooLargeText(message: string): string {
  const m = /（([\d.]+) MB，上限 ([\d.]+) MB）/.exec(message);
  const size = m ? ` (${m[1]} MB; the limit is ${m[2]} MB)` : '';
  return `The file is too large${size} and was not read. Check that it is a single annual report, or remove its images and upload it again.`;
}

/** English sentences for the refusals that are not a report status. */
const REFUSALS: Record<string, string> = {
  unreadable: 'The file could not be read, not added. Choose the file again.',
  parse_failed:
    'The reader failed on this file, not added. Save it as PDF, .docx or UTF-8 text and upload it again; if it still fails, please report this file.',
  database:
    'The report was read but could not be written to the database in this browser. Refresh the page and upload it again; if it still fails, please report this file.',
};

/** The English sentence of a `timeout`: OCR or not, from the Chinese message. */
function timeoutText(message: string): string {
  const seconds = /(\d+(?:\.\d+)?) 秒/.exec(message)?.[1];
  const within = seconds ? ` within ${seconds} s` : '';
  return message.includes('OCR')
    ? `A scan or image whose OCR did not finish${within}; stopped, not added. Upload a PDF with a text layer, a .docx or a text version, or import it on your computer with npm run ingest -- --timeout-s 600.`
    : `Reading did not finish${within} and was stopped, not added. Check that this is a complete annual report; a very complex web page or document can be saved as PDF, .docx or UTF-8 text and uploaded again.`;
}

/** The notes the page adds to an added report's message (the alias table, this tab's storage), in English. */
function notes(message: string): string {
  const out: string[] = [];
  if (message.includes('机关别名表没能读取')) out.push(' Note: the agency alias table could not be read, so this report is grouped by the agency as parsed; refresh the page and upload it again.');
  if (message.includes('存储空间不足')) out.push(" Note: this tab's storage is full, so this report is only in the current page and will be gone after a reload.");
  return out.join('');
}

/** An added report in English: year, the tables read, the flags by severity (and, for a partial report, what was not read). */
function addedText(r: Extract<UploadResultFields, { outcome: 'added' }>): string {
  const rep = r.record.report;
  const year = rep.year !== null ? `Year ${rep.year}` : 'Year unknown';
  const names: Record<string, string> = { t2: 'Table 2', t3: 'Table 3', t4: 'Table 4' };
  const tables = rep.tables_found.length ? `read ${rep.tables_found.map((t) => names[t] ?? t).join(', ')}` : 'no table read';
  const by = (s: string) => r.record.flags.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(by('error'), 'error'), plural(by('warning'), 'warning'), `${by('info')} info`].filter((p) => !p.startsWith('0 '));
  const n = r.record.flags.length;
  const flags = n ? `${plural(n, 'flag')} (${parts.join(', ')})` : 'no rule raised a flag';
  const partial = rep.status === 'partial' ? ` ${statusText('partial', rep.status_message, 'en')}` : '';
  return `${year}; ${tables}; ${flags}.${partial}${notes(r.message)}`;
}

/**
 * The 说明 of one upload result in `lang`: the result's Chinese message, unchanged, for `zh`; for
 * `en` a sentence by outcome and reason that says what happened and what to do. Never throws.
 */
export function uploadResultText(r: UploadResultFields, lang: Lang, t: Translate = zhT): string {
  if (lang === 'zh') return r.message;
  if (r.outcome === 'added') return addedText(r);
  if (r.outcome === 'duplicate') {
    return r.message.includes('本次上传')
      ? 'The same content as another file of this upload; not added twice.'
      : `A report with exactly the same content is already loaded (report ${r.reportId}); not added again.`;
  }
  if (r.reason === 'timeout') return timeoutText(r.message);
  if (r.reason === 'unsupported_type') return unsupportedText(r.message);
  if (r.reason === 'too_large' && r.message.includes('MB')) return tooLargeText(r.message);
  return REFUSALS[r.reason] ?? (statusText(r.reason, r.message || r.reason, 'en', t) || `${r.reason}.`);
}

/** The notice when this tab's kept uploads cannot be put back (lib/upload/add-uploads.ts restoreUploadedRecords), as a key with the error's detail. */
export const RESTORE_FAILED_KEY = '之前上传的报告没能恢复到数据库（{{detail}}）。请重新上传这些文件。';

/**
 * The notice of a failed restore of this tab's uploads as a translatable text: the key
 * {@link RESTORE_FAILED_KEY} with the detail read from the Chinese `error` of
 * restoreUploadedRecords (`之前上传的报告没能恢复到数据库（…）。请重新上传这些文件。`), so that
 * `t(key, vars)` is that error, unchanged, in Chinese and an English sentence in English; an error
 * of another shape is its own key (shown as written). Never throws.
 */
export function restoreFailureText(error: string): { key: string; vars?: { detail: string } } {
  const detail = /^之前上传的报告没能恢复到数据库（([\s\S]*)）。请重新上传这些文件。$/.exec(error)?.[1];
  return detail === undefined ? { key: error } : { key: RESTORE_FAILED_KEY, vars: { detail } };
}
