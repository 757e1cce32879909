/**
 * Whether this browser may keep corrections (IndexedDB database `gov-disclosure-corrections`,
 * ./correction-store.ts), answered without loading the corrections code: the page's database
 * (./page-db.ts) loads and applies them only then, so a dashboard without corrections loads no
 * more than before.
 */

/** IndexedDB database name of the corrections (./correction-store.ts). */
export const CORRECTIONS_DB_NAME = 'gov-disclosure-corrections';

/**
 * False when the browser has no corrections database (never saved one); true when it has one, or
 * when the browser cannot list its databases (then the store is read to know). Never throws.
 */
export async function mayHaveCorrections(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  const list = await indexedDB.databases().catch(() => null);
  return list === null || list.some((d) => d.name === CORRECTIONS_DB_NAME);
}
