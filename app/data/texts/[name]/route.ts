/**
 * GET /data/texts/REPORT_ID.txt — the text of one report as the ingest read it
 * (data/build/texts/REPORT_ID.txt, written by `npm run build:data`), for the report page.
 *
 * The name is checked against `^[0-9a-f]{16}(-\d+)?\.txt$` (a report id: 16 hex digits, `-N` for
 * the N-th copy of the same file) before any file is touched, so no other path — `..`, slashes,
 * encoded separators — can be read. The resolved path is also checked to lie inside texts/.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dataDir, shownPath, textResponse } from '../../data-dir';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const NAME = /^([0-9a-f]{16}(?:-\d+)?)\.txt$/;

/**
 * Serve one report text as `text/plain; charset=utf-8` (no caching). 404 with a Chinese
 * explanation for a name that is not a report id (`__proto__`, `..%2Fx`) and when the text has not
 * been built; 500 with the error when it cannot be read.
 */
export async function GET(_request: Request, context: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await context.params;
  const m = NAME.exec(name);
  if (!m) {
    return textResponse(404, '报告原文的地址应为 /data/texts/报告编号.txt（报告编号为 16 位十六进制数字，重复文件另加 -序号）。请从看板或报告页打开原文。');
  }
  const dir = path.join(dataDir(), 'texts');
  const file = path.join(dir, `${m[1]}.txt`);
  if (path.dirname(file) !== dir) return textResponse(404, '报告编号不合法：请从看板或报告页打开原文。');
  try {
    const bytes = await readFile(file);
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return textResponse(
        404,
        `找不到 ${shownPath(`texts/${m[1]}.txt`)}：这份报告的原文还没有生成，或数据是旧版本生成的。请在项目目录运行 npm run build:data，然后刷新页面。`,
      );
    }
    return textResponse(500, `读取 ${shownPath(`texts/${m[1]}.txt`)} 失败：${(e as Error).message}`);
  }
}
