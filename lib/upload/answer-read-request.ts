/**
 * The reader thread's side of ./read-upload-batch.ts: reads one requested file with the ingest's
 * read path (./read-uploaded-file.ts → lib/read readReport). Imported only by the reader thread
 * (app/_lib/read-upload-worker.ts in the browser), never by the page, so the reader's code and its
 * dependencies stay out of the page's bundle.
 */
import { readUploadedFile } from './read-uploaded-file';
import type { UploadReadReply, UploadReadRequest, UploadSource } from './read-upload-batch';
import { readFailureMessage } from './upload-outcomes';

/**
 * Answers one request inside a reader thread: reads the file with {@link readUploadedFile}.
 * @param request what to read
 * @param load loads the file's bytes (e.g. `(f) => f.arrayBuffer()` for a `File`)
 * @returns the reply to post back. Never rejects: anything thrown becomes a `parse_failed` outcome
 *   whose message is a sentence (readFailureMessage).
 */
export async function answerReadRequest<F extends UploadSource>(request: UploadReadRequest<F>, load: (file: F) => Promise<ArrayBuffer>): Promise<UploadReadReply> {
  const { name, size } = request.file;
  try {
    return { kind: 'upload-read', seq: request.seq, outcome: await readUploadedFile(name, size, () => load(request.file), request.options) };
  } catch (e) {
    return { kind: 'upload-read', seq: request.seq, outcome: { ok: false, file: name, reason: 'parse_failed', message: readFailureMessage(name, e), record: null } };
  }
}
