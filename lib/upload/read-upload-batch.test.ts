/**
 * The upload batch's isolation and time budget, on real threads: Node worker_threads running the
 * same request handler as the browser's Web Worker (answerReadRequest → readUploadedFile →
 * readReport, loaded with tsx). A file whose reading never ends (a thread busy in a loop, as a
 * hostile file would keep it) is stopped at the budget and gets a 读取超时 row; a thread that dies
 * while reading gets a row too; in both cases the next file is read in a new thread, to the same
 * record as the ingest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../pipeline/ingest-reports';
import { READER_READY, readUploadBatch, type SpawnReaderThread, type UploadSource } from './read-upload-batch';

/** A file as the tests hand it to a thread: name, size and bytes (the browser hands a File). */
interface TestFile extends UploadSource {
  bytes: Uint8Array;
}

const SEED = path.resolve(__dirname, '../../data/seeds/004_7ffb10b0611b3e96.txt');
const seedBytes = new Uint8Array(readFileSync(SEED));
const file = (name: string, bytes: Uint8Array): TestFile => ({ name, size: bytes.length, bytes });
const NOTES = new TextEncoder().encode('会议纪要\n\n一、会议时间：2024年3月1日\n二、参会人员：办公室全体\n');

/**
 * The reader thread: loads read-upload-batch.ts and answer-read-request.ts through tsx and answers
 * requests with answerReadRequest, as app/_lib/read-upload-worker.ts does in the browser. Two names stand for
 * hostile files: `forever*` keeps the thread busy for good, `crash*` kills it with an uncaught error.
 */
const THREAD_CODE = `
const { parentPort } = require('node:worker_threads');
(async () => {
  const { register } = await import('tsx/esm/api');
  register();
  const batch = await import(${JSON.stringify(pathToFileURL(path.resolve(__dirname, 'read-upload-batch.ts')).href)});
  const { answerReadRequest } = await import(${JSON.stringify(pathToFileURL(path.resolve(__dirname, 'answer-read-request.ts')).href)});
  parentPort.on('message', async (req) => {
    if (!batch.isUploadReadRequest(req)) return;
    if (req.file.name.startsWith('forever')) for (;;) {}
    if (req.file.name.startsWith('crash')) setTimeout(() => { throw new Error('thread killed'); });
    else parentPort.postMessage(await answerReadRequest(req, async (f) => f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength)));
  });
  parentPort.postMessage(batch.READER_READY);
})();
`;

/** Starts real worker threads running {@link THREAD_CODE}; counts them in `spawned`. */
function nodeThreads(spawned: { n: number; alive: Set<Worker> }): SpawnReaderThread<TestFile> {
  return (events) => {
    const w = new Worker(THREAD_CODE, { eval: true });
    spawned.n++;
    spawned.alive.add(w);
    w.on('message', (m) => events.message(m));
    w.on('error', () => events.stopped());
    w.on('exit', () => {
      spawned.alive.delete(w);
      events.stopped();
    });
    return { post: (r) => w.postMessage(r), terminate: () => void w.terminate() };
  };
}

/** Resolves once every thread of `spawned` has exited. */
async function allExited(spawned: { alive: Set<Worker> }): Promise<void> {
  for (let i = 0; i < 100 && spawned.alive.size > 0; i++) await new Promise((r) => setTimeout(r, 50));
}

