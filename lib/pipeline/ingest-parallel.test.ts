/** The parallel ingest writes what the sequential one writes. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from './ingest-reports';
import { ingestPathsParallel } from './ingest-parallel';

const seeds = path.resolve(__dirname, '../../data/seeds');

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
});
