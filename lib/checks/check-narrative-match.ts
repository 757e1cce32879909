/**
 * NARRATIVE_MATCH — a count stated in the prose must equal the table's. Source: the accuracy
 * requirement of 国办公开办函〔2021〕30号 (数据不准确 is a named defect).
 *
 * The counts read (件), and the table cells they are compared with:
 * - 收到/受理申请N件 → 一、本年新收 (or 一 + 二: 受理 may include the carried-over ones);
 * - 办结N件, 共办理N件, and the Shanghai/2019 wording 答复（政府信息公开申请）N件 at a clause's start
 *   → 三（七）总计;
 * - 上年（度）结转N件 / 2022年度结转N件 → 二、上年结转; 结转下年度N件 / 结转2024年度N件, and
 *   N件（申请）…顺延到下年度 (2019 wording) → 四、结转下年度继续办理;
 * - grouped counts of the outcomes: 予以公开及部分公开N件 → 三（一）+ 三（二）; 不予公开N件 → 三（三）
 *   rows 1–8; 无法提供N件 → 三（四） rows 1–3; 不予处理N件 → 三（五） rows 1–5; 其他处理N件 → 三（六）
 *   (the single `other_handling` row, or rows 1–3);
 * - 行政复议N件 → 表四 行政复议 总计; 诉讼N件 → 表四 both 行政诉讼 totals.
 * A row's count is its 总计; where the 总计 is printed empty or as a placeholder (the 2019 trial
 * format, 国办公开办函〔2019〕60号, leaves that column mostly empty: 上海市人民政府办公厅 2019) it is the
 * sum of the six applicant columns, an empty applicant cell counting 0 (as in the identities).
 *
 * Wording is treacherous, so the rule is raised only where the contradiction is unambiguous:
 * - 受理/收到N件 may mean new applications only or new plus carried over: either matches;
 * - sentences about a whole region or several bodies (全市, 全县, 各级, 各部门…) or about last
 *   year (同比, 去年) are not compared;
 * - in a people's government's report, a sentence about its office acting for it (区政府办代表区政府受理…,
 *   洪泽区 2024) may count a different scope than the table (the whole government): not compared;
 * - 按时办结N件 below the table's total is a subset, not a contradiction; 按时答复, 依法答复 (not at a
 *   clause's start) are not read;
 * - a sentence naming 行政复议 and 行政诉讼 with one figure is not compared;
 * - 同意公开N件 / 部分公开N件 alone are not read (同意 may mean 予以公开 or both), nor 不同意公开;
 * - "未收到申请" / "未发生行政复议、行政诉讼" state zero.
 * 主动公开N条 has no counterpart in the 2021 tables and is not compared.
 * - a grouped count equal to one item of its group (因本机关不掌握等原因无法提供265件 where 1.本机关不掌握
 *   is 265 and 无法提供 337) may state that item alone: not compared (a stated 0 still is).
 *
 * Version 2 (issue 11): grouped counts, the 2019 wording, and row counts from the applicant columns
 * where the 总计 is empty (version 1 compared an empty 总计 as 0).
 */
import { CellGrid, arithmeticValue, cellRef } from '../model/cell-grid';
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS, rowLabel } from '../model/form-layout';
import type { Cell, Flag, Report } from '../model/report-schema';
import { isValueStatus } from '../model/report-schema';
import { proseSentences, type ProseSentence } from './report-prose';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import { ruleFlag, type SingleReportRule } from './rule';

/** The rule NARRATIVE_MATCH (see the file's docstring for what it checks and why). */
export const narrativeMatchRule: SingleReportRule = {
  id: 'NARRATIVE_MATCH',
  version: 2,
  severity: 'warning',
  scope: 'single',
  name: '正文所述数字与表格不一致',
  source: `${FORM_2021_SOURCE}列明的“数据不准确”问题`,
  formula:
    '正文中所述件数（收到申请、办结、结转、予以公开及部分公开、不予公开、无法提供、不予处理、其他处理、行政复议、行政诉讼）= 表格中对应的数',
  run: (record) => checkNarrativeMatch(record.report, record.cells, record.text),
};

