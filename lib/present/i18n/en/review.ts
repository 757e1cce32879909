/**
 * English texts of the UI (review), keyed by their Chinese (lib/present/i18n/translate.ts): the
 * review queue (审核: filters, toolbar, rows, orphans), the decisions' import and export messages
 * (lib/review/decisions.ts), the decision store's errors, and the upload panel (上传年报).
 * Plurals: '<key>_one' / '<key>_other'. Keep the spec's standard English names
 * (../shared/spec/annual-report-format.md, "Standard English names").
 */
import type { Dictionary } from '../translate';

/** The review queue: filters, sentence, toolbar, table, orphans. */
const QUEUE: Dictionary = {
  全部规则: 'All rules',
  审核状态: 'Review status',
  '没有符合筛选条件的检查结果。': 'No flag matches the filters.',
  '显示前 {{shown}} 条，共 {{count}} 条。': 'Showing the first {{shown}} of {{count}}. ',
  '（也可用上面的筛选缩小范围。）': ' (Or narrow the list with the filters above.)',
  '逐条审核检查结果：': 'Review the flags one by one: ',
  确认: 'Confirm',
  '（确有问题）或': ' (a real problem) or ',
  驳回: 'Dismiss',
  '（不是问题，须写明理由）。审核结果保存在本机浏览器中（IndexedDB），按检查结果的指纹保存，数据重新生成后仍对得上；换电脑或清除浏览器数据前，请先导出。':
    " (not a problem; give the reason). Decisions are kept in this browser (IndexedDB) by the flag's fingerprint, so they still match after the data is rebuilt; export them before changing computers or clearing browser data.",
  '查看审核队列的 SQL': 'Show the SQL of the review queue',
  '正在读取审核结果…': 'Reading the review decisions…',
  '共 {{count}} 条_one': '{{count}} flag',
  '共 {{count}} 条_other': '{{count}} flags',
  '共 {{count}} 条': '{{count}} flags',
  '审核结果对应的检查结果不在本标签页的数据中：报告未载入（如在别的标签页上传的报告，或已被替换），或孤立（报告已载入，检查结果已不在，如规则版本变化）。这些审核结果仍保存在本机，并会随导出一起导出；下方列表按原因分开列出。':
    "Decisions whose flag is not in this tab's data: report not loaded (e.g. uploaded in another tab, or replaced), or orphaned (the report is loaded but the flag is gone, e.g. the rule's version changed). They are still kept in this browser and exported with the rest; the list below shows them by reason.",
  未对应: 'Unmatched',
  '导出审核结果 CSV（{{count}} 条）': 'Export decisions CSV ({{count}})',
  '导入审核结果 CSV': 'Import decisions CSV',
  '审核结果_{{date}}.csv': 'review-decisions_{{date}}.csv',
  '之前上传的报告没能恢复到数据库（{{detail}}）。请重新上传这些文件。':
    'The reports uploaded earlier in this tab could not be restored to the database ({{detail}}). Upload these files again.',
  '正在导入审核结果…': 'Importing the decisions…',
  '另有 {{count}} 条本机记录格式无法识别（可能由其他版本写入），已原样保留。':
    '{{count}} more records in this browser have a format this version cannot read (perhaps written by another version); they are kept as they are.',
  这个机关的历年报告: "This agency's reports over the years",
  '打开这份报告，定位到这条检查结果': 'Open this report at this flag',
  '{{year}} 年度报告': '{{year}} report',
  年度未知的报告: 'Report of unknown year',
  '{{year}} 年度': 'Year {{year}}',
  在本浏览器中上传的文件: 'A file uploaded in this browser',
  '机关 · 年度': 'Agency · year',
  涉及: 'Cells',
  // column headings whose Chinese is also another text's (审核 the tab, 指纹 in a sentence): i18next context `column`
  审核_column: 'Decision',
  指纹_column: 'Fingerprint',
  未审核: 'Not reviewed',
  已确认: 'Confirmed',
  已驳回: 'Dismissed',
  全部检查结果: 'all flags',
  '规则为{{names}}': 'rule {{names}}',
  '严重程度为{{names}}': 'severity {{names}}',
  '{{status}}的': 'status {{status}}',
  '{{conditions}}检查结果': 'flags with {{conditions}}',
  '其中{{what}}。': ' Of these: {{what}}.',
};

