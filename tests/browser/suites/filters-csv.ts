/**
 * Suite `filters-csv`: a region filter chosen in the UI narrows the table and is stated as a
 * sentence and in the URL; 下载 CSV gives exactly the filtered rows (BOM, header, file name); a
 * year filter applies to every view; an agency filter in the URL (an agency_key, issue 9) opens
 * 合规 for that agency, shown by its name.
 * Expected rows come from the data files; each test opens its own fresh page.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describeFilter } from '../../../lib/query/filters';
import { APPLICATIONS_VIEW, type ViewId } from '../../../lib/query/views';
import { csvColumns } from '../../../lib/csv';
import { artifact } from '../../harness/artifacts';
import { STEP_MS } from '../../harness/bounded-waits';
import { assert, assertEqual, type Suite } from '../browser-test-kit';
import { columnTexts, openDashboard, openTab, rowCount, waitForRowCount, waitForView, waitForViewIdle } from '../dashboard-page';
import { agencyName, LINZI, WENDENG } from '../data-files';

/** The filters and CSV suite (shared server). */
export const filtersCsvSuite: Suite = {
  name: 'filters-csv',
  server: 'shared',
  open: ({ server, data, freshPage }) => {
    const base = server.url;
    const { reports, flags, withTable } = data;
    const linzi = data.seed(LINZI);
    const wendeng = data.seed(WENDENG);
    // Filter by the region of seed 004; the expected rows come from the files.
    const region = linzi?.region ?? '';
    const inRegion = new Set(reports.filter((r) => r.region === region).map((r) => r.report_id));
    const expectedIds = [...withTable('t3')].filter((id) => inRegion.has(id)).sort();
    const tests = [
      {
        name: 'a region filter narrows the table and the sentence says so',
        run: async () => {
          assert(region, 'seed 004 has no region');
          const page = await freshPage();
          await openDashboard(page, base);
          await openTab(page, 'applications');
          const before = await rowCount(page);
          // 地区 is the division tree (lib/query/region-tree.ts): expand 省 and 市, choose the county.
          const segments = [linzi?.province, linzi?.city, linzi?.county].filter((s): s is string => Boolean(s));
          const regionPath = segments.join('/');
          await page.click('[data-testid="filter-region"] summary');
          for (let i = 1; i < segments.length; i++) await page.click(`[data-testid="region-node"][data-path="${segments.slice(0, i).join('/')}"] > .region-row [data-testid="region-expand"]`);
          await page.check(`[data-testid="filter-region-option"][data-value="${regionPath}"]`);
          await page.click('[data-testid="filter-region"] summary'); // close the drop-down
          await waitForRowCount(page, expectedIds.length);
          const after = await rowCount(page);
          assert(after < before, `table did not change (${before} → ${after})`);
          const regions = await columnTexts(page, 'region');
          assert(regions.every((r) => r === region), `rows outside ${region}: ${regions.join(', ')}`);
          assertEqual((await columnTexts(page, 'report_id')).sort(), expectedIds, 'report ids after filtering');
          const sentence = await page.innerText('[data-testid="filter-sentence"]');
          assertEqual(sentence, describeFilter({ agencies: [], regions: [regionPath] }), 'filter sentence');
          assert(new URL(page.url()).searchParams.getAll('region').includes(regionPath), 'URL does not carry the filter');
          await page.screenshot({ path: artifact('view-applications-filtered.png'), fullPage: true });
        },
      },
      {
        name: '下载 CSV gives exactly the filtered rows, with a BOM and the header',
        run: async () => {
          assert(region, 'seed 004 has no region');
          const page = await freshPage();
          // csvkeys=1: the spec's keys as the header (the option for programs; the default is the screen's labels, suite share-csv).
          await openDashboard(page, base, { view: 'applications', region, csvkeys: '1' });
          await waitForView(page, 'applications');
          await waitForRowCount(page, expectedIds.length);
          const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_MS }), page.click('[data-testid="download-csv"]')]);
          const file = artifact('download.csv');
          await download.saveAs(file);
          const name = download.suggestedFilename();
          assert(name.startsWith('依申请公开_') && name.includes(region) && name.endsWith('.csv'), `file name ${name}`);
          const text = readFileSync(file, 'utf8');
          assert(text.charCodeAt(0) === 0xfeff, 'no UTF-8 BOM');
          const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
          assertEqual(parsed.data[0], csvColumns(APPLICATIONS_VIEW.columns, true).map((c) => c.header), 'CSV header');
          const body = parsed.data.slice(1);
          assertEqual(body.length, expectedIds.length, 'CSV data rows');
          const idCol = parsed.data[0].indexOf('report_id');
          assertEqual(body.map((r) => r[idCol]).sort(), expectedIds, 'CSV report ids');
          if (linzi && expectedIds.includes(linzi.report_id)) {
            const r = body.find((x) => x[idCol] === linzi.report_id)!;
            assertEqual(r[parsed.data[0].indexOf('new_received')], '27', 'CSV new_received of seed 004');
          }
        },
      },
      {
        name: 'a year filter applies to every view',
        run: async () => {
          const page = await freshPage();
          await openDashboard(page, base);
          await page.selectOption('[data-testid="filter-year-from"]', '2023');
          await page.selectOption('[data-testid="filter-year-to"]', '2023');
          for (const id of ['proactive', 'compliance'] as ViewId[]) {
            await openTab(page, id);
            await waitForViewIdle(page);
            const years = await columnTexts(page, 'year');
            assert(years.every((y) => y === '2023'), `${id}: years ${years.join(',')}`);
          }
          assert((await page.innerText('[data-testid="filter-sentence"]')).includes('2023 年'), 'sentence lacks 2023 年');
        },
      },
      {
        name: 'an agency filter in the URL (an agency_key) opens 合规 for 文登 only, named in the sentence',
        run: async () => {
          // The 机关 filter's values are agency keys (371003:科技局), shown by name (agency_name).
          assert(wendeng?.agency_key, 'seed 001 has no agency_key');
          const key = wendeng.agency_key;
          const name = agencyName(wendeng);
          const sameAgency = new Set(data.shown.filter((r) => r.agency_key === key).map((r) => r.report_id));
          const page = await freshPage();
          await openDashboard(page, base, { view: 'compliance', agency: key });
          await waitForView(page, 'compliance');
          await waitForViewIdle(page);
          const agencies = await columnTexts(page, 'agency');
          assertEqual(agencies.length, flags.filter((f) => sameAgency.has(f.report_id)).length, 'flag rows for 文登');
          assert(agencies.length > 0 && agencies.every((a) => a === name), `rows of other agencies (expected only ${name}): ${agencies.join('、')}`);
          assertEqual(await page.innerText('[data-testid="filter-sentence"]'), describeFilter({ agencies: [key], regions: [] }, { [key]: name }), 'filter sentence names the agency');
          const rules = await columnTexts(page, 'rule');
          assert(rules.includes('TABLE_MISSING'), `rules shown: ${rules.join(', ')}`);
          await page.screenshot({ path: artifact('view-compliance-wendeng.png'), fullPage: true });
        },
      },
    ];
    return { tests };
  },
};
