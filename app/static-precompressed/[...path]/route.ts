/**
 * GET /static-precompressed/<path> — Next's own static file /_next/static/<path> (chunks, CSS,
 * DuckDB's wasm and workers, pdf.js), served with its pre-compressed copy (`.br` / `.gz` beside it,
 * written by lib/pipeline/precompress-assets.ts after `next build`) when the browser accepts one
 * (../../_lib/precompressed-file.ts). ../../../proxy.ts rewrites /_next/static/ requests here when
 * their Accept-Encoding allows br or gzip, because Next's static serving sends the files as they are
 * (next.config.js `compress: false`): the first load was 36.6 MB, 94 % of it DuckDB's wasm.
 * Same Content-Type and caching as Next's (`public, max-age=31536000, immutable`: the names carry
 * a content hash). A path outside .next/static, or a file not there, is a 404 with a sentence.
 */
import path from 'node:path';
import { contentTypeOf, precompressedFileResponse } from '../../_lib/precompressed-file';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Where `next build` puts the static files (Next's default distDir). */
const staticDir = () => path.join(process.cwd(), '.next', 'static');

const notFound = (what: string) =>
  new Response(`找不到静态文件 ${what.slice(0, 200)}：它不是这一版看板构建出的文件。请刷新页面；若仍出现，请重新运行 npm start。`, {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/** Serve one static file (pre-compressed when accepted), or a plain-text 404. */
export async function GET(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const parts = (await context.params).path ?? [];
  const root = staticDir();
  const file = path.resolve(root, ...parts);
  const shown = parts.join('/');
  if (!file.startsWith(root + path.sep) || parts.some((p) => p === '..' || p.includes('\0'))) return notFound(shown);
  if (/\.(br|gz)$/.test(file)) return notFound(shown); // the copies are served only as an encoding of their file
  const res = await precompressedFileResponse(file, request, { 'content-type': contentTypeOf(file), 'cache-control': 'public, max-age=31536000, immutable' });
  return res ?? notFound(shown);
}
