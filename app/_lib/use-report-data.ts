'use client';

/**
 * The report page's data: the report's rows from the page's database (its reports row, cells —
 * fetched on demand for a built-in report —, flags, and the other years of its agency), and its
 * text (an upload of this tab from the tab's store, else /data/texts/<id>.txt).
 */
import { useEffect, useState } from 'react';
import { runQuery, type Row } from '@/lib/store/executor';
import { agencyReportsSql, cellsFromRows, flagsFromRows, reportCellsSql, reportFlagsSql, reportSql, type ReportCell, type ReportFlag } from '@/lib/query/report-detail';
import { rowFingerprint } from '@/lib/review/decisions';
import type { TextState } from '../_components/SourceText';
import { dataUrls, fetchData } from './data-urls';
import { keptUpload } from './upload-store';
import type { BrowserDb } from './duckdb-browser';
import type { BrowserDbState } from './use-browser-db';
import { useT } from './lang-context';

/** The report's rows: loading, a query failure (Chinese), not in the data, or ready. */
export type ReportDataState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'not_found' }
  | { status: 'ready'; report: Row; cells: ReportCell[]; flags: ReportFlag[]; siblings: Row[] };

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Reads one report's rows; sets the document title when found. */
async function readReport(db: BrowserDb, reportId: string): Promise<ReportDataState> {
  const exec = db.exec;
  await db.ensureCells([reportId]).catch(() => undefined); // without them the page shows the report with its tables empty
  const [rep, cells, flags] = await Promise.all([runQuery(exec, reportSql(reportId)), runQuery(exec, reportCellsSql(reportId)), runQuery(exec, reportFlagsSql(reportId))]);
  if (!rep.ok) return { status: 'error', error: rep.error };
  if (!cells.ok) return { status: 'error', error: cells.error };
  if (!flags.ok) return { status: 'error', error: flags.error };
  if (rep.value.length === 0) return { status: 'not_found' };
  const report = rep.value[0];
  const agency = str(report.agency);
  const siblings = agency ? await runQuery(exec, agencyReportsSql(agency, str(report.agency_key))) : { ok: true as const, value: [] };
  return { status: 'ready', report, cells: cellsFromRows(cells.value), flags: flagsFromRows(flags.value, rowFingerprint), siblings: siblings.ok ? siblings.value : [] };
}

/**
 * The report's rows once the database is ready (nothing is queried for an invalid id); read again
 * when `refresh` changes (after a correction changed the page's database, app/_lib/use-corrections.ts).
 */
export function useReportData(db: BrowserDbState, reportId: string, validId: boolean, refresh = 0): ReportDataState {
  const { t } = useT();
  const [data, setData] = useState<ReportDataState>({ status: 'loading' });
  useEffect(() => {
    if (!validId || db.status !== 'ready') return;
    let cancelled = false;
    setData({ status: 'loading' });
    void readReport(db.db, reportId).then((r) => {
      if (cancelled) return;
      setData(r);
      if (r.status === 'ready') document.title = `${str(r.report.agency) ?? t('报告')} ${typeof r.report.year === 'number' ? r.report.year : ''} · ${t('报告详情')}`;
    });
    return () => {
      cancelled = true;
    };
  }, [db, reportId, validId, refresh, t]);
  return data;
}

/** The report's text: from this tab's uploads, else fetched from the data folder. */
export function useReportText(reportId: string, validId: boolean): TextState {
  const { t } = useT();
  const [text, setText] = useState<TextState>({ status: 'loading' });
  useEffect(() => {
    if (!validId) return;
    let cancelled = false;
    const uploaded = keptUpload(reportId);
    if (uploaded) {
      setText({ status: 'ready', text: uploaded.text });
      return;
    }
    setText({ status: 'loading' });
    void (async () => {
      try {
        const res = await fetchData(dataUrls.reportText(reportId));
        const body = await res.text();
        if (cancelled) return;
        setText(res.ok ? { status: 'ready', text: body } : { status: 'error', error: t('没能读取这份报告的原文（HTTP {{status}}）：{{detail}}', { status: res.status, detail: body.split('\n')[0] }) });
      } catch (e) {
        if (!cancelled) setText({ status: 'error', error: t('没能读取这份报告的原文：{{detail}}。请确认看板服务仍在运行，然后刷新页面。', { detail: e instanceof Error ? e.message : String(e) }) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [reportId, validId, t]);
  return text;
}
