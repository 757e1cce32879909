/**
 * The derived indicators of the spec ("Indicators commonly derived"), their formulas in Chinese,
 * and the ranking rule: a ratio over fewer than {@link MIN_CASES} cases is shown but not ranked.
 *
 * - 实质公开率 = (granted + partially_granted) / total_processed (表三 总计列);
 * - 复议纠错率 = review.corrected / (review.upheld + review.corrected + review.other) (表四);
 * - 诉讼纠错率 = the same over litigation_direct + litigation_after_review (表四);
 * - 争议率 = (review.total + litigation_direct.total + litigation_after_review.total) / new_received.
 *
 * The SQL of the 指标 view is in ./views.ts (INDICATORS_VIEW); this file holds what the UI says
 * about each indicator and how a rank cell reads. No React, no Next.
 */

/** Fewest cases (件, the ratio's denominator) for a ratio to be ranked (spec: "Ratios over fewer than 30 cases are shown but not ranked"). */
export const MIN_CASES = 30;

/** Note shown in a rank cell whose ratio rests on fewer than {@link MIN_CASES} cases. */
export const SMALL_SAMPLE_NOTE = `样本不足${MIN_CASES}件`;

/** One indicator: key prefix of its view columns, Chinese name, formula, and what its denominator counts. */
export interface Indicator {
  /** Prefix of the view columns: `${key}_rate`, `${key}_base`, `${key}_rank`. */
  key: 'disclosure' | 'review_correction' | 'litigation_correction' | 'dispute';
  /** Chinese name, e.g. `实质公开率`. */
  label: string;
  /** The formula in the form's words, e.g. `（予以公开 + 部分公开）÷ 办理结果总计`. */
  formula: string;
  /** What the denominator counts (件), e.g. `办理结果总计`. */
  base: string;
  /** What a high value means, one short sentence. */
  reading: string;
}

/** The four indicators, in the order the 指标 view shows them. */
export const INDICATORS: readonly Indicator[] = [
  {
    key: 'disclosure',
    label: '实质公开率',
    formula: '（予以公开 + 部分公开）÷ 办理结果总计（表三总计列）',
    base: '办理结果总计',
    reading: '越高，申请人实际得到信息的比例越大。',
  },
  {
    key: 'review_correction',
    label: '复议纠错率',
    formula: '行政复议结果纠正 ÷（结果维持 + 结果纠正 + 其他结果）（表四）',
    base: '已审结的行政复议',
    reading: '越高，被复议机关纠正的比例越大。',
  },
  {
    key: 'litigation_correction',
    label: '诉讼纠错率',
    formula: '行政诉讼结果纠正 ÷（结果维持 + 结果纠正 + 其他结果），未经复议直接起诉与复议后起诉合计（表四）',
    base: '已审结的行政诉讼',
    reading: '越高，被法院纠正的比例越大。',
  },
  {
    key: 'dispute',
    label: '争议率',
    formula: '（行政复议总计 + 行政诉讼总计）÷ 本年新收政府信息公开申请数量',
    base: '本年新收申请',
    reading: '越高，申请引发复议、诉讼的比例越大。',
  },
];

/** The indicator with this key; throws only on a programming error. */
export function indicator(key: Indicator['key']): Indicator {
  const found = INDICATORS.find((i) => i.key === key);
  if (!found) throw new Error(`unknown indicator ${key}`);
  return found;
}

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
 */
export function rankText(rank: unknown, base: unknown, rate: unknown): RankText {
  if (typeof rank === 'number') return { text: String(rank), title: `同一年度内按比率从高到低排第 ${rank} 名（只比较分母不少于 ${MIN_CASES} 件的报告）`, ranked: true };
  if (typeof rate !== 'number') return { text: '—', title: '无法计算：分母为 0，或报告没有给出其中某个数', ranked: false };
  if (typeof base === 'number' && base < MIN_CASES) {
    return { text: SMALL_SAMPLE_NOTE, title: `只有 ${base} 件，少于 ${MIN_CASES} 件：比率照常显示，但不参与排名`, ranked: false };
  }
  return { text: '—', title: '未排名', ranked: false };
}
