'use client';

/**
 * The key figures of a report's 体检单: its agency's years read with the agency page's SQL
 * (lib/query/agency-years.ts agencyYearsSql over `facts`, the numbers the agency page and the views
 * show), then this report's row and the row of the year before (lib/present/report-card.ts
 * reportRowOf, previousYearRow). A report that is not counted (no row in `facts`: a duplicate, an
 * unfilled form) has no figures; a failed query is said in one sentence.
 */
import { useEffect, useState } from 'react';
import { runQuery } from '@/lib/store/executor';
import { agencyYearsSql, buildAgencyYears, latestYearSql, type AgencyReportRow } from '@/lib/query/agency-years';
import { previousYearRow, reportRowOf } from '@/lib/present/report-card';
import type { BrowserDbState } from '../../../_lib/use-browser-db';
import { zhT, type Translate } from '@/lib/present/i18n/translate';

/** The figures' state: loading, read (the report's row and the year before, each possibly null), or failed (a sentence in the UI's language). */
export type ReportFiguresState =
  | { status: 'loading' }
  | { status: 'ready'; row: AgencyReportRow | null; previous: AgencyReportRow | null }
  | { status: 'error'; error: string };

/** The figures of report `reportId` of agency `agencyKey` (null: not known yet, or the report has none); `t` says a failure in the UI's language. */
export function useReportFigures(db: BrowserDbState, reportId: string, agencyKey: string | null | undefined, known: boolean, t: Translate = zhT): ReportFiguresState {
  const [state, setState] = useState<ReportFiguresState>({ status: 'loading' });
  useEffect(() => {
    if (db.status !== 'ready' || !known) return;
    if (!agencyKey) {
      setState({ status: 'ready', row: null, previous: null });
      return;
    }
    let cancelled = false;
    void (async () => {
      const [rows, latest] = await Promise.all([runQuery(db.db.execFacts, agencyYearsSql(agencyKey)), runQuery(db.db.execFacts, latestYearSql())]);
      if (cancelled) return;
      if (!rows.ok) return setState({ status: 'error', error: t('关键数字没能读出：{{error}}', { error: rows.error }) });
      const latestYear = latest.ok && typeof latest.value[0]?.latest === 'number' ? latest.value[0].latest : null;
      const years = buildAgencyYears(agencyKey, rows.value, latestYear);
      const row = years ? reportRowOf(years, reportId) : null;
      setState({ status: 'ready', row, previous: years && row ? previousYearRow(years, row) : null });
    })();
    return () => {
      cancelled = true;
    };
  }, [db, reportId, agencyKey, known, t]);
  return state;
}