/** Decisions without a flag here (lib/review/orphans.ts). */
const ORPHANS: Dictionary = {
  '{{count}} 条审核结果对应的检查结果不在本标签页的数据中。这些记录保留在本机，并随“导出审核结果”一起导出。_one':
    "{{count}} decision's flag is not in this tab's data. It is kept in this browser and exported with “Export decisions”.",
  '{{count}} 条审核结果对应的检查结果不在本标签页的数据中。这些记录保留在本机，并随“导出审核结果”一起导出。_other':
    "{{count}} decisions' flags are not in this tab's data. They are kept in this browser and exported with “Export decisions”.",
  '{{count}} 条审核结果对应的检查结果不在本标签页的数据中。这些记录保留在本机，并随“导出审核结果”一起导出。':
    "{{count}} decisions' flags are not in this tab's data. They are kept in this browser and exported with “Export decisions”.",
  '{{label}} {{count}} 条': '{{label}} ({{count}})',
  报告未载入: 'Report not loaded',
  '对应的报告没有在本标签页载入：可能是在别的标签页或别的浏览器中上传的报告（上传的报告只保存在上传它的标签页里），也可能是已被新文件替换的报告。在本页上传同一文件后，这些审核结果会重新对应。':
    'The report is not loaded in this tab: it may have been uploaded in another tab or browser (uploads stay in the tab they were made in), or replaced by a newer file. Upload the same file on this page and these decisions match again.',
  孤立: 'Orphaned',
  '对应的报告已载入，但其中已没有这条检查结果（规则版本变化，或报告重新读取后结果不同）；或审核结果没有记下报告编号。':
    "The report is loaded but no longer has this flag (the rule's version changed, or the report reads differently now); or the decision did not record its report id.",
  原因: 'Reason',
  备注: 'Note',
  '已列出 {{shown}} 条，另有 {{count}} 条。': '{{shown}} listed, {{count}} more.',
  '再显示 {{count}} 条': 'Show {{count}} more',
};

