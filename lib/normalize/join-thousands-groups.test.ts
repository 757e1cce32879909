/** Space-separated thousands (`1 259`) joined only where the row's count or its total decides (rows from data/corpus). */
import { describe, expect, it } from 'vitest';
import { groupRows, tokenizeSection, type ValueToken } from '../parse/tokenize-table-text';
import { joinThousandsGroups, rowTotalIdentity } from './join-thousands-groups';

const valuesOf = (text: string, columns: number): ValueToken[] => groupRows(tokenizeSection(text), columns)[0].values;
const shown = (values: readonly ValueToken[]) => values.map((v) => (v.kind === 'num' ? v.value : v.kind));

describe('joinThousandsGroups', () => {
  it('joins every mark when the row has exactly that many values too many (上海 2025 本年新收 1 259 … 1 295)', () => {
    const j = joinThousandsGroups(valuesOf('一、本年新收政府信息公开申请数量 1 259 36 0 0 0 0 1 295', 7), 7, rowTotalIdentity(7));
    expect(j.kind === 'joined' && shown(j.values)).toEqual([1259, 36, 0, 0, 0, 0, 1295]);
  });
  it('leaves a row alone when it has no values too many, or fewer marks than values too many', () => {
    expect(joinThousandsGroups(valuesOf('（一）予以公开 201 5 0 0 0 0 206', 7), 7, rowTotalIdentity(7))).toEqual({ kind: 'unchanged' });
    expect(joinThousandsGroups(valuesOf('一、本年新收政府信息公开申请数量 1 259 36 0 0 0 0 1295 7', 7), 7, rowTotalIdentity(7))).toEqual({ kind: 'unchanged' });
  });
  it('takes the one reading the row total allows when there are more marks than values too many', () => {
    const j = joinThousandsGroups(valuesOf('一、本年新收政府信息公开申请数量 1 259 36 100 0 0 0 1 395', 7), 7, rowTotalIdentity(7));
    expect(j.kind === 'joined' && shown(j.values)).toEqual([1259, 36, 100, 0, 0, 0, 1395]);
  });
  it('lists the readings when the row total allows none (or with no identity, several)', () => {
    const values = valuesOf('一、本年新收政府信息公开申请数量 1 259 36 100 0 0 0 1 295', 7);
    const j = joinThousandsGroups(values, 7, rowTotalIdentity(7));
    expect(j.kind).toBe('ambiguous');
    expect(j.kind === 'ambiguous' && j.candidates.map(shown)).toEqual([
      [1259, 36100, 0, 0, 0, 1, 295],
      [1259, 36, 100, 0, 0, 0, 1295],
      [1, 259, 36100, 0, 0, 0, 1295],
    ]);
    // 表二 has no identity: 规章 22 235 1 100 under 3 columns reads as 22,235 1 100 or 22 235 1,100.
    const t2 = joinThousandsGroups(valuesOf('规章 22 235 1 100', 3), 3);
    expect(t2.kind === 'ambiguous' && t2.candidates.map(shown)).toEqual([
      [22235, 1, 100],
      [22, 235, 1100],
    ]);
    // 沭阳 2025 行政许可 517645 printed 517 645 in its one cell: the count decides.
    const one = joinThousandsGroups(valuesOf('行政许可 517 645', 1), 1);
    expect(one.kind === 'joined' && shown(one.values)).toEqual([517645]);
  });
  it('checks table 四 per row of five (T4_TOTAL)', () => {
    const t4 = valuesOf('0 0 0 0 0 1 200 3 0 0 1 203 0 0 0 0 0', 15);
    expect(shown(t4)).toHaveLength(17);
    const j = joinThousandsGroups(t4, 15, rowTotalIdentity(5));
    expect(j.kind === 'joined' && shown(j.values)).toEqual([0, 0, 0, 0, 0, 1200, 3, 0, 0, 1203, 0, 0, 0, 0, 0]);
  });
});
