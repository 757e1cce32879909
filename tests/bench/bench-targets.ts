/**
 * The targets table of issue 15, printed at the end of every `npm run bench` and written to
 * .bench/targets.md (markdown, for the README): one row per target and size — target | size |
 * figure | verdict — where the verdict is `met`, `missed by N %` (under 2× off) or `missed by N×`,
 * or `not measured` when results.json holds no figure for it (a part not run, a size skipped, a
 * figure another bench does not record yet: every field is read defensively).
 *
 * Targets (issue 15, "Targets"): at 100,000 reports every view's filter change median ≤ 100 ms
 * and p95 ≤ 250 ms (the five table views and the views opened by URL: group-by 省/市, sort,
 * region, 指标 peers), at 500,000 medians ≤ 150 ms (when measured: a manual run); 10,000 is shown
 * for information against the same limits. 下载 CSV of 100,000 rows ≤ 1 s; first chart ≤ 1 s;
 * DuckDB ready ≤ 2 s; first load ≤ 8 MB (10^6 bytes) transferred; the first `npm start` ≤ 25 s;
 * DuckDB ≥ 2× faster than sql.js on each view's per-change query and ≥ 5× on the aggregations;
 * `npm run ingest` of 100,000 reports ≤ 120 s and < 1.5 GB (1,500 MB of the ingest's own
 * figure), 500,000 without running out of memory; parse ≥ 5,000 reports/s on one core (CPU time:
 * the machine is shared; wall-clock shown beside it); PDF ≥ 30 pages/s per core.
 *
 * Alone, from the last results: `BENCH_ONLY=targets npm run bench` or
 * `npx tsx tests/bench/bench-targets.ts [results.json]`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One row of the table. `met` is null when the figure is absent or the row is for information only. */
export interface TargetRow {
  target: string;
  size: string;
  figure: string;
  verdict: string;
  met: boolean | null;
}

/** A JSON value read from results.json, of a shape not trusted. */
type Json = unknown;

const obj = (x: Json): Record<string, Json> => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, Json>) : {});
const arr = (x: Json): Json[] => (Array.isArray(x) ? x : []);
const num = (x: Json): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
/** The first finite number among `keys` of `o`. */
const pick = (o: Json, ...keys: string[]): number | null => keys.map((k) => num(obj(o)[k])).find((v) => v !== null) ?? null;

const NOT_MEASURED = 'not measured';
const SIZES_SHOWN = [10_000, 100_000, 500_000];
const VIEW_LABELS: Record<string, string> = {
  proactive: '主动公开',
  applications: '依申请公开',
  review_litigation: '复议诉讼',
  indicators: '指标',
  compliance: '合规',
};
const fmtInt = (n: number) => n.toLocaleString('en-US');
/** DuckDB's speed-up over sql.js from the bench's ratio (DuckDB time ÷ sql.js time). */
const sqljsOverDuck = (ratio: number) => Math.round((1 / ratio) * 100) / 100;

/**
 * The verdict for a figure against a limit: `at most` (figure ≤ limit) or `at least` (figure ≥
 * limit). Missed by under 2× is said in percent, else as a factor (`3.4×`).
 */
export function verdictOf(value: number, limit: number, kind: 'at most' | 'at least'): { verdict: string; met: boolean } {
  const met = kind === 'at most' ? value <= limit : value >= limit;
  if (met) return { verdict: 'met', met };
  const factor = kind === 'at most' ? value / limit : value > 0 ? limit / value : Infinity;
  const by = !Number.isFinite(factor) ? '∞' : factor < 2 ? `${Math.round((factor - 1) * 100)} %` : `${factor.toFixed(1)}×`;
  return { verdict: `missed by ${by}`, met };
}

const sizeLabel = (n: number, info: boolean) => `${fmtInt(n)}${info ? ' (info)' : ''}`;
const absent = (target: string, size: string, why = NOT_MEASURED): TargetRow => ({ target, size, figure: '—', verdict: why, met: null });

