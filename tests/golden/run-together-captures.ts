/**
 * Web-archive text captures of real reports, rendered the way crawlers and archives produce them
 * (the family of data/corpus/pingtan-public-security-bureau-2024.txt, issue 11): a header block
 * (标题: / 发布时间: / 文号: / 发布机构: / 栏目: / 原文链接:, then `==== 正文 ====`), then the whole
 * body on one line — the report's own prose and headings, and its three tables with each row's
 * numbers run together.
 *
 * The numbers come from the golden expected JSONs (every cell as a person read it from the
 * report); the prose and the section headings from the report's own text as the reader reads it.
 * The tables' labels and header words are those of the real capture (`三、本年度办理结果 （一）予以
 * 公开`, `第二十条第（五）项信息内容本年处理决定数量行政许可52`, `…尚未审结 总计 000000000000000`).
 *
 * Variants (what archives do differently; `VARIANTS`):
 * - `spaced`: every cell separated by a space (`8 0 0 0 0 0 8`) — the control;
 * - `run-together`: no separator inside a row (`3000003`), labels set apart by spaces;
 * - `numeral-glued`: run together, and the next row's label glued to the digits before it
 *   (`00000002.其他法律…`, `0000000三、本年度办理结果`), as in the real capture;
 * - `partial-spacing`: numeral-glued, with about half the gaps between cells printed as a space
 *   (`10 0 0 0 01`), chosen by a seeded generator;
 * - `sentence-glued`: numeral-glued, and each table's last number running into what follows it
 *   (`…行政事业性收费0三、收到和处理…`, `…000000000000000五、存在的主要问题…2024年`);
 * - `full-width`: partial spacing with full-width spaces (U+3000) between cells and around labels.
 */
import { T3_COLUMNS, T4_COLUMNS, T4_ROWS, t2Rows } from '../../lib/model/form-layout';
import type { Cell, FormVersion, TableKey } from '../../lib/model/report-schema';
import { splitSections, type Section } from '../../lib/parse/split-sections';

/** The golden expected JSON of a report (tests/golden/golden.test.ts), as far as the captures need it. */
export interface Expected {
  source: string;
  report: Record<string, unknown>;
  tables: Partial<Record<TableKey, Record<string, string>>>;
}

/** One cell's truth: `value` a number (with its note as printed), or null for a cell printed empty. */
export interface TruthCell {
  table: TableKey;
  row: string;
  column: string;
  value: number | null;
  /** The cell as the capture prints it (`22（其中修订16件）`, `96171.6`, `0`; empty for a blank). */
  printed: string;
}

/** The capture layouts probed. */
export const VARIANTS = ['spaced', 'run-together', 'numeral-glued', 'partial-spacing', 'sentence-glued', 'full-width'] as const;
export type Variant = (typeof VARIANTS)[number];

/**
 * The truth cells of a golden: `N` and `N（note）` are N, `~N` (lost in the report's own layout,
 * recovered and confirmed by a person) is N, `_` is printed empty (null); `?` (not in the report)
 * and placeholders are left out — a capture cannot print what the report does not.
 *
 * @returns the cells in the form's order, or null when some cell cannot be rendered (a `?` or a placeholder)
 */
export function truthCells(expected: Expected): TruthCell[] | null {
  const version = (expected.report.form_version as FormVersion | undefined) ?? null;
  const out: TruthCell[] = [];
  for (const table of ['t2', 't3', 't4'] as const) {
    const rows = expected.tables[table];
    if (!rows) return null;
    for (const [row, text] of Object.entries(rows)) {
      const columns =
        table === 't3' ? T3_COLUMNS.map((c) => c.key) : table === 't4' ? T4_COLUMNS.map((c) => c.key) : (t2Rows(version).find((r) => r.key === row)?.columns ?? []);
      const parts = text.split(' ');
      if (parts.length !== columns.length) return null;
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (p === '_') {
          out.push({ table, row, column: columns[i], value: null, printed: '' });
          continue;
        }
        const m = /^~?(\d+(?:\.\d+)?)(（.*）)?$/.exec(p);
        if (!m || (m[2] && p.includes('原文以元'))) return null;
        out.push({ table, row, column: columns[i], value: Number(m[1]), printed: m[1] + (m[2] ?? '') });
      }
    }
  }
  return out;
}

