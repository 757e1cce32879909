/**
 * How a rank cell of the 指标 view reads (wording only; the ranking itself is SQL in
 * lib/query/views.ts): a rank, a ratio over too few cases to be ranked, or a ratio that cannot be
 * computed — three different facts, never printed as a missing number.
 */
import { MIN_CASES, MIN_PEERS } from '../model/rank-threshold';
import { zhT, type Translate } from './i18n/translate';

/** Note shown in a rank cell whose ratio rests on fewer than {@link MIN_CASES} cases. */
export const SMALL_SAMPLE_NOTE = `样本不足${MIN_CASES}件`;

/** How a rank cell reads: the text, a tooltip, and whether it is a real rank. */
export interface RankText {
  text: string;
  title: string;
  ranked: boolean;
}

/** Note shown instead of a percentile or quartile when the peer group has fewer than {@link MIN_PEERS} members. */
export const FEW_PEERS_NOTE = `同类不足${MIN_PEERS}家`;

/** Note shown instead of a rank or peer statistic when the report has no peer group (level, type or year unknown). */
export const NO_PEER_GROUP_NOTE = '无同类组';

const NO_GROUP_TITLE = '机关层级、机关类型或年度未识别，没有同类同级同年的比较组';

/** Why a rank cell is `—` because its ratio cannot be computed (the CSV writes `无法计算`, lib/csv). */
export const CANNOT_COMPUTE_TITLE = '无法计算：分母为 0，或报告没有给出其中某个数';

/** Why a rank cell is `—` for another reason (`未排名`). */
export const NOT_RANKED_TITLE = '未排名';

/**
 * The text of a rank cell from the rank (1 = highest ratio among the peers — same type, level and
 * year, lib/query/indicator-peers.ts; NULL when not ranked), the denominator (件), the ratio and the
 * number of ranked peers (NULL: no peer group; absent: not known):
 * - a rank → `1` (the title says of how many);
 * - no ratio (denominator 0 or a part missing) → `—`, `无法计算`;
 * - denominator below {@link MIN_CASES} → {@link SMALL_SAMPLE_NOTE}, the ratio shown but not ranked;
 * - no peer group → {@link NO_PEER_GROUP_NOTE}.
 * Never fails: any other combination reads `—`, `未排名`. Texts in the language of `t` (Chinese by default).
 */
export function rankText(rank: unknown, base: unknown, rate: unknown, peers?: unknown, t: Translate = zhT): RankText {
  if (typeof rank === 'number') {
    const title =
      typeof peers === 'number'
        ? t('同类同级同年{{peers}} 份报告中按比率从高到低排第 {{rank}} 名（只比较分母不少于 {{min}} 件的报告）', { peers, rank, min: MIN_CASES })
        : t('同类同级同年按比率从高到低排第 {{rank}} 名（只比较分母不少于 {{min}} 件的报告）', { rank, min: MIN_CASES });
    return { text: String(rank), title, ranked: true };
  }
  return notRanked(base, rate, peers, t);
}

/** Why a ratio has no rank: cannot be computed, too few cases, or no peer group. */
function notRanked(base: unknown, rate: unknown, peers: unknown, t: Translate): RankText {
  if (typeof rate !== 'number') return { text: '—', title: t(CANNOT_COMPUTE_TITLE), ranked: false };
  if (typeof base === 'number' && base < MIN_CASES) {
    return { text: t(SMALL_SAMPLE_NOTE), title: t('只有 {{base}} 件，少于 {{min}} 件：比率照常显示，但不参与排名', { base, min: MIN_CASES }), ranked: false };
  }
  if (peers === null) return { text: t(NO_PEER_GROUP_NOTE), title: t(NO_GROUP_TITLE), ranked: false };
  return { text: '—', title: t(NOT_RANKED_TITLE), ranked: false };
}

/**
 * The text of a peer-group cell without a value (a percentile or a quartile that is NULL) from the
 * number of ranked peers: {@link NO_PEER_GROUP_NOTE} when there is no group (NULL),
 * {@link FEW_PEERS_NOTE} when it has fewer than {@link MIN_PEERS}; null otherwise (the cell is
 * missing for another reason, e.g. the report's own ratio was not ranked). Texts in the language of `t`.
 */
export function peerGroupNote(peers: unknown, t: Translate = zhT): RankText | null {
  if (peers === null) return { text: t(NO_PEER_GROUP_NOTE), title: t(NO_GROUP_TITLE), ranked: false };
  if (typeof peers === 'number' && peers < MIN_PEERS) {
    return { text: t(FEW_PEERS_NOTE), title: t('同类同级同年只有 {{peers}} 份报告的比率参与排名，少于 {{min}} 份：不计算百分位和四分位数', { peers, min: MIN_PEERS }), ranked: false };
  }
  return null;
}

/**
 * The text of a percentile cell (0–1, percent_rank in the peer group) with its ratio, denominator
 * and peers: `P62` (title: the share of peers below); when NULL, why — the reasons of
 * {@link rankText} for an unranked ratio, or {@link peerGroupNote}'s too few peers. Texts in the language of `t`.
 */
export function percentileText(pct: unknown, base: unknown, rate: unknown, peers: unknown, t: Translate = zhT): RankText {
  if (typeof pct === 'number') {
    const p = Math.round(pct * 100);
    const title =
      typeof peers === 'number'
        ? t('同类同级同年 {{peers}} 份报告中，比率低于本报告的其他报告占 {{p}}%', { peers, p })
        : t('同类同级同年中，比率低于本报告的其他报告占 {{p}}%', { p });
    return { text: `P${p}`, title, ranked: true };
  }
  const unranked = notRanked(base, rate, peers, t);
  if (unranked.text !== '—' || typeof rate !== 'number') return unranked;
  return peerGroupNote(peers, t) ?? unranked;
}
