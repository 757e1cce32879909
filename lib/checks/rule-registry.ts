/**
 * The registry: every rule, in one list. A rule in lib/checks is run only when it is listed here
 * (rule-registry.test.ts fails for a `check-*.ts` that exports a Rule not listed); the rules the
 * parser raises are listed for their metadata (lib/model/rule-metadata.ts). The UI reads names,
 * sources and formulas from here (lib/present/labels.ts RULE_LABELS, rule-catalogue.ts).
 *
 * The order is the order flags come out in: the single-report rules per report (after the
 * parser's), then the cross-year rules per agency pair.
 */
import { PARSER_RAISED_RULES } from '../model/rule-metadata';
import { carryoverContinuityRule } from './check-carryover-continuity';
import { cellBlankRule } from './check-cell-blank';
import { deadlineRule } from './check-deadline';
import { inForceContinuityRule } from './check-in-force-continuity';
import { narrativeMatchRule } from './check-narrative-match';
import { publicationDateUnknownRule } from './check-publication-date-unknown';
import { sectionMissingRule } from './check-section-missing';
import { t2ValuesRule } from './check-t2-values';
import { t3BalanceRule } from './check-t3-balance';
import { t3OutcomeSumRule } from './check-t3-outcome-sum';
import { t3RowTotalRule } from './check-t3-row-total';
import { t4TotalRule } from './check-t4-total';
import { textReuseRule } from './check-text-reuse';
import type { CrossYearRule, RegisteredRule, SingleReportRule } from './rule';

/** Every rule: those lib/checks runs, then those the parser raises. Ids are unique. */
export const RULES: readonly RegisteredRule[] = [
  sectionMissingRule,
  cellBlankRule,
  t2ValuesRule,
  t3BalanceRule,
  t3OutcomeSumRule,
  t3RowTotalRule,
  t4TotalRule,
  narrativeMatchRule,
  deadlineRule,
  publicationDateUnknownRule,
  carryoverContinuityRule,
  inForceContinuityRule,
  textReuseRule,
  ...PARSER_RAISED_RULES,
];

/** The registered rules run on each report, in registry order. */
export const SINGLE_REPORT_RULES: readonly SingleReportRule[] = RULES.filter((r): r is SingleReportRule => r.scope === 'single');

/** The registered rules run on each pair of an agency's consecutive years, in registry order. */
export const CROSS_YEAR_RULES: readonly CrossYearRule[] = RULES.filter((r): r is CrossYearRule => r.scope === 'cross-year');

const BY_ID = new Map<string, RegisteredRule>(RULES.map((r) => [r.id, r]));

/** The registered rule with id `id` (a string read from data), or undefined when there is none. */
export function registeredRule(id: string): RegisteredRule | undefined {
  return BY_ID.get(id);
}
