/**
 * Shared evaluation of an arithmetic identity of the form (the rule files supply which cells
 * and how to word the message): one flag per instance that is evaluable and fails; none where
 * the numbers satisfy it, and none where a cell is missing (a check that cannot be evaluated is
 * not a failure).
 */
import { CellGrid, cellRef } from '../model/cell-grid';
import { evaluateIdentity, type IdentityInstance } from '../model/form-identities';
import type { Cell, Flag } from '../model/report-schema';
import type { RuleMetadata } from '../model/rule-metadata';
import { ruleFlag } from './rule';

/** Describes a failing instance in plain Chinese, given the two sums (件). */
export type DescribeFailure = (inst: IdentityInstance, totalSum: number, partsSum: number) => string;

/**
 * Flags of `rule` (id, version and severity `error` from the rule's file) for the instances the
 * cells break. `expected` is the sum of the parts, `actual` the printed total side, `difference`
 * actual − expected; `subject` lists every cell of the instance.
 */
export function checkIdentity(
  rule: RuleMetadata,
  reportId: string,
  cells: readonly Cell[],
  instances: readonly IdentityInstance[],
  describe: DescribeFailure,
): Flag[] {
  const grid = CellGrid.of(cells);
  const flags: Flag[] = [];
  for (const inst of instances) {
    const r = evaluateIdentity(grid, inst);
    if (!r.evaluable || r.holds) continue;
    flags.push(
      ruleFlag(rule, {
        report_id: reportId,
        subject: [...inst.total, ...inst.parts].map((a) => cellRef(a.table, a.row, a.column)),
        expected: r.partsSum,
        actual: r.totalSum,
        message: describe(inst, r.totalSum, r.partsSum),
      }),
    );
  }
  return flags;
}
