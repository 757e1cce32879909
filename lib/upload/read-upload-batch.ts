/**
 * Reading a batch of uploaded files off the page's thread, with a time budget per file (issue 12:
 * a bomb or a 10,000-deep page must leave the tab responsive and get a row saying why it was
 * refused). The batch hands the files one at a time to a reader thread (a Web Worker in the
 * dashboard: app/_lib/read-upload-worker.ts), which answers with ./answer-read-request.ts — the
 * ingest's read path — and posts the finished outcome back (structured clone). This module does
 * not import the reader (pdf.js, mammoth, the parser), so the page that runs the batch never loads it. A file still unread after the
 * budget (UPLOAD_TIME_BUDGET_MS, 30 s; a file read by OCR, whose thread reports its pages first,
 * gets UPLOAD_OCR_PAGE_MS more a page) has its thread ended and a `timeout` row; a thread that stops
 * by itself (the browser ends it, e.g. out of memory) gives its file a `parse_failed` row; either
 * way the rest of the batch goes on in a new thread. Files refused by type or size are refused here,
 * without a thread.
 *
 * No DOM and no Node here: a thread is the small {@link ReaderThread} interface, which the browser
 * implements with `Worker` and the tests with Node's worker_threads.
 */
import type { ReadOptions } from '../read/read-report';
import { ocrTimeoutOutcome, readerStoppedOutcome, refuseBeforeReading, timeoutOutcome, type UploadOutcome } from './upload-outcomes';
import { UPLOAD_OCR_MAX_MS, UPLOAD_OCR_PAGE_MS, UPLOAD_TIME_BUDGET_MS } from './upload-limits';

/** A file as the batch needs it: its name and size in bytes (the reader thread loads the content). */
export interface UploadSource {
  name: string;
  size: number;
}

/** Page → reader thread: read `file` (a `File` in the browser) with `options` (pdf.js's data URLs). */
export interface UploadReadRequest<F extends UploadSource = UploadSource> {
  kind: 'read-upload';
  seq: number;
  file: F;
  options: ReadOptions;
}

/** Reader thread → page: the outcome of request `seq`. */
export interface UploadReadReply {
  kind: 'upload-read';
  seq: number;
  outcome: UploadOutcome;
}

/**
 * Reader thread → page: the file of request `seq` is read by OCR and has `pages` pages; its time
 * budget becomes the batch's budget plus UPLOAD_OCR_PAGE_MS a page (./upload-limits.ts).
 */
export interface UploadOcrPages {
  kind: 'upload-ocr-pages';
  seq: number;
  pages: number;
}

/** Reader thread → page, once, when its code is loaded and it listens for requests. */
export const READER_READY = { kind: 'upload-reader-ready' } as const;

/** Whether a message a reader thread received is a {@link UploadReadRequest} (other messages are ignored). */
export function isUploadReadRequest(data: unknown): data is UploadReadRequest {
  const d = data as Partial<UploadReadRequest> | null;
  return typeof d === 'object' && d !== null && d.kind === 'read-upload' && typeof d.seq === 'number' && typeof d.file?.name === 'string';
}

/** What a reader thread reports to the batch: each message it posts, and that it stopped by itself (crashed, could not load). */
export interface ReaderThreadEvents {
  message(data: unknown): void;
  stopped(): void;
}

/** One reader thread, as the batch drives it. */
export interface ReaderThread<F extends UploadSource> {
  /** Sends a request (the file is structured-cloned: a `File` is passed by reference to its bytes). */
  post(request: UploadReadRequest<F>): void;
  /** Ends the thread at once, whatever it is doing. */
  terminate(): void;
}

/** Starts a reader thread that reports to `events`. */
export type SpawnReaderThread<F extends UploadSource> = (events: ReaderThreadEvents) => ReaderThread<F>;

/** How {@link readUploadBatch} runs. */
export interface UploadBatchOptions<F extends UploadSource> {
  /** Starts a reader thread (at the start, and again after one was ended or stopped). */
  spawn: SpawnReaderThread<F>;
  /** Where pdf.js finds its data (passed to every request). */
  read?: ReadOptions;
  /** The time budget per file, milliseconds (default UPLOAD_TIME_BUDGET_MS, 30 s). */
  budgetMs?: number;
  /** Time added per page when a file is read by OCR, milliseconds (default UPLOAD_OCR_PAGE_MS, 40 s). */
  ocrPageMs?: number;
  /** Called before each file is read: index, count, name. */
  onProgress?: (done: number, total: number, name: string) => void;
}

type Settled = { kind: 'reply'; outcome: UploadOutcome } | { kind: 'stopped' } | { kind: 'timeout'; budgetMs: number; ocrPages: number | null };

