/**
 * Suite `review-chain`: the review workflow as one ordered story on one persistent profile —
 * the queue lists every flag and a rule filter narrows it; a flagged report opens with its cells
 * highlighted; a dismissal needs a note and survives a reload; 返回看板 keeps the filters;
 * 导出审核结果; bad imports are refused and change nothing; 撤销 then re-import restores the
 * decision; it survives a browser restart (IndexedDB in the profile); an orphan decision is kept
 * and shown as 孤立; a version-1 store (one record per decision, a fresh profile) is moved into
 * buckets with every decision kept. Each step builds on the one before (the only suite that does).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { DECISION_COLUMNS } from '../../../lib/review/decisions';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { assert, assertEqual, tempDir, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { openDashboard, openReport, queueFingerprints, reviewCounts, waitForDb, waitForQueue, waitForReport, waitForView } from '../dashboard-page';
import { YUNCHENG } from '../data-files';

const NOTE = '原文表格“自然人”一栏确为空，按总计推算无误';

/** The review chain suite (shared server, one profile for all its steps). */
export const reviewChainSuite: Suite = {
  name: 'review-chain',
  server: 'shared',
  ordered: true,
  open: async (env) => {
    const profile = tempDir('review-profile-');
    const story = { context: null as BrowserContext | null, page: null as Page | null };
    const close = async () => {
      await story.context?.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    };
    /** The story's page, launching the profile on first use (and after the restart step). */
    const page = async (): Promise<Page> => {
      if (story.page && !story.page.isClosed()) return story.page;
      story.context ??= await env.openProfile(profile);
      story.page = story.context.pages()[0] ?? (await story.context.newPage());
      env.watchConsole(story.page);
      return story.page;
    };
    const restart = async (): Promise<Page> => {
      await story.context?.close();
      story.context = null;
      story.page = null;
      return page();
    };
    return { tests: reviewSteps(env, page, restart), close };
  },
};

