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
  PUBLICATION_DATE_UNKNOWN: 1,
  T2_VALUES: 1,
  CARRYOVER_CONTINUITY: 1,
  IN_FORCE_CONTINUITY: 1,
  NARRATIVE_MATCH: 1,
  SECTION_MISSING: 1,
  TEXT_REUSE: 1,
  AGENCY_UNRESOLVED: 1,
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
  /** The printed passage the flag rests on. */
  evidence?: string | null;
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
