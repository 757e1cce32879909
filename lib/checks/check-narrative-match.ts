/**
 * NARRATIVE_MATCH — a count stated in the prose (收到申请N件, 办结N件, 上年结转N件, 结转下年度N件,
 * 行政复议N件, 行政诉讼N件) must equal the table's. Source: the accuracy requirement of
 * 国办公开办函〔2021〕30号 (数据不准确 is a named defect).
 *
 * Wording is treacherous, so the rule is raised only where the contradiction is unambiguous:
 * - 受理/收到N件 may mean new applications only or new plus carried over: either matches;
 * - sentences about a whole region or several bodies (全市, 全县, 各级, 各部门…) or about last
 *   year (同比, 去年) are not compared;
 * - in a people's government's report, a sentence about its office acting for it (区政府办代表区政府受理…,
 *   洪泽区 2024) may count a different scope than the table (the whole government): not compared;
 * - 按时办结N件 below the table's total is a subset, not a contradiction;
 * - a sentence naming 行政复议 and 行政诉讼 with one figure is not compared;
 * - "未收到申请" / "未发生行政复议、行政诉讼" state zero.
 * 主动公开N条 has no counterpart in the 2021 tables and is not compared.
 */
import { CellGrid, cellRef } from '../model/cell-grid';
import type { Cell, Flag, Report } from '../model/report-schema';
import { proseSentences, type ProseSentence } from './report-prose';
import { FORM_2021_SOURCE } from '../model/rule-metadata';
import { ruleFlag, type SingleReportRule } from './rule';

/** The rule NARRATIVE_MATCH (see the file's docstring for what it checks and why). */
export const narrativeMatchRule: SingleReportRule = {
  id: 'NARRATIVE_MATCH',
  version: 1,
  severity: 'warning',
  scope: 'single',
  name: '正文所述数字与表格不一致',
  source: `${FORM_2021_SOURCE}列明的“数据不准确”问题`,
  formula: '正文中所述件数（收到申请、办结、结转、行政复议、行政诉讼）= 表格中对应的数',
  run: (record) => checkNarrativeMatch(record.report, record.cells, record.text),
};

/** What a stated count is about. */
export type StatedKind = 'received' | 'completed' | 'carried_over' | 'carried_forward' | 'review' | 'litigation';

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

/**
 * The counts stated in a report's prose. `year` is the report year, used to read 2022年度结转
 * (Y−1: carried over) and 结转2024年度 (Y+1: carried forward). Never throws.
 */
export function statedCounts(text: string, year: number | null, kind: Report['report_kind'] = null): StatedCount[] {
  const out: StatedCount[] = [];
  for (const sentence of proseSentences(text)) {
    const s = sentence.text;
    if (NOT_COMPARABLE.test(s)) continue;
    if (kind === 'government' && OTHER_SCOPE.test(s)) continue;
    const add = (kind: StatedKind, value: number, subset = false) => out.push({ kind, value, sentence, subset });
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`(?:收到|接收|受理|新收)[^。；，,\\d]{0,24}?申请[^。；，,\\d]{0,10}?${N}`).exec(s))) add('received', Number(m[1]));
    else if (/(未|没有)(收到|接收|受理)[^。；，,\d]{0,12}申请/.test(s)) add('received', 0);
    if ((m = new RegExp(`(按时)?(?:办结|共办理)[^。；，,\\d]{0,6}?${N}`).exec(s))) {
      add('completed', Number(m[2]), Boolean(m[1]));
    }
    const carried = [...s.matchAll(/(上一?年度?|(20\d{2})\s*年度?)结转[^。；，,\d]{0,12}?(\d+)\s*件/g)];
    for (const c of carried) if (!c[2] || (year !== null && Number(c[2]) === year - 1)) add('carried_over', Number(c[3]));
    const forward = [
      ...s.matchAll(/结转(?:至|到)?(下一?年度?|下一年|(20\d{2})\s*年度?)(?:继续办理)?[^。；，,\d]{0,4}?(\d+)\s*件/g),
    ];
    for (const f of forward) if (!f[2] || (year !== null && Number(f[2]) === year + 1)) add('carried_forward', Number(f[3]));
    const both = /行政复议[、和及与]/.test(s) || /诉讼[、和及与]行政复议/.test(s);
    if (!both) {
      if ((m = new RegExp(`行政复议[^。；，,\\d]{0,8}?${N}`).exec(s))) add('review', Number(m[1]));
      if ((m = new RegExp(`诉讼[^。；，,\\d]{0,8}?${N}`).exec(s))) add('litigation', Number(m[1]));
    }
    if (/未(发生|收到|有)[^。；，,\d]{0,20}行政复议[、和及与]?行政诉讼/.test(s)) {
      add('review', 0);
      add('litigation', 0);
    }
  }
  return out;
}