/** What a stated count is about: a row of table 三 or 四, or a group of outcome rows of table 三. */
export type StatedKind =
  | 'received'
  | 'completed'
  | 'carried_over'
  | 'carried_forward'
  | 'disclosed'
  | 'denied'
  | 'unable'
  | 'not_processed'
  | 'other_handling'
  | 'review'
  | 'litigation';

/** A count stated in the prose, with the sentence that states it. */
export interface StatedCount {
  kind: StatedKind;
  /** 件. */
  value: number;
  sentence: ProseSentence;
  /** Whether the wording marks a subset (按时办结). */
  subset: boolean;
}

const NOT_COMPARABLE = /全(市|县|区|省|州|盟|旗|国)|各级|各地|各部门|各单位|各乡镇|全系统|同比|去年|上一年度同期|较上年/;
/** In a government's report: its office, or someone acting on its behalf (another scope). */
const OTHER_SCOPE = /代表|政府办(?!理)|办公室|办公厅/;
const N = '(\\d+)\\s*(?:件|份|个|起|宗)';
/** Between a grouped outcome's name and its count: a few characters, no digit and no clause end. */
const GAP = '[^。；，,\\d]{0,6}?';

/** The grouped outcome counts (三（一）+（二）, （三）…（六）) and the wording that states each. */
const GROUPED: ReadonlyArray<[StatedKind, RegExp]> = [
  ['disclosed', new RegExp(`予以公开(?:及|和|与|、|或)部分公开${GAP}${N}`)],
  ['denied', new RegExp(`(?<!不同意|而)不予公开${GAP}${N}`)],
  ['unable', new RegExp(`无法提供${GAP}${N}`)],
  ['not_processed', new RegExp(`不予处理${GAP}${N}`)],
  ['other_handling', new RegExp(`其他处理${GAP}${N}`)],
];

/* The wordings of the single counts, built once (issue 15: not per sentence). */
const RECEIVED = new RegExp(`(?:收到|接收|受理|新收)[^。；，,\\d]{0,24}?申请[^。；，,\\d]{0,10}?${N}`);
const COMPLETED = new RegExp(`(按时)?(?:办结|共办理)[^。；，,\\d]{0,6}?${N}`);
const ANSWERED = new RegExp(`(?:^|[，,：:]|共|累计)答复(?:政府信息公开申请|申请)?\\s*${N}`);
const REVIEW = new RegExp(`行政复议[^。；，,\\d]{0,8}?${N}`);
const LITIGATION = new RegExp(`诉讼[^。；，,\\d]{0,8}?${N}`);
/**
 * What every wording needs: a digit (a count), or 未/没有 (未收到申请, 未发生行政复议) for the
 * zero counts; a sentence with neither states no count.
 */
const MAY_STATE_COUNT = /\d|未|没有/;

type Add = (kind: StatedKind, value: number, subset?: boolean) => void;

/** 收到/受理申请N件, 办结N件, 答复N件, 上年结转N件, 结转下年度N件, N件…顺延到下年度 in one sentence. */
function readApplicationCounts(s: string, year: number | null, add: Add): void {
  let m: RegExpExecArray | null;
  if ((m = RECEIVED.exec(s))) add('received', Number(m[1]));
  else if (/(未|没有)(收到|接收|受理)[^。；，,\d]{0,12}申请/.test(s)) add('received', 0);
  if ((m = COMPLETED.exec(s))) add('completed', Number(m[2]), Boolean(m[1]));
  else if ((m = ANSWERED.exec(s))) add('completed', Number(m[1]));
  const carried = [...s.matchAll(/(上一?年度?|(20\d{2})\s*年度?)结转[^。；，,\d]{0,12}?(\d+)\s*件/g)];
  for (const c of carried) if (!c[2] || (year !== null && Number(c[2]) === year - 1)) add('carried_over', Number(c[3]));
  const forward = [
    ...s.matchAll(/结转(?:至|到)?(下一?年度?|下一年|(20\d{2})\s*年度?)(?:继续办理)?[^。；，,\d]{0,4}?(\d+)\s*件/g),
  ];
  for (const f of forward) if (!f[2] || (year !== null && Number(f[2]) === year + 1)) add('carried_forward', Number(f[3]));
  if (!forward.length && (m = /(\d+)\s*件[^。；，,\d]{0,12}?顺延(?:到|至)下一?年度/.exec(s))) add('carried_forward', Number(m[1]));
}

