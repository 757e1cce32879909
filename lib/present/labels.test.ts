import { describe, expect, it } from 'vitest';
import { describeCellRef, itemLabel, plainLabel, reportStatusLabel, ruleLabel, SECTION_LABELS, T3_LABELS, T4_GROUP_LABELS } from './labels';
import { ReportStatus } from '../model/report-schema';
import { RULES } from '../checks/rule-registry';
import { SECTION_HEADINGS, T2_COLUMNS, T2_COLUMNS_2019, T2_ROWS, T2_ROWS_2019, T3_COLUMNS, T3_OTHER_HANDLING, T3_ROWS, T4_COLUMNS, T4_ROWS, TABLE_LABELS } from '../model/form-layout';
import { makeTranslate } from './i18n/translate';
import { EN } from './i18n/en';
import { EN_FORM, FORM_TERMS_SHOWN_WITH_CHINESE } from './i18n/en/form';

const en = makeTranslate('en', EN);

describe('labels read from the form layout', () => {
  it('strips the form numbering', () => {
    expect(plainLabel('一、本年新收政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量');
    expect(plainLabel('（三）不予公开 1.属于国家秘密')).toBe('不予公开');
    expect(itemLabel('（三）不予公开 1.属于国家秘密')).toBe('属于国家秘密');
    expect(itemLabel('2.重复申请')).toBe('重复申请');
  });
  it('names the 表三 groups and 表四 groups as the form does', () => {
    expect(T3_LABELS).toMatchObject({
      granted: '予以公开',
      partially_granted: '部分公开',
      denied: '不予公开',
      unable: '无法提供',
      not_processed: '不予处理',
      other: '其他处理',
      total_processed: '办理结果总计',
      carried_forward: '结转下年度继续办理',
    });
    expect(T4_GROUP_LABELS).toEqual({ review: '行政复议', litigation: '行政诉讼' });
  });
  it('describes cell references', () => {
    expect(describeCellRef('t3.new_received.total')).toBe('表三·本年新收政府信息公开申请数量·总计');
    expect(describeCellRef('t2.fees.amount')).toBe('表二·行政事业性收费·本年收费金额（万元）');
    expect(describeCellRef('t4')).toBe('表四');
    expect(describeCellRef('x.y')).toBe('x.y');
    expect(describeCellRef('text:0-42')).toBe('正文第 1–42 字');
    expect(describeCellRef('published_on')).toBe('发布日期');
    expect(describeCellRef('agency')).toBe('机关名称');
    expect(describeCellRef('section.problems')).toBe('章节「五、存在的主要问题及改进情况」');
    expect(describeCellRef('5f1f485ee573df5d:t3.carried_forward.total')).toBe('另一份报告（5f1f485ee573df5d）的表三·结转下年度继续办理·总计');
    expect(describeCellRef('section.nope')).toBe('section.nope');
  });
  it('describes cell references in English with the spec\'s standard names (issue 10)', () => {
    expect(describeCellRef('t3.new_received.total', en)).toBe('Table 3 · New applications received this year · Total');
    expect(describeCellRef('t3.denied_state_secret.natural_person', en)).toBe('Table 3 · (3) Denied — 1. State secret · Natural persons');
    expect(describeCellRef('t2.fees.amount', en)).toBe('Table 2 · Administrative fees · Fees collected this year (10,000 yuan)');
    expect(describeCellRef('t4.review.corrected', en)).toBe('Table 4 · Administrative review · Corrected');
    expect(describeCellRef('t4', en)).toBe('Table 4');
    expect(describeCellRef('x.y', en)).toBe('x.y');
    expect(describeCellRef('text:0-42', en)).toBe('characters 1–42 of the text');
    expect(describeCellRef('agency', en)).toBe('Agency name');
    expect(describeCellRef('section.problems', en)).toBe('section “V. Main problems and improvements”');
    expect(describeCellRef('5f1f485ee573df5d:t3.carried_forward.total', en)).toBe('Table 3 · Carried forward to next year · Total of another report (5f1f485ee573df5d)');
    expect(plainLabel('（一）予以公开', en)).toBe('Granted');
    expect(plainLabel('（三）不予公开 1.属于国家秘密', en)).toBe('Denied');
    expect(itemLabel('（三）不予公开 1.属于国家秘密', en)).toBe('State secret');
    expect(itemLabel('2.重复申请', en)).toBe('Repeated application');
    expect(Object.values(T3_LABELS).filter((l) => l !== T3_LABELS.total_processed).map((l) => en(l))).toEqual([
      'New applications received this year',
      'Applications carried over from last year',
      'Granted',
      'Partially granted',
      'Denied',
      'Unable to provide',
      'Not processed',
      'Other handling',
      'Carried forward to next year',
    ]);
  });
  it('has an English name for every label of the form, plain and item forms too; the terms kept in Chinese are labels of the form', () => {
    const labels = [
      ...[...T2_ROWS, ...T2_ROWS_2019, ...T2_COLUMNS, ...T2_COLUMNS_2019, ...T3_COLUMNS, ...T3_ROWS, T3_OTHER_HANDLING, ...T4_ROWS, ...T4_COLUMNS].map((x) => x.label),
      ...Object.values(TABLE_LABELS),
      ...Object.values(SECTION_HEADINGS),
    ];
    const forms = labels.flatMap((l) => [l, plainLabel(l), itemLabel(l)]);
    expect(forms.filter((l) => !(l in EN_FORM))).toEqual([]);
    expect([...FORM_TERMS_SHOWN_WITH_CHINESE].filter((k) => !forms.includes(k))).toEqual([]);
  });
  it('names the sections as the section rule does, and every report status', () => {
    expect(SECTION_LABELS).toEqual(SECTION_HEADINGS);
    for (const s of ReportStatus.options) expect(reportStatusLabel(s), s).not.toBe(s);
  });
  it('has a Chinese name for every registered rule', () => {
    for (const { id } of RULES) expect(ruleLabel(id), id).not.toBe(id);
  });
});
