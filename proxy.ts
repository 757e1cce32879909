/**
 * Runs before every request (Next's proxy, formerly middleware; no matcher, so every path, Next's
 * static files included): the HTTP
 * hardening of issue 12, with the policy itself in app/_lib/security-policy.ts.
 *
 * - A method no route serves (anything but GET and HEAD: POST, PUT, TRACE, …) is answered here,
 *   405 with `Allow: GET, HEAD` and one sentence in Chinese, then in English, before any route (Next's route handlers
 *   answered TRACE with 500, and its dynamic pages rendered for POST); OPTIONS gets 204 + Allow.
 * - A path that cannot be percent-decoded (`/report/%E0%A4%A`) is a 404 with a sentence, Chinese then English (Next
 *   answered 500 while decoding it).
 * - Every response carries a fresh nonce-based Content-Security-Policy (the nonce is also put on
 *   the request's header, where Next reads it and marks its inline scripts with it — so the pages
 *   render per request: app/layout.tsx is `force-dynamic`), `X-Content-Type-Options: nosniff`,
 *   a Referrer-Policy and `X-Frame-Options` ({@link SECURITY_HEADERS}).
 * - The UI language (issue 10): `?lang=en|zh`, else the `lang` cookie, else Chinese, handed to the
 *   pages as the request header `x-ui-lang` (lib/present/i18n/lang.ts); a `?lang=` is remembered in
 *   the cookie.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, isUndecodablePath, makeNonce, methodNotAllowed, SECURITY_HEADERS, ALLOWED_METHODS } from './app/_lib/security-policy';
import { precompressedRewritePath } from './app/_lib/precompressed-file';
import { LANG_COOKIE, LANG_HEADER, LANG_PARAM, parseLang, resolveLang } from './lib/present/i18n/lang';

/** Puts the security headers and `csp` on `response`; returns it. */
function withSecurityHeaders(response: NextResponse | Response, csp: string): NextResponse | Response {
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

/**
 * A plain-text refusal in both languages (issue 10: it is answered before the UI's language is
 * known): the Chinese sentence, unchanged and first, then on its own line the English one; null
 * (no body) stays null.
 */
function bilingual(zh: string | null, en: string): string | null {
  return zh === null ? null : `${zh}\n${en}`;
}

/** The English of methodNotAllowed's 405 sentence (app/_lib/security-policy.ts), naming the method as the Chinese does. */
function refusedMethodEnglish(method: string): string {
  return `This site accepts only GET and HEAD requests (received ${method.toUpperCase().slice(0, 20)}): the dashboard serves pages and data files and accepts no submissions. Open the page in a browser.`;
}

/** The English of the 404 for a path that cannot be percent-decoded. */
const UNDECODABLE_ENGLISH = 'The percent-encoding in the address is incomplete or not UTF-8, so no page or file was found. Open it from a link on the dashboard.';

/** A plain-text answer (UTF-8, not cached) with the security headers. */
function textAnswer(status: number, body: string | null, csp: string, extra: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...extra };
  if (body !== null) headers['content-type'] = 'text/plain; charset=utf-8';
  return withSecurityHeaders(new Response(body, { status, headers }), csp);
}

/** The proxy: refuse methods and undecodable paths, else pass the request on with the nonce and headers. */
export function proxy(request: NextRequest): NextResponse | Response {
  const nonce = makeNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const refused = methodNotAllowed(request.method);
  if (refused) return textAnswer(refused.status, bilingual(refused.body, refusedMethodEnglish(request.method)), csp, { allow: ALLOWED_METHODS.join(', ') });
  if (isUndecodablePath(request.nextUrl.pathname)) {
    return textAnswer(404, bilingual('地址中的百分号编码不完整或不是 UTF-8，找不到这个页面或文件。请从看板上的链接打开。', UNDECODABLE_ENGLISH), csp);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  // Issue 10: the UI language — `?lang=` first, then the cookie that remembers it (lib/present/i18n/lang.ts).
  const langParam = request.nextUrl.searchParams.get(LANG_PARAM);
  const lang = resolveLang(langParam, request.cookies.get(LANG_COOKIE)?.value);
  requestHeaders.set(LANG_HEADER, lang);
  // Issue 15: Next's static files (DuckDB's 34 MB wasm, the chunks) go out pre-compressed (app/static-precompressed).
  const precompressed = precompressedRewritePath(request.nextUrl.pathname, request, process.env.NODE_ENV === 'development');
  if (precompressed) return withSecurityHeaders(NextResponse.rewrite(new URL(precompressed, request.url), { request: { headers: requestHeaders } }), csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (parseLang(langParam)) response.cookies.set(LANG_COOKIE, lang, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  return withSecurityHeaders(response, csp);
}
