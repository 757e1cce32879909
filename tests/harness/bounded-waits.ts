/**
 * Bounded waits shared by the browser tests and the browser benchmark: every wait has a limit,
 * and a wait that runs out says what it waited for.
 */

/** Longest wait for DuckDB-WASM to start and load the data (ms). */
export const DB_READY_MS = 120_000;
/** Longest wait for one step on a page: a click's result, a view, a download (ms). */
export const STEP_MS = 30_000;

/**
 * Resolves or rejects as `p` does, or rejects with `timed out after MS ms: WHAT` once `ms`
 * milliseconds have passed; the timer is always cleared.
 */
export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
