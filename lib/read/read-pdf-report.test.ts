/**
 * The PDF reader end to end — through pdf.js (lib/parse/parse-pdf-report.ts) to the assembled
 * record (./assemble-record.ts) — on small PDFs written here (ASCII text in a standard
 * font, so no font file is needed): positions become lines and cells; a PDF without text is a
 * scan (no_text_layer); a damaged one is a read_error — each a record naming the file.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikePdf, parsePdfReport, type PdfReadOptions } from '../parse/parse-pdf-report';
import { assembleRecord } from './assemble-record';

const CMAPS = path.resolve(__dirname, '../../node_modules/pdfjs-dist/cmaps') + path.sep;

/** The record of a PDF: parsed by the PDF reader, assembled with the given id (no checks). */
async function readPdf(bytes: Uint8Array, name: string, id: string, options?: PdfReadOptions) {
  return assembleRecord(await parsePdfReport(bytes, name, options), name, id);
}

/**
 * A minimal PDF whose pages draw the given strings at the given positions (12 pt): ASCII in
 * Helvetica, or, with `cjk`, Chinese in the non-embedded STSong-Light through the predefined
 * UniGB-UCS2-H character map (as some Chinese PDF producers write it).
 */
function makePdf(pages: Array<Array<{ text: string; x: number; y: number }>>, cjk = false): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = cjk
    ? '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> >>] >>'
    : '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const show = (text: string) => (cjk ? `<${[...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>` : `(${text})`);
  pages.forEach((items, i) => {
    const content = items.map((t) => `BT /F1 12 Tf ${t.x} ${t.y} Td ${show(t.text)} Tj ET`).join('\n');
    objects[4 + i * 2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`;
    objects[5 + i * 2] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('parsePdfReport → assembleRecord', () => {
  it('rebuilds lines and cells from the text positions', async () => {
    const pdf = makePdf([
      [
        { text: 'Annual report', x: 72, y: 760 },
        { text: 'Row one', x: 72, y: 700 },
        { text: '12', x: 300, y: 700 },
        { text: '3', x: 360, y: 700 },
        { text: '15', x: 420, y: 700 },
      ],
    ]);
    expect(looksLikePdf(pdf)).toBe(true);
    const r = await readPdf(pdf, 'mini.pdf', 'id1');
    // Not an annual report (no Chinese markers), but the text was read with its cells.
    expect(r.report.status).toBe('not_a_report');
    expect(r.text.split('\n')).toEqual(['Annual report', 'Row one\t12\t3\t15']);
  });

  it('says a PDF without text is a scan and suggests OCR', async () => {
    const r = await readPdf(makePdf([[], []]), 'scan.pdf', 'id2');
    expect(r.report.status).toBe('no_text_layer');
    expect(r.report.status_message).toContain('scan.pdf');
    expect(r.report.status_message).toContain('OCR');
    expect(r.cells).toEqual([]);
  });

  it('turns a damaged PDF into a read_error record, not an exception', async () => {
    const r = await readPdf(new TextEncoder().encode('%PDF-1.7\nnot really'), 'broken.pdf', 'id3');
    expect(r.report.status).toBe('read_error');
    expect(r.report.status_message).toContain('broken.pdf');
  });

  it('reads Chinese in a non-embedded font with the character maps, and says what is missing without them', async () => {
    const pdf = makePdf([[{ text: '某县人民政府2024年政府信息公开工作年度报告', x: 72, y: 760 }, { text: '一、总体情况', x: 72, y: 700 }]], true);
    const withMaps = await readPdf(pdf, 'cjk.pdf', 'id4', { cMapUrl: CMAPS });
    expect(withMaps.text).toContain('政府信息公开工作年度报告');
    const without = await readPdf(pdf, 'cjk.pdf', 'id5');
    expect(without.report.status).toBe('undecodable_text');
    expect(without.report.status_message).toContain('CMap');
  });
});
