'use client';

/**
 * “N 份报告未读到表格”: the reports the filter keeps that the current table view leaves out because
 * their table could not be read (printed as an image, or not printed — 威海市文登区科学技术局 2022),
 * with a link to each report's page (lib/query/unread-tables.ts). Nothing when there is none or
 * for 合规. A background query (../_lib/query-priority.ts): it runs after the view's rows. A failed query shows nothing: the view itself still works and reports its own errors.
 */
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { runQuery, type Row } from '@/lib/store/executor';
import type { FilterState } from '@/lib/query/filters';
import { reportHref } from '@/lib/present/links';
import { unreadTablesSql, viewTablesLabel } from '@/lib/query/unread-tables';
import type { ViewId } from '@/lib/query/views';
import type { BrowserDb } from '../_lib/duckdb-browser';
import { useT } from '../_lib/lang-context';
import { background } from '../_lib/query-priority';

/** The left-out reports of `view` under `filter` (at most 20 listed; `n` counts all), re-queried on change. */
function useUnreadReports(db: BrowserDb, view: ViewId, filter: FilterState): Row[] {
  const [rows, setRows] = useState<Row[]>([]);
  const sql = unreadTablesSql(view, filter);
  useEffect(() => {
    let cancelled = false;
    if (!sql) {
      setRows([]);
      return;
    }
    void runQuery(background(db, db.execFacts), sql).then((r) => {
      if (!cancelled) setRows(r.ok ? r.value : []);
    });
    return () => {
      cancelled = true;
    };
  }, [db, sql]);
  return rows;
}

/** The note for `view` (see the module comment); `back` is the dashboard's URL parameters for the links. */
export default function UnreadTablesNote({ db, view, filter, back }: { db: BrowserDb; view: ViewId; filter: FilterState; back: URLSearchParams }) {
  const { t } = useT();
  const rows = useUnreadReports(db, view, filter);
  if (rows.length === 0) return null;
  const n = Number(rows[0].n ?? rows.length);
  return (
    <p className="note unread-tables" data-testid="unread-tables" data-count={n}>
      <strong>{t('{{count}} 份报告未读到表格', { count: n })}</strong>
      {t('（{{tables}}，可能以图片印出或没有印出），不在本视图中：', { tables: viewTablesLabel(view, t) ?? '' })}
      {rows.map((r, i) => (
        <span key={String(r.report_id)}>
          {i > 0 ? t('、') : ''}
          <Link href={reportHref(String(r.report_id), { back }) ?? '#'} data-testid="unread-report-link" data-report-id={String(r.report_id)}>
            {r.agency ? <span translate="no">{String(r.agency)}</span> : t('（未识别机关）')} {typeof r.year === 'number' ? `${r.year}` : t('年度未知')}
          </Link>
        </span>
      ))}
      {n > rows.length ? t(' 等（另有 {{count}} 份，可用筛选缩小范围）', { count: n - rows.length }) : ''}
      {t('。打开报告可查看原文和“表格缺失”的检查结果。')}
    </p>
  );
}
