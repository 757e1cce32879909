/**
 * The ingest's folder walk: every entry below the given paths is accounted for — a file to read,
 * an entry that cannot be read (a reports.csv row with status `read_error` and the reason), or a
 * file deliberately not read (dot-files, README and MANIFEST files: listed in skipped.csv). One
 * bad entry never stops the walk of the rest of its folder. Iterative, so no folder depth
 * overflows the stack; a symlink back to a folder already walked is not walked again.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

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
  out.files = out.entries.filter((e) => !e.problem).map((e) => e.path);
  return out;
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