describe('readUploadBatch', () => {
  it('stops a file that never finishes at the budget, says so, and reads the rest in a new thread', async () => {
    const spawned = { n: 0, alive: new Set<Worker>() };
    const progress: string[] = [];
    const budgetMs = 8_000;
    const started = Date.now();
    const out = await readUploadBatch([file('004.txt', seedBytes), file('forever.html', new Uint8Array(10)), file('notes.txt', NOTES), file('photo.gif', new Uint8Array(4))], {
      spawn: nodeThreads(spawned),
      budgetMs,
      onProgress: (done, total, name) => progress.push(`${done}/${total} ${name}`),
    });
    expect(out.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['ok', 'timeout', 'unreadable', 'unsupported_type']);
    // The seed read in the thread is the ingest's record of the same file.
    const viaIngest = await ingestFile(SEED, '004.txt');
    if (!out[0].ok) throw new Error(out[0].message);
    expect(out[0].record.report.report_id).toBe(viaIngest.report.report_id);
    expect(out[0].record.cells).toEqual(viaIngest.cells);
    expect(out[0].record.flags).toEqual(viaIngest.flags);
    // The looping file: one sentence naming it, the budget, and what to do.
    const timeout = out[1];
    expect(!timeout.ok && timeout.message).toMatch(/^forever\.html：读取超时（超过 8 秒仍未读完），已停止读取，未添加。请.+。$/);
    // The next file was read by a second thread (the first was ended); the photo needed none.
    expect(spawned.n).toBe(2);
    expect(!out[2].ok && out[2].record?.report.status).toBe('not_a_report');
    expect(Date.now() - started).toBeGreaterThanOrEqual(budgetMs);
    expect(progress).toEqual(['0/4 004.txt', '1/4 forever.html', '2/4 notes.txt', '3/4 photo.gif', '4/4 ']);
    await allExited(spawned);
    expect(spawned.alive.size).toBe(0);
  }, 60_000);

  it('gives a file whose thread dies a row saying so, and goes on in a new thread', async () => {
    const spawned = { n: 0, alive: new Set<Worker>() };
    const out = await readUploadBatch([file('crash.docx', new Uint8Array(10)), file('004.txt', seedBytes)], { spawn: nodeThreads(spawned), budgetMs: 30_000 });
    expect(out[0]).toMatchObject({ ok: false, reason: 'parse_failed', record: null });
    expect(!out[0].ok && out[0].message).toMatch(/^crash\.docx：读取时浏览器中止了读取程序.+未添加。请.+。$/);
    expect(out[1].ok && out[1].record.report.report_id).toBe((await ingestFile(SEED, '004.txt')).report.report_id);
    expect(spawned.n).toBe(2);
    await allExited(spawned);
  }, 60_000);

  it('refuses by type and size without starting a thread', async () => {
    const spawned = { n: 0, alive: new Set<Worker>() };
    const out = await readUploadBatch([{ name: 'big.pdf', size: 21 * 1024 * 1024, bytes: new Uint8Array(0) }, file('scan.gif', new Uint8Array(3))], { spawn: nodeThreads(spawned) });
    expect(out.map((o) => !o.ok && o.reason)).toEqual(['too_large', 'unsupported_type']);
    expect(spawned.n).toBe(0);
  });

  it('says once per file that the reader could not start when the thread dies before it is ready', async () => {
    let spawns = 0;
    const out = await readUploadBatch([file('a.txt', seedBytes), file('b.txt', seedBytes)], {
      spawn: (events) => {
        spawns++;
        const w = new Worker('throw new Error("script failed to load")', { eval: true });
        w.on('error', () => events.stopped());
        return { post: (r) => w.postMessage(r), terminate: () => void w.terminate() };
      },
    });
    expect(out.map((o) => !o.ok && o.message)).toEqual(['a.txt：读取程序没能启动，未添加。请刷新页面后重新上传。', 'b.txt：读取程序没能启动，未添加。请刷新页面后重新上传。']);
    expect(spawns).toBe(1);
  });

  it('gives a file read by OCR the time of its pages: a reply past the base budget is taken; past base + pages × page time, a row saying OCR took too long', async () => {
    // A thread that says its file goes to OCR with 2 pages, then answers after `replyMs`.
    const ocrThread = (replyMs: number): SpawnReaderThread<TestFile> => (events) => {
      const timers: NodeJS.Timeout[] = [];
      events.message(READER_READY);
      return {
        post: (r) => {
          timers.push(setTimeout(() => events.message({ kind: 'upload-ocr-pages', seq: r.seq, pages: 2 }), 20));
          const outcome = { ok: false, file: r.file.name, reason: 'unreadable', message: `${r.file.name} read`, record: null };
          timers.push(setTimeout(() => events.message({ kind: 'upload-read', seq: r.seq, outcome }), replyMs));
        },
        terminate: () => timers.forEach(clearTimeout),
      };
    };
    const options = { budgetMs: 1_000, ocrPageMs: 1_000 };
    const inTime = await readUploadBatch([file('scan.pdf', new Uint8Array(1))], { spawn: ocrThread(2_000), ...options });
    expect(inTime[0]).toMatchObject({ ok: false, reason: 'unreadable', message: 'scan.pdf read' });
    const started = Date.now();
    const late = await readUploadBatch([file('long-scan.pdf', new Uint8Array(1))], { spawn: ocrThread(8_000), ...options });
    expect(late[0]).toMatchObject({ ok: false, reason: 'timeout' });
    expect(!late[0].ok && late[0].message).toMatch(/^long-scan\.pdf：这是扫描件或图片，文字识别（OCR）2 页超过 3 秒仍未完成，已停止，未添加。请.+。$/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 30_000);
});
