/**
 * Peer groups of the 指标 view (issue 9, "Regions, peers and rankings"): every ratio of a report is
 * compared with the same ratio of its peers — the reports of the same agency type
 * (facts.agency_type: 科技局, 人民政府, 政府办公室, 公安局 …), the same level (facts.level: 省/市/县)
 * and the same report year (同类同级同年). Only ratios over at least {@link MIN_CASES} 件 count (the
 * spec's ranking rule, lib/model/rank-threshold.ts); the others are shown but neither ranked nor
 * counted among the peers.
 *
 * Per indicator and report, as SQL over the CTE `q` (one row per report with `year`, `level`,
 * `agency_type`, `<key>_rate` (0–1) and `<key>_base` (件), and `in_filter`):
 * - `<key>_peers` (INTEGER): how many peers have a ranked ratio (the report itself included), 0 when
 *   none; NULL when the report has no peer group (its year, level or type is unknown);
 * - `<key>_p25`, `<key>_p50`, `<key>_p75` (0–1): the group's quartiles (DuckDB quantile_cont, linear
 *   interpolation), NULL when the group has fewer than {@link MIN_PEERS} members;
 * - `<key>_pct` (0–1): the report's percentile in its group, percent_rank = (peers with a lower
 *   ratio) ÷ (peers − 1); NULL when the report is not ranked or the group has fewer than
 *   {@link MIN_PEERS} members;
 * - `<key>_rank` (INTEGER): rank within the group, 1 = highest ratio, ties share a rank and the next
 *   rank skips (SQL rank()); NULL when not ranked (ratio missing, under 30 cases, or no group).
 *
 * The peers are every loaded report (`q` holds all of them, `in_filter` says which the filter
 * keeps): a filter narrows the rows shown, never the group an agency is compared with — 临淄区科技局
 * has the same percentile whether or not the filter names it.
 *
 * Groups and ranks come from GROUP BY over the eligible rows and are joined back on plain
 * equalities (DuckDB hash-joins; `IS NOT DISTINCT FROM` made DuckDB-WASM take ~9 s at 100,000
 * reports, a1ccac3). A report with an unknown year, level or type matches no group: NULL never
 * equals NULL.
 */
import { MIN_CASES, MIN_PEERS } from '../model/rank-threshold';
import { INDICATORS, type Indicator } from './indicators';

/** The peer group columns, in the order they are joined on. */
const GROUP = ['year', 'level', 'agency_type'] as const;

/** Whether the row of `alias` can be ranked for indicator `key`: ratio present, ≥ MIN_CASES 件, group known. */
function eligible(key: string, alias: string): string {
  return (
    `${alias}.${key}_rate IS NOT NULL AND ${alias}.${key}_base >= ${MIN_CASES} AND ` +
    GROUP.map((g) => `${alias}.${g} IS NOT NULL`).join(' AND ')
  );
}

/**
 * CTEs `g_<key>` (one row per peer group: year, level, agency_type, n, p25, p50, p75) and `k_<key>`
 * (one row per group and distinct ratio: rk = rank from the top, below = peers with a lower ratio),
 * both over the eligible rows of `q`. Computed over distinct ratios, not with a window over every
 * row (which sorted the whole wide row once per indicator: 0.5 s at 100,000 reports).
 */
export function peerCtes(key: Indicator['key']): string[] {
  const g = GROUP.join(', ');
  const rate = `${key}_rate`;
  return [
    `g_${key} AS (SELECT ${g}, CAST(count(*) AS INTEGER) AS n, ` +
      `quantile_cont(${rate}, 0.25) AS p25, quantile_cont(${rate}, 0.5) AS p50, quantile_cont(${rate}, 0.75) AS p75 ` +
      `FROM q WHERE ${eligible(key, 'q')} GROUP BY ${g})`,
    `k_${key} AS (SELECT ${g}, rate, ` +
      `CAST(sum(n) OVER (PARTITION BY ${g} ORDER BY rate DESC) - n + 1 AS INTEGER) AS rk, ` +
      `CAST(sum(n) OVER (PARTITION BY ${g} ORDER BY rate ASC) - n AS INTEGER) AS below ` +
      `FROM (SELECT ${g}, ${rate} AS rate, count(*) AS n FROM q WHERE ${eligible(key, 'q')} GROUP BY ${g}, ${rate}))`,
  ];
}

/** The joins of {@link peerCtes}' `g_<key>` and `k_<key>` to the rows `s` (plain equalities, see the module comment). */
export function peerJoins(key: Indicator['key'], alias = 's'): string {
  const on = (t: string) => GROUP.map((g) => `${t}.${g} = ${alias}.${g}`).join(' AND ');
  return `LEFT JOIN g_${key} ON ${on(`g_${key}`)} LEFT JOIN k_${key} ON ${on(`k_${key}`)} AND k_${key}.rate = ${alias}.${key}_rate`;
}

/**
 * The output expressions of one indicator, in column order: rate, base, rank, pct, p25, p50, p75,
 * peers (see the module comment for each). `alias` is the row's table alias.
 */
export function peerSelect(key: Indicator['key'], alias = 's'): string[] {
  const g = `g_${key}`;
  const k = `k_${key}`;
  const known = GROUP.map((c) => `${alias}.${c} IS NOT NULL`).join(' AND ');
  const enough = `${g}.n >= ${MIN_PEERS}`;
  const ranked = eligible(key, alias);
  return [
    `${alias}.${key}_rate`,
    `${alias}.${key}_base`,
    `CASE WHEN ${ranked} THEN ${k}.rk END AS ${key}_rank`,
    `CASE WHEN ${ranked} AND ${enough} THEN CAST(${k}.below AS DOUBLE) / (${g}.n - 1) END AS ${key}_pct`,
    ...(['p25', 'p50', 'p75'] as const).map((p) => `CASE WHEN ${enough} THEN CAST(${g}.${p} AS DOUBLE) END AS ${key}_${p}`),
    `CASE WHEN ${known} THEN coalesce(${g}.n, 0) END AS ${key}_peers`,
  ];
}

/** The output column keys of one indicator, in {@link peerSelect}'s order. */
export function peerColumnKeys(key: Indicator['key']): string[] {
  return ['rate', 'base', 'rank', 'pct', 'p25', 'p50', 'p75', 'peers'].map((s) => `${key}_${s}`);
}

/**
 * The peer group of a row in words, as SQL: `县级科技局·2022年`; `未识别层级或类型` when the year,
 * level or type is unknown (no group).
 */
export function peerGroupLabelSql(alias = 's'): string {
  return (
    `CASE WHEN ${GROUP.map((c) => `${alias}.${c} IS NOT NULL`).join(' AND ')} ` +
    `THEN ${alias}.level || '级' || ${alias}.agency_type || '·' || CAST(${alias}.year AS VARCHAR) || '年' ELSE '未识别层级或类型' END`
  );
}

/** Every indicator's {@link peerCtes}, in {@link INDICATORS} order. */
export function allPeerCtes(): string[] {
  return INDICATORS.flatMap((ind) => peerCtes(ind.key));
}
