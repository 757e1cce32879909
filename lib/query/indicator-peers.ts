/**
 * Peer groups of the 指标 view (issue 9, "Regions, peers and rankings"): every ratio of a report is
 * compared with the same ratio of its peers — the reports of the same agency type
 * (facts.agency_type: 科技局, 人民政府, 政府办公室, 公安局 …), the same level (facts.level: 省/市/县)
 * and the same report year (同类同级同年). Only ratios over at least {@link MIN_CASES} 件 count (the
 * spec's ranking rule, lib/model/rank-threshold.ts); the others are shown but neither ranked nor
 * counted among the peers.
 *
 * The statistics depend on the loaded reports, never on the filter, so they are computed once per
 * data load into the table {@link PEERS_TABLE} ({@link peersTableSql}: after the data is loaded and
 * again after it changed — uploads, 清除 —, lib/query/views.ts ViewDef.setup) and the view joins
 * the filtered reports to it on report_id (issue 15: recomputing them on every filter change made a
 * 指标 filter change 1.43 s at 100,000 reports). One row per report of `facts` with 表三 or 表四:
 * `report_id`, `peer_group` ({@link peerGroupLabelSql}) and, per indicator:
 * - `<key>_rate` (0–1) and `<key>_base` (件): the ratio and its denominator
 *   (./indicators.ts INDICATOR_RATIOS);
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
 * The peers are every loaded report: a filter narrows the rows shown, never the group an agency is
 * compared with — 临淄区科技局 has the same percentile whether or not the filter names it.
 *
 * Groups and ranks come from GROUP BY over the eligible rows and are joined back on plain
 * equalities (DuckDB hash-joins; `IS NOT DISTINCT FROM` made DuckDB-WASM take ~9 s at 100,000
 * reports, a1ccac3). A report with an unknown year, level or type matches no group: NULL never
 * equals NULL.
 */
import { MIN_CASES, MIN_PEERS } from '../model/rank-threshold';
import { FACTS_TABLE } from '../store/facts';
import { INDICATOR_RATIOS, INDICATORS, type Indicator } from '../present/indicators';

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
 * both over the eligible rows of `q` (one row per report: year, level, agency_type,
 * `<key>_rate`, `<key>_base`). Computed over distinct ratios, not with a window over every
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

/** The table of every loaded report's peer statistics (see the module comment). */
export const PEERS_TABLE = 'indicator_peers';

/** The columns of {@link PEERS_TABLE} after `report_id`, in order: `peer_group`, then {@link peerColumnKeys} of each indicator. */
export function peersTableColumns(): string[] {
  return ['peer_group', ...INDICATORS.flatMap((ind) => peerColumnKeys(ind.key))];
}

/**
 * `CREATE OR REPLACE TABLE indicator_peers AS …`: the peer statistics of every report in `facts`
 * with 表三 or 表四 (see the module comment for the columns). Run it after the data is loaded and
 * again whenever `facts` changed; until then the 指标 view shows the statistics of the data as it
 * was. Reads `facts` only.
 */
export function peersTableSql(): string {
  const rates = INDICATORS.flatMap((ind) => {
    const r = INDICATOR_RATIOS[ind.key];
    return [`CAST((${r.numerator}) / NULLIF(${r.denominator}, 0) AS DOUBLE) AS ${ind.key}_rate`, `CAST(${r.denominator} AS DOUBLE) AS ${ind.key}_base`];
  });
  return (
    `CREATE OR REPLACE TABLE ${PEERS_TABLE} AS\n` +
    `WITH q AS (SELECT f.report_id, ${GROUP.map((g) => `f.${g}`).join(', ')},\n  ${rates.join(',\n  ')}\nFROM ${FACTS_TABLE} f WHERE f.has_t3 OR f.has_t4),\n` +
    `${allPeerCtes().join(',\n')}\n` +
    `SELECT s.report_id, ${peerGroupLabelSql('s')} AS peer_group,\n  ${INDICATORS.flatMap((ind) => peerSelect(ind.key, 's')).join(',\n  ')}\n` +
    `FROM q s ${INDICATORS.map((ind) => peerJoins(ind.key, 's')).join(' ')}`
  );
}
