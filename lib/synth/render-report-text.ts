/**
 * Renders synthetic table values as report text in the seed layouts (tab-separated rows like
 * seeds 000/002, one cell per line like seed 004), with prose drawn from a large combinatorial
 * pool so that two years of one agency share little text unless text reuse is injected.
 */
import { T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../model/form-layout';
import type { Random, TableValues } from './synthesize-tables';

/** The printed layout of the tables. */
export type SynthLayout = 'tabs' | 'cell_per_line';

/** What to render; `prose` is reused verbatim when a defect copies last year's text. */
export interface RenderInput {
  agency: string;
  year: number;
  values: TableValues;
  layout: SynthLayout;
  /** Section prose by section number (1, 5, 6), without the headings. */
  prose: Record<1 | 5 | 6, string>;
  /** Printed date line (YYYY年M月D日) or null for none. */
  date: string | null;
  /** Tables printed as images: headings only. */
  missingTables: ReadonlyArray<'t2' | 't3' | 't4'>;
  /** One t3 row (key) printed with its first cell lost (OCR/conversion). */
  lostCellRow: string | null;
  /** Replace characters as OCR does in row labels (本年 → 本生). */
  ocrNoise: boolean;
}

const SUBJECTS = ['我单位', '本机关', '我局', '我委', '本级政府', '我办'];
const ACTIONS = ['坚持', '持续', '进一步', '全面', '扎实', '稳步', '深入', '切实', '不断', '着力'];
const VERBS = ['推进', '深化', '落实', '加强', '完善', '规范', '优化', '拓展', '健全', '提升'];
const OBJECTS = [
  '政务公开标准化规范化建设',
  '政府信息主动公开工作',
  '依申请公开办理流程',
  '政策解读和回应关切',
  '政府网站和政务新媒体管理',
  '公开属性源头认定',
  '重点领域信息公开',
  '政府信息公开指南和目录',
  '保密审查机制',
  '政务公开考核评议',
  '基层政务公开',
  '政府开放日活动',
];
const RESULTS = ['取得明显成效', '公开质效持续提升', '群众满意度不断提高', '工作机制更加健全', '公开渠道更加畅通', '答复质量稳步提高', '社会监督更加有力'];
const DETAILS = ['全年组织培训{n}次', '更新栏目{n}个', '发布政策解读{n}篇', '开展专项检查{n}次', '整改问题{n}个', '清理过期信息{n}条', '召开专题会议{n}次'];

function pick<T>(xs: readonly T[], rnd: Random): T {
  return xs[Math.floor(rnd() * xs.length)];
}

/** One sentence of administrative prose (combinatorial: about 10⁶ variants). */
export function proseSentence(rnd: Random): string {
  const detail = pick(DETAILS, rnd).replace('{n}', String(1 + Math.floor(rnd() * 60)));
  return `${pick(SUBJECTS, rnd)}${pick(ACTIONS, rnd)}${pick(VERBS, rnd)}${pick(OBJECTS, rnd)}，${detail}，${pick(RESULTS, rnd)}。`;
}

/** A paragraph of `n` sentences. */
export function proseParagraph(n: number, rnd: Random): string {
  return Array.from({ length: n }, () => proseSentence(rnd)).join('');
}

function noisy(label: string, on: boolean): string {
  return on ? label.replace('本年', '本生').replace('上年', '上生').replace('予以', '予已') : label;
}

function tableLines(cells: Array<string | number>, layout: SynthLayout): string[] {
  return layout === 'tabs' ? [cells.join('\t')] : cells.map((c) => `\t${c}`);
}

function renderT2(v: TableValues['t2'], layout: SynthLayout): string[] {
  const lines: string[] = [];
  lines.push(...tableLines(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], layout));
  for (const row of T2_ROWS) {
    if (row.key === 'licensing') lines.push(...tableLines(['信息内容', '本年处理决定数量'], layout));
    if (row.key === 'fees') lines.push(...tableLines(['信息内容', '本年收费金额（单位：万元）'], layout));
    lines.push(...tableLines([row.label, ...row.columns.map((c) => v[row.key][c])], layout));
  }
  return lines;
}

function renderT3(v: TableValues['t3'], layout: SynthLayout, lostCellRow: string | null, ocr: boolean): string[] {
  const lines: string[] = ['(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t申请人情况'];
  lines.push(...tableLines(['', ...T3_COLUMNS.map((c) => c.label)], layout));
  for (const row of T3_ROWS) {
    const values = T3_COLUMNS.map((c) => v[row.key][c.key]);
    lines.push(...tableLines([noisy(row.label, ocr), ...(row.key === lostCellRow ? values.slice(1) : values)], layout));
  }
  return lines;
}

function renderT4(v: TableValues['t4'], layout: SynthLayout): string[] {
  const header = ['行政复议', '', '', '', '', '行政诉讼'];
  const values = T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => v[r.key][c.key]));
  return [...tableLines(header, layout), ...tableLines(T4_COLUMNS.map((c) => c.label), layout), ...tableLines(values, layout)];
}

/** The report text. Deterministic for a given input. */
export function renderReportText(input: RenderInput): string {
  const { values: v, layout, year } = input;
  const t3 = v.t3;
  const out: string[] = [
    input.agency,
    '',
    `${year}年政府信息公开工作年度报告`,
    '',
    `本报告依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
    '一、总体情况',
    input.prose[1],
    `（二）依申请公开情况。${year}年，共收到政府信息公开申请${t3.new_received.total}件，上年结转${t3.carried_over.total}件，办结${t3.total_processed.total}件，结转下年度继续办理${t3.carried_forward.total}件。`,
    '',
    '二、主动公开政府信息情况',
    ...(input.missingTables.includes('t2') ? [] : renderT2(v.t2, layout)),
    '',
    '三、收到和处理政府信息公开申请情况',
    ...(input.missingTables.includes('t3') ? [] : renderT3(t3, layout, input.lostCellRow, input.ocrNoise)),
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    ...(input.missingTables.includes('t4') ? [] : renderT4(v.t4, layout)),
    '',
    '五、存在的主要问题及改进情况',
    input.prose[5],
    '',
    '六、其他需要报告的事项',
    input.prose[6],
    '',
  ];
  if (input.date) out.push(input.agency, input.date);
  return out.join('\n');
}
