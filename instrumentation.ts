/**
 * Runs once when the Next server starts (Next's instrumentation hook). In the Node.js runtime it
 * makes the server answer TRACE with 405 like every other method no route serves
 * (app/_lib/refuse-forbidden-methods.ts: it never reaches proxy.ts, Next answered it with 500).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { refuseForbiddenMethods } = await import('./app/_lib/refuse-forbidden-methods');
    refuseForbiddenMethods();
  }
}
