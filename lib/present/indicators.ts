/**
 * The derived indicators of the spec ("Indicators commonly derived"), their formulas in Chinese,
 * as the UI names and explains them. The ranking rule (a ratio over fewer than 30 cases is shown but
 * not ranked) is lib/model/rank-threshold.ts MIN_CASES; how a rank cell reads is
 * lib/present/rank-text.ts.
 *
 * - 实质公开率 = (granted + partially_granted) / total_processed (表三 总计列);
 * - 复议纠错率 = review.corrected / (review.upheld + review.corrected + review.other) (表四);
 * - 诉讼纠错率 = the same over litigation_direct + litigation_after_review (表四);
 * - 争议率 = (review.total + litigation_direct.total + litigation_after_review.total) / new_received.
 *
 * The SQL of the 指标 view is in ./views.ts (INDICATORS_VIEW) and its peer statistics in
 * ./indicator-peers.ts; this file holds what the UI says about each indicator and each one's
 * numerator and denominator as SQL over `facts` ({@link INDICATOR_RATIOS}). No React, no Next.
 */

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

/** A rate's numerator and denominator (件) as per-report expressions over `facts` (alias `f`); NULL when a part is missing. */
export interface Ratio {
  numerator: string;
  denominator: string;
}

/**
 * The parts of the four indicators ({@link INDICATORS}, spec "Indicators"): every per-report rate
 * (the views' rate columns, the 指标 view's peer table ./indicator-peers.ts) is numerator ÷
 * NULLIF(denominator, 0) and its base (件) the denominator; `+` of a NULL is NULL, so a missing part
 * makes the part NULL. Group totals (./group-totals.ts) sum numerators and denominators.
 */
export const INDICATOR_RATIOS: Readonly<Record<Indicator['key'], Ratio>> = {
  disclosure: { numerator: 'f.t3_granted + f.t3_partially_granted', denominator: 'f.t3_total_processed' },
  review_correction: { numerator: 'f.t4_review_corrected', denominator: 'f.t4_review_upheld + f.t4_review_corrected + f.t4_review_other' },
  litigation_correction: { numerator: 'f.t4_litigation_corrected', denominator: 'f.t4_litigation_upheld + f.t4_litigation_corrected + f.t4_litigation_other' },
  dispute: { numerator: 'f.t4_review_total + f.t4_litigation_total', denominator: 'f.t3_new_received' },
};
