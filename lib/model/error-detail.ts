/**
 * What a caught error may add to a sentence shown to a user (issue 12: user-facing errors are
 * sentences, never JSON or a stack trace). Framework-free; used where the app words a failure it
 * caught (app/_lib/use-uploads.ts, the review import) — the message itself says what happened and
 * what to do, this only supplies the detail in parentheses.
 */

/** The longest detail shown, in characters (a longer one is cut and ends with …). */
export const MAX_ERROR_DETAIL = 80;

/** A zod validation error as thrown by `.parse` (ZodError): its issues, each with a path. */
interface IssueCarrier {
  issues: ReadonlyArray<{ path?: ReadonlyArray<PropertyKey>; message?: string }>;
}

function isIssueCarrier(e: unknown): e is IssueCarrier {
  return typeof e === 'object' && e !== null && Array.isArray((e as { issues?: unknown }).issues);
}

/**
 * The detail of `error` fit for a sentence: for a zod validation error (whose own message is JSON),
 * `数据校验未通过：字段 report.year` naming the first failing field (and how many more); for any
 * other error or string, its first line, at most {@link MAX_ERROR_DETAIL} characters; an empty
 * string for text not meant for people (JSON, a stack frame) or no text at all. Never throws.
 */
export function errorDetail(error: unknown): string {
  if (isIssueCarrier(error) && error.issues.length > 0) {
    const first = error.issues[0];
    const field = (first.path ?? []).map(String).join('.') || '记录';
    const more = error.issues.length > 1 ? `等 ${error.issues.length} 处` : '';
    return `数据校验未通过：字段 ${field}${more}`;
  }
  const text = (error instanceof Error ? error.message : typeof error === 'string' ? error : '').split('\n')[0].trim();
  if (!text || /^[[{"]/.test(text) || /^at\s/.test(text)) return '';
  return text.length > MAX_ERROR_DETAIL ? `${text.slice(0, MAX_ERROR_DETAIL)}…` : text;
}

/** `（detail）` for {@link errorDetail} of `error`, or '' when it has none — to put inside a sentence. */
export function errorDetailInParens(error: unknown): string {
  const d = errorDetail(error);
  return d ? `（${d}）` : '';
}