/** Import, export and storage messages (lib/review/decisions.ts, app/_lib/use-decisions.ts, decision-store.ts). */
const IMPORT: Dictionary = {
  '导入失败{{detail}}：现有的审核结果没有任何改动。请刷新页面后重新导入。': 'Import failed{{detail}}: the existing decisions are unchanged. Refresh the page and import again.',
  '导入失败：没能读取文件“{{file}}”{{detail}}。请重新选择文件；现有的审核结果没有任何改动。':
    'Import failed: the file “{{file}}” could not be read{{detail}}. Choose the file again; the existing decisions are unchanged.',
  '导入失败：{{error}}': 'Import failed: {{error}}',
  '浏览器没能打开本机的审核结果存储（IndexedDB{{detail}}）。请不要使用无痕/隐私窗口，并允许本站在本机保存数据，然后刷新页面；在此之前做出的审核结果无法保存。':
    "The browser could not open this computer's store of review decisions (IndexedDB{{detail}}). Do not use a private window, allow this site to store data, then refresh the page; until then decisions cannot be saved.",
  '审核结果没有保存{{detail}}。请刷新页面后重试；如仍失败，请先“导出审核结果”备份。':
    'The decision was not saved{{detail}}. Refresh the page and try again; if it still fails, back up with “Export decisions” first.',
  '审核结果没有保存{{detail}}。请刷新页面后重试；如仍失败，请先“导出审核结果”备份。现有的审核结果没有任何改动。':
    'The decisions were not saved{{detail}}. Refresh the page and try again; if it still fails, back up with “Export decisions” first. The existing decisions are unchanged.',
  '没能撤销这条审核结果{{detail}}。请刷新页面后重试。': 'The decision could not be undone{{detail}}. Refresh the page and try again.',
  '驳回时请在备注中写明理由（例如“原文表格如此，解析无误”），再点“驳回”。':
    'To dismiss, write the reason in the note (e.g. “the original table is printed like this; parsed correctly”), then click “Dismiss”.',
  '这条检查结果的指纹“{{fp}}”格式不对，无法保存审核结果。请重新运行 npm run build:data 后刷新页面。':
    'The fingerprint “{{fp}}” of this flag is malformed, so the decision cannot be saved. Run npm run build:data again and refresh the page.',
  '请改正后重新导入；现有的审核结果没有任何改动。': ' Correct it and import again; the existing decisions are unchanged.',
  '现有的审核结果没有任何改动。': ' The existing decisions are unchanged.',
  '导入失败：这是压缩文件（例如 Excel 工作簿 .xlsx），不是 CSV。请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”，再导入那个 .csv 文件。现有的审核结果没有任何改动。':
    'Import failed: this is a compressed file (e.g. an Excel workbook .xlsx), not a CSV. In Excel use “Save as” → “CSV UTF-8 (comma delimited)” and import that .csv file. The existing decisions are unchanged.',
  '文件应是“导出审核结果”得到的 CSV（UTF-8，第一行为列名 {{columns}}，其中 fingerprint 和 decision 两列必需）。':
    ' The file must be a CSV made by “Export decisions” (UTF-8, first row the column names {{columns}}; the columns fingerprint and decision are required).',
  '{{shown}}；……另有 {{count}} 处': '{{shown}}; … and {{count}} more',
  'decision 列有无法识别的值：{{values}}；只能是 confirmed（确认）或 dismissed（驳回）':
    'the decision column has values that cannot be read: {{values}}; only confirmed or dismissed are allowed',
  '导入失败：{{problems}}。': 'Import failed: {{problems}}.',
  '导入失败：文件是空的。': 'Import failed: the file is empty.',
  '导入失败：这不是文本 CSV 文件（含有二进制内容或无法按 UTF-8 读取）。': 'Import failed: this is not a text CSV file (it has binary content or cannot be read as UTF-8).',
  '导入失败：文件缺少必需的列 {{columns}}（文件第一行是“{{header}}”）。': 'Import failed: the file lacks the required columns {{columns}} (its first row is “{{header}}”).',
  '请确认选择的是审核结果文件，而不是看板视图下载的 CSV。现有的审核结果没有任何改动。':
    " Check that you chose a decisions file, not a CSV downloaded from a dashboard view. The existing decisions are unchanged.",
  '第 {{line}} 行': 'row {{line}}',
  某行: 'a row',
  '导入失败：CSV 格式有误（{{where}}附近引号不成对）。请用文本编辑器或 Excel 检查该行，': 'Import failed: the CSV is malformed (unpaired quotes near {{where}}). Check that row in a text editor or Excel.',
  '导入失败：文件只有列名，没有审核记录，没有可导入的内容。现有的审核结果没有任何改动。':
    'Import failed: the file has only the column names and no decisions, so there is nothing to import. The existing decisions are unchanged.',
  '第 {{line}} 行 fingerprint “{{fp}}” 不是 16 位十六进制指纹（若用 Excel 编辑过，请把该列设为文本格式）':
    'row {{line}}: fingerprint “{{fp}}” is not a 16-digit hexadecimal fingerprint (if edited in Excel, format that column as text)',
  '第 {{line}} 行与第 {{first}} 行的 fingerprint 相同（{{fp}}），每条检查结果只能有一个审核结果':
    'row {{line}} has the same fingerprint as row {{first}} ({{fp}}); each flag can have only one decision',
  '第 {{line}} 行“{{value}}”': 'row {{line}} “{{value}}”',
  '第 {{line}} 行是驳回，但 note（备注）为空：驳回须写明理由': 'row {{line}} is a dismissal but its note is empty: a dismissal needs a reason',
  '第 {{line}} 行 decided_at “{{at}}” 不是日期时间（应如 2025-03-01T08:30:00.000Z）': 'row {{line}}: decided_at “{{at}}” is not a date and time (e.g. 2025-03-01T08:30:00.000Z)',
  '第 {{line}} 行 decided_at “{{at}}” 晚于明天（{{latest}}），不可能是做出审核的时间：请改为实际的审核日期，或清空该格（按导入时间记）':
    'row {{line}}: decided_at “{{at}}” is later than tomorrow ({{latest}}), so it cannot be when the decision was made: change it to the real date, or empty the cell (the import time is used)',
  '第 {{line}} 行 year “{{year}}” 不是四位年份': 'row {{line}}: year “{{year}}” is not a four-digit year',
  '导入失败：文件既不是 UTF-8 也不是 GB18030 编码的文本，可能不是 CSV 文件。': 'Import failed: the file is neither UTF-8 nor GB18030 text; it may not be a CSV file.',
  '新增 {{count}} 条': '{{count}} added',
  '更新 {{count}} 条': '{{count}} updated',
  '相同 {{count}} 条': '{{count}} unchanged',
  '{{count}} 条本机的审核结果比文件中的更新，保留本机的': "{{count}} kept from this browser (newer than the file's)",
  '导入完成：{{parts}}。': ' imported: {{parts}}.',
};

