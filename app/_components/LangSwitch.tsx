'use client';

/**
 * The 中文 / English switch (issue 10): a link to the same page and state with `?lang=` set to the
 * other language; the proxy remembers the choice in a cookie (proxy.ts). A full page load, so the
 * server renders the page in the chosen language.
 */
import { useEffect, useState } from 'react';
import { LANG_PARAM, langName, type Lang } from '@/lib/present/i18n/lang';
import { useT } from '../_lib/lang-context';

/** The href of the current page with `lang` set to `to` (every other parameter kept). */
function hrefWithLang(to: Lang): string {
  if (typeof window === 'undefined') return `?${LANG_PARAM}=${to}`;
  const url = new URL(window.location.href);
  url.searchParams.set(LANG_PARAM, to);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A link to the other language, named in that language (中文 / English). */
export default function LangSwitch() {
  const { lang, t } = useT();
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const [href, setHref] = useState(`?${LANG_PARAM}=${other}`);
  useEffect(() => setHref(hrefWithLang(other)), [other]);
  return (
    <a
      className="lang-switch"
      href={href}
      hrefLang={other === 'en' ? 'en' : 'zh-CN'}
      lang={other === 'en' ? 'en' : 'zh-CN'}
      data-testid="lang-switch"
      onClick={(e) => {
        e.preventDefault();
        window.location.assign(hrefWithLang(other));
      }}
      title={t('切换界面语言')}
    >
      {langName(other)}
    </a>
  );
}
