/**
 * How a rank cell of the 指标 view reads (wording only; the ranking itself is SQL in
 * lib/query/views.ts): a rank, a ratio over too few cases to be ranked, or a ratio that cannot be
 * computed — three different facts, never printed as a missing number.
 */
import { MIN_CASES, MIN_PEERS } from '../model/rank-threshold';

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

/**
 * The text of a rank cell from the rank (1 = highest ratio among the peers — same type, level and
 * year, lib/query/indicator-peers.ts; NULL when not ranked), the denominator (件), the ratio and the
 * number of ranked peers (NULL: no peer group; absent: not known):
 * - a rank → `1` (the title says of how many);
 * - no ratio (denominator 0 or a part missing) → `—`, `无法计算`;
 * - denominator below {@link MIN_CASES} → {@link SMALL_SAMPLE_NOTE}, the ratio shown but not ranked;
 * - no peer group → {@link NO_PEER_GROUP_NOTE}.
 * Never fails: any other combination reads `—`, `未排名`.
 */
export function rankText(rank: unknown, base: unknown, rate: unknown, peers?: unknown): RankText {
  if (typeof rank === 'number') {
    const of = typeof peers === 'number' ? `${peers} 份报告中` : '';
    return { text: String(rank), title: `同类同级同年${of}按比率从高到低排第 ${rank} 名（只比较分母不少于 ${MIN_CASES} 件的报告）`, ranked: true };
  }
  return notRanked(base, rate, peers);
}

/** Why a ratio has no rank: cannot be computed, too few cases, or no peer group. */
function notRanked(base: unknown, rate: unknown, peers: unknown): RankText {
  if (typeof rate !== 'number') return { text: '—', title: '无法计算：分母为 0，或报告没有给出其中某个数', ranked: false };
  if (typeof base === 'number' && base < MIN_CASES) {
    return { text: SMALL_SAMPLE_NOTE, title: `只有 ${base} 件，少于 ${MIN_CASES} 件：比率照常显示，但不参与排名`, ranked: false };
  }
  if (peers === null) return { text: NO_PEER_GROUP_NOTE, title: NO_GROUP_TITLE, ranked: false };
  return { text: '—', title: '未排名', ranked: false };
}

/**
 * The text of a peer-group cell without a value (a percentile or a quartile that is NULL) from the
 * number of ranked peers: {@link NO_PEER_GROUP_NOTE} when there is no group (NULL),
 * {@link FEW_PEERS_NOTE} when it has fewer than {@link MIN_PEERS}; null otherwise (the cell is
 * missing for another reason, e.g. the report's own ratio was not ranked).
 */
export function peerGroupNote(peers: unknown): RankText | null {
  if (peers === null) return { text: NO_PEER_GROUP_NOTE, title: NO_GROUP_TITLE, ranked: false };
  if (typeof peers === 'number' && peers < MIN_PEERS) {
    return { text: FEW_PEERS_NOTE, title: `同类同级同年只有 ${peers} 份报告的比率参与排名，少于 ${MIN_PEERS} 份：不计算百分位和四分位数`, ranked: false };
  }
  return null;
}

/**
 * The text of a percentile cell (0–1, percent_rank in the peer group) with its ratio, denominator
 * and peers: `P62` (title: the share of peers below); when NULL, why — the reasons of
 * {@link rankText} for an unranked ratio, or {@link peerGroupNote}'s too few peers.
 */
export function percentileText(pct: unknown, base: unknown, rate: unknown, peers: unknown): RankText {
  if (typeof pct === 'number') {
    const p = Math.round(pct * 100);
    return { text: `P${p}`, title: `同类同级同年${typeof peers === 'number' ? ` ${peers} 份报告` : ''}中，比率低于本报告的其他报告占 ${p}%`, ranked: true };
  }
  const unranked = notRanked(base, rate, peers);
  if (unranked.text !== '—' || typeof rate !== 'number') return unranked;
  return peerGroupNote(peers) ?? unranked;
}
