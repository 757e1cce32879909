/**
 * Adding uploaded reports to the page's database: the files read by ./read-uploaded-file.ts →
 * the alias table the built data was made with applied to their agency identities
 * (lib/parse/agency-alias-table.ts, served at /data/agency-aliases.csv) → duplicates set aside → the cross-year rules against the loaded reports of the same agency
 * (./upload-cross-year.ts) → rows exactly as the ingest writes them (lib/store/record-rows.ts
 * recordsCsv) → appended to the tables `reports`, `cells` and `flags` with the same typed SQL as
 * the built data (lib/store/load.ts insertTableSql), `reports.origin = 'upload'`, and their rows of
 * the per-report `facts` the views read, pivoted with the same SQL as the build's
 * (lib/store/facts.ts insertFactsSql).
 *
 * No DOM, no file system: the database is reached through {@link UploadDb}, which the browser
 * implements with DuckDB-WASM (registered file buffers) and the tests with @duckdb/node-api
 * (temporary files). Failures are values: every file gets a {@link UploadFileResult} whose message
 * says, in Chinese, what happened and what to do.
 */
import { proseDigest, type CrossYearInput } from '../checks/cross-year-input';
import type { ReportRecord } from '../model/report-schema';
import { applyAgencyAliases, type AgencyAlias } from '../parse/agency-alias-table';
import { errorMessage, type QueryExecutor, type Row } from '../store/executor';
import { insertFactsSql } from '../store/facts';
import { DATA_TABLES, describeTableSql, insertTableSql, readCsvHeader } from '../store/load';
import { cellFromRow, recordsCsv, reportFromRow } from '../store/record-rows';
import { crossYearCellsSql, loadedReportsByIdSql, reportsOfYearsSql } from '../query/uploads';
import type { UploadOutcome } from './upload-outcomes';
import { isPreviousYearOfBatch, previousYearsNeeded, withCrossYearFlags } from './upload-cross-year';

/** What adding uploads needs of a database. */
export interface UploadDb {
  /** Runs one SQL statement (may reject; wrapped here). */
  exec: QueryExecutor;
  /**
   * Makes CSV text readable by DuckDB's read_csv and resolves to the path to pass it (a registered
   * file name in the browser, a temporary file in Node). `name` is unique per call.
   */
  registerCsv: (name: string, text: string) => Promise<string>;
  /** The text of a loaded report (for TEXT_REUSE), or null when it cannot be had. */
  reportText: (reportId: string) => Promise<string | null>;
  /**
   * Makes sure the `cells` of these loaded reports are in the table (the browser fetches built-in
   * reports' cells on demand); absent when all cells are always loaded.
   */
  ensureCells?: (reportIds: readonly string[]) => Promise<void>;
}

/**
 * The result for one uploaded file, for the 文件名 / 结果 / 说明 list:
 * - `added`: its report is now in the tables (`record` with every flag, incl. cross-year ones);
 * - `duplicate`: the same bytes are already loaded (built in or uploaded before) or earlier in this
 *   upload; nothing was added;
 * - `rejected`: not added — too large, an unsupported type, unreadable, a scan without a text
 *   layer, not an annual report, or the database refused the rows.
 * `message` says what happened and what to do, in Chinese.
 */
export type UploadFileResult =
  | { file: string; outcome: 'added'; reportId: string; message: string; record: ReportRecord }
  | { file: string; outcome: 'duplicate'; reportId: string; message: string }
  | { file: string; outcome: 'rejected'; reportId: string | null; reason: string; message: string };

const TABLE_NAMES: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** The 说明 of an added report: who, which year, which tables, how many flags by severity. */
export function describeAddedRecord(record: ReportRecord): string {
  const r = record.report;
  const who = r.agency_name ?? r.agency ?? '（未识别机关）';
  const year = r.year !== null ? `${r.year} 年度` : '年度未知';
  const tables = r.tables_found.length ? `读到${r.tables_found.map((t) => TABLE_NAMES[t] ?? t).join('、')}` : '没有读到表格';
  const by = (s: string) => record.flags.filter((f) => f.severity === s).length;
  const parts = [['错误', by('error')], ['警告', by('warning')], ['提示', by('info')]].filter(([, n]) => (n as number) > 0).map(([l, n]) => `${l} ${n}`);
  const flags = record.flags.length ? `检查结果 ${record.flags.length} 条（${parts.join('、')}）` : '没有触发检查规则';
  const partial = r.status === 'partial' && r.status_message ? `。${r.status_message}` : '';
  return `${who} ${year}；${tables}；${flags}${partial}`;
}

