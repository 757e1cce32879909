/**
 * Assembly of the record, after parsing (lib/parse: text → sections, metadata, printed rows) and
 * normalizing (lib/normalize: printed rows → the form's cells): the report row with its status and
 * message, the cells, and the reading flags (AGENCY_UNRESOLVED, TABLE_MISSING, CELL_MISSING,
 * CELL_INFERRED). The rule checks run afterwards (lib/checks, via ./read-report.ts).
 */
import { SECTION_HEADINGS, TABLE_LABELS } from '../model/form-layout';
import { makeFlag } from '../model/make-flag';
import type { Flag, Report, ReportRecord, ReportStatus, TableKey } from '../model/report-schema';
import { readTables, type TableReading } from '../normalize/build-table-cells';
import type { ParsedText, ParseResult } from '../parse/parsed-report';
import { parseTextReport, TABLE_SECTION } from '../parse/parse-text-report';

/**
 * A record with no data: the file, its status and the message for the user (naming the file);
 * every other report field null, no cells, no flags, no text.
 */
export function failedRecord(reportId: string, sourceFile: string, status: ReportStatus, message: string): ReportRecord {
  const report: Report = {
    report_id: reportId,
    source_file: sourceFile,
    agency: null,
    agency_printed: null,
    region: null,
    year: null,
    published_on: null,
    report_kind: null,
    tables_found: [],
    sections_found: [],
    status,
    status_message: message,
    form_version: null,
    province: null,
    city: null,
    county: null,
    level: null,
    agency_type: null,
    agency_key: null,
    agency_name: null,
    agency_alias: null,
    published_on_source: null,
    source_url: null,
  };
  return { report, cells: [], flags: [], text: '' };
}

/** The report row as read (status `ok`, no tables yet): who, when, which sections and form. */
function baseReport(parsed: ParsedText, sourceFile: string, reportId: string): Report {
  const meta = parsed.metadata;
  return {
    report_id: reportId,
    source_file: sourceFile,
    agency: meta.agency,
    agency_printed: meta.agencyPrinted,
    region: meta.region,
    year: meta.year,
    published_on: meta.publishedOn,
    report_kind: meta.reportKind,
    tables_found: [],
    sections_found: parsed.sectionsFound,
    status: 'ok',
    status_message: '',
    form_version: parsed.formVersion,
    province: meta.province,
    city: meta.city,
    county: meta.county,
    level: meta.level,
    agency_type: meta.agencyType,
    agency_key: meta.agencyKey,
    agency_name: meta.agencyName,
    agency_alias: null,
    published_on_source: meta.publishedOnSource,
    source_url: meta.sourceUrl,
  };
}

/** The message of a `not_a_report` record, naming the file and saying what to do. */
function notAReportMessage(sourceFile: string): string {
  return `${sourceFile}：未识别为政府信息公开工作年度报告（找不到"政府信息公开工作年度报告"字样或"一、总体情况""二、主动公开政府信息情况"等章节标题）。请确认文件内容；若是年度报告的扫描件或图片，请先做文字识别（OCR）。`;
}

/** TABLE_MISSING for a table not read: its section holds no readable table, or is absent. */
function tableMissingFlag(reportId: string, table: TableKey, sectionFound: boolean): Flag {
  const heading = SECTION_HEADINGS[TABLE_SECTION[table]];
  return makeFlag({
    report_id: reportId,
    rule: 'TABLE_MISSING',
    severity: 'error',
    subject: [table],
    message: sectionFound
      ? `${TABLE_LABELS[table]}：章节「${heading}」下没有可读的表格数据（可能以图片发布），该表各格不予填充。`
      : `${TABLE_LABELS[table]}：找不到章节「${heading}」，该表各格不予填充。`,
  });
}

/**
 * The reading flags and notes of a report: AGENCY_UNRESOLVED (info) for a name that matches no
 * division, the tables' CELL_MISSING / CELL_INFERRED, TABLE_MISSING for each table not read; notes
 * for corrected misreadings of the name (沐阳 → 沭阳), surplus numbers and an all-blank form.
 */
