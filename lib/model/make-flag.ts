/**
 * Builds flags. A flag is data (rule id, version, severity, subject cells, expected, actual,
 * difference, message), validated by the Flag schema.
 */
import { Flag, type RuleId, type Severity } from './report-schema';
import { PARSER_RAISED_RULES, type ParserRaisedRule, type ParserRaisedRuleId } from './rule-metadata';

const PARSER_RULE_BY_ID = new Map<string, ParserRaisedRule>(PARSER_RAISED_RULES.map((r) => [r.id, r]));

/**
 * Fields a rule supplies; `difference` is filled in when absent. `rule_version` is the rule's
 * (lib/checks/rule.ts `ruleFlag` passes its Rule's version); the parser's rules
 * (TABLE_MISSING, CELL_MISSING, CELL_INFERRED, AGENCY_UNRESOLVED) may leave it out and get the
 * version of their entry in ./rule-metadata.ts.
 */
export type FlagInput = FlagFields & ({ rule: ParserRaisedRuleId; rule_version?: number } | { rule: RuleId; rule_version: number });

/** The fields of {@link FlagInput} besides the rule and its version. */
export interface FlagFields {
  report_id: string;
  severity: Severity;
  subject: string[];
  expected?: number | string | null;
  actual?: number | string | null;
  /** Defaults to actual − expected when both are numbers. */
  difference?: number | null;
  message: string;
  /** The printed passage the flag rests on. */
  evidence?: string | null;
}

/**
 * Makes a schema-valid flag. Throws a ZodError only on a programming error (e.g. an empty
 * message, or no version for a rule that is not the parser's), never because of report content.
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
    rule_version: input.rule_version ?? PARSER_RULE_BY_ID.get(input.rule)?.version,
    severity: input.severity,
    subject: input.subject,
    expected,
    actual,
    difference,
    message: input.message,
    evidence: input.evidence ?? null,
  });
}

/**
 * A stable fingerprint of a flag — the same report (by content hash), rule, rule version and
 * subject give the same fingerprint across rebuilds — so that review decisions survive a rebuild
 * of the data. 16 hex digits (two FNV-1a 32-bit hashes).
 */
export function flagFingerprint(flag: Pick<Flag, 'report_id' | 'rule' | 'rule_version' | 'subject'>): string {
  const key = `${flag.report_id}|${flag.rule}|${flag.rule_version}|${[...flag.subject].sort().join(',')}`;
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x01000193);
}
