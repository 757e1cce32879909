/**
 * Tables printed as images inside HTML and Word reports, read by OCR (issue 13). The report is
 * 洪泽区 2023 with its 表三 replaced by a screenshot of the table (tests/fixtures/embedded-images):
 * 表二 and 表四 stay text and must read as from the text; 表三 is read by OCR and compared with the
 * golden file (values read by a person). Each OCR test reads one image of one table.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReportRecord } from '../model/report-schema';
import { ingestFile, PARSE_OPTIONS } from '../pipeline/ingest-reports';
import type { ScanReader } from '../ocr/scan-reader';
import { readUploadedFile } from '../upload/read-uploaded-file';
import { scoreScan } from '../../tests/fixtures/scans/score-scan';
import { blocksWithTable3AsImage, dataUri, docxOf, hongzeText, htmlOf, HONGZE_2023_GOLDEN, plainPng, table3Png } from '../../tests/fixtures/embedded-images/report-with-table-image';
import { IMAGE_OCR_BUDGET } from './read-embedded-images';
import { readReport, type ReadOptions } from './read-report';

const golden = JSON.parse(readFileSync(HONGZE_2023_GOLDEN, 'utf8'));
const utf8 = (s: string) => new TextEncoder().encode(s);
const recordOf = (r: Awaited<ReturnType<typeof readReport>>): ReportRecord => (r.ok ? r.value : r.error.record);

let text: string;
let png: Uint8Array;
let blocks: ReturnType<typeof blocksWithTable3AsImage>;
/** The OCR reading of the PNG in the HTML test, reused by the Word test for the same bytes. */
let htmlReading: Awaited<ReturnType<ScanReader['readImage']>> | null = null;
beforeAll(async () => {
  text = await hongzeText();
  png = await table3Png();
  blocks = blocksWithTable3AsImage(text);
}, 60_000);

/** The OCR loader of the ingest, counting how often it is loaded and how many images it reads. */
function countingOcr(): { options: ReadOptions; loads: () => number; images: () => number } {
  let loads = 0;
  let images = 0;
  const options: ReadOptions = {
    ...PARSE_OPTIONS,
    ocr: async () => {
      loads++;
      const reader = await PARSE_OPTIONS.ocr!();
      return { readPdf: reader.readPdf, readImage: (b) => (images++, reader.readImage(b)) };
    },
  };
  return { options, loads: () => loads, images: () => images };
}

/** 表三 read from the image: ≥ 98 % of its cells right, no wrong value accepted, every cell `ocr` (with a confidence) or `missing`; 表二 and 表四 as the text prints them. */
function expectTable3ByOcr(record: ReportRecord): void {
  const { t3, t2, t4 } = golden.tables;
  const score = scoreScan(record, { tables: { t3 } });
  expect(score.right / score.total, score.wrong.join('; ')).toBeGreaterThanOrEqual(0.98);
  expect(score.wrongAccepted).toEqual([]);
  for (const c of record.cells.filter((x) => x.table === 't3')) {
    expect(['ocr', 'missing']).toContain(c.status);
    if (c.status === 'ocr') expect(c.confidence).toBeGreaterThan(0);
  }
  expect(scoreScan(record, { tables: { t2, t4 } }).wrong).toEqual([]);
  expect(record.cells.filter((c) => c.table !== 't3').every((c) => c.status !== 'ocr')).toBe(true);
  expect(record.report.tables_found).toEqual(['t2', 't3', 't4']);
  expect(record.flags.some((f) => f.rule === 'TABLE_MISSING')).toBe(false);
  // 表三's verdict: OCR_READ only when every identity holds; else OCR_UNCERTAIN names what to check.
  const verdict = record.flags.filter((f) => f.rule.startsWith('OCR_'));
  expect(verdict.length).toBe(1);
  if (verdict[0].rule === 'OCR_READ') expect(score.wrong).toEqual([]);
  // The text's own numbers are checked as before: 表四's totals contradict their parts in the report itself.
  expect(record.flags.filter((f) => f.rule === 'T4_TOTAL').length).toBeGreaterThan(0);
}

