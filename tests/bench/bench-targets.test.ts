import { describe, expect, it } from 'vitest';
import { targetRows, targetsMarkdown, verdictOf } from './bench-targets';

/** A small results object of .bench/results.json's shape: some targets met, some missed, some absent. */
const results = {
  date: '2026-11-30T12:00:00.000Z',
  machine: '2 × test cpu',
  firstLoad: { loads: [{ acceptEncoding: 'browser default', bytes: 6_870_000 }, { acceptEncoding: 'identity', bytes: 37_090_000 }] },
  csv: [
    { reports: 10_000, rows: 9_804, queryMs: 40, totalMs: 90 },
    { reports: 100_000, rows: 98_039, queryMs: 210, totalMs: 700 },
  ],
  coldStart: { mode: 'clone', totalSeconds: 45.5, buildDataSeconds: 12, nextBuildSeconds: 38, serverStartSeconds: 3, firstResponseSeconds: 4.5 },
  pipeline: {
    parse: { precompiled: { reports: 10_000, perSecond: 734, perCpuSecond: 775 } },
    ingest: [
      { reports: 10_000, workers: 2, seconds: 31.5, peakMb: 458 },
      { reports: 100_000, workers: 2, seconds: 197.6, peakMb: 897 },
    ],
  },
  browser: {
    current: {
      date: '2026-11-30T10:00:00.000Z',
      sizes: [
        {
          reports: 100_000,
          firstChartMs: 900,
          dbReadyMs: 3000,
          csvExportMs: 1900,
          csvRows: 98_039,
          views: [
            { view: 'proactive', filterMedianMs: 95, filterP95Ms: 207, ratioDuckdbToSqljs: 0.25 },
            { view: 'indicators', filterMedianMs: 351, filterP95Ms: 537, ratioDuckdbToSqljs: 1.19 },
            { view: 'compliance', filterMedianMs: 158, filterP95Ms: 223 },
          ],
          urlViews: [{ name: 'group=省', filterMedianMs: 120, filterP95Ms: 240 }],
        },
      ],
    },
  },
};

const row = (target: string, size = '100,000') => {
  const r = targetRows(results).find((x) => x.target.includes(target) && x.size === size);
  if (!r) throw new Error(`no row ${target} at ${size}`);
  return r;
};

describe('verdictOf', () => {
  it('says met, missed in percent under 2×, missed as a factor from 2×', () => {
    expect(verdictOf(100, 100, 'at most')).toEqual({ verdict: 'met', met: true });
    expect(verdictOf(149, 100, 'at most')).toEqual({ verdict: 'missed by 49 %', met: false });
    expect(verdictOf(351, 100, 'at most')).toEqual({ verdict: 'missed by 3.5×', met: false });
    expect(verdictOf(734, 5000, 'at least')).toEqual({ verdict: 'missed by 6.8×', met: false });
    expect(verdictOf(4, 2, 'at least')).toEqual({ verdict: 'met', met: true });
  });
});

describe('targetRows', () => {
  it('judges each view and URL view on median and p95 at 100,000', () => {
    expect(row('filter change 主动公开')).toMatchObject({ figure: '95 / 207 ms', verdict: 'met', met: true });
    expect(row('filter change 指标')).toMatchObject({ figure: '351 / 537 ms', verdict: 'median missed by 3.5×; p95 missed by 2.1×', met: false });
    expect(row('filter change group=省')).toMatchObject({ verdict: 'median missed by 20 %; p95 met', met: false });
  });

  it('says not measured for sizes, aggregations, CSV bench and PDF figures that are absent', () => {
    expect(row('filter change (every view)', '10,000 (info)')).toMatchObject({ verdict: 'not measured', met: null });
    expect(row('filter change (every view)', '500,000')).toMatchObject({ verdict: 'not measured (manual run)', met: null });
    expect(row('on the aggregations')).toMatchObject({ verdict: 'not measured', met: null });
    expect(row('PDF ≥ 30 pages/s', 'real PDFs')).toMatchObject({ verdict: 'not measured', met: null });
  });

  it('turns DuckDB ÷ sql.js time into a speed-up against ≥ 2×', () => {
    expect(row('faster than sql.js: 主动公开')).toMatchObject({ figure: '4.00× faster', verdict: 'met', met: true });
    expect(row('faster than sql.js: 指标')).toMatchObject({ figure: '1.19× slower', met: false });
    expect(row('faster than sql.js: 合规')).toMatchObject({ verdict: 'not measured', met: null });
  });

  it('judges the load, cold start, CSV, ingest and parse figures', () => {
    expect(row('first chart ≤ 1 s')).toMatchObject({ figure: '0.90 s', verdict: 'met' });
    expect(row('DuckDB ready ≤ 2 s')).toMatchObject({ figure: '3.00 s', verdict: 'missed by 50 %' });
    expect(row('下载 CSV in the page')).toMatchObject({ verdict: 'missed by 90 %', met: false });
    expect(row('CSV of 98,039 rows ≤ 1 s (in Node')).toMatchObject({ figure: '0.91 s (query 210 ms + write 700 ms)', verdict: 'met', met: true });
    expect(row('first load ≤ 8 MB', 'seeds + corpus')).toMatchObject({ verdict: 'met', met: true });
    expect(row('fresh clone ≤ 25 s', 'clone')).toMatchObject({ figure: '45.5 s (build:data 12.0, next build 38.0, server 3.0, first answer 4.5)', verdict: 'missed by 82 %' });
    expect(row('`npm run ingest` ≤ 120 s')).toMatchObject({ verdict: 'missed by 65 %', met: false });
    expect(row('peak memory < 1.5 GB')).toMatchObject({ figure: '897 MB', verdict: 'met', met: true });
    expect(row('parse ≥ 5,000', '10,000')).toMatchObject({ figure: '775/s CPU, 734/s wall', verdict: 'missed by 6.5×' });
  });

  it('counts met, missed and not measured in the markdown header', () => {
    const md = targetsMarkdown(targetRows(results), results);
    const rows = targetRows(results);
    expect(md).toContain(`${rows.filter((r) => r.met === true).length} met, ${rows.filter((r) => r.met === false).length} missed`);
    expect(md.split('\n').filter((l) => l.startsWith('| ')).length).toBe(rows.length + 1);
  });
});
