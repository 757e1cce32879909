'use client';

/**
 * React hook over the decision store: the stored decisions by fingerprint, and the actions the
 * queue and the report page offer — decide (确认/驳回 with a note), undo, import a CSV file, and
 * the export text. Validation and merging are lib/review's; storage is ./decision-store.ts.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  decodeDecisionFile,
  decisionsToCsv,
  describeMerge,
  makeDecision,
  mergeDecisions,
  parseDecisionsCsv,
  type Decision,
  type DecisionValue,
  type FlagContext,
} from '@/lib/review/decisions';
import type { Result } from '@/lib/model/result';
import { errorDetailInParens } from '@/lib/model/error-detail';
import { deleteDecision, loadDecisions, mergeIntoStore, onDecisionsChanged, putDecisions } from './decision-store';
import { useT } from './lang-context';

/** State of the stored decisions. */
export type DecisionsState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; byFingerprint: Map<string, Decision>; unreadable: number };

/** What the hook returns. */
export interface UseDecisions {
  state: DecisionsState;
  /** Record a decision on a flag; `{ok: false, error}` for a dismissal without a note or a storage failure. */
  decide: (flag: FlagContext, decision: DecisionValue, note: string) => Promise<Result<Decision>>;
  /** Remove the decision on a flag (back to 未审核). */
  undo: (fingerprint: string) => Promise<Result<null>>;
  /** Import a decisions CSV (all or nothing); resolves to the summary sentence or the error. */
  importFile: (file: File) => Promise<Result<string>>;
  /** CSV text of every stored decision (matched and orphaned). */
  exportCsv: () => string;
}

/** A writer id for each hook instance, so that it skips the change messages of its own writes. */
let instances = 0;

/**
 * The stored decisions, loaded on mount and reloaded when another tab or another component writes.
 * An import reads, merges and writes in one transaction of the store and does not read it back:
 * the merge already holds every decision after it.
 */
export function useDecisions(): UseDecisions {
  const [state, setState] = useState<DecisionsState>({ status: 'loading' });
  const [self] = useState(() => `decisions-${++instances}-${Date.now()}`);
  const { t } = useT();

  const reload = useCallback(async () => {
    const r = await loadDecisions(t);
    setState(
      r.ok
        ? { status: 'ready', byFingerprint: new Map(r.value.decisions.map((d) => [d.fingerprint, d])), unreadable: r.value.unreadable }
        : { status: 'error', error: r.error },
    );
  }, [t]);

  useEffect(() => {
    void reload();
    return onDecisionsChanged(() => void reload(), self);
  }, [reload, self]);

  /** Applies this hook's own write to its state (no read back of the whole store); reads the store when not loaded yet. */
  const ready = state.status === 'ready';
  const applyOwn = useCallback(
    async (change: (byFp: Map<string, Decision>) => void) => {
      if (!ready) return reload();
      setState((prev) => {
        if (prev.status !== 'ready') return prev;
        const byFingerprint = new Map(prev.byFingerprint);
        change(byFingerprint);
        return { ...prev, byFingerprint };
      });
    },
    [ready, reload],
  );

  const decide = useCallback(
    async (flag: FlagContext, decision: DecisionValue, note: string): Promise<Result<Decision>> => {
      const d = makeDecision(flag, decision, note, new Date(), t);
      if (!d.ok) return d;
      const w = await putDecisions([d.value], self, t);
      if (!w.ok) return w;
      await applyOwn((byFp) => byFp.set(d.value.fingerprint, d.value));
      return d;
    },
    [applyOwn, self, t],
  );

  const undo = useCallback(
    async (fingerprint: string): Promise<Result<null>> => {
      const r = await deleteDecision(fingerprint, self, t);
      if (r.ok) await applyOwn((byFp) => byFp.delete(fingerprint));
      return r;
    },
    [applyOwn, self, t],
  );

  const importFile = useCallback(
    async (file: File): Promise<Result<string>> => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (e) {
        return {
          ok: false,
          error: t('导入失败：没能读取文件“{{file}}”{{detail}}。请重新选择文件；现有的审核结果没有任何改动。', { file: file.name, detail: errorDetailInParens(e) }),
        };
      }
      const text = decodeDecisionFile(bytes, t);
      if (!text.ok) return text;
      const now = new Date();
      const parsed = parseDecisionsCsv(text.value, now, t);
      if (!parsed.ok) return parsed;
      const w = await mergeIntoStore((stored) => mergeDecisions(stored, parsed.value, now), self, t);
      if (!w.ok) return { ok: false, error: t('导入失败：{{error}}', { error: w.error }) };
      const { merge, unreadable } = w.value;
      setState({ status: 'ready', byFingerprint: new Map(merge.merged.map((d) => [d.fingerprint, d])), unreadable });
      return { ok: true, value: `“${file.name}”${describeMerge(merge, t)}` };
    },
    [self, t],
  );

  const exportCsv = useCallback(() => decisionsToCsv(state.status === 'ready' ? [...state.byFingerprint.values()] : []), [state]);

  return { state, decide, undo, importFile, exportCsv };
}
