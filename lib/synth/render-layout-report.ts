/**
 * One generated report rendered in one layout family (issue 11, "A benchmark of layouts"): the
 * report's frame as the imitated real document prints it (title, preamble, the six section
 * headings, prose, the agency and date at the end) around the three tables rendered by the
 * family's renderer. Deterministic for a given input and random source.
 */
import { familyInfo, type LayoutFamily } from './layout-families';
import { renderHtmlReport } from './render-layout-html';
import { renderFlattenedTables, renderRowGroupTables } from './render-layout-markdown';
import { renderPdfColumnTables } from './render-layout-pdf-text';
import { renderCapture } from './render-layout-running-text';
import { fullWidthCell, notedCell, plainCell, renderCellPerLineTables, renderOcrTables, renderTabTables } from './render-layout-tab-text';
import type { Random, TableValues } from './synthesize-tables';

/** What is rendered: the agency's name, the report year (the tables' values), the prose and the date. */
export interface LayoutReportInput {
  agency: string;
  year: number;
  values: TableValues;
  /** Section prose by section number (1, 5, 6), without the headings. */
  prose: Record<1 | 5 | 6, string>;
  /** Publication date, YYYY-MM-DD (printed as YYYY年M月D日 at the end; the page's date in captures). */
  publishedOn: string;
  /** A number distinguishing the report (page URLs). */
  serial: number;
}

type Tables = Record<'t2' | 't3' | 't4', string[]>;

const SECTIONS = {
  s1: '一、总体情况',
  s2: '二、主动公开政府信息情况',
  s3: '三、收到和处理政府信息公开申请情况',
  s4: '四、政府信息公开行政复议、行政诉讼情况',
  s5: '五、存在的主要问题及改进情况',
  s6: '六、其他需要报告的事项',
};

/** The printed date: 2025-01-20 → 2025年1月20日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function preamble(year: number): string {
  return `依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）规定，编制本报告。本报告所列数据统计期限从${year}年1月1日至${year}年12月31日止。`;
}

function narrative(input: LayoutReportInput): string {
  const t3 = input.values.t3;
  return `（二）依申请公开情况。${input.year}年，共收到政府信息公开申请${t3.new_received.total}件，上年结转${t3.carried_over.total}件，办结${t3.total_processed.total}件，结转下年度继续办理${t3.carried_forward.total}件。`;
}

/** The plain-text frame of seeds 000–004 (`head` prefixes headings: '' or '## '). */
function textFrame(input: LayoutReportInput, tables: Tables, head: string, title: string[]): string {
  return [
    ...title,
    '',
    preamble(input.year),
    '',
    `${head}${SECTIONS.s1}`,
    input.prose[1],
    narrative(input),
    '',
    `${head}${SECTIONS.s2}`,
    '',
    ...tables.t2,
    '',
    `${head}${SECTIONS.s3}`,
    '',
    ...tables.t3,
    '',
    `${head}${SECTIONS.s4}`,
    '',
    ...tables.t4,
    '',
    `${head}${SECTIONS.s5}`,
    input.prose[5],
    '',
    `${head}${SECTIONS.s6}`,
    input.prose[6],
    '',
    input.agency,
    chineseDate(input.publishedOn),
    '',
  ].join('\n');
}

const reportTitle = (input: LayoutReportInput) => `${input.year}年政府信息公开工作年度报告`;

function tabFamily(family: LayoutFamily, input: LayoutReportInput, rnd: Random): Tables {
  if (family === 'cell_per_line') return renderCellPerLineTables(input.values, rnd);
  if (family === 'ocr_noisy') return renderOcrTables(input.values, rnd);
  const cell = family === 'full_width_digits' ? fullWidthCell(rnd) : family === 'cell_notes' ? notedCell(rnd) : plainCell;
  return renderTabTables(input.values, cell, rnd);
}

function captureOrHtml(family: 'html_spans' | 'one_line_spaced' | 'run_together' | 'partial_spacing', input: LayoutReportInput, rnd: Random): string {
  const overview = `${input.prose[1]}${narrative(input)}`;
  if (family === 'html_spans')
    return renderHtmlReport(
      { title: `${input.agency}${reportTitle(input)}`, preamble: preamble(input.year), overview: [input.prose[1], narrative(input)], problems: input.prose[5], other: input.prose[6], agency: input.agency, date: chineseDate(input.publishedOn) },
      input.values,
    );
  const page = { agency: input.agency, year: input.year, publishedOn: input.publishedOn, preamble: preamble(input.year), overview, problems: input.prose[5], other: input.prose[6], pageNo: input.serial };
  return renderCapture(page, input.values, family, rnd);
}

/**
 * Renders one report in one family.
 *
 * @returns the file's text and its ending (`txt`, `md`, `html`: the read path dispatches on it)
 */
export function renderLayoutReport(family: LayoutFamily, input: LayoutReportInput, rnd: Random): { text: string; ext: string } {
  const ext = familyInfo(family).ext;
  const title = `${input.agency}${reportTitle(input)}`;
  switch (family) {
    case 'html_spans':
    case 'one_line_spaced':
    case 'run_together':
    case 'partial_spacing':
      return { text: captureOrHtml(family, input, rnd), ext };
    case 'markdown_row_groups':
      return { text: textFrame(input, renderRowGroupTables(input.values, rnd), '## ', [`# ${input.agency} ${input.year} 年 政府信息公开工作年度报告`, '', input.agency, `(${chineseDate(input.publishedOn)})`]), ext };
    case 'flattened_t4':
      return { text: textFrame(input, renderFlattenedTables(input.values), '', ['正文', `${input.agency} ${input.year} 年政府信息公开工作年度报告`]), ext };
    case 'pdf_columns':
      return { text: textFrame(input, renderPdfColumnTables(input.values, title, rnd), '     ', [`${' '.repeat(12)}${title}`]), ext };
    default:
      return { text: textFrame(input, tabFamily(family, input, rnd), '', [input.agency, '', reportTitle(input)]), ext };
  }
}