const LABELS: Record<StatedKind, string> = {
  received: '本年新收申请',
  completed: '办结（（七）总计）',
  carried_over: '上年结转',
  carried_forward: '结转下年度继续办理',
  review: '行政复议总计',
  litigation: '行政诉讼总计（直接起诉+复议后起诉）',
};

/**
 * One `warning` flag per stated count that contradicts the tables unambiguously. `expected` is
 * the table's value (件), `actual` the stated one, `subject` the cells and the sentence
 * (`text:START-END`), `evidence` the sentence. Not evaluated where the table cells are missing.
 */
export function checkNarrativeMatch(report: Report, cells: readonly Cell[], text: string): Flag[] {
  const grid = CellGrid.of(cells);
  const v = (t: 't3' | 't4', row: string) => grid.value(t, row, 'total');
  const flags: Flag[] = [];
  const seen = new Set<string>();
  for (const st of statedCounts(text, report.year, report.report_kind)) {
    let table: number | null = null;
    let refs: string[] = [];
    let ok = false;
    const newReceived = v('t3', 'new_received');
    const carriedOver = v('t3', 'carried_over');
    switch (st.kind) {
      case 'received':
        table = newReceived;
        refs = [cellRef('t3', 'new_received', 'total'), cellRef('t3', 'carried_over', 'total')];
        ok = table !== null && (st.value === table || (carriedOver !== null && st.value === table + carriedOver));
        break;
      case 'completed':
        table = v('t3', 'total_processed');
        refs = [cellRef('t3', 'total_processed', 'total')];
        ok = table !== null && (st.value === table || (st.subset && st.value < table));
        break;
      case 'carried_over':
        table = carriedOver;
        refs = [cellRef('t3', 'carried_over', 'total')];
        ok = st.value === table;
        break;
      case 'carried_forward':
        table = v('t3', 'carried_forward');
        refs = [cellRef('t3', 'carried_forward', 'total')];
        ok = st.value === table;
        break;
      case 'review':
        table = v('t4', 'review');
        refs = [cellRef('t4', 'review', 'total')];
        ok = st.value === table;
        break;
      case 'litigation': {
        const a = v('t4', 'litigation_direct');
        const b = v('t4', 'litigation_after_review');
        table = a === null || b === null ? null : a + b;
        refs = [cellRef('t4', 'litigation_direct', 'total'), cellRef('t4', 'litigation_after_review', 'total')];
        ok = st.value === table;
        break;
      }
    }
    if (table === null || ok) continue;
    const key = `${st.kind}|${st.sentence.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const alt = st.kind === 'received' && carriedOver !== null ? `（加上年结转 ${carriedOver} 件为 ${table + carriedOver} 件）` : '';
    flags.push(
      ruleFlag(narrativeMatchRule, {
        report_id: report.report_id,
        subject: [...refs, `text:${st.sentence.start}-${st.sentence.end}`],
        expected: table,
        actual: st.value,
        message: `正文称${LABELS[st.kind]} ${st.value} 件，表格为 ${table} 件${alt}，二者不一致。`,
        evidence: st.sentence.text,
      }),
    );
  }
  return flags;
}