/** A row for one ≤/≥ figure; absent when `value` is null. `info` rows keep their verdict but count as neither met nor missed. */
function limitRow(target: string, size: string, value: number | null, limit: number, kind: 'at most' | 'at least', figure: (v: number) => string, info = false): TargetRow {
  if (value === null) return absent(target, size);
  const v = verdictOf(value, limit, kind);
  return { target, size, figure: figure(value), verdict: v.verdict, met: info ? null : v.met };
}

/** The browser figures of `label` (else the label measured last): its sizes by report count. */
function browserSizes(results: Json, label: string): Map<number, Record<string, Json>> {
  const browser = obj(obj(results).browser);
  const chosen = browser[label] !== undefined ? browser[label] : Object.values(browser).sort((a, b) => String(obj(b).date).localeCompare(String(obj(a).date)))[0];
  return new Map(arr(obj(chosen).sizes).map((s) => [num(obj(s).reports) ?? 0, obj(s)]));
}

/** Filter-change rows of one size: every view and every URL view, median and p95 in one row. */
function filterRows(size: Record<string, Json> | undefined, n: number): TargetRow[] {
  const info = n < 100_000;
  const medianLimit = n >= 500_000 ? 150 : 100;
  const target = (name: string) => `filter change ${name}: median ≤ ${medianLimit} ms${n >= 500_000 ? '' : ', p95 ≤ 250 ms'}`;
  const why = size?.skipped ?? size?.error;
  if (!size || why !== undefined) return [absent(target('(every view)'), sizeLabel(n, info), why !== undefined ? `${NOT_MEASURED}: ${String(why).slice(0, 80)}` : n >= 500_000 ? `${NOT_MEASURED} (manual run)` : NOT_MEASURED)];
  const views = [
    ...arr(size.views).map((v) => ({ name: VIEW_LABELS[String(obj(v).view)] ?? String(obj(v).view), v: obj(v) })),
    ...arr(size.urlViews).map((v) => ({ name: String(obj(v).name), v: obj(v) })),
  ];
  if (!views.length) return [absent(target('(every view)'), sizeLabel(n, info))];
  return views.map(({ name, v }) => {
    const median = num(v.filterMedianMs);
    const p95 = num(v.filterP95Ms);
    if (median === null) return absent(target(name), sizeLabel(n, info), v.error ? `${NOT_MEASURED}: ${String(v.error).slice(0, 80)}` : NOT_MEASURED);
    const m = verdictOf(median, medianLimit, 'at most');
    const p = n >= 500_000 || p95 === null ? null : verdictOf(p95, 250, 'at most');
    const met = m.met && (p?.met ?? true);
    return {
      target: target(name),
      size: sizeLabel(n, info),
      figure: `${Math.round(median)}${p95 !== null ? ` / ${Math.round(p95)}` : ''} ms`,
      verdict: p ? (m.met && p.met ? 'met' : `median ${m.verdict}; p95 ${p.verdict}`) : m.verdict,
      met: info ? null : met,
    };
  });
}

