/**
 * `tsx lib/pipeline/precompress-cli.ts [DIR...]` (run by `npm run build` after `next build`):
 * writes the `.br` and `.gz` copies of the big static files (./precompress-assets.ts) below each DIR,
 * by default `.next/static` (Next's chunks, DuckDB's wasm and workers, pdf.js) and the data folder
 * (`DATA_BUILD_DIR`, else data/build). Prints one line per folder; exits 1 when a file could not be
 * compressed (the others are written; the server then sends that file uncompressed).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompressFolder, precompressSummaryText } from './precompress-assets';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The folders served pre-compressed by default: Next's static files and the data folder. */
export function defaultPrecompressDirs(): string[] {
  const data = process.env.DATA_BUILD_DIR ? path.resolve(process.env.DATA_BUILD_DIR) : path.join(root, 'data', 'build');
  return [path.join(root, '.next', 'static'), data];
}

/** Compresses each folder in turn, printing what it did; resolves to the number of files that failed. */
export async function precompressDirs(dirs: readonly string[], who = 'precompress'): Promise<number> {
  let failed = 0;
  for (const dir of dirs) {
    const s = await precompressFolder(dir);
    failed += s.failures.length;
    console.log(`${who}: ${precompressSummaryText(path.relative(root, dir) || dir, s)}`);
  }
  return failed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const failed = await precompressDirs(args.length ? args.map((a) => path.resolve(a)) : defaultPrecompressDirs());
  process.exitCode = failed ? 1 : 0;
}
