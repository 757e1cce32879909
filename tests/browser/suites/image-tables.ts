/**
 * Suite `image-tables` (issue 13: tables printed as images inside HTML and Word reports, uploads):
 * 洪泽区 2023 as an HTML page whose 表三 is a PNG inside the page (a `data:` URI) and 表二/表四 are
 * text (tests/fixtures/embedded-images/report-with-table-image.ts), uploaded on a seeds-only
 * server: the upload worker reads the image by OCR (models from /ocr/, nothing leaves 127.0.0.1);
 * on the report page 表三's cells are `ocr` with the golden values (tests/golden/corpus), 表二 and
 * 表四 are the text's. The same page whose image is a file beside it (`<img src="report_files/…">`)
 * cannot be read in an upload: its row says so, and 表三 stays TABLE_MISSING.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { STEP_MS } from '../../harness/bounded-waits';
import { ROOT } from '../../harness/next-server';
import { blocksWithTable3AsImage, dataUri, hongzeText, htmlOf, table3Png } from '../../fixtures/embedded-images/report-with-table-image';
import { assert, assertEqual, tempDir, type Suite, type SuiteEnv } from '../browser-test-kit';
import { openDashboard, openReport, waitForView } from '../dashboard-page';
import { uploadResults, type UploadRow } from '../upload-files';

const golden = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'golden', 'corpus', 'hongze-district-government-2023.expected.json'), 'utf8')) as {
  tables: Record<'t2' | 't3' | 't4', Record<string, string>>;
};
/** Longest the OCR of the one image may take in the browser here (ms): ~10 s measured, a loaded machine several times that. */
const OCR_MS = 240_000;

/** Uploads `file` on a fresh dashboard page, waits (≤ `ms`) for its row, returns the page and the row. */
async function upload(env: SuiteEnv, file: string, ms: number): Promise<{ page: Page; row: UploadRow; seconds: number }> {
  const page = await env.freshPage();
  await openDashboard(page, env.server.url, { view: 'applications' });
  await waitForView(page, 'applications');
  const started = Date.now();
  await page.setInputFiles('[data-testid="upload-input"]', [file]);
  await page.waitForSelector('[data-testid="upload-progress"]', { state: 'detached', timeout: ms });
  await page.waitForSelector(`[data-testid="upload-result"][data-file="${path.basename(file)}"]`, { timeout: STEP_MS });
  const row = (await uploadResults(page)).find((r) => r.file === path.basename(file));
  assert(row, `no result row for ${file}`);
  return { page, row, seconds: (Date.now() - started) / 1000 };
}

/** The report page's cells: reference → [status, shown text without commas]. */
async function cellsOf(page: Page): Promise<Map<string, [string, string]>> {
  const cells = await page.$$eval('td.cell[data-ref]', (tds) =>
    tds.map((td) => {
      const el = td as HTMLElement;
      const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim().replace(/,/g, '');
      return [el.dataset.ref ?? '', el.dataset.status ?? '', text] as const;
    }),
  );
  return new Map(cells.map(([ref, status, text]) => [ref, [status, text]]));
}

/** The golden cells of `table` whose value is a number, as [reference, printed number]. */
function goldenCells(table: 't2' | 't3' | 't4', columns: (row: string) => string[]): Array<[string, string]> {
  return Object.entries(golden.tables[table]).flatMap(([row, printed]) => printed.split(' ').map((v, i): [string, string] => [`${table}.${row}.${columns(row)[i]}`, v.replace(/^~/, '')]));
}

/** The image-tables suite (its own seeds-only server, like the other upload suites). */
export const imageTablesSuite: Suite = {
  name: 'image-tables',
  server: 'seeds-only',
  open: async (env) => {
    const dir = tempDir('image-tables-');
    const blocks = blocksWithTable3AsImage(await hongzeText());
    const inline = path.join(dir, '洪泽区2023-表三为图片.html');
    writeFileSync(inline, htmlOf(blocks, dataUri(await table3Png())));
    const linked = path.join(dir, '洪泽区2023-图片在旁.html');
    writeFileSync(linked, htmlOf(blocks, 'report_files/table3.png'));
    const { T3_COLUMNS } = await import('../../../lib/model/form-layout');
    const t3Keys = T3_COLUMNS.map((c) => c.key);
    return {
      tests: [
        {
          name: 'an HTML report whose 表三 is an image inside the page: the upload worker reads it by OCR, 表三 ocr with the golden values, 表二/表四 from the text',
          ms: OCR_MS + 120_000,
          run: async () => {
            const foreign = env.requests.foreign.length;
            const { page, row, seconds } = await upload(env, inline, OCR_MS);
            console.log(`  · image-tables: HTML with 表三 as an image read in ${seconds.toFixed(1)} s in the browser`);
            assertEqual(row.outcome, 'added', `outcome (${row.message})`);
            assert(row.message.includes('读到表二、表三、表四'), `row message “${row.message}”`);
            assertEqual(env.requests.foreign.slice(foreign), [], 'requests to other hosts');
            await openReport(page, env.server.url, row.reportId);
            const status = await page.innerText('[data-testid="report-status"]');
            assert(status.includes('表三由文中图片（图片 1）经文字识别（OCR）读出'), `report status “${status}”`);
            const cells = await cellsOf(page);
            const expected = goldenCells('t3', () => t3Keys);
            const right = expected.filter(([ref, v]) => cells.get(ref)?.[0] === 'ocr' && cells.get(ref)?.[1] === v).length;
            const wrong = expected.filter(([ref, v]) => { const c = cells.get(ref); return c?.[0] === 'ocr' && c[1] !== v; });
            console.log(`  · image-tables: 表三 ${right}/${expected.length} cells right in the browser`);
            assert(right / expected.length >= 0.98, `表三: ${right} of ${expected.length} right`);
            assertEqual(wrong, [], '表三: wrong numbers read');
            const textCells = [...cells.entries()].filter(([ref]) => !ref.startsWith('t3.'));
            assert(textCells.length > 0 && textCells.every(([, [status]]) => status !== 'ocr'), '表二/表四: a cell shown as ocr');
            assertEqual(cells.get('t2.licensing.decisions'), ['reported', golden.tables.t2.licensing], '表二 行政许可 (from the text)');
          },
        },
        {
          name: 'the same page with its image beside it (<img src="report_files/…">): an upload cannot read it, its row says so, 表三 stays TABLE_MISSING',
          run: async () => {
            const { page, row } = await upload(env, linked, STEP_MS * 4);
            assertEqual(row.outcome, 'added', `outcome (${row.message})`);
            assert(row.message.includes('网页引用的图片（table3.png）不在所导入的文件中'), `row message “${row.message}”`);
            await openReport(page, env.server.url, row.reportId);
            const rules = await page.$$eval('[data-testid="flag-card"]', (els) => els.map((e) => (e as HTMLElement).dataset.rule ?? ''));
            assert(rules.includes('TABLE_MISSING'), `flags ${rules.join(' ')}`);
          },
        },
      ],
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};
