/**
 * Serving a file with its pre-compressed copy (issue 15): `FILE.br` or `FILE.gz`, written beside it
 * by lib/pipeline/precompress-assets.ts, is sent with `Content-Encoding: br` / `gzip` when the
 * request's Accept-Encoding allows it and the copy is at least as new as the file; otherwise the
 * file itself. Every answer says `Vary: Accept-Encoding`, and keeps the file's Content-Type and the
 * caller's caching headers (WebAssembly.instantiateStreaming accepts a compressed `application/wasm`
 * answer: the browser decodes it before compiling). Used by app/static-precompressed (Next's
 * /_next/static files, routed there by ../../proxy.ts) and by the data routes. Server only.
 *
 * Next (16.4) drops the Content-Encoding and Content-Length a route handler sets (send-response.ts:
 * "the body may have been transparently decoded"), so a copy is sent only behind the app's server
 * (../_server/serve-app.ts, `npm start`): it marks each request with {@link PRECOMPRESSED_REQUEST_HEADER},
 * and turns the answer's {@link PRECOMPRESSED_ENCODING_HEADER} / {@link PRECOMPRESSED_LENGTH_HEADER}
 * into Content-Encoding / Content-Length on the wire. Under plain `next start` or `next dev` the
 * request has no mark and the file itself is sent — never compressed bytes without their header.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/** Set by ../_server/serve-app.ts on every request it hands to Next (a client's own value is replaced): compressed copies may be sent. */
export const PRECOMPRESSED_REQUEST_HEADER = 'x-precompressed-ok';
/** On an answer: the encoding of its body, which ../_server/serve-app.ts sends as Content-Encoding. */
export const PRECOMPRESSED_ENCODING_HEADER = 'x-precompressed-encoding';
/** On an answer: the length of its body in bytes, which ../_server/serve-app.ts sends as Content-Length. */
export const PRECOMPRESSED_LENGTH_HEADER = 'x-precompressed-length';

/** Content-Encoding tokens we have copies for, in the order we prefer them. */
export type PrecompressedEncoding = 'br' | 'gzip';

const SUFFIX: Record<PrecompressedEncoding, string> = { br: '.br', gzip: '.gz' };

/** Content types by ending for Next's static files (the data routes pass their own). */
const CONTENT_TYPES: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The Content-Type of a static file by its ending (`application/octet-stream` when unknown). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The encodings an Accept-Encoding header allows, best first among those we have: `br` before
 * `gzip`; a token with `q=0` is refused; `*` allows both. `identity` is always possible and not listed.
 */
export function acceptedEncodings(header: string | null): PrecompressedEncoding[] {
  if (!header) return [];
  const allowed = new Map<string, boolean>();
  for (const part of header.toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';').map((s) => s.trim());
    if (!token) continue;
    const q = params.find((p) => p.startsWith('q='));
    allowed.set(token, !(q && Number(q.slice(2)) === 0));
  }
  const ok = (e: PrecompressedEncoding) => allowed.get(e) ?? allowed.get('*') ?? false;
  return (['br', 'gzip'] as const).filter(ok);
}

/** Size and modification time of `file`, or null when it is missing or not a regular file. */
async function fileInfo(file: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}

/**
 * The encodings a request may be answered with: those its Accept-Encoding allows
 * ({@link acceptedEncodings}), none when it did not come through ../_server/serve-app.ts.
 */
export function usableEncodings(request: Request): PrecompressedEncoding[] {
  return request.headers.get(PRECOMPRESSED_REQUEST_HEADER) === '1' ? acceptedEncodings(request.headers.get('accept-encoding')) : [];
}

/**
 * The answer for `file`: its best current pre-compressed copy the request may get
 * ({@link usableEncodings}), else the file. `headers` are put on the answer as given
 * (Content-Type, Cache-Control); Vary, Content-Length and, for a copy, the encoding (as
 * {@link PRECOMPRESSED_ENCODING_HEADER} + Content-Encoding, see the module comment) are set here.
 * Resolves to null when `file` does not exist (the caller answers 404 in its own words); a copy
 * that exists but is older than the file is not used.
 */
export async function precompressedFileResponse(file: string, request: Request, headers: Record<string, string>): Promise<Response | null> {
  const source = await fileInfo(file);
  if (!source) return null;
  let chosen: { path: string; size: number; encoding: PrecompressedEncoding | null } = { path: file, size: source.size, encoding: null };
  for (const encoding of usableEncodings(request)) {
    const copy = await fileInfo(file + SUFFIX[encoding]);
    if (copy && copy.mtimeMs >= source.mtimeMs) {
      chosen = { path: file + SUFFIX[encoding], size: copy.size, encoding };
      break;
    }
  }
  const out = new Headers(headers);
  out.set('vary', 'Accept-Encoding');
  out.set('content-length', String(chosen.size));
  out.set(PRECOMPRESSED_LENGTH_HEADER, String(chosen.size));
  if (chosen.encoding) {
    out.set('content-encoding', chosen.encoding);
    out.set(PRECOMPRESSED_ENCODING_HEADER, chosen.encoding);
  }
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers: out });
  const body = Readable.toWeb(createReadStream(chosen.path)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: out });
}

/** Endings of Next's static files that have pre-compressed copies (lib/pipeline/precompress-assets.ts). */
const REWRITTEN_ENDINGS = /\.(wasm|js|mjs|css|json|svg|txt)$/i;

/**
 * Where the proxy sends a request for one of Next's static files so that it is served
 * pre-compressed: `/_next/static/<path>` → `/static-precompressed/<path>` when the ending can have
 * a copy and the request may get br or gzip ({@link usableEncodings}); null (Next serves it as is) otherwise, and always
 * under `next dev` (`dev`), whose files are not on disk.
 */
export function precompressedRewritePath(pathname: string, request: Request, dev: boolean): string | null {
  if (dev || !pathname.startsWith('/_next/static/') || !REWRITTEN_ENDINGS.test(pathname)) return null;
  if (!usableEncodings(request).length) return null;
  return `/static-precompressed/${pathname.slice('/_next/static/'.length)}`;
}
