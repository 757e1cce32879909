/**
 * GET /data/facts/<year>.arrow — one report year's per-report facts as an Arrow IPC stream, written
 * by lib/pipeline/build-browser-data.ts (listed in /data/manifest.json), read from the data folder
 * (../../data-dir.ts) on every request. Any other name, or a partition not built, is a 404.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { precompressedFileResponse } from '../../../_lib/precompressed-file';
import { dataDir, shownPath, textResponse } from '../../data-dir';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Serve one facts partition (`application/vnd.apache.arrow.stream`), or a plain-text 404/500. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await context.params;
  if (!/^(\d{4}|unknown)\.arrow$/.test(name)) return textResponse(404, `没有名为 facts/${name} 的数据文件。`);
  try {
    const headers = { 'content-type': 'application/vnd.apache.arrow.stream', 'cache-control': 'no-store' };
    const compressed = await precompressedFileResponse(path.join(dataDir(), 'facts', name), request, headers); // .br/.gz when accepted (issue 15)
    if (compressed) return compressed;
    const bytes = await readFile(path.join(dataDir(), 'facts', name)); // not there: throws ENOENT, answered below
    return new Response(new Uint8Array(bytes), { status: 200, headers });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return textResponse(404, `找不到 ${shownPath(`facts/${name}`)}：请运行 npm run build:data。`);
    return textResponse(500, `读取 ${shownPath(`facts/${name}`)} 失败：${(e as Error).message}`);
  }
}
