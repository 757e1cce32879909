/**
 * `npm start`'s server: Next's own request handler (the same app as `next start`, proxy.ts and
 * every route included) behind a plain Node HTTP server whose one job is to let pre-compressed
 * files out with their Content-Encoding (issue 15: the first load was 36.6 MB, 94 % of it DuckDB's
 * wasm sent as is). Next 16 drops Content-Encoding and Content-Length from what a route handler
 * answers, so app/_lib/precompressed-file.ts marks a compressed answer with
 * `x-precompressed-encoding` / `x-precompressed-length` instead, and this server turns those into
 * the real headers as the answer goes out. Every request gets `x-precompressed-ok: 1` (a client's
 * own value is replaced), which tells the routes that this server is in front; under plain
 * `next start` nothing is compressed, and nothing breaks. Next's own static files
 * (`/_next/static/…`) with a compressed copy are sent by this server directly ({@link sendStaticCopy}).
 *
 * Usage: `tsx app/_server/serve-app.ts [-p PORT] [-H HOST]` (defaults: `PORT` or 3000, every interface, like
 * `next start`); needs a `next build`. Prints `ready on http://HOST:PORT` when it listens; exits 1
 * with a sentence when Next cannot start (no build: run `npm run build`).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  acceptedEncodings,
  contentTypeOf,
  PRECOMPRESSED_ENCODING_HEADER,
  PRECOMPRESSED_LENGTH_HEADER,
  PRECOMPRESSED_REQUEST_HEADER,
  precompressedRewritePath,
} from '../_lib/precompressed-file';
import { contentSecurityPolicy, makeNonce, SECURITY_HEADERS } from '../_lib/security-policy';

/** `-p`/`--port` and `-H`/`--hostname` from the command line, else PORT and every interface. */
function listenAddress(argv: readonly string[]): { port: number; hostname: string | undefined } {
  const arg = (...names: string[]) => {
    const i = argv.findIndex((a) => names.includes(a));
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { port: Number(arg('-p', '--port') ?? process.env.PORT ?? 3000), hostname: arg('-H', '--hostname') };
}

/**
 * Makes `res` send `x-precompressed-encoding` / `x-precompressed-length` as Content-Encoding /
 * Content-Length (and not under their own names) when its head is written.
 */
function translatePrecompressedHeaders(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const encoding = this.getHeader(PRECOMPRESSED_ENCODING_HEADER);
    const length = this.getHeader(PRECOMPRESSED_LENGTH_HEADER);
    this.removeHeader(PRECOMPRESSED_ENCODING_HEADER);
    this.removeHeader(PRECOMPRESSED_LENGTH_HEADER);
    if (encoding !== undefined) this.setHeader('content-encoding', String(encoding));
    if (length !== undefined && !this.hasHeader('transfer-encoding')) this.setHeader('content-length', String(length));
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}

/** Modification time (ms) of a regular file, or null when it is missing or not a file. */
async function mtimeOf(file: string): Promise<number | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? s.mtimeMs : null;
  } catch {
    return null;
  }
}

/**
 * Sends one of Next's static files (`/_next/static/<path>`, GET or HEAD) from its pre-compressed
 * copy in `.next/static` when the request accepts br or gzip and a copy at least as new as the file
 * exists — with the file's Content-Type, Next's caching (the names carry a content hash), Vary,
 * Content-Encoding and the security headers proxy.ts puts on every answer. True when it answered;
 * false (Next answers, as before) otherwise. This used to go through proxy.ts's rewrite to
 * app/static-precompressed, which Next carried out as an HTTP request to itself: under load that
 * request was sometimes reset (ECONNRESET), the chunk answered 500 and the page never started.
 */
async function sendStaticCopy(req: IncomingMessage, res: ServerResponse, staticRoot: string): Promise<boolean> {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return false; // proxy.ts answers an undecodable path
  }
  const accepted = acceptedEncodings(typeof req.headers['accept-encoding'] === 'string' ? req.headers['accept-encoding'] : null);
  if (!accepted.length || !precompressedRewritePath(pathname, new Request('http://localhost/', { headers: { [PRECOMPRESSED_REQUEST_HEADER]: '1', 'accept-encoding': accepted.join(', ') } }), false)) return false;
  const file = path.resolve(staticRoot, pathname.slice('/_next/static/'.length));
  if (!file.startsWith(staticRoot + path.sep) || pathname.includes('\0')) return false;
  const source = await mtimeOf(file);
  if (source === null) return false;
  for (const encoding of accepted) {
    const copy = file + (encoding === 'br' ? '.br' : '.gz');
    const copied = await mtimeOf(copy);
    if (copied === null || copied < source) continue;
    const size = (await stat(copy)).size;
    res.writeHead(200, {
      'content-type': contentTypeOf(file),
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
      'content-encoding': encoding,
      'content-length': String(size),
      'content-security-policy': contentSecurityPolicy(makeNonce()),
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(copy).on('error', () => res.destroy()).pipe(res);
    return true;
  }
  return false;
}

async function main(): Promise<void> {
  Object.assign(process.env, { NODE_ENV: 'production' }); // before Next loads, as `next start` does
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'); // the project root
  const { port, hostname } = listenAddress(process.argv.slice(2));
  const { default: next } = await import('next');
  const app = next({ dev: false, dir, port, hostname });
  try {
    await app.prepare();
  } catch (e) {
    console.error(`server: Next could not start (${e instanceof Error ? e.message : String(e)}). Run npm run build, then npm start again.`);
    process.exit(1);
  }
  const handle = app.getRequestHandler();
  const staticRoot = path.join(dir, '.next', 'static');
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Next's static files are compressed here or sent by Next as they are, never through proxy.ts's
    // rewrite (an HTTP request of Next to itself, sometimes reset under load: see sendStaticCopy).
    if ((req.url ?? '').startsWith('/_next/static/')) delete req.headers[PRECOMPRESSED_REQUEST_HEADER];
    else req.headers[PRECOMPRESSED_REQUEST_HEADER] = '1';
    void sendStaticCopy(req, res, staticRoot)
      .catch(() => false)
      .then((sent) => {
        if (sent) return;
        translatePrecompressedHeaders(res);
        void handle(req, res);
      });
  });
  server.listen(port, hostname, () => console.log(`server: ready on http://${hostname ?? 'localhost'}:${port}`));
}

await main();
