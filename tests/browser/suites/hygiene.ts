/**
 * Suite `hygiene`: what the server hands out and what the page asks for — the data route serves
 * the CSVs and explains unknown names; the text route serves report texts and refuses other
 * paths; the pdf.js route serves character maps and fonts only; without data the page says what
 * to do; with a browser data build the page loads facts, never all of cells.csv; and over the
 * whole run (every suite's pages, plus a visit of every view and a report page here) no console
 * error and no request to any host but 127.0.0.1/localhost. HTTP hardening (issue 12): every
 * route answers with the security headers (CSP, nosniff, Referrer-Policy, frame protection); odd
 * ids (`__proto__`, `constructor`, `toString`, undecodable escapes) are 404s and methods no route
 * serves (POST … TRACE) are 405s with a sentence; the dashboard, a report page, an agency page and
 * an upload of a PDF work under the Content-Security-Policy with no violation. Runs last.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { VIEWS } from '../../../lib/query/views';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { startServer, stopServer } from '../../harness/next-server';
import { assert, assertEqual, tempDir, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { openDashboard, openReport, openTab, waitForQueue } from '../dashboard-page';
import { YUNCHENG, type DataFiles } from '../data-files';
import { makePdf, uploadFiles } from '../upload-files';

const fetch10s = (url: string) => fetch(url, { signal: AbortSignal.timeout(10_000) });

/** The hygiene suite (shared server; the no-data test starts a server of its own). */
export const hygieneSuite: Suite = {
  name: 'hygiene',
  server: 'shared',
  open: (env) => ({ tests: [...routeTests(env), ...httpHardeningTests(env), noDataTest(env), ...pageTests(env)] }),
};

/** The three routes of the server: data, texts, pdf.js. */
function routeTests({ server, data }: SuiteEnv): TestCase[] {
  const base = server.url;
  const yuncheng = data.seed(YUNCHENG);
  return [
    {
      name: 'the data route serves the CSVs and explains unknown names',
      run: async () => {
        const ok = await fetch10s(`${base}/data/reports.csv`);
        assertEqual(ok.status, 200, 'reports.csv status');
        assert((await ok.text()).startsWith('report_id,'), 'reports.csv does not start with its header');
        const bad = await fetch10s(`${base}/data/secret.txt`);
        assertEqual(bad.status, 404, 'unknown file status');
        assert((await bad.text()).includes('reports.csv'), '404 text does not list the files');
      },
    },
    {
      name: 'the text route serves report texts and refuses other paths',
      run: async () => {
        assert(yuncheng, 'seed 003 missing');
        const ok = await fetch10s(`${base}/data/texts/${yuncheng.report_id}.txt`);
        assertEqual(ok.status, 200, 'text status');
        assertEqual(await ok.text(), readFileSync(path.join(data.dir, 'texts', `${yuncheng.report_id}.txt`), 'utf8'), 'text body');
        for (const bad of ['..%2Freports.csv', '..%2F..%2Fpackage.json', 'abc.txt', `${yuncheng.report_id}.csv`]) {
          const r = await fetch10s(`${base}/data/texts/${bad}`);
          assert(r.status === 400 || r.status === 404, `${bad}: status ${r.status}`);
          assert(!(await r.text()).startsWith('report_id,'), `${bad} served a data file`);
        }
        const missing = await fetch10s(`${base}/data/texts/0000000000000000.txt`);
        assertEqual(missing.status, 404, 'unknown report text');
      },
    },
    {
      name: 'the pdf.js route serves character maps and fonts, and nothing else',
      run: async () => {
        for (const ok of ['cmaps/UniGB-UCS2-H.bcmap', 'standard_fonts/FoxitSerif.pfb']) {
          const r = await fetch10s(`${base}/pdfjs/${ok}`);
          assertEqual(r.status, 200, `${ok} status`);
          assert((await r.arrayBuffer()).byteLength > 100, `${ok} is empty`);
        }
        for (const bad of ['cmaps/..%2F..%2Fpackage.json', 'build/pdf.mjs', 'cmaps/nope.bcmap', '..%2Fpackage.json/x', 'standard_fonts/LICENSE_FOXIT', 'cmaps/%2Fetc%2Fpasswd']) {
          const r = await fetch10s(`${base}/pdfjs/${bad}`);
          assert(r.status === 404 || r.status === 400, `${bad}: status ${r.status}`);
        }
      },
    },
  ];
}

