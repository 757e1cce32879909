/**
 * Parser for reports as text: plain text (the seeds' layouts: tab-separated rows, one cell per
 * line, wrapped labels, OCR text), Markdown (tables as `|` rows), and the text the PDF, HTML and
 * Word readers make of their documents. Produces the report row (with its form version and who
 * published it) and its cells with reading flags (TABLE_MISSING, CELL_MISSING, CELL_INFERRED,
 * AGENCY_UNRESOLVED); the rule checks run afterwards (lib/checks).
 */
import { SECTION_HEADINGS, TABLE_LABELS } from '../model/form-layout';
import { makeFlag } from '../model/make-flag';
import type { Flag, FormVersion, Report, ReportRecord, SectionKey, TableKey } from '../model/report-schema';
import { readT2, readT3, readT4, type TableReading } from '../normalize/build-table-cells';
import { readReportMetadata } from './read-report-metadata';
import { splitSections, type Section } from './split-sections';
import { groupRows, tokenizeSection } from './tokenize-table-text';

const TABLE_SECTION: Record<TableKey, SectionKey> = { t2: 'proactive', t3: 'applications', t4: 'review_litigation' };

/** Words that mark a text as an annual disclosure report (title or body). */
const REPORT_MARKERS = /信息公开.{0,6}(年度报告|年报)|政府信息公开工作/;

function readTable(table: TableKey, section: Section | undefined, reportId: string, version: FormVersion | null): TableReading {
  if (!section) return { table, found: false, cells: [], flags: [], notes: [] };
  const columns = table === 't3' ? 7 : table === 't4' ? 15 : 3;
  const rows = groupRows(tokenizeSection(section.body), columns);
  return table === 't2' ? readT2(reportId, rows, version) : table === 't3' ? readT3(reportId, rows) : readT4(reportId, rows);
}

/** Column headings only the 2019 trial format's table 二 prints (国办公开办函〔2019〕60号). */
const FORM_2019 = /新制作数量|新公开数量|对外公开总数量|第二十条第\s*[（(]\s*九\s*[)）]\s*项|政府集中采购|上一年项目数量/;
/** Column headings of the 2021 form's table 二 (国办公开办函〔2021〕30号). */
const FORM_2021 = /制发件数|废止件数|现行有效件数|本年处理决定数量|本年收费金额/;

/**
 * The table format of a report: by the column headings of its table 二 (the section's text, else
 * the whole text), else by the report year (2019–2020 → `2019`, 2021 on → `2021`), else null.
 * Source: 国办公开办函〔2019〕60号 and 〔2021〕30号.
 */
export function detectFormVersion(proactiveBody: string | null, text: string, year: number | null): FormVersion | null {
  for (const t of [proactiveBody, text]) {
    if (!t) continue;
    const is2019 = FORM_2019.test(t);
    const is2021 = FORM_2021.test(t);
    if (is2019 !== is2021) return is2019 ? '2019' : '2021';
  }
  if (year === null) return null;
  if (year >= 2021) return '2021';
  return year >= 2019 ? '2019' : null;
}

/**
 * Parses the text of one report. Never throws; a text that is not an annual report yields a
 * record with status `not_a_report` and a message saying what was expected. An agency name that
 * matches no division is kept as printed with an AGENCY_UNRESOLVED flag (info); a corrected
 * misreading (沐阳 → 沭阳) and an all-blank form are said in the status message.
 *
 * @param text the decoded text
 * @param sourceFile the file name shown to users and written to reports.csv
 * @param reportId the stable id (see Report.report_id)
 * @returns the record (report, cells, reading flags); rule checks are added by lib/checks.
 */