/** The upload panel (上传年报) and its errors. */
const UPLOADS: Dictionary = {
  '正在打开手工录入表格…': 'Opening the manual-entry form…',
  上传年报: 'Upload reports',
  收起手工录入: 'Close manual entry',
  手工录入: 'Manual entry',
  '文件只在本机浏览器中读取和检查，不会发送到任何服务器，也不会写入看板的数据文件。上传的数据只保存在本标签页：刷新本页仍在，关闭标签页后不会保留。':
    "Files are read and checked only in this browser: they are not sent to any server and not written to the dashboard's data files. Uploads stay in this tab: they survive a reload, not closing the tab.",
  '当前有上传的报告 {{count}} 份（表格中标为_one': '{{count}} uploaded report now (marked ',
  '当前有上传的报告 {{count}} 份（表格中标为_other': '{{count}} uploaded reports now (marked ',
  '当前有上传的报告 {{count}} 份（表格中标为': '{{count}} uploaded reports now (marked ',
  '）。': ' in the tables).',
  清除上传的数据: 'Remove the uploads',
  '或把文件拖到这里。可一次选多个：文本 .txt、Markdown .md、网页 .html、PDF、Word .docx，每个不超过 {{mb}} MB。':
    'or drop files here. Several at once: text .txt, Markdown .md, web page .html, PDF, Word .docx, each at most {{mb}} MB.',
  '正在读取第 {{n}}/{{total}} 个文件：': 'Reading file {{n}}/{{total}}: ',
  '正在写入数据库并检查…': 'Writing to the database and checking…',
  '本次上传 {{count}} 个文件：已添加 {{added}} 个': 'This upload: {{count}} files, {{added}} added',
  '，未添加 {{count}} 个（原因见下表）': ', {{count}} not added (see the table for why)',
  '上传结果（可在框内滚动）': 'Upload results (scrolls inside the box)',
  文件名: 'File',
  结果: 'Result',
  机关历年: "Agency's years",
  已添加: 'Added',
  '已存在，未重复添加': 'Already loaded',
  未添加: 'Not added',
  '上传没能完成{{detail}}，没有添加任何报告。请刷新页面后重试。': 'The upload did not complete{{detail}}; no report was added. Refresh the page and try again.',
  '没能清除上传的数据{{detail}}。请刷新页面后重试。': 'The uploads could not be removed{{detail}}. Refresh the page and try again.',
  '没能从数据库中删除上传的报告（{{detail}}）。请刷新页面：上传的数据已从本标签页的存储中清除。':
    "The uploaded reports could not be removed from the database ({{detail}}). Refresh the page: the uploads are already gone from this tab's storage.",
};

/** Every review and upload text, by its Chinese. */
export const EN_REVIEW: Dictionary = { ...QUEUE, ...ORPHANS, ...IMPORT, ...UPLOADS };
