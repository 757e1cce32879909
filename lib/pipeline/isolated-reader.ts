/**
 * Each file read in isolation: a reader owns one worker thread (./ingest-worker.ts) and gives it
 * one file at a time, with a time budget (READ_TIME_BUDGET_MS, 30 s) and a memory budget
 * (READ_MEMORY_BUDGET_MB via the worker's `resourceLimits`; lib/read/read-limits.ts). When a file
 * runs past its time, exhausts the worker's heap, or the worker dies, the answer for that file is
 * a failure (`timeout`, `too_large`, `parse_failed` with a message saying what to do), the worker
 * is replaced, and the next file is read — one file never stops the batch. A file that goes to
 * OCR (the worker reports its pages, ./isolated-reader-ocr-budget.ts) gets 20 s more a page, and
 * its timeout message says OCR took the time and to raise `--timeout-s`.
 */
import { Worker } from 'node:worker_threads';
import type { ReportStatus } from '../model/report-schema';
import { memoryMessage, READ_MEMORY_BUDGET_MB, READ_TIME_BUDGET_MS, timeoutMessage } from '../read/read-limits';
import { parseFailedMessage } from '../read/read-report';
import type { ReadTask, WorkerAnswer, WorkerSetup } from './ingest-worker';
import { isOcrPagesMessage, OCR_PAGE_BUDGET_MS, OCR_PROGRESS_FLAG, ocrBudgetMs, ocrTimeoutMessage } from './isolated-reader-ocr-budget';

/** The budgets of one file's reading. */
export interface IsolationOptions {
  /** Time a file may take (ms); default READ_TIME_BUDGET_MS (30 s). */
  timeoutMs?: number;
  /** Heap a worker may use (MB); default READ_MEMORY_BUDGET_MB (2,048). */
  memoryMb?: number;
  /**
   * Time added per page when a file goes to OCR (ms; default OCR_PAGE_BUDGET_MS, 20 s): the worker
   * reports the pages and the file's budget becomes `timeoutMs` plus this a page
   * (./isolated-reader-ocr-budget.ts ocrBudgetMs).
   */
  ocrPageMs?: number;
}

/** How long a new worker may take to load its modules before the ingest gives up (ms). */
const STARTUP_MS = 180_000;

/** A reader of files in a worker thread, one at a time; `close` ends the worker. */
export interface IsolatedReader {
  /** Reads one file; resolves with the worker's answer or the failure that ended it. Rejects only when no worker can be started. */
  read(task: ReadTask): Promise<WorkerAnswer>;
  close(): Promise<void>;
}

/** A failed answer for `task`. */
function failed(task: ReadTask, status: ReportStatus, message: string): WorkerAnswer {
  return { kind: 'failed', index: task.index, status, message };
}

/** Starts a worker and waits for its `ready`; rejects (with a sentence) when it cannot start. */
function startWorker(setup: WorkerSetup, memoryMb: number): Promise<Worker> {
  const worker = new Worker(new URL('./ingest-worker-bootstrap.mjs', import.meta.url), {
    workerData: { ...setup, [OCR_PROGRESS_FLAG]: true },
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
  });
  return new Promise((resolve, reject) => {
    const onMessage = (m: { kind: string }) => {
      if (m.kind !== 'ready') return fail(`unexpected message ${m.kind}`);
      stop();
      resolve(worker);
    };
    const onError = (e: Error) => fail(e.message);
    const onExit = (code: number) => fail(`exited with ${code}`);
    // Only our own listeners are removed: Worker keeps internal ones (removeAllListeners would stop its messages).
    const stop = () => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    const fail = (why: string) => {
      stop();
      void worker.terminate();
      reject(new Error(`the ingest's reading worker could not start (${why})`));
    };
    const timer = setTimeout(() => fail(`not ready after ${STARTUP_MS / 1000} s`), STARTUP_MS);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/**
 * A reader with its own worker (started on the first read, restarted after a failure).
 *
 * @param setup what the worker answers (`record` or `rows`, ./ingest-worker.ts WorkerSetup)
 * @param opts the budgets (defaults: 30 s, 2,048 MB)
 */
export function isolatedReader(setup: WorkerSetup, opts: IsolationOptions = {}): IsolatedReader {
  const timeoutMs = opts.timeoutMs ?? READ_TIME_BUDGET_MS;
  const memoryMb = opts.memoryMb ?? READ_MEMORY_BUDGET_MB;
  const ocrPageMs = opts.ocrPageMs ?? OCR_PAGE_BUDGET_MS;
  let worker: Worker | null = null;

  const read = async (task: ReadTask): Promise<WorkerAnswer> => {
    let w = worker;
    if (!w) {
      const started = await startWorker(setup, memoryMb);
      // An idle worker that dies is replaced on the next read; its errors never reach the process.
      started.on('error', () => undefined);
      started.on('exit', () => {
        if (worker === started) worker = null;
      });
      w = worker = started;
    }
    const current = w;
    return new Promise<WorkerAnswer>((resolve) => {
      let done = false;
      const finish = (a: WorkerAnswer, kill: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        current.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (kill) {
          if (worker === current) worker = null;
          void current.terminate();
        }
        resolve(a);
      };
      const started = Date.now();
      // A file that goes to OCR gets a budget that fits its pages, counted from the start of its reading.
      const onMessage = (m: WorkerAnswer | { kind: 'ocr-pages'; pages: number }) => {
        if (isOcrPagesMessage(m)) {
          const budget = ocrBudgetMs(timeoutMs, m.pages, ocrPageMs);
          clearTimeout(timer);
          timer = setTimeout(() => finish(failed(task, 'timeout', ocrTimeoutMessage(task.name, budget, m.pages)), true), Math.max(0, budget - (Date.now() - started)));
        } else if (m.index === task.index) finish(m, false);
      };
      const onError = (e: Error & { code?: string }) =>
        finish(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? failed(task, 'too_large', memoryMessage(task.name, memoryMb)) : failed(task, 'parse_failed', parseFailedMessage(task.name, e)), true);
      const onExit = (code: number) => finish(failed(task, 'parse_failed', parseFailedMessage(task.name, new Error(`读取线程意外退出，代码 ${code}`))), true);
      let timer = setTimeout(() => finish(failed(task, 'timeout', timeoutMessage(task.name, timeoutMs)), true), timeoutMs);
      current.on('message', onMessage).on('error', onError).on('exit', onExit);
      current.postMessage(task);
    });
  };

  return {
    read,
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
