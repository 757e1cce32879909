/**
 * The ingest's folder walk: every entry accounted for — files to read in sorted order, entries that
 * cannot be read with their reason (a dangling link, a FIFO, a link loop), dot-files and README /
 * MANIFEST files skipped with theirs — and one bad entry never hides the rest of its folder.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInput } from './collect-input-files';

const seed = path.resolve(__dirname, '../../data/seeds/000_c5009f74879149c4.txt');

describe('collectInput', () => {
  it('gives every entry of a folder its place, and reads on after a bad one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'walk-'));
    mkdirSync(path.join(dir, 'b-sub'));
    copyFileSync(seed, path.join(dir, 'a-report.txt'));
    copyFileSync(seed, path.join(dir, 'b-sub', 'inner.txt'));
    symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'c-dangling.txt'));
    execFileSync('mkfifo', [path.join(dir, 'd-fifo.txt')]);
    symlinkSync(path.join(dir, 'e-loop.txt'), path.join(dir, 'e-loop.txt'));
    symlinkSync(dir, path.join(dir, 'f-back-to-top'));
    symlinkSync(seed, path.join(dir, 'g-link-to-report.txt'));
    writeFileSync(path.join(dir, '.DS_Store'), 'x');
    writeFileSync(path.join(dir, 'README.md'), '# notes');
    writeFileSync(path.join(dir, 'MANIFEST.tsv'), 'a\tb');
    copyFileSync(seed, path.join(dir, 'z-last.txt'));

    const got = collectInput([dir, path.join(dir, 'no-such-file.txt')]);
    const rel = (p: string) => path.relative(dir, p);
    expect(got.entries.map((e) => [rel(e.path), e.problem?.slice(0, 12) ?? null])).toEqual([
      ['a-report.txt', null],
      ['b-sub/inner.txt', null],
      ['c-dangling.txt', '是符号链接，但它指向的文'],
      ['d-fifo.txt', '不是普通文件（是管道（F'],
      ['e-loop.txt', '符号链接循环指向自身，未'],
      ['g-link-to-report.txt', null],
      ['z-last.txt', null],
    ]);
    expect(got.files.map(rel)).toEqual(['a-report.txt', 'b-sub/inner.txt', 'g-link-to-report.txt', 'z-last.txt']);
    expect(got.skipped.map((s) => [rel(s.path), s.reason.slice(0, 4)])).toEqual([
      ['.DS_Store', '隐藏文件'],
      ['MANIFEST.tsv', '说明文件'],
      ['README.md', '说明文件'],
      ['f-back-to-top', '文件夹已'],
    ]);
    expect(got.notFound).toEqual([path.join(dir, 'no-such-file.txt')]);
  });
});
