/**
 * The language a server component renders in (issue 10): the request header `x-ui-lang` the
 * proxy set from `?lang=` or the `lang` cookie (proxy.ts, lib/present/i18n/lang.ts). Server only.
 */
import { headers } from 'next/headers';
import { DEFAULT_LANG, LANG_HEADER, parseLang, type Lang } from '@/lib/present/i18n/lang';
import { makeTranslate, type Translate } from '@/lib/present/i18n/translate';
import { EN } from '@/lib/present/i18n/en';

/** The request's language (Chinese when the header is missing, e.g. outside the proxy). */
export async function requestLang(): Promise<Lang> {
  return parseLang((await headers()).get(LANG_HEADER)) ?? DEFAULT_LANG;
}

/** The request's translator, for server components' texts and page titles. */
export async function requestT(): Promise<Translate> {
  return makeTranslate(await requestLang(), EN);
}
