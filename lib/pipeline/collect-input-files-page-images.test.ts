/**
 * The ingest's folder walk with a saved web page (issue 13): the page's own images — named by its
 * `<img src>`, or in the `<page>_files/` folder a browser saves beside it — are read with the page
 * (./linked-files.ts, lib/read/read-embedded-images.ts), so they are no report of their own: each
 * is in skipped.csv with a reason naming the page. A PNG no page owns stays a report.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksWithTable3AsImage, hongzeText, htmlOf, plainPng, table3Png } from '../../tests/fixtures/embedded-images/report-with-table-image';
import { collectInput, imageSourcesOfPage } from './collect-input-files';
import { ingestPaths, skippedCsv } from './ingest-reports';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'walk-page-'));
  mkdirSync(path.join(dir, 'hongze_files'));
  mkdirSync(path.join(dir, 'images'));
  const icon = await plainPng(32, 32);
  // 洪泽区 2023 saved as a web page: 表三 as report_files' PNG, a navigation icon linked from elsewhere in the folder.
  const html = htmlOf(blocksWithTable3AsImage(await hongzeText()), 'hongze_files/table3.png', '<img src="images/logo.png?v=2" alt="logo"><img src="data:image/png;base64,AAAA">');
  writeFileSync(path.join(dir, 'hongze.html'), html);
  writeFileSync(path.join(dir, 'hongze_files', 'table3.png'), await table3Png());
  writeFileSync(path.join(dir, 'hongze_files', 'unused-banner.jpg'), icon); // saved with the page, named by no <img>
  writeFileSync(path.join(dir, 'images', 'logo.png'), icon);
  writeFileSync(path.join(dir, 'screenshot-t3.png'), await table3Png()); // a screenshot no page references: a report
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('collectInput with a saved web page', () => {
  it('reads the page and a stray screenshot, and accounts for the page’s own images in skipped, naming the page', () => {
    const got = collectInput([dir]);
    const rel = (p: string) => path.relative(dir, p);
    expect(got.files.map(rel)).toEqual(['hongze.html', 'screenshot-t3.png']);
    expect(got.entries.map((e) => rel(e.path))).toEqual(['hongze.html', 'screenshot-t3.png']);
    expect(got.skipped.map((s) => rel(s.path)).sort()).toEqual(['hongze_files/table3.png', 'hongze_files/unused-banner.jpg', 'images/logo.png']);
    for (const s of got.skipped) expect(s.reason).toContain('网页“hongze.html”');
    const csv = skippedCsv(got.skipped, rel);
    expect(csv.split('\n').filter(Boolean)).toHaveLength(4); // header + the three images
    expect(csv).toContain('hongze_files/table3.png');
  });

  it('keeps an image as a report when its page is not in the input', () => {
    const got = collectInput([path.join(dir, 'hongze_files'), path.join(dir, 'screenshot-t3.png')]);
    expect(got.files.map((p) => path.relative(dir, p))).toEqual(['hongze_files/table3.png', 'hongze_files/unused-banner.jpg', 'screenshot-t3.png']);
    expect(got.skipped).toEqual([]);
  });

  it('lists a page’s linked <img src> (not data: URIs), entities undone, in a GBK page too', () => {
    expect(imageSourcesOfPage(new TextEncoder().encode('<p><IMG alt=x SRC=\'a b/表三.png\'><img src="x.png?a=1&amp;b=2"><img src="data:image/png;base64,AA"></p>'))).toEqual(['a b/表三.png', 'x.png?a=1&b=2']);
    const gbk = new Uint8Array([...new TextEncoder().encode('<meta charset="gbk"><img src="'), 0xb1, 0xed, 0xc8, 0xfd, ...new TextEncoder().encode('.png">')]);
    expect(imageSourcesOfPage(gbk)).toEqual(['表三.png']);
  });
});

describe('the ingest of a saved web page', () => {
  it('writes one report — the page, its 表三 read by OCR from its linked image — and the page’s images in skipped.csv', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'walk-page-out-'));
    try {
      const s = await ingestPaths([path.join(dir, 'hongze.html'), path.join(dir, 'hongze_files'), path.join(dir, 'images')], out, dir);
      expect(s.records.map((r) => r.report.source_file)).toEqual(['hongze.html']);
      const t3 = s.records[0].cells.filter((c) => c.table === 't3');
      expect(t3.filter((c) => c.status === 'ocr').length).toBeGreaterThan(100);
      const skipped = readFileSync(path.join(out, 'skipped.csv'), 'utf8');
      for (const f of ['hongze_files/table3.png', 'hongze_files/unused-banner.jpg', 'images/logo.png']) expect(skipped).toMatch(new RegExp(`${f.replace('.', '\\.')},网页“hongze\\.html”`));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
