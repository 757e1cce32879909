import { describe, expect, it } from 'vitest';
import { registeredRule, RULES } from '../checks/rule-registry';
import { flagValueLabels, flagValueText, RULE_CATALOGUE, ruleInfo, ruleInfoText } from './rule-catalogue';
import { CELL_STATUS_LABELS, PUBLISHED_ON_SOURCE_LABELS, REPORT_STATUS_LABELS, ruleLabel, SEVERITY_LABELS } from './labels';
import { EN_RULES } from './i18n/en/rules';
import { EN_REVIEW } from './i18n/en/review';
import { makeTranslate } from './i18n/translate';

describe('rule catalogue', () => {
  it('explains every registered rule: name, source and formula', () => {
    for (const { id } of RULES) {
      const r = RULE_CATALOGUE[id];
      expect(r, id).toBeDefined();
      expect(r.name).toBe(ruleLabel(id));
      expect(r.source.length, id).toBeGreaterThan(4);
      expect(r.formula.length, id).toBeGreaterThan(4);
      expect(r.version).toBe(registeredRule(id)?.version);
      expect(Number.isInteger(r.version) && r.version > 0, id).toBe(true);
    }
  });
  it('cites the regulation where the rule comes from it', () => {
    expect(RULE_CATALOGUE.DEADLINE.source).toContain('第四十九条');
    expect(RULE_CATALOGUE.SECTION_MISSING.source).toContain('第五十条');
    expect(RULE_CATALOGUE.T3_BALANCE.source).toContain('第一项加第二项之和，等于第三项加第四项之和');
  });
  it('an unknown rule is explained as unknown, not thrown', () => {
    expect(ruleInfo('NEW_RULE')).toMatchObject({ id: 'NEW_RULE', name: 'NEW_RULE' });
    expect(ruleInfo('NEW_RULE').source).toContain('未收录');
  });
});

describe('flagValueText', () => {
  it('reads values in the unit of the rule', () => {
    expect(flagValueText('CELL_INFERRED', 't3.granted.natural_person', 'expected', '1')).toBe('1 件');
    expect(flagValueText('DEADLINE', 'published_on', 'expected', '2023-01-31')).toBe('2023-01-31');
    expect(flagValueText('DEADLINE', 'published_on', 'difference', 16)).toBe('16 天');
    expect(flagValueText('TEXT_REUSE', 'text:0-5', 'actual', '0.734')).toBe('73.4%');
    expect(flagValueText('CELL_MISSING', 't2.normative_documents.repealed', 'expected', '3')).toBe('3 个');
    expect(flagValueText('T2_VALUES', 't2.fees.amount', 'actual', '-2.5')).toBe('-2.5 万元');
    expect(flagValueText('T3_BALANCE', 't3.new_received.total', 'difference', null)).toBe('—');
  });
});

describe('flagValueLabels', () => {
  it('names the values by rule', () => {
    expect(flagValueLabels('CELL_INFERRED').expected).toBe('推算值');
    expect(flagValueLabels('DEADLINE')).toEqual({ expected: '截止日期', actual: '发布日期', difference: '逾期' });
    expect(flagValueLabels('T3_BALANCE')).toEqual({ expected: '应为', actual: '实为', difference: '差值' });
  });
});

describe('the catalogue in English (issue 10)', () => {
  const en = makeTranslate('en', { ...EN_RULES, ...EN_REVIEW });
  const HAN = /[\u3400-\u9fff]/;
  it('every registered rule has an English name, source and formula', () => {
    for (const rule of RULES) {
      const info = ruleInfoText(rule.id, en);
      expect(`${info.name} | ${info.source} | ${info.formula}`, rule.id).not.toMatch(HAN);
    }
    expect(ruleInfoText('DEADLINE', en).source).toBe('OGI Regulations Art. 49');
    expect(ruleInfoText('NEW_RULE', en).source).toContain('does not know this rule');
  });
  it('Chinese unchanged through zhT', () => {
    expect(ruleInfoText('T3_BALANCE')).toEqual(ruleInfo('T3_BALANCE'));
  });
  it('values and their names in English', () => {
    expect(flagValueText('CELL_INFERRED', 't3.granted.natural_person', 'expected', '1', en)).toBe('1 case');
    expect(flagValueText('CELL_INFERRED', 't3.granted.natural_person', 'expected', '12', en)).toBe('12 cases');
    expect(flagValueText('DEADLINE', 'published_on', 'difference', 16, en)).toBe('16 days');
    expect(flagValueText('DEADLINE', 'published_on', 'difference', 1, en)).toBe('1 day');
    expect(flagValueText('CELL_MISSING', 't3.granted.total', 'actual', '1', en)).toBe('1 number');
    expect(flagValueText('CELL_MISSING', 't3.granted.total', 'expected', '7', en)).toBe('7 numbers');
    expect(flagValueText('CELL_MISSING', 't3.granted.total', 'expected', '7')).toBe('7 个');
    expect(flagValueText('DEADLINE', 'published_on', 'difference', 1)).toBe('1 天');
    expect(flagValueText('T2_VALUES', 't2.fees.amount', 'actual', '-2.5', en)).toBe('-2.5 (10,000 yuan)');
    expect(flagValueLabels('DEADLINE', en)).toMatchObject({ expected: 'deadline', difference: 'overdue by' });
    expect(flagValueLabels('T3_BALANCE', en)).toEqual({ expected: 'expected', actual: 'printed', difference: 'difference' });
  });
  it('severities, cell statuses, report statuses and published-on sources have English', () => {
    for (const label of [...Object.values(SEVERITY_LABELS), ...Object.values(CELL_STATUS_LABELS), ...Object.values(REPORT_STATUS_LABELS), ...Object.values(PUBLISHED_ON_SOURCE_LABELS)]) {
      expect(en(label), label).not.toMatch(HAN);
    }
  });
});
