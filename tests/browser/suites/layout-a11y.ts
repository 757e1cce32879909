/**
 * Suite `layout-a11y` (issue 10, "Phone, tablet, keyboard"): every page and view of the app at a
 * phone (390 × 844), a tablet (768 × 1024) and a small laptop (1024 × 768) — the dashboard's
 * views 主动公开 … 合规 (with the 规则, 地区 and 机关 drop-downs open), 分组, 比较, 审核, 覆盖, the
 * upload result list, a report page, an agency page and the 404 page:
 * - `document.documentElement.scrollWidth` is not wider than the viewport (a wide table or chart
 *   scrolls inside its own box; when the page is wider, the message names the elements that stick out);
 * - axe-core (node_modules/axe-core, evaluated in the page: no CDN, and the page's CSP does not
 *   apply to what the test evaluates) finds no serious or critical violation, at 390 and 768 px;
 * - screenshots of each at 390 and 768 px (tests/browser/artifacts/layout-<page>-<width>.png);
 * - keyboard: the view tabs follow the WAI-ARIA tabs pattern (one tab in the Tab order, ←/→ move
 *   and wrap, Home/End, the panel follows), and Escape closes the 机关, 地区 and 规则 drop-downs and
 *   returns the focus to their button; the focus ring is at least 2 px wide.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { assert, assertEqual, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { openDashboard, openReport, waitForQueue, waitForView, waitForViewIdle } from '../dashboard-page';
import { LINZI, type DataFiles } from '../data-files';
import { makePdf } from '../upload-files';
import type { ViewId } from '../../../lib/query/views';

/** The widths (and heights) every page is checked at; screenshots and axe at the first two. */
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
] as const;

/** One page or state of the app: a name (for files and messages) and how to open it and wait for it. */
interface Spot {
  name: string;
  open: (page: Page) => Promise<void>;
}

/** The layout-a11y suite (shared server). */
export const layoutA11ySuite: Suite = {
  name: 'layout-a11y',
  server: 'shared',
  open: (env) => ({ tests: [widthCheckTest(env), ...spots(env).map((s) => spotTest(env, s)), tabKeysTest(env), escapeTest(env)] }),
};

/** The dashboard at `params`, waiting for view `view` (a chart view) to be drawn. */
const dashboardView = (base: string, view: ViewId, params: Record<string, string> = {}) => async (page: Page) => {
  await openDashboard(page, base, { view, ...params });
  await waitForView(page, view);
  await waitForViewIdle(page);
};

/** Two agencies with a report of the same year (the first such year), for 比较. */
export function comparePair(data: DataFiles): { keys: string[]; year: string } {
  const byYear = new Map<string, string[]>();
  for (const r of data.shown) {
    if (!r.agency_key || !r.year) continue;
    const list = byYear.get(r.year) ?? [];
    if (!list.includes(r.agency_key)) list.push(r.agency_key);
    byYear.set(r.year, list);
  }
  const year = [...byYear.keys()].sort().find((y) => (byYear.get(y) ?? []).length >= 2);
  assert(year, 'no year with two agencies in reports.csv');
  return { keys: (byYear.get(year) ?? []).slice(0, 2), year };
}

