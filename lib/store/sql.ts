/**
 * SQL literal helpers shared by every query builder in lib/query.
 *
 * DuckDB string literals are single-quoted; a quote inside is written twice (`'it''s'`).
 * Backslashes have no special meaning in standard DuckDB literals, so only quotes need escaping.
 * NUL characters cannot be stored in a DuckDB VARCHAR and are dropped.
 */

/**
 * Quote a string as a DuckDB SQL literal: `临淄区` → `'临淄区'`, `it's` → `'it''s'`.
 * Never throws; NUL characters are removed.
 */
export function sqlString(value: string): string {
  return `'${value.replace(/\0/g, '').replace(/'/g, "''")}'`;
}

/**
 * A finite number as a SQL literal, or `NULL` for null/NaN/±Infinity.
 * Integers stay integers (`2022`), fractions keep their digits (`0.5`).
 */
export function sqlNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'NULL' : String(value);
}

/**
 * A list of strings as the inside of an SQL `IN (…)`: `['a', "b'c"]` → `'a', 'b''c'`.
 * Returns `''` for an empty list; callers must omit the `IN` clause then.
 */
export function sqlStringList(values: readonly string[]): string {
  return values.map(sqlString).join(', ');
}

/**
 * Quote an identifier (column or table name) with double quotes: `row` → `"row"`.
 * Used for the cells columns `table`, `row` and `column`, which are SQL keywords.
 */
export function sqlIdent(name: string): string {
  return `"${name.replace(/\0/g, '').replace(/"/g, '""')}"`;
}
