/**
 * Parse throughput on one core (issue 15): the synthetic corpus's texts in memory, read by the
 * text path (lib/read readReportText: parse → normalize → assembly) and the single-report checks
 * (lib/checks runChecks), the way the ingest's workers read each text file; and each real document
 * of data/seeds and data/corpus through the whole read path (lib/read readReport, the format
 * readers included), per format; and each real PDF by pages (issue 15: ≥ 30 pages/s per core):
 * pdf.js text extraction alone, our layout (lib/parse/pdf-layout.ts), parseTextReport and the
 * whole read, in milliseconds and pages a second. Prints one JSON line ({@link ParseThroughput})
 * on stdout.
 *
 * Run by ./bench-parse.ts twice: precompiled (bundled by esbuild, as a production build runs) and
 * under tsx (as `npm run …` scripts run). Alone: `npx tsx tests/bench/parse-throughput.ts [REPORTS]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runChecks } from '../../lib/checks/run-checks';
import { readPdfPages, type PdfReadOptions } from '../../lib/parse/parse-pdf-report';
import { parseTextReport } from '../../lib/parse/parse-text-report';
import { layoutPdfText } from '../../lib/parse/pdf-layout';
import { readReportText } from '../../lib/read/assemble-record';
import { readReport } from '../../lib/read/read-report';
import { generateSyntheticCorpus } from '../../lib/synth/generate-synthetic-corpus';

/** What one run measured. Seconds are wall-clock; `cpuSeconds` the process's CPU time over the same span (one thread). */
export interface ParseThroughput {
  reports: number;
  seconds: number;
  cpuSeconds: number;
  /** Synthetic reports per second of wall-clock time. */
  perSecond: number;
  /** Synthetic reports per second of CPU time (what one core does when the machine is shared). */
  perCpuSecond: number;
  /** The real documents by format (file ending): files, times each was read, milliseconds per reading (median of the files). */
  formats: Array<{ format: string; files: number; readings: number; msPerReport: number }>;
  /** Each real PDF (data/seeds, data/corpus), read `readings` times; empty when the real documents were not read. */
  pdfs: PdfFigures[];
  /** The sums over {@link pdfs} (`file` is `'total'`); null when there are none. */
  pdfTotal: PdfFigures | null;
}

/**
 * One real PDF, or the sum over all (`file` 'total'): milliseconds are medians of the readings
 * (wall clock, one thread; pdf.js's zlib work runs on libuv's pool, so CPU time can exceed it).
 */
export interface PdfFigures {
  file: string;
  pages: number;
  /** pdf.js text extraction alone (lib/parse readPdfPages: getDocument + getTextContent of every page). */
  extractMs: number;
  /** lib/parse/pdf-layout.ts layoutPdfText on the extracted pages. */
  layoutMs: number;
  /** parseTextReport on the laid-out text. */
  parseTextMs: number;
  /** The whole read: lib/read readReport (extraction, layout, parse, normalize, assembly, checks, validation). */
  readMs: number;
  /** pages ÷ extractMs, per second. */
  extractPagesPerSecond: number;
  /** pages ÷ readMs, per second. */
  readPagesPerSecond: number;
}

