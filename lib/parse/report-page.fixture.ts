/**
 * Test fixture: a small saved government page holding a report (navigation around it, the title
 * in an <h1> outside the article, the three tables), for the HTML reader's tests here and in
 * lib/read.
 */
import { T3_ROWS } from '../model/form-layout';

/** The labels of table 三's rows, as pages print them. */
const T3_LABELS = T3_ROWS.map((r) => r.label.replace(/^（[一二三四五六七]）\S+ (?=\d)/, ''));

/** A small report page: navigation around it, the title in an <h1> outside the article. */
export function page(t3Rows: string, extra = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县科技局2023年政府信息公开工作年度报告_某县人民政府</title></head>
<body>
<nav><a href="/">首页</a><a href="/xxgk">政府信息公开年报</a><a>一、总体情况（导航）</a></nav>
<div class="header">站内搜索</div>
<h1>某县科技局2023年政府信息公开工作年度报告</h1>
<div class="info">发布日期：2024-01-20 来源：某县科技局</div>
<div id="zoom">
<p>一、总体情况</p><p>2023年，我局认真落实《条例》。</p>
<p>二、主动公开政府信息情况</p>
<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td></td><td>0</td></tr>
<tr><td>行政规范性文件</td><td><span>1</span><span>2</span></td><td>0</td><td>3<b>4</b></td></tr>
<tr><td>行政许可</td><td colspan="3">5</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p>
<table>${t3Rows}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>${'<td>1</td><td></td><td></td><td>0</td><td>1</td>'.repeat(3)}</tr></table>
<p>五、存在的主要问题及改进情况</p><p>无。</p>
<p>六、其他需要报告的事项</p><p>无。</p>${extra}
</div>
<div class="footer">版权所有 某县人民政府 | 网站地图</div>
</body></html>`;
}

/** Table 三's rows: 1 new application by a natural person (two rows printed), every other cell empty. */
export const rows = T3_LABELS.map((label, i) => `<tr><td>${label}</td>${i < 2 ? '<td>1</td><td></td><td></td><td></td><td></td><td></td><td>1</td>' : '<td></td>'.repeat(7)}</tr>`).join('');