/** Every page and view the suite checks. */
function spots({ server, data }: SuiteEnv): Spot[] {
  const base = server.url;
  const linzi = data.seed(LINZI);
  const views: ViewId[] = ['proactive', 'applications', 'review_litigation', 'indicators', 'compliance'];
  const openDropDown = (testId: string) => async (page: Page) => {
    await page.click(`[data-testid="${testId}"] > summary`, { timeout: STEP_MS });
    await page.waitForSelector(`[data-testid="${testId}"][open] .multi-options`, { timeout: STEP_MS });
  };
  return [
    ...views.map((v) => ({ name: `view-${v}`, open: dashboardView(base, v) })),
    {
      name: 'view-compliance-rule-open',
      open: async (page) => {
        await dashboardView(base, 'compliance')(page);
        await page.waitForSelector('[data-testid="compliance-rules"][data-loaded="true"]', { timeout: STEP_MS });
        await openDropDown('filter-rule')(page);
      },
    },
    {
      name: 'filter-region-open',
      open: async (page) => {
        await dashboardView(base, 'proactive')(page);
        await openDropDown('filter-region')(page);
        await page.click('[data-testid="region-expand"] >> nth=0', { timeout: STEP_MS });
      },
    },
    {
      name: 'filter-agency-open',
      open: async (page) => {
        await dashboardView(base, 'applications')(page);
        await openDropDown('filter-agency')(page);
      },
    },
    { name: 'group-city', open: dashboardView(base, 'applications', { group: 'city' }) },
    {
      name: 'compare',
      open: async (page) => {
        const { keys, year } = comparePair(data);
        await dashboardView(base, 'applications', { compare: keys.join(','), cyear: year })(page);
        await page.waitForSelector('[data-testid="compare-table"]', { timeout: STEP_MS });
      },
    },
    {
      name: 'review',
      open: async (page) => {
        await openDashboard(page, base, { view: 'review' });
        await waitForQueue(page);
      },
    },
    {
      name: 'coverage',
      open: async (page) => {
        await openDashboard(page, base, { view: 'coverage' });
        await page.waitForSelector('[data-testid="coverage-table"], [data-testid="view-empty"]', { timeout: STEP_MS });
      },
    },
    {
      name: 'uploads',
      open: async (page) => {
        await dashboardView(base, 'proactive')(page);
        const scan = artifact('layout-scan.pdf');
        const { writeFileSync } = await import('node:fs');
        writeFileSync(scan, makePdf(null));
        await page.setInputFiles('[data-testid="upload-input"]', [scan, `${data.dir}/texts/${linzi?.report_id ?? ''}.txt`]);
        await page.waitForSelector('[data-testid="upload-progress"]', { state: 'detached', timeout: 120_000 });
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="upload-result"]').length === 2, undefined, { timeout: STEP_MS });
      },
    },
    {
      name: 'report',
      open: async (page) => {
        assert(linzi, 'seed 004 missing from reports.csv');
        await openReport(page, base, linzi.report_id);
      },
    },
    {
      name: 'agency',
      open: async (page) => {
        assert(linzi?.agency_key, 'seed 004 has no agency_key');
        await page.goto(`${base}/agency/${encodeURIComponent(linzi.agency_key)}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await page.waitForSelector('[data-testid="agency-name"]', { timeout: STEP_MS * 2 });
        await page.waitForSelector('[data-testid="chart"][data-rendered="true"]', { timeout: STEP_MS });
      },
    },
    {
      name: 'not-found',
      open: async (page) => {
        await page.goto(`${base}/no-such-page`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await page.waitForSelector('[data-testid="not-found"]', { timeout: STEP_MS });
      },
    },
  ];
}

/** Waits two animation frames and a moment for a resize to settle (ECharts redraws on ResizeObserver). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((res) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(res, 250)))));
}

/**
 * The page's width against the viewport's, and when wider, up to six elements whose right edge
 * is past the viewport and that no scrolling box of theirs clips (what makes the page wide).
 */
export async function overflow(page: Page): Promise<{ scrollWidth: number; viewport: number; culprits: string[] }> {
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > viewport) {
      // No named inner functions here: tsx (esbuild keepNames) would wrap them in a __name() the page lacks.
      const sticksOut = new Set<Element>();
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= viewport + 0.5) continue;
        let clipped = false;
        for (let p = el.parentElement; p && p !== document.body && !clipped; p = p.parentElement) {
          const st = getComputedStyle(p);
          clipped = st.overflowX !== 'visible' && st.overflowX !== 'clip';
        }
        if (clipped) continue;
        sticksOut.add(el);
        // Name the outermost element that sticks out, not each of its children.
        if (el.parentElement && sticksOut.has(el.parentElement)) continue;
        const id = el.getAttribute('data-testid') ?? (el.getAttribute('class') ?? '').split(' ')[0];
        culprits.push(`<${el.tagName.toLowerCase()}${id ? ` ${id}` : ''}> right ${Math.round(r.right)} px: ${(el.textContent ?? '').trim().slice(0, 30)}`);
        if (culprits.length >= 6) break;
      }
    }
    return { scrollWidth, viewport, culprits };
  });
}

/** axe-core's source, read once. */
let axeSource: string | null = null;
const axe = (): string => (axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/** The serious and critical violations axe-core finds on the page now, one line each (rule, impact, where, why). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe());
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes.slice(0, 8).map((n) => JSON.stringify(n.target)).join(' ')}; ${(v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`);
  });
}

