/**
 * The kept corrections (./correction-store.ts) applied to the page's database (./page-db.ts), so
 * that every view, chart, CSV download and report page of this tab shows the corrected values
 * (lib/correct/corrections-in-db.ts: cells `corrected`, the single-report checks re-run, the
 * facts pivoted again). Loaded dynamically, only when corrections may be kept.
 */
import { applyCorrectionsInDb, type DbCorrectionOutcome, type OriginalCells } from '@/lib/correct/corrections-in-db';
import type { Correction } from '@/lib/correct/correction';
import { loadCorrections } from './correction-store';
import { dataUrls, fetchData } from './data-urls';
import type { BrowserDb } from './duckdb-browser';
import { keptUpload } from './upload-store';

/** Each database's cells as first loaded, before any correction of this page (lib/correct OriginalCells). */
const originalsByDb = new WeakMap<BrowserDb, OriginalCells>();

/** The report's text: an upload of this tab from its store, else /data/texts/<id>.txt; null when neither. */
async function reportText(reportId: string): Promise<string | null> {
  const upload = keptUpload(reportId);
  if (upload) return upload.text;
  const res = await fetchData(dataUrls.reportText(reportId));
  return res.ok ? res.text() : null;
}

/** What applying the kept corrections gave, or why they could not be read (Chinese). */
export type PageCorrections = { ok: true; value: DbCorrectionOutcome; corrections: Correction[] } | { ok: false; error: string };

/**
 * Applies every kept correction (or `corrections`, when given) to `db`. Never throws: a failure
 * to read the store, a report that could not be written, a stale correction are in the result.
 */
export async function applyKeptCorrections(db: BrowserDb, corrections?: readonly Correction[]): Promise<PageCorrections> {
  let list = corrections;
  if (!list) {
    const loaded = await loadCorrections();
    if (!loaded.ok) return loaded;
    list = loaded.value;
  }
  if (list.length === 0) return { ok: true, value: { reports: [], applied: [], stale: [], notLoaded: [], problems: [] }, corrections: [] };
  let originals = originalsByDb.get(db);
  if (!originals) originalsByDb.set(db, (originals = new Map()));
  const value = await applyCorrectionsInDb({ exec: db.exec, registerCsv: db.registerCsv, ensureCells: db.ensureCells, reportText }, list, originals);
  return { ok: true, value, corrections: [...list] };
}
