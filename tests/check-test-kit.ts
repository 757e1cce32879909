/**
 * Test helpers for the rules of lib/checks: a copy of a report's cells with one cell changed, as
 * a misprint or a lost cell would change it (so a rule's failing case starts from a real report's
 * cells), and the assertion that flags carry their rule's id, version and severity.
 */
import { expect } from 'vitest';
import type { Cell, Flag } from '../lib/model/report-schema';
import type { RuleMetadata } from '../lib/model/rule-metadata';

/** `cells` with the cell `table.row.column` replaced by `{ ...cell, ...patch }`; throws when there is no such cell. */
export function withCell(cells: Cell[], table: string, row: string, column: string, patch: Partial<Cell>): Cell[] {
  let hit = false;
  const out = cells.map((c) => {
    if (c.table === table && c.row === row && c.column === column) {
      hit = true;
      return { ...c, ...patch };
    }
    return c;
  });
  if (!hit) throw new Error(`no cell ${table}.${row}.${column}`);
  return out;
}

/** Asserts that `flags` is not empty and that each carries `rule`'s id, version and severity. */
export function expectFlagsOf(rule: RuleMetadata, flags: readonly Flag[]): void {
  expect(flags.length, rule.id).toBeGreaterThan(0);
  for (const f of flags) expect([f.rule, f.rule_version, f.severity]).toEqual([rule.id, rule.version, rule.severity]);
}
