/**
 * Suite `english` (issue 10, "English"): the English UI.
 * - Every page and view (the dashboard's five views, its drop-downs, a grouping, 比较, 审核, 覆盖,
 *   uploads, 手工录入; a report page and 校对; an agency page; both 体检单; the 404 page), opened in
 *   English (the `lang` cookie the switch leaves: the way a returning reader reaches them) and
 *   walked through in one page load per page (CI time): no Han character in the rendered
 *   text, the page title or the aria-labels/placeholders/titles outside agency names and quoted
 *   source text — elements marked `translate="no"` (data as printed) or `lang="zh-CN"` (a Chinese
 *   term kept beside its English). At 1280 px and again at 390 px (no wider than the screen).
 *   The leftovers of all pages are written to tests/browser/artifacts/english-leftovers.txt.
 * - axe-core (as in `layout-a11y`) finds no serious or critical violation on the first and the
 *   last state of each walk.
 * - The switch: `?lang=en` renders English and is remembered (a cookie) for the next page without
 *   the parameter; the dashboard keeps `lang=en` in its URL when the view and filter change;
 *   `?lang=zh` goes back to Chinese; the default (no cookie, no parameter) is Chinese.
 * - 下载 CSV in English heads its columns in English.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { assert, assertEqual, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { openDashboard, openReport, waitForQueue, waitForView, waitForViewIdle } from '../dashboard-page';
import { LINZI } from '../data-files';
import { makePdf } from '../upload-files';
import type { ViewId } from '../../../lib/query/views';
import { axeViolations, comparePair, overflow, settle } from './layout-a11y';

/** The leftovers file: one block per page (what Chinese text each page still shows in English). */
const LEFTOVERS = artifact('english-leftovers.txt');

/**
 * Chinese text the page shows outside `translate="no"` / `lang="zh-CN"`: visible text nodes, the
 * document title and the aria-label, placeholder, title and alt attributes of rendered elements.
 */
async function chineseLeftovers(page: Page, names: readonly string[]): Promise<string[]> {
  // A string, not a function: tsx (esbuild keepNames) would wrap named inner functions in a __name() the page lacks.
  return page.evaluate(`(${SCAN_SOURCE})(${JSON.stringify(names)})`) as Promise<string[]>;
}

/**
 * The agency and place names of the data (as printed, canonical and the title's; city and county —
 * province names have English ones), longest first: text the English UI shows as printed, taken out of a string before
 * it is scanned (a title or tooltip that names an agency inside an English sentence).
 */
