/**
 * Sentences made of parts (issue 10, English UI): a sentence such as the filter sentence mixes the
 * UI's words (translated) with data as printed — agency names, city and county names — which the
 * page marks `translate="no"`. A sentence is built as a list of {@link TextPart}s from a translated
 * template whose `{{slot}}`s are filled with parts ({@link fillParts}); its plain text
 * ({@link partsText}) is the sentence as one string (chart captions, CSV, tests).
 */
import type { Translate } from '../present/i18n/translate';

/** A piece of a sentence: UI text, or data as printed (`data: true`: not to be translated). */
export interface TextPart {
  text: string;
  data?: boolean;
}

/** The sentence as one string: the parts' texts run together. */
export function partsText(parts: readonly TextPart[]): string {
  return parts.map((p) => p.text).join('');
}

/** Placeholder of slot `i` in a translated template (private-use characters, never in a translation). */
const slotMark = (i: number) => `\uE000${i}\uE001`;
const SLOT_RE = /\uE000(\d+)\uE001/;

/**
 * The template `key` translated by `t` with each `{{slot}}` of `slots` replaced by its parts
 * (wherever the translation puts it) and the other variables `vars` filled in as text. Empty text
 * parts are dropped; adjacent UI text is not merged. Never throws: a slot the translation lacks is
 * left out.
 */
export function fillParts(t: Translate, key: string, slots: Readonly<Record<string, readonly TextPart[]>>, vars: Readonly<Record<string, string | number>> = {}): TextPart[] {
  const names = Object.keys(slots);
  const marked: Record<string, string | number> = { ...vars };
  names.forEach((n, i) => {
    marked[n] = slotMark(i);
  });
  const out: TextPart[] = [];
  let rest = t(key, marked);
  for (let m = SLOT_RE.exec(rest); m; m = SLOT_RE.exec(rest)) {
    if (m.index > 0) out.push({ text: rest.slice(0, m.index) });
    out.push(...(slots[names[Number(m[1])]] ?? []));
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) out.push({ text: rest });
  return out.filter((p) => p.text.length > 0);
}

/** Parts joined with a translated separator (`、` → `, ` in English) between every two. */
export function joinParts(t: Translate, groups: ReadonlyArray<readonly TextPart[]>, separator = '、'): TextPart[] {
  const sep = t(separator);
  return groups.flatMap((g, i) => (i === 0 ? [...g] : [{ text: sep }, ...g]));
}
