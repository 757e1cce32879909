import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../pipeline/ingest-reports';
import { renderPages, scannedCopy } from '../../tests/fixtures/scans/make-scanned-pdf';
import { readReport } from './read-report';

const pdf = new Uint8Array(readFileSync(path.resolve(__dirname, '../../data/corpus/hongze-district-government-2023.pdf')));
const { ocr: _ocr, ...withoutOcr } = PARSE_OPTIONS;

describe('the OCR branch of readReport', () => {
  it('without an OCR loader, refuses a scanned PDF with the OCR hint, as before', async () => {
    const r = await readReport(await scannedCopy(pdf), 'scan.pdf', withoutOcr);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ status: 'no_text_layer', message: expect.stringContaining('OCR') });
  });

  it('without an OCR loader, an image file is binary as before; with a loader that fails, a scan says OCR failed and what to do', async () => {
    const [png] = await renderPages(pdf, 72, 'image/png');
    const binary = await readReport(png.image, 'page.png', withoutOcr);
    expect(binary.ok ? null : binary.error.status).toBe('binary_file');
    const failing = { ...withoutOcr, ocr: () => Promise.reject(new Error('模型文件缺失')) };
    const scan = await readReport(await scannedCopy(pdf), 'scan.pdf', failing);
    expect(scan.ok).toBe(false);
    if (!scan.ok) {
      expect(scan.error.status).toBe('no_text_layer');
      expect(scan.error.message).toMatch(/^scan\.pdf：.*文字识别（OCR）未能完成（模型文件缺失）.*请/);
    }
    const image = await readReport(png.image, 'page.png', failing);
    expect(image.ok ? null : image.error.status).toBe('read_error');
  });

  it('never loads OCR for a file with a text layer', async () => {
    let loaded = false;
    const r = await readReport(pdf, 'hongze.pdf', { ...withoutOcr, ocr: async () => ((loaded = true), Promise.reject(new Error('x'))) });
    expect(r.ok).toBe(true);
    expect(loaded).toBe(false);
    if (r.ok) expect(r.value.cells.some((c) => c.status === 'ocr')).toBe(false);
  });
});
