/**
 * The one error box of the app: what went wrong and 怎么办 (what to do), as the developers' guide
 * asks of every user-facing error, in the page's language (its own 怎么办： and
 * {@link QUERY_FAILED_WHAT} are translated here; callers pass the rest translated).
 * `role="alert"`, class `error-box`.
 *
 * - `title`: an optional heading (e.g. 数据库没能启动);
 * - `message`: what went wrong, one sentence (a paragraph); absent when `children` say it;
 * - `what`: what to do, shown after a bold 怎么办：; absent when the message already says it;
 * - `children`: more paragraphs, between the message and 怎么办;
 * - `actions`: buttons (e.g. 重试), last;
 * - `testId`: the `data-testid` the browser tests find it by.
 */
'use client';

import type { ReactNode } from 'react';
import { useT } from '../_lib/lang-context';

/** Props of {@link ErrorBox}. */
export interface ErrorBoxProps {
  title?: ReactNode;
  message?: ReactNode;
  what?: ReactNode;
  testId?: string;
  children?: ReactNode;
  actions?: ReactNode;
}

/** An error message with what to do; see the module comment. */
export default function ErrorBox({ title, message, what, testId, children, actions }: ErrorBoxProps) {
  const { t } = useT();
  return (
    <div className="error-box" role="alert" data-testid={testId}>
      {title ? <h2>{title}</h2> : null}
      {message ? <p>{message}</p> : null}
      {children}
      {what ? (
        <p>
          <strong>{t('怎么办：')}</strong>
          {what === QUERY_FAILED_WHAT ? t(QUERY_FAILED_WHAT) : what}
        </p>
      ) : null}
      {actions}
    </div>
  );
}

/** The 怎么办 of a query that failed: refresh, then rebuild the data (it may be of another version). */
export const QUERY_FAILED_WHAT = '请刷新页面；如果仍然出错，请重新运行 npm run build:data。';
