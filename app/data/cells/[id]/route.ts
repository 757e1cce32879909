/**
 * GET /data/cells/<report_id> — one report's rows of cells.csv (with the header line), read by
 * byte ranges listed in cells-index.json (lib/pipeline/build-browser-data.ts), so the report page
 * and the upload checks get a report's cells without the browser loading all of cells.csv.
 *
 * A report id is 16 hex digits (`-N` for the N-th copy of a file), as in reports.csv; any other
 * id (`__proto__`, `constructor`, `../x`) is a 404 before any file is touched. A well-formed id
 * that reports.csv does not list is a 404 too; a listed report with no cells gets the header only.
 * 404 when the data has not been built. Both files are read again only when they change (mtime).
 */
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { dataDir, shownPath, textResponse } from '../../data-dir';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** A report id of reports.csv: 16 lowercase hex digits, `-N` for a repeated file. */
const REPORT_ID = /^[0-9a-f]{16}(?:-\d+)?$/;

/** report id → byte ranges `[start, end)` of its rows in cells.csv. A Map: no id reaches Object.prototype. */
type Index = Map<string, Array<[number, number]>>;

/** What was last read from one data folder: the cells index and the ids of reports.csv, with their files' mtimes. */
let cached: { dir: string; indexMtime: number; reportsMtime: number; index: Index; reportIds: Set<string> } | null = null;

/** The cells index and the report ids of `dir`, re-read when either file changed. Throws ENOENT when not built. */
async function loadIndex(dir: string): Promise<{ index: Index; reportIds: Set<string> }> {
  const indexFile = path.join(dir, 'cells-index.json');
  const reportsFile = path.join(dir, 'reports.csv');
  const [a, b] = await Promise.all([stat(indexFile), stat(reportsFile)]);
  if (cached && cached.dir === dir && cached.indexMtime === a.mtimeMs && cached.reportsMtime === b.mtimeMs) return cached;
  const parsed = JSON.parse(await readFile(indexFile, 'utf8')) as Record<string, Array<[number, number]>>;
  const rows = Papa.parse<Record<string, string>>(await readFile(reportsFile, 'utf8'), { header: true, skipEmptyLines: true }).data;
  cached = {
    dir,
    indexMtime: a.mtimeMs,
    reportsMtime: b.mtimeMs,
    index: new Map(Object.entries(parsed)),
    reportIds: new Set(rows.map((r) => r.report_id).filter((id): id is string => typeof id === 'string')),
  };
  return cached;
}

/** The header line of cells.csv and the rows at `ranges`, read from the open file. */
async function readRanges(file: string, ranges: ReadonlyArray<[number, number]>): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(head, 0, 4096, 0);
    const nl = head.subarray(0, bytesRead).indexOf(0x0a);
    const parts: Buffer[] = [head.subarray(0, nl + 1)];
    for (const [start, end] of ranges) {
      const buf = Buffer.alloc(end - start);
      await fh.read(buf, 0, end - start, start);
      parts.push(buf);
    }
    return Buffer.concat(parts);
  } finally {
    await fh.close();
  }
}

/** Serve one report's cells as `text/csv; charset=utf-8`, or a plain-text 404/500 that says what to do. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  if (!REPORT_ID.test(id)) {
    return textResponse(404, `“${id.slice(0, 40)}”不是报告编号（报告编号为 16 位十六进制数字）。请从看板或报告页打开报告。`);
  }
  const dir = dataDir();
  try {
    const { index, reportIds } = await loadIndex(dir);
    const ranges = index.get(id);
    if (!ranges && !reportIds.has(id)) {
      return textResponse(404, `数据中没有编号为 ${id} 的报告。请从看板打开报告；若数据刚重新生成，请刷新页面。`);
    }
    const bytes = await readRanges(path.join(dir, 'cells.csv'), ranges ?? []);
    return new Response(new Uint8Array(bytes), { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store' } });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return textResponse(404, `找不到 ${shownPath('cells-index.json')}、reports.csv 或 cells.csv：数据还没有生成。请在项目目录运行 npm run build:data，然后刷新页面。`);
    }
    return textResponse(500, `读取单元格失败（${(e as Error).message}）。请在项目目录重新运行 npm run build:data，然后刷新页面。`);
  }
}
