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
 * (./facts.ts FACT_REPORT_COLUMNS); 3: and agency_key, agency_name (one identity per agency),
 * without blank forms; 4: and province, city, county, level, agency_type (the region tree, type and
 * level filters); 5: and view_order (the table views' order as one integer); 6: and published_on, published_on_source (合规 without a join on reports). A manifest of another version was written by an older build
 * whose facts the views cannot read: the browser says so and asks for `npm run build:data`.
 */
export const MANIFEST_FORMAT = 6;

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

/** Name of the first-pages file in the data folder ({@link FirstPages}). */
export const FIRST_PAGES_FILE = 'first-pages.json';

/**
 * The first page of every view without a filter, computed at build time with the views' own SQL
 * (lib/pipeline/build-browser-data.ts) so that the dashboard can draw its first chart and table
 * before DuckDB-WASM has started (~2 s of compiling 34 MB of wasm). `sql` is the view SQL the rows
 * came from: the browser uses an entry only when its own view SQL for the empty filter is the same
 * string (same dashboard version), and only when no uploads are kept in the tab; DuckDB's own
 * result replaces it as soon as the database is ready.
 */
export interface FirstPages {
  format: typeof MANIFEST_FORMAT;
  /** Rows per page the pages were cut at. */
  pageRows: number;
  views: Record<string, { sql: string; total: number; rows: Array<Record<string, string | number | boolean | null>> }>;
}
