/**
 * Chinese labels the views need beyond the form's own (which come from lib/model/form-layout.ts):
 * names of the outcome groups of 表三, of the check rules, severities and cell statuses, and a
 * reader for cell references such as `t3.new_received.total`.
 */
import { columnLabel, rowLabel, SECTION_HEADINGS, T3_OTHER_HANDLING, T3_ROWS, T4_ROWS, TABLE_LABELS } from '../model/form-layout';
import type { TableKey } from '../model/report-schema';
import { RULES } from '../checks/rule-registry';
import { zhT, type Translate } from './i18n/translate';
import type { FilterLevel } from '../query/filters';

/**
 * Strip the form's numbering from a label: `一、本年新收政府信息公开申请数量` →
 * `本年新收政府信息公开申请数量`, `（一）予以公开` → `予以公开`, `（三）不予公开 1.属于国家秘密` →
 * `不予公开` (the group heading of a grouped row), `2.重复申请` → `重复申请`. With `t` the result is
 * translated (English: `（一）予以公开` → `Granted`; lib/present/i18n/en/form.ts has every plain label).
 */
export function plainLabel(label: string, t?: Translate): string {
  const group = /^（[一二三四五六七八九十]）\s*([^\s（(]+)/.exec(label);
  const plain = group ? group[1] : label.replace(/^[一二三四五六七八九十]+、/, '').replace(/^\d+[.．]\s*/, '');
  return t ? t(plain) : plain;
}

/**
 * The item part of a grouped row's label: `（三）不予公开 1.属于国家秘密` → `属于国家秘密`,
 * `2.重复申请` → `重复申请`; other labels as {@link plainLabel}. With `t` the result is translated
 * (English: `（三）不予公开 1.属于国家秘密` → `State secret`).
 */
export function itemLabel(label: string, t?: Translate): string {
  const grouped = /^（[一二三四五六七八九十]）\s*\S+\s+(\d+[.．].*)$/.exec(label);
  const item = grouped ? grouped[1] : label;
  return /^\d+[.．]/.test(item) ? (t ?? ((x: string) => x))(item.replace(/^\d+[.．]\s*/, '')) : plainLabel(item, t);
}

function t3Label(key: string): string {
  const row = T3_ROWS.find((r) => r.key === key);
  if (!row) throw new Error(`form-layout has no t3 row ${key}`);
  return plainLabel(row.label);
}

/**
 * Short Chinese names of the 表三 quantities and outcome groups used by the 依申请公开 view,
 * read from the form's labels: 本年新收…, 上年结转…, 予以公开, 部分公开, 不予公开 (rows 5–12),
 * 无法提供 (13–15), 不予处理 (16–20), 其他处理 (21–23 or the single （六） row), 结转下年度继续办理.
 */
export const T3_LABELS = {
  new_received: t3Label('new_received'),
  carried_over: t3Label('carried_over'),
  granted: t3Label('granted'),
  partially_granted: t3Label('partially_granted'),
  denied: t3Label('denied_state_secret'),
  unable: t3Label('unable_not_held'),
  not_processed: t3Label('not_processed_petition'),
  other: plainLabel(T3_OTHER_HANDLING.label),
  total_processed: `办理结果${t3Label('total_processed')}`,
  carried_forward: t3Label('carried_forward'),
} as const;

/** 行政复议 and 行政诉讼 (the litigation rows' label before its bracket), from the form's 表四 rows. */
export const T4_GROUP_LABELS = {
  review: T4_ROWS[0].label,
  litigation: T4_ROWS[1].label.replace(/（.*$/, ''),
} as const;

/**
 * Chinese names of the check rules, rule id → name, in registry order: read from the rule registry
 * (lib/checks/rule-registry.ts RULES: each rule's `name` in its own file, the parser's in
 * lib/model/rule-metadata.ts). An id read from data that no rule has keeps the id as its name
 * ({@link ruleLabel}).
 */
export const RULE_LABELS: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.id, r.name]));

/** Chinese name of a rule id, or the id itself when unknown. */
export function ruleLabel(rule: string): string {
  return RULE_LABELS[rule] ?? rule;
}

/** Chinese names of flag severities: error 错误, warning 警告, info 提示. */
export const SEVERITY_LABELS: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

/** Chinese name of a severity, or the key itself when unknown. */
export function severityLabel(severity: string): string {
  return SEVERITY_LABELS[severity] ?? severity;
}

/**
 * Chinese names of cell statuses (spec "Cell status"): reported 印出, blank 空白,
 * placeholder 占位符, missing 缺失, inferred 推算, invalid 无效 (printed, but no table can hold it),
 * corrected 已校对 (a person's correction, lib/correct), manual 手工录入 (typed into the form of a report entered by hand);
 * not a stored status: ocr_held 待核（OCR） — an `ocr` cell an OCR_UNCERTAIN flag names, held out of the
 * facts (every view, chart, rank and CSV) until a person corrects or confirms it (lib/store/facts.ts OCR_HELD_STATUS).
 */
export const CELL_STATUS_LABELS: Record<string, string> = {
  reported: '印出',
  blank: '空白',
  placeholder: '占位符',
  missing: '缺失',
  inferred: '推算',
  invalid: '无效',
  corrected: '已校对',
  ocr: 'OCR识别',
  manual: '手工录入',
  ocr_held: '待核（OCR）',
};

function tableShort(table: TableKey): string {
  return TABLE_LABELS[table].replace(/^.*（(表.)）$/, '$1');
}

