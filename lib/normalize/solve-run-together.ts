/**
 * Splits runs of digits printed without separators into the cells of their rows — the tables of a
 * text captured from a web page, where `0 0 0 0 0 0 0` became `0000000` and `1 0 0 0 0 0 1` became
 * `10 0 0 0 01` — by what the form guarantees: each cell holds one whole number (no leading zero
 * but a lone 0), the row has a fixed number of cells (7 in table 三, 5 per row in table 四, 3 or 1
 * in table 二), and the identities of the form (国办公开办函〔2021〕30号: each row's 总计 is the sum
 * of its applicant columns, each column balances 一 + 二 = 三(七) + 四, the outcome rows sum to
 * 三(七), table 四's totals equal their four results).
 *
 * How the solver keeps "the agency's arithmetic is wrong" apart from "we split wrong":
 * - A run whose spacing leaves one reading only (seven pieces under seven columns; `0000000`,
 *   where every cell must be a lone 0; `10 0 0 0 01`, where `01` must be two cells) is read as
 *   printed and is never changed to make an identity hold. If the identities then fail among such
 *   rows, the numbers are the agency's, and the identity checks (T3_BALANCE …) flag them.
 * - Only where the spacing leaves several readings do the identities choose, and then only the
 *   identities that touch such a run: a reading is taken when it is the one reading of the run that
 *   lets every one of those identities hold, in every combination with the table's other open runs.
 * - When several readings satisfy them, or none does (the agency's arithmetic may be wrong, or our
 *   reading may be — the two cannot be told apart there), nothing is guessed: the run's cells stay
 *   `missing` and a CELL_AMBIGUOUS flag lists the candidate readings for a person to pick.
 */
import type { CellAddress, IdentityInstance } from '../model/form-identities';
import type { ValueToken } from '../parse/tokenize-table-text';

/** A printed run to split: the value tokens as printed and the cells they must fill, in order. */
export interface RunUnit {
  tokens: ValueToken[];
  slots: CellAddress[];
}

/** How a unit was read. */
export type UnitReading =
  /** One reading: by the spacing alone (`spacing`) or as the only one the identities allow (`identities`). */
  | { kind: 'read'; values: ValueToken[]; by: 'spacing' | 'identities' }
  /**
   * Several readings (or none that the identities allow): the candidates, each a list of numbers
   * (null: a cell read as printed empty).
   */
  | { kind: 'ambiguous'; candidates: Array<Array<number | null>>; tooMany: boolean }
  /** The printed digits cannot fill the cells (too few or too many): left to the ordinary reading. */
  | { kind: 'unsplittable' };

/** At most this many readings are listed for one run (beyond it the run is ambiguous, `tooMany`). */
const MAX_READINGS = 5000;
/** At most this many steps of the search over combinations of open runs. */
const MAX_COMBINATION_STEPS = 200_000;

/** Whether a token may be several cells run together: a plain digit string (no note, unit, decimal point or separator). */
function splittable(t: ValueToken): t is Extract<ValueToken, { kind: 'num' }> {
  return t.kind === 'num' && /^\d+$/.test(t.raw) && t.note === null && t.unit === undefined;
}

/** The number a reading puts in a cell (blank and placeholder count as 0, as the identities count them). */
const valueOf = (t: ValueToken): number => (t.kind === 'num' ? t.value : 0);

/**
 * Every way to read `tokens` as exactly `cells` cells: a plain digit string splits into one or more
 * whole numbers (a part may start with 0 only when it is 0), any other token is one cell. `accept`
 * prunes partial readings (called with the cells read so far). Stops after `limit` readings.
 *
 * @returns the readings found (at most `limit`), and whether the limit was reached.
 */
export function readingsOf(
  tokens: readonly ValueToken[],
  cells: number,
  accept: (partial: readonly ValueToken[]) => boolean = () => true,
  limit = MAX_READINGS,
): { readings: ValueToken[][]; limitReached: boolean } {
  const readings: ValueToken[][] = [];
  const digitsAfter = tokens.map((_, i) => tokens.slice(i).reduce((n, t) => n + (splittable(t) ? t.raw.length : 1), 0));
  const cur: ValueToken[] = [];
  let limitReached = false;
  const walk = (i: number, offset: number): void => {
    if (limitReached) return;
    if (i === tokens.length) {
      if (cur.length === cells) {
        readings.push([...cur]);
        if (readings.length >= limit) limitReached = true;
      }
      return;
    }
    const left = cells - cur.length;
    const maxCells = digitsAfter[i] - offset;
    const minCells = tokens.length - i;
    if (left < minCells || left > maxCells) return;
    const t = tokens[i];
    if (!splittable(t)) {
      cur.push(t);
      if (accept(cur)) walk(i + 1, 0);
      cur.pop();
      return;
    }
    const maxEnd = t.raw[offset] === '0' ? offset + 1 : t.raw.length;
    for (let end = offset + 1; end <= maxEnd; end++) {
      const raw = t.raw.slice(offset, end);
      cur.push({ kind: 'num', value: Number(raw), raw, note: null, line: t.line, col: t.col });
      if (accept(cur)) walk(end === t.raw.length ? i + 1 : i, end === t.raw.length ? 0 : end);
      cur.pop();
      if (limitReached) return;
    }
  };
  walk(0, 0);
  return { readings, limitReached };
}

