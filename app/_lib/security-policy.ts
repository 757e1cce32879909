/**
 * The HTTP security policy of the app (issue 12), as pure data and functions: used by the proxy
 * (../../proxy.ts), which puts it on every response, and by its test
 * (tests/http/security-policy.test.ts). No Next or React here: it runs before any route.
 *
 * What the pages need, and why each source is allowed — nothing from any other host:
 * - scripts: the app's own bundles (`'self'`) and Next's inline scripts (the React Server
 *   Components payload, `self.__next_f.push(…)`), which carry the per-request nonce (Next reads it
 *   from the request's Content-Security-Policy header and puts it on every script it renders);
 *   `'wasm-unsafe-eval'` lets DuckDB-WASM compile its wasm — it allows WebAssembly compilation only,
 *   not `eval` of JavaScript. No `'unsafe-inline'`, no `'unsafe-eval'` (except under `next dev`,
 *   whose React debugging needs eval);
 * - workers: DuckDB-WASM's worker and pdf.js's worker are bundled files of the app (`'self'`);
 * - connections: the data routes, the wasm and pdf.js's character maps — all `'self'`;
 * - styles: the app's CSS files and Next's nonce-carrying `<style>` elements; style *attributes*
 *   (React's `style={…}`, ECharts' tooltip markup) need `style-src-attr 'unsafe-inline'`, which
 *   cannot run script;
 * - images: the app's own (the icon);
 * - framing only by the app itself (`frame-ancestors 'self'`), no plugins, `<base>` and form
 *   targets only to the app.
 */

/** The methods every route of the app serves (no route accepts a body: the app only hands out data). */
export const ALLOWED_METHODS = ['GET', 'HEAD'] as const;

/**
 * Headers set on every response besides the Content-Security-Policy: no MIME sniffing (a CSV or
 * a report text is never run as a script or page), no referrer sent to other hosts beyond the
 * origin (`strict-origin-when-cross-origin`; the report page's 原文链接 is the only link out), and
 * the legacy frame protection beside `frame-ancestors` for browsers that ignore CSP.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
};

/**
 * A fresh nonce for one response: 16 random bytes (WebCrypto) in base64 — unpredictable, so an
 * injected `<script>` cannot carry it.
 */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * The Content-Security-Policy header value for one response.
 * @param nonce the response's nonce (base64, from {@link makeNonce}); Next puts it on its inline scripts and styles
 * @param dev true under `next dev` (adds `'unsafe-eval'` to script-src: React's development build needs eval)
 * @returns the directives joined by `; ` (see the module comment for why each source is there)
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  const directives: Array<[string, string]> = [
    ['default-src', "'self'"],
    ['script-src', `'self' 'nonce-${nonce}' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ''}`],
    ['style-src', `'self' 'nonce-${nonce}'`],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'self'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/**
 * The answer to a method no route serves (POST, PUT, DELETE, PATCH, TRACE, CONNECT, …): 405 with
 * `Allow: GET, HEAD` and one Chinese sentence (OPTIONS gets 204 and the same `Allow`). Null for
 * GET and HEAD, which go on to the route.
 */
export function methodNotAllowed(method: string): { status: 204 | 405; body: string | null } | null {
  const m = method.toUpperCase();
  if ((ALLOWED_METHODS as readonly string[]).includes(m)) return null;
  if (m === 'OPTIONS') return { status: 204, body: null };
  return {
    status: 405,
    body: `本站只接受 GET 和 HEAD 请求（收到的是 ${m.slice(0, 20)}）：看板只提供页面和数据文件，不接收任何提交。请在浏览器中打开页面。`,
  };
}

/**
 * Whether a request path cannot be decoded (a `%` not followed by two hex digits, or bytes that are
 * not UTF-8, e.g. `/report/%E0%A4%A`): such a path names no page or file, and is answered 404
 * before any route tries to decode it.
 */
export function isUndecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
