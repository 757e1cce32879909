/**
 * The numerator and denominator (件) behind every rate column of a view, for 下载 CSV: a rate is
 * written as shown (percent, one decimal) with its two parts beside it, so nothing is lost
 * (issue 10 "CSV"). The parts come from the same query as the view's rows — the view's own
 * {@link ViewQuery} (its FROM, WHERE and ORDER BY unchanged, so exactly the same rows in the same
 * order) with two select items more per rate: over the per-report facts (`f`, lib/query/views.ts)
 * the ratio's expressions ({@link Ratio}, lib/query/indicators.ts INDICATOR_RATIOS); in a grouped
 * view (lib/query/group-totals.ts) the summed parts over the reports that gave both, as the
 * group's rate is computed (its `g` CTE's `n_<key>` / `d_<key>`), joined on the group and year.
 */
import { INDICATOR_RATIOS, type Ratio, type ViewColumn, type ViewDef, type ViewQuery } from '../query/views';

/** Suffix of the select item holding a rate's numerator in the CSV query (`disclosure_rate__numerator`). */
export const NUMERATOR_SUFFIX = '__numerator';
/** Suffix of the select item holding a rate's denominator in the CSV query. */
export const DENOMINATOR_SUFFIX = '__denominator';

/**
 * The ratio of a rate column: its own `ratio`, or for the 指标 view's `<indicator>_rate` the
 * indicator's parts (the same reading as lib/query/group-totals.ts). Null for a column that is not
 * a computed ratio (a peer quartile of 指标, any non-rate column).
 */
export function ratioOfColumn(c: ViewColumn): Ratio | null {
  if (c.format !== 'rate') return null;
  if (c.ratio) return c.ratio;
  if (!c.key.endsWith('_rate')) return null;
  return (INDICATOR_RATIOS as Record<string, Ratio | undefined>)[c.key.slice(0, -'_rate'.length)] ?? null;
}

/** Whether `def` is a grouped view (its measures carry a `missing` companion, lib/query/group-totals.ts). */
function isGrouped(def: ViewDef): boolean {
  return def.columns.some((c) => c.key === 'group_key') && def.columns.some((c) => c.missing !== undefined);
}

/**
 * The view's query with each rate's numerator and denominator as extra select items (DOUBLE, 件;
 * NULL when a part is missing), named `<key>__numerator` / `<key>__denominator`. The rows are
 * those of `query` (same FROM/WHERE/ORDER BY, a grouped view joined one-to-one on its group and
 * year). A view without rates gets `query` back unchanged. Pure.
 */
export function withRateParts(def: ViewDef, query: ViewQuery): ViewQuery {
  const rates = def.columns.filter((c) => ratioOfColumn(c));
  if (rates.length === 0) return query;
  if (!isGrouped(def)) {
    const items = rates.flatMap((c) => {
      const r = ratioOfColumn(c)!;
      return [`CAST(${r.numerator} AS DOUBLE) AS ${c.key}${NUMERATOR_SUFFIX}`, `CAST(${r.denominator} AS DOUBLE) AS ${c.key}${DENOMINATOR_SUFFIX}`];
    });
    return { ...query, select: [...query.select, ...items] };
  }
  const both = (k: string) => `n_${k} IS NOT NULL AND d_${k} IS NOT NULL`;
  const sums = rates.flatMap((c) => [
    `CAST(sum(n_${c.key}) FILTER (WHERE ${both(c.key)}) AS DOUBLE) AS ${c.key}${NUMERATOR_SUFFIX}`,
    `CAST(sum(d_${c.key}) FILTER (WHERE ${both(c.key)}) AS DOUBLE) AS ${c.key}${DENOMINATOR_SUFFIX}`,
  ]);
  const parts = `csv_parts AS (SELECT group_key AS csv_group_key, year AS csv_year, ${sums.join(', ')} FROM g GROUP BY group_key, year)`;
  return {
    ...query,
    with: [...(query.with ?? []), parts],
    select: [...query.select, ...rates.flatMap((c) => [`${c.key}${NUMERATOR_SUFFIX}`, `${c.key}${DENOMINATOR_SUFFIX}`])],
    from: `${query.from} LEFT JOIN csv_parts ON csv_group_key = group_key AND csv_year IS NOT DISTINCT FROM year`,
  };
}
