/**
 * The web-archive capture families of the layout benchmark, imitating
 * data/corpus/pingtan-public-security-bureau-2024.txt: a header block (标题: / 发布时间: / 文号: /
 * 发布机构: / 栏目: / 原文链接: / 本地目录:, then `==== 正文 ====`) and the whole body on one line,
 * the tables' labels and header words as that capture prints them:
 * - `one_line_spaced`: every cell of a row set apart by a space (`8 0 0 0 0 0 8`);
 * - `run_together`: a row's digits run together (`3000003`) and the next row's label glued to
 *   them (`00000002.其他法律…`), table 二's labels glued to their numbers (`规章000`);
 * - `partial_spacing`: as `run_together`, each row either spaced, run together, or with about
 *   half of its gaps printed (`10 0 0 0 01`), chosen by the seeded generator.
 */
import { T3_COLUMNS, T4_COLUMNS, T4_ROWS } from '../model/form-layout';
import { T2_PRINTED_GROUPS, T3_PRINTED_ROWS } from './layout-labels';
import type { Random, TableValues } from './synthesize-tables';

/** The capture spacing styles. */
export type RunningStyle = 'one_line_spaced' | 'run_together' | 'partial_spacing';

/** Table 三's header as the real capture prints it. */
const T3_HEADER =
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计商业 企业 科研 机构 社会公益组织 法律服务机构 其他';
/** Table 四's header as the real capture prints it. */
const T4_HEADER =
  '行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计';

/** The gap printer of one row: always a space, never, or each gap by a coin. */
function rowGap(style: RunningStyle, rnd: Random): () => string {
  if (style === 'one_line_spaced') return () => ' ';
  if (style === 'run_together') return () => '';
  const mode = rnd();
  if (mode < 0.3) return () => ' ';
  if (mode < 0.6) return () => '';
  return () => (rnd() < 0.5 ? ' ' : '');
}

function joinCells(cells: readonly (string | number)[], gap: () => string): string {
  return cells.reduce<string>((s, c, i) => (i === 0 ? String(c) : s + gap() + c), '');
}

function t2Running(v: TableValues['t2'], style: RunningStyle, rnd: Random): string {
  const afterLabel = style === 'one_line_spaced' ? ' ' : '';
  return T2_PRINTED_GROUPS.map((g, i) => {
    const heading = i === 0 ? `${g.heading}${g.header[0]} ${g.header.slice(1).join(' ')} ` : `${g.heading}${g.header.join('')}`;
    return heading + g.rows.map((r) => r.label + afterLabel + joinCells(Object.values(v[r.key]), rowGap(style, rnd))).join(afterLabel);
  }).join(afterLabel);
}

/** Table 三's labels as the capture prints them: `三、本年度办理结果 （一）予以公开`, `（三）不予公开 1.属于国家秘密`. */
function captureLabel(i: number): string {
  const r = T3_PRINTED_ROWS[i];
  if (!r.group) return r.section!;
  const section = r.key === 'granted' ? `${r.section} ` : '';
  if (!r.item) return section + r.group;
  return r.firstOfGroup ? `${r.group} ${r.item}` : r.item;
}

function t3Running(v: TableValues['t3'], style: RunningStyle, rnd: Random): string {
  const afterRow = style === 'one_line_spaced' && rnd() < 0.5 ? ' ' : '';
  const rows = T3_PRINTED_ROWS.map((r, i) => `${captureLabel(i)} ${joinCells(T3_COLUMNS.map((c) => v[r.key][c.key]), rowGap(style, rnd))}`);
  return `${T3_HEADER} ${rows.join(afterRow)}`;
}

function t4Running(v: TableValues['t4'], style: RunningStyle, rnd: Random): string {
  return `${T4_HEADER} ${joinCells(T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => v[r.key][c.key])), rowGap(style, rnd))}`;
}

/** What the capture holds besides the tables. */
export interface CapturePage {
  agency: string;
  year: number;
  /** Publication date of the page, YYYY-MM-DD. */
  publishedOn: string;
  preamble: string;
  overview: string;
  problems: string;
  other: string;
  /** A number for the page's URL. */
  pageNo: number;
}

/** The capture: header block, then the body on one line. */
export function renderCapture(page: CapturePage, v: TableValues, style: RunningStyle, rnd: Random): string {
  const title = `${page.agency}${page.year}年政府信息公开工作年度报告`;
  const month = page.publishedOn.slice(0, 7).replace('-', '');
  const body =
    `${page.preamble}一、总体情况${page.overview} 二、主动公开政府信息情况 ${t2Running(v.t2, style, rnd)} ` +
    `三、收到和处理政府信息公开申请情况 ${t3Running(v.t3, style, rnd)} ` +
    `四、政府信息公开行政复议、行政诉讼情况 ${t4Running(v.t4, style, rnd)} ` +
    `五、存在的主要问题及改进情况${page.problems}六、其他需要报告的事项${page.other}`;
  return [
    `标题: ${title}`,
    `发布时间: ${page.publishedOn} ${String(8 + (page.pageNo % 10)).padStart(2, '0')}:${String(page.pageNo % 60).padStart(2, '0')}`,
    '文号: ',
    `发布机构: ${page.agency}`,
    '栏目: 政府信息公开年报',
    `原文链接: https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/${month}/t${page.publishedOn.replace(/-/g, '')}_${page.pageNo}.htm`,
    `本地目录: zwgk/zfxxgk/zfxxgknb/${month}/${page.pageNo}_${title}`,
    '页面链接与图片详见 links.tsv(同目录)',
    '==================== 正文 ====================',
    body,
    '',
  ].join('\n');
}
