/**
 * GET /pdfjs/cmaps/NAME.bcmap and /pdfjs/standard_fonts/NAME — pdf.js's character maps and
 * standard fonts from the installed `pdfjs-dist` package, for reading uploaded PDFs in the browser
 * (lib/parse/parse-pdf-report.ts PdfReadOptions cMapUrl / standardFontDataUrl). Chinese PDFs whose
 * fonts are not embedded (STSong-Light with UniGB-UCS2-H) cannot be read without the maps.
 *
 * Only the two folders are served, and only names that exist in them: the folder must be one of
 * the two, the name must match `^[A-Za-z0-9][A-Za-z0-9._-]*\.(bcmap|pfb|ttf)$` (no separators, no
 * `..`) and be listed in the folder, and the resolved path must lie inside it. Anything else is a
 * 404 with a Chinese explanation. The files never change for an installed version: cached for a day.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { textResponse } from '../../../data/data-dir';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const DIRS = new Set(['cmaps', 'standard_fonts']);
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(bcmap|pfb|ttf)$/;
const TYPES: Record<string, string> = { bcmap: 'application/octet-stream', pfb: 'application/octet-stream', ttf: 'font/ttf' };

/** pdfjs-dist's folder: node_modules/pdfjs-dist under the working directory (where `next start` runs). */
function pdfjsDir(): string {
  return path.join(process.cwd(), 'node_modules', 'pdfjs-dist');
}

const listings = new Map<string, Promise<Set<string>>>();

/** The file names of one of the two folders (read once per server process). */
function listing(dir: string): Promise<Set<string>> {
  let p = listings.get(dir);
  if (!p) {
    p = readdir(path.join(pdfjsDir(), dir)).then((names) => new Set(names));
    p.catch(() => listings.delete(dir));
    listings.set(dir, p);
  }
  return p;
}

/**
 * Serve one file of pdfjs-dist's cmaps/ or standard_fonts/. 404 (plain-text Chinese explanation)
 * for another folder, a malformed or unknown name; 500 when pdfjs-dist is not installed.
 */
export async function GET(_request: Request, context: { params: Promise<{ dir: string; name: string }> }): Promise<Response> {
  const { dir, name } = await context.params;
  if (!DIRS.has(dir) || !NAME.test(name)) {
    return textResponse(404, `没有这个文件：/pdfjs/${dir}/${name}。这里只提供 pdf.js 的字符映射表（/pdfjs/cmaps/）和标准字体（/pdfjs/standard_fonts/）。`);
  }
  let names: Set<string>;
  try {
    names = await listing(dir);
  } catch (e) {
    return textResponse(500, `读取 pdfjs-dist 的 ${dir} 目录失败（${(e as Error).message}）。请在项目目录运行 npm install 后重启看板。`);
  }
  const base = path.join(pdfjsDir(), dir);
  const file = path.join(base, name);
  if (!names.has(name) || path.dirname(file) !== base) {
    return textResponse(404, `pdf.js 的 ${dir} 目录中没有 ${name}。`);
  }
  try {
    const bytes = await readFile(file);
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        'content-type': TYPES[name.split('.').pop() as string] ?? 'application/octet-stream',
        'cache-control': 'public, max-age=86400',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (e) {
    return textResponse(500, `读取 ${dir}/${name} 失败：${(e as Error).message}`);
  }
}
