'use client';

/**
 * The UI language in React (issue 10): {@link LangProvider} (put in app/layout.tsx with the
 * language the proxy resolved and, for English, the dictionary) makes one i18next instance and
 * hands it to react-i18next; {@link useT} gives components `t` (lib/present/i18n/translate.ts:
 * keys are the Chinese texts) and the language.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { makeI18n, translatorOf, type Dictionary, type Translate } from '@/lib/present/i18n/translate';
import { DEFAULT_LANG, type Lang } from '@/lib/present/i18n/lang';

const LangContext = createContext<Lang>(DEFAULT_LANG);

/** Props of {@link LangProvider}: the page's language and, for English, the dictionary (absent for Chinese). */
export interface LangProviderProps {
  lang: Lang;
  en?: Dictionary;
  children: ReactNode;
}

/** Provides the language and its translator to every component below. */
export function LangProvider({ lang, en, children }: LangProviderProps) {
  const instance = useMemo(() => makeI18n(lang, en ?? {}), [lang, en]);
  return (
    <LangContext.Provider value={lang}>
      <I18nextProvider i18n={instance}>{children}</I18nextProvider>
    </LangContext.Provider>
  );
}

/** What {@link useT} returns: `t` (Chinese text → the UI language) and the language. */
export interface UseT {
  t: Translate;
  lang: Lang;
}

/** The translator and language of the page (Chinese outside a {@link LangProvider}). */
export function useT(): UseT {
  const { i18n } = useTranslation();
  const lang = useContext(LangContext);
  const t = useMemo(() => translatorOf(i18n), [i18n]);
  return { t, lang };
}
