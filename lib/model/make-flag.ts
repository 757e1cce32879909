/**
 * Builds flags. A flag is data (rule id, version, severity, subject cells, expected, actual,
 * difference, message), validated by the Flag schema.
 */
import { Flag, type RuleId, type Severity } from './report-schema';

/** Version of each rule's logic; bump when a rule's meaning changes, so old decisions can be told apart. */
export const RULE_VERSIONS: Record<RuleId, number> = {
  T3_BALANCE: 1,
  T3_OUTCOME_SUM: 1,
  T3_ROW_TOTAL: 1,
  T4_TOTAL: 1,
  TABLE_MISSING: 1,
  CELL_MISSING: 1,
  CELL_INFERRED: 1,
  DEADLINE: 1,
};

/** Fields a rule supplies; `rule_version` and `difference` are filled in. */
export interface FlagInput {
  report_id: string;
  rule: RuleId;
  severity: Severity;
  subject: string[];
  expected?: number | string | null;
  actual?: number | string | null;
  /** Defaults to actual − expected when both are numbers. */
  difference?: number | null;
  message: string;
}

/**
 * Makes a schema-valid flag. Throws a ZodError only on a programming error (e.g. an empty
 * message), never because of report content.
 */
export function makeFlag(input: FlagInput): Flag {
  const expected = input.expected ?? null;
  const actual = input.actual ?? null;
  const difference =
    input.difference !== undefined
      ? input.difference
      : typeof expected === 'number' && typeof actual === 'number'
        ? Math.round((actual - expected) * 100) / 100
        : null;
  return Flag.parse({
    report_id: input.report_id,
    rule: input.rule,
    rule_version: RULE_VERSIONS[input.rule],
    severity: input.severity,
    subject: input.subject,
    expected,
    actual,
    difference,
    message: input.message,
  });
}
