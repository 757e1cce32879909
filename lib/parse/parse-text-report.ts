/**
 * Parser for reports as text: plain text (the seeds' layouts: tab-separated rows, one cell per
 * line, wrapped labels, OCR text), Markdown (tables as `|` rows), and the text the PDF, HTML and
 * Word readers make of their documents. Reads the sections, who published the report, its form
 * version and the printed rows of its three tables; the rows become cells in lib/normalize and the
 * record is assembled in lib/read.
 */
import type { FormVersion, SectionKey, TableKey } from '../model/report-schema';
import type { ParsedText, PrintedTable } from './parsed-report';
import { mergePageMetadata, NO_PAGE_METADATA, splitHeaderBlock, type PageMetadata } from './read-page-metadata';
import { readReportMetadata } from './read-report-metadata';
import { relineRunningText } from './reline-running-text';
import { splitSections, type Section } from './split-sections';
import { groupRows, tokenizeSection } from './tokenize-table-text';
import { foldFullWidthDigits } from '../model/printed-number';

/** The section each table is printed under (spec "The six sections"). */
export const TABLE_SECTION: Record<TableKey, SectionKey> = { t2: 'proactive', t3: 'applications', t4: 'review_litigation' };

/** Printed columns of each table's value rows: 二 3 (the widest row), 三 7, 四 15. */
const TABLE_COLUMNS: Record<TableKey, number> = { t2: 3, t3: 7, t4: 15 };

/** Words that mark a text as an annual disclosure report (title or body). */
const REPORT_MARKERS = /信息公开.{0,6}(年度报告|年报)|政府信息公开工作/;

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

/** The printed rows of `table` in its section (none when the section is absent). */
function printedTable(table: TableKey, section: Section | undefined, runTogether: boolean): PrintedTable {
  if (!section) return { table, sectionFound: false, rows: [], runTogether };
  return { table, sectionFound: true, rows: groupRows(tokenizeSection(section.body), TABLE_COLUMNS[table]), runTogether };
}

/**
 * Parses the text of one report as far as parsing goes. Never throws. A text that does not look
 * like an annual report (no 政府信息公开工作年度报告 in its first 3,000 characters, or neither two
 * sections nor a year) is returned with `looksLikeReport` false and no tables — lib/read gives it
 * the status `not_a_report`.
 *
 * A web capture's header block (`标题: …`, `发布时间: …`, `原文链接: …`, then `==== 正文 ====`;
 * read-page-metadata.ts) is read as the page's metadata and left out of the text; a body that
 * runs on without line breaks is relined by the form's headings and row labels
 * (reline-running-text.ts), and its tables are marked `runTogether`. Full-width digits (`２０２４`,
 * `１，２３４`) are read as digits everywhere — title, dates, tables, prose — by folding them to
 * ASCII first (lib/model/printed-number.ts foldFullWidthDigits; one character for one, so text
 * offsets hold); the text kept has them as ASCII digits.
 *
 * @param input the decoded text
 * @param page what the page that carried the text says (the HTML reader's metadata box and
 *   <meta>); a header block in the text fills what it leaves null
 * @returns sections, metadata (agency, year, … as read), the page metadata, form version and the
 *   printed rows of t2, t3 and t4; `text` is the report's text without the header block.
 */
export function parseTextReport(input: string, page: PageMetadata = NO_PAGE_METADATA): ParsedText {
  const header = splitHeaderBlock(foldFullWidthDigits(input));
  const pageMeta = mergePageMetadata(page, header.page);
  const { text, running } = relineRunningText(header.body);
  const { sections, preamble } = splitSections(text);
  const metadata = readReportMetadata(preamble, text, pageMeta);
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const looksLikeReport = REPORT_MARKERS.test(`${pageMeta.title ?? ''}\n${text.slice(0, 3000)}`) && (sections.length >= 2 || metadata.year !== null);
  return {
    text,
    sectionsFound: sections.map((s) => s.key),
    metadata,
    page: pageMeta,
    looksLikeReport,
    formVersion: looksLikeReport ? detectFormVersion(byKey.get('proactive')?.body ?? null, text, metadata.year) : null,
    tables: looksLikeReport ? (['t2', 't3', 't4'] as const).map((t) => printedTable(t, byKey.get(TABLE_SECTION[t]), running)) : [],
  };
}
