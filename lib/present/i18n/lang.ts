/**
 * The UI's languages (issue 10): Chinese (the default, the reports' own labels) and English.
 * The language is kept in the URL (`?lang=en`) and remembered in a cookie (`lang`), read by the
 * proxy (proxy.ts) on every request and handed to the pages as the request header {@link LANG_HEADER}.
 */

/** A UI language: `zh` (简体中文, default) or `en` (English). */
export type Lang = 'zh' | 'en';

/** The languages, default first. */
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** The default language: Chinese, the language of the reports. */
export const DEFAULT_LANG: Lang = 'zh';

/** The URL query parameter that chooses the language (`?lang=en`). */
export const LANG_PARAM = 'lang';

/** The cookie that remembers the language chosen last (a year, path /). */
export const LANG_COOKIE = 'lang';

/** The request header the proxy sets to the language a page is rendered in. */
export const LANG_HEADER = 'x-ui-lang';

/** A value from the URL, a cookie or a header as a {@link Lang}; null when it names none (so the caller falls back). */
export function parseLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v.startsWith('zh-') || v === 'cn') return 'zh';
  return null;
}

/** The language of a request: the URL's `?lang=` first, then the cookie, else {@link DEFAULT_LANG}. */
export function resolveLang(urlParam: string | null | undefined, cookie: string | null | undefined): Lang {
  return parseLang(urlParam) ?? parseLang(cookie) ?? DEFAULT_LANG;
}

/** The `<html lang>` value of a language (BCP 47). */
export function htmlLang(lang: Lang): string {
  return lang === 'en' ? 'en' : 'zh-CN';
}

/** The name of a language in that language, for the switch (中文 / English). */
export function langName(lang: Lang): string {
  return lang === 'en' ? 'English' : '中文';
}