const key = (a: CellAddress) => `${a.table}.${a.row}.${a.column}`;

/** An identity as positions in the units: which unit and cell each address is, and its sign. */
interface Equation {
  terms: Array<{ unit: number; cell: number; sign: 1 | -1 }>;
  units: number[];
}

function equationsOf(units: readonly RunUnit[], identities: readonly IdentityInstance[]): Equation[] {
  const where = new Map<string, { unit: number; cell: number }>();
  units.forEach((u, ui) => u.slots.forEach((s, ci) => where.set(key(s), { unit: ui, cell: ci })));
  const out: Equation[] = [];
  for (const inst of identities) {
    const terms = [
      ...inst.total.map((a) => ({ a, sign: 1 as const })),
      ...inst.parts.map((a) => ({ a, sign: -1 as const })),
    ].map(({ a, sign }) => ({ ...where.get(key(a)), sign }));
    if (terms.some((t) => t.unit === undefined)) continue; // a cell no unit covers: not usable here
    const full = terms as Equation['terms'];
    out.push({ terms: full, units: [...new Set(full.map((t) => t.unit))] });
  }
  return out;
}

const holds = (eq: Equation, value: (unit: number, cell: number) => number): boolean =>
  Math.abs(eq.terms.reduce((s, t) => s + t.sign * value(t.unit, t.cell), 0)) < 1e-9;

/**
 * The readings of a run that fill its cells only if some of them were printed empty (an empty
 * cell of a web page leaves nothing in the capture: `0 _ 16` becomes `016`), each shown with one
 * empty cell (null) in each place it may stand; none when the digits cannot fill fewer cells.
 */
export function readingsWithEmptyCells(tokens: readonly ValueToken[], cells: number): Array<Array<number | null>> {
  const out: Array<Array<number | null>> = [];
  for (let filled = cells - 1; filled >= Math.max(tokens.length, 1); filled--) {
    for (const r of readingsOf(tokens, filled, () => true, 5).readings) {
      const values = r.map(valueOf);
      // Shown with one empty cell; a reading leaving several cells empty is shown padded at the end.
      for (let at = 0; at <= values.length; at++) {
        out.push([...values.slice(0, at), null, ...values.slice(at)].concat(Array(cells - filled - 1).fill(null)));
      }
    }
  }
  return out;
}

/**
 * The readings of one unit: by the spacing alone when it leaves one; else those that satisfy the
 * identities lying wholly inside the unit (a row's total), pruned while reading.
 *
 * A run no identity touches (a row of table 二) that must be split to fill its cells is read only
 * when it could not also be read with a cell printed empty: `016` under three cells may be
 * 0 1 6 or 0 (空) 16 (seed 004's 行政规范性文件), and nothing can tell them apart — ambiguous.
 */
function unitCandidates(
  unit: RunUnit,
  index: number,
  equations: readonly Equation[],
): { readings: ValueToken[][]; spacing: boolean; tooMany: boolean; shown: Array<Array<number | null>> } {
  const n = unit.slots.length;
  const plain = readingsOf(unit.tokens, n, () => true, 2);
  const unchecked = !equations.some((e) => e.units.includes(index));
  if (plain.readings.length === 1 && unchecked && unit.tokens.length < n) {
    const withEmpty = readingsWithEmptyCells(unit.tokens, n);
    if (withEmpty.length) return { readings: [], spacing: false, tooMany: false, shown: [plain.readings[0].map(valueOf), ...withEmpty] };
  }
  if (plain.readings.length <= 1) return { readings: plain.readings, spacing: true, tooMany: false, shown: plain.readings.map((r) => r.map(valueOf)) };
  const inner = equations.filter((e) => e.units.length === 1 && e.units[0] === index);
  const lastCell = inner.map((e) => Math.max(...e.terms.map((t) => t.cell)));
  const accept = (partial: readonly ValueToken[]) =>
    inner.every((e, k) => lastCell[k] !== partial.length - 1 || holds(e, (_, c) => valueOf(partial[c])));
  const all = readingsOf(unit.tokens, n, accept);
  // No reading satisfies the row's own total: show the readings as printed, for a person to pick.
  const shown = all.readings.length ? all.readings : readingsOf(unit.tokens, n, () => true, 20).readings;
  return { readings: all.readings, spacing: false, tooMany: all.limitReached, shown: shown.map((r) => r.map(valueOf)) };
}