/** Headings of the six sections of the 2021 form, by section key (model/form-layout.ts). */
export const SECTION_LABELS: Record<string, string> = SECTION_HEADINGS;

/**
 * A cell reference in words: `t3.new_received.total` → `表三·本年新收政府信息公开申请数量·总计`,
 * `t3.denied_state_secret.total` → `表三·（三）不予公开 1.属于国家秘密·总计` (the form's row label);
 * `t2` (a whole table) → `表二`; `text:120-180` (UTF-16 offsets into the report's text, end
 * exclusive) → `正文第 121–180 字`; `published_on` → `发布日期`; `agency` → `机关名称`; `section.problems` →
 * `章节「五、存在的主要问题及改进情况」`; `0123456789abcdef:t3.carried_forward.total` (a cell of
 * another report, used by the cross-year rules) → `另一份报告（0123456789abcdef）的表三·结转下年度继续办理·总计`.
 * Unknown parts are kept as written. With `t` (English, lib/present/i18n) every part is translated:
 * `t3.new_received.total` → `Table 3 · New applications received this year · Total`, `text:0-5` →
 * `characters 1–5 of the text` (the Chinese, with the default {@link zhT}, unchanged).
 */
export function describeCellRef(ref: string, t: Translate = zhT): string {
  const text = /^text:(\d+)-(\d+)$/.exec(ref);
  if (text) return t('正文第 {{start}}–{{end}} 字', { start: Number(text[1]) + 1, end: text[2] });
  if (ref === 'published_on') return t('发布日期');
  if (ref === 'agency') return t('机关名称');
  const section = /^section\.([a-z_]+)$/.exec(ref);
  if (section) return SECTION_LABELS[section[1]] ? t('章节「{{heading}}」', { heading: t(SECTION_LABELS[section[1]]) }) : ref;
  const other = /^([0-9a-f]{16}(?:-\d+)?):(.+)$/.exec(ref);
  if (other) {
    const inner = describeCellRef(other[2], t);
    return inner === other[2] ? ref : t('另一份报告（{{id}}）的{{cell}}', { id: other[1], cell: inner });
  }
  const [table, row, column] = ref.split('.');
  if (table !== 't2' && table !== 't3' && table !== 't4') return ref;
  const parts = [t(tableShort(table))];
  if (row) parts.push(t(rowLabel(table, row).replace(/^[一二三四五六七八九十]+、/, '')));
  if (column) parts.push(t(columnLabel(table, column)));
  return parts.join(parts[0] === tableShort(table) ? '·' : ' · ');
}

/**
 * Chinese names of report statuses (lib/model/report-schema.ts ReportStatus): how far a file
 * could be read. `ok` and `partial` are annual reports with data; the others have none.
 */
export const REPORT_STATUS_LABELS: Record<string, string> = {
  ok: '三张表均可读',
  partial: '部分可读',
  empty_file: '空文件',
  binary_file: '不是文本文件',
  unsupported_format: '格式暂不支持',
  undecodable_text: '文字无法解码',
  not_a_report: '不是年度报告',
  read_error: '文件无法打开',
  no_text_layer: '扫描件，无文字层',
  blank_form: '未填写的空白表格',
  duplicate: '重复的报告（未计入统计）',
  parse_failed: '解析失败',
  timeout: '解析超时',
  too_large: '超出读取上限',
};

/** Chinese name of a report status, or the key itself when unknown. */
export function reportStatusLabel(status: string): string {
  return REPORT_STATUS_LABELS[status] ?? status;
}

/**
 * Chinese names of where a report's 发布日期 comes from (reports.csv `published_on_source`, issue 11):
 * `printed` 印于报告 — the date the report prints; `page` 取自发布页面 — the date of the web page the
 * report was published on (a capture's 发布时间, a portal's 发布日期), used when the report prints none.
 */
export const PUBLISHED_ON_SOURCE_LABELS: Record<string, string> = { printed: '印于报告', page: '取自发布页面' };

/** Chinese name of a `published_on_source`, or the key itself when unknown. */
export function publishedOnSourceLabel(source: string): string {
  return PUBLISHED_ON_SOURCE_LABELS[source] ?? source;
}

/** The levels' labels in the UI and the sentence: 省级 (incl. the municipalities), 市级, 县级 (incl. 区). */
export const LEVEL_LABELS: Readonly<Record<FilterLevel, string>> = { 省: '省级', 市: '市级', 县: '县级' };

/**
 * Labels of the agency types the resolver produces (lib/parse/resolve-agency.ts AGENCY_TYPES: the
 * kind's short name), where the short name alone would mislead: 政府办公室 stands for 人民政府办公室
 * and 办公厅, 科技局 for 科学技术局, 科技厅 and 科委. Other types are their own label.
 */
export const AGENCY_TYPE_LABELS: Readonly<Record<string, string>> = {
  政府办公室: '人民政府办公室（厅）',
  科技局: '科技局（厅、科委）',
  乡镇人民政府: '乡镇人民政府',
  街道办事处: '街道办事处',
};

/** The label of an agency type (`政府办公室` → `人民政府办公室（厅）`); an unknown type is its own label. */
export function agencyTypeLabel(type: string): string {
  return AGENCY_TYPE_LABELS[type] ?? type;
}

/** The label of a level (`县` → `县级`); anything else is shown as is. */
export function levelLabel(level: string): string {
  return (LEVEL_LABELS as Record<string, string>)[level] ?? level;
}