/** Row labels of table 三 as the real capture prints them (pingtan-public-security-bureau-2024.txt). */
const T3_LABELS: Record<string, string> = {
  new_received: '一、本年新收政府信息公开申请数量',
  carried_over: '二、上年结转政府信息公开申请数量',
  granted: '三、本年度办理结果 （一）予以公开',
  partially_granted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  denied_state_secret: '（三）不予公开 1.属于国家秘密',
  denied_prohibited_by_law: '2.其他法律行政法规禁止公开',
  denied_security_stability: '3.危及“三安全一稳定”',
  denied_third_party: '4.保护第三方合法权益',
  denied_internal_affairs: '5.属于三类内部事务信息',
  denied_process_info: '6.属于四类过程性信息',
  denied_enforcement_file: '7.属于行政执法案卷',
  denied_admin_query: '8.属于行政查询事项',
  unable_not_held: '（四）无法提供 1.本机关不掌握相关政府信息',
  unable_needs_creation: '2.没有现成信息需要另行制作',
  unable_unclear: '3.补正后申请内容仍不明确',
  not_processed_petition: '（五）不予处理 1.信访举报投诉类申请',
  not_processed_duplicate: '2.重复申请',
  not_processed_publication: '3.要求提供公开出版物',
  not_processed_excessive: '4.无正当理由大量反复申请',
  not_processed_confirmation: '5.要求行政机关确认或重新出具已获取信息',
  other_overdue_amendment: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other_overdue_fee: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other_other: '3.其他',
  other_handling: '（六）其他处理',
  total_processed: '（七）总计',
  carried_forward: '四、结转下年度继续办理',
};

/** Table 三's header as the real capture prints it. */
const T3_HEADER =
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计商业 企业 科研 机构 社会公益组织 法律服务机构 其他';
/** Table 四's header as the real capture prints it. */
const T4_HEADER =
  '行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计';
/** Table 二 (2021 form) as the real capture prints it: group headings glued to the row labels. */
const T2_GROUPS: ReadonlyArray<{ heading: string; rows: string[] }> = [
  { heading: '第二十条第（一）项信息内容 本年制发件数 本年废止件数 现行有效件数 ', rows: ['regulations', 'normative_documents'] },
  { heading: '第二十条第（五）项信息内容本年处理决定数量', rows: ['licensing'] },
  { heading: '第二十条第（六）项信息内容本年处理决定数量', rows: ['penalty', 'coercion'] },
  { heading: '第二十条第（八）项信息内容本年收费金额（单位：万元）', rows: ['fees'] },
];
const T2_LABELS: Record<string, string> = {
  regulations: '规章',
  normative_documents: '行政规范性文件',
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费',
};

/** A small seeded generator (mulberry32), so a variant's spacing is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How a variant joins things: between cells of a row, between a label and its cells, after a row. */
interface Style {
  gap: () => string;
  afterLabel: string;
  afterRow: string;
  afterTable: string;
}

function styleOf(variant: Variant, random: () => number): Style {
  switch (variant) {
    case 'spaced':
      return { gap: () => ' ', afterLabel: ' ', afterRow: '', afterTable: ' ' };
    case 'run-together':
      return { gap: () => '', afterLabel: ' ', afterRow: ' ', afterTable: ' ' };
    case 'numeral-glued':
      return { gap: () => '', afterLabel: ' ', afterRow: '', afterTable: ' ' };
    case 'partial-spacing':
      return { gap: () => (random() < 0.5 ? ' ' : ''), afterLabel: ' ', afterRow: '', afterTable: ' ' };
    case 'sentence-glued':
      return { gap: () => '', afterLabel: ' ', afterRow: '', afterTable: '' };
    case 'full-width':
      return { gap: () => (random() < 0.5 ? '\u3000' : ''), afterLabel: '\u3000', afterRow: '', afterTable: '\u3000' };
  }
}

function cellsOf(truth: readonly TruthCell[], table: TableKey, row: string): string[] {
  return truth.filter((c) => c.table === table && c.row === row).map((c) => c.printed);
}

/** The cells of a row joined by the variant's gaps (a blank cell prints nothing). */
function joinCells(cells: readonly string[], style: Style): string {
  return cells.reduce((s, c, i) => (i === 0 ? c : s + style.gap() + c), '');
}

function renderT2(truth: readonly TruthCell[], style: Style): string {
  // Table 二's labels are glued to their numbers in the real capture (规章000, 行政许可52).
  return T2_GROUPS.map((g) => g.heading + g.rows.map((r) => T2_LABELS[r] + joinCells(cellsOf(truth, 't2', r), style)).join(style.afterRow)).join(
    style.afterRow,
  );
}

function renderT3(truth: readonly TruthCell[], style: Style): string {
  const rows = [...new Set(truth.filter((c) => c.table === 't3').map((c) => c.row))];
  return `${T3_HEADER} ${rows.map((r) => T3_LABELS[r] + style.afterLabel + joinCells(cellsOf(truth, 't3', r), style)).join(style.afterRow)}`;
}

function renderT4(truth: readonly TruthCell[], style: Style): string {
  const cells = T4_ROWS.flatMap((r) => cellsOf(truth, 't4', r.key));
  return `${T4_HEADER}${style.afterLabel}${joinCells(cells, style)}`;
}

