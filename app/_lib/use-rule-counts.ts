'use client';

/**
 * The flag counts per rule and severity of the reports a filter keeps (lib/query/review.ts
 * reviewOptionsSql), and the rule choices built from them: every registered rule, 0 included
 * (ruleChoices), for the rule filters of 审核 and 合规. A background query (./query-priority.ts):
 * on 合规 it runs after the view's rows.
 */
import { useEffect, useMemo, useState } from 'react';
import { runQuery } from '@/lib/store/executor';
import type { FilterState } from '@/lib/query/filters';
import { reviewOptionsFromRows, reviewOptionsSql, ruleChoices, type ReviewOptions, type RuleChoice } from '@/lib/query/review';
import type { BrowserDb } from './duckdb-browser';
import { background } from './query-priority';

/** What {@link useRuleCounts} returns: the counts (empty until queried) and every rule with its count. */
export interface RuleCounts {
  options: ReviewOptions;
  rules: RuleChoice[];
  /** False until the first answer; a failed query leaves the counts empty (the filter still works). */
  loaded: boolean;
}

/** Counts for `filter`, re-queried when the filter or the database changes. */
export function useRuleCounts(db: BrowserDb, filter: FilterState): RuleCounts {
  const [state, setState] = useState<{ options: ReviewOptions; loaded: boolean }>({ options: { rules: [], severities: [] }, loaded: false });
  const sql = reviewOptionsSql(filter);
  useEffect(() => {
    let cancelled = false;
    void runQuery(background(db, db.exec), sql).then((r) => {
      if (!cancelled) setState({ options: r.ok ? reviewOptionsFromRows(r.value) : { rules: [], severities: [] }, loaded: true });
    });
    return () => {
      cancelled = true;
    };
  }, [db, sql]);
  const rules = useMemo(() => ruleChoices(state.options.rules), [state.options]);
  return { options: state.options, rules, loaded: state.loaded };
}
