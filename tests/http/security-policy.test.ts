/**
 * The HTTP security policy (app/_lib/security-policy.ts) that proxy.ts puts on every response:
 * only the app's own origin, a per-response nonce for Next's inline scripts, what DuckDB-WASM needs
 * (wasm compilation, not eval), framing by the app only; methods other than GET/HEAD refused with a
 * sentence; undecodable paths recognised. The served headers are checked in the browser suite
 * `hygiene` (tests/browser/suites/hygiene.ts).
 */
import { describe, expect, it } from 'vitest';
import { ALLOWED_METHODS, contentSecurityPolicy, isUndecodablePath, makeNonce, methodNotAllowed, SECURITY_HEADERS } from '../../app/_lib/security-policy';

/** The policy as directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe('contentSecurityPolicy', () => {
  it('allows only the app itself, the nonce for inline scripts and wasm compilation', () => {
    const nonce = makeNonce();
    const d = directives(contentSecurityPolicy(nonce));
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'wasm-unsafe-eval'"]);
    expect(d.get('frame-ancestors')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    for (const [name, sources] of d) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      for (const s of sources) expect(s, `${name} ${s}`).not.toMatch(/^(https?:|\*|[a-z0-9.-]+\.[a-z]{2,})/); // no other host
      if (name !== 'style-src-attr') expect(sources, name).not.toContain("'unsafe-inline'");
    }
    for (const name of ['connect-src', 'worker-src', 'img-src', 'font-src', 'base-uri', 'form-action']) expect(d.get(name), name).toEqual(["'self'"]);
  });
  it("adds 'unsafe-eval' under next dev only", () => {
    expect(directives(contentSecurityPolicy('n', true)).get('script-src')).toContain("'unsafe-eval'");
  });
  it('makes a fresh unguessable nonce each time (16 random bytes, base64)', () => {
    const nonces = new Set(Array.from({ length: 100 }, makeNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('the other headers and the methods', () => {
  it('sets nosniff, a referrer policy and frame protection', () => {
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('SAMEORIGIN');
  });
  it('lets GET and HEAD through and refuses every other method with 405 and a sentence (OPTIONS: 204)', () => {
    expect(ALLOWED_METHODS).toEqual(['GET', 'HEAD']);
    expect(methodNotAllowed('GET')).toBeNull();
    expect(methodNotAllowed('head')).toBeNull();
    expect(methodNotAllowed('OPTIONS')).toEqual({ status: 204, body: null });
    for (const m of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'TRACK', 'CONNECT', 'PROPFIND']) {
      const r = methodNotAllowed(m);
      expect(r?.status, m).toBe(405);
      expect(r?.body).toMatch(new RegExp(`^本站只接受 GET 和 HEAD 请求（收到的是 ${m}）：[^。]+。请[^。]+。$`));
    }
  });
  it('recognises paths that cannot be percent-decoded', () => {
    expect(isUndecodablePath('/report/%E0%A4%A')).toBe(true);
    expect(isUndecodablePath('/agency/%')).toBe(true);
    expect(isUndecodablePath('/agency/%FF')).toBe(true);
    expect(isUndecodablePath('/agency/320813%3A%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C')).toBe(false);
    expect(isUndecodablePath('/data/cells/__proto__')).toBe(false);
  });
});
