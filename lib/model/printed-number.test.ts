/** The grammar of a number printed in a cell, full-width folding, and the limits of what a table can hold. */
import { describe, expect, it } from 'vitest';
import { foldFullWidthDigits, implausibleReason, readPrintedNumber } from './printed-number';

describe('foldFullWidthDigits', () => {
  it('folds full-width digits and the separators between them, one character for one', () => {
    const text = '２０２４年度　行政事业性收费　４０６８．２０８　本年新收　１，２５９件，其中１２，其余';
    const folded = foldFullWidthDigits(text);
    expect(folded).toBe('2024年度　行政事业性收费　4068.208　本年新收　1,259件，其中12，其余');
    expect(folded.length).toBe(text.length);
  });
  it('returns a text without full-width digits unchanged', () => {
    const text = '一、本年新收政府信息公开申请数量\t\t0\t0';
    expect(foldFullWidthDigits(text)).toBe(text);
  });
});

describe('readPrintedNumber', () => {
  it('reads what real reports print in cells', () => {
    expect(readPrintedNumber('1259')).toEqual({ value: 1259, note: null });
    expect(readPrintedNumber('4068.208')).toEqual({ value: 4068.208, note: null });
    expect(readPrintedNumber('1,259')).toEqual({ value: 1259, note: null });
    expect(readPrintedNumber('１２５９')).toEqual({ value: 1259, note: null });
    expect(readPrintedNumber('22（其中修订16件）')).toEqual({ value: 22, note: '其中修订16件' });
    expect(readPrintedNumber('２２（其中修订１６件）')).toEqual({ value: 22, note: '其中修订１６件' });
    expect(readPrintedNumber('251000元')).toEqual({ value: 251000, note: null, unit: '元' });
  });
  it('reads numbers no table can hold as numbers, so that they stay in their cell', () => {
    expect(readPrintedNumber('9'.repeat(400))?.value).toBe(Infinity);
    expect(readPrintedNumber('Infinity')?.value).toBe(Infinity);
    expect(readPrintedNumber('1e20')?.value).toBe(1e20);
    expect(readPrintedNumber('-1')?.value).toBe(-1);
    expect(readPrintedNumber('－１')?.value).toBe(-1);
    expect(readPrintedNumber('-0')?.value).toBe(0);
  });
  it('reads labels, placeholders and broken separators as no number', () => {
    for (const p of ['本年新收', '/', '-', '1.', '12,34', '1.属于国家秘密', '第二十条']) expect(readPrintedNumber(p), p).toBeNull();
  });
});

describe('implausibleReason', () => {
  it('accepts the counts and amounts of real reports', () => {
    expect(implausibleReason(517645, 'count')).toBeNull();
    expect(implausibleReason(4068.208, 'amount')).toBeNull();
    expect(implausibleReason(-3, 'change')).toBeNull();
    expect(implausibleReason(999_999_999_999, 'count')).toBeNull();
  });
  it('names what no table can hold', () => {
    expect(implausibleReason(Infinity, 'count')).toBe('不是有限的数值');
    expect(implausibleReason(1e12, 'count')).toBe('超过12位数字');
    expect(implausibleReason(1e20, 'amount')).toBe('超过12位数字');
    expect(implausibleReason(-1, 'count')).toBe('是负数');
    expect(implausibleReason(-1, 'amount')).toBe('是负数');
    expect(implausibleReason(3.5, 'count')).toBe('件数不能有小数');
    expect(implausibleReason(3.5, 'change')).toBe('件数不能有小数');
  });
});