function printedNames(data: SuiteEnv['data']): string[] {
  const names = new Set<string>();
  for (const r of data.reports) {
    for (const k of ['agency', 'agency_name', 'agency_printed', 'city', 'county']) {
      const v = (r as Record<string, string | undefined>)[k];
      if (v && /[\u3400-\u9fff]/.test(v)) names.add(v);
    }
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/** The page-side scan of {@link chineseLeftovers}, as source text. */
const SCAN_SOURCE = `((names) => {
  const hanOnly = /[\\u3400-\\u9fff\\uf900-\\ufaff]/;
  const strip = (s) => { let out = s; for (const n of names) out = out.split(n).join(''); return out; };
  const han = { test: (s) => hanOnly.test(strip(s)) };
  const found = [];
  if (han.test(document.title)) found.push('<title> ' + document.title);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent || '').trim();
    const el = n.parentElement;
    if (!text || !han.test(text) || !el || el.closest('script, style, noscript')) continue;
    if (el.closest('[translate="no"], [lang^="zh"]') || el.getClientRects().length === 0) continue;
    const holder = el.closest('[data-testid]');
    const id = holder ? holder.getAttribute('data-testid') : el.tagName.toLowerCase();
    found.push('[' + id + '] ' + text.replace(/\\s+/g, ' ').slice(0, 120));
  }
  for (const el of Array.from(document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]'))) {
    if (el.closest('[translate="no"], [lang^="zh"]') || el.getClientRects().length === 0) continue;
    for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
      const v = el.getAttribute(a);
      if (v && han.test(v)) found.push('@' + a + ' <' + el.tagName.toLowerCase() + ' ' + (el.getAttribute('data-testid') || '') + '> ' + v.slice(0, 120));
    }
  }
  return Array.from(new Set(found));
})`;

/** Sets the `lang` cookie of the test's fresh profile to English (what the switch leaves behind). */
async function rememberEnglish(page: Page, base: string): Promise<void> {
  await page.context().addCookies([{ name: 'lang', value: 'en', url: base }]);
}

/**
 * Checks the page as it is now, named `name`: the Chinese left at 1280 px and at 390 px (where the
 * page must not be wider than the screen), screenshots of both; the problems are added to `problems`
 * and the leftovers to the leftovers file. Leaves the page at 1280 px.
 */
async function checkState(page: Page, name: string, problems: string[], names: readonly string[]): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await settle(page);
  assertEqual(await page.getAttribute('html', 'lang'), 'en', `${name}: <html lang>`);
  const left = await chineseLeftovers(page, names);
  await page.screenshot({ path: artifact(`english-${name}-1280.png`), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await settle(page);
  for (const s of await chineseLeftovers(page, names)) if (!left.includes(s)) left.push(s);
  await page.screenshot({ path: artifact(`english-${name}-390.png`), fullPage: false });
  const o = await overflow(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  if (left.length) appendFileSync(LEFTOVERS, `## ${name}\n${left.join('\n')}\n\n`);
  problems.push(...left.map((s) => `${name}: Chinese in the English UI: ${s}`));
  if (o.scrollWidth > o.viewport) problems.push(`${name}: at 390 px the page is ${o.scrollWidth} px wide: ${o.culprits.join('; ')}`);
}

/** A page, in English, through its states: `steps` bring it from one state to the next; every state is checked. */
interface Walk {
  name: string;
  /** Opens the first state (the `lang` cookie is already set). */
  open: (page: Page) => Promise<void>;
  /** Further states: a name and how to reach it from the previous one. */
  steps?: Array<{ name: string; go: (page: Page) => Promise<void> }>;
  /** The 404 page logs its status as a console error on purpose. */
  watchConsole?: boolean;
}

/** The walks: the dashboard's views and drop-downs, 审核 and 覆盖, uploads and 手工录入, a report page and 校对, an agency page, both cards, the 404 page. */
function walks({ server, data }: SuiteEnv): Walk[] {
  const base = server.url;
  const linzi = data.seed(LINZI);
  const id = linzi?.report_id ?? '';
  const key = linzi?.agency_key ?? '';
  const tab = (v: string) => async (page: Page) => {
    await page.click(`[data-testid="tab-${v}"]`, { timeout: STEP_MS });
    if (v === 'review') await waitForQueue(page);
    else if (v === 'coverage') await page.waitForSelector('[data-testid="coverage-table"], [data-testid="view-empty"]', { timeout: STEP_MS });
    else {
      await waitForView(page, v as ViewId);
      await waitForViewIdle(page);
    }
  };
  const dropDown = (testId: string) => async (page: Page) => {
    await page.click(`[data-testid="${testId}"] > summary`, { timeout: STEP_MS });
    await page.waitForSelector(`[data-testid="${testId}"][open] .multi-options`, { timeout: STEP_MS });
  };
  const closeDropDown = (testId: string) => async (page: Page) => {
    await page.click(`[data-testid="${testId}"] > summary`, { timeout: STEP_MS });
  };
  const compare = comparePair(data);
  return [
    {
      name: 'dashboard',
      open: async (page) => {
        await openDashboard(page, base, { view: 'proactive' });
        await waitForView(page, 'proactive');
        await waitForViewIdle(page);
      },
      steps: [
        { name: 'view-applications', go: tab('applications') },
        { name: 'filter-agency-open', go: dropDown('filter-agency') },
        {
          name: 'filter-region-open',
          go: async (page) => {
            await closeDropDown('filter-agency')(page);
            await dropDown('filter-region')(page);
            await page.click('[data-testid="region-expand"] >> nth=0', { timeout: STEP_MS });
          },
        },
        {
          name: 'group-province',
          go: async (page) => {
            await closeDropDown('filter-region')(page);
            await page.selectOption('[data-testid="group-by"]', 'province');
            await waitForViewIdle(page);
          },
        },
        { name: 'view-review_litigation', go: tab('review_litigation') },
        { name: 'view-indicators', go: tab('indicators') },
        {
          name: 'view-compliance-rule-open',
          go: async (page) => {
            await tab('compliance')(page);
            await page.waitForSelector('[data-testid="compliance-rules"][data-loaded="true"]', { timeout: STEP_MS });
            await dropDown('filter-rule')(page);
          },
        },
        { name: 'review', go: tab('review') },
        { name: 'coverage', go: tab('coverage') },
      ],
    },
    {
      name: 'compare',
      open: async (page) => {
        await openDashboard(page, base, { view: 'applications', compare: compare.keys.join(','), cyear: compare.year });
        await waitForView(page, 'applications');
        await page.waitForSelector('[data-testid="compare-table"]', { timeout: STEP_MS });
      },
      steps: [
        {
          name: 'manual-entry',
          go: async (page) => {
            await page.click('[data-testid="manual-entry-toggle"]', { timeout: STEP_MS });
            await page.waitForSelector('[data-testid="manual-grid"]', { timeout: STEP_MS });
          },
        },
        {
          name: 'uploads',
          go: async (page) => {
            const scan = artifact('english-scan.pdf');
            writeFileSync(scan, makePdf(null));
            await page.setInputFiles('[data-testid="upload-input"]', [scan, `${data.dir}/texts/${id}.txt`]);
            await page.waitForSelector('[data-testid="upload-progress"]', { state: 'detached', timeout: 120_000 });
            await page.waitForFunction(() => document.querySelectorAll('[data-testid="upload-result"]').length === 2, undefined, { timeout: STEP_MS });
          },
        },
      ],
    },
    {
      name: 'report',
      open: (page) => openReport(page, base, id),
      steps: [
        {
          name: 'report-proofread',
          go: async (page) => {
            await page.click('[data-testid="proofread-toggle"]', { timeout: STEP_MS });
            await page.waitForSelector('[data-testid="proofread-grid"]', { timeout: STEP_MS });
          },
        },
      ],
    },
    {
      name: 'agency',
      open: async (page) => {
        await page.goto(`${base}/agency/${encodeURIComponent(key)}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await page.waitForSelector('[data-testid="agency-name"]', { timeout: STEP_MS * 2 });
        await page.waitForSelector('[data-testid="chart"][data-rendered="true"]', { timeout: STEP_MS });
      },
    },
    {
      name: 'report-card',
      open: async (page) => {
        await page.goto(`${base}/report/${encodeURIComponent(id)}/card`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await page.waitForSelector('[data-testid="report-card"][data-ready="true"]', { timeout: STEP_MS * 2 });
      },
    },
    {
      name: 'agency-card',
      open: async (page) => {
        await page.goto(`${base}/agency/${encodeURIComponent(key)}/card`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await page.waitForSelector('[data-testid="agency-card"][data-ready="true"]', { timeout: STEP_MS * 2 });
      },
    },
    {
      name: 'not-found',
      watchConsole: false,
      open: async (page) => {
        await page.goto(`${base}/no-such-page`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await page.waitForSelector('[data-testid="not-found"]', { timeout: STEP_MS });
      },
    },
  ];
}

/** One walk in English: every state with no Chinese outside agency names and quoted text, at 1280 and 390 px. */
function walkTest(env: SuiteEnv, walk: Walk): TestCase {
  const states = [walk.name, ...(walk.steps ?? []).map((s) => s.name)];
  return {
    name: `English: ${states.join(', ')} — no Chinese outside agency names and quoted text; not wider than 390 px`,
    ms: 300_000,
    run: async () => {
      const page = await env.freshPage({ watchConsole: walk.watchConsole ?? true });
      await rememberEnglish(page, env.server.url);
      await page.setViewportSize({ width: 1280, height: 900 });
      await walk.open(page);
      const problems: string[] = [];
      const names = printedNames(env.data);
      await checkState(page, walk.name, problems, names);
      for (const v of await axeViolations(page)) problems.push(`${walk.name}: axe: ${v}`);
      for (const step of walk.steps ?? []) {
        await step.go(page);
        await checkState(page, step.name, problems, names);
      }
      for (const v of await axeViolations(page)) problems.push(`${walk.name}, last state: axe: ${v}`);
      assert(problems.length === 0, `${problems.length} problem(s)\n${problems.slice(0, 40).join('\n')}`);
    },
  };
}

/** The switch: the URL chooses, the cookie remembers, the dashboard keeps `lang` in its URL, Chinese is the default. */
function switchTest(env: SuiteEnv): TestCase {
  return {
    name: 'language switch: ?lang=en renders English and is remembered; the URL keeps lang=en; ?lang=zh and the default are Chinese',
    run: async () => {
      const page = await env.freshPage();
      const base = env.server.url;
      await openDashboard(page, base, { view: 'proactive' });
      assertEqual(await page.getAttribute('html', 'lang'), 'zh-CN', 'default language (no cookie, no parameter)');
      assertEqual((await page.innerText('[data-testid="lang-switch"]')).trim(), 'English', 'the switch offers English');
      await page.click('[data-testid="lang-switch"]');
      await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: STEP_MS });
      await waitForView(page, 'proactive');
      assertEqual(new URL(page.url()).searchParams.get('lang'), 'en', 'the switch puts lang=en in the URL');
      assertEqual((await page.innerText('[data-testid="lang-switch"]')).trim(), '中文', 'the switch offers 中文 back');
      await page.click('[data-testid="tab-applications"]');
      await waitForView(page, 'applications');
      await waitForViewIdle(page);
      const url = new URL(page.url());
      assertEqual([url.searchParams.get('view'), url.searchParams.get('lang')], ['applications', 'en'], 'view and lang in the URL after a tab change');
      await page.goto(`${base}/report/${encodeURIComponent(env.data.seed(LINZI)?.report_id ?? '')}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      assertEqual(await page.getAttribute('html', 'lang'), 'en', 'a page opened without ?lang= after choosing English (remembered)');
      await openDashboard(page, base, { view: 'proactive', lang: 'zh' });
      assertEqual(await page.getAttribute('html', 'lang'), 'zh-CN', '?lang=zh');
      await openDashboard(page, base, { view: 'proactive' });
      assertEqual(await page.getAttribute('html', 'lang'), 'zh-CN', 'Chinese remembered after ?lang=zh');
    },
  };
}

/** 下载 CSV in English: the header row is English (no Han character), the rows are the view's. */
function csvTest(env: SuiteEnv): TestCase {
  return {
    name: '下载 CSV in English: English column headers with units',
    run: async () => {
      const page = await env.freshPage();
      await openDashboard(page, env.server.url, { view: 'applications', lang: 'en' });
      await waitForView(page, 'applications');
      await waitForViewIdle(page);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.click('[data-testid="download-csv"]')]);
      const file = artifact('english-applications.csv');
      await download.saveAs(file);
      const header = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
      assert(header.length > 0, 'the CSV has a header row');
      const han = header.split(',').filter((h) => /[\u3400-\u9fff]/.test(h));
      assertEqual(han, [], 'Chinese column headers in the English CSV');
      assert(/\(cases\)/.test(header), `an English header names its unit (cases): ${header.slice(0, 200)}`);
    },
  };
}

/** The english suite (shared server). */
export const englishSuite: Suite = {
  name: 'english',
  server: 'shared',
  open: (env) => {
    writeFileSync(LEFTOVERS, '');
    return { tests: [switchTest(env), csvTest(env), ...walks(env).map((w) => walkTest(env, w))] };
  },
};