function readingFlags(parsed: ParsedText, reportId: string, readings: readonly TableReading[]): { flags: Flag[]; notes: string[] } {
  const meta = parsed.metadata;
  const flags: Flag[] = [];
  const notes: string[] = [];
  if (meta.aliasesApplied.length) {
    notes.push(`机关名称按已知误识更正：${meta.aliasesApplied.map((a) => `${a.printed} → ${a.correct}`).join('、')}（原文为「${meta.agencyPrinted}」）`);
  }
  if (meta.agency && meta.unresolvedReason) {
    flags.push(makeFlag({ report_id: reportId, rule: 'AGENCY_UNRESOLVED', severity: 'info', subject: ['agency'], actual: meta.agency, message: meta.unresolvedReason }));
  }
  for (const r of readings) {
    notes.push(...r.notes);
    if (r.found) flags.push(...r.flags);
    else flags.push(tableMissingFlag(reportId, r.table, parsed.tables.find((t) => t.table === r.table)?.sectionFound ?? false));
  }
  const foundCells = readings.flatMap((r) => (r.found ? r.cells : []));
  if (foundCells.length && foundCells.every((c) => c.status === 'blank')) notes.push('表格各格均为空白（未填写的表格，不是零）');
  return { flags, notes };
}

/**
 * The record of a report read as a report: its tables normalized, its reading flags, and status
 * `ok`, or `partial` (with a message saying what is missing) when a table, a cell, the agency or
 * the year could not be read.
 */
function reportRecord(parsed: ParsedText, sourceFile: string, reportId: string): ReportRecord {
  const base = baseReport(parsed, sourceFile, reportId);
  const readings = readTables(reportId, parsed.tables, parsed.formVersion);
  const { flags, notes } = readingFlags(parsed, reportId, readings);
  const tablesFound = readings.filter((r) => r.found).map((r) => r.table);
  const cellMissing = flags.some((f) => f.rule === 'CELL_MISSING');
  const missingMeta = [base.agency ? null : '机关名称', base.year ? null : '年度'].filter(Boolean);
  const messages = [
    tablesFound.length < 3 ? `未读到：${(['t2', 't3', 't4'] as const).filter((t) => !tablesFound.includes(t)).map((t) => TABLE_LABELS[t]).join('、')}` : '',
    cellMissing ? '部分单元格缺失（见 CELL_MISSING 标记）' : '',
    missingMeta.length ? `标题中未读到${missingMeta.join('、')}` : '',
    ...notes,
  ].filter(Boolean);
  return {
    report: {
      ...base,
      tables_found: tablesFound,
      status: tablesFound.length < 3 || cellMissing || missingMeta.length ? 'partial' : 'ok',
      status_message: messages.join('；'),
    },
    cells: readings.flatMap((r) => (r.found ? r.cells : [])),
    flags,
    text: parsed.text,
  };
}

/**
 * Assembles the record of one file from what parsing made of it. Never throws.
 *
 * @param parsed parseReportBytes's outcome (lib/parse)
 * @param sourceFile the file name shown to users and written to reports.csv
 * @param reportId the stable id (see Report.report_id)
 * @returns a record without data when parsing failed (its status and message); `not_a_report`
 *   (metadata as read, no cells, no flags, the text kept) for a text that is no annual report;
 *   else the report (`ok` or `partial`), its cells and its reading flags — the rule checks are
 *   added by lib/checks.
 */
export function assembleRecord(parsed: ParseResult, sourceFile: string, reportId: string): ReportRecord {
  if (!parsed.ok) return failedRecord(reportId, sourceFile, parsed.error.status, parsed.error.message);
  const p = parsed.value;
  if (!p.looksLikeReport) {
    return { report: { ...baseReport(p, sourceFile, reportId), status: 'not_a_report', status_message: notAReportMessage(sourceFile) }, cells: [], flags: [], text: p.text };
  }
  return reportRecord(p, sourceFile, reportId);
}

/**
 * The record of a report given as text (parse, normalize, assemble; no checks). Never throws.
 * For tests, benchmarks and synthetic texts; files go through ./read-report.ts readReport.
 */
export function readReportText(text: string, sourceFile: string, reportId: string): ReportRecord {
  return assembleRecord({ ok: true, value: parseTextReport(text) }, sourceFile, reportId);
}
