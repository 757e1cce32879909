/**
 * GET /sqljs/sql-wasm.wasm — the SQLite engine of npm `sql.js`, served by the app itself (never a
 * CDN). Used only by the benchmark's comparison of DuckDB-WASM with sql.js on the same page
 * (app/_lib/sqljs-bench.ts, tests/bench/bench-browser.ts). Any other name is a 404.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { textResponse } from '../../data/data-dir';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Serve sql.js's browser wasm (`application/wasm`), or 404 for any other name. */
export async function GET(_request: Request, context: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await context.params;
  if (name !== 'sql-wasm.wasm') return textResponse(404, `没有名为 ${name} 的文件；只有 sql-wasm.wasm。`);
  try {
    const dir = path.join(process.cwd(), 'node_modules', 'sql.js', 'dist');
    const file = path.join(dir, 'sql-wasm-browser.wasm');
    const bytes = await readFile(file);
    return new Response(new Uint8Array(bytes), { status: 200, headers: { 'content-type': 'application/wasm', 'cache-control': 'no-store' } });
  } catch (e) {
    return textResponse(500, `读取 sql.js 的 wasm 失败：${(e as Error).message}`);
  }
}
