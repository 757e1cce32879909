import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import './print.css';
import './proofread.css';
import './manual-entry.css';
import { LangProvider } from './_lib/lang-context';
import { requestLang, requestT } from './_lib/request-lang';
import { htmlLang } from '@/lib/present/i18n/lang';
import { EN } from '@/lib/present/i18n/en';

/** Rendered per request, so Next can put the proxy's per-request CSP nonce on its inline scripts (proxy.ts). */
export const dynamic = 'force-dynamic';

/** The page's title and description in the request's language. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await requestT();
  return {
    title: t('政府信息公开工作年度报告 · 对比看板'),
    description: t('把各机关的政府信息公开工作年度报告变成可比较的数据：主动公开、依申请公开、复议诉讼与合规检查。'),
  };
}

/** Root layout: the page in the request's language (issue 10; Chinese by default), system fonts only (no web fonts are downloaded). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const lang = await requestLang();
  return (
    <html lang={htmlLang(lang)}>
      <body>
        <LangProvider lang={lang} en={lang === 'en' ? EN : undefined}>
          {children}
        </LangProvider>
      </body>
    </html>
  );
}