/** DuckDB against sql.js at 100,000 reports: per view (≥ 2× faster) and per aggregation (≥ 5×). */
function duckdbRows(size: Record<string, Json> | undefined): TargetRow[] {
  const rows: TargetRow[] = [];
  const speedup = (o: Record<string, Json>): number | null => {
    // changeSpeedup: one filter change's queries (first rows + count), bench-browser.ts; else the whole view SQL.
    const up = pick(o, 'changeSpeedup', 'speedup', 'speedupDuckdbOverSqljs');
    if (up !== null) return up;
    const ratio = pick(o, 'ratioDuckdbToSqljs');
    return ratio !== null && ratio > 0 ? sqljsOverDuck(ratio) : null;
  };
  const figure = (x: number) => (x >= 1 ? `${x.toFixed(2)}× faster` : `${(1 / x).toFixed(2)}× slower`);
  const views = arr(size?.views).map(obj);
  if (!views.length) rows.push(absent('DuckDB ≥ 2× faster than sql.js, per view per-change query', '100,000'));
  for (const v of views) rows.push(limitRow(`DuckDB ≥ 2× faster than sql.js: ${VIEW_LABELS[String(v.view)] ?? String(v.view)}`, '100,000', speedup(v), 2, 'at least', figure));
  const aggs = [...arr(size?.aggregations), ...arr(size?.sqljsAggregations)].map(obj).filter((a) => speedup(a) !== null);
  if (!aggs.length) rows.push(absent('DuckDB ≥ 5× faster than sql.js on the aggregations', '100,000'));
  for (const a of aggs) rows.push(limitRow(`DuckDB ≥ 5× faster than sql.js: ${String(a.name ?? a.query ?? a.view ?? '?')}`, '100,000', speedup(a), 5, 'at least', figure));
  return rows;
}
/** The browser rows: filter changes at each size, first chart, DuckDB ready, 下载 CSV (in the page), DuckDB vs sql.js. */
function browserRows(results: Json, label: string): TargetRow[] {
  const sizes = browserSizes(results, label);
  const rows: TargetRow[] = [];
  for (const n of SIZES_SHOWN) rows.push(...filterRows(sizes.get(n), n));
  const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
  for (const n of SIZES_SHOWN.filter((n) => n !== 500_000 || sizes.has(n))) {
    const s = sizes.get(n);
    rows.push(limitRow('first chart ≤ 1 s', sizeLabel(n, n !== 100_000), pick(s, 'firstChartMs'), 1000, 'at most', ms, n !== 100_000));
    rows.push(limitRow('DuckDB ready ≤ 2 s', sizeLabel(n, n !== 100_000), pick(s, 'dbReadyMs'), 2000, 'at most', ms, n !== 100_000));
  }
  const s100 = sizes.get(100_000);
  const csvRows = pick(s100, 'csvRows');
  rows.push(limitRow(`下载 CSV in the page (依申请公开${csvRows !== null ? `, ${fmtInt(csvRows)} rows` : ''}) ≤ 1 s`, '100,000', pick(s100, 'csvExportMs'), 1000, 'at most', ms));
  rows.push(...duckdbRows(s100));
  return rows;
}

/**
 * The CSV figures of tests/bench/bench-csv.ts (helper's shape unknown in advance): an array, or an
 * object with `sizes`/`runs`, of entries with a row count (`rows`/`reports`) and a time
 * (`ms`/`exportMs`/`seconds`), optionally named (`method`/`name`/`label`/`view`).
 */
function csvRows(results: Json): TargetRow[] {
  const csv = obj(results).csv;
  if (csv === undefined) return [absent('CSV of 100,000 rows ≤ 1 s (in Node, bench-csv)', '100,000')];
  const entries = (Array.isArray(csv) ? csv : [...arr(obj(csv).sizes), ...arr(obj(csv).runs), ...arr(obj(csv).results)]).map(obj);
  const rows: TargetRow[] = [];
  for (const e of entries) {
    const n = pick(e, 'rows', 'reports');
    // bench-csv.ts: the query (queryMs) and the writing after it (totalMs: Arrow → CSV text → Blob) add up to the download.
    const query = pick(e, 'queryMs');
    const write = pick(e, 'totalMs');
    const ms = query !== null && write !== null ? query + write : (pick(e, 'ms', 'exportMs', 'csvExportMs', 'totalMs') ?? ((x) => (x === null ? null : x * 1000))(pick(e, 'seconds')));
    if (n === null || n < 100_000 * 0.9) continue; // the target is at 100,000 rows (a filtered view may have a few less)
    const name = e.method ?? e.name ?? e.label ?? e.view ?? 'in Node: query + write';
    const figure = (v: number) => `${(v / 1000).toFixed(2)} s${query !== null && write !== null ? ` (query ${Math.round(query)} ms + write ${Math.round(write)} ms)` : ''}`;
    rows.push(limitRow(`CSV of ${fmtInt(n)} rows ≤ 1 s (${String(name)})`, fmtInt(pick(e, 'reports') ?? n), ms, 1000, 'at most', figure));
  }
  return rows.length ? rows : [absent('CSV of 100,000 rows ≤ 1 s (in Node, bench-csv)', '100,000')];
}

