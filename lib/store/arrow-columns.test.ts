/**
 * arrowColumns reads every value as `toSqlValue(vector.get(i))` does (the browser's row reading
 * before issue 15), over apache-arrow tables shaped as DuckDB-WASM's results can be: several
 * record batches, nulls, sliced batches (an offset into the null bitmap), and the types read
 * through `get` (Int64 → number, booleans, dictionaries, dates). Values from seed 004
 * (淄博市临淄区人民政府办公室 2023, 表三: 27 new, 8 of 31 disclosed; data/seeds).
 */
import { describe, expect, it } from 'vitest';
import { Bool, DateDay, Dictionary, Float64, Int32, Int64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { toSqlValue, type Row } from './executor';
import { arrowColumns, columnsToRows, type ArrowTableLike } from './arrow-columns';

/** The reading before: one get and toSqlValue per cell (app/_lib/duckdb-browser.ts tableToRows until issue 15). */
function rowsCellByCell(table: ArrowTableLike): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((n) => table.getChild(n));
  return Array.from({ length: table.numRows }, (_, i) => Object.fromEntries(names.map((n, j) => [n, toSqlValue(cols[j]?.get(i))])));
}

const AGENCIES = ['淄博市临淄区人民政府办公室', '淄博市临淄区人民政府办公室', '威海市文登区科学技术局', null, '', '淄博市临淄区科技局', '淄博市临淄区科技局', '运城市科学技术局'];
const NEW = [27, 0, 3, null, 12, null, 5, 1];
const YEARS = [2023, 2022, 2022, 2023, null, 2021, 2022, 2023];

function seedTable(): Table {
  const batch = (from: number, to: number) =>
    new Table({
      agency: vectorFromArray(AGENCIES.slice(from, to), new Utf8()),
      new_received: vectorFromArray(NEW.slice(from, to), new Float64()),
      year: vectorFromArray(YEARS.slice(from, to), new Int32()),
    });
  // Three record batches, as DuckDB-WASM returns a large result.
  return new Table([...batch(0, 3).batches, ...batch(3, 5).batches, ...batch(5, 8).batches]);
}

describe('arrowColumns', () => {
  it('reads strings, numbers and NULLs across record batches as get + toSqlValue does', () => {
    const table = seedTable();
    expect(table.batches).toHaveLength(3);
    const cols = arrowColumns(table as unknown as ArrowTableLike);
    expect(cols.names).toEqual(['agency', 'new_received', 'year']);
    expect(cols.columns[0]).toEqual(AGENCIES);
    expect(cols.columns[1]).toEqual(NEW);
    expect(cols.columns[2]).toEqual(YEARS);
    expect(columnsToRows(cols)).toStrictEqual(rowsCellByCell(table as unknown as ArrowTableLike));
  });

  it('a sliced table (batches starting inside their null bitmap) reads the same', () => {
    for (const [from, to] of [[1, 7], [3, 8], [4, 5], [2, 2]]) {
      const table = seedTable().slice(from, to) as unknown as ArrowTableLike;
      expect(columnsToRows(arrowColumns(table)), `${from}…${to}`).toStrictEqual(rowsCellByCell(table));
      expect(arrowColumns(table).columns[0], `${from}…${to}`).toEqual(AGENCIES.slice(from, to));
    }
  });

  it('types read through get: Int64 → number, booleans, dictionary strings, DATE as apache-arrow 17 gives it (ms since 1970)', () => {
    const dict = vectorFromArray(['表三', null, '表三'], new Dictionary(new Utf8(), new Int32()));
    const day = vectorFromArray([new Date(Date.UTC(2023, 11, 31)), null, new Date(Date.UTC(2022, 0, 1))], new DateDay());
    const total = vectorFromArray([31n, null, 8n], new Int64());
    const ok = vectorFromArray([true, null, false], new Bool());
    const all = new Table({ total, ok, table: dict, day }) as unknown as ArrowTableLike;
    const cols = arrowColumns(all);
    expect(cols.columns).toEqual([[31, null, 8], [true, null, false], ['表三', null, '表三'], [Date.UTC(2023, 11, 31), null, Date.UTC(2022, 0, 1)]]);
    expect(columnsToRows(cols)).toStrictEqual(rowsCellByCell(all));
  });

  it('a column the table does not have is NULL throughout; no rows give no rows', () => {
    const table = seedTable() as unknown as ArrowTableLike;
    const missing: ArrowTableLike = { numRows: table.numRows, schema: { fields: [{ name: 'nope' }] }, getChild: () => null };
    expect(arrowColumns(missing).columns[0]).toEqual(new Array(8).fill(null));
    expect(columnsToRows(arrowColumns(seedTable().slice(0, 0) as unknown as ArrowTableLike))).toEqual([]);
  });
});
