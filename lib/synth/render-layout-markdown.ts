/**
 * The Markdown families of the layout benchmark:
 * - `markdown_row_groups` imitates data/corpus/shuyang-county-government-2025.txt (OCR output with
 *   Markdown tables): table 二 one table per 第二十条 item, table 三 one table per row group under a
 *   `###` heading with placeholder column headers (类别 | 数据1 … 数据6 | 总计), the empty 申请人情况
 *   tables of dashes, and sometimes a stray header row from the next page (项目 | 本年新收件数 …)
 *   in the middle of （六）; table 四 one table per row under 行政复议 / 行政诉讼（…）;
 * - `flattened_t4` imitates data/corpus/suqian-city-government-2025-excerpt.md: `## 表二：…`
 *   headings, table rows without header rows, the group label in its own cell on the first row of
 *   a group, and table 四 flattened to one unlabeled row of 15 numbers under `行政复议行政诉讼`.
 */
import { T3_COLUMNS, T4_COLUMNS, T4_ROWS } from '../model/form-layout';
import { halfWidthBrackets, itemNumeral, T2_PRINTED_GROUPS, T3_PRINTED_ROWS, T4_HEADER_WORDS } from './layout-labels';
import type { Random, TableValues } from './synthesize-tables';

const mdRow = (cells: ReadonlyArray<string | number>) => `| ${cells.join(' | ')} |`;
const mdRule = (n: number) => `|${'---|'.repeat(n)}`;

function t2Markdown(v: TableValues['t2']): string[] {
  return T2_PRINTED_GROUPS.flatMap((g) => [
    `### ${g.heading}`,
    mdRow(g.header),
    mdRule(g.header.length),
    ...g.rows.map((r) => mdRow([r.label, ...Object.values(v[r.key])])),
    '',
  ]);
}

/** 沭阳's row-group labels: `(三) 不予公开`, `(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)`. */
const shuyangLabel = (s: string) => halfWidthBrackets(s).replace(/，/g, ', ').replace(/\(区分/, ' (区分').replace('（六）其他处理', '(六) 其他');

function shuyangApplicantTables(): string[] {
  const dash = (n: number) => mdRow(Array(n).fill('-'));
  const orgs = ['商业企业', '科研机构', '社会公益', '法律服务机构', '其他'];
  return [
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
    '',
    '### 申请人情况 (自然人)',
    mdRow(['(数据项目)', '数量']),
    mdRule(2),
    dash(2),
    '',
    '### 申请人情况 (法人或其他组织)',
    mdRow(orgs),
    mdRule(5),
    dash(5),
    '',
    '### 申请人情况 (总计)',
    mdRow(['(数据项目)', '数量']),
    mdRule(2),
    dash(2),
    '',
  ];
}

function t3RowGroups(v: TableValues['t3'], rnd: Random): string[] {
  const header = [mdRow(['类别', ...[1, 2, 3, 4, 5, 6].map((i) => `数据${i}`), '总计']), mdRule(8)];
  const strayAfter = rnd() < 0.5 ? 'other_overdue_amendment' : null;
  const out = shuyangApplicantTables();
  for (const r of T3_PRINTED_ROWS.slice(0, 23)) {
    const values = T3_COLUMNS.map((c) => v[r.key][c.key]);
    if (r.firstOfSection && r.key === 'granted') out.push(`### ${r.section}`, '');
    if (!r.group && r.section) out.push(`### ${r.section}`, ...header, mdRow([r.section.replace(/^[一二三四]、/, ''), ...values]), '');
    else if (!r.item) out.push(`### ${shuyangLabel(r.group!)}`, ...header, mdRow([shuyangLabel(r.group!).replace(/^\(.\) /, ''), ...values]), '');
    else {
      if (r.firstOfGroup) out.push(`### ${shuyangLabel(r.group!)}`, ...header);
      out.push(mdRow([itemNumeral(r.item, '. ').replace(/、/g, r.key.startsWith('other_') ? ', ' : '、'), ...values]));
      if (r.key === strayAfter) out.push('', mdRow(['项目', '本年新收件数', '上年结转件数', '予以公开', '部分公开', '不予公开', '结转下年度', '总计']), mdRule(8));
      else if (r.key === 'unable_unclear' || r.key === 'denied_admin_query' || r.key === 'not_processed_confirmation') out.push('');
    }
  }
  const tail = (key: string, label: string) => mdRow([label, ...T3_COLUMNS.map((c) => v[key][c.key])]);
  out.push(tail('total_processed', '（七）总计'), tail('carried_forward', '四、结转下年度继续办理'));
  return out;
}

function t4RowTables(v: TableValues['t4']): string[] {
  const titles = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
  return T4_ROWS.flatMap((r, i) => [
    `### ${titles[i]}`,
    mdRow(T4_HEADER_WORDS.results),
    '|----------|----------|----------|----------|------|',
    mdRow(T4_COLUMNS.map((c) => v[r.key][c.key])),
    '',
  ]);
}

/** The three tables in 沭阳's Markdown-per-row-group layout. */
export function renderRowGroupTables(v: TableValues, rnd: Random): Record<'t2' | 't3' | 't4', string[]> {
  return { t2: t2Markdown(v.t2), t3: t3RowGroups(v.t3, rnd), t4: t4RowTables(v.t4) };
}

/** The three tables in 宿迁's layout: Markdown rows without headers, table 四 one row of 15 numbers. */
export function renderFlattenedTables(v: TableValues): Record<'t2' | 't3' | 't4', string[]> {
  const t2 = [
    '## 表二：主动公开政府信息情况',
    mdRow(T2_PRINTED_GROUPS[0].header),
    mdRule(4),
    ...T2_PRINTED_GROUPS.flatMap((g) => g.rows.map((r) => mdRow([r.label, ...Object.values(v.t2[r.key])]))),
  ];
  const t3 = ['## 表三：收到和处理政府信息公开申请情况'];
  for (const r of T3_PRINTED_ROWS) {
    const values = T3_COLUMNS.map((c) => v.t3[r.key][c.key]);
    const labels = !r.group ? [r.section!] : !r.item ? [r.group] : r.firstOfGroup ? [r.group, r.item] : [r.item];
    if (r.key === 'granted') labels.unshift(r.section!);
    t3.push(mdRow([...labels, ...values]));
  }
  const t4 = [`${T4_HEADER_WORDS.review}${T4_HEADER_WORDS.litigation}`, mdRow(T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => v.t4[r.key][c.key])))];
  return { t2, t3, t4 };
}
