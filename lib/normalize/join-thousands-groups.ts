/**
 * Numbers printed with a space as the thousands separator (`1 234`): read as one number only where
 * the layout says the row holds one cell there, never by guessing — so that no value is shifted
 * into the next column.
 *
 * The tokenizer (lib/parse/tokenize-table-text.ts) marks each three-digit number printed one space
 * after a number of one to three digits as a possible thousands `group`. A row of the form has a
 * fixed number of cells (7 in table 三, 15 in table 四, 3 or 1 in table 二); when a printed row has
 * more values than cells:
 * - exactly as many group marks as values too many: every mark is a thousands group (the count
 *   leaves no other reading);
 * - more marks than values too many: the readings (which marks join) that keep each number well
 *   formed are tried against the row's own total identity (T3_ROW_TOTAL, T4_TOTAL, 国办公开办函〔2021〕30号);
 *   one reading that makes it hold is taken, otherwise the row is ambiguous (its cells `missing`
 *   under CELL_AMBIGUOUS with the candidates listed);
 * - fewer marks than values too many: nothing is joined (the surplus is reported as before).
 */
import { readPrintedNumber } from '../model/printed-number';
import type { ValueToken } from '../parse/tokenize-table-text';

/** What became of a row: nothing to join, its values with the groups joined, or several readings. */
export type GroupJoin =
  | { kind: 'unchanged' }
  | { kind: 'joined'; values: ValueToken[] }
  | { kind: 'ambiguous'; candidates: ValueToken[][] };

/**
 * Whether a reading of a row satisfies the row's total identity: true / false, or null when it
 * cannot be evaluated (a total printed empty).
 */
export type RowIdentity = (values: readonly ValueToken[]) => boolean | null;

/** At most this many readings are tried (beyond it the row is ambiguous). */
const MAX_READINGS = 2000;

const isGroup = (t: ValueToken): boolean => t.kind === 'num' && t.group === true;
const LEADING_GROUP = /^[+\-－−]?[1-9]\d{0,2}$/;

/** The values with the tokens at `joins` (indices, ascending) merged into the number before them; null when a merged number would start with a bad group. */
function applyJoins(values: readonly ValueToken[], joins: ReadonlySet<number>): ValueToken[] | null {
  const out: ValueToken[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!joins.has(i)) {
      out.push(v);
      continue;
    }
    const prev = out[out.length - 1];
    if (!prev || prev.kind !== 'num' || v.kind !== 'num') return null;
    const first = prev.raw.normalize('NFKC').split(' ')[0];
    if (!LEADING_GROUP.test(first)) return null;
    const raw = `${prev.raw} ${v.raw}`;
    const n = readPrintedNumber(raw.replace(/ /g, ''));
    if (!n) return null;
    out[out.length - 1] = { kind: 'num', value: n.value, raw, note: null, line: prev.line, col: prev.col };
  }
  return out;
}

/** Every choice of `k` indices of `from` (ascending), at most `limit`. */
function choices(from: readonly number[], k: number, limit: number): number[][] {
  const out: number[][] = [];
  const cur: number[] = [];
  const walk = (start: number): void => {
    if (out.length >= limit) return;
    if (cur.length === k) {
      out.push([...cur]);
      return;
    }
    for (let i = start; i <= from.length - (k - cur.length); i++) {
      cur.push(from[i]);
      walk(i + 1);
      cur.pop();
    }
  };
  walk(0);
  return out;
}

/**
 * Joins the thousands groups of a printed row that has more values than `columns`. Never throws;
 * linear in the row when the count decides, bounded by {@link MAX_READINGS} readings otherwise.
 *
 * @param values the row's values as printed (trailing layout blanks already dropped)
 * @param columns the cells the row must fill
 * @param identity the row's total identity, if the table has one (table 二 has none)
 */
export function joinThousandsGroups(values: readonly ValueToken[], columns: number, identity?: RowIdentity): GroupJoin {
  const excess = values.length - columns;
  if (excess <= 0) return { kind: 'unchanged' };
  const marks: number[] = [];
  for (let i = 1; i < values.length; i++) if (isGroup(values[i])) marks.push(i);
  if (marks.length < excess) return { kind: 'unchanged' };
  if (marks.length === excess) {
    const joined = applyJoins(values, new Set(marks));
    return joined ? { kind: 'joined', values: joined } : { kind: 'unchanged' };
  }
  const readings = choices(marks, excess, MAX_READINGS)
    .map((c) => applyJoins(values, new Set(c)))
    .filter((r): r is ValueToken[] => r !== null);
  const holding = identity ? readings.filter((r) => identity(r) === true) : [];
  if (holding.length === 1) return { kind: 'joined', values: holding[0] };
  return { kind: 'ambiguous', candidates: holding.length ? holding : readings };
}

/** The arithmetic value of a printed token (blank and placeholder count 0, as the identities count them). */
const amount = (t: ValueToken): number => (t.kind === 'num' ? t.value : 0);
const printedTotal = (t: ValueToken | undefined): boolean => t?.kind === 'num';

/**
 * The total identity of rows of `width` cells whose last cell is the sum of the others (table 三: 7,
 * T3_ROW_TOTAL; table 四: 5 per row over its 15 values, T4_TOTAL). Null when a total is not printed
 * as a number.
 */
export function rowTotalIdentity(width: number): RowIdentity {
  return (values) => {
    if (values.length % width !== 0) return false;
    for (let r = 0; r < values.length; r += width) {
      const total = values[r + width - 1];
      if (!printedTotal(total)) return null;
      let sum = 0;
      for (let i = r; i < r + width - 1; i++) sum += amount(values[i]);
      if (Math.abs(sum - amount(total)) > 1e-9) return false;
    }
    return true;
  };
}