/** Status, headers and body of one request made with node:http (fetch refuses TRACE and TRACK). */
function rawRequest(url: string, method: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer in 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

/** What is wrong with the security headers of one response (empty when they are all there). */
function missingSecurityHeaders(what: string, h: Headers): string[] {
  const csp = h.get('content-security-policy') ?? '';
  const problems: string[] = [];
  if (!/(^|;\s*)default-src 'self'/.test(csp)) problems.push(`${what}: no CSP default-src 'self' (${csp || 'no CSP'})`);
  if (!/frame-ancestors 'self'/.test(csp)) problems.push(`${what}: no frame-ancestors 'self'`);
  if (!/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'(;|$)/.test(csp)) problems.push(`${what}: script-src is not self + nonce + wasm-unsafe-eval: ${csp}`);
  if (/https?:|\*/.test(csp)) problems.push(`${what}: the CSP names another host: ${csp}`);
  if (h.get('x-content-type-options') !== 'nosniff') problems.push(`${what}: X-Content-Type-Options ${h.get('x-content-type-options')}`);
  if (!h.get('referrer-policy')) problems.push(`${what}: no Referrer-Policy`);
  return problems;
}

/** The app's routes, one URL each (pages, data, pdf.js, sql.js, the icon, a static chunk, a 404). */
async function everyRoute(base: string, data: DataFiles): Promise<string[]> {
  const yuncheng = data.seed(YUNCHENG);
  assert(yuncheng, 'seed 003 missing');
  const id = yuncheng.report_id;
  const html = await (await fetch10s(`${base}/`)).text();
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  assert(chunk, 'no /_next/static script in the dashboard HTML');
  const paths = [
    '/',
    `/report/${id}`,
    `/agency/${encodeURIComponent(yuncheng.agency_key)}`,
    '/data/reports.csv',
    '/data/flags.csv',
    `/data/cells/${id}`,
    `/data/texts/${id}.txt`,
    '/pdfjs/cmaps/UniGB-UCS2-H.bcmap',
    '/sqljs/sql-wasm.js',
    '/icon.svg',
    chunk,
    '/no-such-page',
    '/data/cells/__proto__',
  ];
  if (data.hasManifest) paths.push('/data/manifest.json', '/data/first-pages.json');
  return paths.map((p) => `${base}${p}`);
}

/** Issue 12's HTTP part: the headers on every route, 404 for odd ids, 405 for other methods. */
function httpHardeningTests(env: SuiteEnv): TestCase[] {
  const { server, data } = env;
  const base = server.url;
  const odd = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  return [
    {
      name: 'every route answers with the security headers (CSP with a nonce, nosniff, Referrer-Policy, frame-ancestors)',
      run: async () => {
        const problems: string[] = [];
        const nonces = new Set<string>();
        for (const url of await everyRoute(base, data)) {
          const r = await fetch10s(url);
          await r.arrayBuffer();
          problems.push(...missingSecurityHeaders(`${url.slice(base.length)} (${r.status})`, r.headers));
          nonces.add(/'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1] ?? '');
        }
        for (const method of ['POST', 'TRACE']) {
          const r = await rawRequest(`${base}/data/reports.csv`, method);
          const h = new Headers(Object.entries(r.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])));
          problems.push(...missingSecurityHeaders(`${method} /data/reports.csv (${r.status})`, h));
        }
        assertEqual(problems, [], 'security header problems');
        assert(nonces.size >= 10 && !nonces.has(''), `the nonce is not fresh per response: ${[...nonces].join(', ')}`);
      },
    },
    {
      name: 'odd ids and undecodable paths answer 404 with a sentence, never 500',
      run: async () => {
        const bad: string[] = [];
        const urls = odd.flatMap((n) => [`/data/${n}`, `/data/cells/${n}`, `/data/texts/${n}`, `/data/facts/${n}`, `/sqljs/${n}`, `/pdfjs/cmaps/${n}`, `/pdfjs/${n}/x`]);
        urls.push('/report/%E0%A4%A', '/agency/%E0%A4%A', '/data/cells/0000000000000000', '/data/cells/..%2Freports.csv');
        for (const u of urls) {
          const r = await fetch10s(`${base}${u}`);
          const body = await r.text();
          if (r.status !== 404) bad.push(`${u}: ${r.status}`);
          else if (!/^[^\n]*[。.]/.test(body) || /Internal|TypeError|[[{]"/.test(body)) bad.push(`${u}: body ${body.slice(0, 80)}`);
        }
        assertEqual(bad, [], 'odd ids not answered 404 with a sentence');
      },
    },
    {
      name: 'methods no route serves answer 405 with Allow: GET, HEAD (TRACE included); OPTIONS 204',
      run: async () => {
        const yuncheng = data.seed(YUNCHENG);
        assert(yuncheng, 'seed 003 missing');
        const bad: string[] = [];
        for (const p of ['/', '/data/reports.csv', `/data/cells/${yuncheng.report_id}`, `/report/${yuncheng.report_id}`, '/pdfjs/cmaps/UniGB-UCS2-H.bcmap']) {
          // (TRACK and other unknown methods are refused by Node's HTTP parser itself, 400, before any code.)
          for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE']) {
            const r = await rawRequest(`${base}${p}`, method);
            if (r.status !== 405 || r.headers.allow !== 'GET, HEAD' || !r.body.startsWith('本站只接受 GET 和 HEAD 请求')) {
              bad.push(`${method} ${p}: ${r.status} allow=${String(r.headers.allow)} ${r.body.slice(0, 60)}`);
            }
          }
          const o = await rawRequest(`${base}${p}`, 'OPTIONS');
          if (o.status !== 204 || o.headers.allow !== 'GET, HEAD') bad.push(`OPTIONS ${p}: ${o.status} allow=${String(o.headers.allow)}`);
          const head = await rawRequest(`${base}${p}`, 'HEAD');
          if (head.status !== 200) bad.push(`HEAD ${p}: ${head.status}`);
        }
        assertEqual(bad, [], 'methods not refused as they should be');
      },
    },
    cspPagesTest(env),
  ];
}

/**
 * Collects on `page` every Content-Security-Policy violation: the document's
 * `securitypolicyviolation` events (kept in `window.__cspViolations`, read by {@link violations})
 * and Chromium's console reports of refused loads, scripts, workers or wasm (`sink`, pages and workers).
 */
async function watchCsp(page: Page, sink: string[]): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  page.on('console', (m) => {
    if (/Content[ -]Security[ -]Policy|Refused to (load|execute|evaluate|compile|create|apply|connect|frame)/i.test(m.text())) sink.push(`${page.url()} :: ${m.text()}`);
  });
}

/** The violations the document of `page` saw (see {@link watchCsp}). */
function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** The dashboard (every view, the review queue), a report page, an agency page and an upload of a PDF, under the CSP. */
function cspPagesTest(env: SuiteEnv): TestCase {
  return {
    name: 'the dashboard, a report page, an agency page with 下载图片, the 404 page and an upload work under the CSP with no violation',
    ms: 300_000,
    run: async () => {
      const { freshPage } = env;
      const base = env.server.url;
      const yuncheng = env.data.seed(YUNCHENG);
      assert(yuncheng, 'seed 003 missing');
      const seen: string[] = [];
      const page = await freshPage();
      await watchCsp(page, seen);
      const doc = await page.goto(`${base}/`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      assert(/'nonce-/.test((await doc?.allHeaders())?.['content-security-policy'] ?? ''), 'the dashboard document has no nonce CSP');
      await openDashboard(page, base);
      for (const v of VIEWS) await openTab(page, v.id);
      await page.screenshot({ path: artifact('csp-dashboard.png'), fullPage: false });
      const fromDashboard = await violations(page);
      await openDashboard(page, base, { view: 'review' });
      await waitForQueue(page);
      const fromQueue = await violations(page);
      await openReport(page, base, yuncheng.report_id);
      await page.waitForSelector('[data-testid="source-text"]', { timeout: STEP_MS });
      await page.screenshot({ path: artifact('csp-report.png'), fullPage: false });
      const fromReport = await violations(page);
      await page.goto(`${base}/agency/${encodeURIComponent(yuncheng.agency_key)}`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="agency-charts"] [data-testid="chart"][data-rendered="true"]').length > 0, undefined, { timeout: STEP_MS * 2 });
      await page.screenshot({ path: artifact('csp-agency.png'), fullPage: false });
      // 下载图片 of the agency page's first chart: PNG (ECharts' canvas drawn into a framed canvas) and SVG, under the same policy.
      for (const kind of ['png', 'svg'] as const) {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.locator(`[data-testid="chart-${kind}"]`).first().click()]);
        const saved = path.join(tempDir('chart-image-'), download.suggestedFilename());
        await download.saveAs(saved);
        const head = readFileSync(saved).subarray(0, 200);
        if (kind === 'png') assertEqual([...head.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG', 'the chart image is a PNG');
        else assert(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/.test(head.toString('utf8')) && readFileSync(saved, 'utf8').includes('导出日期'), 'the chart image is a framed SVG');
        assert(/-\d{4}-\d{2}-\d{2}\.(png|svg)$/.test(download.suggestedFilename()), `chart image name ${download.suggestedFilename()}`);
      }
      const fromAgency = await violations(page);
      // An address the app does not have: the app's own Chinese 404 page, under the same policy.
      const missing = await page.goto(`${base}/no-such-page`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
      assertEqual(missing?.status(), 404, 'status of an unknown page');
      await page.waitForSelector('[data-testid="not-found"]', { timeout: STEP_MS });
      const fromNotFound = await violations(page);
      // The browser logs the 404 status of the document itself; that one is expected, not a page error.
      const expected404 = env.consoleErrors.findIndex((e) => /\/no-such-page :: Failed to load resource: .*404/.test(e));
      if (expected404 >= 0) env.consoleErrors.splice(expected404, 1);
      // An upload: pdf.js (its worker, character maps from /pdfjs/) and the page's DuckDB under the same policy.
      await openDashboard(page, base);
      const dir = tempDir('csp-upload-');
      try {
        // Chinese text in a non-embedded font: readable only with pdf.js's character maps from /pdfjs/cmaps/.
        const pdf = path.join(dir, 'csp-check.pdf');
        const lines = ['某县人民政府', '2024年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、政府信息公开工作存在的主要问题及改进情况', '六、其他需要报告的事项'];
        writeFileSync(pdf, makePdf(lines));
        const cmaps: string[] = [];
        page.on('request', (r) => {
          if (r.url().includes('/pdfjs/cmaps/')) cmaps.push(r.url());
        });
        const rows = await uploadFiles(page, [pdf]);
        assertEqual(rows.map((r) => r.outcome), ['added'], `upload outcome (${rows[0]?.message})`);
        assert(cmaps.length > 0, 'pdf.js requested no character map');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await page.screenshot({ path: artifact('csp-upload.png'), fullPage: false });
      const fromUpload = await violations(page);
      assertEqual(
        { fromDashboard, fromQueue, fromReport, fromAgency, fromNotFound, fromUpload, console: seen },
        { fromDashboard: [], fromQueue: [], fromReport: [], fromAgency: [], fromNotFound: [], fromUpload: [], console: [] },
        'CSP violations',
      );
    },
  };
}

/** A server on an empty data folder: the page explains what to do. */
function noDataTest({ freshPage }: SuiteEnv): TestCase {
  return {
    name: 'without data the page explains what to do',
    run: async () => {
      const emptyData = tempDir('dashboard-nodata-');
      const started = await startServer(emptyData, artifact('server-nodata.log'));
      try {
        if (!started.ok) throw new Error(started.error);
        const page = await freshPage({ watchConsole: false }); // its 404s are expected
        await page.goto(`${started.value.url}/`, { waitUntil: 'domcontentloaded', timeout: STEP_MS });
        await page.waitForSelector('[data-testid="db-error"]', { timeout: STEP_MS });
        const text = await page.innerText('[data-testid="db-error"]');
        assert(text.includes('npm run build:data') && text.includes('怎么办'), `error text: ${text}`);
        await page.screenshot({ path: artifact('error-no-data.png'), fullPage: true });
      } finally {
        if (started.ok) stopServer(started.value);
        rmSync(emptyData, { recursive: true, force: true });
      }
    },
  };
}

/**
 * What the page requests and logs: a visit of every view and of a report page (so that the
 * suite checks something when it runs alone), then the run-wide logs.
 */
function pageTests(env: SuiteEnv): TestCase[] {
  const base = env.server.url;
  const yuncheng = env.data.seed(YUNCHENG);
  /** Data requests (paths) of the visit below, to this server only. */
  let visitPaths: string[] = [];
  const visit = async () => {
    assert(yuncheng, 'seed 003 missing');
    const page = await env.freshPage();
    const from = env.requests.data.length;
    await openDashboard(page, base);
    for (const v of VIEWS) await openTab(page, v.id);
    await openReport(page, base, yuncheng.report_id);
    await page.waitForSelector('[data-testid="source-text"]', { timeout: STEP_MS });
    visitPaths = env.requests.data.slice(from).filter((u) => u.startsWith(`${base}/`)).map((u) => u.slice(base.length));
  };
  const tests: TestCase[] = [
    {
      name: 'no console errors',
      run: async () => {
        await visit();
        assertEqual(env.consoleErrors, [], 'console errors');
      },
    },
    {
      name: 'no requests to any host but 127.0.0.1/localhost',
      run: async () => {
        if (visitPaths.length === 0) await visit();
        assertEqual(env.requests.foreign, [], 'foreign requests');
      },
    },
    {
      name: 'with a browser data build the page loads facts, never all of cells.csv; report pages fetch their own cells',
      skip: env.data.hasManifest ? undefined : `${env.data.dir} has no manifest.json (not a browser data build)`,
      run: async () => {
        if (visitPaths.length === 0) await visit();
        const paths = visitPaths;
        assert(paths.some((p) => p.startsWith('/data/facts/')), `no facts partition was requested: ${[...new Set(paths)].join(', ')}`);
        assert(!paths.includes('/data/cells.csv'), 'the page requested /data/cells.csv');
        assert(paths.some((p) => p.startsWith('/data/cells/')), 'no report page fetched its cells from /data/cells/<id>');
      },
    },
  ];
  return tests;
}
