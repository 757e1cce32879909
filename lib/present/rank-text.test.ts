import { describe, expect, it } from 'vitest';
import { rankText, SMALL_SAMPLE_NOTE } from './rank-text';

describe('rankText', () => {
  it('reads a rank, a small sample and an incomputable ratio differently', () => {
    expect(rankText(2, 40, 0.5)).toMatchObject({ text: '2', ranked: true });
    expect(rankText(null, 12, 0.5)).toMatchObject({ text: '样本不足30件', ranked: false });
    expect(rankText(null, 12, 0.5).title).toContain('12 件');
    expect(rankText(null, 0, null)).toMatchObject({ text: '—', ranked: false });
  });
  it('names the spec threshold of 30 cases', () => {
    expect(SMALL_SAMPLE_NOTE).toBe('样本不足30件');
  });
});