/**
 * A unit whose digits cannot fill its cells. When too few digits were printed and some run holds
 * several digits (`100000` under seven cells: 1 0 0 0 0 0 and an empty cell, 上海市科委 2024's
 * 结转下年度 row with its 总计 printed empty), reading the run as one number would invent a count
 * (100000): ambiguous, with the readings that leave cells empty. Otherwise (too many digits, or
 * only single digits: a row of lone values one short) the ordinary reading takes it
 * (`unsplittable`: surplus kept in notes, a lost cell recovered or `missing`).
 */
function tooFewDigits(unit: RunUnit): UnitReading {
  const digits = unit.tokens.reduce((n, t) => n + (splittable(t) ? t.raw.length : 1), 0);
  const runs = unit.tokens.some((t) => splittable(t) && t.raw.length > 1);
  if (digits >= unit.slots.length || !runs) return { kind: 'unsplittable' };
  return { kind: 'ambiguous', candidates: readingsWithEmptyCells(unit.tokens, unit.slots.length), tooMany: false };
}

/**
 * Reads a table's runs together. Units whose spacing leaves one reading are read as printed;
 * the open units' readings are combined, and every identity touching an open unit must hold
 * (identities among spacing-read units alone are not used: they are the agency's numbers, for the
 * checks to judge). An open unit is read when all the combinations that satisfy them give it the
 * same reading; else it is ambiguous, with its candidate readings. Never throws.
 *
 * @param units the printed runs of one table (a row of table 三, the whole of table 四 …)
 * @param identities the form's identities over the table's cells (form-identities.ts)
 * @returns one reading per unit, in order
 */
export function solveRunTogether(units: readonly RunUnit[], identities: readonly IdentityInstance[]): UnitReading[] {
  const equations = equationsOf(units, identities);
  const cands = units.map((u, i) => unitCandidates(u, i, equations));
  const result: UnitReading[] = cands.map((c, i) => {
    if (c.spacing) return c.readings.length === 1 ? { kind: 'read', values: c.readings[0], by: 'spacing' } : tooFewDigits(units[i]);
    return { kind: 'ambiguous', candidates: c.shown, tooMany: c.tooMany };
  });
  const open = cands.map((c, i) => (!c.spacing && !c.tooMany && c.readings.length > 0 ? i : -1)).filter((i) => i >= 0);
  if (!open.length) return result;

  const fixed = new Map<number, ValueToken[]>();
  cands.forEach((c, i) => {
    if (c.spacing && c.readings.length === 1) fixed.set(i, c.readings[0]);
  });
  const openSet = new Set(open);
  // Identities touching an open unit, whose other cells are all read (fixed or open).
  const usable = equations.filter((e) => e.units.some((u) => openSet.has(u)) && e.units.every((u) => openSet.has(u) || fixed.has(u)));
  const choice = new Map<number, number>();
  const seen = open.map(() => new Set<number>());
  let steps = 0;
  const value = (u: number, c: number) => valueOf(fixed.get(u)?.[c] ?? cands[u].readings[choice.get(u) as number][c]);
  const ready = (e: Equation, upTo: number) => e.units.every((u) => !openSet.has(u) || open.indexOf(u) <= upTo);
  const walk = (k: number): boolean => {
    if (++steps > MAX_COMBINATION_STEPS) return false;
    if (k === open.length) {
      open.forEach((u, j) => seen[j].add(choice.get(u) as number));
      return true;
    }
    const u = open[k];
    for (let r = 0; r < cands[u].readings.length; r++) {
      choice.set(u, r);
      const ok = usable.every((e) => !e.units.includes(u) || !ready(e, k) || holds(e, value));
      if (ok && !walk(k + 1)) return false;
    }
    choice.delete(u);
    return true;
  };
  if (!walk(0)) return result; // too many combinations: every open unit stays ambiguous
  open.forEach((u, j) => {
    if (seen[j].size === 1) result[u] = { kind: 'read', values: cands[u].readings[[...seen[j]][0]], by: 'identities' };
  });
  return result;
}
