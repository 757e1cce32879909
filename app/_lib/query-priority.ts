'use client';

/**
 * The order of one page's DuckDB queries after a filter change (issue 15): DuckDB-WASM answers
 * the queries of a page one after another, in the order they were sent, and the effects of one
 * React commit send them children first — so the view's own page and count used to wait behind
 * the 合计 row, the trend, the unread-tables note and the 合规 rule counts (at 100,000 reports
 * ~100 ms of a 150 ms change).
 *
 * {@link foreground} marks the queries whose answer the user is waiting for (the view's page and
 * row count, a table page); {@link background} gives an executor whose queries wait until no
 * foreground query of the same database is running — and one macrotask first, so that the
 * foreground queries of the same commit are sent before them. A foreground query that fails
 * still releases the background ones; nothing is ever dropped, only delayed.
 */
import type { QueryExecutor } from '@/lib/store/executor';

/** Per database: running foreground queries and the background queries waiting for them. */
interface Gate {
  running: number;
  waiting: Array<() => void>;
}

const gates = new WeakMap<object, Gate>();

function gateOf(db: object): Gate {
  let g = gates.get(db);
  if (!g) {
    g = { running: 0, waiting: [] };
    gates.set(db, g);
  }
  return g;
}

/**
 * Runs `work` (queries of `db` the user waits for) as foreground: background queries of `db`
 * sent meanwhile wait until it (and every other foreground work) has settled. Resolves or rejects
 * as `work` does.
 */
export async function foreground<T>(db: object, work: () => Promise<T>): Promise<T> {
  const g = gateOf(db);
  g.running++;
  try {
    return await work();
  } finally {
    g.running--;
    if (g.running === 0) {
      const go = g.waiting.splice(0);
      for (const f of go) f();
    }
  }
}

/**
 * `exec` as a background executor of `db`: each query waits one macrotask, then until no
 * foreground work of `db` runs, then runs. Resolves and rejects as `exec` does.
 */
export function background(db: object, exec: QueryExecutor): QueryExecutor {
  return async (sql) => {
    await new Promise<void>((r) => setTimeout(r, 0));
    const g = gateOf(db);
    while (g.running > 0) await new Promise<void>((r) => g.waiting.push(r));
    return exec(sql);
  };
}
