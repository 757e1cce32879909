/**
 * Node.js only (loaded by ../../instrumentation.ts when the Next server starts): answers TRACE
 * with 405 instead of Next's 500 (issue 12). (TRACK and other methods Node's HTTP parser does not
 * know are refused by Node itself with 400 before any code runs.)
 *
 * TRACE is a "forbidden method" of the Fetch standard: Node's `Request` refuses to be built for
 * it, so Next fails with a 500 ("'TRACE' HTTP method is unsupported") before the proxy
 * (../../proxy.ts) or any route runs. This answers it on the Node server's `request` event with
 * 405, `Allow: GET, HEAD`, one Chinese sentence and the same security headers as every other
 * response (./security-policy.ts); every other request goes on to Next untouched.
 */
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { ALLOWED_METHODS, contentSecurityPolicy, makeNonce, methodNotAllowed, SECURITY_HEADERS } from './security-policy';

/** The methods Node's parser accepts but its fetch `Request` cannot represent, which therefore never reach Next's code. */
const FORBIDDEN = new Set(['TRACE']);

/** Marks the patched prototype, so that a second call (a second server in the process) does nothing. */
const PATCHED = Symbol.for('gov-disclosure.refuse-forbidden-methods');

/**
 * Wraps `http.Server.prototype.emit` once per process: a `request` event whose method is TRACE
 * is answered here (405 and the sentence of {@link methodNotAllowed}); any other event is
 * passed on unchanged.
 */
export function refuseForbiddenMethods(): void {
  const proto = Server.prototype as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean; [PATCHED]?: true };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    const [req, res] = args as [IncomingMessage | undefined, ServerResponse | undefined];
    const method = (req?.method ?? '').toUpperCase();
    if (event !== 'request' || !res || !FORBIDDEN.has(method)) return emit.call(this, event, ...args);
    res.writeHead(405, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': contentSecurityPolicy(makeNonce()),
      allow: ALLOWED_METHODS.join(', '),
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(methodNotAllowed(method)?.body ?? '');
    return true;
  };
}
