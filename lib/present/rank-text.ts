/**
 * How a rank cell of the 指标 view reads (wording only; the ranking itself is SQL in
 * lib/query/views.ts): a rank, a ratio over too few cases to be ranked, or a ratio that cannot be
 * computed — three different facts, never printed as a missing number.
 */
import { MIN_CASES } from '../model/rank-threshold';

/** Note shown in a rank cell whose ratio rests on fewer than {@link MIN_CASES} cases. */
export const SMALL_SAMPLE_NOTE = `样本不足${MIN_CASES}件`;

/** How a rank cell reads: the text, a tooltip, and whether it is a real rank. */
export interface RankText {
  text: string;
  title: string;
  ranked: boolean;
}

/**
 * The text of a rank cell from the rank (1 = highest ratio in the same year, NULL when not
 * ranked), the denominator (件) and the ratio:
 * - a rank → `1`;
 * - no ratio (denominator 0 or a part missing) → `—`, `无法计算`;
 * - denominator below {@link MIN_CASES} → {@link SMALL_SAMPLE_NOTE}, the ratio shown but not ranked.
 * Never fails: any other combination reads `—`, `未排名`.
 */
export function rankText(rank: unknown, base: unknown, rate: unknown): RankText {
  if (typeof rank === 'number') return { text: String(rank), title: `同一年度内按比率从高到低排第 ${rank} 名（只比较分母不少于 ${MIN_CASES} 件的报告）`, ranked: true };
  if (typeof rate !== 'number') return { text: '—', title: '无法计算：分母为 0，或报告没有给出其中某个数', ranked: false };
  if (typeof base === 'number' && base < MIN_CASES) {
    return { text: SMALL_SAMPLE_NOTE, title: `只有 ${base} 件，少于 ${MIN_CASES} 件：比率照常显示，但不参与排名`, ranked: false };
  }
  return { text: '—', title: '未排名', ranked: false };
}