export function parseTextReport(text: string, sourceFile: string, reportId: string): ReportRecord {
  const { sections, preamble } = splitSections(text);
  const meta = readReportMetadata(preamble, text);
  const byKey = new Map(sections.map((s) => [s.key, s]));

  const looksLikeReport = REPORT_MARKERS.test(text.slice(0, 3000)) && (sections.length >= 2 || meta.year !== null);
  const formVersion = looksLikeReport ? detectFormVersion(byKey.get('proactive')?.body ?? null, text, meta.year) : null;
  const base: Report = {
    report_id: reportId,
    source_file: sourceFile,
    agency: meta.agency,
    agency_printed: meta.agencyPrinted,
    region: meta.region,
    year: meta.year,
    published_on: meta.publishedOn,
    report_kind: meta.reportKind,
    tables_found: [],
    sections_found: sections.map((s) => s.key),
    status: 'ok',
    status_message: '',
    form_version: formVersion,
    province: meta.province,
    city: meta.city,
    county: meta.county,
    level: meta.level,
    agency_type: meta.agencyType,
  };
  if (!looksLikeReport) {
    return {
      report: {
        ...base,
        status: 'not_a_report',
        status_message: `${sourceFile}：未识别为政府信息公开工作年度报告（找不到"政府信息公开工作年度报告"字样或"一、总体情况""二、主动公开政府信息情况"等章节标题）。请确认文件内容；若是年度报告的扫描件或图片，请先做文字识别（OCR）。`,
      },
      cells: [],
      flags: [],
      text,
    };
  }

  const readings = (['t2', 't3', 't4'] as const).map((t) => readTable(t, byKey.get(TABLE_SECTION[t]), reportId, formVersion));
  const flags: Flag[] = [];
  const notes: string[] = [];
  if (meta.aliasesApplied.length) {
    notes.push(`机关名称按已知误识更正：${meta.aliasesApplied.map((a) => `${a.printed} → ${a.correct}`).join('、')}（原文为「${meta.agencyPrinted}」）`);
  }
  if (meta.agency && meta.unresolvedReason) {
    flags.push(
      makeFlag({
        report_id: reportId,
        rule: 'AGENCY_UNRESOLVED',
        severity: 'info',
        subject: ['agency'],
        actual: meta.agency,
        message: meta.unresolvedReason,
      }),
    );
  }
  for (const r of readings) {
    notes.push(...r.notes);
    if (r.found) {
      flags.push(...r.flags);
      continue;
    }
    const section = byKey.get(TABLE_SECTION[r.table]);
    flags.push(
      makeFlag({
        report_id: reportId,
        rule: 'TABLE_MISSING',
        severity: 'error',
        subject: [r.table],
        message: section
          ? `${TABLE_LABELS[r.table]}：章节「${SECTION_HEADINGS[TABLE_SECTION[r.table]]}」下没有可读的表格数据（可能以图片发布），该表各格不予填充。`
          : `${TABLE_LABELS[r.table]}：找不到章节「${SECTION_HEADINGS[TABLE_SECTION[r.table]]}」，该表各格不予填充。`,
      }),
    );
  }
  const tablesFound = readings.filter((r) => r.found).map((r) => r.table);
  const foundCells = readings.flatMap((r) => (r.found ? r.cells : []));
  if (foundCells.length && foundCells.every((c) => c.status === 'blank')) {
    notes.push('表格各格均为空白（未填写的表格，不是零）');
  }
  const incomplete = tablesFound.length < 3 || flags.some((f) => f.rule === 'CELL_MISSING');
  const missingMeta = [meta.agency ? null : '机关名称', meta.year ? null : '年度'].filter(Boolean);
  const messages = [
    tablesFound.length < 3 ? `未读到：${(['t2', 't3', 't4'] as const).filter((t) => !tablesFound.includes(t)).map((t) => TABLE_LABELS[t]).join('、')}` : '',
    flags.some((f) => f.rule === 'CELL_MISSING') ? '部分单元格缺失（见 CELL_MISSING 标记）' : '',
    missingMeta.length ? `标题中未读到${missingMeta.join('、')}` : '',
    ...notes,
  ].filter(Boolean);
  return {
    report: {
      ...base,
      tables_found: tablesFound,
      status: incomplete || missingMeta.length ? 'partial' : 'ok',
      status_message: messages.join('；'),
    },
    cells: foundCells,
    flags,
    text,
  };
}
