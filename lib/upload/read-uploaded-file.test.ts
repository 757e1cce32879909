/** Reading dropped files with the browser path (WebCrypto id, same parser and checks as the ingest). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../pipeline/ingest-reports';
import { contentId } from '../read/content-id';
import { MAX_REPORT_BYTES } from '../read/read-limits';
import { ReportRecord } from '../model/report-schema';
import { readUploadedFile } from './read-uploaded-file';
import { readerStoppedOutcome, readFailureMessage, refuseBeforeReading, timeoutOutcome } from './upload-outcomes';
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
    expect(UPLOAD_EXTENSIONS).toEqual(expect.arrayContaining(['.txt', '.md', '.html', '.pdf', '.docx', '.png', '.jpg', '.jpeg']));
    expect(UPLOAD_EXTENSIONS).not.toContain('.doc');
    expect(MAX_REPORT_BYTES).toBe(20 * 1024 * 1024);
  });
  it('refuses an unsupported type and says which types work', async () => {
    const out = await readUploadedFile('scan.gif', 10, read(new Uint8Array(10)));
    expect(out).toMatchObject({ ok: false, reason: 'unsupported_type' });
    expect(!out.ok && out.message).toContain('.pdf');
  });
  it('says a text that is not an annual report is not one', async () => {
    const text = new TextEncoder().encode('会议纪要\n\n一、会议时间：2023年3月1日\n');
    const out = await readUploadedFile('minutes.txt', text.length, read(text));
    expect(out).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(!out.ok && out.record?.report.status).toBe('not_a_report');
  });
  it('refuses by type and size before reading, and lets a report through', () => {
    expect(refuseBeforeReading('a.doc', 10)).toMatchObject({ ok: false, reason: 'unsupported_type' });
    expect(refuseBeforeReading('a.pdf', MAX_REPORT_BYTES + 1)).toMatchObject({ ok: false, reason: 'too_large' });
    expect(refuseBeforeReading('a.pdf', MAX_REPORT_BYTES)).toBeNull();
    expect(refuseBeforeReading('004.txt', bytes.length)).toBeNull();
  });
  it('says a broken reader in a sentence: a stack overflow in words, a zod error without its JSON', () => {
    const deep = (n: number): number => deep(n + 1) + 1;
    let overflow: unknown;
    try {
      deep(0);
    } catch (e) {
      overflow = e;
    }
    expect(overflow).toBeInstanceOf(RangeError);
    expect(readFailureMessage('deep.html', overflow)).toBe(
      'deep.html：读取时出错（文件结构嵌套过深），未添加。请另存为 PDF、.docx 或 UTF-8 文本后重新上传；若仍出错，请报告此文件。',
    );
    const zod = ReportRecord.safeParse({ report: {} });
    expect(zod.success).toBe(false);
    const zodMessage = readFailureMessage('bad.txt', zod.error);
    expect(zod.error?.message.trim().startsWith('[')).toBe(true); // zod's own message is JSON …
    expect(zodMessage).not.toMatch(/[[{"]/); // … which the user never sees
    expect(zodMessage).toMatch(/^bad\.txt：读取时出错（读取程序出错：数据校验未通过：字段 report\.\w+等 \d+ 处），未添加。请另存为 PDF、\.docx 或 UTF-8 文本后重新上传；若仍出错，请报告此文件。$/);
    expect(readFailureMessage('x.docx', new RangeError('Invalid string length'))).toContain('文件展开后过大');
  });
  it('says a timeout and a stopped reader in one sentence each, with what to do', () => {
    expect(timeoutOutcome('slow.html', 30_000)).toMatchObject({ ok: false, reason: 'timeout', record: null });
    const t = timeoutOutcome('slow.html', 30_000);
    expect(!t.ok && t.message).toMatch(/^slow\.html：读取超时（超过 30 秒仍未读完），已停止读取，未添加。请[^。]+。$/);
    const s = readerStoppedOutcome('bomb.docx', true);
    expect(!s.ok && s.message).toMatch(/^bomb\.docx：[^。]+未添加。请[^。]+。$/);
  });
});
