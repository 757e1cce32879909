'use client';

/**
 * The page's database status as the dashboard and the report page show it: a spinner with
 * 正在加载数据库… while `loading`, or, on `error`, what went wrong, what to do (`hint`, Chinese) and
 * a 重试 button calling `onRetry`. Renders nothing otherwise.
 */
import ErrorBox from './ErrorBox';

export default function DbStatus({
  loading,
  error,
  onRetry,
}: {
  loading: boolean;
  error: { error: string; hint: string } | null;
  onRetry: () => void;
}) {
  return (
    <>
      {loading ? (
        <div className="status" role="status" data-testid="db-loading">
          <span className="spinner" aria-hidden="true" />
          正在加载数据库…
        </div>
      ) : null}
      {error ? (
        <ErrorBox
          title="数据库没能启动"
          message={error.error}
          what={error.hint}
          testId="db-error"
          actions={
            <button type="button" onClick={onRetry} data-testid="db-retry">
              重试
            </button>
          }
        />
      ) : null}
    </>
  );
}
