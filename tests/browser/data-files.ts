/**
 * Expected values of the browser tests, read straight from the data files a server serves
 * (reports.csv, cells.csv, flags.csv), never through the app or its SQL — so no test hard-codes
 * how many reports are embedded. Agencies are identified as the app does since issue 9: the 机关
 * filter's values are `agency_key`s (e.g. `370305:政府办公室`), the views print `agency_name`
 * (淄博市临淄区人民政府办公室), and a `blank_form` or a `duplicate` (a report read twice) is in no view.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { csvRows, type CsvRow } from '../harness/app-data';

/** The rows of one data folder and look-ups over them. */
export interface DataFiles {
  dir: string;
  reports: CsvRow[];
  cells: CsvRow[];
  flags: CsvRow[];
  /** Whether the folder has the browser's data build (manifest.json, facts/, cells index). */
  hasManifest: boolean;
  /**
   * The agency name the views show, of each report id the views show (every report but a
   * `blank_form` or `duplicate`): agency_name, else the name as read (lib/query/views.ts reportsCte:
   * `coalesce(agency_name, agency) AS agency`; '' when neither, which the table prints as —).
   */
  agencyOf: Map<string, string>;
  /** The reports the views, coverage and filters show: every row of reports.csv but the `blank_form`s and `duplicate`s. */
  shown: CsvRow[];
  /** The unfilled official forms (status `blank_form`): in reports.csv, in no view, coverage or filter. */
  blankForms: CsvRow[];
  /** Ids of the reports with at least one cell of table `t` (t2, t3, t4). */
  withTable: (t: string) => Set<string>;
  /** The report whose source_file contains `name` (a seed's file name), or undefined. */
  seed: (name: string) => CsvRow | undefined;
  /** Value of cell t3.ROW.total of report `id`, as written in cells.csv. */
  t3Total: (id: string, row: string) => string | undefined;
}

/** Seed 004: 临淄区人民政府办公室 2023. */
export const LINZI = '004_7ffb10b0611b3e96';
/** Seed 001: 威海市文登区科学技术局 2022, no tables. */
export const WENDENG = '001_8a13ebfd976f8452';
/** Seed 003: 运城市科学技术局 2022, three CELL_INFERRED flags. */
export const YUNCHENG = '003_6424f50ad3d5c809';

/** The agency name the views show for a row of reports.csv (agency_name, else agency; '' when neither). */
export const agencyName = (r: CsvRow): string => r.agency_name || r.agency || '';

/**
 * Whether the views, coverage and filters show a report: an unfilled form (`blank_form`, issue 9)
 * and a report read twice (`duplicate`, lib/checks/duplicate-reports.ts: counted once) are left out.
 */
export const isShown = (r: CsvRow): boolean => r.status !== 'blank_form' && r.status !== 'duplicate';

/** Reads the three CSVs of `dir` (throws when one is missing: the setup checked they exist). */
export function loadDataFiles(dir: string): DataFiles {
  const reports = csvRows(dir, 'reports.csv');
  const cells = csvRows(dir, 'cells.csv');
  const flags = csvRows(dir, 'flags.csv');
  const shown = reports.filter(isShown);
  return {
    dir,
    reports,
    cells,
    flags,
    hasManifest: existsSync(path.join(dir, 'manifest.json')),
    agencyOf: new Map(shown.map((r) => [r.report_id, agencyName(r)])),
    shown,
    blankForms: reports.filter((r) => !isShown(r)),
    withTable: (t) => new Set(cells.filter((c) => c.table === t).map((c) => c.report_id)),
    seed: (name) => reports.find((r) => r.source_file.includes(name)),
    t3Total: (id, row) => cells.find((c) => c.report_id === id && c.table === 't3' && c.row === row && c.column === 'total')?.value,
  };
}
