/**
 * The one place that builds the addresses of the data folder as the app serves it (app/data/…
 * routes; the same paths from any static host): the three CSVs, manifest.json, first-pages.json,
 * the alias table, the facts partitions, one report's cells and one report's text. Every fetch of them goes
 * through {@link fetchData}, never cached (a rebuild of the data needs no restart).
 */
import { csvFileName, type DataTable } from '@/lib/store/load';
import { FIRST_PAGES_FILE, MANIFEST_FILE, type FactsPartition } from '@/lib/store/manifest';

/** The URL prefix of the data folder. */
const DATA = '/data';

/** Addresses of the data files (paths on the app's own host, never another). */
export const dataUrls = {
  /** `/data/reports.csv`, `/data/cells.csv` or `/data/flags.csv`. */
  csv: (table: DataTable): string => `${DATA}/${csvFileName(table)}`,
  /** `/data/manifest.json` (lib/store/manifest.ts BrowserManifest). */
  manifest: (): string => `${DATA}/${MANIFEST_FILE}`,
  /** `/data/first-pages.json` (lib/store/manifest.ts FirstPages). */
  firstPages: (): string => `${DATA}/${FIRST_PAGES_FILE}`,
  /** `/data/facts/<year>.arrow`: one facts partition listed in the manifest. */
  factsPartition: (part: FactsPartition): string => `${DATA}/${part.file}`,
  /** `/data/cells/<report_id>`: the cells.csv rows of one built-in report (with the header). */
  reportCells: (reportId: string): string => `${DATA}/cells/${encodeURIComponent(reportId)}`,
  /** `/data/agency-aliases.csv`: the alias table the ingest applied (204 from the app, 404 from a static host, when none; lib/pipeline/alias-file.ts). */
  // The name is lib/parse/agency-alias-table.ts AGENCY_ALIAS_FILE, written here so that this module
  // does not pull the agency resolver (and its division table) into every page's bundle.
  aliasTable: (): string => `${DATA}/agency-aliases.csv`,
  /** `/data/texts/<report_id>.txt`: the text of one built-in report as the ingest read it. */
  reportText: (reportId: string): string => `${DATA}/texts/${encodeURIComponent(reportId)}.txt`,
} as const;

/** Fetches a data URL without the browser's cache. Rejects as fetch does (network failure). */
export function fetchData(url: string): Promise<Response> {
  return fetch(url, { cache: 'no-store' });
}
