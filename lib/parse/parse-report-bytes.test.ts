/**
 * Choosing the reader by file ending and content; what cannot be read is a value (status and a
 * message naming the file), not an exception. The records made of these outcomes are tested in
 * lib/read/assemble-record.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from './parse-report-bytes';

describe('parseReportBytes', () => {
  it('reads a seed text report as text, whatever its encoding says', async () => {
    const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../../data/seeds/000_c5009f74879149c4.txt')));
    const r = await parseReportBytes(bytes, '000.txt');
    expect(r.ok && r.value.looksLikeReport).toBe(true);
    expect(r.ok && r.value.metadata.agency).toBe('临淄区科技局');
  });

  it('returns a failure value naming the file for an old .doc, an empty file and a .pdf that is none', async () => {
    const failures = await Promise.all([
      parseReportBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), 'old.doc'),
      parseReportBytes(new Uint8Array(), 'empty.txt'),
      parseReportBytes(new TextEncoder().encode('<html>404</html>'), 'report.pdf'),
    ]);
    expect(failures.map((r) => (r.ok ? 'ok' : r.error.status))).toEqual(['unsupported_format', 'empty_file', 'read_error']);
    expect(failures.map((r) => !r.ok && ['old.doc', 'empty.txt', 'report.pdf'].some((n) => r.error.message.startsWith(n)))).toEqual([true, true, true]);
  });
});
