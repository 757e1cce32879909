/**
 * The layout of the 2021 form (国办公开办函〔2021〕30号): for each table its row keys, column keys and
 * the form's own Chinese labels, in the form's order. Keys are those of
 * ../shared/spec/annual-report-format.md; labels are what the UI shows. Table 二 of the 2019–2020
 * trial format (国办公开办函〔2019〕60号) has columns of its own ({@link T2_ROWS_2019}); its tables
 * 三 and 四 use the 2021 keys (its table 三 prints the single （六）其他处理 row, `other_handling`).
 */
import type { FormVersion, SectionKey, TableKey } from './report-schema';

/** A row or column of the form: its stable key and the form's Chinese label. */
export interface FormKey {
  /** Stable English key from the spec, e.g. `new_received`. */
  key: string;
  /** The form's label, e.g. `本年新收政府信息公开申请数量`. */
  label: string;
}

/** Table 二 rows with the columns each has (10 cells). `fees.amount` is in 万元. */
export const T2_ROWS: ReadonlyArray<FormKey & { columns: readonly string[] }> = [
  { key: 'regulations', label: '规章', columns: ['issued', 'repealed', 'in_force'] },
  { key: 'normative_documents', label: '行政规范性文件', columns: ['issued', 'repealed', 'in_force'] },
  { key: 'licensing', label: '行政许可', columns: ['decisions'] },
  { key: 'penalty', label: '行政处罚', columns: ['decisions'] },
  { key: 'coercion', label: '行政强制', columns: ['decisions'] },
  { key: 'fees', label: '行政事业性收费', columns: ['amount'] },
];

/** Table 二 column labels. */
export const T2_COLUMNS: readonly FormKey[] = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'in_force', label: '现行有效件数' },
  { key: 'decisions', label: '本年处理决定数量' },
  { key: 'amount', label: '本年收费金额（万元）' },
];

/**
 * Table 二 of the 2019–2020 trial format (国办公开办函〔2019〕60号), `form_version` `2019`. Rows
 * keep the 2021 keys where the item is the same (规章 → `regulations`, 规范性文件 →
 * `normative_documents`, 行政许可, 行政处罚, 行政强制, 行政事业性收费) and add
 * `other_services` (其他对外管理服务事项) and `procurement` (第二十条第（九）项 政府集中采购). The
 * columns differ from 2021 and have keys of their own (see {@link T2_COLUMNS_2019}): 第（一）项
 * counts what was made and published, not issued/repealed/in force; 第（五）（六）（八）项 count
 * items (上一年项目数量, 本年增/减) besides 处理决定数量; 收费 has no amount.
 */
export const T2_ROWS_2019: ReadonlyArray<FormKey & { columns: readonly string[] }> = [
  { key: 'regulations', label: '规章', columns: ['new_made', 'new_published', 'total_published'] },
  { key: 'normative_documents', label: '规范性文件', columns: ['new_made', 'new_published', 'total_published'] },
  { key: 'licensing', label: '行政许可', columns: ['items_prev_year', 'items_change', 'decisions'] },
  { key: 'other_services', label: '其他对外管理服务事项', columns: ['items_prev_year', 'items_change', 'decisions'] },
  { key: 'penalty', label: '行政处罚', columns: ['items_prev_year', 'items_change', 'decisions'] },
  { key: 'coercion', label: '行政强制', columns: ['items_prev_year', 'items_change', 'decisions'] },
  { key: 'fees', label: '行政事业性收费', columns: ['items_prev_year', 'items_change'] },
  { key: 'procurement', label: '政府集中采购', columns: ['projects', 'amount'] },
];

/**
 * Table 二 column labels of the 2019 trial format. Units: 件 or 项 for the counts;
 * `items_change` (本年增/减) may be negative; `procurement.amount` (采购总金额) in 万元 — a
 * value printed in 元 (`251000元`) is converted (÷ 10000) and its raw text kept.
 */
export const T2_COLUMNS_2019: readonly FormKey[] = [
  { key: 'new_made', label: '本年新制作数量' },
  { key: 'new_published', label: '本年新公开数量' },
  { key: 'total_published', label: '对外公开总数量' },
  { key: 'items_prev_year', label: '上一年项目数量' },
  { key: 'items_change', label: '本年增/减' },
  { key: 'decisions', label: '处理决定数量' },
  { key: 'projects', label: '采购项目数量' },
  { key: 'amount', label: '采购总金额（万元）' },
];

/** Table 二 rows of a form version (the 2021 form when the version is unknown). */
export function t2Rows(version: FormVersion | null): ReadonlyArray<FormKey & { columns: readonly string[] }> {
  return version === '2019' ? T2_ROWS_2019 : T2_ROWS;
}

