/**
 * English texts of the UI (views), keyed by their Chinese (lib/present/i18n/translate.ts).
 * Plurals: '<key>_one' / '<key>_other'. Keep the spec's standard English names
 * (../shared/spec/annual-report-format.md, "Standard English names").
 *
 * The views' results: the tables (column labels, units, descriptions, formulas, the 合计 row, the
 * rank notes of 指标), the charts (titles, axes, legends, tooltips, notes), the chart controls, the
 * compare panel, the 合规 rule filter, 下载 CSV (headers, reasons, file names) and 下载图片 (the
 * frame). Labels of the form itself (表二/表三/表四 rows and columns, cell statuses) are in
 * ./form.ts; a view label made of form parts joined by `·` is translated part by part
 * (lib/present/view-labels.ts labelText).
 */
import type { Dictionary } from '../translate';

export const EN_VIEWS: Dictionary = {
  // ---------------------------------------------------------------- view titles and summaries (lib/query/views.ts)
  // (The tab titles 主动公开 … 合规, and words shared with other areas — 机关, 地区, 年度, 来源, 规则,
  // 严重程度, 应为, 实为, 差值, 指纹, 上传, 全部, 样本不足30件, 省级/市级/县级 … — are in ./dashboard.ts,
  // ./agency.ts, ./report.ts and ./rules.ts; a column header starts with a capital, view-labels.ts.)
  '{{view}}（{{group}}）': '{{view}} ({{group}})',
  '主动公开政府信息情况（表二）：规章和行政规范性文件的制发、废止、现行有效件数，行政许可、处罚、强制决定数，行政事业性收费金额（万元）。':
    'Proactive disclosure of government information (Table 2): rules and administrative normative documents issued, repealed and in force; decisions on administrative licensing, penalties and coercion; administrative fees collected (10,000 yuan).',
  '收到和处理政府信息公开申请情况（表三）（总计列）：新收与结转申请、办理结果构成，以及实质公开率。':
    'Applications received and handled (Table 3, total column): new and carried-over applications, how they were handled, and the substantive disclosure rate.',
  '政府信息公开行政复议、行政诉讼情况（表四）：行政复议与行政诉讼（两类起诉合计）的结果，以及纠错率。':
    'Administrative review and litigation over information disclosure (Table 4): results of administrative review and of administrative litigation (both kinds of suit together), and the correction rates.',
  '由表三、表四计算的比较指标，每项与同类同级同年（同一机关类型、同一层级、同一年度，取全部已载入的报告，不受筛选影响）比较：排名、百分位和同类的 P25／中位数／P75。分母少于 30 件的比率照常显示，但不参与排名和同类统计（注明“样本不足30件”）；同类少于 5 家时不给百分位和四分位数（注明“同类不足5家”）。':
    'Comparison indicators computed from Tables 3 and 4, each compared with its peers (same agency type, same level, same year, over every loaded report, whatever the filter): rank, percentile and the peers’ P25 / median / P75. A rate over fewer than 30 cases is shown but not ranked and not counted in the peer statistics (marked “fewer than 30 cases”); with fewer than 5 peers there is no percentile or quartile (marked “fewer than 5 peers”).',
  '检查结果：每条为一份报告违反的一条规则（表内勾稽关系、表格或单元格缺失、发布期限）。':
    'Check results: each is one rule a report breaks (arithmetic identities of the tables, missing tables or cells, the publication deadline).',

  // ---------------------------------------------------------------- column labels (lib/query/views.ts, group-totals.ts)
  单元格说明: 'Cell notes',
  报告编号: 'Report ID',
  争议率: 'Dispute rate',
  '同类组（同类同级同年）': 'Peer group (same type, level and year)',
  '分母（办理结果总计）': 'denominator (total handled)',
  '分母（已审结的行政复议）': 'denominator (concluded administrative reviews)',
  '分母（已审结的行政诉讼）': 'denominator (concluded administrative litigation)',
  '分母（本年新收申请）': 'denominator (new applications this year)',
  同类同级同年排名: 'rank among peers',
  同类同级同年百分位: 'percentile among peers',
  同类同级同年P25: 'peers’ P25',
  同类同级同年中位数: 'peers’ median',
  同类同级同年P75: 'peers’ P75',
  同类同级同年家数: 'number of peers',
  规则说明: 'Rule name',
  涉及单元格: 'Cells concerned',
  原文依据: 'Source text',
  发布日期来源: 'Source of the publication date',
  报告数: 'Reports',
  缺失单元格: 'Missing cells',
  缺失份数: 'reports missing',
  分组键: 'Group key',
  '县（区）': 'County (district)',
  市: 'City',
  省: 'Province',
  范围: 'Scope',
  分子: 'numerator',
  分母: 'denominator',
  '{{label}}·{{part}}（件）': '{{label}} · {{part}} (cases)',
  '{{label}}（{{unit}}）': '{{label}} ({{unit}})',
  '（{{unit}}）': ' ({{unit}})',
  '单位：件': 'cases',
  '单位：万元': '10,000 yuan',
  '单位：份': 'reports',
  '单位：个': 'cells',
  'CSV 列名：{{key}}': 'CSV column: {{key}}',
  本年收费金额: 'Fees collected this year',

  // ---------------------------------------------------------------- column descriptions (tooltips)
  'upload：在本浏览器中上传的文件（只在本机读取，不在看板的数据文件中）；embedded：看板内置的数据（npm run build:data 生成）。':
    'upload: a file uploaded in this browser (read on this computer only, not in the dashboard’s data files); embedded: the dashboard’s built-in data (made by npm run build:data).',
  '本行数值中不是“印出”的单元格：空白、占位符、缺失（均显示为空，不是 0）或推算。':
    'Cells of this row that were not printed: blank, placeholder, missing (all shown empty, not 0) or inferred.',
  '表三“不予公开”下各项之和；任一项为空则为空。': 'Sum of the items under “Denied” in Table 3; empty when any item is empty.',
  '表三“无法提供”下各项之和；任一项为空则为空。': 'Sum of the items under “Unable to provide” in Table 3; empty when any item is empty.',
  '表三“不予处理”下各项之和；任一项为空则为空。': 'Sum of the items under “Not processed” in Table 3; empty when any item is empty.',
  '表三“其他处理”下各项之和；任一项为空则为空。': 'Sum of the items under “Other handling” in Table 3; empty when any item is empty.',
  '（予以公开 + 部分公开）÷ 办理结果总计；总计为 0 或缺失时为空。少于 30 件时仅供参考。':
    '(granted + partially granted) ÷ total handled; empty when the total is 0 or missing. Indicative only under 30 cases.',
  '行政诉讼（未经复议直接起诉） 与 行政诉讼（复议后起诉） 之和':
    'Sum of administrative litigation filed directly and filed after review',
  '复议结果纠正 ÷（结果维持 + 结果纠正 + 其他结果）；无审结案件时为空。':
    'Review corrected ÷ (upheld + corrected + other result); empty when no case was concluded.',
  '诉讼结果纠正 ÷（结果维持 + 结果纠正 + 其他结果），两类起诉合计；无审结案件时为空。':
    'Litigation corrected ÷ (upheld + corrected + other result), both kinds of suit together; empty when no case was concluded.',
  '机关层级、机关类型和年度；层级或类型未识别的报告没有同类组，不排名。':
    'Agency level, agency type and year; a report whose level or type is unknown has no peer group and is not ranked.',
  '报告的发布日期（YYYY-MM-DD）；报告未印日期且发布页面也没有时为空。':
    'The report’s publication date (YYYY-MM-DD); empty when neither the report nor its web page gives one.',
  'printed（印于报告）：报告正文印出的日期；page（取自发布页面）：报告未印日期，取自发布它的网页（发布时间、发布日期）；无发布日期时为空。':
    'printed: the date printed in the report; page: the report prints no date, taken from the web page that published it; empty without a date.',
  '实为 − 应为（件，或发布期限的天数）': 'Printed − expected (cases, or days for the publication deadline)',
  '检查所依据的报告原文（句子或重复段落）': 'The report text the check rests on (a sentence or a repeated passage)',
  '检查结果的指纹（16 位十六进制；审核结果按它保存，数据重新生成后不变）':
    'The check result’s fingerprint (16 hex digits; review decisions are kept by it and survive a rebuild of the data)',
  '本组本年度有此表的报告份数': 'Reports of this group and year that have this table',
  '本组报告未给出（空白、占位符或缺失）的数值个数，按本视图相加的各列计。':
    'Values the group’s reports did not give (blank, placeholder or missing), over the columns this view adds up.',
  '分组的标识：机关为 agency_key，地区为 省/市/县（区），“?”为未识别地区。':
    'The group’s identifier: agency_key for agencies, province/city/county for regions, “?” for an unknown region.',
  '机关（同一机关各年度、各种写法合为一个，agency_key）': 'Agency (one per agency across years and spellings, agency_key)',
  全部所选报告: 'All selected reports',
  '按解析出的行政区划分组；“本级”为该级机关自身（如市政府），“未识别地区”为无法对应到区划的报告。':
    'Grouped by the administrative division read from the report; “own level” is that level’s own agencies (e.g. the city government), “unknown region” the reports that match no division.',
  '本组已给出此数的报告之和；未给出的报告不按 0 计，另计缺失份数。':
    'Sum over the group’s reports that gave this number; reports that did not are not counted as 0 but counted as missing.',
  '由本组相加后的分子、分母重新计算（不是各报告比率的平均）；缺少任一项的报告不计入。':
    'Recomputed from the group’s summed numerator and denominator (not a mean of the reports’ rates); reports missing a part are left out.',

  // ---------------------------------------------------------------- indicators (lib/query/indicators.ts)
  '（予以公开 + 部分公开）÷ 办理结果总计（表三总计列）': '(granted + partially granted) ÷ total handled (Table 3, total column)',
  '行政复议结果纠正 ÷（结果维持 + 结果纠正 + 其他结果）（表四）': 'review corrected ÷ (upheld + corrected + other result) (Table 4)',
  '行政诉讼结果纠正 ÷（结果维持 + 结果纠正 + 其他结果），未经复议直接起诉与复议后起诉合计（表四）':
    'litigation corrected ÷ (upheld + corrected + other result), suits filed directly and after review together (Table 4)',
  '（行政复议总计 + 行政诉讼总计）÷ 本年新收政府信息公开申请数量': '(administrative review total + administrative litigation total) ÷ new applications received this year',
  '越高，申请人实际得到信息的比例越大。': 'The higher, the larger the share of applicants who actually got information.',
  '越高，被复议机关纠正的比例越大。': 'The higher, the larger the share corrected by the review body.',
  '越高，被法院纠正的比例越大。': 'The higher, the larger the share corrected by the courts.',
  '越高，申请引发复议、诉讼的比例越大。': 'The higher, the larger the share of applications that led to review or litigation.',

  '{{label}} = {{formula}}。{{reading}}': '{{label}} = {{formula}}. {{reading}}',
  '{{label}}的分母：{{base}}（件）。少于 {{min}} 件不排名。': 'Denominator of the {{label}}: {{base}} (cases). Not ranked under {{min}} cases.',
  '在同类同级同年的报告中按{{label}}从高到低排名；分母少于 {{min}} 件、无法计算或层级/类型未识别的不排名。':
    'Rank by {{label}} among peer reports (same type, level and year), highest first; not ranked with a denominator under {{min}} cases, when it cannot be computed, or when the level or type is unknown.',
  '同类同级同年中{{label}}低于本报告的其他报告所占比例（percent_rank，P0–P100）；同类少于 {{peers}} 家时不计算。':
    'Share of peer reports (same type, level and year) with a lower {{label}} than this one (percent_rank, P0–P100); not computed with fewer than {{peers}} peers.',
  '同类同级同年（同一机关类型、同一层级、同一年度）的报告中，分母不少于 {{min}} 件的{{label}}的{{name}}；同类少于 {{peers}} 家时不计算。':
    'The {{name}} of the {{label}} over peer reports (same agency type, level and year) with a denominator of at least {{min}} cases; not computed with fewer than {{peers}} peers.',
  '同类同级同年中{{label}}参与排名（分母不少于 {{min}} 件）的报告数，含本报告；层级或类型未识别时为空。':
    'Peer reports (same type, level and year) ranked by {{label}} (denominator of at least {{min}} cases), this one included; empty when the level or type is unknown.',
  中位数: 'median',
  已审结的行政复议: 'concluded administrative reviews',
  已审结的行政诉讼: 'concluded administrative litigation',
  本年新收申请: 'new applications this year',

  // ---------------------------------------------------------------- cells (lib/present/format.ts, rank-text.ts, view-labels.ts)
  '{{status}}{{raw}}': '{{status}} {{raw}}',
  全部报告: 'All reports',
  '（省本级）': ' (provincial level itself)',
  '（市本级）': ' (city level itself)',
  '报告没有给出这个数（缺失、空白或占位符），或无法计算；不是 0。': 'The report does not give this number (missing, blank or placeholder), or it cannot be computed; not 0.',
  内置: 'Built-in',
  'upload：在本浏览器中上传的文件，只在本机读取': 'upload: a file uploaded in this browser, read on this computer only',
  '{{value}}：看板内置的数据': '{{value}}: the dashboard’s built-in data',
  同类不足5家: 'Fewer than 5 peers',
  无同类组: 'No peer group',
  无法计算: 'Cannot be computed',
  未排名: 'Not ranked',
  '无法计算：分母为 0，或报告没有给出其中某个数': 'Cannot be computed: the denominator is 0, or the report does not give one of the numbers',
  '机关层级、机关类型或年度未识别，没有同类同级同年的比较组': 'Agency level, type or year unknown: no peer group of the same type, level and year',
  '同类同级同年{{peers}} 份报告中按比率从高到低排第 {{rank}} 名（只比较分母不少于 {{min}} 件的报告）':
    'Rank {{rank}} of {{peers}} peer reports (same type, level and year), highest rate first (only reports with a denominator of at least {{min}} cases)',
  '同类同级同年按比率从高到低排第 {{rank}} 名（只比较分母不少于 {{min}} 件的报告）':
    'Rank {{rank}} among peers (same type, level and year), highest rate first (only reports with a denominator of at least {{min}} cases)',
  '只有 {{base}} 件，少于 {{min}} 件：比率照常显示，但不参与排名': 'Only {{base}} cases, fewer than {{min}}: the rate is shown but not ranked',
  '同类同级同年只有 {{peers}} 份报告的比率参与排名，少于 {{min}} 份：不计算百分位和四分位数':
    'Only {{peers}} peer reports are ranked, fewer than {{min}}: no percentile or quartiles',
  '同类同级同年 {{peers}} 份报告中，比率低于本报告的其他报告占 {{p}}%': 'Of {{peers}} peer reports, {{p}}% have a lower rate than this one',
  '同类同级同年中，比率低于本报告的其他报告占 {{p}}%': '{{p}}% of peer reports have a lower rate than this one',
  '{{label}}：{{status}}': '{{label}}: {{status}}',
  '{{level}}{{type}}·{{year}}年': '{{level}} {{type}} · {{year}}',
  未识别层级或类型: 'Level or type unknown',
  '表二栏目与 2021 年格式不同（如 2019 年试行格式），这里不作比较': 'Table 2 has other columns than the 2021 form (e.g. the 2019 trial format); not compared here',

  // ---------------------------------------------------------------- the view panel (app/_components/ViewResult.tsx, DataTable.tsx, …)
  '{{title}}图表': '{{title}} chart',
  '按“{{label}}”降序': 'by “{{label}}”, descending',
  '按“{{label}}”升序': 'by “{{label}}”, ascending',
  '请刷新页面；如果仍然出错，数据文件可能与看板版本不一致，请重新运行 npm run build:data。':
    'Reload the page; if it still fails, the data files may not match this dashboard version: run npm run build:data again.',
  '共 {{count}} 行_one': '{{count}} row',
  '共 {{count}} 行_other': '{{count}} rows',
  '“—”表示报告没有给出这个数（缺失、空白或占位符）或无法计算，不是 0。':
    '“—” means the report does not give this number (missing, blank or placeholder) or it cannot be computed; it is not 0.',
  '下载 CSV': 'Download CSV',
  '勾选后，CSV 的列名用规范的字段键（如 new_received），便于程序读取；不勾选时用页面上的中文列名和单位。':
    'When checked, the CSV’s column names are the spec’s field keys (e.g. new_received), for programs; otherwise the labels and units shown on the page.',
  列名用字段键: 'Field keys as column names',
  '查看本视图的 SQL': 'Show this view’s SQL',
  '没有符合筛选条件的数据。': 'No data matches the filter.',
  上一页: 'Previous',
  下一页: 'Next',
  '第 {{from}}–{{to}} 行，共 {{total}} 行（第 {{page}}/{{pages}} 页）': 'Rows {{from}}–{{to}} of {{total}} (page {{page}}/{{pages}})',
  '数据表（可在框内滚动）': 'Data table (scrolls inside its box)',
  '按“{{label}}”升序排列': 'Sort by “{{label}}”, ascending',
  '按“{{label}}”降序排列': 'Sort by “{{label}}”, descending',
  '取消排序，恢复默认顺序': 'Remove the sort, back to the default order',
  合计: 'Total',
  '{{reports}} 份报告；缺失单元格 {{cells}} 个': '{{reports}} reports; {{cells}} missing cells',
  '缺{{count}}份': '{{count}} missing',
  '{{count}} 份报告缺少计算此比率所需的某一项，未计入分子和分母。_one':
    '{{count}} report lacks a number this rate needs and is left out of its numerator and denominator.',
  '{{count}} 份报告缺少计算此比率所需的某一项，未计入分子和分母。_other':
    '{{count}} reports lack a number this rate needs and are left out of its numerator and denominator.',
  '{{count}} 份报告没有给出此数（缺失、空白或占位符）；合计只含已给出的报告，实际总数可能更大。_one':
    '{{count}} report does not give this number (missing, blank or placeholder); the total covers only the reports that give it, so the true total may be larger.',
  '{{count}} 份报告没有给出此数（缺失、空白或占位符）；合计只含已给出的报告，实际总数可能更大。_other':
    '{{count}} reports do not give this number (missing, blank or placeholder); the total covers only the reports that give it, so the true total may be larger.',

  // ---------------------------------------------------------------- chart controls (app/_components/ChartControls.tsx, lib/charts/chart-display.ts)
  图中显示前: 'Chart shows the top',
  项: 'items',
  '数值相差悬殊时，用对数坐标看清较小的值': 'When values differ widely, a log axis shows the small ones',
  '本视图的图表只有百分比，不用对数坐标': 'This view’s chart shows percentages only: no log axis',
  对数坐标: 'Log axis',
  '图中为{{sortedBy}}的前 {{top}} 项（在全部筛选结果中排序）。': 'The chart shows the top {{top}} {{sortedBy}} (sorted over all filtered rows). ',
  '图中为表格默认顺序的前 {{top}} 项；点击表头可按该列排序。': 'The chart shows the first {{top}} rows in the table’s default order; click a column header to sort by it. ',
  '（见下表）。': ' (see the table below). ',
  '点击图中的柱或点，打开那份报告。': 'Click a bar or point to open that report.',
  '另有 {{count}} 项未显示_one': '{{count}} more item not shown',
  '另有 {{count}} 项未显示_other': '{{count}} more items not shown',
  '另有 {{count}} 条检查结果未显示_one': '{{count}} more check result not shown',
  '另有 {{count}} 条检查结果未显示_other': '{{count}} more check results not shown',
  '对数坐标：每格为上一格的 10 倍，数值相差悬殊时也能看清小的机关；0 没有对数，不画柱（鼠标悬停仍显示 0），缺失值（—）也不画；堆叠的柱改为并列；百分比坐标不变。':
    'Log axis: each gridline is 10 times the one below, so small agencies stay visible beside large ones; 0 has no logarithm and draws no bar (hovering still shows 0), nor does a missing value (—); stacked bars are drawn side by side; percentage axes are unchanged.',
  '0 {{unit}}（对数坐标下不画）': '0 {{unit}} (not drawn on a log axis)',
  '{{yi}}亿': '{{m}}M',
  '{{wan}}万': '{{k}}k',

  // ---------------------------------------------------------------- charts (lib/charts/index.ts, trend-chart.ts)
  '{{title}}（件；收费为万元）': '{{title}} (cases; fees in 10,000 yuan)',
  '{{title}}：收到的申请与办理结果（件）、实质公开率（%）': '{{title}}: cases received and handled, substantive disclosure rate (%)',
  '{{title}}：结果（件）与纠错率（%）': '{{title}}: results (cases) and correction rates (%)',
  '{{title}}：每份报告的问题数（条）': '{{title}}: problems per report (flags)',
  '{{title}}：比率（%），浅色为样本不足{{min}}件、不参与排名': '{{title}}: rates (%); light bars rest on fewer than {{min}} cases and are not ranked',
  没有符合筛选条件的数据: 'No data matches the filter',
  '（未知机关）': '(unknown agency)',
  '（年度未知）': '(year unknown)',
  '（上传）': ' (upload)',
  '—（报告未给出）': '— (not given in the report)',
  '—（无法计算）': '— (cannot be computed)',
  条: 'flags',
  '图中所有数值均为 0：报告印出的就是 0（不是缺失），所以看不到柱': 'Every value in the chart is 0: the reports print 0 (not missing), so no bar shows',
  '图中没有可画的数值：这些报告没有给出这些数，或比率无法计算': 'Nothing to draw: these reports do not give these numbers, or the rates cannot be computed',
  '{{title}}：所选报告每年合计': '{{title}}: yearly totals of the selected reports',
  '{{years}} 年无报告，线在此断开（不是 0）': 'No report in {{years}}: the lines break there (not 0)',
  '{{year}} 年：{{count}} 份报告_one': '{{year}}: {{count}} report',
  '{{year}} 年：{{count}} 份报告_other': '{{year}}: {{count}} reports',
  '{{year}} 年：无报告（不是 0）': '{{year}}: no report (not 0)',
  '（缺{{count}}份，只计给出的报告）': ' ({{count}} missing; only the reports that give it)',
  '{{title}}每年合计趋势图': '{{title}}: yearly totals trend chart',
  '所选报告每年的合计：计数相加，比率由相加后的分子、分母计算；没有报告的年度线断开。':
    'Yearly totals of the selected reports: counts added up, rates from the summed numerators and denominators; the lines break in a year without reports.',

  // ---------------------------------------------------------------- chart images (app/_components/EChart.tsx, lib/charts/chart-image.ts)
  下载图片: 'Download image',
  'PNG 下载图片（2 倍清晰度）': 'Download the image as PNG (2× resolution)',
  'SVG 下载图片': 'Download the image as SVG',
  '图片没能生成：请刷新页面后再试。': 'The image could not be made: reload the page and try again.',
  '浏览器没有提供画布，无法生成图片：请换用 SVG，或换一个浏览器再试。': 'The browser gave no canvas, so no image could be made: use SVG, or try another browser.',
  '图片编码失败：请换用 SVG，或刷新页面后再试。': 'The image could not be encoded: use SVG, or reload the page and try again.',
  '数据来源：各机关政府信息公开工作年度报告（政府信息公开工作年度报告 · 对比看板 解析）':
    'Source: the agencies’ government information disclosure annual reports (read by the Government Information Disclosure Annual Reports comparison dashboard)',
  '{{source}} · 导出日期：{{date}}': '{{source}} · exported {{date}}',

  // ---------------------------------------------------------------- 下载 CSV file names (lib/csv/index.ts)
  '{{first}}等{{count}}个机关': '{{first}}-and-{{count}}-agencies',
  '{{first}}等{{count}}个地区': '{{first}}-and-{{count}}-regions',
  '{{year}}起': 'from-{{year}}',
  '至{{year}}': 'to-{{year}}',

  // ---------------------------------------------------------------- compare (app/_components/ComparePanel.tsx, ComparePick.tsx)
  比较机关: 'Compare agencies',
  '比较筛选中的 {{count}} 个机关': 'Compare the {{count}} agencies of the filter',
  '（基准）': ' (base)',
  '不再比较 {{name}}': 'Stop comparing {{name}}',
  比较年度: 'Year compared',
  '（部分机关无报告）': ' (some agencies have no report)',
  清除比较: 'Clear the comparison',
  '再勾选至少 1 个机关（表格“比较”一栏）即可并排比较；最多 {{max}} 个。': 'Tick at least 1 more agency (the table’s “Compare” column) to compare side by side; at most {{max}}.',
  '正在读取所选机关的报告…': 'Reading the chosen agencies’ reports…',
  '{{year}} 年度；差值 = 该机关 − ': 'Year {{year}}; difference = this agency − ',
  '（基准），百分比为相对基准的变化，比率的差值以百分点计。“—”表示报告没有给出或该年度无报告，不是 0。':
    ' (base); the percentage is the change relative to the base, a rate’s difference is in percentage points. “—” means the report does not give it or there is no report for that year; it is not 0.',
  '（无年度）': '(no year)',
  '{{year}} 年无报告': 'no report for {{year}}',
  '依申请公开（表三，总计列）': 'Disclosure on request (Table 3, total column)',
  '复议诉讼（表四）': 'Review and litigation (Table 4)',
  '主动公开（表二）': 'Proactive disclosure (Table 2)',
  百分点: 'percentage points',
  '{{abs}}（{{pct}}%）': '{{abs}} ({{pct}}%)',
  '（件）': ' (cases)',
  '（万元）': ' (10,000 yuan)',
  无年度: 'no year',
  '比较的年度不同：': 'The years differ: ',
  '没有 {{year}} 年的报告，其数值显示为“—”。': ' have no report for {{year}}: their values show as “—”.',
  '可在“比较年度”中选择其他年度。': 'Choose another year under “Year compared”.',
  比较: 'Compare',
  '勾选 2–{{max}} 个机关，在表格上方并排比较同一年度的数字': 'Tick 2–{{max}} agencies to compare their numbers for one year side by side above the table',
  '比较 {{name}}': 'Compare {{name}}',
  '最多比较 {{max}} 个机关；请先取消一个': 'At most {{max}} agencies can be compared; untick one first',
  '把 {{name}} 加入比较': 'Add {{name}} to the comparison',

  // ---------------------------------------------------------------- 合规's rule filter (app/_components/ComplianceRules.tsx)
  '{{first}}或{{last}}': '{{first}} or {{last}}',
  '只显示规则为{{rules}}的检查结果。': 'Showing the check results of the rule {{rules}}. ',
  '显示全部规则的检查结果。': 'Showing the check results of every rule. ',
  '共检查 {{count}} 条规则，其中 {{clean}} 条在所选报告中没有发现问题（列为 0 条）。':
    '{{count}} rules checked; {{clean}} of them found nothing in the selected reports (listed with 0).',
};
