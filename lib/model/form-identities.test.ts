/** Evaluating the form's identities: what counts as 0 and what makes an instance not evaluable. */
import { describe, expect, it } from 'vitest';
import { CellGrid } from './cell-grid';
import { evaluateIdentity, t3BalanceInstances, t3RowTotalInstances, t4TotalInstances } from './form-identities';
import type { Cell, CellStatus, TableKey } from './report-schema';

const cell = (table: TableKey, row: string, column: string, v: number | null, status: CellStatus = 'reported'): Cell => ({
  report_id: 'r',
  table,
  row,
  column,
  value: status === 'reported' ? v : null,
  status,
  raw: status === 'blank' ? '' : String(v ?? '/'),
  note: null,
});

function t4(values: Array<number | null>, statuses: CellStatus[] = []): CellGrid {
  const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
  return new CellGrid(cols.map((c, i) => cell('t4', 'review', c, values[i], statuses[i] ?? 'reported')));
}
const review = t4TotalInstances()[0];

describe('evaluateIdentity', () => {
  it('counts a blank or placeholder part as 0', () => {
    expect(evaluateIdentity(t4([5, null, null, 2, 7], ['reported', 'blank', 'placeholder']), review)).toMatchObject({ evaluable: true, holds: true });
  });

  it('does not evaluate an instance whose total is printed blank or as a placeholder', () => {
    expect(evaluateIdentity(t4([5, 0, 0, 2, null], ['reported', 'reported', 'reported', 'reported', 'blank']), review)).toMatchObject({ evaluable: false });
    expect(evaluateIdentity(t4([5, 0, 0, 2, null], ['reported', 'reported', 'reported', 'reported', 'placeholder']), review)).toMatchObject({ evaluable: false });
  });

  it('still flags a printed total that disagrees', () => {
    expect(evaluateIdentity(t4([10, 1, 0, 0, 0]), review)).toMatchObject({ evaluable: true, holds: false, totalSum: 0, partsSum: 11 });
  });

  it('does not read a blank 总计 cell as 0 on the parts side either (2019 trial-format reports)', () => {
    const cells = [
      cell('t3', 'new_received', 'total', 859),
      cell('t3', 'carried_over', 'total', 18),
      cell('t3', 'total_processed', 'total', 805),
      cell('t3', 'carried_forward', 'total', null, 'blank'),
    ];
    const totalColumn = t3BalanceInstances().find((i) => i.scope === 'total')!;
    expect(evaluateIdentity(new CellGrid(cells), totalColumn)).toMatchObject({ evaluable: false });
    const granted = t3RowTotalInstances(false).find((i) => i.scope === 'granted')!;
    const row = ['natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org'].map((c, i) => cell('t3', 'granted', c, [258, 12, 0, 0, 1, 1][i]));
    expect(evaluateIdentity(new CellGrid([...row, cell('t3', 'granted', 'total', null, 'blank')]), granted)).toMatchObject({ evaluable: false });
  });
});