/** pdf.js's data folders from the installed pdfjs-dist, as the ingest passes them (lib/pipeline/ingest-reports.ts PARSE_OPTIONS). */
function pdfOptions(): PdfReadOptions {
  const dir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: path.join(dir, 'cmaps') + path.sep, standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Reads `n` synthetic reports (after 300 to warm up) and times them. */
function synthetic(n: number): Pick<ParseThroughput, 'reports' | 'seconds' | 'cpuSeconds' | 'perSecond' | 'perCpuSecond'> {
  const texts = [...generateSyntheticCorpus({ reports: n, years: 5, seed: 'bench' })];
  for (const r of texts.slice(0, 300)) runChecks(readReportText(r.text, r.name, 'warm'));
  const c0 = cpuNow();
  const t0 = performance.now();
  for (let i = 0; i < texts.length; i++) runChecks(readReportText(texts[i].text, texts[i].name, `b${i}`));
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpuNow() - c0;
  return { reports: n, seconds, cpuSeconds, perSecond: Math.round(n / seconds), perCpuSecond: Math.round(n / cpuSeconds) };
}

/** The real documents of data/seeds and data/corpus (paths). */
function realFiles(root: string): string[] {
  return ['seeds', 'corpus'].flatMap((d) => {
    const dir = path.join(root, 'data', d);
    return readdirSync(dir).filter((f) => /\.(txt|md|html|pdf|docx)$/.test(f)).map((f) => path.join(dir, f));
  });
}

/** Each real document read `readings` times with the whole read path; the median ms per reading of the files of each format. */
async function realFormats(root: string, readings: number): Promise<ParseThroughput['formats']> {
  const options = { pdf: pdfOptions() };
  const byFormat = new Map<string, number[]>();
  for (const file of realFiles(root)) {
    const bytes = new Uint8Array(readFileSync(file));
    const name = path.basename(file);
    await readReport(bytes, name, options); // warm
    const t0 = performance.now();
    for (let i = 0; i < readings; i++) await readReport(bytes, name, options);
    const ms = (performance.now() - t0) / readings;
    const format = path.extname(file).slice(1);
    byFormat.set(format, [...(byFormat.get(format) ?? []), ms]);
  }
  return [...byFormat].map(([format, ms]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return { format, files: ms.length, readings, msPerReport: Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100 };
  });
}

/** Median of `readings` timings (ms) of `step`, after one untimed run. */
async function medianMs(readings: number, step: () => unknown): Promise<number> {
  await step();
  const ms: number[] = [];
  for (let i = 0; i < readings; i++) {
    const t0 = performance.now();
    await step();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** One PDF's figures (see {@link PdfFigures}) from its pages and median step timings. */
function pdfFigures(file: string, pages: number, ms: Pick<PdfFigures, 'extractMs' | 'layoutMs' | 'parseTextMs' | 'readMs'>): PdfFigures {
  return {
    file, pages,
    extractMs: round1(ms.extractMs), layoutMs: round1(ms.layoutMs), parseTextMs: round1(ms.parseTextMs), readMs: round1(ms.readMs),
    extractPagesPerSecond: round1((pages / ms.extractMs) * 1000), readPagesPerSecond: round1((pages / ms.readMs) * 1000),
  };
}

/** Each real PDF by pages: each step timed `readings` times (medians), and the totals over all PDFs. */
async function realPdfs(root: string, readings: number): Promise<Pick<ParseThroughput, 'pdfs' | 'pdfTotal'>> {
  const pdf = pdfOptions();
  const pdfs: PdfFigures[] = [];
  for (const file of realFiles(root).filter((f) => f.endsWith('.pdf'))) {
    const bytes = new Uint8Array(readFileSync(file));
    const name = path.basename(file);
    const { pages } = await readPdfPages(bytes, pdf);
    const text = layoutPdfText(pages);
    pdfs.push(pdfFigures(name, pages.length, {
      extractMs: await medianMs(readings, () => readPdfPages(bytes, pdf)),
      layoutMs: await medianMs(readings, () => layoutPdfText(pages)),
      parseTextMs: await medianMs(readings, () => parseTextReport(text)),
      readMs: await medianMs(readings, () => readReport(bytes, name, { pdf })),
    }));
  }
  if (!pdfs.length) return { pdfs, pdfTotal: null };
  const sum = (k: 'pages' | 'extractMs' | 'layoutMs' | 'parseTextMs' | 'readMs') => pdfs.reduce((s, p) => s + p[k], 0);
  const total = pdfFigures('total', sum('pages'), { extractMs: sum('extractMs'), layoutMs: sum('layoutMs'), parseTextMs: sum('parseTextMs'), readMs: sum('readMs') });
  return { pdfs, pdfTotal: total };
}

/** Measures and returns the figures (synthetic: `reports` texts; real documents: `readings` each). */
export async function measureParseThroughput(root: string, reports: number, readings: number): Promise<ParseThroughput> {
  const s = synthetic(reports);
  if (readings <= 0) return { ...s, formats: [], pdfs: [], pdfTotal: null };
  return { ...s, formats: await realFormats(root, readings), ...(await realPdfs(root, readings)) };
}

// Run as a script (bundled or under tsx): PARSE_BENCH_ROOT or the working directory is the project.
if (process.argv[1] && /parse-throughput\.(ts|mjs)$/.test(process.argv[1])) {
  const reports = Number(process.argv[2] ?? 10_000);
  const readings = Number(process.argv[3] ?? 5);
  const figures = await measureParseThroughput(process.env.PARSE_BENCH_ROOT ?? process.cwd(), reports, readings);
  console.log(JSON.stringify(figures));
}
