/**
 * The page for an address the app does not have (404): a sentence in Chinese and the way back,
 * in the app's own stylesheet (Next's built-in 404 page is in English and carries an inline
 * `<style>` that the Content-Security-Policy refuses, proxy.ts).
 */
import Link from 'next/link';
import ErrorBox from './_components/ErrorBox';
import { requestT } from './_lib/request-lang';

/** The 404 page. */
export default async function NotFound() {
  const t = await requestT();
  return (
    <main className="page" data-testid="not-found">
      <nav className="crumbs">
        <Link href="/">{t('← 返回看板')}</Link>
      </nav>
      <ErrorBox
        testId="not-found-error"
        title={t('找不到这个页面')}
        message={t('这个地址在看板中不存在（可能是链接不完整，或页面已改名）。')}
        what={t('请回到看板，从机关、报告或检查结果的链接进入。')}
      />
    </main>
  );
}
