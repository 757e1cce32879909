/**
 * The manifest of the browser data build (lib/pipeline/build-browser-data.ts writes it as
 * manifest.json next to reports.csv; app/_lib/duckdb-browser.ts reads it). Types and names only.
 */

/** One facts partition: its report year (null: unknown), file (relative to the data folder), rows and bytes. */
export interface FactsPartition {
  year: number | null;
  file: string;
  rows: number;
  bytes: number;
}

/**
 * Version of the browser data build's layout. 2: facts carry agency, region, year and origin
 * (./facts.ts FACT_REPORT_COLUMNS). A manifest of another version was written by an older build
 * whose facts the views cannot read: the browser says so and asks for `npm run build:data`.
 */
export const MANIFEST_FORMAT = 2;

/** manifest.json of a browser data build. */
export interface BrowserManifest {
  format: typeof MANIFEST_FORMAT;
  /** The per-report facts (./facts.ts), one Arrow IPC stream per report year. */
  facts: FactsPartition[];
  /** Rows of reports.csv, cells.csv and flags.csv. */
  counts: { reports: number; cells: number; flags: number };
  /** cells.csv's header line, as column names (for the empty `cells` table the browser makes). */
  cellsHeader: string[];
}

/** Name of the manifest file in the data folder. */
export const MANIFEST_FILE = 'manifest.json';

/** Name of the cells byte-range index in the data folder (report_id → [start, end) ranges in cells.csv). */
export const CELLS_INDEX_FILE = 'cells-index.json';
