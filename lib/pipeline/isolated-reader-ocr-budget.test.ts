/**
 * The OCR time budget of the isolated reader (./isolated-reader-ocr-budget.ts): a file that goes to
 * OCR gets its base budget plus a budget per page, reported by the reading worker; a scan past
 * that budget is `timeout` with a message saying OCR took the time and to raise `--timeout-s`.
 * Real inputs: scans of 洪泽区 2023 (data/corpus) made by tests/fixtures/scans/make-scanned-pdf.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imagePdf, renderPages } from '../../tests/fixtures/scans/make-scanned-pdf';
import { isolatedReader } from './isolated-reader';
import { OCR_EXTRA_MAX_MS, OCR_PAGE_BUDGET_MS, ocrBudgetMs, ocrTimeoutMessage } from './isolated-reader-ocr-budget';

const root = path.resolve(__dirname, '../..');
const pdf = new Uint8Array(readFileSync(path.join(root, 'data/corpus/hongze-district-government-2023.pdf')));

/** Writes a scan of the given pages of 洪泽区 2023 (all when omitted), `copies` times over, to a temporary file; returns its path. */
async function scanFile(name: string, pages?: [number, number], copies = 1): Promise<string> {
  const rendered = await renderPages(pdf, 150);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ocr-budget-')), name);
  const chosen = pages ? rendered.slice(...pages) : rendered;
  writeFileSync(file, imagePdf(Array.from({ length: copies }, () => chosen).flat(), 150));
  return file;
}

describe('ocrBudgetMs and ocrTimeoutMessage', () => {
  it('adds 20 s a page to the base budget, at most 10 min', () => {
    expect(OCR_PAGE_BUDGET_MS).toBe(20_000);
    expect(ocrBudgetMs(30_000, 5)).toBe(130_000);
    expect(ocrBudgetMs(30_000, 0)).toBe(30_000);
    expect(ocrBudgetMs(30_000, 200)).toBe(30_000 + OCR_EXTRA_MAX_MS);
  });

  it('says that OCR took the time and to raise --timeout-s', () => {
    expect(ocrTimeoutMessage('scan.pdf', 130_000, 5)).toMatch(/^scan\.pdf：这是扫描件或图片，文字识别（OCR）5 页超过 130 秒仍未完成，已停止.*请用更长的时间上限重新导入（如 npm run ingest -- --timeout-s \d+ …）/);
  });
});

describe('isolatedReader with a scan', () => {
  it('extends the budget of a file that goes to OCR: a five-page scan (≥ 5 × 2.4 s of OCR) longer than the base budget is read', async () => {
    const file = await scanFile('scan5.pdf');
    const reader = isolatedReader({ mode: 'record', aliases: [] }, { timeoutMs: 10_000, ocrPageMs: 180_000 });
    try {
      const start = Date.now();
      const answer = await reader.read({ file, name: 'scan5.pdf', index: 0 });
      expect(Date.now() - start).toBeGreaterThan(10_000);
      expect(answer.kind === 'failed' ? answer.message : answer.kind).toBe('record');
      if (answer.kind === 'record') expect(answer.record.report.status).not.toBe('timeout');
      if (answer.kind === 'record') expect(answer.record.cells.some((c) => c.status === 'ocr')).toBe(true);
    } finally {
      await reader.close();
    }
  }, 240_000);

  it('a scan past its OCR budget is timeout with a message naming OCR, its pages and --timeout-s', async () => {
    const file = await scanFile('scan.pdf', undefined, 3);
    // 20 s to reach OCR even on a loaded machine; 15 pages then need ≥ 36 s, past 20 s + 15 × 0.1 s.
    const reader = isolatedReader({ mode: 'record', aliases: [] }, { timeoutMs: 20_000, ocrPageMs: 100 });
    try {
      const answer = await reader.read({ file, name: 'scan.pdf', index: 0 });
      expect(answer).toMatchObject({ kind: 'failed', index: 0, status: 'timeout' });
      expect(answer.kind === 'failed' && answer.message).toMatch(/^scan\.pdf：这是扫描件或图片，文字识别（OCR）15 页超过 21\.5 秒仍未完成.*--timeout-s/);
    } finally {
      await reader.close();
    }
  }, 120_000);
});