/** 行政复议N件, 诉讼N件, 未发生行政复议、行政诉讼 in one sentence. */
function readReviewCounts(s: string, add: Add): void {
  let m: RegExpExecArray | null;
  const both = /行政复议[、和及与]/.test(s) || /诉讼[、和及与]行政复议/.test(s);
  if (!both) {
    if ((m = REVIEW.exec(s))) add('review', Number(m[1]));
    if ((m = LITIGATION.exec(s))) add('litigation', Number(m[1]));
  }
  if (/未(发生|收到|有)[^。；，,\d]{0,20}行政复议[、和及与]?行政诉讼/.test(s)) {
    add('review', 0);
    add('litigation', 0);
  }
}

/**
 * The counts stated in a report's prose. `year` is the report year, used to read 2022年度结转
 * (Y−1: carried over) and 结转2024年度 (Y+1: carried forward); `kind` the report kind (a
 * government's report skips sentences about its office). Never throws.
 */
export function statedCounts(text: string, year: number | null, kind: Report['report_kind'] = null): StatedCount[] {
  const out: StatedCount[] = [];
  for (const sentence of proseSentences(text)) {
    const s = sentence.text;
    if (!MAY_STATE_COUNT.test(s) || NOT_COMPARABLE.test(s)) continue;
    if (kind === 'government' && OTHER_SCOPE.test(s)) continue;
    const add: Add = (kind, value, subset = false) => out.push({ kind, value, sentence, subset });
    readApplicationCounts(s, year, add);
    for (const [k, re] of GROUPED) {
      const m = re.exec(s);
      if (m) add(k, Number(m[1]));
    }
    readReviewCounts(s, add);
  }
  return out;
}

const LABELS: Record<StatedKind, string> = {
  received: '本年新收申请',
  completed: '办结（（七）总计）',
  carried_over: '上年结转',
  carried_forward: '结转下年度继续办理',
  disclosed: '予以公开及部分公开（三（一）+三（二））',
  denied: '不予公开（三（三））',
  unable: '无法提供（三（四））',
  not_processed: '不予处理（三（五））',
  other_handling: '其他处理（三（六））',
  review: '行政复议总计',
  litigation: '行政诉讼总计（直接起诉+复议后起诉）',
};

const T3_KEYS = T3_ROWS.map((r) => r.key);
const rowsBetween = (first: string, last: string) => T3_KEYS.slice(T3_KEYS.indexOf(first), T3_KEYS.indexOf(last) + 1);

/** The rows of table 三 (or 四) whose counts a stated kind adds up, for a report's cells. */
function rowsOf(kind: StatedKind, grid: CellGrid): { table: 't3' | 't4'; rows: string[] } {
  switch (kind) {
    case 'received':
      return { table: 't3', rows: ['new_received'] };
    case 'completed':
      return { table: 't3', rows: ['total_processed'] };
    case 'carried_over':
      return { table: 't3', rows: ['carried_over'] };
    case 'carried_forward':
      return { table: 't3', rows: ['carried_forward'] };
    case 'disclosed':
      return { table: 't3', rows: ['granted', 'partially_granted'] };
    case 'denied':
      return { table: 't3', rows: rowsBetween('denied_state_secret', 'denied_admin_query') };
    case 'unable':
      return { table: 't3', rows: rowsBetween('unable_not_held', 'unable_unclear') };
    case 'not_processed':
      return { table: 't3', rows: rowsBetween('not_processed_petition', 'not_processed_confirmation') };
    case 'other_handling':
      return { table: 't3', rows: grid.has('t3', 'other_handling') ? ['other_handling'] : rowsBetween('other_overdue_amendment', 'other_other') };
    case 'review':
      return { table: 't4', rows: ['review'] };
    case 'litigation':
      return { table: 't4', rows: ['litigation_direct', 'litigation_after_review'] };
  }
}

/** A row's count (件) and whether it came from the applicant columns (its 总计 printed empty). */
export interface RowCount {
  value: number;
  fromParts: boolean;
}

/**
 * The count of a row of table 三 or 四 (件): its 总计 when read; when the 总计 is printed empty or as
 * a placeholder, the sum of the row's other columns (an empty one counting 0); null when the 总计
 * or a needed cell is missing, invalid or absent (not evaluated).
 */
