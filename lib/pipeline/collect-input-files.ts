/**
 * The ingest's folder walk: every entry below the given paths is accounted for — a file to read,
 * an entry that cannot be read (a reports.csv row with status `read_error` and the reason), or a
 * file deliberately not read (dot-files, README and MANIFEST files, a saved web page's own images —
 * read with the page —: listed in skipped.csv). One
 * bad entry never stops the walk of the rest of its folder. Iterative, so no folder depth
 * overflows the stack; a symlink back to a folder already walked is not walked again.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { decodeHtmlPage } from '../parse/parse-html-report';
import { MAX_REPORT_BYTES } from '../read/read-limits';
import { linkedPath } from './linked-files';

/** One entry to ingest, in walk order: a file to read, or an entry that cannot be read and why (`problem`, a Chinese phrase). */
export interface InputEntry {
  path: string;
  /** Why the entry cannot be read (dangling link, not a regular file, no permission), or undefined for a file to read. */
  problem?: string;
}

/** An entry deliberately not read, and why (a Chinese phrase): dot-files, README/MANIFEST files, a folder reached again through a link. */
export interface SkippedEntry {
  path: string;
  reason: string;
}

/** The walk's outcome: entries in order (folders sorted by name), the skipped ones, and given paths that do not exist. */
export interface CollectedInput {
  /** Readable files only (the paths of `entries` without a problem), for callers that only read. */
  files: string[];
  entries: InputEntry[];
  skipped: SkippedEntry[];
  /** Paths given that do not exist (the CLI reports them; they are no entry of a folder). */
  notFound: string[];
}

/** Why a folder entry is not read at all, or null: dot-files and the corpus's README/MANIFEST files are no reports. */
function skipReason(name: string): string | null {
  if (name.startsWith('.')) return '隐藏文件（以“.”开头），不是报告';
  if (/^(MANIFEST|README)\b/i.test(name)) return '说明文件（README/MANIFEST），不是报告';
  return null;
}

/** The problem of an entry that is neither a regular file nor a folder (after following links). */
function kindProblem(st: Stats): string {
  const kind = st.isFIFO() ? '管道（FIFO）' : st.isSocket() ? '套接字' : st.isCharacterDevice() || st.isBlockDevice() ? '设备文件' : '特殊文件';
  return `不是普通文件（是${kind}），未读取。请把报告文件本身放进文件夹后再导入`;
}

/** The problem of an entry whose stat failed: a dangling link, a link loop, no permission. */
function statProblem(p: string, e: NodeJS.ErrnoException): string {
  let link = false;
  try {
    link = lstatSync(p).isSymbolicLink();
  } catch {
    link = false;
  }
  if (link && e.code === 'ENOENT') return '是符号链接，但它指向的文件不存在，未读取。请修复或删除该链接后再导入';
  if (e.code === 'ELOOP') return '符号链接循环指向自身，未读取。请修复或删除该链接后再导入';
  if (e.code === 'EACCES' || e.code === 'EPERM') return '没有读取权限，未读取。请检查文件权限后再导入';
  return `无法访问（${e.code ?? e.message}），未读取。请检查该文件后再导入`;
}

/**
 * Walks the given files and folders. Never throws. A given path that does not exist is in
 * `notFound`; inside folders, every entry is in `entries` (files and unreadable entries, in sorted
 * order, folder by folder, depth first) or in `skipped`. Links are followed (a link to a folder
 * already walked is skipped, so link cycles end).
 */
