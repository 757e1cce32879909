/**
 * GET /sqljs/sql-wasm.js and /sqljs/sql-wasm.wasm — the browser script and SQLite engine of npm
 * `sql.js`, served by the app itself (never a CDN). Benchmark only: the comparison of DuckDB-WASM
 * with sql.js on the same page (app/_lib/bench/sqljs-bench.ts, tests/bench/bench-browser.ts).
 * sql.js is a devDependency read from node_modules at request time, never bundled: without the
 * dev dependencies installed both are a 404 that says so. Any other name is a 404.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { textResponse } from '../../data/data-dir';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Served name → file in node_modules/sql.js/dist and its content type. */
const FILES = new Map<string, { file: string; type: string }>([
  ['sql-wasm.js', { file: 'sql-wasm-browser.js', type: 'text/javascript; charset=utf-8' }],
  ['sql-wasm.wasm', { file: 'sql-wasm-browser.wasm', type: 'application/wasm' }],
]);

/** Serve sql.js's browser script or wasm; 404 for any other name or when sql.js is not installed, 500 when it cannot be read. */
export async function GET(_request: Request, context: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await context.params;
  const entry = FILES.get(name); // a Map: `__proto__`, `constructor` are just unknown names
  if (!entry) return textResponse(404, `没有名为 ${name} 的文件；只有 sql-wasm.js 和 sql-wasm.wasm（仅供性能测试）。`);
  try {
    const bytes = await readFile(path.join(process.cwd(), 'node_modules', 'sql.js', 'dist', entry.file));
    return new Response(new Uint8Array(bytes), { status: 200, headers: { 'content-type': entry.type, 'cache-control': 'no-store' } });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return textResponse(404, `sql.js 没有安装（它只是性能测试的开发依赖）。如需对比测试，请在项目目录运行 npm install（包括开发依赖）。`);
    }
    return textResponse(500, `读取 sql.js 的 ${name} 失败：${(e as Error).message}`);
  }
}