/** One page: opened at 390 px, then resized to each viewport; width checked at all, screenshots and axe at 390 and 768. */
function spotTest(env: SuiteEnv, spot: Spot): TestCase {
  return {
    name: `${spot.name}: not wider than 390, 768 and 1024 px; no serious axe violation`,
    ms: 240_000,
    run: async () => {
      // The 404 page's document status is logged by the browser as a console error on purpose (hygiene checks that page's policy).
      const page = await env.freshPage({ watchConsole: spot.name !== 'not-found' });
      await page.setViewportSize(VIEWPORTS[0]);
      await spot.open(page);
      const problems: string[] = [];
      for (const vp of VIEWPORTS) {
        await page.setViewportSize(vp);
        await settle(page);
        const o = await overflow(page);
        if (o.scrollWidth > o.viewport) problems.push(`at ${vp.width} px the page is ${o.scrollWidth} px wide: ${o.culprits.join('; ')}`);
        if (vp.width === 1024) continue;
        await page.screenshot({ path: artifact(`layout-${spot.name}-${vp.width}.png`), fullPage: true });
        for (const v of await axeViolations(page)) problems.push(`axe at ${vp.width} px: ${v}`);
      }
      assert(problems.length === 0, problems.join('\n'));
    },
  };
}

/** The focused element's test id (or tag), and the width of its outline (px). */
async function focused(page: Page): Promise<{ id: string; outline: number }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { id: '', outline: 0 };
    const s = getComputedStyle(el);
    return { id: el.dataset.testid ?? el.tagName.toLowerCase(), outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth) };
  });
}

