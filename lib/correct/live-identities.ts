/**
 * The proofreading editor's live checks (issue 13): given the cells of tables 三 and 四 as they
 * stand while a person types, every identity of the form — T3_ROW_TOTAL (each row's 总计),
 * T3_BALANCE (each column's 一 + 二 = 三（七） + 四), T3_OUTCOME_SUM (each column's （七）总计),
 * T4_TOTAL (each row of 表四) — with its two sums and their difference. The instances and their
 * evaluation are the checks' own (lib/checks/check-cell-blank.ts instancesFor, the same lists the
 * rules T3_ROW_TOTAL, T3_BALANCE, T3_OUTCOME_SUM and T4_TOTAL check; lib/model/form-identities.ts
 * evaluateIdentity), so the editor and the flags never disagree. Table 二 has no identity.
 */
import { instancesFor } from '../checks/check-cell-blank';
import { CellGrid, cellRef } from '../model/cell-grid';
import { columnLabel, rowLabel } from '../model/form-layout';
import { evaluateIdentity, type IdentityInstance } from '../model/form-identities';
import type { Cell } from '../model/report-schema';
import { zhMessage, type MessageTranslate } from './message-text';

/** One identity instance as the editor shows it. */
export interface LiveIdentity {
  rule: IdentityInstance['rule'];
  /** The row or column key the instance is about (`natural_person`, `granted`, `review`). */
  scope: string;
  /** A name, e.g. `表三「自然人」列：一 + 二 = 三（七）总计 + 四` (English with an English `t`). */
  label: string;
  /** Every cell of the instance, as `table.row.column`; the total side first. */
  cells: string[];
  /** The total side's cells (`t3.total_processed.total` …). */
  totalCells: string[];
  /** False when a cell is missing, invalid or an unfilled total (then nothing is compared). */
  evaluable: boolean;
  /** The printed total side's sum and the parts' sum (件), null when not evaluable. */
  totalSum: number | null;
  partsSum: number | null;
  /** totalSum − partsSum (件), 0 when the identity holds; null when not evaluable. */
  difference: number | null;
}

/** The instance's name in the UI's language (`t`, lib/present/i18n; Chinese by default). */
function labelOf(inst: IdentityInstance, t: MessageTranslate): string {
  switch (inst.rule) {
    case 'T3_ROW_TOTAL':
      return t('表三「{{row}}」行：总计 = 各类申请人之和', { row: t(rowLabel('t3', inst.scope)) });
    case 'T3_BALANCE':
      return t('表三「{{column}}」列：一 + 二 = 三（七）总计 + 四', { column: t(columnLabel('t3', inst.scope)) });
    case 'T3_OUTCOME_SUM':
      return t('表三「{{column}}」列：（七）总计 = （一）至（六）之和', { column: t(columnLabel('t3', inst.scope)) });
    case 'T4_TOTAL':
      return t('表四「{{row}}」：总计 = 维持 + 纠正 + 其他 + 尚未审结', { row: t(rowLabel('t4', inst.scope)) });
  }
}

/**
 * Every identity instance of the cells' tables 三 and 四, in the checks' order, with its sums and
 * difference (件). Instances of a table with no cell at all are left out (a table not printed has
 * no identity to show). Pure; linear in the cells. `t` names the instances in the UI's language
 * (lib/present/i18n; the Chinese labels by default).
 */
export function liveIdentities(cells: readonly Cell[], t: MessageTranslate = zhMessage): LiveIdentity[] {
  const grid = new CellGrid(cells);
  const ref = (a: { table: Cell['table']; row: string; column: string }) => cellRef(a.table, a.row, a.column);
  return instancesFor(cells)
    .filter((inst) => grid.has(inst.total[0].table))
    .map((inst) => {
      const r = evaluateIdentity(grid, inst);
      const evaluable = r.evaluable;
      return {
        rule: inst.rule,
        scope: inst.scope,
        label: labelOf(inst, t),
        cells: [...inst.total, ...inst.parts].map(ref),
        totalCells: inst.total.map(ref),
        evaluable,
        totalSum: evaluable ? r.totalSum : null,
        partsSum: evaluable ? r.partsSum : null,
        difference: evaluable ? Math.round((r.totalSum - r.partsSum) * 100) / 100 : null,
      };
    });
}

/**
 * The cells with typed values put in (`edits`: `table.row.column` → value in 件; null clears the
 * number), each edited cell with status `corrected` — what {@link liveIdentities} evaluates while
 * a person types, before anything is saved. A cell not in `cells` is added. Pure.
 */
export function withEdits(cells: readonly Cell[], reportId: string, edits: ReadonlyMap<string, number | null>): Cell[] {
  const out = cells.map((c) => {
    const key = cellRef(c.table, c.row, c.column);
    if (!edits.has(key)) return c;
    const v = edits.get(key)!;
    return v === null ? { ...c, value: null, status: 'missing' as const } : { ...c, value: v, status: 'corrected' as const };
  });
  const present = new Set(cells.map((c) => cellRef(c.table, c.row, c.column)));
  for (const [key, v] of edits) {
    if (present.has(key) || v === null) continue;
    const [table, row, column] = key.split('.');
    out.push({ report_id: reportId, table: table as Cell['table'], row, column, value: v, status: 'corrected', raw: null, note: null });
  }
  return out;
}
