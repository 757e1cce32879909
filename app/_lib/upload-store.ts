/**
 * Where the page keeps the reports uploaded in this tab: in memory, and in the tab's
 * sessionStorage (one key per report, `gov-reports:upload:v1:REPORT_ID`, the validated record as
 * JSON), so that a reload of the dashboard or a report page (/report/ID) in the same tab finds
 * them again. sessionStorage belongs to the tab: closing it forgets the uploads; nothing is sent
 * anywhere and nothing is written to the app's data files.
 *
 * Storage is best effort: a record too large for the tab's quota (about 5 MB in all) stays in
 * memory only, and the caller is told so ({@link keepUpload} returns false). Client-only.
 */
import { ReportRecord } from '@/lib/model/report-schema';

const PREFIX = 'gov-reports:upload:v1:';

/** Uploaded records of this page load, by report id (also those sessionStorage could not hold). */
const memory = new Map<string, ReportRecord>();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

/**
 * Keeps an uploaded record for this tab. Returns whether it was stored in sessionStorage (false:
 * kept in memory only — a reload forgets it).
 */
export function keepUpload(record: ReportRecord): boolean {
  memory.set(record.report.report_id, record);
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(PREFIX + record.report.report_id, JSON.stringify({ at: Date.now(), record }));
    return true;
  } catch {
    return false; // quota exceeded
  }
}

/**
 * The records kept in this tab's sessionStorage, oldest first, each validated against the schema;
 * `dropped` counts entries that no longer validate (an older version of the app) — they are removed.
 */
export function keptUploads(): { records: ReportRecord[]; dropped: number } {
  const s = storage();
  if (!s) return { records: [...memory.values()], dropped: 0 };
  const found: Array<{ at: number; record: ReportRecord }> = [];
  let dropped = 0;
  for (const key of Object.keys(s)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const raw = JSON.parse(s.getItem(key) ?? 'null') as { at?: unknown; record?: unknown } | null;
      const r = ReportRecord.safeParse(raw?.record);
      if (!r.success) throw new Error('invalid');
      found.push({ at: typeof raw?.at === 'number' ? raw.at : 0, record: r.data });
    } catch {
      dropped++;
      s.removeItem(key);
    }
  }
  found.sort((a, b) => a.at - b.at);
  for (const f of found) memory.set(f.record.report.report_id, f.record);
  return { records: found.map((f) => f.record), dropped };
}

/** The record of an upload kept in this tab (memory first, then sessionStorage), or null. */
export function keptUpload(reportId: string): ReportRecord | null {
  const m = memory.get(reportId);
  if (m) return m;
  const s = storage();
  try {
    const raw = s?.getItem(PREFIX + reportId);
    if (!raw) return null;
    const r = ReportRecord.safeParse((JSON.parse(raw) as { record?: unknown }).record);
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Forgets every upload of this tab (memory and sessionStorage). */
export function forgetUploads(): void {
  memory.clear();
  const s = storage();
  if (!s) return;
  for (const key of Object.keys(s)) if (key.startsWith(PREFIX)) s.removeItem(key);
}

/** Forgets the given uploads only (e.g. ones the database refused to restore). */
export function forgetUploadIds(ids: readonly string[]): void {
  const s = storage();
  for (const id of ids) {
    memory.delete(id);
    s?.removeItem(PREFIX + id);
  }
}

/**
 * How many uploads this tab keeps (entries under the store's key prefix, or in memory when
 * sessionStorage is unavailable), without reading them back: the dashboard's quick check before it
 * shows the build's first pages, which do not include uploads.
 */
export function keptUploadCount(): number {
  const s = storage();
  if (!s) return memory.size;
  return Object.keys(s).filter((k) => k.startsWith(PREFIX)).length;
}
