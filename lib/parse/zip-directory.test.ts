/**
 * The ZIP directory read before a .docx is inflated: the real blank form of data/corpus passes,
 * and a real "zip bomb" (a package whose document.xml inflates to 2 MB, or 500 MB, from a few hundred times
 * of that; lib/pipeline/hostile-inputs.fixture.ts) is refused from its directory alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { docxBomb } from '../pipeline/hostile-inputs.fixture';
import { parseDocxReport } from './parse-docx-report';
import { inflationRefusal, readZipDirectory } from './zip-directory';

const blank = new Uint8Array(readFileSync(path.resolve(__dirname, '../../data/corpus/blank-template-2021-format.docx')));

describe('readZipDirectory', () => {
  it('lists the entries of the blank form with their declared sizes, and lets it through', () => {
    const dir = readZipDirectory(blank);
    expect(dir.ok).toBe(true);
    if (!dir.ok) return;
    expect(dir.value.find((e) => e.name === 'word/document.xml')).toEqual({ name: 'word/document.xml', compressedSize: 13166, uncompressedSize: 251552 });
    expect(dir.value).toHaveLength(16);
    expect(inflationRefusal(dir.value)).toBeNull();
  });

  it('says so for bytes with no directory', () => {
    expect(readZipDirectory(blank.subarray(0, 2000))).toMatchObject({ ok: false });
  });

  it('refuses a real bomb by its ratio (2 MB) and by its size (500 MB) before inflating it', async () => {
    const small = docxBomb(2);
    // The bomb is real: mammoth inflates it to the declared size (one "0" per paragraph).
    const text = (await mammoth.extractRawText({ buffer: small.bytes })).value;
    const paragraph = '<w:p><w:r><w:t>0</w:t></w:r></w:p>';
    expect(text.replace(/\s/g, '')).toBe('0'.repeat(2 * Math.floor((1024 * 1024) / paragraph.length)));
    const dir = readZipDirectory(small.bytes);
    expect(dir.ok && dir.value.find((e) => e.name === 'word/document.xml')?.uncompressedSize).toBe(small.documentBytes);
    expect(await parseDocxReport(small.bytes, 'small.docx')).toMatchObject({ ok: false, error: { status: 'too_large' } });

    const big = docxBomb(500);
    expect(big.bytes.length).toBeLessThan(2 * 1024 * 1024);
    expect(big.documentBytes).toBeGreaterThan(500_000_000);
    const started = Date.now();
    const refused = await parseDocxReport(new Uint8Array(big.bytes), 'bomb.docx');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(refused.ok ? null : refused.error.message).toMatch(/^bomb\.docx：Word 文件的压缩包解压后共约 500 MB，超过上限 100 MB.*请确认文件来源/);
  }, 60_000);
});
