/**
 * Reads a report a user dropped onto the dashboard, in the browser: the file's type and size are
 * checked before it is loaded, then the one read path the ingest uses (lib/read/read-report.ts:
 * content-hash id via WebCrypto, parse, normalize, assembly, single-report checks, validation).
 * In the dashboard this runs in a Web Worker (./read-upload-batch.ts, app/_lib/read-upload-worker.ts)
 * so that a hostile file cannot freeze the tab. Nothing leaves the machine. Every failure is a value
 * whose message names the file and says what to do, in one sentence — never JSON or a stack trace.
 */
import { errorDetail } from '../model/error-detail';
import { readReport, type ReadOptions } from '../read/read-report';
import { readFailureMessage, refuseBeforeReading, type UploadOutcome } from './upload-outcomes';

/**
 * Reads one uploaded file.
 * @param name the file's name as dropped
 * @param size its size in bytes (checked against MAX_REPORT_BYTES, 20 MB, before reading, so a
 *   huge file is never loaded)
 * @param read reads the bytes (e.g. `() => file.arrayBuffer()`)
 * @param options where pdf.js finds its character maps and fonts (served by the app)
 * @returns ok with a validated record of status `ok` or `partial`; else `unsupported_type` or
 *   `too_large` without a record, or `unreadable` — with the record when the bytes were read and
 *   gave no report (`not_a_report`, `no_text_layer`, `parse_failed`, …; its message), without when
 *   they could not be read. Never rejects: a reader that throws gives `parse_failed`
 *   ({@link readFailureMessage}).
 */
export async function readUploadedFile(
  name: string,
  size: number,
  read: () => Promise<ArrayBuffer>,
  options: ReadOptions = {},
): Promise<UploadOutcome> {
  const refused = refuseBeforeReading(name, size);
  if (refused) return refused;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await read());
  } catch (e) {
    return { ok: false, file: name, reason: 'unreadable', message: `${name}：无法读取文件${errorDetail(e) ? `（${errorDetail(e)}）` : ''}。请重新选择该文件。`, record: null };
  }
  try {
    const outcome = await readReport(bytes, name, options);
    if (outcome.ok) return { ok: true, file: name, record: outcome.value };
    return { ok: false, file: name, reason: 'unreadable', message: outcome.error.message, record: outcome.error.record };
  } catch (e) {
    return { ok: false, file: name, reason: 'parse_failed', message: readFailureMessage(name, e), record: null };
  }
}
