/**
 * Runs in the browser before the app's own code (Next's client instrumentation hook): zod's
 * jitless mode, so that no page probes `eval` under the Content-Security-Policy
 * (app/_lib/zod-jitless.ts, proxy.ts).
 */
import './app/_lib/zod-jitless';
