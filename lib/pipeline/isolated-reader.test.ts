/**
 * Each file read in isolation (./isolated-reader.ts): a file past its time budget or its memory
 * budget ends only its own reading — its answer says `timeout` / `too_large` with a message naming
 * the file and what to do — and the next file is read by a fresh worker. Real inputs: the seeds,
 * and a corpus page nested 100,000 spans deep (a few seconds and a few hundred MB to read).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedReader } from './isolated-reader';

const root = path.resolve(__dirname, '../..');
const seed = path.join(root, 'data', 'seeds', '000_c5009f74879149c4.txt');

/** The 测试市 page of data/corpus with its body wrapped in 100,000 spans. */
function deepPage(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'isolated-'));
  const file = path.join(dir, 'deep.html');
  const html = readFileSync(path.join(root, 'data', 'corpus', 'anonymized-city-government-2025.html'), 'utf8');
  writeFileSync(file, html.replace(/(<body[^>]*>)/, `$1${'<span>'.repeat(100_000)}`).replace(/<\/body>/, `${'</span>'.repeat(100_000)}</body>`));
  return file;
}

describe('isolatedReader', () => {
  it('answers timeout for a file past its time budget, then reads the next file', async () => {
    const reader = isolatedReader({ mode: 'record', aliases: [] }, { timeoutMs: 300 });
    try {
      const slow = await reader.read({ file: deepPage(), name: 'deep.html', index: 0 });
      expect(slow).toMatchObject({ kind: 'failed', index: 0, status: 'timeout' });
      expect(slow.kind === 'failed' && slow.message).toMatch(/^deep\.html：读取超过 0.3 秒仍未完成，已停止.*请/);
      const next = await reader.read({ file: seed, name: 'seed.txt', index: 1 });
      expect(next.kind === 'record' && [next.record.report.status, next.record.report.agency]).toEqual(['ok', '临淄区科技局']);
    } finally {
      await reader.close();
    }
  }, 120_000);

  it('answers too_large for a file past its memory budget, then reads the next file', async () => {
    const reader = isolatedReader({ mode: 'record', aliases: [] }, { memoryMb: 64 });
    try {
      const big = await reader.read({ file: deepPage(), name: 'deep.html', index: 0 });
      expect(big).toMatchObject({ kind: 'failed', index: 0, status: 'too_large' });
      expect(big.kind === 'failed' && big.message).toMatch(/^deep\.html：读取所需内存超过上限（64 MB）.*请/);
      const next = await reader.read({ file: seed, name: 'seed.txt', index: 1 });
      expect(next.kind === 'record' && next.record.report.status).toBe('ok');
    } finally {
      await reader.close();
    }
  }, 120_000);
});
