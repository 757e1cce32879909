/**
 * Suite `print-card` (issue 10, "Images and print"): the print stylesheet (app/print.css) and the
 * 体检单 (report cards) on the shared server, printed by Chromium itself (`page.pdf`, A4) the way
 * 打印 / 导出 PDF prints them:
 *
 * - the report card of 洪泽区 2023 (data/corpus/hongze-district-government-2023.pdf: 表四's 总计
 *   printed 0 where the parts sum to 11 and 5 → two T4_TOTAL errors, no 发布日期 → one info), reached
 *   from the report page's 体检单 link after a 驳回 with a note there: every flag of flags.csv with its
 *   review status, the note on the card, 本年新收 21 件, every rule's source; printed with no input or
 *   button visible, on at most two A4 pages;
 * - the agency cards of 淮安市洪泽区人民政府 (2023–2025) and 上海市人民政府办公厅 (2019–2025, five
 *   years without a report) on at most two A4 pages each;
 * - the report page of 沭阳县 2025 (the longest text of the data) printed: no controls, and every
 *   line of its source text (/data/texts/ID.txt) in the PDF's text — not clipped to its scroll box;
 * - the agency page of 洪泽区 drawn at 1280 px and printed: no controls, every chart's canvas within
 *   its box (scaled down to the A4 column, app/print.css);
 * - the 审核 queue printed: no filter bar, tabs, upload panel, inputs or buttons, every row's agency
 *   in the PDF.
 *
 * Text is compared as the PDF's text layer spells it: CJK fonts share glyphs between ideographs and
 * radical forms (民/⺠, 见/⻅), so each character's printed spelling is calibrated first (pdfSpelling).
 *
 * Every PDF's pages are counted with pdfjs-dist and rendered to PNG with pdftoppm (poppler-utils)
 * into tests/browser/artifacts/ and, when /tmp/team5/shots exists, there as H6-*.png, to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { artifact } from '../../harness/artifacts';
import { DB_READY_MS, STEP_MS } from '../../harness/bounded-waits';
import { assert, assertEqual, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { openDashboard, openReport, waitForQueue } from '../dashboard-page';

const SHOTS = '/tmp/team5/shots';
/** The review note written on the report page and expected on the card and in its PDF. */
const NOTE = '表四总计原文印为0，已与原件核对';

/** The report of reports.csv whose source file contains `name`. */
function reportOf(env: SuiteEnv, name: string): { id: string; key: string } {
  const r = env.data.reports.find((x) => x.source_file.includes(name));
  assert(r, `no report ${name} in reports.csv`);
  return { id: r.report_id, key: r.agency_key };
}

/** Waits for a card (`report-card` or `agency-card`) with all its data; throws with the page's error. */
async function waitForCard(page: Page, testId: 'report-card' | 'agency-card'): Promise<void> {
  await page.waitForSelector(`[data-testid="${testId}"][data-ready="true"], [data-testid="card-error"], [data-testid="db-error"]`, { timeout: DB_READY_MS });
  const err = await page.$('[data-testid="card-error"], [data-testid="db-error"]');
  if (err) throw new Error(`card error: ${(await err.innerText()).replace(/\s+/g, ' ')}`);
}

/** Controls (input, select, textarea, button) that take space on the page as printed (media print). */
async function visibleControls(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  return page.$$eval('input, select, textarea, button, [role="tablist"]', (els) =>
    els
      .filter((e) => {
        const s = getComputedStyle(e);
        return s.display !== 'none' && s.visibility !== 'hidden' && (e as HTMLElement).getClientRects().length > 0 && !(e as HTMLElement).closest('.visually-hidden');
      })
      .map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}: ${(e.textContent ?? '').trim().slice(0, 20)}`),
  );
}

/** Pages and text of a PDF (pdfjs-dist, the parser's own PDF library). */
async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, cMapUrl: 'node_modules/pdfjs-dist/cmaps/', cMapPacked: true, standardFontDataUrl: 'node_modules/pdfjs-dist/standard_fonts/' }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}

/**
 * Prints the page to an A4 PDF (as the print dialog's 另存为 PDF does, with backgrounds), writes it
 * and its pages as PNG (pdftoppm, 70 dpi) to the artifacts and /tmp/team5/shots as H6-NAME*, and
 * returns its page count and text.
 */
async function printPdf(page: Page, name: string): Promise<{ pages: number; text: string }> {
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const file = artifact(`H6-${name}.pdf`);
  writeFileSync(file, bytes);
  const pdf = await readPdf(new Uint8Array(bytes));
  for (const dir of [path.dirname(file), ...(existsSync(SHOTS) ? [SHOTS] : [])]) {
    for (const old of readdirSync(dir)) if (old.startsWith(`H6-${name}-`) && old.endsWith('.png')) rmSync(path.join(dir, old)); // an earlier run's pages
    try {
      execFileSync('pdftoppm', ['-r', '70', '-png', file, path.join(dir, `H6-${name}`)], { timeout: STEP_MS });
    } catch (e) {
      console.log(`    (pdftoppm could not render ${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    }
  }
  return pdf;
}