/** The view tabs by keyboard (WAI-ARIA tabs pattern). */
function tabKeysTest(env: SuiteEnv): TestCase {
  return {
    name: 'keyboard: the view tabs move with ←/→/Home/End, one tab stop, the panel follows; a visible focus ring',
    run: async () => {
      const page = await env.freshPage();
      await page.setViewportSize(VIEWPORTS[0]);
      await dashboardView(env.server.url, 'applications')(page);
      const tabStops = await page.$$eval('[role="tablist"] [role="tab"]', (tabs) => tabs.map((t) => `${t.getAttribute('data-testid')}:${t.getAttribute('tabindex')}`));
      assertEqual(tabStops.filter((t) => t.endsWith(':0')), ['tab-applications:0'], 'tabs in the Tab order');
      assertEqual(tabStops.filter((t) => t.endsWith(':-1')).length, tabStops.length - 1, 'other tabs with tabindex -1');
      await page.focus('[data-testid="tab-applications"]');
      await page.keyboard.press('ArrowRight');
      await waitForView(page, 'review_litigation');
      const f = await focused(page);
      assertEqual(f.id, 'tab-review_litigation', 'focus after ArrowRight');
      assert(f.outline >= 2, `the focus ring is ${f.outline} px wide; it should be at least 2 px`);
      assertEqual(await page.getAttribute('[data-testid="tab-review_litigation"]', 'aria-selected'), 'true', 'aria-selected after ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await waitForView(page, 'proactive');
      assertEqual((await focused(page)).id, 'tab-proactive', 'focus after two ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      assertEqual((await focused(page)).id, 'tab-coverage', 'ArrowLeft on the first tab wraps to the last');
      await page.waitForSelector('[data-testid="view-panel"][data-view="coverage"]', { timeout: STEP_MS });
      await page.keyboard.press('Home');
      assertEqual((await focused(page)).id, 'tab-proactive', 'focus after Home');
      await page.keyboard.press('End');
      assertEqual((await focused(page)).id, 'tab-coverage', 'focus after End');
      assert(new URL(page.url()).searchParams.get('view') === 'coverage', `URL after End: ${page.url()}`);
      await page.screenshot({ path: artifact('layout-tab-focus-390.png') });
    },
  };
}

/** Escape closes each drop-down and returns the focus to its button. */
function escapeTest(env: SuiteEnv): TestCase {
  return {
    name: 'keyboard: Escape closes the 机关, 地区, 机关类型 and 规则 drop-downs and the focus returns to their button',
    run: async () => {
      const page = await env.freshPage();
      await page.setViewportSize(VIEWPORTS[1]);
      await dashboardView(env.server.url, 'compliance')(page);
      await page.waitForSelector('[data-testid="compliance-rules"][data-loaded="true"]', { timeout: STEP_MS });
      for (const id of ['filter-agency', 'filter-region', 'filter-type', 'filter-rule']) {
        const summary = `[data-testid="${id}"] > summary`;
        await page.focus(summary);
        await page.keyboard.press('Enter');
        await page.waitForSelector(`[data-testid="${id}"][open]`, { timeout: STEP_MS });
        await page.keyboard.press('Tab');
        const inside = await page.$eval(`[data-testid="${id}"]`, (d) => d.contains(document.activeElement) && document.activeElement !== d.querySelector('summary'));
        assert(inside, `${id}: Tab from the open button did not move into its options`);
        await page.keyboard.press('Escape');
        assertEqual(await page.$eval(`[data-testid="${id}"]`, (d) => (d as HTMLDetailsElement).open), false, `${id} open after Escape`);
        assertEqual(await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? ''), 'summary', `${id}: focus after Escape`);
        assertEqual(await page.evaluate(() => document.activeElement?.parentElement?.getAttribute('data-testid') ?? ''), id, `${id}: the focused button's drop-down`);
        const ring = await page.$eval(summary, (s) => {
          const st = getComputedStyle(s);
          return st.outlineStyle === 'none' ? 0 : parseFloat(st.outlineWidth);
        });
        assert(ring >= 2, `${id}: the focus ring is ${ring} px wide; it should be at least 2 px`);
      }
    },
  };
}

/** The width check itself: a page made wider than the screen on purpose is caught, naming the element. */
function widthCheckTest(env: SuiteEnv): TestCase {
  return {
    name: 'the width check catches a page wider than the screen and names what sticks out',
    run: async () => {
      const page = await env.freshPage({ watchConsole: false }); // a 404 on purpose
      await page.setViewportSize(VIEWPORTS[0]);
      await page.goto(`${env.server.url}/no-such-page`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await page.waitForSelector('[data-testid="not-found"]', { timeout: STEP_MS });
      assertEqual((await overflow(page)).scrollWidth, 390, 'the 404 page\'s width');
      // Appended again until it stays: a node added before React has hydrated the page is dropped when React
      // renders it on the client (a hydration mismatch), which left the page 390 px wide now and then.
      await page
        .waitForFunction(
          () => {
            if (!document.querySelector('[data-testid="too-wide"]')) {
              const wide = document.createElement('div');
              wide.setAttribute('data-testid', 'too-wide');
              wide.style.width = '600px';
              wide.textContent = '过宽';
              document.querySelector('[data-testid="not-found"]')?.append(wide);
            }
            return document.documentElement.scrollWidth > 390;
          },
          undefined,
          { timeout: STEP_MS, polling: 100 },
        )
        .catch(() => undefined);
      const o = await overflow(page);
      assert(o.scrollWidth > 390, `a 600 px element left the page ${o.scrollWidth} px wide`);
      assert(o.culprits.some((c) => c.includes('too-wide')), `the culprits do not name it: ${o.culprits.join('; ')}`);
    },
  };
}
