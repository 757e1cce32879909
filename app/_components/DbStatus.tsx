'use client';

/**
 * The page's database status as the dashboard and the report page show it: a spinner with
 * 正在加载数据库… while `loading`, or, on `error`, what went wrong, what to do (`hint`, Chinese) and
 * a 重试 button calling `onRetry`. Renders nothing otherwise.
 */
import ErrorBox from './ErrorBox';
import type { UiText } from '../_lib/duckdb-browser';
import { useT } from '../_lib/lang-context';

/** The database's status (see the module comment); `error.text`, when given, is shown in the page's language. */
export default function DbStatus({
  loading,
  error,
  onRetry,
}: {
  loading: boolean;
  error: { error: string; hint: string; text?: { message: UiText; hint: UiText } } | null;
  onRetry: () => void;
}) {
  const { t } = useT();
  const text = error?.text;
  return (
    <>
      {loading ? (
        <div className="status" role="status" data-testid="db-loading">
          <span className="spinner" aria-hidden="true" />
          {t('正在加载数据库…')}
        </div>
      ) : null}
      {error ? (
        <ErrorBox
          title={t('数据库没能启动')}
          message={text ? t(text.message.key, text.message.vars) : error.error}
          what={text ? t(text.hint.key, text.hint.vars) : error.hint}
          testId="db-error"
          actions={
            <button type="button" onClick={onRetry} data-testid="db-retry">
              {t('重试')}
            </button>
          }
        />
      ) : null}
    </>
  );
}
