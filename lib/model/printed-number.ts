/**
 * What a number printed in a cell of the form looks like, what it is worth, and whether a table of
 * the form can hold it — the one grammar the tokenizer (lib/parse), the cell builder
 * (lib/normalize) and the prose checks share.
 *
 * Source: 国办公开办函〔2021〕30号 (and the 2019 trial form 〔2019〕60号): every table cell holds a
 * count of 件 (a whole number, not negative) except 本年收费金额 / 采购总金额 (万元, may be fractional)
 * and the 2019 form's 本年增/减 (a whole number that may be negative). The spec
 * (../shared/spec/annual-report-format.md, "Names added for the 2026-11 round") names a printed
 * value no table can hold `invalid`, flagged VALUE_IMPLAUSIBLE.
 */

/** Full-width forms a report may print digits in: ０-９ (U+FF10–FF19). */
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
/** Any full-width digit or separator (fast test). */
const FULL_WIDTH_ANY = /[\uFF0C\uFF0E\uFF10-\uFF19]/;

/**
 * The text with full-width digits (`１２` → `12`) made ASCII, and the full-width separators
 * between digits with them: `，` before exactly three digits (`１，２３４` → `1,234`) and `．`
 * between digits (`４０６８．２` → `4068.2`). Every character maps to one character, so offsets
 * into the text (flag subjects `text:START-END`) stay valid. Other text is unchanged; `，` in prose
 * (`12，其中`) stays. Returns the input itself when it holds no full-width digit.
 */
export function foldFullWidthDigits(text: string): string {
  if (!FULL_WIDTH_ANY.test(text)) return text;
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(?<=\d)，(?=\d{3}(?!\d))/g, ',')
    .replace(/(?<=\d)．(?=\d)/g, '.');
}

/**
 * The number part of a cell: an optional sign (`-`, `－`, `−`, `+`), then digits with optional
 * thousands commas and decimals (`1,234`, `0.5`), or digits in scientific notation (`1e20`), or
 * `Infinity` / `∞` — the last two never fit a table but are read as numbers so that they are
 * flagged in their cell instead of shifting the row.
 */
const NUMBER_CORE = String.raw`[+\-－−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[eE][+\-]?\d+)?|Infinity|∞)`;
const NUMBER = new RegExp(`^${NUMBER_CORE}$`);
const NUMBER_WITH_NOTE = new RegExp(`^(${NUMBER_CORE})\\s*[（(]([^（()）]*)[)）]$`, 'd');
/** A number printed with its unit in the cell: `251000元`, `12.5万元`, `3件`. */
const NUMBER_WITH_UNIT = new RegExp(`^(${NUMBER_CORE})(万元|元|件|项|个|条)$`);

/** A number as printed in one cell. */
export interface PrintedNumber {
  /** Its value (件, or the unit printed): may be fractional, negative, ≥ 10^12 or Infinity — see {@link implausibleReason}. */
  value: number;
  /** Text printed beside it in parentheses (`其中修订16件` of `22（其中修订16件）`), as printed, else null. */
  note: string | null;
  /** The unit printed with it (`元`, `万元`, `件` …), else undefined. */
  unit?: string;
}

/** Plain ASCII digits, the common case, read without the full grammar. */
const PLAIN_DIGITS = /^\d{1,15}$/;

function valueOfCore(core: string): number {
  const ascii = core.replace(/^[－−]/, '-').replace(/,/g, '').replace('∞', 'Infinity');
  const v = Number(ascii);
  return Object.is(v, -0) ? 0 : v;
}

/**
 * Reads one whitespace-free piece of a cell as a number — `1,234`, `0.5`, `１２` (full-width),
 * `22（其中修订16件）` with its note, `251000元` with its unit, `-3`, `1e20`, 400 digits
 * (Infinity) — or returns null when the piece is not a number (text, a placeholder). Never throws.
 */
export function readPrintedNumber(piece: string): PrintedNumber | null {
  if (PLAIN_DIGITS.test(piece)) return { value: Number(piece), note: null };
  const p = foldFullWidthDigits(piece);
  if (NUMBER.test(p)) return { value: valueOfCore(p), note: null };
  const withNote = NUMBER_WITH_NOTE.exec(p);
  if (withNote) {
    const [start, end] = withNote.indices?.[2] ?? [0, 0];
    return { value: valueOfCore(withNote[1]), note: piece.slice(start, end) || null };
  }
  const withUnit = NUMBER_WITH_UNIT.exec(p);
  if (withUnit) return { value: valueOfCore(withUnit[1]), note: null, unit: withUnit[2] };
  return null;
}

/** What a cell holds: `count` (件: whole, not negative), `amount` (万元: may be fractional, not negative), `change` (whole, may be negative). */
export type CellValueKind = 'count' | 'amount' | 'change';

/** More digits than this in a cell's whole part is no count or amount any agency reports (10^12 件). */
export const MAX_CELL_DIGITS = 12;

/**
 * Why a printed value cannot stand in a cell of the form, in a short Chinese phrase, or null when
 * it can: not a finite number (`Infinity`, 309+ digits), more than {@link MAX_CELL_DIGITS} digits
 * (`1e20`, `1234567890123`), negative (except a `change`), a fraction in a count or change (`3.5`
 * 件; an `amount` in 万元 may be fractional).
 *
 * @param value the value read (readPrintedNumber), in 件 or 万元
 * @param kind what the cell holds (t3 and t4 cells are counts; t2 by form-layout t2ColumnKind)
 */
export function implausibleReason(value: number, kind: CellValueKind): string | null {
  if (!Number.isFinite(value)) return '不是有限的数值';
  if (Math.abs(value) >= 10 ** MAX_CELL_DIGITS) return `超过${MAX_CELL_DIGITS}位数字`;
  if (value < 0 && kind !== 'change') return '是负数';
  if (!Number.isInteger(value) && kind !== 'amount') return '件数不能有小数';
  return null;
}