/** The steps of the story, in order; `page()` is the story's page, `restart()` relaunches the browser on the same profile. */
function reviewSteps(env: SuiteEnv, page: () => Promise<Page>, restart: () => Promise<Page>): TestCase[] {
  const base = env.server.url;
  const { flags, cells, agencyOf } = env.data;
  const yuncheng = env.data.seed(YUNCHENG); // 运城市科学技术局 2022: three CELL_INFERRED flags
  const inferredFlags = flags.filter((f) => f.report_id === yuncheng?.report_id && f.rule === 'CELL_INFERRED');
  const target = inferredFlags.find((f) => f.subject === 't3.granted.natural_person');
  const knownFlags = flags.filter((f) => agencyOf.has(f.report_id));
  const exported = artifact('decisions.csv');
  return [
    {
      name: '审核: the queue lists every flag; a rule filter narrows it to 运城’s CELL_INFERRED flags',
      run: async () => {
        assert(yuncheng && target && inferredFlags.length === 3, `seed 003 should have 3 CELL_INFERRED flags, found ${inferredFlags.length}`);
        const p = await page();
        await openDashboard(p, base, { view: 'review' });
        await waitForQueue(p);
        assertEqual((await queueFingerprints(p)).sort(), knownFlags.map((f) => f.fingerprint).sort(), 'queue fingerprints = flags.csv');
        assertEqual(await reviewCounts(p), { total: knownFlags.length, open: knownFlags.length, confirmed: 0, dismissed: 0, orphaned: 0, stored: 0 }, 'counts on a fresh profile');
        await p.click('[data-testid="filter-rule"] summary');
        await p.check('[data-testid="filter-rule-option"][data-value="CELL_INFERRED"]');
        await p.click('[data-testid="filter-rule"] summary');
        await p.waitForFunction((n) => document.querySelectorAll('[data-testid="queue-row"]').length === n, inferredFlags.length, { timeout: STEP_MS });
        assertEqual((await queueFingerprints(p)).sort(), inferredFlags.map((f) => f.fingerprint).sort(), 'filtered queue');
        const sentence = await p.innerText('[data-testid="review-sentence"]');
        assert(sentence.includes('规则为“单元格未印出，按勾稽关系推算”'), `sentence: ${sentence}`);
        assert(new URL(p.url()).searchParams.get('rule') === 'CELL_INFERRED', `URL lacks rule: ${p.url()}`);
        await p.screenshot({ path: artifact('review-queue.png'), fullPage: true });
      },
    },
    {
      name: 'open a flagged report from the queue: its cells are highlighted, the flag explains itself',
      run: async () => {
        assert(yuncheng && target, 'no target flag');
        const p = await page();
        await p.click(`[data-testid="queue-row"][data-fingerprint="${target.fingerprint}"] [data-testid="queue-open-report"]`);
        await waitForReport(p, yuncheng.report_id);
        await p.waitForSelector('[data-testid="source-text"]', { timeout: STEP_MS });
        // 表三 as the form prints it: 25 rows × 7 columns.
        assertEqual(await p.$$eval('[data-testid="form-table-t3"] td.cell', (tds) => tds.length), 25 * 7, '表三 cells');
        const flagged = await p.$$eval('td.cell[data-flagged="true"]', (tds) => tds.map((td) => (td as HTMLElement).dataset.ref ?? '').sort());
        const cellRefs = flags
          .filter((f) => f.report_id === yuncheng.report_id)
          .flatMap((f) => f.subject.split(';'))
          .filter((r) => /^t[234]\.[a-z_]+\.[a-z_]+$/.test(r));
        assertEqual(flagged, [...new Set(cellRefs)].sort(), 'highlighted cells = the cells the flags name');
        assert(inferredFlags.every((f) => flagged.includes(f.subject)), 'a CELL_INFERRED cell is not highlighted');
        const cell = await p.$eval(`td.cell[data-ref="${target.subject}"]`, (td) => ({
          status: (td as HTMLElement).dataset.status,
          cls: td.className,
          outline: getComputedStyle(td).outlineStyle,
          text: (td.textContent ?? '').trim(),
        }));
        const expectedValue = cells.find((c) => c.report_id === yuncheng.report_id && `${c.table}.${c.row}.${c.column}` === target.subject)?.value;
        assertEqual(cell.status, 'inferred', 'status of the flagged cell');
        assertEqual(cell.text, expectedValue, 'value of the flagged cell');
        assert(cell.cls.includes('sel') && cell.outline === 'solid', `selected cell not visibly highlighted: ${JSON.stringify(cell)}`);
        const card = p.locator(`[data-testid="flag-card"][data-fingerprint="${target.fingerprint}"]`);
        assertEqual(await card.getAttribute('data-selected'), 'true', 'the flag from the queue is selected');
        const cardText = await card.innerText();
        for (const part of ['单元格未印出，按勾稽关系推算', '提示', '推算值', '国办公开办函〔2021〕30号', target.message.slice(0, 12)]) {
          assert(cardText.includes(part), `flag card lacks “${part}”: ${cardText}`);
        }
        assert(await p.isVisible('[data-testid="cell-legend"]'), 'no legend');
        // The printed row of the flagged cell is marked in the source text (six numbers, 自然人 lost).
        const marked = await p.$$eval(`[data-testid="text-mark"][data-flags~="${target.fingerprint}"]`, (ms) => ms.map((m) => ({ text: m.textContent ?? '', cls: m.className })));
        assertEqual(marked.length, 1, 'text marks of the selected flag');
        assert(marked[0].text.includes('予以公开') && marked[0].cls.includes('sel'), `text mark: ${JSON.stringify(marked[0])}`);
        await p.screenshot({ path: artifact('report-page.png'), fullPage: true });
      },
    },
    {
      name: 'dismiss the flag with a note (a note is required); the decision survives a reload',
      run: async () => {
        assert(yuncheng && target, 'no target flag');
        const p = await page();
        const card = `[data-testid="flag-card"][data-fingerprint="${target.fingerprint}"]`;
        await p.click(`${card} [data-testid="decision-dismiss"]`);
        const err = await p.waitForSelector(`${card} [data-testid="decision-error"]`, { timeout: STEP_MS });
        assert((await err.innerText()).includes('驳回时请在备注中写明理由'), 'no message for a dismissal without a note');
        await p.fill(`${card} [data-testid="decision-note"]`, NOTE);
        await p.click(`${card} [data-testid="decision-dismiss"]`);
        await p.waitForSelector(`${card} [data-testid="decision"][data-status="dismissed"]`, { timeout: STEP_MS });
        await p.reload({ waitUntil: 'domcontentloaded' });
        await waitForReport(p, yuncheng.report_id);
        await p.waitForSelector(`${card} [data-testid="decision"][data-status="dismissed"]`, { timeout: STEP_MS });
        assert((await p.innerText(`${card} [data-testid="decision-saved-note"]`)).includes(NOTE), 'note lost after reload');
      },
    },
    {
      name: '返回看板 keeps the filters; the queue shows the decision',
      run: async () => {
        assert(target, 'no target flag');
        const p = await page();
        await p.click('[data-testid="back-to-dashboard"]');
        await p.waitForURL((u) => u.pathname === '/', { timeout: STEP_MS });
        await waitForDb(p);
        await waitForQueue(p);
        const params = new URL(p.url()).searchParams;
        assertEqual([params.get('view'), params.get('rule')], ['review', 'CELL_INFERRED'], 'dashboard state after 返回看板');
        assertEqual(await queueFingerprints(p).then((x) => x.length), inferredFlags.length, 'queue rows after 返回看板');
        assertEqual(await p.getAttribute(`[data-testid="queue-row"][data-fingerprint="${target.fingerprint}"]`, 'data-status'), 'dismissed', 'row status');
        assertEqual(await reviewCounts(p), { total: 3, open: 2, confirmed: 0, dismissed: 1, orphaned: 0, stored: 1 }, 'counts');
      },
    },
    {
      name: '导出审核结果 writes a CSV with a BOM, the decision and its note',
      run: async () => {
        assert(target, 'no target flag');
        const p = await page();
        const [download] = await Promise.all([p.waitForEvent('download', { timeout: STEP_MS }), p.click('[data-testid="export-decisions"]')]);
        await download.saveAs(exported);
        assert(/^审核结果_\d{4}-\d{2}-\d{2}\.csv$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`);
        const text = readFileSync(exported, 'utf8');
        assert(text.charCodeAt(0) === 0xfeff, 'no BOM');
        const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
        assertEqual(rows[0], [...DECISION_COLUMNS], 'header');
        assertEqual(rows.length, 2, 'rows');
        const r = Object.fromEntries(rows[0].map((k, i) => [k, rows[1][i]]));
        assertEqual([r.fingerprint, r.decision, r.note, r.report_id, r.rule, r.subject], [target.fingerprint, 'dismissed', NOTE, target.report_id, 'CELL_INFERRED', target.subject], 'exported row');
      },
    },
    {
      name: 'a bad import file is refused with a Chinese message and leaves the decisions untouched',
      run: async () => {
        assert(target, 'no target flag');
        const p = await page();
        const before = await reviewCounts(p);
        const bad = tempDir('bad-import-');
        try {
          // A dashboard view download instead of a decisions file (wrong columns).
          const viewCsv = await downloadViewCsv(p, base, path.join(bad, 'view.csv'));
          await p.setInputFiles('[data-testid="import-decisions"]', viewCsv);
          let err = await p.waitForSelector('[data-testid="import-error"]', { timeout: STEP_MS });
          let msg = await err.innerText();
          assert(msg.includes('缺少必需的列') && msg.includes('fingerprint') && msg.includes('现有的审核结果没有任何改动'), `message: ${msg}`);
          assertEqual(await reviewCounts(p), before, 'counts after a wrong-columns import');
          // The exported file with an unknown decision value.
          const unknown = path.join(bad, 'unknown-value.csv');
          writeFileSync(unknown, readFileSync(exported, 'utf8').replace(',dismissed,', ',rejected,'));
          await p.setInputFiles('[data-testid="import-decisions"]', unknown);
          await p.waitForFunction(() => (document.querySelector('[data-testid="import-error"]')?.textContent ?? '').includes('rejected'), undefined, { timeout: STEP_MS });
          msg = await p.innerText('[data-testid="import-error"]');
          assert(msg.includes('无法识别的值') && msg.includes('confirmed（确认）或 dismissed（驳回）'), `message: ${msg}`);
          // Not CSV at all: a zip (as an .xlsx is).
          const zip = path.join(bad, 'workbook.csv');
          writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]));
          await p.setInputFiles('[data-testid="import-decisions"]', zip);
          await p.waitForFunction(() => (document.querySelector('[data-testid="import-error"]')?.textContent ?? '').includes('Excel'), undefined, { timeout: STEP_MS });
          err = await p.waitForSelector('[data-testid="import-error"]');
          assertEqual(await reviewCounts(p), before, 'counts after bad imports');
          assertEqual(await p.getAttribute(`[data-testid="queue-row"][data-fingerprint="${target.fingerprint}"]`, 'data-status'), 'dismissed', 'decision after bad imports');
          await p.screenshot({ path: artifact('review-import-error.png'), fullPage: false });
        } finally {
          rmSync(bad, { recursive: true, force: true });
        }
      },
    },
    {
      name: '撤销 the decision, then importing the exported CSV restores it',
      run: async () => {
        assert(target, 'no target flag');
        const p = await page();
        const row = `[data-testid="queue-row"][data-fingerprint="${target.fingerprint}"]`;
        await p.click(`${row} [data-testid="decision-undo"]`);
        await p.waitForSelector(`${row}[data-status="open"]`, { timeout: STEP_MS });
        assertEqual((await reviewCounts(p)).stored, 0, 'stored after 撤销');
        await p.setInputFiles('[data-testid="import-decisions"]', exported);
        const ok = await p.waitForSelector('[data-testid="import-ok"]', { timeout: STEP_MS });
        assert((await ok.innerText()).includes('新增 1 条'), `import message: ${await ok.innerText()}`);
        await p.waitForSelector(`${row}[data-status="dismissed"]`, { timeout: STEP_MS });
        assert((await p.innerText(`${row} [data-testid="decision-saved-note"]`)).includes(NOTE), 'note not restored');
      },
    },
    {
      name: 'the decision survives closing and restarting the browser (IndexedDB in the profile)',
      run: async () => {
        assert(yuncheng && target, 'no target flag');
        const p = await restart();
        await openReport(p, base, yuncheng.report_id);
        await p.waitForSelector(`[data-testid="flag-card"][data-fingerprint="${target.fingerprint}"] [data-testid="decision"][data-status="dismissed"]`, { timeout: STEP_MS });
      },
    },
    {
      name: 'a decision whose flag is not in the data is kept and shown as 孤立',
      run: async () => {
        const p = await page();
        const dir = tempDir('orphan-import-');
        try {
          const file = path.join(dir, 'orphan.csv');
          // As a decision made on an older build: its report was since replaced.
          writeFileSync(file, `\uFEFF${DECISION_COLUMNS.join(',')}\r\nffffffffffffffff,confirmed,旧数据中的一条,2024-02-01T00:00:00.000Z,0123456789abcdef,某机关,2021,T3_BALANCE,t3.new_received.total\r\n`);
          await openDashboard(p, base, { view: 'review' });
          await waitForQueue(p);
          const before = await reviewCounts(p);
          await p.setInputFiles('[data-testid="import-decisions"]', file);
          await p.waitForSelector('[data-testid="import-ok"]', { timeout: STEP_MS });
          await p.waitForFunction(() => document.querySelector('[data-testid="review-counts"]')?.getAttribute('data-orphaned') === '1', undefined, { timeout: STEP_MS });
          const after = await reviewCounts(p);
          assertEqual([after.total, after.dismissed, after.stored], [before.total, before.dismissed, before.stored + 1], 'counts after importing an orphan');
          assertEqual(await p.$$eval('[data-testid="orphan-row"]', (rows) => rows.map((r) => (r.textContent ?? '').includes('旧数据中的一条'))), [true], 'orphan listed');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
    {
      name: 'a version-1 store (one record per decision) opened by this version keeps every decision',
      run: async () => {
        assert(target, 'no target flag');
        const p = await env.freshPage();
        // A page of the app's origin that does not open the store, to write a version-1 database first
        // (the browser asks an SVG document for /favicon.ico, which the app does not have: answered here).
        await p.route('**/favicon.ico', (r) => r.fulfill({ status: 204 }));
        await p.goto(`${base}/icon.svg`, { waitUntil: 'domcontentloaded' });
        await p.unroute('**/favicon.ico');
        const orphans = 2000;
        const dismissed = { fingerprint: target.fingerprint, decision: 'dismissed', note: NOTE, decided_at: '2025-03-01T08:30:00.000Z', report_id: target.report_id, agency: null, year: null, rule: target.rule, subject: target.subject };
        const foreign = { fingerprint: 'eeeeeeeeeeeeeeee', verdict: 'written by another version' };
        await p.evaluate(`(${V1_WRITE})(${JSON.stringify({ records: [dismissed, foreign], orphans })})`);
        await openDashboard(p, base, { view: 'review' });
        await waitForQueue(p);
        await p.waitForFunction((n) => document.querySelector('[data-testid="review-counts"]')?.getAttribute('data-stored') === String(n), orphans + 1, { timeout: STEP_MS });
        const counts = await reviewCounts(p);
        assertEqual([counts.dismissed, counts.orphaned, counts.stored], [1, orphans, orphans + 1], 'decisions after the upgrade');
        assertEqual(await p.getAttribute(`[data-testid="queue-row"][data-fingerprint="${target.fingerprint}"]`, 'data-status'), 'dismissed', 'the moved decision in the queue');
        const stored = await p.evaluate(`(${V2_READ})()`);
        assertEqual(stored, { version: 2, stores: ['decision_buckets', 'meta'], values: orphans + 2, foreign: foreign.verdict }, 'the database after the upgrade');
      },
    },
  ];
}

/**
 * Page function: writes database `gov-disclosure-review` at version 1 as the previous version of
 * the dashboard did — store `decisions`, one record per decision keyed by fingerprint — holding
 * `records` and `orphans` made-up confirmed decisions (fingerprints 0000000000000000 …).
 */
const V1_WRITE = `async ({ records, orphans }) => {
  const db = await new Promise((res, rej) => {
    const o = indexedDB.open('gov-disclosure-review', 1);
    o.onupgradeneeded = () => o.result.createObjectStore('decisions', { keyPath: 'fingerprint' });
    o.onsuccess = () => res(o.result);
    o.onerror = () => rej(o.error);
  });
  const tx = db.transaction('decisions', 'readwrite');
  for (const r of records) tx.objectStore('decisions').put(r);
  for (let i = 0; i < orphans; i++) {
    tx.objectStore('decisions').put({ fingerprint: i.toString(16).padStart(16, '0'), decision: 'confirmed', note: '', decided_at: '2024-02-01T00:00:00.000Z', report_id: null, agency: '某机关', year: 2021, rule: 'T3_BALANCE', subject: 't3.new_received.total' });
  }
  await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
  db.close();
}`;

/** Page function: the review database's version, stores, number of stored values and the foreign record's `verdict`. */
const V2_READ = `async () => {
  const db = await new Promise((res, rej) => {
    const o = indexedDB.open('gov-disclosure-review');
    o.onsuccess = () => res(o.result);
    o.onerror = () => rej(o.error);
  });
  const buckets = await new Promise((res) => { const r = db.transaction('decision_buckets').objectStore('decision_buckets').getAll(); r.onsuccess = () => res(r.result); });
  const values = buckets.flatMap((b) => [...b.decisions.values()]);
  const out = { version: db.version, stores: [...db.objectStoreNames], values: values.length, foreign: values.find((v) => v.fingerprint === 'eeeeeeeeeeeeeeee')?.verdict ?? null };
  db.close();
  return out;
}`;

/**
 * Downloads the 依申请公开 view's CSV (no filter) in a second tab of the story's browser and
 * saves it to `file` — a real file of the wrong kind for the decisions import. Returns `file`.
 */
async function downloadViewCsv(p: Page, base: string, file: string): Promise<string> {
  const tab = await p.context().newPage();
  try {
    await openDashboard(tab, base, { view: 'applications' });
    await waitForView(tab, 'applications');
    const [download] = await Promise.all([tab.waitForEvent('download', { timeout: STEP_MS }), tab.click('[data-testid="download-csv"]')]);
    await download.saveAs(file);
    return file;
  } finally {
    await tab.close();
  }
}
