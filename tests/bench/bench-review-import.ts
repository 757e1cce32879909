/**
 * `npx tsx tests/bench/bench-review-import.ts [--rows N]`: how long importing a review-decisions
 * CSV of N rows (default 100,000) takes (issue 12: under 3 s), printed as figures, not a pass/fail
 * test. Run it under `flock /tmp/heavy.lock` (it runs `next build` when the sources changed since
 * the last build, then `next start` and Chromium).
 *
 * - node: lib/review alone — decode, parseDecisionsCsv, mergeDecisions into N stored decisions;
 * - browser: the dashboard's 审核 view on the built data (data/build or DATA_BUILD_DIR), a fresh
 *   profile: the first import of N new decisions (file chosen → 导入完成 shown with the counts
 *   updated), a second import of N decisions of which half are already stored and half are newer,
 *   and opening the view again with N decisions stored.
 * The fingerprints are made up (they match no flag: every decision is 孤立), as a supervisor's file
 * from another data build would be.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeDecisionFile, decisionsToCsv, mergeDecisions, parseDecisionsCsv, type Decision } from '../../lib/review/decisions';
import { ensureAppData } from '../harness/app-data';
import { launchChromium, newIsolatedContext, newRequestLog } from '../harness/chromium';
import { ensureNextBuild, startServer, stopServer } from '../harness/next-server';
import { openDashboard, waitForQueue } from '../browser/dashboard-page';

const rowsArg = process.argv.indexOf('--rows');
const N = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 100_000;

/** N decisions with fingerprints `offset`…, dated `day` (ISO date), alternately confirmed and dismissed. */
function decisions(n: number, offset: number, day: string): Decision[] {
  return Array.from({ length: n }, (_, i) => ({
    fingerprint: (offset + i).toString(16).padStart(16, '0'),
    decision: i % 2 ? 'dismissed' : 'confirmed',
    note: i % 2 ? `原文表格如此，解析无误（第 ${i} 条）` : '',
    decided_at: `${day}T08:30:00.000Z`,
    report_id: 'abcdef0123456789',
    agency: '某市人民政府',
    year: 2024,
    rule: 'T3_BALANCE',
    subject: 't3.new_received.total',
  }));
}

const ms = (t0: number) => Math.round(performance.now() - t0);

/** The lib/review part alone, in Node. */
function benchNode(first: string, second: string): Record<string, number> {
  const now = new Date();
  let t = performance.now();
  const text = decodeDecisionFile(new TextEncoder().encode(first));
  if (!text.ok) throw new Error(text.error);
  const a = parseDecisionsCsv(text.value, now);
  const parseFirst = ms(t);
  if (!a.ok) throw new Error(a.error);
  t = performance.now();
  const b = parseDecisionsCsv(second, now);
  if (!b.ok) throw new Error(b.error);
  const m = mergeDecisions(a.value, b.value);
  const parseMergeSecond = ms(t);
  console.log(`node: decode + parse ${N} rows ${parseFirst} ms; parse + merge the second file ${parseMergeSecond} ms (added ${m.added}, updated ${m.updated}, unchanged ${m.unchanged})`);
  return { parseFirst, parseMergeSecond };
}

/** The dashboard's import, in Chromium. */
async function benchBrowser(firstFile: string, secondFile: string): Promise<Record<string, number>> {
  const build = ensureNextBuild('bench-review-import');
  if (!build.ok) throw new Error(build.error);
  const data = ensureAppData();
  if (!data.ok) throw new Error(data.error);
  const server = await startServer(data.value);
  if (!server.ok) throw new Error(server.error);
  const browser = await launchChromium();
  try {
    const context = await newIsolatedContext(browser, newRequestLog(), 120_000);
    const page = await context.newPage();
    await openDashboard(page, server.value.url, { view: 'review' });
    await waitForQueue(page);
    const importOnce = async (file: string, stored: number): Promise<number> => {
      const t0 = performance.now();
      await page.setInputFiles('[data-testid="import-decisions"]', file);
      await page.waitForSelector('[data-testid="import-ok"], [data-testid="import-error"]', { timeout: 120_000 });
      const err = await page.$('[data-testid="import-error"]');
      if (err) throw new Error(await err.innerText());
      await page.waitForFunction((n) => document.querySelector('[data-testid="review-counts"]')?.getAttribute('data-stored') === String(n), stored, { timeout: 120_000 });
      return ms(t0);
    };
    const first = await importOnce(firstFile, N);
    const second = await importOnce(secondFile, N + N / 2);
    const t0 = performance.now();
    await openDashboard(page, server.value.url, { view: 'review' });
    await waitForQueue(page);
    await page.waitForFunction((n) => document.querySelector('[data-testid="review-counts"]')?.getAttribute('data-stored') === String(n), N + N / 2, { timeout: 120_000 });
    const reopen = ms(t0);
    console.log(`browser: first import of ${N} rows ${first} ms; second import (${N / 2} stored, ${N / 2} new) ${second} ms; open the 审核 view with ${N + N / 2} stored ${reopen} ms`);
    await context.close();
    return { first, second, reopen };
  } finally {
    await browser.close();
    stopServer(server.value);
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'bench-review-'));
try {
  const firstCsv = decisionsToCsv(decisions(N, 0, '2025-03-01'));
  // Half the fingerprints of the first file (decided later, so they replace it) and half new ones.
  const secondCsv = decisionsToCsv(decisions(N, N / 2, '2025-04-01'));
  const firstFile = path.join(dir, 'first.csv');
  const secondFile = path.join(dir, 'second.csv');
  writeFileSync(firstFile, firstCsv);
  writeFileSync(secondFile, secondCsv);
  console.log(`bench-review-import: ${N} rows, ${(firstCsv.length / 1e6).toFixed(1)} M characters a file`);
  benchNode(firstCsv, secondCsv);
  await benchBrowser(firstFile, secondFile);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
