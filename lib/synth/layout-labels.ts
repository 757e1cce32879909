/**
 * The printed labels of the three tables as real reports print them (the 2021 form,
 * 国办公开办函〔2021〕30号), split into the parts a layout places in different fields: the section
 * label of table 三 (一、… / 三、本年度办理结果 / 四、…), the group label (（三）不予公开) and the item
 * label (1.属于国家秘密). Renderers print the section and group only on the first row they span,
 * as the merged cells of the real tables do.
 */
import type { Random } from './synthesize-tables';

/** One row of table 三 as printed. `section`/`group` are printed on the first row they span only. */
export interface T3PrintedRow {
  key: string;
  section: string | null;
  group: string | null;
  item: string | null;
  /** Whether this row is the first under its section / group. */
  firstOfSection: boolean;
  firstOfGroup: boolean;
}

const RAW: ReadonlyArray<[string, string | null, string | null, string | null]> = [
  ['new_received', '一、本年新收政府信息公开申请数量', null, null],
  ['carried_over', '二、上年结转政府信息公开申请数量', null, null],
  ['granted', '三、本年度办理结果', '（一）予以公开', null],
  ['partially_granted', '三、本年度办理结果', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', null],
  ['denied_state_secret', '三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'],
  ['denied_prohibited_by_law', '三、本年度办理结果', '（三）不予公开', '2.其他法律行政法规禁止公开'],
  ['denied_security_stability', '三、本年度办理结果', '（三）不予公开', '3.危及“三安全一稳定”'],
  ['denied_third_party', '三、本年度办理结果', '（三）不予公开', '4.保护第三方合法权益'],
  ['denied_internal_affairs', '三、本年度办理结果', '（三）不予公开', '5.属于三类内部事务信息'],
  ['denied_process_info', '三、本年度办理结果', '（三）不予公开', '6.属于四类过程性信息'],
  ['denied_enforcement_file', '三、本年度办理结果', '（三）不予公开', '7.属于行政执法案卷'],
  ['denied_admin_query', '三、本年度办理结果', '（三）不予公开', '8.属于行政查询事项'],
  ['unable_not_held', '三、本年度办理结果', '（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['unable_needs_creation', '三、本年度办理结果', '（四）无法提供', '2.没有现成信息需要另行制作'],
  ['unable_unclear', '三、本年度办理结果', '（四）无法提供', '3.补正后申请内容仍不明确'],
  ['not_processed_petition', '三、本年度办理结果', '（五）不予处理', '1.信访举报投诉类申请'],
  ['not_processed_duplicate', '三、本年度办理结果', '（五）不予处理', '2.重复申请'],
  ['not_processed_publication', '三、本年度办理结果', '（五）不予处理', '3.要求提供公开出版物'],
  ['not_processed_excessive', '三、本年度办理结果', '（五）不予处理', '4.无正当理由大量反复申请'],
  ['not_processed_confirmation', '三、本年度办理结果', '（五）不予处理', '5.要求行政机关确认或重新出具已获取信息'],
  ['other_overdue_amendment', '三、本年度办理结果', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['other_overdue_fee', '三、本年度办理结果', '（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['other_other', '三、本年度办理结果', '（六）其他处理', '3.其他'],
  ['total_processed', '三、本年度办理结果', '（七）总计', null],
  ['carried_forward', '四、结转下年度继续办理', null, null],
];

/** The 25 rows of table 三 in the form's order, with their printed label parts. */
export const T3_PRINTED_ROWS: readonly T3PrintedRow[] = RAW.map(([key, section, group, item], i) => ({
  key,
  section,
  group,
  item,
  firstOfSection: i === 0 || RAW[i - 1][1] !== section,
  firstOfGroup: group !== null && (i === 0 || RAW[i - 1][2] !== group),
}));

/** Table 二's groups (2021 form) as printed: the heading, the header row, the rows with their labels. */
export const T2_PRINTED_GROUPS: ReadonlyArray<{ heading: string; header: string[]; rows: Array<{ key: string; label: string }> }> = [
  {
    heading: '第二十条第（一）项',
    header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [
      { key: 'regulations', label: '规章' },
      { key: 'normative_documents', label: '行政规范性文件' },
    ],
  },
  { heading: '第二十条第（五）项', header: ['信息内容', '本年处理决定数量'], rows: [{ key: 'licensing', label: '行政许可' }] },
  {
    heading: '第二十条第（六）项',
    header: ['信息内容', '本年处理决定数量'],
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'coercion', label: '行政强制' },
    ],
  },
  { heading: '第二十条第（八）项', header: ['信息内容', '本年收费金额（单位：万元）'], rows: [{ key: 'fees', label: '行政事业性收费' }] },
];

/** Table 三's applicant columns as the header prints them (the two header rows of the form). */
export const T3_HEADER_WORDS = {
  note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  applicants: '申请人情况',
  natural: '自然人',
  legal: '法人或其他组织',
  orgs: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  total: '总计',
};

/** Table 四's header words: the two groups, the litigation sub-groups and the five result columns. */
export const T4_HEADER_WORDS = {
  review: '行政复议',
  litigation: '行政诉讼',
  direct: '未经复议直接起诉',
  afterReview: '复议后起诉',
  results: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
};

/** Half-width brackets with a space after, as seeds 000/002/003 print group labels: `（一）予以公开` → `(一) 予以公开`. */
export function halfWidthBrackets(label: string): string {
  return label.replace(/（([一二三四五六七八九十]+)）/g, '($1) ').replace(/（/g, '(').replace(/）/g, ')');
}

/** The item numeral as a layout prints it: `1.` → `1. ` (seed 000), `1．` (seed 004) or `1、` (PDF of 淮安). */
export function itemNumeral(label: string, style: '. ' | '．' | '、' | '.'): string {
  return label.replace(/^(\d)\./, `$1${style}`);
}

/** A random element. */
export function pick<T>(xs: readonly T[], rnd: Random): T {
  return xs[Math.floor(rnd() * xs.length)];
}
