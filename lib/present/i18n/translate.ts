/**
 * Translation (issue 10) with i18next, framework-free so lib/ (labels, filter sentences, CSV
 * headers, chart titles) and app/ use the same function.
 *
 * Keys are the Chinese texts themselves (the report's own labels are the UI's Chinese): `t('下载 CSV')`
 * is `下载 CSV` in Chinese and `Download CSV` in English. Variables use i18next's `{{name}}`
 * (`t('共 {{count}} 行', { count })`); English plurals are `<key>_one` / `<key>_other` entries.
 * A key with no English entry falls back to the Chinese text (the browser test `english` and
 * `i18n-keys.test.ts` find those). The dictionaries are lib/present/i18n/en/*.ts, merged in
 * en/index.ts.
 */
import i18next, { type i18n } from 'i18next';
import type { Lang } from './lang';

/** Variables of a message: `{{name}}` in the key; `count` also picks the English plural. */
export type TranslateVars = Record<string, string | number | null | undefined>;

/** Translates a Chinese UI text (the key) into the current language, with `{{name}}` variables filled in. */
export type Translate = (zh: string, vars?: TranslateVars) => string;

/** English texts keyed by their Chinese (see the module comment). */
export type Dictionary = Readonly<Record<string, string>>;

/** Makes an i18next instance for `lang` with `en` (ignored for Chinese); synchronous (no backend, no detection). */
export function makeI18n(lang: Lang, en: Dictionary = {}): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    resources: lang === 'en' ? { en: { translation: en } } : {},
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  return instance;
}

/** A {@link Translate} over an i18next instance. */
export function translatorOf(instance: i18n): Translate {
  return (zh, vars) => (vars ? instance.t(zh, vars as Record<string, unknown>) : instance.t(zh)) as string;
}

/** Makes the {@link Translate} for `lang` (English from `en`). */
export function makeTranslate(lang: Lang, en: Dictionary = {}): Translate {
  return translatorOf(makeI18n(lang, en));
}

/** The Chinese translator (the keys themselves, variables filled in): the default of every lib function that takes a `t`. */
export const zhT: Translate = makeTranslate('zh');