export function collectInput(paths: readonly string[]): CollectedInput {
  const out: CollectedInput = { files: [], entries: [], skipped: [], notFound: [] };
  const walked = new Set<string>();
  const stack: Array<{ p: string; given: boolean }> = [...paths].reverse().map((p) => ({ p, given: true }));
  while (stack.length) {
    const { p, given } = stack.pop()!;
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      if (given && (e as NodeJS.ErrnoException).code === 'ENOENT' && !isLink(p)) out.notFound.push(p);
      else out.entries.push({ path: p, problem: statProblem(p, e as NodeJS.ErrnoException) });
      continue;
    }
    if (st.isFile()) {
      out.entries.push({ path: p });
      continue;
    }
    if (!st.isDirectory()) {
      out.entries.push({ path: p, problem: kindProblem(st) });
      continue;
    }
    const real = safeRealpath(p);
    if (walked.has(real)) {
      out.skipped.push({ path: p, reason: '文件夹已读过（符号链接指回已读的文件夹）' });
      continue;
    }
    walked.add(real);
    let names: string[];
    try {
      names = readdirSync(p).sort();
    } catch (e) {
      out.entries.push({ path: p, problem: `无法读取此文件夹（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），其中的文件未导入。请检查读取权限后再导入` });
      continue;
    }
    const children: Array<{ p: string; given: boolean }> = [];
    for (const name of names) {
      const reason = skipReason(name);
      if (reason) out.skipped.push({ path: path.join(p, name), reason });
      else children.push({ p: path.join(p, name), given: false });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  setAsidePageImages(out);
  out.files = out.entries.filter((e) => !e.problem).map((e) => e.path);
  return out;
}

/** File endings of HTML pages, whose images are read with the page (lib/parse/file-formats.ts FORMAT_EXTENSIONS). */
const PAGE_EXTENSIONS = ['.html', '.htm', '.xhtml'];
/** File endings of PNG/JPEG images (lib/read reads them by OCR as reports of their own). */
const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

/** Whether the file at `p` is a PNG or JPEG, by its ending or its first bytes. */
function isImageFile(p: string): boolean {
  if (IMAGE_EXTENSIONS.includes(path.extname(p).toLowerCase())) return true;
  try {
    const b = readFileSync(p).subarray(0, 4);
    return (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff);
  } catch {
    return false;
  }
}

/** The `src` of every `<img>` of an HTML page's bytes (decoded as lib/parse reads the page; `&amp;` undone); [] when unreadable. */
export function imageSourcesOfPage(bytes: Uint8Array): string[] {
  const decoded = decodeHtmlPage(bytes, 'page');
  if (!decoded.ok) return [];
  const html = decoded.text;
  const out: string[] = [];
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = (m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/gi, '&').trim();
    if (src && !/^data:/i.test(src)) out.push(src);
  }
  return out;
}

/**
 * The images of the HTML pages among `entries`, by resolved path → the page that owns it: every
 * file an `<img src>` of the page names in its folder (./linked-files.ts linkedPath, the hook the
 * page's own read uses), and every file in the folder a browser saves beside the page
 * (`<page>_files/`, `<page>.files/`).
 */
function pageImageOwners(entries: readonly InputEntry[]): { files: Map<string, string>; folders: Map<string, string> } {
  const owners = new Map<string, string>();
  const folders = new Map<string, string>();
  for (const e of entries) {
    if (e.problem || !PAGE_EXTENSIONS.includes(path.extname(e.path).toLowerCase())) continue;
    const page = path.resolve(e.path);
    const stem = page.slice(0, page.length - path.extname(page).length);
    for (const folder of [`${stem}_files`, `${stem}.files`]) if (!folders.has(folder)) folders.set(folder, e.path);
    let bytes: Uint8Array;
    try {
      if (statSync(page).size > MAX_REPORT_BYTES) continue;
      bytes = new Uint8Array(readFileSync(page));
    } catch {
      continue;
    }
    for (const src of imageSourcesOfPage(bytes)) {
      const at = linkedPath(path.dirname(page), src);
      if (at.ok && !owners.has(at.value)) owners.set(at.value, e.path);
    }
  }
  return { files: owners, folders };
}

/** The page that owns the file at resolved path `full`: named by an `<img src>`, or in a folder saved beside the page (at any depth); undefined when none. */
function ownerOf(full: string, owners: { files: Map<string, string>; folders: Map<string, string> }): string | undefined {
  const named = owners.files.get(full);
  if (named) return named;
  for (let dir = path.dirname(full); ; dir = path.dirname(dir)) {
    const page = owners.folders.get(dir);
    if (page) return page;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Moves the PNG/JPEG files a saved web page of the same input owns ({@link pageImageOwners}) from
 * `out.entries` to `out.skipped`, the reason naming the page: the page's read already reads them
 * through its linked-file hook (lib/read/read-embedded-images.ts), and read on their own they would
 * be an extra partial "table image" report. An image no page owns stays a report.
 */
function setAsidePageImages(out: CollectedInput): void {
  const owners = pageImageOwners(out.entries);
  if (!owners.files.size && !owners.folders.size) return;
  const kept: InputEntry[] = [];
  for (const e of out.entries) {
    const page = e.problem ? undefined : ownerOf(path.resolve(e.path), owners);
    if (page && page !== e.path && isImageFile(e.path)) {
      out.skipped.push({ path: e.path, reason: `网页“${path.basename(page)}”引用或随其保存的图片，已随该网页读取（其中的表格图片由文字识别读出），不单独作为报告` });
    } else kept.push(e);
  }
  out.entries = kept;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
