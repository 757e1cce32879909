/**
 * The spec's ranking rule (../shared/spec/annual-report-format.md, "Indicators commonly derived":
 * "Ratios over fewer than 30 cases are shown but not ranked"), one constant read by the 指标 view's
 * SQL (lib/query/views.ts), its chart (lib/charts) and the wording of a rank cell
 * (lib/present/rank-text.ts).
 */

/** Fewest cases (件, the ratio's denominator) for a ratio to be ranked. */
export const MIN_CASES = 30;

/**
 * Fewest members (reports with a ranked ratio, the agency itself included) of a peer group
 * (同类同级同年: same agency_type, level and year) for its quartiles and an agency's percentile in it
 * to be shown (lib/query/indicator-peers.ts). Our choice, not the spec's: with fewer than 5 values
 * P25 and P75 are interpolated between one or two neighbours and a percentile moves in steps of
 * 25 % or more; the cell then says 同类不足5家 (lib/present/rank-text.ts). Ranks are shown in a
 * group of any size.
 */
export const MIN_PEERS = 5;
