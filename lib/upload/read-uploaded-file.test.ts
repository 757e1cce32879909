/** Reading dropped files with the browser path (WebCrypto id, same parser and checks as the ingest). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../pipeline/ingest-reports';
import { contentId } from '../read/content-id';
import { MAX_REPORT_BYTES } from '../read/read-limits';
import { readUploadedFile } from './read-uploaded-file';
import { UPLOAD_EXTENSIONS } from './upload-limits';

const seed = path.resolve(__dirname, '../../data/seeds/004_7ffb10b0611b3e96.txt');
const bytes = readFileSync(seed);
const read = (b: Uint8Array) => async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('readUploadedFile', () => {
  it('reads a seed report to the same record as the ingest, with the same id', async () => {
    const out = await readUploadedFile('004.txt', bytes.length, read(bytes));
    expect(out.ok).toBe(true);
    const viaIngest = await ingestFile(seed, '004.txt');
    if (!out.ok) throw new Error(out.message);
    expect(out.record.report.report_id).toBe(viaIngest.report.report_id);
    expect(out.record.cells).toEqual(viaIngest.cells);
    expect(out.record.flags).toEqual(viaIngest.flags);
    expect(await contentId(new Uint8Array(bytes))).toMatch(/^[0-9a-f]{16}$/);
  });
  it('refuses a file over 20 MB without reading it', async () => {
    let readCalled = false;
    const out = await readUploadedFile('big.pdf', 21 * 1024 * 1024, async () => {
      readCalled = true;
      return new ArrayBuffer(0);
    });
    expect(out).toMatchObject({ ok: false, reason: 'too_large' });
    expect(readCalled).toBe(false);
    expect(!out.ok && out.message).toContain('big.pdf');
  });
  it('accepts the endings the parser reads, up to 20 MB', () => {
    expect(UPLOAD_EXTENSIONS).toEqual(expect.arrayContaining(['.txt', '.md', '.html', '.pdf', '.docx']));
    expect(UPLOAD_EXTENSIONS).not.toContain('.doc');
    expect(MAX_REPORT_BYTES).toBe(20 * 1024 * 1024);
  });
  it('refuses an unsupported type and says which types work', async () => {
    const out = await readUploadedFile('scan.jpg', 10, read(new Uint8Array(10)));
    expect(out).toMatchObject({ ok: false, reason: 'unsupported_type' });
    expect(!out.ok && out.message).toContain('.pdf');
  });
  it('says a text that is not an annual report is not one', async () => {
    const text = new TextEncoder().encode('会议纪要\n\n一、会议时间：2023年3月1日\n');
    const out = await readUploadedFile('minutes.txt', text.length, read(text));
    expect(out).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(!out.ok && out.record?.report.status).toBe('not_a_report');
  });
});
