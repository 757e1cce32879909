/** Decoding report bytes: encodings and the failures that must be data, not garbage. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from './decode-report-bytes';

const seed = readFileSync(path.resolve(__dirname, '../../data/seeds/002_257bd34ea451c6a3.txt'), 'utf8');

describe('decodeReportBytes', () => {
  it('reads UTF-8 with and without BOM', () => {
    const bytes = new TextEncoder().encode(seed);
    const r = decodeReportBytes(bytes, 'a.txt');
    expect(r.ok && r.text.includes('科技局 2023 年政府信息公开工作年度报告')).toBe(true);
    const bom = decodeReportBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), 'a.txt');
    expect(bom.ok && bom.text.startsWith('\n')).toBe(true);
  });
  it('reads UTF-16LE with BOM', () => {
    const text = '科技局 2023 年政府信息公开工作年度报告';
    const u16 = new Uint8Array(2 + text.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      u16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      u16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const r = decodeReportBytes(u16, 'u16.txt');
    expect(r).toMatchObject({ ok: true, encoding: 'utf-16le', text });
  });
  it('reads GB18030 (GBK) text', () => {
    // 科技局 in GBK: BF C6 BC BC BE D6
    const r = decodeReportBytes(new Uint8Array([0xbf, 0xc6, 0xbc, 0xbc, 0xbe, 0xd6]), 'gbk.txt');
    expect(r).toMatchObject({ ok: true, encoding: 'gb18030', text: '科技局' });
  });
  it('reads UTF-8 with one invalid byte, replacing it with U+FFFD and counting it', () => {
    const bytes = new TextEncoder().encode(seed);
    const at = bytes.indexOf(0x0a, 200) + 1;
    const damaged = new Uint8Array([...bytes.subarray(0, at), 0xff, ...bytes.subarray(at)]);
    const r = decodeReportBytes(damaged, 'bad.txt');
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8', replaced: 1 });
    expect(r.ok && r.text).toBe(seed.slice(0, new TextDecoder().decode(bytes.subarray(0, at)).length) + '\uFFFD' + seed.slice(new TextDecoder().decode(bytes.subarray(0, at)).length));
    expect(decodeReportBytes(bytes, 'a.txt')).toMatchObject({ ok: true, replaced: 0 });
  });
  it('reads UTF-16LE and UTF-16BE without BOM', () => {
    const le = new Uint8Array(seed.length * 2);
    const be = new Uint8Array(seed.length * 2);
    for (let i = 0; i < seed.length; i++) {
      le[i * 2] = be[i * 2 + 1] = seed.charCodeAt(i) & 0xff;
      le[i * 2 + 1] = be[i * 2] = seed.charCodeAt(i) >> 8;
    }
    expect(decodeReportBytes(le, 'le.txt')).toMatchObject({ ok: true, encoding: 'utf-16le', text: seed, replaced: 0 });
    expect(decodeReportBytes(be, 'be.txt')).toMatchObject({ ok: true, encoding: 'utf-16be', text: seed, replaced: 0 });
  });
  it('still calls bytes with zeros on both sides binary', () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251);
    expect(decodeReportBytes(noise, 'noise.txt')).toMatchObject({ ok: false, reason: 'binary_file' });
  });
  it('says so for an empty file, a whitespace file and a binary file', () => {
    expect(decodeReportBytes(new Uint8Array(), 'e.txt')).toMatchObject({ ok: false, reason: 'empty_file' });
    expect(decodeReportBytes(new TextEncoder().encode(' \n\t\n'), 'w.txt')).toMatchObject({ ok: false, reason: 'empty_file' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const r = decodeReportBytes(png, 'x.txt');
    expect(r).toMatchObject({ ok: false, reason: 'binary_file' });
    expect(!r.ok && r.message).toContain('x.txt');
  });
});