async function tableColumns(exec: QueryExecutor, table: string): Promise<string[]> {
  const rows = await exec(describeTableSql(table as (typeof DATA_TABLES)[number]));
  return rows.map((r) => String(r.column_name));
}

/**
 * Appends `records` to the tables as they are (flags included), in one transaction: all rows or
 * none. Used for new uploads and to restore uploads kept by the page. Returns the failure as a
 * value with a Chinese message.
 */
export async function insertRecords(db: UploadDb, records: readonly ReportRecord[], batchName: string): Promise<{ ok: true } | { ok: false; error: string }> {
  if (records.length === 0) return { ok: true };
  const csv = recordsCsv(records);
  let began = false;
  try {
    const statements: string[] = [];
    for (const table of DATA_TABLES) {
      const header = readCsvHeader(table, csv[table]);
      if (!header.ok) return { ok: false, error: header.error };
      const path = await db.registerCsv(`${batchName}-${table}.csv`, csv[table]);
      statements.push(insertTableSql(table, path, header.header, await tableColumns(db.exec, table), 'upload'));
    }
    statements.push(insertFactsSql(records.map((r) => r.report.report_id)));
    await db.exec('BEGIN TRANSACTION');
    began = true;
    for (const sql of statements) await db.exec(sql);
    await db.exec('COMMIT');
    return { ok: true };
  } catch (e) {
    if (began) await db.exec('ROLLBACK').catch(() => undefined);
    return { ok: false, error: errorMessage(e) };
  }
}

/** The loaded reports (with their cross-year cells and digested text) the batch's reports follow. */
async function loadedPredecessors(db: UploadDb, batch: readonly ReportRecord[]): Promise<CrossYearInput[]> {
  const years = previousYearsNeeded(batch);
  if (!years.length) return [];
  const rows = await db.exec(reportsOfYearsSql(years));
  const reports = rows.map(reportFromRow).filter((r): r is NonNullable<typeof r> => r !== null && isPreviousYearOfBatch(r, batch));
  if (!reports.length) return [];
  await db.ensureCells?.(reports.map((r) => r.report_id));
  const cellRows = await db.exec(crossYearCellsSql(reports.map((r) => r.report_id)));
  const cells = cellRows.map(cellFromRow).filter((c): c is NonNullable<typeof c> => c !== null);
  const out: CrossYearInput[] = [];
  for (const report of reports) {
    const text = await db.reportText(report.report_id).catch(() => null);
    out.push({ report, cells: cells.filter((c) => c.report_id === report.report_id), sentences: text ? proseDigest(text) : [], text });
  }
  return out;
}

/**
 * Adds the readable files of one upload to the database.
 *
 * @param outcomes what ./read-uploaded-file.ts readUploadedFile returned for each file, in order
 * @param batchName a name unique to this upload (for the registered CSV files), e.g. `upload-3`
 * @param aliases rows of the alias table the loaded data was built with; applied to each read
 *   report's agency identity before the duplicate and cross-year checks, as the ingest does (a
 *   report changed by a row names it in `agency_alias`); none by default
 * @returns one result per outcome, in the same order. Files that could not be read are `rejected`
 *   with the reader's message; a file whose id is already loaded, or repeats an earlier file of
 *   the batch, is a `duplicate`; the others are `added` — or all `rejected` when the database
 *   refused the rows (nothing is then added). Never throws.
 */
