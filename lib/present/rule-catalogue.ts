/**
 * The catalogue of check rules for the report page and the review queue: for every rule id of
 * registered rule (lib/checks/rule-registry.ts) its Chinese name, the legal or formal source it rests on,
 * what it checks written as a formula or a plain requirement, and its version — all read from the
 * rule registry (lib/checks/rule-registry.ts RULES: each rule's own file, the parser's rules in
 * lib/model/rule-metadata.ts), which cite the spec (../shared/spec/annual-report-format.md, "Legal
 * basis" and "Identities"): 《中华人民共和国政府信息公开条例》(国令第711号) 第四十九条 and 第五十条,
 * and the table format of 国办公开办函〔2021〕30号. Framework-free: no React, no Next.
 */
import { RULES } from '../checks/rule-registry';
import type { RuleId } from '../model/report-schema';
import { SEVERITY_LABELS } from './labels';
import { zhT, type Translate } from './i18n/translate';

/** One rule as the UI explains it. */
export interface RuleInfo {
  /** The rule id, e.g. `T3_BALANCE`. */
  id: RuleId;
  /** Chinese name, e.g. `表三勾稽关系：新收+结转=办理总计+结转下年`. */
  name: string;
  /** Where the rule comes from, e.g. `《政府信息公开条例》第四十九条`. */
  source: string;
  /** What must hold, as a formula (件, 万元, dates) or a requirement in plain Chinese. */
  formula: string;
  /** Version of the rule's logic (the rule's `version` in the registry). */
  version: number;
}

/**
 * The catalogue: rule id → {@link RuleInfo}, in registry order. Every registered rule has an
 * entry (its file supplies name, source and formula), so a new rule cannot reach the UI
 * unexplained.
 */
export const RULE_CATALOGUE: Record<RuleId, RuleInfo> = Object.fromEntries(
  RULES.map((rule) => [rule.id, { id: rule.id, name: rule.name, source: rule.source, formula: rule.formula, version: rule.version }]),
);

/**
 * The catalogue entry of a rule id read from data (a string), or a placeholder entry that says the
 * rule is unknown to this version of the dashboard (never throws): name = the id,
 * source `（本版本看板未收录此规则）`.
 */
export function ruleInfo(rule: string): RuleInfo | (Omit<RuleInfo, 'id'> & { id: string }) {
  const known = (RULE_CATALOGUE as Record<string, RuleInfo | undefined>)[rule];
  if (known) return known;
  return { id: rule, name: rule, source: '（本版本看板未收录此规则，请更新看板）', formula: '—', version: 0 };
}

/**
 * {@link ruleInfo} in the UI's language: name, source and formula through `t` (their English is
 * lib/present/i18n/en/rules.ts; Chinese with the default {@link zhT}, unchanged). Never throws.
 */
export function ruleInfoText(rule: string, t: Translate = zhT): ReturnType<typeof ruleInfo> {
  const info = ruleInfo(rule);
  return { ...info, name: t(info.name), source: t(info.source), formula: t(info.formula) };
}

/** Severity keys in order of seriousness: error, warning, info. */
export const SEVERITY_ORDER: readonly string[] = ['error', 'warning', 'info'];

/** Re-exported for callers that show a severity next to a rule. */
export { SEVERITY_LABELS };

/**
 * How a flag's expected / actual / difference read, by rule:
 * - DEADLINE: expected and actual are dates (YYYY-MM-DD), the difference is in 天 (days late);
 * - TEXT_REUSE: expected (the threshold) and actual are shares 0–1, shown as percentages;
 * - CELL_MISSING: counts of printed numbers, in 个;
 * - T2_VALUES on 行政事业性收费 (`t2.fees.amount`): 万元;
 * - every other rule: 件.
 * NULL or empty prints as `—`. Never throws; a value that is not a number prints as written.
 * Units through `t` with `count` (`{{n}} 件` → `1 case` / `2 cases`; `{{n}} 个` with context `numbers`).
 */
export function flagValueText(rule: string, subject: string | null, which: 'expected' | 'actual' | 'difference', value: string | number | null, t: Translate = zhT): string {
  if (value === null || value === '') return '—';
  const n = typeof value === 'number' ? value : Number(value);
  if (rule === 'DEADLINE') return which === 'difference' && Number.isFinite(n) ? t('{{n}} 天', { n, count: n }) : String(value);
  if (!Number.isFinite(n)) return String(value);
  if (rule === 'TEXT_REUSE') return `${(n * 100).toFixed(1)}%`;
  const unit = rule === 'CELL_MISSING' ? '{{n}} 个' : rule === 'T2_VALUES' && (subject ?? '').includes('.amount') ? '{{n}} 万元' : '{{n}} 件';
  // `count` picks the English plural (1 case / 2 cases); 个 has its own context (numbers read), since `{{n}} 个` alone is another area's bare number.
  return t(unit, { n: n.toLocaleString('en-US', { maximumFractionDigits: 4 }), count: n, ...(unit === '{{n}} 个' ? { context: 'numbers' } : {}) });
}

/**
 * The names of a flag's three values for its rule: by default 应为 / 实为 / 差值 (差值 = 实为 − 应为);
 * CELL_INFERRED 推算值 (the value recovered, 件); CELL_MISSING 应有个数 / 读到个数; DEADLINE
 * 截止日期 / 发布日期 / 逾期; TEXT_REUSE 阈值 / 重复比例. Names through `t` (English: Expected / Printed / Difference …).
 */
export function flagValueLabels(rule: string, t: Translate = zhT): { expected: string; actual: string; difference: string } {
  const z = flagValueLabelsZh(rule);
  return { expected: t(z.expected), actual: t(z.actual), difference: t(z.difference) };
}

function flagValueLabelsZh(rule: string): { expected: string; actual: string; difference: string } {
  switch (rule) {
    case 'CELL_INFERRED':
      return { expected: '推算值', actual: '印出', difference: '差值' };
    case 'CELL_MISSING':
      return { expected: '应有个数', actual: '读到个数', difference: '差值' };
    case 'DEADLINE':
      return { expected: '截止日期', actual: '发布日期', difference: '逾期' };
    case 'TEXT_REUSE':
      return { expected: '阈值', actual: '重复比例', difference: '差值' };
    default:
      return { expected: '应为', actual: '实为', difference: '差值' };
  }
}
