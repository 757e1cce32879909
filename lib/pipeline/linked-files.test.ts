import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkedFileReader, linkedPath } from './linked-files';

describe('the files an HTML report links to (issue 13: tables printed as images beside the page)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'linked-'));
  mkdirSync(path.join(dir, 'site', 'report_files'), { recursive: true });
  writeFileSync(path.join(dir, 'site', 'report_files', '表三.png'), 'PNG bytes');
  writeFileSync(path.join(dir, 'secret.png'), 'outside');
  const page = path.join(dir, 'site', 'report.html');
  const read = linkedFileReader(page);

  it('reads a relative src in the page folder, percent-encoded names decoded, query and fragment dropped', async () => {
    const got = await read('report_files/%E8%A1%A8%E4%B8%89.png?v=2#x');
    expect(got.ok && new TextDecoder().decode(got.value)).toBe('PNG bytes');
    expect((await read('./report_files/表三.png')).ok).toBe(true);
  });

  it('reads nothing outside the page folder, no absolute path and no URL; a missing file is a reason, not a throw', async () => {
    expect(await read('../secret.png')).toEqual({ ok: false, error: '不在报告所在的文件夹内，不读取' });
    expect(await read('report_files/../../secret.png')).toEqual({ ok: false, error: '不在报告所在的文件夹内，不读取' });
    for (const src of ['/etc/passwd', 'https://example.invalid/t3.png', 'file:///etc/passwd', '//host/x.png', 'C:\\x.png', '\\\\host\\x.png']) {
      expect((await read(src)).ok, src).toBe(false);
    }
    expect(await read('report_files/none.png')).toEqual({ ok: false, error: '文件不存在或无法读取' });
    expect(await read('report_files')).toEqual({ ok: false, error: '不是文件' });
    expect(linkedPath(path.join(dir, 'site'), '')).toEqual({ ok: false, error: '网址或绝对路径，不读取' });
  });
});
