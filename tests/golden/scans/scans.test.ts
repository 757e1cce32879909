/**
 * Scanned copies of the corpus PDFs read by OCR (issue 13), driven by the `*.scan.json` files of
 * this folder: `source` (a corpus PDF, scanned by the test — its pages rendered at 150 dpi to JPEG
 * and written back as an image-only PDF, tests/fixtures/scans/make-scanned-pdf.ts) and `golden`
 * (the golden file of the text-layer original, values read by a person). The scan goes through the
 * ingest's read path (readReport with the ingest's options, OCR included) and must give the
 * golden metadata, ≥ 98 % of the golden cells, the golden flags, and no wrong value in a table
 * accepted as OCR_READ. Prints cells right/total and seconds per page.
 *
 * OCR takes about 2.5 s of CPU a page on this machine (~30 s a scan with the scan's making), so by
 * default only the first scan runs; set OCR_SCANS=all to run every one (the README's figures).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../lib/model/report-schema';
import { PARSE_OPTIONS } from '../../../lib/pipeline/ingest-reports';
import { readReport } from '../../../lib/read/read-report';
import { scannedCopy } from '../../fixtures/scans/make-scanned-pdf';
import { scoreScan } from '../../fixtures/scans/score-scan';

const corpus = path.resolve(__dirname, '../../../data/corpus');
const goldenDir = path.resolve(__dirname, '..');
const files = readdirSync(__dirname).filter((f) => f.endsWith('.scan.json')).sort();
const chosen = process.env.OCR_SCANS === 'all' ? files : files.slice(0, 1);

for (const file of chosen) {
  const spec = JSON.parse(readFileSync(path.join(__dirname, file), 'utf8')) as { source: string; golden: string };
  const golden = JSON.parse(readFileSync(path.join(goldenDir, spec.golden), 'utf8'));
  describe(`scan: ${file}`, () => {
    let record: ReportRecord;
    let seconds = 0;
    let cpuSeconds = 0;
    let pages = 0;
    beforeAll(async () => {
      const scan = await scannedCopy(new Uint8Array(readFileSync(path.join(corpus, spec.source.replace(/^corpus\//, '')))));
      pages = (new TextDecoder('latin1').decode(scan).match(/\/Type \/Page\b/g) ?? []).length;
      const start = Date.now();
      const cpu = process.cpuUsage();
      const r = await readReport(scan, path.basename(spec.source).replace(/\.pdf$/, '-scan.pdf'), PARSE_OPTIONS);
      seconds = (Date.now() - start) / 1000;
      const used = process.cpuUsage(cpu);
      cpuSeconds = (used.user + used.system) / 1e6;
      record = r.ok ? r.value : r.error.record;
    }, 600_000);

    it('reads the metadata as the golden file has it', () => {
      const got = Object.fromEntries(Object.keys(golden.report).map((k) => [k, (record.report as Record<string, unknown>)[k]]));
      expect(got).toEqual(golden.report);
    });

    it('reads at least 98 % of the cells right and accepts no wrong value', () => {
      const score = scoreScan(record, golden);
      const ocr = record.cells.filter((c) => c.status === 'ocr');
      const verdict = record.flags.filter((f) => f.rule.startsWith('OCR_')).map((f) => `${f.rule} ${f.subject[0].split('.')[0]}`).join(', ');
      console.log(
        `${file}: ${pages} pages, ${score.right}/${score.total} cells right, wrong accepted ${score.wrongAccepted.length}, ${verdict}; ` +
          `${(cpuSeconds / pages).toFixed(1)} s CPU and ${(seconds / pages).toFixed(1)} s wall a page; wrong: ${score.wrong.join('; ') || 'none'}`,
      );
      expect(score.right / score.total).toBeGreaterThanOrEqual(0.98);
      expect(score.wrongAccepted).toEqual([]);
      expect(ocr.length).toBeGreaterThan(150);
      for (const c of ocr) expect(c.confidence).toBeGreaterThanOrEqual(0);
    });

    it('raises the golden flags, and OCR_READ only for tables whose identities hold', () => {
      for (const f of golden.flags as Array<{ rule: string; subject: string[] }>) {
        expect(record.flags.some((g) => g.rule === f.rule && f.subject.every((s) => g.subject.includes(s)))).toBe(true);
      }
      const accepted = record.flags.filter((f) => f.rule === 'OCR_READ').flatMap((f) => f.subject);
      const failing = record.flags.filter((f) => /^T[34]_/.test(f.rule)).map((f) => f.subject[0].split('.')[0]);
      for (const t of failing) expect(accepted).not.toContain(t);
      expect(record.flags.some((f) => f.rule === 'OCR_UNCERTAIN' && f.subject.includes('t2.fees.amount'))).toBe(true);
    });
  });
}
