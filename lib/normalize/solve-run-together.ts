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
 * - When no combination lets them all hold, the agency has misprinted something (or mistyped a row
 *   total, so that the row's own total picks a wrong split). The solver then allows one misprint:
 *   one printed row with at most two wrong cells (a mistyped number and the total computed from it,
 *   or two numbers swapped) that lies in every identity that fails. A wrong split changes at least
 *   two cells of its run, so it breaks identities of its own; a run's reading is taken only when
 *   (a) every combination whose failures one misprint explains gives it that reading, and (b) the
 *   run itself is never that possible misprint — for there a misprint and a wrong split look
 *   alike (a row whose mistyped total leaves one split, a wrong one, breaks exactly the column
 *   identities a misprint in that row would). So in 一、本年新收 `752112283` under a （七）总计 of
 *   `74 5 1 1 4 2 87` that breaks its column, the 总计 row is the misprint and 75 2 1 1 2 2 83 is
 *   read; the rows that could hide the misprint stay `missing` (CELL_AMBIGUOUS says why), and the
 *   failed identities are left to T3_BALANCE / T3_OUTCOME_SUM / T3_ROW_TOTAL to flag. A run whose
 *   own total fails in every reading is the misprint itself: its readings join this search (never
 *   taken) so that the identities through it still tell the other runs apart. Where a mistyped
 *   total leaves a wrong split that breaks three columns or more, no combination is explained by
 *   one misprint and nothing is read this way (missing, not guessed). What this assumes: one
 *   misprinted row per table; with two, a reading is taken only if one misprint explains every
 *   failed identity, and a wrong one is then possible by chance (as it already is for the search
 *   that wants every identity to hold: two misprints can offset each other).
 * - When several readings satisfy them, or none does even so (two misprints, or ours), nothing is
 *   guessed: the run's cells stay `missing` and a CELL_AMBIGUOUS flag lists the candidate readings
 *   for a person to pick.
 */
import type { CellAddress, IdentityInstance } from '../model/form-identities';
import { MAX_CELL_DIGITS } from '../model/printed-number';
import type { ValueToken } from '../parse/tokenize-table-text';

/** A printed run to split: the value tokens as printed and the cells they must fill, in order. */
export interface RunUnit {
  tokens: ValueToken[];
  slots: CellAddress[];
}

/** How a unit was read. */
export type UnitReading =
  /**
   * One reading: by the spacing alone (`spacing`), as the only one the identities allow
   * (`identities`), or as the only one they allow once one misprint of the agency's elsewhere in
   * the table is set aside (`identities_despite_fault`; the failed identities are the checks' to flag).
   */
  | { kind: 'read'; values: ValueToken[]; by: 'spacing' | 'identities' | 'identities_despite_fault' }
  /**
   * Several readings (or none that the identities allow): the candidates, each a list of numbers
   * (null: a cell read as printed empty). `mayHideFault`: the table's identities fail and this
   * run could be where — a misprint in it and a wrong split of it look the same — so even a
   * single candidate is not taken.
   */
  | { kind: 'ambiguous'; candidates: Array<Array<number | null>>; tooMany: boolean; mayHideFault?: boolean }
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
 * whole numbers (a part may start with 0 only when it is 0, and has at most 12 digits — no table
 * holds more, lib/model/printed-number.ts), any other token is one cell. `accept`
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
  // digitsAfter[i]: the digits (a non-splittable token counts 1) from token i on; suffix sums, linear.
  const digitsAfter = new Array<number>(tokens.length + 1).fill(0);
  for (let i = tokens.length - 1; i >= 0; i--) digitsAfter[i] = digitsAfter[i + 1] + (splittable(tokens[i]) ? tokens[i].raw.length : 1);
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
    if (left < minCells || left > maxCells || maxCells > left * MAX_CELL_DIGITS) return;
    const t = tokens[i];
    if (!splittable(t)) {
      cur.push(t);
      if (accept(cur)) walk(i + 1, 0);
      cur.pop();
      return;
    }
    // A cell holds one whole number of at most MAX_CELL_DIGITS digits (no table holds more).
    const maxEnd = t.raw[offset] === '0' ? offset + 1 : Math.min(t.raw.length, offset + MAX_CELL_DIGITS);
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

/** The state of a search over the open units' readings (the units whose spacing leaves several). */
interface Search {
  /** The readings each open unit may take (by unit index). */
  readings: Map<number, ValueToken[][]>;
  /** The open units, in search order. */
  open: number[];
  /** The units read by the spacing alone, with their reading. */
  fixed: Map<number, ValueToken[]>;
  /** The identities whose cells all lie in read or open units, by the position in `open` after which they can be evaluated (-1: spacing-read units only). */
  readyAt: Map<number, Equation[]>;
  /** The reading chosen for each open unit so far (an index into its readings). */
  choice: Map<number, number>;
  steps: number;
}

/** A search over the units `open` (in that order) with the readings given, the units the spacing reads fixed. */
function searchOf(cands: ReadonlyArray<ReturnType<typeof unitCandidates>>, readings: Map<number, ValueToken[][]>, equations: readonly Equation[]): Search {
  const open = [...readings.keys()];
  const fixed = new Map<number, ValueToken[]>();
  cands.forEach((c, i) => {
    if (c.spacing && c.readings.length === 1) fixed.set(i, c.readings[0]);
  });
  const position = new Map(open.map((u, k) => [u, k]));
  const readyAt = new Map<number, Equation[]>();
  for (const e of equations) {
    if (!e.units.every((u) => position.has(u) || fixed.has(u))) continue; // a cell of an unread unit: not usable
    const at = Math.max(-1, ...e.units.map((u) => position.get(u) ?? -1));
    readyAt.set(at, [...(readyAt.get(at) ?? []), e]);
  }
  return { readings, open, fixed, readyAt, choice: new Map(), steps: 0 };
}

const valueIn = (s: Search) => (u: number, c: number) => valueOf(s.fixed.get(u)?.[c] ?? (s.readings.get(u) as ValueToken[][])[s.choice.get(u) as number][c]);

/** At most this many readings as printed of a run whose own total fails in every reading, for the search despite a fault. */
const MAX_BROKEN_READINGS = 200;

/**
 * The readings of the search despite a fault: those of the open units, and first, every reading
 * as printed of a run whose own total no reading satisfies (its total may be the misprint; its
 * reading is never taken, but with it the identities through it still tell the other runs apart).
 * Such a run with more than MAX_BROKEN_READINGS readings is left out (its identities unused).
 */
function readingsDespiteFault(units: readonly RunUnit[], cands: ReadonlyArray<ReturnType<typeof unitCandidates>>, equations: readonly Equation[]): Map<number, ValueToken[][]> {
  const out = new Map<number, ValueToken[][]>();
  cands.forEach((c, u) => {
    if (c.spacing || c.tooMany || c.readings.length || !equations.some((e) => e.units.length === 1 && e.units[0] === u)) return;
    const all = readingsOf(units[u].tokens, units[u].slots.length, () => true, MAX_BROKEN_READINGS + 1);
    if (all.readings.length && !all.limitReached) out.set(u, all.readings);
  });
  cands.forEach((c, u) => {
    if (!c.spacing && !c.tooMany && c.readings.length) out.set(u, c.readings);
  });
  return out;
}

/**
 * Every combination of the open units' readings under which each identity touching an open unit
 * holds; for each open unit, the readings it takes in them (all empty when there is none).
 * Null when the search gives up (MAX_COMBINATION_STEPS).
 */
function combineStrict(s: Search): Array<Set<number>> | null {
  const seen = s.open.map(() => new Set<number>());
  const value = valueIn(s);
  const walk = (k: number): boolean => {
    if (++s.steps > MAX_COMBINATION_STEPS) return false;
    if (k === s.open.length) {
      s.open.forEach((u, j) => seen[j].add(s.choice.get(u) as number));
      return true;
    }
    const u = s.open[k];
    for (let r = 0; r < (s.readings.get(u) as ValueToken[][]).length; r++) {
      s.choice.set(u, r);
      if ((s.readyAt.get(k) ?? []).every((e) => holds(e, value)) && !walk(k + 1)) return false;
    }
    s.choice.delete(u);
    return true;
  };
  return walk(0) ? seen : null;
}

/**
 * The units that could be the agency's one misprint behind `violated`: a unit (a printed row) with
 * at most two cells — a mistyped number and the row total computed from it, or two numbers
 * swapped — such that every violated identity contains one of them. None when `violated` is empty.
 */
function culpritsOf(violated: readonly Equation[]): number[] {
  if (!violated.length) return [];
  return violated[0].units.filter((f) => {
    const sets = violated.map((e) => new Set(e.terms.filter((t) => t.unit === f).map((t) => t.cell)));
    if (sets.some((x) => x.size === 0)) return false;
    return [...sets[0]].some((c) => {
      const rest = sets.filter((x) => !x.has(c));
      return rest.length === 0 || [...rest[0]].some((d) => rest.every((x) => x.has(d)));
    });
  });
}

/**
 * The combinations of the open units' readings under which every identity that fails — among the
 * open units or among the spacing-read ones — can be put down to one misprint of the agency's
 * (culpritsOf); for each open unit, the readings it takes in them and whether it is itself a
 * possible culprit of one of them (its reading may then hide the misprint). Null when the search
 * gives up (MAX_COMBINATION_STEPS).
 */
function combineDespiteOneFault(s: Search): { seen: Array<Set<number>>; suspect: boolean[] } | null {
  const seen = s.open.map(() => new Set<number>());
  const suspect = s.open.map(() => false);
  const value = valueIn(s);
  s.steps = 0;
  const walk = (k: number, violated: readonly Equation[]): boolean => {
    if (++s.steps > MAX_COMBINATION_STEPS) return false;
    if (k === s.open.length) {
      const culprits = culpritsOf(violated);
      s.open.forEach((u, j) => {
        seen[j].add(s.choice.get(u) as number);
        if (culprits.includes(u)) suspect[j] = true;
      });
      return true;
    }
    const u = s.open[k];
    for (let r = 0; r < (s.readings.get(u) as ValueToken[][]).length; r++) {
      s.choice.set(u, r);
      const failed = (s.readyAt.get(k) ?? []).filter((e) => !holds(e, value));
      const now = failed.length ? [...violated, ...failed] : violated;
      if (failed.length && !culpritsOf(now).length) continue; // more than one misprint would be needed
      if (!walk(k + 1, now)) return false;
    }
    s.choice.delete(u);
    return true;
  };
  const among = (s.readyAt.get(-1) ?? []).filter((e) => !holds(e, value));
  if (among.length && !culpritsOf(among).length) return { seen, suspect };
  return walk(0, among) ? { seen, suspect } : null;
}

/**
 * Reads a table's runs together. Units whose spacing leaves one reading are read as printed;
 * the open units' readings are combined, and every identity touching an open unit must hold
 * (identities among spacing-read units alone are not used: they are the agency's numbers, for the
 * checks to judge). An open unit is read when all the combinations that satisfy them give it the
 * same reading; else it is ambiguous, with its candidate readings.
 *
 * When no combination satisfies them all (the agency's arithmetic is wrong somewhere, or a row
 * total was mistyped), the search is repeated allowing one misprint of the agency's — one printed
 * row with at most two wrong cells (culpritsOf) — to explain every identity that fails. An open
 * unit is then read when every such combination gives it the same reading and it is never itself
 * the possible culprit (`identities_despite_fault`); the failed identities are left to the checks
 * (T3_BALANCE, T3_OUTCOME_SUM, T3_ROW_TOTAL). Never throws.
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
  const strictReadings = new Map<number, ValueToken[][]>();
  cands.forEach((c, u) => {
    if (!c.spacing && !c.tooMany && c.readings.length) strictReadings.set(u, c.readings);
  });
  const s = searchOf(cands, strictReadings, equations);
  if (!s.open.length) return result;
  const strict = combineStrict(s);
  if (!strict) return result; // too many combinations: every open unit stays ambiguous
  s.open.forEach((u, j) => {
    if (strict[j].size === 1) result[u] = { kind: 'read', values: cands[u].readings[[...strict[j]][0]], by: 'identities' };
  });
  const despite = readingsDespiteFault(units, cands, equations);
  // Every identity held in some combination, and no run's own total fails in every reading: no fault to set aside.
  if (strict.some((x) => x.size > 0) && despite.size === s.open.length) return result;
  const loose = searchOf(cands, despite, equations);
  const found = combineDespiteOneFault(loose);
  if (!found) return result;
  loose.open.forEach((u, j) => {
    if (result[u].kind === 'read') return;
    const only = found.seen[j].size === 1 && !found.suspect[j] && cands[u].readings.length > 0;
    if (only) result[u] = { kind: 'read', values: cands[u].readings[[...found.seen[j]][0]], by: 'identities_despite_fault' };
    else if (found.suspect[j] && result[u].kind === 'ambiguous') result[u] = { kind: 'ambiguous', candidates: cands[u].shown, tooMany: false, mayHideFault: true };
  });
  return result;
}
