/**
 * English texts of the UI (report), keyed by their Chinese (lib/present/i18n/translate.ts).
 * Plurals: '<key>_one' / '<key>_other'. Keep the spec's standard English names
 * (../shared/spec/annual-report-format.md, "Standard English names").
 *
 * The report page (app/_components/ReportPage.tsx and its parts: flag cards, source text, the
 * form's tables and their legend, review controls), 校对 (proofreading: the editable grid, the live
 * identities, corrections CSV import/export) and 手工录入 (manual entry). The form's own labels are
 * in ./form.ts.
 */
import type { Dictionary } from '../translate';

export const EN_REPORT: Dictionary = {
  '校对记录_{{date}}.csv': 'corrections_{{date}}.csv',
  // ---------------------------------------------------------------- punctuation joined between translated parts
  '：': ': ',
  '；': '; ',
  '。': '.',

  // ---------------------------------------------------------------- page, errors, head
  '报告详情 · 政府信息公开工作年度报告': 'Report details · Government information disclosure annual reports',
  报告: 'Report',
  报告详情: 'Report details',
  报告编号格式不对: 'Malformed report ID',
  '“{{id}}”不是报告编号（应为 16 位十六进制数字，重复文件另加 -序号，例如 c0d392a57191d65c）。':
    '“{{id}}” is not a report id (it should be 16 hexadecimal digits, with -N added for a duplicate file, e.g. c0d392a57191d65c).',
  '请从看板的表格、图表或审核队列点击进入报告页。': 'Open report pages from the tables, charts or review queue of the dashboard. ',
  返回看板: 'Back to the dashboard',
  数据中没有这份报告: 'This report is not in the data',
  '报告编号 {{id}} 不在当前数据（reports.csv）中。报告编号由文件内容计算，文件更换或数据重新生成后，旧链接可能失效。':
    'Report id {{id}} is not in the current data (reports.csv). Report ids are computed from the file contents, so old links may stop working after a file is replaced or the data is regenerated.',
  '，在“覆盖”或“审核”中重新找到这份报告。': ' and find the report again under Coverage or Review.',
  '如果这是一份上传的报告：上传的数据只保存在上传它的那个标签页中，关闭该标签页或点了“清除上传的数据”后就不再可用，请在看板中重新上传该文件。':
    'If this was an uploaded report: uploaded data lives only in the tab it was uploaded in and is gone once that tab is closed or “Clear uploaded data” is clicked. Upload the file again on the dashboard.',
  解析出的表格: 'Parsed tables',
  '{{year}} 年度政府信息公开工作年度报告': 'Government information disclosure annual report {{year}}',
  '（年度未知）政府信息公开工作年度报告': 'Government information disclosure annual report (year unknown)',
  在本浏览器中上传的文件: 'A file uploaded in this browser',
  '这份报告是在本浏览器中上传的：原文和数据只在本机读取，只保存在上传它的标签页中，关闭该标签页后不再可用；它不在看板的数据文件中。':
    "This report was uploaded in this browser: its text and data are read on this machine only and kept only in the tab it was uploaded in, so they are gone once that tab is closed; it is not in the dashboard's data files.",
  原文链接: 'Source page',
  '发布这份报告的网页（外部网站，在新标签页打开）': 'The web page this report was published on (an external site, opens in a new tab)',
  报告类型: 'Report type',
  '部门报告（次年 1 月 31 日前发布）': 'Department report (due by 31 January of the next year)',
  '人民政府报告（次年 3 月 31 日前发布）': "People's government report (due by 31 March of the next year)",
  读取情况: 'Reading',
  表格: 'Tables',
  '（未读到）': ' (not read)',
  章节: 'Sections',
  文件: 'File',
  '（取自发布页面）': ' (from the publication page)',
  未印出: 'not printed',
  '报告没有印出发布日期，发布页面也没有给出。': 'The report prints no publication date, and its web page gives none.',
  '报告没有印出发布日期；这是发布它的网页上的发布日期（发布时间、发布日期）。':
    'The report prints no publication date; this is the date of the web page it was published on.',
  '报告正文印出的发布日期。': 'The publication date printed in the report.',
  '发布日期（数据文件没有记录其来源）。': 'Publication date (the data file does not record its source).',
  这个机关的历年报告: "This agency's reports over the years",
  '这份报告的一至两页摘要，可打印或导出 PDF': 'A one- or two-page summary of this report, to print or save as PDF',
  '体检单（打印）': 'Report card (print)',
  '同一机关其他年度：': 'Other years of this agency: ',
  '（重复读入）': ' (duplicate reading)',

  // ---------------------------------------------------------------- flags
  检查结果: 'Check results',
  '检查结果 {{count}} 条_one': '{{count}} check result',
  '检查结果 {{count}} 条_other': '{{count}} check results',
  '（{{severities}}；已审核 {{reviewed}} 条，{{openLabel}} {{open}} 条）': ' ({{severities}}; reviewed {{reviewed}}, {{openLabel}} {{open}})',
  '这份报告没有触发任何检查规则。': 'This report triggered no check rule.',
  已定位: 'Located',
  在表格和原文中定位: 'Locate',
  检查所依据的报告原文: 'The text of the report the check rests on',
  '原文依据：': 'Evidence: ',
  '涉及：': 'Concerns: ',
  依据: 'Source',
  规则: 'Rule',
  编号: 'Id',
  指纹: 'fingerprint',
  '（无备注）': '(no note)',
  审核备注: 'Review note',
  '备注（驳回时必填）': 'Note (required to dismiss)',
  撤销: 'Undo',

  // ---------------------------------------------------------------- source text
  报告原文: 'Report text',
  '（解析时读到的文字；表格为制表符分隔的行）': '(the text as read when parsed; tables are tab-separated lines)',
  底色: 'Shaded',
  检查结果涉及的原文: 'text a check result concerns',
  虚线: 'Dashed',
  '所涉单元格在原文表格中的行（按行名查找，供对照）': "the printed table row of a cell concerned (found by the row's label, for comparison)",
  '正在读取原文…': 'Reading the text…',
  '这份文件没有读到任何文字（例如扫描件或无法解码的文件）。': 'No text was read from this file (e.g. a scan or a file that cannot be decoded).',
  '没能读取这份报告的原文（HTTP {{status}}）：{{detail}}': "Could not read this report's text (HTTP {{status}}): {{detail}}",
  '没能读取这份报告的原文：{{detail}}。请确认看板服务仍在运行，然后刷新页面。':
    "Could not read this report's text: {{detail}}. Check that the dashboard's server is still running, then reload the page.",

  // ---------------------------------------------------------------- the form's tables and legend
  空: 'blank',
  缺: 'miss',
  注: 'note',
  '单元格：': 'Cells: ',
  报告印出的数字: 'a number printed in the report',
  '原文未印出，按勾稽关系推算': "not printed; inferred from the form's identities",
  原文此格为空: 'the cell is printed empty',
  '原文印“/”“—”“无”等': 'printed as “/”, “—”, “none” or the like',
  '版面丢失，无法推算': 'lost in the layout, cannot be inferred',
  '按校对记录改正的数字（原文印出的保留在说明里）': 'a number corrected by proofreading (the printed value is kept in the cell note)',
  '从表格图片文字识别读出的数字（置信度见单元格说明），须经勾稽关系核对':
    "a number read by OCR from an image of the table (confidence in the cell note), to be checked against the form's identities",
  '手工录入的报告中由人填入的数字（未填的格为缺失，不是零）': 'a number typed by a person into a report entered by hand (a cell left empty is missing, not zero)',
  '印出的不是表格能容纳的件数（超过 12 位、小数、负数等），按原样显示':
    'printed, but not a count the form can hold (over 12 digits, a fraction, a negative…); shown as printed',
  '未读到：数据中没有此格': 'Not read: the data has no such cell',
  '检查结果涉及的格：': 'Cells concerned by a check result: ',
  当前选中的检查结果: 'the selected check result',
  '未读到此表：报告中没有可读的表格数据（可能以图片发布）。下面是表格的格式，各格均无数据。':
    'This table was not read: the report has no readable table data (it may have been published as an image). Below is the form of the table, with no data in its cells.',
  查看检查结果: 'See the check result',
  '表格格式之外的单元格：': 'Cells outside the form: ',
  '（{{status}}）': ' ({{status}})',
  '表格（可在框内滚动）': 'Table (scrolls within its box)',
  未读到: 'Not read',
  '原文：“{{raw}}”': 'Printed: “{{raw}}”',
  '注：{{note}}': 'Note: {{note}}',
  '识别置信度：{{percent}}%': 'OCR confidence: {{percent}}%',
  '检查：{{rule}}': 'Check: {{rule}}',
  '原文以元为单位，已折算为万元': 'printed in yuan; converted to 10,000 yuan',

  // ---------------------------------------------------------------- filters (Checklist)
  '已选 {{count}} 项_one': '{{count}} selected',
  '已选 {{count}} 项_other': '{{count}} selected',
  '已检查，没有发现问题': 'Checked, no problem found',
  '{{count}} 条_one': '{{count}} flag',
  '{{count}} 条_other': '{{count}} flags',

  // ---------------------------------------------------------------- 校对 (proofreading)
  '正在打开校对表格…': 'Opening the proofreading grid…',
  校对: 'Proofread',
  结束校对: 'End proofreading',
  导出校对: 'Export corrections',
  导入校对: 'Import corrections',
  '校对记录只保存在本浏览器中；导出后可交给他人导入，或用 npm run ingest -- --corrections 文件 写入数据。':
    'Corrections are kept only in this browser; export them for someone else to import, or write them into the data with npm run ingest -- --corrections FILE.',
  '已校对 {{cell}}：{{before}} → {{after}}': 'Corrected {{cell}}: {{before}} → {{after}}',
  无数值: 'no value',
  '{{cell}} 填的不是数字：请输入阿拉伯数字后再保存。': '{{cell}} is not a number: type digits, then save.',
  '没有改动任何一格：先在表格中改正数字，再保存。': 'No cell was changed: correct a number in the tables first, then save.',
  '请填写校对说明（为什么改、依据是什么），再保存。': 'Write a proofreading note (why the change, on what basis), then save.',
  '校对说明（必填）：': 'Proofreading note (required): ',
  '例如：原表总计印为 0，按各栏之和应为 11': 'e.g. the total is printed as 0; the sum of the columns is 11',
  '已改动 {{count}} 格_one': '{{count}} cell changed',
  '已改动 {{count}} 格_other': '{{count}} cells changed',
  '正在保存…': 'Saving…',
  保存: 'Save',
  '{{identity}}：相差 {{difference}}': '{{identity}}: off by {{difference}}',
  勾稽关系: "The form's identities",
  '勾稽关系（随输入更新）': "The form's identities (updated as you type)",
  '成立 {{holding}} 条；不成立 {{broken}} 条': '{{holding}} hold; {{broken}} do not hold',
  '；有格缺失、无法核对 {{count}} 条': '; {{count}} cannot be checked (a cell is missing)',
  '{{total}} 与 {{parts}}，': '{{total}} vs {{parts}}, ',
  成立: 'holds',
  '相差 {{difference}}': 'off by {{difference}}',
  '有格缺失，无法核对': 'a cell is missing; cannot be checked',
  '表三「{{row}}」行：总计 = 各类申请人之和': 'Table 3, row “{{row}}”: total = sum of the applicant columns',
  '表三「{{column}}」列：一 + 二 = 三（七）总计 + 四': 'Table 3, column “{{column}}”: I + II = III (7) total + IV',
  '表三「{{column}}」列：（七）总计 = （一）至（六）之和': 'Table 3, column “{{column}}”: (7) total = sum of (1) to (6)',
  '表四「{{row}}」：总计 = 维持 + 纠正 + 其他 + 尚未审结': 'Table 4, “{{row}}”: total = upheld + corrected + other + pending',
  '校对已保存，但浏览器内的数据库没有启动（{{error}}），刷新页面后生效。':
    "The corrections were saved, but the browser's database did not start ({{error}}); they take effect after a reload.",
  '{{count}} 条校对没有应用：{{reason}}_one': '{{count}} correction was not applied: {{reason}}',
  '{{count}} 条校对没有应用：{{reason}}_other': '{{count}} corrections were not applied: {{reason}}',
  '已保存 {{count}} 条校对，表格、检查结果和看板视图已按改正后的数字更新。_one':
    'Saved {{count}} correction; the tables, check results and dashboard views now use the corrected numbers.',
  '已保存 {{count}} 条校对，表格、检查结果和看板视图已按改正后的数字更新。_other':
    'Saved {{count}} corrections; the tables, check results and dashboard views now use the corrected numbers.',
  '已从 {{file}} 导入 {{count}} 条校对。_one': 'Imported {{count}} correction from {{file}}.',
  '已从 {{file}} 导入 {{count}} 条校对。_other': 'Imported {{count}} corrections from {{file}}.',
  '本浏览器中还没有校对记录：先在报告页点“校对”改正数字并保存，再导出。':
    'This browser has no corrections yet: click “Proofread” on a report page, correct a number and save, then export.',
  '{{what}}{{detail}}。请确认浏览器允许本站保存数据（非无痕模式），然后刷新页面重试。':
    '{{what}}{{detail}}. Check that the browser lets this site store data (not a private window), then reload the page and try again.',
  没能读取本浏览器中保存的校对记录: 'Could not read the corrections kept in this browser',
  校对记录没能保存: 'The corrections could not be saved',
  校对记录没能删除: 'The correction could not be deleted',
  '没有导入任何校对记录。': ' No corrections were imported.',
  '文件应是“导出校对”得到的 CSV（UTF-8，第一行为列名 {{columns}}）。':
    ' The file should be a CSV made by “Export corrections” (UTF-8, first line the column names {{columns}}).',
  '导入失败：文件是空的。': 'Import failed: the file is empty.',
  '导入失败：这不是文本 CSV 文件（例如 Excel 工作簿）。请另存为“CSV UTF-8（逗号分隔）”后再导入。':
    'Import failed: this is not a text CSV file (e.g. an Excel workbook). Save it as “CSV UTF-8 (comma delimited)”, then import it.',
  '导入失败：文件缺少列 {{columns}}（第一行是“{{first}}”）。': 'Import failed: the file lacks the columns {{columns}} (its first line is “{{first}}”).',
  '导入失败：文件只有列名，没有校对记录。': 'Import failed: the file has column names but no corrections.',
  '导入失败：第 {{line}} 行附近引号不成对，请用文本编辑器检查该行后重新导入。':
    'Import failed: unpaired quotes near line {{line}}; check that line in a text editor, then import again.',
  '导入失败：第 {{line}} 行的 value_before 或 value_after 不是数字（value_after 必填，value_before 无数值时留空）。请改正该行后重新导入；':
    'Import failed: value_before or value_after on line {{line}} is not a number (value_after is required; leave value_before empty when there was no value). Correct that line and import again.',
  '导入失败：第 {{line}} 行 {{field}}：{{message}}。请改正该行后重新导入；':
    'Import failed: line {{line}}, {{field}}: {{message}}. Correct that line and import again.',
  '导入失败：第 {{line}} 行 corrected_at “{{at}}” 晚于明天，不可能是校对的时间。请改为实际时间后重新导入；':
    'Import failed: corrected_at “{{at}}” on line {{line}} is later than tomorrow, so it cannot be when the correction was made. Change it to the real time and import again.',
  '导入失败：第 {{line}} 行与第 {{other}} 行是同一报告的同一单元格（{{cell}}），每格只能有一条校对记录。请删去其中一行后重新导入；':
    'Import failed: lines {{line}} and {{other}} are the same cell of the same report ({{cell}}); a cell can have only one correction. Delete one of the lines and import again.',
  '导入失败：文件既不是 UTF-8 也不是 GB18030 编码的文本。': 'Import failed: the file is text in neither UTF-8 nor GB18030.',
  无效: 'Invalid',
  '“{{value}}”不是数字：请输入阿拉伯数字（如 12）。': '“{{value}}” is not a number: type digits (e.g. 12).',
  '{{problem}}，请改正后再保存。': '{{problem}}; correct it, then save.',
  校对记录无效: 'the correction is invalid',
  'report_id 应为 16 位十六进制报告编号': 'report_id should be a report id of 16 hexadecimal digits',
  '不是表格中的单元格（应如 t4.review.total）': 'not a cell of the form (should be like t4.review.total)',
  改正后的值不能为负数: 'the corrected value cannot be negative',
  '改正后的值超过 12 位': 'the corrected value has more than 12 digits',
  '必须写明改正理由（note）': 'the reason for the correction (note) is required',
  'corrected_at 应为 ISO 时间，如 2026-11-30T12:00:00.000Z': 'corrected_at should be an ISO time, e.g. 2026-11-30T12:00:00.000Z',
  '件数必须是整数（只有表二行政事业性收费金额可以是小数，单位万元）':
    'counts must be whole numbers (only the administrative fees amount of Table 2, in 10,000 yuan, may have decimals)',

  // ---------------------------------------------------------------- 手工录入 (manual entry)
  手工录入一份年度报告: 'Enter an annual report by hand',
  '按国办公开办函〔2021〕30号的表格逐格填入报告印出的数字；未填的格记为“缺失”，不按 0 计。保存后与上传的报告一样只保存在本标签页，表格中文件名以“手工录入”开头。':
    "Type the numbers the report prints, cell by cell, into the tables of the 2021 form (State Council General Office letter [2021] No. 30); a cell left empty is recorded as missing, not as 0. Once saved, the report is kept only in this tab, like an uploaded one, and its file name in the tables marks it as entered by hand.",
  '已填 {{count}} 格_one': '{{count}} cell filled in',
  '已填 {{count}} 格_other': '{{count}} cells filled in',
  关闭: 'Close',
  '机关名称（必填）': 'Agency name (required)',
  '如：淮安市洪泽区人民政府': 'e.g. the agency name as the report prints it',
  '年度（必填）': 'Year (required)',
  '如：2024': 'e.g. 2024',
  '发布日期（可不填）': 'Publication date (optional)',
  '已保存并添加：': 'Saved and added: ',
  '未重复添加：': 'Not added again: ',
  查看报告: 'View report',
  '。注意：本标签页的存储空间不足，这份报告只在当前页面中，刷新页面后不会保留。':
    ". Note: this tab's storage is full, so the report is only in the current page and will not survive a reload.",
  '{{cell}} 填的不是数字：请输入阿拉伯数字或留空后再保存。': '{{cell}} is not a number: type digits or leave it empty, then save.',
  '{{what}}的报告没能保存{{detail}}。请刷新页面后重试。': 'The report ({{what}}) could not be saved{{detail}}. Reload the page and try again.',
  年度: 'Year',
  表格中至少一格数字: 'at least one number in the tables',
  '请填写{{fields}}后再保存。': 'Fill in {{fields}}, then save.',
  '{{ref}} 不是 2021 年版表格中的单元格，请刷新页面后重新录入。': '{{ref}} is not a cell of the 2021 form; reload the page and enter the report again.',
  '{{cell}} 填的 {{value}} 不是表格能容纳的数（须为 0 至 12 位的非负数），请改正后再保存。':
    '{{cell}}: {{value}} is not a number the form can hold (a non-negative number of at most 12 digits); correct it, then save.',
  '{{cell}} 是件数，须为整数，请改正后再保存。': '{{cell}} is a count of cases and must be a whole number; correct it, then save.',
  '{{table}}「{{row}}」「{{column}}」': '{{table}}, “{{row}}”, “{{column}}”',
  '年度须是 {{from}} 至 {{to}} 之间的整数年份，请改正后再保存。': 'The year must be a whole year from {{from}} to {{to}}; correct it, then save.',
  '发布日期「{{date}}」不是有效日期，请按 年-月-日 填写（如 2024-01-31）或留空。':
    'The publication date “{{date}}” is not a valid date; enter it as year-month-day (e.g. 2024-01-31) or leave it empty.',
  '发布日期 {{date}} 晚于今天，请改正或留空。': 'The publication date {{date}} is after today; correct it or leave it empty.',
  '机关名称中不能有换行、制表符或竖线，请改正后再保存。': 'The agency name cannot contain line breaks, tabs or vertical bars; correct it, then save.',
  '录入的表格没能按年报格式读回（读到 {{read}} 格，应为 {{expected}} 格）。这是本工具的缺陷，请报告。':
    'The tables entered could not be read back as an annual report ({{read}} cells read, {{expected}} expected). This is a defect of this tool; please report it.',
};
