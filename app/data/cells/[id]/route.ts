/**
 * GET /data/cells/<report_id> — one report's rows of cells.csv (with the header line), read by
 * byte ranges listed in cells-index.json (lib/pipeline/build-browser-data.ts), so the report page
 * and the upload checks get a report's cells without the browser loading all of cells.csv.
 * A report with no cells (or an id not in the index) gets the header only. 404 when the index has
 * not been built.
 */
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { dataDir, shownPath, textResponse } from '../../data-dir';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Index = Record<string, Array<[number, number]>>;
let cached: { file: string; mtimeMs: number; index: Index } | null = null;

async function loadIndex(file: string): Promise<Index> {
  const st = await stat(file);
  if (cached && cached.file === file && cached.mtimeMs === st.mtimeMs) return cached.index;
  const index = JSON.parse(await readFile(file, 'utf8')) as Index;
  cached = { file, mtimeMs: st.mtimeMs, index };
  return index;
}

/** Serve one report's cells as `text/csv; charset=utf-8`, or a plain-text 404/500. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  if (!/^[0-9A-Za-z_-]{1,80}$/.test(id)) return textResponse(404, `报告编号 ${id} 的格式不对。`);
  const dir = dataDir();
  try {
    const index = await loadIndex(path.join(dir, 'cells-index.json'));
    const fh = await open(path.join(dir, 'cells.csv'), 'r');
    try {
      const head = Buffer.alloc(4096);
      const { bytesRead } = await fh.read(head, 0, 4096, 0);
      const nl = head.subarray(0, bytesRead).indexOf(0x0a);
      const parts: Buffer[] = [head.subarray(0, nl + 1)];
      for (const [start, end] of index[id] ?? []) {
        const buf = Buffer.alloc(end - start);
        await fh.read(buf, 0, end - start, start);
        parts.push(buf);
      }
      return new Response(new Uint8Array(Buffer.concat(parts)), { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store' } });
    } finally {
      await fh.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return textResponse(404, `找不到 ${shownPath('cells-index.json')} 或 cells.csv：请运行 npm run build:data。`);
    return textResponse(500, `读取单元格失败：${(e as Error).message}`);
  }
}
