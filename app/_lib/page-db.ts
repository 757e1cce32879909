/**
 * The page's database as the app uses it: the engine of ./duckdb-browser.ts plus the reports
 * uploaded earlier in this tab (./upload-store.ts, sessionStorage), put back into the tables right
 * after the built data (lib/upload/add-uploads.ts restoreUploadedRecords), so that a reload or a
 * report page keeps them; then the corrections kept in this browser (./correction-store.ts), applied
 * by ./use-corrections-page-db.ts — loaded only when there may be some. One per page: every caller shares the same promise; a failed start is
 * retried on the next call.
 *
 * Import this module dynamically from client code only (it touches Worker, fetch and sessionStorage).
 */
import type { Result } from '@/lib/model/result';
import { restoreUploadedRecords } from '@/lib/upload/add-uploads';
import { getBrowserDb, type BrowserDb, type DbFailure, type UiText } from './duckdb-browser';
import { zhT } from '@/lib/present/i18n/translate';
import { restoreFailureText } from '@/lib/present/i18n/upload-text';
import { forgetUploadIds, keptUploads } from './upload-store';
import { mayHaveCorrections } from './use-corrections-present';

/** Uploads of this tab put back at open: how many, and a Chinese message when some could not be (`problemText`: the same for the page's language). */
export interface RestoredUploads {
  reports: number;
  problem: string | null;
  problemText?: UiText | null;
}

/** The page's database and what became of the tab's kept uploads. */
export interface PageDb {
  db: BrowserDb;
  restored: RestoredUploads;
  /** The kept corrections applied at open (null when this browser keeps none). */
  corrections: import('./use-corrections-page-db').PageCorrections | null;
}

let pagePromise: Promise<Result<PageDb, DbFailure>> | null = null;

/**
 * The page's database with the tab's uploads restored. Without kept uploads the tables behind the
 * facts load lazily (the first chart needs only `facts`); with some, everything loads first (the
 * uploads are appended to every table).
 */
export function getPageDb(): Promise<Result<PageDb, DbFailure>> {
  if (!pagePromise) {
    const p = openPageDb();
    pagePromise = p;
    void p.then((r) => {
      if (!r.ok && pagePromise === p) pagePromise = null;
    });
  }
  return pagePromise;
}

async function openPageDb(): Promise<Result<PageDb, DbFailure>> {
  const r = await getBrowserDb({ deferTables: keptUploads().records.length === 0 });
  if (!r.ok) return r;
  const restored = await restoreKept(r.value);
  const corrections = (await mayHaveCorrections()) ? await (await import('./use-corrections-page-db')).applyKeptCorrections(r.value) : null;
  return { ok: true, value: { db: r.value, restored, corrections } };
}

/** Puts back the uploads kept in this tab's sessionStorage (see ./upload-store.ts). Never throws. */
async function restoreKept(db: BrowserDb): Promise<RestoredUploads> {
  const kept = keptUploads();
  const droppedText: UiText | null = kept.dropped ? { key: '{{count}} 份之前上传的报告来自旧版本的看板，无法恢复，已丢弃；如需要请重新上传。', vars: { count: kept.dropped } } : null;
  const dropped = droppedText ? zhT(droppedText.key, droppedText.vars) : null;
  if (kept.records.length === 0) return { reports: 0, problem: dropped, problemText: droppedText };
  const r = await restoreUploadedRecords({ exec: db.exec, registerCsv: db.registerCsv, ensureCells: db.ensureCells, reportText: async () => null }, kept.records);
  if (!r.ok) {
    forgetUploadIds(kept.records.map((x) => x.report.report_id));
    return { reports: 0, problem: r.error, problemText: restoreFailureText(r.error) };
  }
  // Kept uploads that the built data now holds are no longer uploads.
  forgetUploadIds(r.skipped);
  return { reports: r.restored.length, problem: dropped, problemText: droppedText };
}
