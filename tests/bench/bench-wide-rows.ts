/**
 * Wide rows through the real read path (lib/read readReport), issue 12's hostile inputs: a text
 * report whose 表三 row 本年新收 prints 30,000 numbers (8.8 s before the tokenizer became linear),
 * an HTML report whose row has 100,000 cells (103 s before), and the one-line web capture of the
 * corpus whose row runs 30,000 digits together (the run-together solver's digit counts were
 * quadratic). Prints the seconds each takes, the status and the cells read; the target is well
 * under 2 s each. Run: `npx tsx tests/bench/bench-wide-rows.ts` (not yet listed in run-bench.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readReport } from '../../lib/read/read-report';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Seed 000 (a real report) with its 本年新收 row replaced by `n` numbers (unchanged when `n` is 0). */
export function wideTextReport(n: number): string {
  const seed = readFileSync(path.join(root, 'data/seeds/000_c5009f74879149c4.txt'), 'utf8');
  if (n === 0) return seed;
  const numbers = Array.from({ length: n }, (_, i) => String(i % 10)).join(' ');
  return seed.replace(/^一、本年新收政府信息公开申请数量.*$/m, `一、本年新收政府信息公开申请数量 ${numbers}`);
}

/** An HTML report (the corpus's anonymized city page) whose first 表三 row has `n` more cells (unchanged when `n` is 0). */
export function wideHtmlReport(n: number): string {
  const page = readFileSync(path.join(root, 'data/corpus/anonymized-city-government-2025.html'), 'utf8');
  if (n === 0) return page;
  const cells = Array.from({ length: n }, (_, i) => `<td>${i % 10}</td>`).join('');
  return page.replace(/(<tr[^>]*>\s*<td[^>]*>[^<]*本年新收[\s\S]*?)(<\/tr>)/, `$1${cells}$2`);
}

/** The corpus's one-line web capture (平潭 2024, cells run together) with its 本年新收 row printed as `n` run-together digits. */
export function runTogetherCapture(n: number): string {
  const capture = readFileSync(path.join(root, 'data/corpus/pingtan-public-security-bureau-2024.txt'), 'utf8');
  const digits = Array.from({ length: n }, (_, i) => String(i % 10)).join('');
  return capture.replace('本年新收政府信息公开申请数量 8 0 0 0 0 0 8', `本年新收政府信息公开申请数量 ${digits}`);
}

/** Reads one generated report and returns the seconds it took, its status and whether it validated. */
export async function timeRead(text: string, name: string): Promise<{ seconds: number; status: string; cells: number }> {
  const t0 = performance.now();
  const out = await readReport(new TextEncoder().encode(text), name);
  const seconds = (performance.now() - t0) / 1000;
  const record = out.ok ? out.value : out.error.record;
  return { seconds, status: record.report.status, cells: record.cells.length };
}

/**
 * Prints the figures of both wide rows, and of the same two reports unchanged (read first, so that
 * loading the readers' modules is not counted against the wide rows).
 */
export async function benchWideRows(): Promise<Array<{ input: string; seconds: number; status: string; cells: number }>> {
  const rows = [
    { input: 'text, seed 000 unchanged', ...(await timeRead(wideTextReport(0), 'seed.txt')) },
    { input: 'HTML, corpus page unchanged', ...(await timeRead(wideHtmlReport(0), 'page.html')) },
    { input: 'text, 30,000 numbers in one labelled row', ...(await timeRead(wideTextReport(30_000), 'wide-row.txt')) },
    { input: 'HTML, 100,000 cells in one row', ...(await timeRead(wideHtmlReport(100_000), 'wide-row.html')) },
    { input: 'one-line capture, 30,000 run-together digits in one row', ...(await timeRead(runTogetherCapture(30_000), 'run-together.txt')) },
  ];
  for (const r of rows) console.log(`wide rows: ${r.input}: ${r.seconds.toFixed(2)} s (status ${r.status}, ${r.cells} cells)`);
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await benchWideRows();
