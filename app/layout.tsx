import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import './print.css';
import './proofread.css';
import './manual-entry.css';

/** Rendered per request, so Next can put the proxy's per-request CSP nonce on its inline scripts (proxy.ts). */
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: '政府信息公开工作年度报告 · 对比看板',
  description: '把各机关的政府信息公开工作年度报告变成可比较的数据：主动公开、依申请公开、复议诉讼与合规检查。',
};

/** Root layout: Chinese page, system fonts only (no web fonts are downloaded). */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
