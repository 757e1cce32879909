/**
 * `npm start`'s server: Next's own request handler (the same app as `next start`, proxy.ts and
 * every route included) behind a plain Node HTTP server whose one job is to let pre-compressed
 * files out with their Content-Encoding (issue 15: the first load was 36.6 MB, 94 % of it DuckDB's
 * wasm sent as is). Next 16 drops Content-Encoding and Content-Length from what a route handler
 * answers, so app/_lib/precompressed-file.ts marks a compressed answer with
 * `x-precompressed-encoding` / `x-precompressed-length` instead, and this server turns those into
 * the real headers as the answer goes out. Every request gets `x-precompressed-ok: 1` (a client's
 * own value is replaced), which tells the routes that this server is in front; under plain
 * `next start` nothing is compressed, and nothing breaks.
 *
 * Usage: `tsx app/_server/serve-app.ts [-p PORT] [-H HOST]` (defaults: `PORT` or 3000, every interface, like
 * `next start`); needs a `next build`. Prints `ready on http://HOST:PORT` when it listens; exits 1
 * with a sentence when Next cannot start (no build: run `npm run build`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRECOMPRESSED_ENCODING_HEADER, PRECOMPRESSED_LENGTH_HEADER, PRECOMPRESSED_REQUEST_HEADER } from '../_lib/precompressed-file';

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
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.headers[PRECOMPRESSED_REQUEST_HEADER] = '1';
    translatePrecompressedHeaders(res);
    void handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`server: ready on http://${hostname ?? 'localhost'}:${port}`));
}

await main();
