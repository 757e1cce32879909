/**
 * What the uploads suite feeds the 上传年报 input: corpus reports of every format
 * (../shared/corpus) with what a person read from them (tests/golden/corpus/NAME.expected.json),
 * files made here (a PDF in a non-embedded CJK font, a scan without text), and the steps that
 * pick files and read the result list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { STEP_MS } from '../harness/bounded-waits';
import { ROOT } from '../harness/next-server';

/** ../shared/corpus (absent on some machines: the corpus tests are then skipped). */
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const GOLDEN = path.join(ROOT, 'tests', 'golden', 'corpus');

/** What a person read from a corpus document (tests/golden/corpus/NAME.expected.json). */
export interface Golden {
  report: { agency: string | null; year: number | null };
  tables: Partial<Record<'t2' | 't3' | 't4', Record<string, string>>>;
}

/** The golden file of corpus document `file` (same name, `.expected.json`). */
export function golden(file: string): Golden {
  return JSON.parse(readFileSync(path.join(GOLDEN, file.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as Golden;
}

/** The value of one golden cell (notation: numbers in the form's column order; `_` blank → null); throws when absent. */
export function goldenCell(g: Golden, table: 't2' | 't3' | 't4', row: string, index: number): number | null {
  const tok = g.tables[table]?.[row]?.split(' ')[index];
  if (tok === undefined) throw new Error(`golden has no ${table}.${row}[${index}]`);
  const m = /^~?(-?\d+(?:\.\d+)?)/.exec(tok);
  return m ? Number(m[1]) : null;
}

/**
 * A one-page PDF: with `lines`, Chinese text in the non-embedded font STSong-Light through the
 * predefined UniGB-UCS2-H character map (readable only with pdf.js's cmaps, as some Chinese PDF
 * producers write it); without, a grey rectangle and no text at all, as a scan.
 */
export function makePdf(lines: string[] | null): Buffer {
  const hex = (t: string) => `<${[...t].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
  const stream = lines ? lines.map((l, j) => `BT /F1 12 Tf 60 ${780 - j * 24} Td ${hex(l)} Tj ET`).join('\n') : '0.9 g 50 50 495 742 re f';
  const font =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 ' +
    '/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> >>] >>';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    font,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** One line of the upload result list: file name, outcome (added/rejected/duplicate), report id, message. */
export interface UploadRow {
  file: string;
  outcome: string;
  reportId: string;
  message: string;
}

/** The rows of the upload result list now shown. */
export async function uploadResults(page: Page): Promise<UploadRow[]> {
  return page.$$eval('[data-testid="upload-result"]', (trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return { file: d.file ?? '', outcome: d.outcome ?? '', reportId: d.reportId ?? '', message: (tr.querySelector('td.message')?.textContent ?? '').trim() };
    }),
  );
}

/** Picks `files` with the 上传年报 input and waits (≤ 120 s) for the result list of that upload. */
export async function uploadFiles(page: Page, files: string[]): Promise<UploadRow[]> {
  await page.setInputFiles('[data-testid="upload-input"]', files);
  await page.waitForSelector('[data-testid="upload-progress"]', { state: 'detached', timeout: 120_000 });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="upload-result"]').length === n, files.length, { timeout: STEP_MS });
  return uploadResults(page);
}
