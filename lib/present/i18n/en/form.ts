/**
 * English texts of the UI (form), keyed by their Chinese (lib/present/i18n/translate.ts).
 * Plurals: '<key>_one' / '<key>_other'. Keep the spec's standard English names
 * (../shared/spec/annual-report-format.md, "Standard English names").
 *
 * The form's own labels (lib/model/form-layout.ts, 国办公开办函〔2021〕30号 and the 2019 trial
 * format): every row and column of 表二, 表三 and 表四, the tables' titles, the six section
 * headings, the articles of 条例第二十条 that head 表二's blocks; each full label, and its forms
 * without numbering (lib/present/labels.ts plainLabel / itemLabel, describeCellRef) so a label is
 * found however it is shortened. Numbering follows the form's: 一、 → I., （一） → (1), 1. → 1.
 * Terms with no exact English are listed in {@link FORM_TERMS_SHOWN_WITH_CHINESE}: the UI shows
 * the Chinese beside them in `<span lang="zh-CN">`.
 */
import type { Dictionary } from '../translate';

export const EN_FORM: Dictionary = {
  // ---------------------------------------------------------------- tables and sections
  '主动公开政府信息情况（表二）': 'Proactive disclosure of government information (Table 2)',
  '收到和处理政府信息公开申请情况（表三）': 'Applications for government information received and handled (Table 3)',
  '政府信息公开行政复议、行政诉讼情况（表四）': 'Administrative review and litigation over information disclosure (Table 4)',
  '表二': 'Table 2',
  '表三': 'Table 3',
  '表四': 'Table 4',
  '一、总体情况': 'I. Overview',
  '二、主动公开政府信息情况': 'II. Proactive disclosure of government information',
  '三、收到和处理政府信息公开申请情况': 'III. Applications for government information received and handled',
  '四、政府信息公开行政复议、行政诉讼情况': 'IV. Administrative review and litigation over information disclosure',
  '五、存在的主要问题及改进情况': 'V. Main problems and improvements',
  '六、其他需要报告的事项': 'VI. Other matters to report',
  '总体情况': 'Overview',
  '主动公开政府信息情况': 'Proactive disclosure of government information',
  '收到和处理政府信息公开申请情况': 'Applications for government information received and handled',
  '政府信息公开行政复议、行政诉讼情况': 'Administrative review and litigation over information disclosure',
  '存在的主要问题及改进情况': 'Main problems and improvements',
  '其他需要报告的事项': 'Other matters to report',

  // ---------------------------------------------------------------- 表二 (2021 form and 2019 trial format)
  '第二十条第（一）项': 'Regulations Art. 20 (1)',
  '第二十条第（五）项': 'Regulations Art. 20 (5)',
  '第二十条第（六）项': 'Regulations Art. 20 (6)',
  '第二十条第（八）项': 'Regulations Art. 20 (8)',
  '第二十条第（九）项': 'Regulations Art. 20 (9)',
  '信息内容': 'Information',
  '规章': 'Rules',
  '行政规范性文件': 'Administrative normative documents',
  '规范性文件': 'Normative documents',
  '行政许可': 'Administrative licensing',
  '其他对外管理服务事项': 'Other external management and service matters',
  '行政处罚': 'Administrative penalties',
  '行政强制': 'Administrative coercion',
  '行政事业性收费': 'Administrative fees',
  '政府集中采购': 'Government centralized procurement',
  '本年制发件数': 'Issued this year',
  '本年废止件数': 'Repealed this year',
  '现行有效件数': 'In force',
  '本年处理决定数量': 'Decisions this year',
  '本年收费金额（万元）': 'Fees collected this year (10,000 yuan)',
  '本年新制作数量': 'Newly made this year',
  '本年新公开数量': 'Newly published this year',
  '对外公开总数量': 'Total published',
  '上一年项目数量': 'Items last year',
  '本年增/减': 'Change this year (+/−)',
  '处理决定数量': 'Decisions',
  '采购项目数量': 'Procurement projects',
  '采购总金额（万元）': 'Total procurement amount (10,000 yuan)',

  // ---------------------------------------------------------------- 表三 columns (申请人情况)
  '申请人情况': 'Applicants',
  '自然人': 'Natural persons',
  '法人或其他组织': 'Legal persons or other organizations',
  '商业企业': 'Commercial enterprises',
  '科研机构': 'Research institutions',
  '社会公益组织': 'Public-interest organizations',
  '法律服务机构': 'Legal service providers',
  '其他': 'Other',
  '总计': 'Total',

  // ---------------------------------------------------------------- 表三 rows (full labels)
  '一、本年新收政府信息公开申请数量': 'I. New applications received this year',
  '二、上年结转政府信息公开申请数量': 'II. Applications carried over from last year',
  '（一）予以公开': '(1) Granted',
  '（二）部分公开': '(2) Partially granted',
  '（三）不予公开 1.属于国家秘密': '(3) Denied — 1. State secret',
  '2.其他法律行政法规禁止公开': '2. Prohibited by other laws or administrative regulations',
  '3.危及“三安全一稳定”': '3. Would endanger national, public or economic security or social stability',
  '4.保护第三方合法权益': "4. Protects a third party's lawful rights and interests",
  '5.属于三类内部事务信息': '5. Internal affairs information (three kinds)',
  '6.属于四类过程性信息': '6. Process information (four kinds)',
  '7.属于行政执法案卷': '7. Administrative law-enforcement case file',
  '8.属于行政查询事项': '8. Administrative inquiry matter',
  '（四）无法提供 1.本机关不掌握相关政府信息': '(4) Unable to provide — 1. The agency does not hold the information',
  '2.没有现成信息需要另行制作': '2. No existing information; it would have to be created',
  '3.补正后申请内容仍不明确': '3. Request still unclear after amendment',
  '（五）不予处理 1.信访举报投诉类申请': '(5) Not processed — 1. Petition, report or complaint',
  '2.重复申请': '2. Repeated application',
  '3.要求提供公开出版物': '3. Request for published materials',
  '4.无正当理由大量反复申请': '4. Numerous repeated applications without good reason',
  '5.要求行政机关确认或重新出具已获取信息': '5. Request to confirm or reissue information already obtained',
  '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请':
    '(6) Other handling — 1. Applicant did not amend in time without good reason; the application is no longer processed',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请':
    '2. Applicant did not pay the fee in time; the application is no longer processed',
  '3.其他': '3. Other',
  '（七）总计': '(7) Total',
  '四、结转下年度继续办理': 'IV. Carried forward to next year',
  '（六）其他处理': '(6) Other handling',

  // ---------------------------------------------------------------- 表三 rows without numbering (plainLabel, itemLabel)
  '本年新收政府信息公开申请数量': 'New applications received this year',
  '上年结转政府信息公开申请数量': 'Applications carried over from last year',
  '予以公开': 'Granted',
  '部分公开': 'Partially granted',
  '不予公开': 'Denied',
  '无法提供': 'Unable to provide',
  '不予处理': 'Not processed',
  '其他处理': 'Other handling',
  '结转下年度继续办理': 'Carried forward to next year',
  '属于国家秘密': 'State secret',
  '其他法律行政法规禁止公开': 'Prohibited by other laws or administrative regulations',
  '危及“三安全一稳定”': 'Would endanger national, public or economic security or social stability',
  '保护第三方合法权益': "Protects a third party's lawful rights and interests",
  '属于三类内部事务信息': 'Internal affairs information (three kinds)',
  '属于四类过程性信息': 'Process information (four kinds)',
  '属于行政执法案卷': 'Administrative law-enforcement case file',
  '属于行政查询事项': 'Administrative inquiry matter',
  '本机关不掌握相关政府信息': 'The agency does not hold the information',
  '没有现成信息需要另行制作': 'No existing information; it would have to be created',
  '补正后申请内容仍不明确': 'Request still unclear after amendment',
  '信访举报投诉类申请': 'Petition, report or complaint',
  '重复申请': 'Repeated application',
  '要求提供公开出版物': 'Request for published materials',
  '无正当理由大量反复申请': 'Numerous repeated applications without good reason',
  '要求行政机关确认或重新出具已获取信息': 'Request to confirm or reissue information already obtained',
  '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请':
    'Applicant did not amend in time without good reason; the application is no longer processed',
  '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': 'Applicant did not pay the fee in time; the application is no longer processed',

  // ---------------------------------------------------------------- 表四
  '行政复议': 'Administrative review',
  '行政诉讼': 'Administrative litigation',
  '行政诉讼（未经复议直接起诉）': 'Administrative litigation (filed directly, without review)',
  '行政诉讼（复议后起诉）': 'Administrative litigation (filed after review)',
  '结果维持': 'Upheld',
  '结果纠正': 'Corrected',
  '其他结果': 'Other result',
  '尚未审结': 'Pending',

  // ---------------------------------------------------------------- cell statuses (lib/present/labels.ts CELL_STATUS_LABELS)
  '印出': 'Printed',
  '空白': 'Blank',
  '占位符': 'Placeholder',
  '缺失': 'Missing',
  '推算': 'Inferred',
  '无效': 'Invalid',
  '已校对': 'Proofread',
  'OCR识别': 'OCR',
  '手工录入': 'Manual entry',

  // ---------------------------------------------------------------- cell references in words (labels.ts describeCellRef)
  '正文第 {{start}}–{{end}} 字': 'characters {{start}}–{{end}} of the text',
  '发布日期': 'Published on',
  '机关名称': 'Agency name',
  '章节「{{heading}}」': 'section “{{heading}}”',
  '另一份报告（{{id}}）的{{cell}}': '{{cell}} of another report ({{id}})',
};

/**
 * Form terms with no exact English (Chinese legal categories): where the UI shows one of these
 * labels in English it puts the Chinese beside it, in `<span lang="zh-CN">` (issue 10: "keep the
 * Chinese beside them where a term has no exact English"). Keys as in {@link EN_FORM}.
 */
export const FORM_TERMS_SHOWN_WITH_CHINESE: ReadonlySet<string> = new Set([
  '规章',
  '行政规范性文件',
  '规范性文件',
  '行政事业性收费',
  '3.危及“三安全一稳定”',
  '危及“三安全一稳定”',
  '5.属于三类内部事务信息',
  '属于三类内部事务信息',
  '6.属于四类过程性信息',
  '属于四类过程性信息',
  '（五）不予处理 1.信访举报投诉类申请',
  '信访举报投诉类申请',
]);
