/**
 * Suite `hygiene`: what the server hands out and what the page asks for — the data route serves
 * the CSVs and explains unknown names; the text route serves report texts and refuses other
 * paths; the pdf.js route serves character maps and fonts only; without data the page says what
 * to do; with a browser data build the page loads facts, never all of cells.csv; and over the
 * whole run (every suite's pages, plus a visit of every view and a report page here) no console
 * error and no request to any host but 127.0.0.1/localhost. Runs last.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { VIEWS } from '../../../lib/query/views';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { startServer, stopServer } from '../../harness/next-server';
import { assert, assertEqual, tempDir, type Suite, type SuiteEnv, type TestCase } from '../browser-test-kit';
import { openDashboard, openReport, openTab } from '../dashboard-page';
import { YUNCHENG } from '../data-files';

const fetch10s = (url: string) => fetch(url, { signal: AbortSignal.timeout(10_000) });

/** The hygiene suite (shared server; the no-data test starts a server of its own). */
export const hygieneSuite: Suite = {
  name: 'hygiene',
  server: 'shared',
  open: (env) => ({ tests: [...routeTests(env), noDataTest(env), ...pageTests(env)] }),
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
