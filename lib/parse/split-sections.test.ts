/** Section headings found by subject, with the table sections where the tables are. */
import { describe, expect, it } from 'vitest';
import { splitSections } from './split-sections';

describe('splitSections', () => {
  it('finds the six sections of the national layout', () => {
    const text = ['标题', '一、总体情况', '……', '二、主动公开政府信息情况', '规章\t0\t0\t0', '三、收到和处理政府信息公开申请情况', '四、结转下年度继续办理\t0', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'].join('\n');
    const { sections, preamble } = splitSections(text);
    expect(sections.map((s) => s.key)).toEqual(['overview', 'proactive', 'applications', 'review_litigation', 'problems', 'other']);
    expect(sections[2].body).toContain('四、结转下年度继续办理');
    expect(preamble).toBe('标题');
  });

  it('takes the table sections where the tables are, in a Shanghai layout with its own numbering', () => {
    const text = [
      '2024 年上海市科委政府信息公开工作年度报告',
      '一、总体情况',
      '二、工作机制保障',
      '三、主动公开工作情况',
      '全年发布 393 件。',
      '四、政府信息公开申请情况',
      '全年收到申请 34 件。',
      '一、主动公开政府信息情况',
      '| 规章 | 0 | 0 | 0 |',
      '二、收到和处理政府信息公开申请情况',
      '| 一、本年新收政府信息公开申请数量 | 32 | 2 | 0 | 0 | 0 | 0 | 34 |',
      '三、政府信息公开行政复议、行政诉讼情况',
      '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '（一）主要问题',
      '2024 年……',
      '五、其他需要报告的事项',
    ].join('\n');
    const { sections } = splitSections(text);
    const by = Object.fromEntries(sections.map((s) => [s.key, s]));
    expect(by.proactive.heading).toBe('一、主动公开政府信息情况');
    expect(by.applications.heading).toBe('二、收到和处理政府信息公开申请情况');
    expect(by.review_litigation.body).not.toContain('2024 年');
    expect(by.problems.heading).toBe('（一）主要问题');
    expect(by.other.heading).toBe('五、其他需要报告的事项');
  });
});
