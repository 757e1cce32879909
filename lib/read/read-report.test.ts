/**
 * The one read path (readReport), shared by the ingest and uploads: real seed bytes in, a
 * validated record out with the content-hash id; a file too large, or no report, comes back as a
 * failure carrying its record, status and message.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../checks/run-checks';
import { readReportText } from './assemble-record';
import { contentId } from './content-id';
import { MAX_REPORT_BYTES, tooLargeMessage } from './read-limits';
import { readReport } from './read-report';

const seedBytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../../data/seeds/004_7ffb10b0611b3e96.txt')));
const sha16 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex').slice(0, 16);

describe('readReport', () => {
  it('reads a seed report to its checked record, its id the SHA-256 prefix of the bytes', async () => {
    const out = await readReport(seedBytes, '004.txt');
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.report.report_id).toBe(sha16(seedBytes));
    expect(await contentId(seedBytes)).toBe(sha16(seedBytes));
    expect(out.value.report).toMatchObject({ agency: '临淄区人民政府办公室', year: 2023, status: 'ok', source_file: '004.txt' });
    // The same record as parse → normalize → assemble → checks on the decoded text.
    const viaText = runChecks(readReportText(new TextDecoder().decode(seedBytes), '004.txt', sha16(seedBytes)));
    expect(out.value.cells).toEqual(viaText.cells);
    expect(out.value.flags).toEqual(viaText.flags);
  });

  it('refuses bytes over the 20 MB limit with a read_error record keyed by the name', async () => {
    const out = await readReport(new Uint8Array(MAX_REPORT_BYTES + 1), 'huge.txt');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.status).toBe('read_error');
    expect(out.error.message).toBe(tooLargeMessage('huge.txt', MAX_REPORT_BYTES + 1));
    expect(out.error.message).toContain('上限 20 MB');
    expect(out.error.record.report).toMatchObject({ report_id: sha16('huge.txt'), status: 'read_error', source_file: 'huge.txt' });
    expect(tooLargeMessage('ok.txt', MAX_REPORT_BYTES)).toBeNull();
  });

  it('returns a text that is no report as a failure with its record (text kept) and message', async () => {
    const out = await readReport(new TextEncoder().encode('会议纪要\n\n一、会议时间：2023年3月1日\n'), 'minutes.txt');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.status).toBe('not_a_report');
    expect(out.error.message).toContain('minutes.txt');
    expect(out.error.record.text).toContain('会议纪要');
    expect(out.error.record.cells).toEqual([]);
  });
});
