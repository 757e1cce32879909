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

/** Entries a translator keeps before it starts its cache afresh (see {@link translatorOf}). */
const CACHE_LIMIT = 20_000;

/**
 * A {@link Translate} over an i18next instance. A text is looked up once (with its variables) and
 * then answered from a cache (a table of 25 rows and its chart ask for the same few hundred
 * labels on every filter change; i18next's lookup was ~10 % of a change, issue 15); the cache is
 * emptied when the instance's language or resources change.
 */
export function translatorOf(instance: i18n): Translate {
  let cache = new Map<string, string>();
  const clear = () => {
    cache = new Map();
  };
  instance.on('languageChanged', clear);
  instance.store?.on('added', clear);
  instance.store?.on('removed', clear);
  return (zh, vars) => {
    // A text with variables is cached by its key and variables (a row's agency name, a count…); the
    // cache starts afresh past CACHE_LIMIT entries, so it stays small however many rows go by.
    const key = vars ? `${zh}\u0000${JSON.stringify(vars)}` : zh;
    let text = cache.get(key);
    if (text === undefined) {
      text = (vars ? instance.t(zh, vars as Record<string, unknown>) : instance.t(zh)) as string;
      if (cache.size >= CACHE_LIMIT) clear();
      cache.set(key, text);
    }
    return text;
  };
}

/** Makes the {@link Translate} for `lang` (English from `en`). */
export function makeTranslate(lang: Lang, en: Dictionary = {}): Translate {
  return translatorOf(makeI18n(lang, en));
}

/** The Chinese translator (the keys themselves, variables filled in): the default of every lib function that takes a `t`. */
export const zhT: Translate = makeTranslate('zh');