/**
 * What a table-二 column holds, for the value rule (T2_VALUES): `amount` (万元, may be
 * fractional, not negative), `change` (本年增/减: a whole number that may be negative), or
 * `count` (a non-negative whole number, 件).
 */
export function t2ColumnKind(column: string): 'amount' | 'change' | 'count' {
  return column === 'amount' ? 'amount' : column === 'items_change' ? 'change' : 'count';
}

/** Table 三 columns (申请人情况), in the form's order; `total` is 总计. */
export const T3_COLUMNS: readonly FormKey[] = [
  { key: 'natural_person', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'social_welfare', label: '社会公益组织' },
  { key: 'legal_service', label: '法律服务机构' },
  { key: 'other_org', label: '其他' },
  { key: 'total', label: '总计' },
];

/** Table 三 rows 1–25 in the form's order (the standard layout with rows 21–23). */
export const T3_ROWS: readonly FormKey[] = [
  { key: 'new_received', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量' },
  { key: 'granted', label: '（一）予以公开' },
  { key: 'partially_granted', label: '（二）部分公开' },
  { key: 'denied_state_secret', label: '（三）不予公开 1.属于国家秘密' },
  { key: 'denied_prohibited_by_law', label: '2.其他法律行政法规禁止公开' },
  { key: 'denied_security_stability', label: '3.危及“三安全一稳定”' },
  { key: 'denied_third_party', label: '4.保护第三方合法权益' },
  { key: 'denied_internal_affairs', label: '5.属于三类内部事务信息' },
  { key: 'denied_process_info', label: '6.属于四类过程性信息' },
  { key: 'denied_enforcement_file', label: '7.属于行政执法案卷' },
  { key: 'denied_admin_query', label: '8.属于行政查询事项' },
  { key: 'unable_not_held', label: '（四）无法提供 1.本机关不掌握相关政府信息' },
  { key: 'unable_needs_creation', label: '2.没有现成信息需要另行制作' },
  { key: 'unable_unclear', label: '3.补正后申请内容仍不明确' },
  { key: 'not_processed_petition', label: '（五）不予处理 1.信访举报投诉类申请' },
  { key: 'not_processed_duplicate', label: '2.重复申请' },
  { key: 'not_processed_publication', label: '3.要求提供公开出版物' },
  { key: 'not_processed_excessive', label: '4.无正当理由大量反复申请' },
  { key: 'not_processed_confirmation', label: '5.要求行政机关确认或重新出具已获取信息' },
  { key: 'other_overdue_amendment', label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { key: 'other_overdue_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { key: 'other_other', label: '3.其他' },
  { key: 'total_processed', label: '（七）总计' },
  { key: 'carried_forward', label: '四、结转下年度继续办理' },
];

/** The single （六）其他处理 row some reports print instead of rows 21–23 (spec). */
export const T3_OTHER_HANDLING: FormKey = { key: 'other_handling', label: '（六）其他处理' };

/** The outcome rows (3–23) whose sum is （七）总计 in the standard layout. */
export const T3_OUTCOME_ROWS: readonly string[] = T3_ROWS.slice(2, 23).map((r) => r.key);

/** Table 四 rows. */
export const T4_ROWS: readonly FormKey[] = [
  { key: 'review', label: '行政复议' },
  { key: 'litigation_direct', label: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigation_after_review', label: '行政诉讼（复议后起诉）' },
];

/** Table 四 columns, in the form's order within each row group. */
export const T4_COLUMNS: readonly FormKey[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

/** Chinese names of the tables, for messages and the UI. */
export const TABLE_LABELS: Record<TableKey, string> = {
  t2: '主动公开政府信息情况（表二）',
  t3: '收到和处理政府信息公开申请情况（表三）',
  t4: '政府信息公开行政复议、行政诉讼情况（表四）',
};

/** Label of a row key in a table (either form version), or the key itself when unknown. */
export function rowLabel(table: TableKey, row: string): string {
  const rows: readonly FormKey[] =
    table === 't2' ? [...T2_ROWS, ...T2_ROWS_2019] : table === 't4' ? T4_ROWS : [...T3_ROWS, T3_OTHER_HANDLING];
  return rows.find((r) => r.key === row)?.label ?? row;
}

/**
 * Label of a column key in a table, or the key itself when unknown. For t2, the 2021 label wins
 * where both versions use the key (`decisions` → 本年处理决定数量, `amount` → 本年收费金额（万元）).
 */
export function columnLabel(table: TableKey, column: string): string {
  const cols = table === 't2' ? [...T2_COLUMNS, ...T2_COLUMNS_2019] : table === 't4' ? T4_COLUMNS : T3_COLUMNS;
  return cols.find((c) => c.key === column)?.label ?? column;
}

/** Headings of the six sections of the 2021 form (spec "The six sections"), by section key. */
export const SECTION_HEADINGS: Record<SectionKey, string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  review_litigation: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};
