/** lib/correct's Chinese default translator gives what lib/present/i18n's zhT gives, so the Chinese UI is unchanged (issue 10). */
import { describe, expect, it } from 'vitest';
import { zhT } from '../present/i18n/translate';
import { zhMessage } from './message-text';

describe('zhMessage', () => {
  it('fills variables as zhT does, and leaves a key without variables as it is', () => {
    const cases: Array<[string, Record<string, string | number> | undefined]> = [
      ['导入失败：第 {{line}} 行与第 {{other}} 行是同一报告的同一单元格（{{cell}}），每格只能有一条校对记录。请删去其中一行后重新导入；', { line: 3, other: 2, cell: 't4.review.total' }],
      ['表四「{{row}}」：总计 = 维持 + 纠正 + 其他 + 尚未审结', { row: '行政复议' }],
      ['年度须是 {{from}} 至 {{to}} 之间的整数年份，请改正后再保存。', { from: 2008, to: 2026 }],
      ['{{cell}} 填的 {{value}} 不是表格能容纳的数（须为 0 至 12 位的非负数），请改正后再保存。', { cell: '表三「总计」', value: 1.5 }],
      ['没有导入任何校对记录。', undefined],
    ];
    for (const [key, vars] of cases) expect(zhMessage(key, vars)).toBe(zhT(key, vars));
    expect(zhMessage('表四「{{row}}」', { row: '行政复议' })).toBe('表四「行政复议」');
  });
});
