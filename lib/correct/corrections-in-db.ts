/**
 * Corrections applied to a loaded database (the dashboard's page DuckDB; @duckdb/node-api in the
 * tests): for each corrected report, its cells are replaced by the corrected ones (status
 * `corrected`), the flags of the single-report rules are checked again on them (./apply-corrections.ts),
 * and its row of `facts` — what the views, charts and CSV downloads read — is pivoted again with
 * the build's SQL (lib/store/facts.ts). The report's reading flags and cross-year flags stay as
 * loaded (the cross-year rules are re-checked by the ingest, `--corrections`). All rows of one
 * report or none (one transaction each).
 */
import { SINGLE_REPORT_RULES } from '../checks/rule-registry';
import type { Cell, ReportRecord } from '../model/report-schema';
import { errorMessage, type QueryExecutor } from '../store/executor';
import { deleteFactsSql, insertFactsSql } from '../store/facts';
import { describeTableSql, insertTableSql, readCsvHeader, type DataTable } from '../store/load';
import { cellFromRow, recordsCsv, reportFromRow } from '../store/record-rows';
import { sqlIdent, sqlString, sqlStringList } from '../store/sql';
import { applyCorrections, OCR_VERDICT_RULE_IDS, recheckRecord, type StaleCorrection } from './apply-corrections';
import type { Correction } from './correction';

/** What applying corrections needs of a database (the upload's interface, lib/upload/add-uploads.ts UploadDb). */
export interface CorrectionDb {
  exec: QueryExecutor;
  /** Makes CSV text readable by read_csv; resolves to the path to use. `name` is unique per call. */
  registerCsv: (name: string, text: string) => Promise<string>;
  /** The report's text as read (for the prose checks), or null when it cannot be had. */
  reportText: (reportId: string) => Promise<string | null>;
  /** Loads the cells of built-in reports fetched on demand (the browser); absent when all are loaded. */
  ensureCells?: (reportIds: readonly string[]) => Promise<void>;
}

/**
 * The cells of each report as first loaded, before any correction of this session: corrections
 * always apply to these (their `value_before` is the value read), so a cell corrected twice in one
 * session is not stale. Keep one per database.
 */
export type OriginalCells = Map<string, Cell[]>;

/** What applying corrections to the database gave. */
export interface DbCorrectionOutcome {
  /** Reports whose rows were replaced. */
  reports: string[];
  applied: Correction[];
  stale: StaleCorrection[];
  /** Corrections of reports not loaded (their report_id is not in `reports`). */
  notLoaded: Correction[];
  /** Chinese sentences for reports whose rows could not be written (nothing changed for them). */
  problems: string[];
}

let batch = 0;

async function loadRecord(db: CorrectionDb, id: string, originals: OriginalCells): Promise<ReportRecord | null> {
  const rows = await db.exec(`SELECT * REPLACE (CAST(year AS INTEGER) AS year, CAST(published_on AS VARCHAR) AS published_on) FROM reports WHERE report_id = ${sqlString(id)}`);
  const report = rows[0] ? reportFromRow(rows[0]) : null;
  if (!report) return null;
  if (!originals.has(id)) {
    await db.ensureCells?.([id]);
    const q = sqlIdent;
    // OCR confidence goes through too (data built before issue 13 has no such column).
    const confidence = (await columnsOf(db.exec, 'cells')).includes('confidence') ? ', CAST(confidence AS DOUBLE) AS confidence' : '';
    const cellRows = await db.exec(`SELECT report_id, ${q('table')}, ${q('row')}, ${q('column')}, CAST(value AS DOUBLE) AS value, status, raw, note${confidence} FROM cells WHERE report_id = ${sqlString(id)}`);
    originals.set(id, cellRows.map(cellFromRow).filter((c): c is Cell => c !== null));
  }
  const text = (await db.reportText(id).catch(() => null)) ?? '';
  return { report, cells: originals.get(id)!, flags: [], text };
}

async function columnsOf(exec: QueryExecutor, table: DataTable): Promise<string[]> {
  return (await exec(describeTableSql(table))).map((r) => String(r.column_name));
}

/** Replaces the report's cells, its single-report flags and its facts row by `record`'s, in one transaction. */
async function writeRecord(db: CorrectionDb, record: ReportRecord): Promise<void> {
  const id = record.report.report_id;
  const csv = recordsCsv([record]);
  const statements = [`DELETE FROM cells WHERE report_id = ${sqlString(id)}`];
  // The loaded record carries no reading flags, so recheckRecord judged the OCR verdict afresh: replace it too.
  const replaced = [...SINGLE_REPORT_RULES.map((r) => r.id), ...OCR_VERDICT_RULE_IDS];
  statements.push(`DELETE FROM flags WHERE report_id = ${sqlString(id)} AND rule IN (${sqlStringList(replaced)})`);
  batch += 1;
  for (const table of ['cells', 'flags'] as const) {
    const header = readCsvHeader(table, csv[table]);
    if (!header.ok) throw new Error(header.error);
    if (csv[table].split('\n').filter(Boolean).length < 2) continue; // no rows (e.g. no flag)
    const path = await db.registerCsv(`correct-${batch}-${table}.csv`, csv[table]);
    statements.push(insertTableSql(table, path, header.header, await columnsOf(db.exec, table)));
  }
  statements.push(deleteFactsSql([id]), insertFactsSql([id]));
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const sql of statements) await db.exec(sql);
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/**
 * Applies `corrections` (all that are kept, every report) to the database. Never throws: a report
 * that cannot be written is a sentence in `problems`, a stale correction is listed (not applied),
 * a correction of a report not loaded is in `notLoaded`.
 */
export async function applyCorrectionsInDb(db: CorrectionDb, corrections: readonly Correction[], originals: OriginalCells): Promise<DbCorrectionOutcome> {
  const out: DbCorrectionOutcome = { reports: [], applied: [], stale: [], notLoaded: [], problems: [] };
  const ids = [...new Set(corrections.map((c) => c.report_id))];
  for (const id of ids) {
    const mine = corrections.filter((c) => c.report_id === id);
    try {
      const record = await loadRecord(db, id, originals);
      if (!record) {
        out.notLoaded.push(...mine);
        continue;
      }
      const applied = applyCorrections(record, mine);
      out.stale.push(...applied.stale);
      const checked = recheckRecord(applied.record);
      if (!checked.ok) {
        out.problems.push(checked.error);
        continue;
      }
      await writeRecord(db, checked.value);
      out.reports.push(id);
      out.applied.push(...applied.applied);
    } catch (e) {
      out.problems.push(`报告 ${id} 的校对没能写入浏览器内的数据库（${errorMessage(e)}）。请刷新页面；如果仍然出错，请报告。`);
    }
  }
  return out;
}