export function rowCount(grid: CellGrid, table: 't3' | 't4', row: string): RowCount | null {
  const total = grid.get(table, row, 'total');
  if (!total) return null;
  if (isValueStatus(total.status)) return total.value === null ? null : { value: total.value, fromParts: false };
  if (total.status !== 'blank' && total.status !== 'placeholder') return null;
  const columns = (table === 't3' ? T3_COLUMNS : T4_COLUMNS).filter((c) => c.key !== 'total');
  let value = 0;
  for (const c of columns) {
    const v = arithmeticValue(grid.get(table, row, c.key));
    if (v === null) return null;
    value += v;
  }
  return { value, fromParts: true };
}

/** The table's count for a stated kind (件) with the cells it rests on; null when not evaluable. */
function tableCount(kind: StatedKind, grid: CellGrid): { value: number; refs: string[]; rows: Array<[string, number]>; fromParts: boolean } | null {
  const { table, rows } = rowsOf(kind, grid);
  const counts = rows.map((r) => rowCount(grid, table, r));
  if (counts.some((c) => c === null)) return null;
  const ok = counts as RowCount[];
  return {
    value: ok.reduce((a, c) => a + c.value, 0),
    refs: rows.map((r) => cellRef(table, r, 'total')),
    rows: rows.map((r, i) => [r, ok[i].value]),
    fromParts: ok.some((c) => c.fromParts),
  };
}

/**
 * Whether a stated count agrees with the table's `value` (受理 may include 上年结转; 按时办结 is a
 * subset), or cannot be told apart from agreeing: a grouped count equal to one item of its group
 * (因本机关不掌握等原因无法提供265件 where 本机关不掌握 is 265 and 无法提供 337) may state that item
 * alone — the wording names it — so it is not a contradiction we can assert.
 */
function agrees(st: StatedCount, value: number, carriedOver: number | null, rows: ReadonlyArray<readonly [string, number]> = []): boolean {
  if (st.value === value) return true;
  if (st.value > 0 && rows.length > 1 && rows.some(([, v]) => v === st.value)) return true;
  if (st.kind === 'received') return carriedOver !== null && st.value === value + carriedOver;
  return st.kind === 'completed' && st.subset && st.value < value;
}

/**
 * One `warning` flag per stated count that contradicts the tables unambiguously. `expected` is
 * the table's value (件), `actual` the stated one, `subject` the cells and the sentence
 * (`text:START-END`), `evidence` the sentence. Not evaluated where the table cells are missing.
 */
export function checkNarrativeMatch(report: Report, cells: readonly Cell[], text: string): Flag[] {
  const grid = CellGrid.of(cells);
  const carriedOver = rowCount(grid, 't3', 'carried_over')?.value ?? null;
  const flags: Flag[] = [];
  const seen = new Set<string>();
  for (const st of statedCounts(text, report.year, report.report_kind)) {
    const table = tableCount(st.kind, grid);
    if (table === null || agrees(st, table.value, carriedOver, table.rows)) continue;
    const key = `${st.kind}|${st.sentence.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const refs = st.kind === 'received' ? [...table.refs, cellRef('t3', 'carried_over', 'total')] : table.refs;
    flags.push(
      ruleFlag(narrativeMatchRule, {
        report_id: report.report_id,
        subject: [...refs, `text:${st.sentence.start}-${st.sentence.end}`],
        expected: table.value,
        actual: st.value,
        message: `正文称${LABELS[st.kind]} ${st.value} 件，表格为 ${table.value} 件${tableNote(st, table, carriedOver)}，二者不一致；请核对原件，更正正文或表格。`,
        evidence: st.sentence.text,
      }),
    );
  }
  return flags;
}

/** What the message adds after the table's count: 上年结转 for 受理, an empty 总计. */
function tableNote(st: StatedCount, table: NonNullable<ReturnType<typeof tableCount>>, carriedOver: number | null): string {
  const notes: string[] = [];
  if (st.kind === 'received' && carriedOver !== null) notes.push(`加上年结转 ${carriedOver} 件为 ${table.value + carriedOver} 件`);
  if (table.fromParts) notes.push('总计列空白处按各类申请人之和计');
  return notes.length ? `（${notes.join('；')}）` : '';
}
