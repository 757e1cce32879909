/**
 * The one outcome type of the project: a failure is a value, not an exception.
 *
 * `Result<T, E>` is either `{ ok: true, value }` or `{ ok: false, error }`. `E` is a readable
 * message by default (Chinese where a user sees it: what was wrong and what to do, in one
 * sentence); a caller that needs more (e.g. the browser database's `{ message, hint }`) passes its
 * own error shape. Used by the query executor (lib/store/executor.ts runQuery), the review
 * decisions (lib/review/decisions.ts), the browser database opener and the decision store (app/_lib).
 */

/** Success with a value of type `T`, or failure with an error of type `E` (a message by default). */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

/** A success: `{ ok: true, value }`. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A failure: `{ ok: false, error }`. */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