/** First load with the embedded data (≤ 8 MB) and the cold start (≤ 25 s). */
function loadRows(results: Json): TargetRow[] {
  const r = obj(results);
  const loads = arr(obj(r.firstLoad).loads).map(obj);
  const compressed = loads.find((l) => l.acceptEncoding !== 'identity');
  const identity = loads.find((l) => l.acceptEncoding === 'identity');
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB (${(b / 2 ** 20).toFixed(2)} MiB)`;
  const rows = [limitRow('first load ≤ 8 MB transferred (embedded data)', 'seeds + corpus', pick(compressed, 'bytes'), 8e6, 'at most', mb)];
  if (identity) rows.push(limitRow('first load, Accept-Encoding: identity (for comparison)', 'seeds + corpus', pick(identity, 'bytes'), 8e6, 'at most', mb, true));
  const cold = obj(r.coldStart);
  const coldFigure = (v: number) => {
    const parts = [['build:data', cold.buildDataSeconds], ['next build', cold.nextBuildSeconds], ['server', cold.serverStartSeconds], ['first answer', cold.firstResponseSeconds]]
      .filter(([, x]) => num(x) !== null)
      .map(([k, x]) => `${k} ${num(x)!.toFixed(1)}`);
    return `${v.toFixed(1)} s${parts.length ? ` (${parts.join(', ')})` : ''}`;
  };
  const coldRow = limitRow('first `npm start` on a fresh clone ≤ 25 s', String(cold.mode ?? 'clone'), pick(cold, 'totalSeconds'), 25, 'at most', coldFigure);
  if (cold.error !== undefined) coldRow.verdict = `${NOT_MEASURED}: ${String(cold.error).slice(0, 80)}`;
  rows.push(coldRow);
  return rows;
}

/** `npm run ingest` (≤ 120 s and < 1.5 GB at 100,000; no out-of-memory at 500,000), parse and PDF throughput. */
function pipelineRows(results: Json): TargetRow[] {
  const p = obj(obj(results).pipeline);
  const ingest = arr(p.ingest).map(obj);
  const at = (n: number) => ingest.find((i) => num(i.reports) === n);
  const rows: TargetRow[] = [];
  const i10 = at(10_000);
  rows.push(
    i10
      ? { target: '`npm run ingest` (for information)', size: sizeLabel(10_000, true), figure: `${pick(i10, 'seconds')?.toFixed(1) ?? '?'} s, peak ${pick(i10, 'peakMb') ?? '?'} MB`, verdict: '—', met: null }
      : absent('`npm run ingest` (for information)', sizeLabel(10_000, true)),
  );
  const i = at(100_000);
  const workers = pick(i, 'workers');
  rows.push(limitRow('`npm run ingest` ≤ 120 s (2 workers)', '100,000', pick(i, 'seconds'), 120, 'at most', (v) => `${v.toFixed(1)} s${workers !== null ? `, ${workers} workers` : ''}`));
  rows.push(limitRow('`npm run ingest` peak memory < 1.5 GB', '100,000', pick(i, 'peakMb'), 1500, 'at most', (v) => `${fmtInt(v)} MB`));
  const big = at(500_000);
  rows.push(big ? { target: '`npm run ingest` 500,000 without running out of memory', size: '500,000', figure: `${pick(big, 'seconds')?.toFixed(0) ?? '?'} s, peak ${pick(big, 'peakMb') ?? '?'} MB`, verdict: 'met', met: true } : absent('`npm run ingest` 500,000 without running out of memory', '500,000', `${NOT_MEASURED} (manual run)`));
  const pre = obj(obj(p.parse).precompiled);
  const cpu = pick(pre, 'perCpuSecond');
  rows.push(
    limitRow('parse ≥ 5,000 reports/s, one core (CPU time)', fmtInt(pick(pre, 'reports') ?? 0), cpu, 5000, 'at least', (v) => `${fmtInt(v)}/s CPU${pick(pre, 'perSecond') !== null ? `, ${fmtInt(pick(pre, 'perSecond')!)}/s wall` : ''}`),
  );
  const pdf = pdfPagesPerSecond(p);
  rows.push(limitRow('PDF ≥ 30 pages/s per core', 'real PDFs', pdf, 30, 'at least', (v) => `${v.toFixed(1)} pages/s`));
  return rows;
}

/** PDF pages a second from wherever bench-parse records it (names read defensively); null when absent. */
function pdfPagesPerSecond(pipeline: Record<string, Json>): number | null {
  const parse = obj(pipeline.parse);
  const candidates = [pipeline.pdf, parse.pdf, parse.pdfPages, obj(parse.precompiled).pdf, parse.precompiled, pipeline];
  for (const c of candidates) {
    const v = pick(c, 'pdfPagesPerSecond', 'pagesPerSecond', 'pagesPerSecondOneCore', 'pagesPerCpuSecond');
    if (v !== null) return v;
  }
  return null;
}

/**
 * Every row of issue 15's targets table from a results object (.bench/results.json's shape:
 * firstLoad, pipeline, browser[label].sizes[], coldStart, csv); `label` picks the browser figures
 * (else the label measured last). Pure: reads nothing else.
 */
export function targetRows(results: unknown, label = 'current'): TargetRow[] {
  return [...browserRows(results, label), ...csvRows(results), ...loadRows(results), ...pipelineRows(results)];
}

/** The table as markdown (header line with the results' date, the browser label's date and the machine). */
export function targetsMarkdown(rows: readonly TargetRow[], results: unknown, label = 'current'): string {
  const r = obj(results);
  const b = obj(obj(r.browser)[label]);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const met = rows.filter((x) => x.met === true).length;
  const missed = rows.filter((x) => x.met === false).length;
  return [
    `Targets of issue 15 (\`npm run bench\` of ${String(r.date ?? '?')}${b.date !== undefined ? `; browser figures \`${label}\` of ${String(b.date)}` : ''}; ${String(r.machine ?? '?')}): ` +
      `${met} met, ${missed} missed, ${rows.filter((x) => x.met === null && x.verdict.startsWith(NOT_MEASURED)).length} not measured.`,
    '',
    '| target | size | figure | verdict |',
    '|---|---|---|---|',
    ...rows.map((x) => `| ${esc(x.target)} | ${esc(x.size)} | ${esc(x.figure)} | ${esc(x.verdict)} |`),
    '',
  ].join('\n');
}

/** Display width of a string in a terminal (CJK and full-width characters count 2). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** The table as aligned text lines for the console. */
export function targetsText(rows: readonly TargetRow[]): string {
  const cols: Array<keyof TargetRow> = ['target', 'size', 'figure', 'verdict'];
  const w = cols.map((c) => Math.max(width(c), ...rows.map((r) => width(String(r[c])))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, w[i])).join(' | ').trimEnd();
  return [line(cols), w.map((n) => '-'.repeat(n)).join('-|-'), ...rows.map((r) => line(cols.map((c) => String(r[c]))))].join('\n');
}

/** Prints the table of `results` and writes it as markdown to `mdFile`. */
export function printTargets(results: unknown, mdFile: string, label = process.env.BENCH_LABEL ?? 'current'): TargetRow[] {
  const rows = targetRows(results, label);
  console.log(`\nbench: targets of issue 15\n${targetsText(rows)}`);
  writeFileSync(mdFile, targetsMarkdown(rows, results, label));
  console.log(`bench: targets table written to ${mdFile}`);
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const file = path.resolve(process.argv[2] ?? path.join(root, '.bench', 'results.json'));
  if (!existsSync(file)) {
    console.error(`bench-targets: ${file} does not exist; run \`npm run bench\` first.`);
    process.exitCode = 1;
  } else printTargets(JSON.parse(readFileSync(file, 'utf8')), path.join(path.dirname(file), 'targets.md'));
}
