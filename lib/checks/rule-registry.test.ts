/**
 * The registry is the one place a rule is wired: every Rule exported by a `check-*.ts` file of
 * this folder (read with node:fs, each file imported) must be in RULES, ids are unique and of the
 * schema's shape, and every registered rule has its label and catalogue entry.
 * The flags the real reports of data/seeds get carry their rule's registered version and severity
 * (the parser's rules included).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleId } from '../model/report-schema';
import { ruleLabel } from '../present/labels';
import { RULE_CATALOGUE } from '../present/rule-catalogue';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { isRule, type Rule } from './rule';
import { CROSS_YEAR_RULES, registeredRule, RULES, SINGLE_REPORT_RULES } from './rule-registry';
import { deadlineRule } from './check-deadline';

const CHECK_FILES = readdirSync(__dirname)
  .filter((f) => /^check-.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
  .sort();

/** The Rules a module exports, by export name. */
function exportedRules(module: Record<string, unknown>): Array<[string, Rule]> {
  return Object.entries(module).filter((e): e is [string, Rule] => isRule(e[1]));
}

/** `file:export` of every exported Rule that RULES does not hold (by identity). */
function unregistered(modules: Array<[string, Record<string, unknown>]>): string[] {
  return modules.flatMap(([file, m]) => exportedRules(m).filter(([, r]) => !RULES.includes(r)).map(([name]) => `${file}:${name}`));
}

const modules: Array<[string, Record<string, unknown>]> = await Promise.all(
  CHECK_FILES.map(async (f) => [f, (await import(`./${f}`)) as Record<string, unknown>] as [string, Record<string, unknown>]),
);

describe('rule registry', () => {
  it('finds the check files of this folder', () => {
    expect(CHECK_FILES).toContain('check-deadline.ts');
    expect(CHECK_FILES.length).toBe(13);
  });
  it('each check-*.ts exports exactly one Rule, and every exported Rule is registered', () => {
    for (const [file, m] of modules) expect(exportedRules(m).map(([name]) => name), file).toHaveLength(1);
    expect(unregistered(modules)).toEqual([]);
  });
  it('would name a rule left out of RULES (a copy of DEADLINE exported by a new file)', () => {
    const stray = { ...deadlineRule };
    expect(unregistered([['check-new-rule.ts', { newRule: stray, helper: () => 1 }]])).toEqual(['check-new-rule.ts:newRule']);
  });
  it('has unique ids, each a valid rule id of the schema', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(RuleId.safeParse(id).success, id).toBe(true);
    expect(RuleId.safeParse('t3 balance').success).toBe(false);
  });
  it('splits the runnable rules by scope and keeps the parser\'s rules out of both', () => {
    expect(SINGLE_REPORT_RULES.map((r) => r.id)).toEqual([
      'SECTION_MISSING',
      'CELL_BLANK',
      'T2_VALUES',
      'T3_BALANCE',
      'T3_OUTCOME_SUM',
      'T3_ROW_TOTAL',
      'T4_TOTAL',
      'NARRATIVE_MATCH',
      'DEADLINE',
      'PUBLICATION_DATE_UNKNOWN',
    ]);
    expect(CROSS_YEAR_RULES.map((r) => r.id)).toEqual(['CARRYOVER_CONTINUITY', 'IN_FORCE_CONTINUITY', 'TEXT_REUSE']);
    expect(RULES.filter((r) => r.scope === 'parser').map((r) => r.id)).toEqual(['TABLE_MISSING', 'CELL_MISSING', 'CELL_INFERRED', 'CELL_AMBIGUOUS', 'VALUE_IMPLAUSIBLE', 'AGENCY_UNRESOLVED', 'TEXT_BYTES_REPLACED', 'OCR_READ', 'OCR_UNCERTAIN']);
  });
  it('gives every registered rule a label, a catalogue entry, a source and a formula', () => {
    for (const r of RULES) {
      expect(ruleLabel(r.id), r.id).toBe(r.name);
      expect(ruleLabel(r.id), r.id).not.toBe(r.id);
      expect(RULE_CATALOGUE[r.id], r.id).toEqual({ id: r.id, name: r.name, source: r.source, formula: r.formula, version: r.version });
      expect(r.source.length, r.id).toBeGreaterThan(4);
      expect(r.formula.length, r.id).toBeGreaterThan(4);
    }
    expect(registeredRule('NO_SUCH_RULE')).toBeUndefined();
  });
  it('stamps the flags of the seeds with their rule\'s registered version and severity', async () => {
    const flags = (await Promise.all(Object.values(SEEDS).map((name) => seedRecord(name)))).flatMap((r) => r.flags);
    // The seeds raise parser rules (e.g. CELL_INFERRED on 运城 2022) and checks (PUBLICATION_DATE_UNKNOWN).
    expect(new Set(flags.map((f) => f.rule)).size).toBeGreaterThan(1);
    for (const f of flags) {
      const rule = registeredRule(f.rule);
      expect(rule, f.rule).toBeDefined();
      expect([f.rule_version, f.severity], f.rule).toEqual([rule!.version, rule!.severity]);
    }
  });
});
