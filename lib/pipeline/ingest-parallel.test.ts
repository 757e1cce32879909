/** The parallel ingest writes what the sequential one writes. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from './ingest-reports';
import { ingestPathsParallel } from './ingest-parallel';

const seeds = path.resolve(__dirname, '../../data/seeds');
const corpus = path.resolve(__dirname, '../../data/corpus');

describe('ingestPathsParallel', () => {
  it('writes the same reports, cells and flags as ingestPaths on data/seeds', async () => {
    const a = mkdtempSync(path.join(tmpdir(), 'seq-'));
    const b = mkdtempSync(path.join(tmpdir(), 'par-'));
    await ingestPaths([seeds], a, seeds);
    const summary = await ingestPathsParallel([seeds], b, { workers: 2, relativeTo: seeds });
    expect(summary.reports).toBe(5);
    for (const f of ['reports.csv', 'cells.csv', 'flags.csv']) {
      expect(readFileSync(path.join(b, f), 'utf8'), f).toBe(readFileSync(path.join(a, f), 'utf8'));
    }
  });

  it('marks the same report read twice as duplicate as ingestPaths does, across workers', async () => {
    // Seed 004 and the 平潭综合实验区公安局 2024 report as .html and .txt (data/corpus): with 2
    // workers the .html is read by worker 0 and the .txt by worker 1.
    const input = mkdtempSync(path.join(tmpdir(), 'dup-in-'));
    mkdirSync(path.join(input, 'corpus'));
    copyFileSync(path.join(seeds, '004_7ffb10b0611b3e96.txt'), path.join(input, '004_7ffb10b0611b3e96.txt'));
    for (const f of ['pingtan-public-security-bureau-2024.html', 'pingtan-public-security-bureau-2024.txt']) copyFileSync(path.join(corpus, f), path.join(input, 'corpus', f));
    const a = mkdtempSync(path.join(tmpdir(), 'seq-'));
    const b = mkdtempSync(path.join(tmpdir(), 'par-'));
    const { records } = await ingestPaths([input], a, input);
    await ingestPathsParallel([input], b, { workers: 2, relativeTo: input });
    expect(records.map((r) => [r.report.source_file, r.report.status])).toEqual([
      ['004_7ffb10b0611b3e96.txt', 'ok'],
      ['corpus/pingtan-public-security-bureau-2024.html', 'ok'],
      ['corpus/pingtan-public-security-bureau-2024.txt', 'duplicate'],
    ]);
    expect(records[2].report.status_message).toContain(`corpus/pingtan-public-security-bureau-2024.html（report_id ${records[1].report.report_id}）`);
    for (const f of ['reports.csv', 'cells.csv', 'flags.csv']) {
      expect(readFileSync(path.join(b, f), 'utf8'), f).toBe(readFileSync(path.join(a, f), 'utf8'));
    }
  }, 60_000);

  it('gives identical files ids -2, -3 and status duplicate naming the first copy, as ingestPaths does, across workers', async () => {
    // Seed 004 three times and seed 001 twice: with 2 workers, worker 0 reads a–c and worker 1 d–e.
    const input = mkdtempSync(path.join(tmpdir(), 'copies-in-'));
    for (const name of ['a.txt', 'b.txt', 'c.txt']) copyFileSync(path.join(seeds, '004_7ffb10b0611b3e96.txt'), path.join(input, name));
    for (const name of ['d.txt', 'e.txt']) copyFileSync(path.join(seeds, '001_8a13ebfd976f8452.txt'), path.join(input, name));
    const a = mkdtempSync(path.join(tmpdir(), 'seq-'));
    const b = mkdtempSync(path.join(tmpdir(), 'par-'));
    const { records } = await ingestPaths([input], a, input);
    const summary = await ingestPathsParallel([input], b, { workers: 2, relativeTo: input });
    expect(summary.workers).toBe(2);
    const id = records[0].report.report_id;
    expect(records.map((r) => r.report.report_id)).toEqual([id, `${id}-2`, `${id}-3`, records[3].report.report_id, `${records[3].report.report_id}-2`]);
    expect(records.map((r) => r.report.status)).toEqual(['ok', 'duplicate', 'duplicate', records[3].report.status, 'duplicate']);
    expect(records[2].report.status_message).toContain(`a.txt（report_id ${id}）`);
    for (const f of ['reports.csv', 'cells.csv', 'flags.csv']) {
      expect(readFileSync(path.join(b, f), 'utf8'), f).toBe(readFileSync(path.join(a, f), 'utf8'));
    }
    expect(readFileSync(path.join(b, 'texts', `${id}-3.txt`), 'utf8')).toBe(readFileSync(path.join(a, 'texts', `${id}-3.txt`), 'utf8'));
  }, 60_000);
});
