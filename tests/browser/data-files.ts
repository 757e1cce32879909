/**
 * Expected values of the browser tests, read straight from the data files a server serves
 * (reports.csv, cells.csv, flags.csv), never through the app or its SQL — so no test hard-codes
 * how many reports are embedded.
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
  /** Agency of each report id. */
  agencyOf: Map<string, string>;
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

/** Reads the three CSVs of `dir` (throws when one is missing: the setup checked they exist). */
export function loadDataFiles(dir: string): DataFiles {
  const reports = csvRows(dir, 'reports.csv');
  const cells = csvRows(dir, 'cells.csv');
  const flags = csvRows(dir, 'flags.csv');
  return {
    dir,
    reports,
    cells,
    flags,
    hasManifest: existsSync(path.join(dir, 'manifest.json')),
    agencyOf: new Map(reports.map((r) => [r.report_id, r.agency])),
    withTable: (t) => new Set(cells.filter((c) => c.table === t).map((c) => c.report_id)),
    seed: (name) => reports.find((r) => r.source_file.includes(name)),
    t3Total: (id, row) => cells.find((c) => c.report_id === id && c.table === 't3' && c.row === row && c.column === 'total')?.value,
  };
}
