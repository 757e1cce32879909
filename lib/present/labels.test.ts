import { describe, expect, it } from 'vitest';
import { describeCellRef, itemLabel, plainLabel, reportStatusLabel, ruleLabel, SECTION_LABELS, T3_LABELS, T4_GROUP_LABELS } from './labels';
import { ReportStatus } from '../model/report-schema';
import { RULES } from '../checks/rule-registry';
import { SECTION_HEADINGS } from '../model/form-layout';

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
  it('names the sections as the section rule does, and every report status', () => {
    expect(SECTION_LABELS).toEqual(SECTION_HEADINGS);
    for (const s of ReportStatus.options) expect(reportStatusLabel(s), s).not.toBe(s);
  });
  it('has a Chinese name for every registered rule', () => {
    for (const { id } of RULES) expect(ruleLabel(id), id).not.toBe(id);
  });
});
