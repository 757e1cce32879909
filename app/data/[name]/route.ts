/**
 * GET /data/{reports,cells,flags}.csv, /data/manifest.json, /data/first-pages.json and
 * /data/agency-aliases.csv (the alias table the ingest applied, lib/pipeline/alias-file.ts; the
 * browser applies the same rows to uploads) — the files written by
 * `npm run build:data` (the manifest by lib/pipeline/build-browser-data.ts; facts partitions are
 * served by ../facts/[name], one report's cells by ../cells/[id]), read from
 * data/build/ on every request (so a rebuild needs no restart). `DATA_BUILD_DIR` may point
 * elsewhere (absolute, or relative to the working directory) for development and tests.
 * Any other name, or a file not built yet, is a 404 with a plain-text explanation. Report texts
 * are served by ../texts/[name]/route.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AGENCY_ALIAS_FILE as ALIAS_FILE } from '@/lib/parse/agency-alias-table';
import { precompressedFileResponse } from '../../_lib/precompressed-file';
import { dataDir, shownPath, textResponse } from '../data-dir';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const FILES = new Set(['reports.csv', 'cells.csv', 'flags.csv', 'manifest.json', 'first-pages.json', ALIAS_FILE]);

/**
 * Serve one data file as `text/csv; charset=utf-8` (manifest.json as JSON; no caching). 404 with a plain-text Chinese
 * explanation (and the English hint “run npm run build:data”) when the name is unknown or the file
 * has not been built; for the alias table, 204 (no content) when the data was built without one; 500 with the error message when it cannot be read.
 */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await context.params;
  if (!FILES.has(name)) {
    return textResponse(404, `没有名为 ${name} 的数据文件；可用的是 reports.csv、cells.csv、flags.csv（报告原文在 /data/texts/报告编号.txt）。`);
  }
  try {
    const headers = { 'content-type': name.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8', 'cache-control': 'no-store' };
    // Its .br/.gz copy when the browser accepts one (lib/pipeline/precompress-assets.ts, issue 15).
    const compressed = await precompressedFileResponse(path.join(dataDir(), name), request, headers);
    if (compressed) return compressed;
    const bytes = await readFile(path.join(dataDir(), name)); // not there: throws ENOENT, answered below
    return new Response(new Uint8Array(bytes), { status: 200, headers });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && name === ALIAS_FILE) {
      // Not an error: the data was built without an alias table (uploads then keep the resolved identities).
      return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return textResponse(404, `找不到 ${shownPath(name)}：数据还没有生成。请在项目目录运行 npm run build:data，然后刷新页面。\n(Data not built yet: run npm run build:data.)`);
    }
    return textResponse(500, `读取 ${shownPath(name)} 失败：${(e as Error).message}`);
  }
}