describe('a table printed as an image inside a report (issue 13)', () => {
  it('HTML with 表三 as a data: URI image: 表三 read by OCR into the record, 表二/表四 from the text', async () => {
    const html = htmlOf(blocks, dataUri(png));
    const start = Date.now();
    const reader = await PARSE_OPTIONS.ocr!();
    const keep: ScanReader = { readPdf: reader.readPdf, readImage: async (b) => (htmlReading = await reader.readImage(b)) };
    const r = recordOf(await readReport(utf8(html), 'hongze-2023.html', { ...PARSE_OPTIONS, ocr: async () => keep }));
    console.log(`HTML data: image, 表三 by OCR: ${scoreScan(r, { tables: { t3: golden.tables.t3 } }).right}/161 cells right in ${((Date.now() - start) / 1000).toFixed(1)} s; ${r.flags.filter((f) => f.rule.startsWith('OCR_')).map((f) => f.rule).join(', ')}`);
    expectTable3ByOcr(r);
    expect(r.report.status_message).toContain('表三由文中图片（图片 1）经文字识别（OCR）读出');
    expect([r.report.agency, r.report.year]).toEqual(['洪泽区人民政府', 2023]);
  }, 120_000);

  it('Word (.docx from the blank template) with 表三 as a picture: the same', async () => {
    const { PNG } = await import('pngjs');
    const { width, height } = PNG.sync.read(Buffer.from(png));
    const docx = await docxOf(blocks, png, { width, height });
    // The picture's bytes reach the OCR unchanged: the HTML test's reading of the same PNG is reused (CI time), and only for those bytes.
    const reader = await PARSE_OPTIONS.ocr!();
    let reused = 0;
    const readImage: ScanReader['readImage'] = async (b) => (Buffer.compare(Buffer.from(b), Buffer.from(png)) === 0 && htmlReading ? (reused++, htmlReading) : reader.readImage(b));
    const r = recordOf(await readReport(docx, 'hongze-2023.docx', { ...PARSE_OPTIONS, ocr: async () => ({ readPdf: reader.readPdf, readImage }) }));
    expect(reused).toBe(htmlReading ? 1 : 0);
    expectTable3ByOcr(r);
    expect(r.report.status_message).toContain('表三由文中图片（图片 1）经文字识别（OCR）读出');
  }, 120_000);

  it('the ingest (lib/pipeline ingestFile) reads an <img src> file beside the page in its folder (what it refuses: lib/pipeline/linked-files.test.ts)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'o1-linked-'));
    mkdirSync(path.join(dir, 'report_files'));
    writeFileSync(path.join(dir, 'report_files', '表三.png'), png);
    const page = path.join(dir, 'report.html');
    writeFileSync(page, htmlOf(blocks, 'report_files/%E8%A1%A8%E4%B8%89.png'));
    const r = await ingestFile(page, 'report.html');
    expectTable3ByOcr(r);
    expect(r.report.status_message).toContain('表三由文中图片（表三.png）经文字识别（OCR）读出');
  }, 120_000);

  it('a table printed as text is never replaced by OCR: the OCR is not even loaded', async () => {
    const all = text.split('\n').map((l) => (l.includes('\t') ? `<table><tr>${l.split('\t').map((c) => `<td>${c}</td>`).join('')}</tr></table>` : `<p>${l}</p>`));
    const html = `<html><body>${all.join('')}<p><img src="${dataUri(png)}"></p></body></html>`;
    const ocr = countingOcr();
    const r = recordOf(await readReport(utf8(html), 'text-tables.html', ocr.options));
    expect(ocr.loads()).toBe(0);
    expect(scoreScan(r, golden).wrong).toEqual([]);
    expect(r.cells.some((c) => c.status === 'ocr')).toBe(false);
  }, 30_000);
});

