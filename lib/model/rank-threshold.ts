/**
 * The spec's ranking rule (../shared/spec/annual-report-format.md, "Indicators commonly derived":
 * "Ratios over fewer than 30 cases are shown but not ranked"), one constant read by the 指标 view's
 * SQL (lib/query/views.ts), its chart (lib/charts) and the wording of a rank cell
 * (lib/present/rank-text.ts).
 */

/** Fewest cases (件, the ratio's denominator) for a ratio to be ranked. */
export const MIN_CASES = 30;
