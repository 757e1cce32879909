/**
 * Parse throughput on one core (issue 15, target ≥ 5,000 synthetic reports a second): runs
 * ./parse-throughput.ts in a child process of its own (one thread), once precompiled — bundled by
 * esbuild into .bench/parse-throughput.mjs, no tsx in the way, as a production build runs — and
 * once under tsx (its per-function wrappers cost ~1.25×), and prints both with the per-format
 * figures of the real documents and, for each real PDF and in total, pages a second of pdf.js
 * text extraction alone and of the whole read (target ≥ 30 pages/s per core). Figures, not pass/fail. Alone:
 * `npx tsx tests/bench/bench-parse.ts [REPORTS]` (default BENCH_PARSE_REPORTS or 10,000).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ParseThroughput, PdfFigures } from './parse-throughput';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** Both runs' figures, and the real PDFs' summary (issue 15's PDF target) from the precompiled run. */
export interface ParseFigures {
  precompiled: ParseThroughput;
  tsx: ParseThroughput;
  /**
   * The real PDFs together: `pagesPerSecond` of the whole read (lib/read readReport), the figure
   * for the target ≥ 30 pages/s per core; `extractPagesPerSecond` of pdf.js text extraction alone;
   * `total` and `files` as in ParseThroughput. Null when no real PDF was read.
   */
  pdf: { pages: number; pagesPerSecond: number; extractPagesPerSecond: number; total: PdfFigures; files: PdfFigures[] } | null;
}

/**
 * Bundles ./parse-throughput.ts into `work`/parse-throughput.mjs: everything but pdf.js (loaded
 * from node_modules, it finds its worker and data there), with `require` for bundled CommonJS.
 */
async function bundle(work: string): Promise<string> {
  const outfile = path.join(work, 'parse-throughput.mjs');
  await build({ entryPoints: [path.join(here, 'parse-throughput.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['pdfjs-dist', 'pdfjs-dist/*'], logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
  return outfile;
}

function run(cmd: string, args: string[]): ParseThroughput {
  const out = execFileSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, PARSE_BENCH_ROOT: root }, maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as ParseThroughput;
}

/** One line for a real PDF (or the total): pages, ms of each step, pages/s of extraction and of the whole read. */
function printPdf(f: PdfFigures): void {
  console.log(
    `parse: pdf ${f.file.padEnd(38)} ${String(f.pages).padStart(2)} pages: pdf.js text ${f.extractMs} ms = ${f.extractPagesPerSecond} pages/s; ` +
      `whole read ${f.readMs} ms = ${f.readPagesPerSecond} pages/s (of it layout ${f.layoutMs} ms, parseTextReport ${f.parseTextMs} ms)`,
  );
}

function print(label: string, f: ParseThroughput): void {
  console.log(
    `parse (one core, ${label}): ${f.reports} synthetic reports in ${f.seconds.toFixed(2)} s = ${f.perSecond} reports/s ` +
      `(CPU ${f.cpuSeconds.toFixed(2)} s = ${f.perCpuSecond} reports/s of CPU time)`,
  );
}

/** Runs both measurements, printing as it goes; `reports` synthetic texts, each real document read `readings` times. */
export async function benchParse(work: string, reports: number, readings = 5): Promise<ParseFigures> {
  mkdirSync(work, { recursive: true });
  const bundled = await bundle(work);
  // Bundled: the packages resolve from the project's node_modules (NODE_PATH is not used by ESM, so run from a file under root).
  const precompiled = run(process.execPath, [bundled, String(reports), String(readings)]);
  print('precompiled', precompiled);
  for (const f of precompiled.formats) console.log(`parse: ${f.format.padEnd(5)} ${f.files} real file(s), ${f.msPerReport} ms a report (median), ${Math.round(1000 / f.msPerReport)} a second`);
  for (const f of precompiled.pdfs) printPdf(f);
  if (precompiled.pdfTotal) printPdf(precompiled.pdfTotal);
  const tsx = run(process.execPath, ['--import', 'tsx', path.join(here, 'parse-throughput.ts'), String(reports), '0']);
  print('tsx', tsx);
  const total = precompiled.pdfTotal;
  const pdf = total ? { pages: total.pages, pagesPerSecond: total.readPagesPerSecond, extractPagesPerSecond: total.extractPagesPerSecond, total, files: precompiled.pdfs } : null;
  return { precompiled, tsx, pdf };
}

if (process.argv[1] && /bench-parse\.ts$/.test(process.argv[1])) {
  await benchParse(path.join(root, '.bench'), Number(process.argv[2] ?? process.env.BENCH_PARSE_REPORTS ?? 10_000));
}
