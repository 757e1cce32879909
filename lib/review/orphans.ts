/**
 * Why a stored review decision matches no flag of this tab's data (issue 10 "Links"), two
 * different facts:
 * - `not_loaded` (报告未载入): the decision's report is not loaded in this tab — a report uploaded
 *   in another tab or browser (uploads live only in the tab they were uploaded in), or a report
 *   since replaced by another file (a report id is a hash of the file's bytes). Uploading the same
 *   file here matches the decision again;
 * - `orphaned` (孤立): the report is loaded but none of its flags has the decision's fingerprint —
 *   the rule's version changed, or the report now reads differently — or the decision does not
 *   say which report it was about (`report_id` empty, e.g. a hand-made file).
 * Both are kept, exported and never dropped (./decisions.ts); this only tells them apart.
 */
import type { Decision } from './decisions';

/** Why a decision has no flag here: its report is not loaded in this tab, or it is truly orphaned. */
export type OrphanReason = 'not_loaded' | 'orphaned';

/** Chinese name and explanation of each {@link OrphanReason}, as the review queue shows them. */
export const ORPHAN_REASON_TEXT: Record<OrphanReason, { label: string; explanation: string }> = {
  not_loaded: {
    label: '报告未载入',
    explanation: '对应的报告没有在本标签页载入：可能是在别的标签页或别的浏览器中上传的报告（上传的报告只保存在上传它的标签页里），也可能是已被新文件替换的报告。在本页上传同一文件后，这些审核结果会重新对应。',
  },
  orphaned: {
    label: '孤立',
    explanation: '对应的报告已载入，但其中已没有这条检查结果（规则版本变化，或报告重新读取后结果不同）；或审核结果没有记下报告编号。',
  },
};

/**
 * The decision's {@link OrphanReason} given the report ids loaded in this tab (reports.csv and
 * this tab's uploads): `not_loaded` when it names a report that is not among them, else `orphaned`.
 */
export function orphanReason(d: Pick<Decision, 'report_id'>, loadedReportIds: ReadonlySet<string>): OrphanReason {
  return d.report_id && !loadedReportIds.has(d.report_id) ? 'not_loaded' : 'orphaned';
}

/**
 * Decisions without a flag (./decisions.ts reconcileDecisions `orphaned`) split by
 * {@link orphanReason}, each list in the given order. Linear in the decisions.
 */
export function classifyOrphans(orphans: readonly Decision[], loadedReportIds: ReadonlySet<string>): Record<OrphanReason, Decision[]> {
  const out: Record<OrphanReason, Decision[]> = { not_loaded: [], orphaned: [] };
  for (const d of orphans) out[orphanReason(d, loadedReportIds)].push(d);
  return out;
}
