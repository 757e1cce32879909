/**
 * Scores the checks against a synthetic corpus's truth: for each rule, precision and recall
 * over reports (a report counts as flagged when it has at least one flag of the rule).
 */
import type { RuleId } from '../model/report-schema';

/** One rule's score. precision/recall are null when undefined (no predictions / no truth). */
export interface RuleScore {
  rule: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
}

/**
 * @param truth report file → the rules its injected defect must raise
 * @param flagged report file → the rules its flags raised
 * @param rules the rules to score (those with injected defects, and those that must stay silent)
 */
export function scoreChecks(
  truth: ReadonlyMap<string, readonly string[]>,
  flagged: ReadonlyMap<string, ReadonlySet<string>>,
  rules: readonly (RuleId | string)[],
): RuleScore[] {
  return rules.map((rule) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [file, expected] of truth) {
      const want = expected.includes(rule);
      const got = flagged.get(file)?.has(rule) ?? false;
      if (want && got) tp++;
      else if (got) fp++;
      else if (want) fn++;
    }
    return {
      rule,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp ? tp / (tp + fp) : null,
      recall: tp + fn ? tp / (tp + fn) : null,
    };
  });
}