/** Collapses all whitespace and folds compatibility forms: the PDF's text runs have no line breaks, and lines may wrap anywhere. */
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * How the PDF's text layer spells each character of `texts` in the page font: CJK fonts share one
 * glyph between an ideograph and its radical form (民 and ⺠, 见 and ⻅, 户 and 戶), and Chromium's
 * PDF names the glyph by one of them, so the extracted text differs from the source where nothing
 * printed does. Printed once on a calibration page (every distinct character, `|`-separated, in the
 * page's font), the same way as the page under test; returns `fold`, which spells a string the way
 * the PDF's text does (characters it cannot calibrate are kept).
 */
async function pdfSpelling(env: SuiteEnv, fontFamily: string, texts: readonly string[]): Promise<(s: string) => string> {
  const chars = [...new Set(squash(texts.join('')).replace(/\|/g, ''))];
  const page = await env.freshPage();
  await page.setContent(`<p style="font-family: ${fontFamily.replace(/[<>"]/g, '')}; word-break: break-all"></p>`);
  await page.$eval('p', (p, text) => (p.textContent = text), chars.join(' | '));
  const spelled = squash((await readPdf(new Uint8Array(await page.pdf({ format: 'A4' })))).text).split('|');
  const map = new Map(spelled.length === chars.length ? chars.map((c, i) => [c, spelled[i]] as const) : []);
  return (s: string) => [...squash(s)].map((c) => map.get(c) ?? c).join('');
}

/** The print-card suite (shared server). */
export const printCardSuite: Suite = {
  name: 'print-card',
  server: 'shared',
  open: (env) => ({ tests: [...cardTests(env), ...printTests(env)] }),
};

/** The two kinds of 体检单. */
function cardTests(env: SuiteEnv): TestCase[] {
  const base = env.server.url;
  return [
    {
      name: 'report card 洪泽区 2023: from the report page, every flag with its review status and note, ≤ 2 A4 pages, no controls printed',
      run: async () => {
        const { id } = reportOf(env, 'hongze-district-government-2023');
        const flags = env.data.flags.filter((f) => f.report_id === id);
        assertEqual(flags.map((f) => f.rule).sort(), ['PUBLICATION_DATE_UNKNOWN', 'T4_TOTAL', 'T4_TOTAL'], 'flags of 洪泽区 2023 in flags.csv');
        const page = await env.freshPage();
        await openReport(page, base, id);
        // 驳回 one T4_TOTAL flag with a note, on the report page.
        const card = page.locator('[data-testid="flag-card"][data-rule="T4_TOTAL"]').first();
        const fp = await card.getAttribute('data-fingerprint');
        await card.locator('[data-testid="decision-note"]').fill(NOTE);
        await card.locator('[data-testid="decision-dismiss"]').click();
        await card.locator('[data-testid="decision-status"]', { hasText: '已驳回' }).waitFor({ timeout: STEP_MS });
        await page.click('[data-testid="report-card-link"]');
        await page.waitForURL((u) => u.pathname === `/report/${id}/card`, { timeout: STEP_MS });
        await waitForCard(page, 'report-card');
        const rows = await page.$$eval('[data-testid="card-flag"]', (trs) =>
          trs.map((tr) => ({ rule: (tr as HTMLElement).dataset.rule, review: (tr as HTMLElement).dataset.review, text: (tr.textContent ?? '').replace(/\s+/g, ' ') })),
        );
        assertEqual(rows.map((r) => r.rule), ['T4_TOTAL', 'T4_TOTAL', 'PUBLICATION_DATE_UNKNOWN'], 'flags on the card (errors first)');
        assertEqual(rows.map((r) => r.review).sort(), ['dismissed', 'open', 'open'], 'review statuses on the card');
        const note = await page.locator(`[data-testid="card-flag"][data-review="dismissed"] [data-testid="card-flag-note"]`).innerText();
        assertEqual(note, `备注：${NOTE}`, 'the note of the dismissed flag');
        assert(fp && flags.some((f) => f.fingerprint === fp), `the dismissed flag ${fp} is one of flags.csv`);
        const newReceived = await page.locator('[data-testid="card-figures"] tr[data-metric="new_received"] [data-testid="card-figure-value"]').innerText();
        assertEqual(newReceived.trim(), '21 件', '本年新收 on the card (the PDF: 一、本年新收 总计 21)');
        const sources = await page.$$eval('[data-testid="card-sources"] li', (lis) => lis.map((li) => (li.textContent ?? '').trim()));
        assertEqual(sources.length, 2, 'rules cited (T4_TOTAL, PUBLICATION_DATE_UNKNOWN)');
        assert(sources.every((s) => /条例|国办公开办函/.test(s)), `every rule with its source: ${sources.join(' | ')}`);
        assert((await page.innerText('[data-testid="card-printed-on"]')).match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), 'the date printed');
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.screenshot({ path: artifact('H6-screen-report-card.png'), fullPage: true });
        const controls = await visibleControls(page);
        assertEqual(controls, [], 'inputs and buttons visible in print');
        const pdf = await printPdf(page, 'report-card');
        assert(pdf.pages >= 1 && pdf.pages <= 2, `the report card prints on ${pdf.pages} A4 pages (at most 2)`);
        const agency = await page.innerText('[data-testid="card-agency"]');
        const fold = await pdfSpelling(env, await page.$eval('[data-testid="report-card"]', (el) => getComputedStyle(el).fontFamily), [NOTE, agency]);
        const printed = squash(pdf.text);
        assert(printed.includes(fold(NOTE)), `the note is in the PDF (${fold(NOTE)})`);
        assert(printed.includes(fold(agency)), `the agency ${agency} is in the PDF`);
      },
    },
    ...(
      [
        ['洪泽区', 'hongze-district-government-2024', 'agency-card-hongze'],
        ['上海市人民政府办公厅', 'shanghai-government-office-2019', 'agency-card-shanghai'],
      ] as const
    ).map(
      ([who, file, name]): TestCase => ({
        name: `agency card ${who}: from the agency page, years, figures and flags, ≤ 2 A4 pages, no controls printed`,
        run: async () => {
          const { key } = reportOf(env, file);
          const reports = env.data.reports.filter((r) => r.agency_key === key && r.status !== 'duplicate' && r.status !== 'blank_form');
          const page = await env.freshPage();
          await page.goto(`${base}/agency/${encodeURIComponent(key)}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
          await page.waitForSelector('[data-testid="agency-card-link"]', { timeout: DB_READY_MS });
          await page.click('[data-testid="agency-card-link"]');
          await page.waitForURL((u) => u.pathname === `/agency/${encodeURIComponent(key)}/card`, { timeout: STEP_MS });
          await waitForCard(page, 'agency-card');
          const years = await page.$$eval('[data-testid="card-year-flags"]', (els) => els.map((e) => (e as HTMLElement).dataset.reportId));
          assertEqual(years.sort(), reports.map((r) => r.report_id).sort(), 'a flags block per report of the agency');
          const flagRows = await page.$$eval('[data-testid="card-flag"]', (trs) => trs.length);
          assertEqual(flagRows, env.data.flags.filter((f) => reports.some((r) => r.report_id === f.report_id)).length, 'every flag of the agency on the card');
          const controls = await visibleControls(page);
          assertEqual(controls, [], 'inputs and buttons visible in print');
          const pdf = await printPdf(page, name);
          assert(pdf.pages >= 1 && pdf.pages <= 2, `the agency card prints on ${pdf.pages} A4 pages (at most 2)`);
        },
      }),
    ),
  ];
}

/** The report page and the review queue printed. */
function printTests(env: SuiteEnv): TestCase[] {
  const base = env.server.url;
  return [
    {
      name: 'report page 沭阳县 2025 printed: no controls, and the whole source text in the PDF',
      run: async () => {
        const { id } = reportOf(env, 'shuyang-county-government-2025');
        const res = await fetch(`${base}/data/texts/${id}.txt`);
        assert(res.ok, `/data/texts/${id}.txt: HTTP ${res.status}`);
        const text = await res.text();
        const page = await env.freshPage();
        await openReport(page, base, id);
        await page.waitForSelector('[data-testid="source-text"]', { timeout: STEP_MS });
        // On screen the text is clipped to its scroll box.
        const box = await page.$eval('[data-testid="source-text"]', (el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
        assert(box.scroll > box.client, `the text is long enough to scroll on screen (${box.scroll} > ${box.client})`);
        const controls = await visibleControls(page);
        assertEqual(controls, [], 'inputs and buttons visible in print');
        const printedBox = await page.$eval('[data-testid="source-text"]', (el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
        assert(printedBox.scroll <= printedBox.client + 1, `in print the text is not clipped (${printedBox.scroll} > ${printedBox.client})`);
        const pdf = await printPdf(page, 'report-page');
        const printed = squash(pdf.text);
        const fold = await pdfSpelling(env, await page.$eval('[data-testid="source-text"]', (el) => getComputedStyle(el).fontFamily), [text]);
        const lines = text.split('\n').map(fold).filter((l) => l.length > 0);
        const lost = lines.filter((l) => !printed.includes(l));
        assertEqual(lost.slice(0, 3), [], `source lines missing from the printed page (${lost.length} of ${lines.length})`);
        console.log(`    (report page printed on ${pdf.pages} A4 pages; ${lines.length} lines of source text all present)`);
      },
    },
    {
      name: 'agency page 洪泽区 printed: no controls, charts within their boxes and the A4 width',
      run: async () => {
        const { key } = reportOf(env, 'hongze-district-government-2024');
        const page = await env.freshPage();
        await page.setViewportSize({ width: 1280, height: 900 }); // charts drawn on a desktop, then printed on A4
        await page.goto(`${base}/agency/${encodeURIComponent(key)}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart"][data-rendered="true"]').length >= 5, undefined, { timeout: DB_READY_MS });
        await page.waitForSelector('[data-testid="agency-continuity"], [data-testid="agency-continuity-none"]', { timeout: STEP_MS });
        const controls = await visibleControls(page);
        assertEqual(controls, [], 'inputs and buttons visible in print');
        const wide = await page.$$eval('[data-testid="chart"] canvas', (cs) =>
          cs.map((c) => [c.getBoundingClientRect().width, c.closest('[data-testid="chart"]')!.getBoundingClientRect().width]).filter(([w, box]) => w > box + 1),
        );
        assertEqual(wide, [], 'chart canvases wider than their box in print');
        const pdf = await printPdf(page, 'agency-page');
        console.log(`    (agency page printed on ${pdf.pages} A4 pages)`);
      },
    },
    {
      name: 'review queue printed: no filter bar, tabs, upload panel, inputs or buttons',
      run: async () => {
        const page = await env.freshPage();
        await openDashboard(page, base, { view: 'review' });
        await waitForQueue(page);
        const controls = await visibleControls(page);
        assertEqual(controls, [], 'inputs and buttons visible in print');
        const hidden = await page.$$eval('[data-testid="filters"], [data-testid="upload"], .tabs', (els) => els.map((e) => getComputedStyle(e).display));
        assert(hidden.length >= 2 && hidden.every((d) => d === 'none'), `filter bar, upload panel and tabs hidden in print (${hidden.join(', ')})`);
        const agencies = await page.$$eval('[data-testid="queue-agency-link"]', (as) => as.map((a) => a.textContent ?? ''));
        assert(agencies.length > 0, 'the queue has rows');
        const pdf = await printPdf(page, 'review-queue');
        const printed = squash(pdf.text);
        const fold = await pdfSpelling(env, await page.$eval('[data-testid="queue-agency-link"]', (el) => getComputedStyle(el).fontFamily), agencies);
        assertEqual(agencies.filter((a) => !printed.includes(fold(a))), [], 'agencies of the queue rows missing from the PDF');
      },
    },
  ];
}
