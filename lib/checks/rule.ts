/**
 * The shape of a rule. Each check file (`check-*.ts`) exports exactly one {@link Rule}: its
 * metadata (id, version, severity, Chinese name, legal source, formula — lib/model/rule-metadata.ts
 * RuleMetadata) next to the code that evaluates it, so the metadata has one place. Registering it
 * is one line in ./rule-registry.ts `RULES`; run-checks.ts runs what is registered, and the UI
 * (lib/present/labels.ts, rule-catalogue.ts) reads names, sources and formulas from there.
 */
import { makeFlag, type FlagFields } from '../model/make-flag';
import type { Flag, ReportRecord } from '../model/report-schema';
import type { ParserRaisedRule, RuleMetadata } from '../model/rule-metadata';
import type { CrossYearInput } from './cross-year-input';

/**
 * A rule evaluated on one report at a time: `run(record)` returns its flags for that parsed record
 * (none where it holds or cannot be evaluated). Never throws on report content.
 */
export interface SingleReportRule extends RuleMetadata {
  scope: 'single';
  run(record: ReportRecord): Flag[];
}

/**
 * A rule comparing an agency's consecutive years: `run(current, previous)` returns the flags of
 * the year-Y report against the same agency's Y−1 report (none when the years are not consecutive
 * or a needed cell is missing). Never throws on report content.
 */
export interface CrossYearRule extends RuleMetadata {
  scope: 'cross-year';
  run(current: CrossYearInput, previous: CrossYearInput): Flag[];
}

/** A rule that lib/checks runs: per report (`single`) or per pair of an agency's years (`cross-year`). */
export type Rule = SingleReportRule | CrossYearRule;

/** An entry of the registry: a rule the checks run, or one the parser raises (metadata only). */
export type RegisteredRule = Rule | ParserRaisedRule;

/**
 * Whether `value` is a {@link Rule}: an object with a rule id, a `single` or `cross-year` scope
 * and a `run` function. Used by the test that finds unregistered rules in this folder.
 */
export function isRule(value: unknown): value is Rule {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Rule>;
  return typeof v.id === 'string' && (v.scope === 'single' || v.scope === 'cross-year') && typeof v.run === 'function';
}

/**
 * A schema-valid flag of `rule`: its id, version and severity are the rule's, the rest is given.
 * Throws a ZodError only on a programming error (an empty message), never on report content.
 */
export function ruleFlag(rule: RuleMetadata, fields: Omit<FlagFields, 'severity'>): Flag {
  return makeFlag({ ...fields, rule: rule.id, rule_version: rule.version, severity: rule.severity });
}
