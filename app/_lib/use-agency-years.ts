'use client';

/**
 * React hook behind the agency page (/agency/AGENCY_KEY): reads one agency's years from the page's
 * DuckDB (./use-browser-db.ts) with the SQL of lib/query/agency-years.ts — first the facts (shown
 * at once), then the flags of its reports and, once their cells are loaded (BrowserDb.ensureCells),
 * the cross-year evaluations CARRYOVER_CONTINUITY and IN_FORCE_CONTINUITY. A failure of the later
 * steps keeps what was read and says what failed.
 *
 * What it downloads, whatever the size of the data: the header, charts and table read only the
 * `facts` partitions the page's database opens with (one row per report); the cross-year checks
 * fetch /data/cells/<report_id> for this agency's reports only (one small CSV each, through
 * BrowserDb.ensureCells), never all of cells.csv; the flags come from flags.csv, which the database
 * loads with reports.csv on the first query that needs them (as the dashboard does after its first
 * chart). tests/browser/suites/agency.ts checks the cell requests; tests/bench/bench-agency.ts
 * times the page.
 */
import { useEffect, useState } from 'react';
import { runQuery } from '@/lib/store/executor';
import { flagsFromRows, type ReportFlag } from '@/lib/query/report-detail';
import {
  agencyFlagsSql,
  agencyYearsSql,
  buildAgencyYears,
  continuityChecks,
  continuitySql,
  latestYearSql,
  type AgencyYears,
  type ContinuityCheck,
} from '@/lib/query/agency-years';
import { rowFingerprint } from '@/lib/review/decisions';
import type { BrowserDbState } from './use-browser-db';
import { zhT, type Translate } from '@/lib/present/i18n/translate';

/** A part of the page read after the years: loading, read, or failed with a message (the database's, or ours in the UI's language). */
export type Part<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

/** State of the agency's data. */
export type AgencyYearsState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'not_found' }
  | {
      status: 'ready';
      years: AgencyYears;
      /** The flags of each report, by report_id (errors first). */
      flags: Part<Map<string, ReportFlag[]>>;
      /** The cross-year evaluations of each pair of consecutive years. */
      continuity: Part<ContinuityCheck[]>;
    };

/**
 * Marks a moment of the agency page once per page load (performance.mark), for the benchmark
 * (tests/bench/bench-browser.ts): `agency-years` when the facts rows are read, `agency-continuity`
 * when the cross-year evaluations are shown.
 */
function markOnce(name: 'agency-years' | 'agency-continuity'): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/** Ids of every report of the agency (on the year axis or of an unknown year). */
function reportIds(ay: AgencyYears): string[] {
  return [...Object.values(ay.reportsByYear).flat(), ...ay.unknownYear].map((r) => String(r.report_id));
}

/** Groups flag rows (agencyFlagsSql) by report id. */
function flagsByReport(rows: Parameters<typeof flagsFromRows>[0]): Map<string, ReportFlag[]> {
  const out = new Map<string, ReportFlag[]>();
  for (const r of rows) {
    const id = String(r.report_id);
    out.set(id, [...(out.get(id) ?? []), ...flagsFromRows([r], rowFingerprint)]);
  }
  return out;
}

/** The agency `agencyKey`'s years from the database `db` (the state of useBrowserDb); `t` says its own messages in the UI's language. */
export function useAgencyYears(db: BrowserDbState, agencyKey: string, t: Translate = zhT): AgencyYearsState {
  const [state, setState] = useState<AgencyYearsState>({ status: 'loading' });
  useEffect(() => {
    if (db.status !== 'ready') return;
    let cancelled = false;
    setState({ status: 'loading' });
    void (async () => {
      const { execFacts, exec, ensureCells } = db.db;
      const [rows, latest] = await Promise.all([runQuery(execFacts, agencyYearsSql(agencyKey)), runQuery(execFacts, latestYearSql())]);
      if (cancelled) return;
      if (!rows.ok) return setState({ status: 'error', error: rows.error });
      const latestYear = latest.ok && typeof latest.value[0]?.latest === 'number' ? latest.value[0].latest : null;
      const years = buildAgencyYears(agencyKey, rows.value, latestYear);
      if (!years) return setState({ status: 'not_found' });
      let current: Extract<AgencyYearsState, { status: 'ready' }> = { status: 'ready', years, flags: { status: 'loading' }, continuity: { status: 'loading' } };
      const update = (patch: Partial<typeof current>) => {
        current = { ...current, ...patch };
        if (!cancelled) setState(current);
      };
      update({});
      markOnce('agency-years');
      const ids = reportIds(years);
      const flags = await runQuery(exec, agencyFlagsSql(ids));
      update({ flags: flags.ok ? { status: 'ready', value: flagsByReport(flags.value) } : { status: 'error', error: flags.error } });
      try {
        await ensureCells(ids);
      } catch (e) {
        return update({ continuity: { status: 'error', error: t('没能载入这些报告的单元格：{{error}}', { error: e instanceof Error ? e.message : String(e) }) } });
      }
      const cont = await runQuery(exec, continuitySql(ids));
      update({ continuity: cont.ok ? { status: 'ready', value: continuityChecks(cont.value) } : { status: 'error', error: cont.error } });
      if (cont.ok) markOnce('agency-continuity');
    })();
    return () => {
      cancelled = true;
    };
  }, [db, agencyKey, t]);
  return state;
}
