/**
 * Records assembled from what parsing made of a file (lib/parse/parse-report-bytes.ts chooses the
 * reader by file ending and content): failures as records naming the file.
 */
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../parse/parse-report-bytes';
import { assembleRecord } from './assemble-record';

/** The record of a file: parsed, then assembled with the given id (no checks). */
async function recordOf(bytes: Uint8Array, name: string, id: string) {
  return assembleRecord(await parseReportBytes(bytes, name), name, id);
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseReportBytes → assembleRecord', () => {
  it('asks for .docx instead of an old binary .doc', async () => {
    const r = await recordOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), 'old.doc', 'b1');
    expect(r.report.status).toBe('unsupported_format');
    expect(r.report.status_message).toContain('old.doc');
    expect(r.report.status_message).toContain('.docx');
  });

  it('reads an HTML page saved without the .html ending as HTML', async () => {
    const r = await recordOf(enc('<!DOCTYPE html><html><body><p>会议纪要</p></body></html>'), 'page', 'b2');
    expect(r.text).toBe('会议纪要');
    expect(r.report.status).toBe('not_a_report');
  });

  it('says a .pdf that is no PDF is a damaged download', async () => {
    const r = await recordOf(enc('<html>404</html>'), 'report.pdf', 'b3');
    expect(r.report.status).toBe('read_error');
    expect(r.report.status_message).toContain('report.pdf');
  });

  it('says an empty file is empty whatever its ending', async () => {
    for (const name of ['a.pdf', 'a.docx', 'a.html', 'a.txt']) {
      expect((await recordOf(new Uint8Array(), name, 'b4')).report.status).toBe('empty_file');
    }
  });

  it('fills the new report fields with null on a failed record', async () => {
    const r = await recordOf(new Uint8Array(), 'a.txt', 'b5');
    expect(r.report).toMatchObject({ form_version: null, province: null, city: null, county: null, level: null, agency_type: null });
  });
});
