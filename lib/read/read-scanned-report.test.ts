import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../pipeline/ingest-reports';
import { renderPages, scannedCopy } from '../../tests/fixtures/scans/make-scanned-pdf';
import { readReport } from './read-report';
import { T3_COLUMNS } from '../model/form-layout';

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

  it('a scan of the unfilled form is blank_form, as the form read from its text is', async () => {
    const docx = new Uint8Array(readFileSync(path.resolve(__dirname, '../../data/corpus/blank-template-2021-format.docx')));
    const asText = await readReport(docx, 'blank.docx', withoutOcr);
    if (asText.ok || !asText.error.record) throw new Error('the blank form should be refused with its record');
    expect(asText.error.status).toBe('blank_form');
    const text = asText.error.record.text;
    // The scan reader hands back the form's own text, as a clean OCR of it would read.
    const reading = async () => ({ text, tableLines: [], pages: 1, seconds: 0 });
    const scan = await readReport(await scannedCopy(pdf), 'blank-scan.pdf', { ...withoutOcr, ocr: async () => ({ readPdf: reading, readImage: reading }) });
    expect(scan.ok ? scan.value.report.status : scan.error.status).toBe('blank_form');
    if (!scan.ok) expect(scan.error.record?.cells.every((c) => c.status === 'blank')).toBe(true);
  });

  it('never loads OCR for a file with a text layer', async () => {
    let loaded = false;
    const r = await readReport(pdf, 'hongze.pdf', { ...withoutOcr, ocr: async () => ((loaded = true), Promise.reject(new Error('x'))) });
    expect(r.ok).toBe(true);
    expect(loaded).toBe(false);
    if (r.ok) expect(r.value.cells.some((c) => c.status === 'ocr')).toBe(false);
  });
});

/** A PNG of the part of page `page` (1-based) of 洪泽区 2023 at 150 dpi between `top` and `bottom` (fractions of its height): a screenshot of one table, or of prose. */
async function pageCrop(page: number, top: number, bottom: number): Promise<Uint8Array> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const rendered = (await renderPages(pdf, 150, 'image/png'))[page - 1];
  const img = await loadImage(Buffer.from(rendered.image));
  const y0 = Math.round(rendered.height * top);
  const canvas = createCanvas(rendered.width, Math.round(rendered.height * bottom) - y0);
  canvas.getContext('2d').drawImage(img, 0, -y0);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

describe('a single table image read by OCR (issue 13)', () => {
  const golden = JSON.parse(readFileSync(path.resolve(__dirname, '../../tests/golden/corpus/hongze-district-government-2023.expected.json'), 'utf8'));
  const T3_ROWS = ['new_received', 'carried_over', 'granted', 'partially_granted', 'denied_state_secret', 'denied_prohibited_by_law', 'denied_security_stability', 'denied_third_party', 'denied_internal_affairs', 'denied_process_info', 'denied_enforcement_file', 'denied_admin_query', 'unable_not_held', 'unable_needs_creation'];

  it('a screenshot of 表三 alone (no title, no heading) is a partial report of 表三: its cells as the golden file has them, the other tables TABLE_MISSING', async () => {
    const r = await readReport(await pageCrop(3, 0.43, 0.935), '表三截图.png', PARSE_OPTIONS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { report, cells, flags } = r.value;
    expect([report.status, report.tables_found, report.agency, report.year, report.sections_found]).toEqual(['partial', ['t3'], null, null, []]);
    expect(report.status_message).toMatch(/^表三截图\.png：这是只含表三.*的图片（或扫描页），已由文字识别（OCR）读出；其他表格、机关名称和年度不在图中/);
    // The measure: ≥ 98 % of the cells right, no wrong value, and every cell not read is named by OCR_UNCERTAIN (an empty reading is never 0).
    const cols = T3_COLUMNS.map((c) => c.key);
    const uncertain = new Set(flags.filter((f) => f.rule === 'OCR_UNCERTAIN').flatMap((f) => f.subject));
    let right = 0;
    for (const key of T3_ROWS) {
      const expected = golden.tables.t3[key].split(' ').map(Number);
      cols.forEach((col, i) => {
        const c = cells.find((x) => x.table === 't3' && x.row === key && x.column === col)!;
        if (c.status === 'ocr' && c.value === expected[i]) right++;
        else expect([c.status, c.value, uncertain.has(`t3.${key}.${col}`)], `t3.${key}.${col}`).toEqual(['missing', null, true]);
      });
    }
    expect(right / (T3_ROWS.length * cols.length)).toBeGreaterThanOrEqual(0.98);
    expect(flags.filter((f) => f.rule === 'TABLE_MISSING').map((f) => f.subject)).toEqual([['t2'], ['t4']]);
    expect(uncertain.has('t3.other_handling.total') || uncertain.has('t3.total_processed.total')).toBe(true); // rows not in the image cannot be confirmed
  }, 240_000);

  it('an image with no table of the form (prose only) is still not_a_report, saying so', async () => {
    const r = await readReport(await pageCrop(5, 0, 0.27), 'prose.png', PARSE_OPTIONS);
    expect(r.ok ? null : r.error.status).toBe('not_a_report');
    if (!r.ok) expect(r.error.message).toMatch(/^prose\.png：这是图片，已做文字识别（OCR），但读出的文字中既找不到.*也找不到年度报告表格的行.*请/);
  }, 240_000);
});