export async function addUploadedReports(
  db: UploadDb,
  outcomes: readonly UploadOutcome[],
  batchName: string,
  aliases: readonly AgencyAlias[] = [],
): Promise<UploadFileResult[]> {
  const results: Array<UploadFileResult | null> = outcomes.map(() => null);
  const candidates: Array<{ i: number; record: ReportRecord }> = [];
  const seen = new Map<string, string>();
  outcomes.forEach((o, i) => {
    if (!o.ok) {
      results[i] = { file: o.file, outcome: 'rejected', reportId: o.record?.report.report_id ?? null, reason: o.record?.report.status ?? o.reason, message: o.message };
      return;
    }
    const id = o.record.report.report_id;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      results[i] = { file: o.file, outcome: 'duplicate', reportId: id, message: `与本次上传的 ${earlier} 内容完全相同，未重复添加。` };
      return;
    }
    seen.set(id, o.file);
    candidates.push({ i, record: aliases.length ? { ...o.record, report: applyAgencyAliases(o.record.report, aliases) } : o.record });
  });

  let loaded: Row[] = [];
  try {
    loaded = await db.exec(loadedReportsByIdSql(candidates.map((c) => c.record.report.report_id)));
  } catch (e) {
    for (const c of candidates) results[c.i] = dbFailure(outcomes[c.i].file, c.record.report.report_id, e);
    return results as UploadFileResult[];
  }
  const fresh: typeof candidates = [];
  for (const c of candidates) {
    const row = loaded.find((r) => r.report_id === c.record.report.report_id);
    if (!row) {
      fresh.push(c);
      continue;
    }
    const what = `${row.agency ?? '（未识别机关）'} ${typeof row.year === 'number' ? `${row.year} 年度` : '年度未知'}`;
    results[c.i] = {
      file: outcomes[c.i].file,
      outcome: 'duplicate',
      reportId: c.record.report.report_id,
      message:
        row.origin === 'upload'
          ? `这份文件之前已上传过（${what}，报告编号 ${row.report_id}），未重复添加。`
          : `看板内置数据中已有内容完全相同的报告（${what}，报告编号 ${row.report_id}），未重复添加；可直接在表格中查看。`,
    };
  }

  let checked: ReportRecord[];
  try {
    checked = withCrossYearFlags(
      fresh.map((c) => c.record),
      await loadedPredecessors(db, fresh.map((c) => c.record)),
    );
  } catch {
    // The cross-year comparison is extra: without it the single-report checks still stand.
    checked = withCrossYearFlags(fresh.map((c) => c.record), []);
  }
  const inserted = await insertRecords(db, checked, batchName);
  fresh.forEach((c, k) => {
    results[c.i] = inserted.ok
      ? { file: outcomes[c.i].file, outcome: 'added', reportId: c.record.report.report_id, message: describeAddedRecord(checked[k]), record: checked[k] }
      : dbFailure(outcomes[c.i].file, c.record.report.report_id, inserted.error);
  });
  return results as UploadFileResult[];
}

/**
 * Puts back uploads the page kept (e.g. in sessionStorage) after the database was opened again:
 * records whose id is already loaded (the built data now holds the same file) are skipped, the
 * others inserted as they are, flags included, in one transaction.
 * @returns the ids restored and skipped, or the database's refusal as a Chinese message (nothing
 *   restored then). Never throws.
 */
export async function restoreUploadedRecords(
  db: UploadDb,
  records: readonly ReportRecord[],
): Promise<{ ok: true; restored: string[]; skipped: string[] } | { ok: false; error: string }> {
  try {
    const ids = records.map((r) => r.report.report_id);
    const present = new Set((await db.exec(loadedReportsByIdSql(ids))).map((r) => String(r.report_id)));
    const take = ids.map((id, i) => !present.has(id) && ids.indexOf(id) === i);
    const todo = records.filter((_, i) => take[i]);
    const inserted = await insertRecords(db, todo, 'restore');
    if (!inserted.ok) return { ok: false, error: `之前上传的报告没能恢复到数据库（${inserted.error}）。请重新上传这些文件。` };
    return { ok: true, restored: ids.filter((_, i) => take[i]), skipped: ids.filter((_, i) => !take[i]) };
  } catch (e) {
    return { ok: false, error: `之前上传的报告没能恢复到数据库（${errorMessage(e)}）。请重新上传这些文件。` };
  }
}

function dbFailure(file: string, reportId: string, e: unknown): UploadFileResult {
  return {
    file,
    outcome: 'rejected',
    reportId,
    reason: 'database',
    message: `${file}：已读出报告，但没能写入浏览器内的数据库（${typeof e === 'string' ? e : errorMessage(e)}）。请刷新页面后重新上传；如果仍然出错，请报告此文件。`,
  };
}
