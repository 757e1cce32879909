import { describe, expect, it } from 'vitest';
import { formatCell, MISSING_TITLE } from './format';

describe('formatCell', () => {
  it('NULL is a dash marked missing, 0 is 0', () => {
    expect(formatCell(null, 'count')).toEqual({ text: '—', title: MISSING_TITLE, missing: true });
    expect(formatCell(0, 'count')).toEqual({ text: '0', missing: false });
  });
  it('counts, amounts and rates', () => {
    expect(formatCell(1234, 'count').text).toBe('1,234');
    expect(formatCell(12.5, 'amount').text).toBe('12.5');
    expect(formatCell(8 / 31, 'rate').text).toBe('25.8%');
    expect(formatCell(0, 'rate').text).toBe('0.0%');
  });
  it('keys through their Chinese labels', () => {
    expect(formatCell('warning', 'severity').text).toBe('警告');
    expect(formatCell('TABLE_MISSING', 'rule')).toMatchObject({ text: 'TABLE_MISSING', title: '表格缺失' });
    expect(formatCell('t3.new_received.total;t4', 'subject')).toMatchObject({
      text: '表三·本年新收政府信息公开申请数量·总计；表四',
      title: 't3.new_received.total; t4',
    });
  });
});