/** A live reader thread with what the batch knows of it. */
interface LiveThread<F extends UploadSource> {
  thread: ReaderThread<F>;
  /** Whether it said {@link READER_READY}. */
  ready: boolean;
  /** Whether it stopped by itself (no more requests go to it). */
  stopped: boolean;
  /** The file waiting for an answer, if any. */
  waiting: { seq: number; settle: (s: Settled) => void; ocr: (pages: number) => void } | null;
}

/** Starts a thread whose events settle the file it is reading. */
function startThread<F extends UploadSource>(spawn: SpawnReaderThread<F>): LiveThread<F> {
  const live: LiveThread<F> = { thread: null as unknown as ReaderThread<F>, ready: false, stopped: false, waiting: null };
  live.thread = spawn({
    message: (data) => {
      const d = data as { kind?: unknown; seq?: unknown; outcome?: UploadOutcome } | null;
      if (typeof d !== 'object' || d === null) return;
      if (d.kind === READER_READY.kind) live.ready = true;
      else if (d.kind === 'upload-ocr-pages' && live.waiting && d.seq === live.waiting.seq) live.waiting.ocr(Number((d as UploadOcrPages).pages) || 0);
      else if (d.kind === 'upload-read' && live.waiting && d.seq === live.waiting.seq && d.outcome) {
        live.ready = true;
        live.waiting.settle({ kind: 'reply', outcome: d.outcome });
      }
    },
    stopped: () => {
      live.stopped = true;
      live.waiting?.settle({ kind: 'stopped' });
    },
  });
  return live;
}

/** Sends `file` to `live` and waits for its answer, the thread's stop, or the budget, whichever first. */
function readOnThread<F extends UploadSource>(live: LiveThread<F>, file: F, seq: number, read: ReadOptions, budgetMs: number, ocrPageMs: number): Promise<Settled> {
  return new Promise<Settled>((resolve) => {
    const started = Date.now();
    let timer = setTimeout(() => settle({ kind: 'timeout', budgetMs, ocrPages: null }), budgetMs);
    function settle(s: Settled) {
      clearTimeout(timer);
      live.waiting = null;
      resolve(s);
    }
    // A file read by OCR gets its pages' time on top of the budget, counted from the start of its reading.
    const ocr = (pages: number) => {
      const budget = budgetMs + Math.min(UPLOAD_OCR_MAX_MS, Math.max(0, pages) * ocrPageMs);
      clearTimeout(timer);
      timer = setTimeout(() => settle({ kind: 'timeout', budgetMs: budget, ocrPages: pages }), Math.max(0, budget - (Date.now() - started)));
    };
    live.waiting = { seq, settle, ocr };
    if (live.stopped) return settle({ kind: 'stopped' });
    try {
      live.thread.post({ kind: 'read-upload', seq, file, options: read });
    } catch {
      live.stopped = true;
      settle({ kind: 'stopped' });
    }
  });
}

/**
 * Reads `files` in order, each in a reader thread within the time budget.
 * @returns one outcome per file, in order: the thread's outcome (a record, or why not); a refusal by
 *   type or size (no thread involved); `timeout` when the budget ran out (that thread is ended and
 *   the next file gets a new one); `parse_failed` when the thread stopped by itself while reading
 *   it, or could not start (then the remaining files get the same row, without more attempts).
 *   Never rejects. Every thread started is ended before it resolves.
 */
export async function readUploadBatch<F extends UploadSource>(files: readonly F[], options: UploadBatchOptions<F>): Promise<UploadOutcome[]> {
  const budgetMs = options.budgetMs ?? UPLOAD_TIME_BUDGET_MS;
  const outcomes: UploadOutcome[] = [];
  let live: LiveThread<F> | null = null;
  let cannotStart = false;
  try {
    for (const [i, file] of files.entries()) {
      options.onProgress?.(i, files.length, file.name);
      const refused = refuseBeforeReading(file.name, file.size);
      if (refused || cannotStart) {
        outcomes.push(refused ?? readerStoppedOutcome(file.name, false));
        continue;
      }
      live ??= startThread(options.spawn);
      const settled = await readOnThread(live, file, i, options.read ?? {}, budgetMs, options.ocrPageMs ?? UPLOAD_OCR_PAGE_MS);
      if (settled.kind === 'reply') {
        outcomes.push(settled.outcome);
        continue;
      }
      if (settled.kind === 'timeout') {
        outcomes.push(settled.ocrPages === null ? timeoutOutcome(file.name, budgetMs) : ocrTimeoutOutcome(file.name, settled.budgetMs, settled.ocrPages));
      } else outcomes.push(readerStoppedOutcome(file.name, live.ready));
      cannotStart = settled.kind === 'stopped' && !live.ready;
      live.thread.terminate();
      live = null;
    }
  } finally {
    live?.thread.terminate();
  }
  options.onProgress?.(files.length, files.length, '');
  return outcomes;
}