describe('images that cannot hold a table, or cannot be read', () => {
  it('a page with 500 icons and a missing 表三 is not OCR\'d: quick, TABLE_MISSING as before, the message says why', async () => {
    const icon = dataUri(await plainPng(16, 16));
    const icons = Array.from({ length: 500 }, (_, i) => (i % 2 ? `<img src="${icon}">` : `<img src="icons/i${i}.gif">`)).join('');
    const html = htmlOf(blocks, icon, '').replace('<div class="article">', `<div class="article">${icons}`);
    const ocr = countingOcr();
    const start = Date.now();
    const r = recordOf(await readReport(utf8(html), 'icons.html', ocr.options));
    expect(Date.now() - start).toBeLessThan(5_000);
    expect(ocr.loads()).toBe(0);
    expect(r.flags.filter((f) => f.rule === 'TABLE_MISSING').map((f) => f.subject)).toEqual([['t3']]);
    expect(r.report.status_message).toMatch(/未读到：收到和处理政府信息公开申请情况（表三）.*张图片太小（小于 300×100 像素），不像表格，未做文字识别/);
  }, 30_000);

  it('at most IMAGE_OCR_BUDGET.images images are OCR\'d, and the message names those tried and the rest', async () => {
    const big = dataUri(await plainPng(600, 400));
    const html = htmlOf(blocks, big).replace('<div class="article">', `<div class="article">${`<img src="${big}">`.repeat(9)}`);
    let read = 0;
    const empty = async () => ({ text: '', tableLines: [], pages: 1, seconds: 0 });
    const reader: ScanReader = { readPdf: empty, readImage: (async () => (read++, empty())) as ScanReader['readImage'] };
    const r = recordOf(await readReport(utf8(html), 'big.html', { ...PARSE_OPTIONS, ocr: async () => reader }));
    expect(read).toBe(IMAGE_OCR_BUDGET.images);
    expect(r.flags.filter((f) => f.rule === 'TABLE_MISSING').map((f) => f.subject)).toEqual([['t3']]);
    // The image under 三、 is tried first.
    expect(r.report.status_message).toContain('文中图片（图片 10、图片 1、图片 2、图片 3）已做文字识别（OCR），未从中读出表三；另有 6 张图片超出每份报告的识别上限');
  });

  it('no image is started after IMAGE_OCR_BUDGET.seconds of OCR, so the file stays within its time budget', async () => {
    const big = dataUri(await plainPng(600, 400));
    const html = htmlOf(blocks, big).replace('<div class="article">', `<div class="article">${`<img src="${big}">`.repeat(3)}`);
    let now = 1_000_000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now);
    let read = 0;
    // Each reading takes 15 s of the (mocked) clock: the second starts at 15 s, the third would start at 30 s.
    const slow = async () => ((now += 15_000), { text: '', tableLines: [], pages: 1, seconds: 15 });
    const reader: ScanReader = { readPdf: slow, readImage: (async () => (read++, slow())) as ScanReader['readImage'] };
    try {
      const r = recordOf(await readReport(utf8(html), 'slow.html', { ...PARSE_OPTIONS, ocr: async () => reader }));
      expect(read).toBe(2);
      expect(r.report.status_message).toContain('另有 2 张图片超出每份报告的识别上限（4 张、共 16 百万像素、20 秒），未做文字识别');
    } finally {
      clock.mockRestore();
    }
  });

  it('a truncated PNG and a GIF are data, not a crash: TABLE_MISSING stays and the message names them', async () => {
    const cut = png.slice(0, 3000);
    const gif = `data:image/gif;base64,${Buffer.from('GIF89a\x90\x01\x90\x01\x00\x00\x00', 'latin1').toString('base64')}`;
    const html = htmlOf(blocks, dataUri(cut)).replace('<div class="article">', `<div class="article"><img src="${gif}">`);
    const r = recordOf(await readReport(utf8(html), 'broken.html', PARSE_OPTIONS));
    expect(r.report.status).toBe('partial');
    expect(r.flags.filter((f) => f.rule === 'TABLE_MISSING').map((f) => f.subject)).toEqual([['t3']]);
    expect(r.report.status_message).toMatch(/文中图片（图片 2：图片无法解码（.+））无法读取/);
    expect(r.report.status_message).toContain('文中图片（图片 1）不是 PNG 或 JPEG，未做文字识别');
  }, 60_000);

  it('an upload cannot read an image beside the page: the record says so and what to do', async () => {
    const html = utf8(htmlOf(blocks, 'report_files/table3.png'));
    const ocr = countingOcr();
    const out = await readUploadedFile('upload.html', html.length, async () => html.slice().buffer, { ocr: ocr.options.ocr });
    const r = out.ok ? out.record : out.record!;
    expect(ocr.loads()).toBe(0);
    expect(r.flags.filter((f) => f.rule === 'TABLE_MISSING').map((f) => f.subject)).toEqual([['t3']]);
    expect(r.report.status_message).toContain('网页引用的图片（table3.png）不在所导入的文件中，无法识别其中的表格，请导入该报告的 PDF 或 Word 版本');
  });
});