/** Prose lines run together as a capture prints them: Markdown marks and table rows dropped, lines joined without a break. */
function prose(body: string): string {
  return body
    .split('\n')
    .map((l) => l.trim().replace(/^#+\s*/, '').replace(/\*\*/g, ''))
    .filter((l) => l && !l.startsWith('|'))
    .join('');
}

/** The preamble without the title block (agency, 年度报告 line, a date in brackets) the header block carries. */
function preambleProse(preamble: string): string {
  const lines = preamble.split('\n').map((l) => l.trim().replace(/^#+\s*/, '')).filter(Boolean);
  const title = lines.slice(0, 4).findIndex((l) => /年度报告/.test(l));
  const rest = lines.slice(title + 1).filter((l) => !/^[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*[)）]$/.test(l));
  return prose(rest.join('\n'));
}

/** What a capture is made of: the report's text as read (for prose and headings) and its truth. */
export interface CaptureSource {
  name: string;
  text: string;
  truth: TruthCell[];
  agency: string;
  year: number;
  publishedOn: string;
}

/**
 * Renders one capture: header block, then the body on one line — the report's preamble and
 * sections in order, each heading as the report prints it, the prose of 一/五/六 run together and
 * the three tables rendered from the truth in the variant's layout.
 *
 * @param seed seeds the partial spacing (same seed, same capture)
 */
export function renderCapture(source: CaptureSource, variant: Variant, seed: number): string {
  const style = styleOf(variant, seeded(seed));
  const { sections, preamble } = splitSections(source.text);
  const heading = (s: Section) => s.heading.trim().replace(/^#+\s*/, '').replace(/\*\*/g, '');
  const tables: Partial<Record<string, string>> = {
    proactive: renderT2(source.truth, style),
    applications: renderT3(source.truth, style),
    review_litigation: renderT4(source.truth, style),
  };
  let body = preambleProse(preamble);
  let afterTable = false;
  for (const s of sections) {
    const table = tables[s.key];
    const sep = afterTable ? style.afterTable : table ? ' ' : '';
    body += table ? `${sep}${heading(s)} ${table}` : `${sep}${heading(s)}${prose(s.body)}`;
    afterTable = !!table;
  }
  const title = `${source.agency}${source.year}年政府信息公开工作年度报告`;
  return [
    `标题: ${title}`,
    `发布时间: ${source.publishedOn} 09:30`,
    '文号: ',
    `发布机构: ${source.agency}`,
    '栏目: 政府信息公开年报',
    `原文链接: https://www.example.gov.cn/zwgk/zfxxgknb/${source.year + 1}01/t_${seed}.htm`,
    '页面链接与图片详见 links.tsv(同目录)',
    '==================== 正文 ====================',
    body,
    '',
  ].join('\n');
}

/** How the reader did on one capture, per cell against the truth. */
export interface CellScore {
  right: number;
  /** A value shown (reported, inferred, or printed-empty) that differs from the truth: must be 0. */
  wrong: number;
  /** Left missing (including under CELL_AMBIGUOUS) or not read at all. */
  missing: number;
  /** Of the missing, those under a CELL_AMBIGUOUS flag. */
  ambiguous: number;
  /**
   * A cell printed empty that the capture lost (an empty cell leaves nothing in running text),
   * shown `inferred` from the identities under CELL_INFERRED (推算值，原文未印出): not a printed value.
   */
  inferredForEmpty: number;
  /** Cells left missing, `t2.regulations.issued`. */
  missingCells: string[];
  /** The wrong cells, `t3.granted.total: 12 (truth 1)`. */
  wrongCells: string[];
}

/**
 * Scores the cells read from a capture against the truth. A cell is right when it is `reported`
 * or `inferred` with the true value (a blank truth: status `blank`); `missing` or absent is
 * missing; a cell printed empty shown `inferred` is counted apart (`inferredForEmpty`); anything
 * else shown is wrong.
 *
 * @param ambiguousRefs cell refs (`t3.granted.total`) named by CELL_AMBIGUOUS flags
 */
export function scoreCells(cells: readonly Cell[], truth: readonly TruthCell[], ambiguousRefs: ReadonlySet<string>): CellScore {
  const score: CellScore = { right: 0, wrong: 0, missing: 0, ambiguous: 0, inferredForEmpty: 0, wrongCells: [], missingCells: [] };
  const byRef = new Map(cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
  for (const t of truth) {
    const ref = `${t.table}.${t.row}.${t.column}`;
    const c = byRef.get(ref);
    if (!c || c.status === 'missing') {
      score.missing++;
      score.missingCells.push(ref);
      if (ambiguousRefs.has(ref)) score.ambiguous++;
      continue;
    }
    if (t.value === null && c.status === 'inferred') {
      score.inferredForEmpty++;
      continue;
    }
    const ok = t.value === null ? c.status === 'blank' : (c.status === 'reported' || c.status === 'inferred') && c.value === t.value;
    if (ok) score.right++;
    else {
      score.wrong++;
      score.wrongCells.push(`${ref}: ${c.status} ${c.value ?? c.raw ?? ''} (truth ${t.value ?? 'blank'})`);
    }
  }
  return score;
}
