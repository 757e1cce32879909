/**
 * Serving a file with its pre-compressed copy (app/_lib/precompressed-file.ts, issue 15): the
 * copies lib/pipeline/precompress-assets.ts writes of DuckDB's real worker script, chosen by
 * Accept-Encoding, with Vary and the caller's headers; and which /_next/static/ paths the proxy
 * routes to app/static-precompressed. The served bytes in a browser are measured by the bench
 * (tests/bench/bench-first-load.ts).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, contentTypeOf, PRECOMPRESSED_ENCODING_HEADER, PRECOMPRESSED_LENGTH_HEADER, PRECOMPRESSED_REQUEST_HEADER, precompressedFileResponse, precompressedRewritePath } from '../../app/_lib/precompressed-file';
import { precompressFolder } from '../../lib/pipeline/precompress-assets';

const root = path.resolve(__dirname, '../..');
const worker = path.join(root, 'node_modules', '@duckdb', 'duckdb-wasm', 'dist', 'duckdb-browser-eh.worker.js');
let dir = '';
let file = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'precompressed-file-'));
  file = path.join(dir, 'duckdb-browser-eh.worker.js');
  copyFileSync(worker, file);
  await precompressFolder(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A request as app/_server/serve-app.ts hands it to Next (marked), or as plain `next start` gets it (`viaServer` false). */
const get = (ae: string | null, method = 'GET', viaServer = true) =>
  new Request('http://127.0.0.1/x', { method, headers: { ...(ae === null ? {} : { 'accept-encoding': ae }), ...(viaServer ? { [PRECOMPRESSED_REQUEST_HEADER]: '1' } : {}) } });
const headers = { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' };

describe('acceptedEncodings', () => {
  it('reads what Chromium sends, q=0 refusals and *', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip, deflate')).toEqual(['gzip']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(null)).toEqual([]);
  });
});

describe('precompressedFileResponse', () => {
  it('sends the brotli copy to a browser that accepts it, with the caller\'s headers and Vary', async () => {
    const res = await precompressedFileResponse(file, get('gzip, deflate, br, zstd'), headers);
    expect(res?.status).toBe(200);
    expect(res?.headers.get('content-encoding')).toBe('br');
    expect(res?.headers.get(PRECOMPRESSED_ENCODING_HEADER)).toBe('br'); // what app/_server/serve-app.ts puts on the wire as Content-Encoding
    expect(res?.headers.get('vary')).toBe('Accept-Encoding');
    expect(res?.headers.get('content-type')).toBe(headers['content-type']);
    expect(res?.headers.get('cache-control')).toBe(headers['cache-control']);
    const body = Buffer.from(await res!.arrayBuffer());
    expect(Number(res?.headers.get(PRECOMPRESSED_LENGTH_HEADER))).toBe(body.length);
    expect(zlib.brotliDecompressSync(body).equals(readFileSync(worker))).toBe(true);
  });

  it('sends gzip when br is not accepted, and the file itself when neither is', async () => {
    const gz = await precompressedFileResponse(file, get('gzip, deflate'), headers);
    expect(gz?.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gz!.arrayBuffer())).equals(readFileSync(worker))).toBe(true);
    const plain = await precompressedFileResponse(file, get(null), headers);
    expect(plain?.headers.get('content-encoding')).toBeNull();
    expect(plain?.headers.get('vary')).toBe('Accept-Encoding');
    expect(Buffer.from(await plain!.arrayBuffer()).equals(readFileSync(worker))).toBe(true);
  });

  it('never sends a copy to a request that did not come through server.ts (Next would drop its Content-Encoding)', async () => {
    const res = await precompressedFileResponse(file, get('gzip, deflate, br', 'GET', false), headers);
    expect(res?.headers.get('content-encoding')).toBeNull();
    expect(res?.headers.get(PRECOMPRESSED_ENCODING_HEADER)).toBeNull();
    expect(Buffer.from(await res!.arrayBuffer()).equals(readFileSync(worker))).toBe(true);
  });

  it('answers HEAD without a body, never uses a copy older than the file, and is null for a missing file', async () => {
    const head = await precompressedFileResponse(file, get('br', 'HEAD'), headers);
    expect(head?.headers.get('content-encoding')).toBe('br');
    expect(head?.body).toBeNull();
    const later = new Date(Date.now() + 10_000);
    utimesSync(file, later, later); // the file changed after its copies were written
    const stale = await precompressedFileResponse(file, get('br, gzip'), headers);
    expect(stale?.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await stale!.arrayBuffer()).equals(readFileSync(worker))).toBe(true);
    expect(await precompressedFileResponse(path.join(dir, 'missing.js'), get('br'), headers)).toBeNull();
  });
});

describe('precompressedRewritePath and contentTypeOf', () => {
  it('routes Next\'s static code and wasm when a compressed answer is accepted behind app/_server/serve-app.ts, never under next dev', () => {
    expect(precompressedRewritePath('/_next/static/media/duckdb-eh.3avnsfsi62i_6.wasm', get('gzip, deflate, br'), false)).toBe('/static-precompressed/media/duckdb-eh.3avnsfsi62i_6.wasm');
    expect(precompressedRewritePath('/_next/static/chunks/1hjjcp5mf21lr.js', get('gzip'), false)).toBe('/static-precompressed/chunks/1hjjcp5mf21lr.js');
    expect(precompressedRewritePath('/_next/static/chunks/1hjjcp5mf21lr.js', get('identity'), false)).toBeNull();
    expect(precompressedRewritePath('/_next/static/chunks/1hjjcp5mf21lr.js', get('br', 'GET', false), false)).toBeNull();
    expect(precompressedRewritePath('/_next/static/chunks/1hjjcp5mf21lr.js', get('br'), true)).toBeNull();
    expect(precompressedRewritePath('/_next/static/media/font.woff2', get('br'), false)).toBeNull();
    expect(precompressedRewritePath('/data/reports.csv', get('br'), false)).toBeNull();
    expect(contentTypeOf('x/duckdb-eh.wasm')).toBe('application/wasm');
    expect(contentTypeOf('x/a.js')).toBe('application/javascript; charset=utf-8');
    expect(contentTypeOf('x/a.bin')).toBe('application/octet-stream');
  });
});
